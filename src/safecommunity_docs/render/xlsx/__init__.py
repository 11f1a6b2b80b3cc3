"""Excel workbooks built with openpyxl: live formulas, validation, print set-up."""

from __future__ import annotations

from ...views.compliance_report import ComplianceReportView
from ...views.ledger import LedgerView
from ...views.scorecard import ScorecardView
from .cells import write_text
from .compliance import render_compliance
from .ledger import render_ledger
from .scorecard import SCORECARD_NAMES, render_scorecard


def render_workbook(view: ScorecardView | LedgerView | ComplianceReportView) -> bytes:
    """Render a workbook view: the 自评表 (ScorecardView), the 伤害监测台账 (LedgerView) or the
    合规检查报告 (ComplianceReportView)."""
    if isinstance(view, ScorecardView):
        return render_scorecard(view)
    if isinstance(view, LedgerView):
        return render_ledger(view)
    if isinstance(view, ComplianceReportView):
        return render_compliance(view)
    raise TypeError(f"no workbook renderer for a {type(view).__name__}")


__all__ = [
    "SCORECARD_NAMES",
    "render_compliance",
    "render_ledger",
    "render_scorecard",
    "render_workbook",
    "write_text",
]
