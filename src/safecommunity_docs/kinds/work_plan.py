"""Kind ``work_plan``: 安全社区创建工作计划 (docx, pdf)."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..models.rubric import Rubric
from ..models.work_plan import WorkPlan
from ..views.document import DocumentView
from ..views.work_plan import work_plan_view
from .base import Kind, Part, RenderContext, one_document
from .registry import declare


def _view(plan: Any, context: RenderContext) -> DocumentView:
    assert isinstance(plan, WorkPlan)
    try:
        rubric: Rubric | None = context.rubric
    except InputError:  # a context made without one: the 达标条件 needs its own text
        rubric = None
    return work_plan_view(plan, context.dossier.community if context.dossier else None, rubric)


KIND = declare(
    Kind(
        name="work_plan",
        label="安全社区创建工作计划",
        model=WorkPlan,
        part=Part(field="work_plan", file="plan", schema="plan"),
        documents=one_document("work_plan", "work_plan"),
        views={"document": _view},
        order=30,
        annex_title=lambda dossier: dossier.work_plan.title if dossier.work_plan else "",
    )
)
