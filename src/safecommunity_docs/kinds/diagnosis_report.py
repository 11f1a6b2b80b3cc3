"""Kind ``diagnosis_report``: 事故与伤害风险诊断报告 (docx with tables and charts, pdf)."""

from __future__ import annotations

from typing import Any

from ..models.diagnosis import DiagnosisReport
from ..views.diagnosis import diagnosis_view
from ..views.document import DocumentView
from .base import Kind, Part, RenderContext, one_document
from .registry import declare


def _view(report: Any, context: RenderContext) -> DocumentView:
    assert isinstance(report, DiagnosisReport)
    dossier = context.need_dossier("the diagnosis report (community and injury records)")
    return diagnosis_view(report, dossier, context.statistics)


KIND = declare(
    Kind(
        name="diagnosis_report",
        label="事故与伤害风险诊断报告",
        model=DiagnosisReport,
        part=Part(field="diagnosis", file="diagnosis", schema="diagnosis"),
        documents=one_document("diagnosis_report", "diagnosis"),
        views={"document": _view},
        order=40,
        annex_title=lambda dossier: dossier.diagnosis.title if dossier.diagnosis else "",
    )
)
