"""Kind ``work_report``: 安全社区建设工作报告 (docx), written from the whole dossier."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..views.document import DocumentView
from ..views.work_report import work_report_title, work_report_view
from .base import Document, Kind, RenderContext, rubric_for
from .registry import register


def _documents(dossier: Dossier) -> list[Document]:
    if dossier.assessment is None:
        return []
    title = work_report_title(dossier.community)
    return [Document("work_report", title, title, dossier)]


def _view(dossier: Any, context: RenderContext) -> DocumentView:
    assert isinstance(dossier, Dossier)
    return work_report_view(dossier, rubric_for(dossier))


KIND = register(
    Kind(
        name="work_report",
        label="安全社区建设工作报告",
        formats=("docx",),
        model=Dossier,
        documents=_documents,
        view=_view,
    )
)
