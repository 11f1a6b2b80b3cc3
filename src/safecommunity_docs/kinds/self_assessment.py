"""Kind ``self_assessment``: 安全社区自评报告 (docx) and 自评表 (xlsx with live formulas)."""

from __future__ import annotations

from typing import Any

from ..io import load_rubric
from ..models.assessment import Assessment
from ..models.dossier import Dossier
from ..render.xlsx import render_scorecard
from ..scoring import score
from ..views.document import DocumentView
from ..views.scorecard import scorecard_view
from ..views.self_assessment import self_assessment_view
from .base import Document, Kind, RenderContext
from .registry import register


def _documents(dossier: Dossier) -> list[Document]:
    if dossier.assessment is None:
        return []
    name = dossier.community.name
    return [
        Document(
            "self_assessment",
            f"{name}安全社区自评报告",
            "自评报告",
            dossier.assessment,
            format_stems={"xlsx": f"{name}安全社区自评表"},
        )
    ]


def _view(assessment: Any, context: RenderContext) -> DocumentView:
    assert isinstance(assessment, Assessment)
    rubric = load_rubric(assessment.rubric)
    community = context.dossier.community if context.dossier else None
    return self_assessment_view(assessment, rubric, score(assessment, rubric), community)


def _xlsx(assessment: Any, context: RenderContext) -> bytes:
    assert isinstance(assessment, Assessment)
    name = context.dossier.community.name if context.dossier else ""
    return render_scorecard(scorecard_view(assessment, load_rubric(assessment.rubric), name))


KIND = register(
    Kind(
        name="self_assessment",
        label="安全社区自评报告及自评表",
        formats=("docx", "xlsx"),
        model=Assessment,
        documents=_documents,
        view=_view,
        extra={"xlsx": _xlsx},
    )
)
