"""Document kinds: each module registers one kind (model, view, template, formats)."""

from . import promotion_project, self_assessment, work_plan
from .base import Document, Kind, RenderContext
from .registry import DEFAULT_ORDER, get_kind, kind_for_model, kinds, register

_ = (work_plan, promotion_project, self_assessment)  # imported to register them

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
