"""Kind ``work_plan``: 安全社区创建工作计划 (docx)."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..models.work_plan import WorkPlan
from ..views.document import DocumentView
from ..views.work_plan import work_plan_view
from .base import Document, Kind, RenderContext
from .registry import register


def _documents(dossier: Dossier) -> list[Document]:
    plan = dossier.work_plan
    return [] if plan is None else [Document("work_plan", plan.title, plan.title, plan)]


def _view(plan: Any, context: RenderContext) -> DocumentView:
    assert isinstance(plan, WorkPlan)
    community = context.dossier.community if context.dossier else None
    return work_plan_view(plan, community)


KIND = register(
    Kind(
        name="work_plan",
        label="安全社区创建工作计划",
        formats=("docx",),
        model=WorkPlan,
        documents=_documents,
        view=_view,
    )
)
