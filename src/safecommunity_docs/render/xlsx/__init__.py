"""Excel workbooks built with openpyxl: live formulas, validation, print set-up."""

from .cells import write_text
from .ledger import render_ledger
from .scorecard import SCORECARD_NAMES, render_scorecard

__all__ = ["SCORECARD_NAMES", "render_ledger", "render_scorecard", "write_text"]
