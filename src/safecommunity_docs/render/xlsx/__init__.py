"""Excel workbooks built with openpyxl: live formulas, validation, print set-up."""

from __future__ import annotations

from ...views.ledger import LedgerView
from ...views.scorecard import ScorecardView
from .cells import write_text
from .ledger import render_ledger
from .scorecard import SCORECARD_NAMES, render_scorecard


def render_workbook(view: ScorecardView | LedgerView) -> bytes:
    """Render a workbook view: the 自评表 (ScorecardView) or the 伤害监测台账 (LedgerView)."""
    if isinstance(view, ScorecardView):
        return render_scorecard(view)
    if isinstance(view, LedgerView):
        return render_ledger(view)
    raise TypeError(f"no workbook renderer for a {type(view).__name__}")


__all__ = ["SCORECARD_NAMES", "render_ledger", "render_scorecard", "render_workbook", "write_text"]
