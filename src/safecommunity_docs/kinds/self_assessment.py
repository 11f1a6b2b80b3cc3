"""Kind ``self_assessment``: 安全社区自评报告 (docx, pdf) and 自评表 (xlsx with live formulas)."""

from __future__ import annotations

from typing import Any

from ..models.assessment import Assessment
from ..models.dossier import Dossier
from ..views.document import DocumentView
from ..views.scorecard import ScorecardView, scorecard_view
from ..views.self_assessment import self_assessment_view
from .base import BoundWorkbook, Document, Kind, Part, RenderContext
from .registry import declare

NAME = "self_assessment"


def _documents(dossier: Dossier) -> list[Document]:
    if dossier.assessment is None:
        return []
    name = dossier.community.name
    return [
        Document(
            NAME,
            f"{name}安全社区自评报告",
            "自评报告",
            dossier.assessment,
            format_stems={"xlsx": f"{name}安全社区自评表"},
        )
    ]


def _view(assessment: Any, context: RenderContext) -> DocumentView:
    assert isinstance(assessment, Assessment)
    dossier = context.dossier
    community = dossier.community if dossier else None
    outcomes = (
        context.outcomes if dossier is not None and dossier.assessment is assessment else None
    )
    return self_assessment_view(
        assessment, context.rubric, context.score_of(assessment), community, outcomes
    )


def _workbook(assessment: Any, context: RenderContext) -> ScorecardView:
    assert isinstance(assessment, Assessment)
    name = context.dossier.community.name if context.dossier else ""
    return scorecard_view(assessment, context.rubric, name)


KIND = declare(
    Kind(
        name=NAME,
        label="安全社区自评报告及自评表",
        model=Assessment,
        part=Part(field="assessment", file="assessment", schema="assessment"),
        documents=_documents,
        views={"document": _view, "workbook": _workbook},
        order=60,
        annex_title=lambda dossier: f"{dossier.community.name}安全社区自评报告及自评表",
        template_title="安全社区自评报告",
        bound_workbook=BoundWorkbook(
            title=lambda dossier: f"{dossier.community.name}安全社区自评表",
            sheets=("自评表", "汇总"),
        ),
    )
)
