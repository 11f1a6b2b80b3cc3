"""The rule modules; importing this package registers every rule in ``rule.REGISTRY``."""

from . import (
    assessment,
    consistency,
    dates,
    diagnosis,
    hazards,
    organisation,
    plan,
    plan_projects,
    plan_written,
    projects,
    reassessment,
    records,
)

__all__ = [
    "assessment",
    "consistency",
    "dates",
    "diagnosis",
    "hazards",
    "organisation",
    "plan",
    "plan_projects",
    "plan_written",
    "projects",
    "reassessment",
    "records",
]
