"""Document kinds: each module registers one kind (model, view, template, formats)."""

from . import (
    application,
    diagnosis_report,
    injury_ledger,
    promotion_project,
    self_assessment,
    work_plan,
    work_report,
)
from .base import Document, Kind, RenderContext
from .registry import DEFAULT_ORDER, get_kind, kind_for_model, kinds, register

_ = (  # imported to register them
    diagnosis_report,
    work_plan,
    promotion_project,
    self_assessment,
    injury_ledger,
    application,
    work_report,
)

__all__ = [
    "DEFAULT_ORDER",
    "Document",
    "Kind",
    "RenderContext",
    "get_kind",
    "kind_for_model",
    "kinds",
    "register",
]
