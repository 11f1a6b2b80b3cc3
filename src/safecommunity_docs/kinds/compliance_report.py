"""Kind ``compliance_report``: 合规检查报告 (xlsx, one row per compliance finding)."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..views.compliance_report import ComplianceReportView, compliance_report_view
from .base import Document, Kind, RenderContext
from .registry import all_kinds, declare

NAME = "compliance_report"


def _documents(dossier: Dossier) -> list[Document]:
    """One report for a dossier that holds any other document (none for an empty one)."""
    others = (k for k in all_kinds() if k.in_dossier and k.name != NAME)
    if not any(k.documents(dossier) for k in others):
        return []
    return [Document(NAME, "合规检查报告", f"{dossier.community.name}合规检查报告", dossier)]


def _workbook(dossier: Any, context: RenderContext) -> ComplianceReportView:
    assert isinstance(dossier, Dossier)
    return compliance_report_view(dossier, context.findings)


KIND = declare(
    Kind(
        name=NAME,
        label="合规检查报告",
        model=Dossier,
        documents=_documents,
        views={"workbook": _workbook},
        order=90,
    )
)
