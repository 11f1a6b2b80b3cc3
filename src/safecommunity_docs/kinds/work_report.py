"""Kind ``work_report``: 安全社区建设工作报告 (docx, pdf), written from the whole dossier."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..views.document import DocumentView
from ..views.work_report import work_report_title, work_report_view
from .base import Document, Kind, RenderContext
from .registry import declare

NAME = "work_report"


def _documents(dossier: Dossier) -> list[Document]:
    if dossier.assessment is None:
        return []
    title = work_report_title(dossier.community)
    return [Document(NAME, title, title, dossier)]


def _view(dossier: Any, context: RenderContext) -> DocumentView:
    assert isinstance(dossier, Dossier)
    report = context.score_of(dossier.assessment) if dossier.assessment is not None else None
    return work_report_view(dossier, context.rubric, report, context.outcomes)


KIND = declare(
    Kind(
        name=NAME,
        label="安全社区建设工作报告",
        model=Dossier,
        documents=_documents,
        views={"document": _view},
        order=20,
        annex_title=lambda dossier: work_report_title(dossier.community),
    )
)
