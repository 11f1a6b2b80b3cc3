"""Kind ``diagnosis_report``: 事故与伤害风险诊断报告 (docx with tables and charts)."""

from __future__ import annotations

from typing import Any

from ..models.diagnosis import DiagnosisReport
from ..models.dossier import Dossier
from ..views.diagnosis import diagnosis_view
from ..views.document import DocumentView
from .base import Document, Kind, RenderContext
from .registry import register


def _documents(dossier: Dossier) -> list[Document]:
    report = dossier.diagnosis
    return (
        [] if report is None else [Document("diagnosis_report", report.title, report.title, report)]
    )


def _view(report: Any, context: RenderContext) -> DocumentView:
    assert isinstance(report, DiagnosisReport)
    if context.dossier is None:
        raise ValueError("the diagnosis report needs the dossier (community and injury records)")
    return diagnosis_view(report, context.dossier)


KIND = register(
    Kind(
        name="diagnosis_report",
        label="事故与伤害风险诊断报告",
        formats=("docx",),
        model=DiagnosisReport,
        documents=_documents,
        view=_view,
    )
)
