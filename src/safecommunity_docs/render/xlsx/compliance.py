"""The 合规检查报告 workbook: one row per finding, filterable, frozen header, printable."""

from __future__ import annotations

import math
import unicodedata

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ...compliance import Severity
from ...views.compliance_report import ComplianceReportView
from .cells import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEAD_FILL,
    HEAD_FONT,
    TITLE_FONT,
    WRAP,
    cell_at,
    print_setup,
    save_workbook,
    write_text,
)

SHEET = "合规检查结果"
TITLE_ROW, SUMMARY_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
WIDTHS = (5, 11, 14, 8, 26, 22, 42, 22, 7, 22)
"""Column widths (Excel character units) in the view's column order."""
SEVERITY_FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="F8CBAD"),
    Severity.WARNING: PatternFill("solid", fgColor="FFE699"),
    Severity.INFO: PatternFill("solid", fgColor="DDEBF7"),
}
TOP_WRAP = Alignment(wrap_text=True, vertical="top")
TOP_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
CENTERED = frozenset({1, 4, 9})
"""Columns shown centred: 序号, 严重程度, 已确认."""
LINE_HEIGHT = 14.0
"""Points per line of 10.5 pt text (spreadsheet programs do not grow rows to fit wrapped text
written by a program, so each row's height is set from its longest cell)."""
TEXT_PER_UNIT = 1.25
"""Character units of 10.5 pt 宋体 text per unit of column width (measured in LibreOffice: a
column 42 wide holds 27 CJK characters or 54 Latin ones); a little less, to stay on the safe
side."""


def _width(text: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide."""
    room = max(int(width * TEXT_PER_UNIT) - 1, 1)
    return sum(max(1, math.ceil(_width(part) / room)) for part in text.split("\n"))


def render_compliance(view: ComplianceReportView) -> bytes:
    """Return the 合规检查报告 workbook (.xlsx bytes) for ``view``.

    A title and a summary line, then a header row (frozen, repeated on every printed page, with
    an autofilter over every column) and one row per finding. Every text from the dossier or
    the findings is written as text (never a formula). Landscape A4, fitted to the page width.
    Same view, same bytes.
    """
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = SHEET
    last_col = get_column_letter(len(view.columns))
    title = write_text(ws, TITLE_ROW, 1, view.title)
    title.font, title.alignment = TITLE_FONT, CENTER
    ws.merge_cells(f"A{TITLE_ROW}:{last_col}{TITLE_ROW}")
    ws.row_dimensions[TITLE_ROW].height = 32
    summary = write_text(ws, SUMMARY_ROW, 1, view.summary)
    summary.font, summary.alignment = BODY_FONT, WRAP
    ws.merge_cells(f"A{SUMMARY_ROW}:{last_col}{SUMMARY_ROW}")
    for c, head in enumerate(view.columns, start=1):
        cell = write_text(ws, HEADER_ROW, c, head)
        cell.font, cell.fill, cell.alignment, cell.border = HEAD_FONT, HEAD_FILL, CENTER, BORDER
    for r, row in enumerate(view.rows, start=FIRST_ROW):
        for c, value in enumerate(row.cells(), start=1):
            if isinstance(value, int):
                cell = cell_at(ws, r, c)
                cell.value = value
            else:
                cell = write_text(ws, r, c, value)
            cell.font, cell.border = BODY_FONT, BORDER
            cell.alignment = TOP_CENTER if c in CENTERED else TOP_WRAP
        lines = max(_lines(str(v), w) for v, w in zip(row.cells(), WIDTHS, strict=True))
        ws.row_dimensions[r].height = lines * LINE_HEIGHT + 4
        severity = cell_at(ws, r, 4)
        severity.fill = SEVERITY_FILLS[row.severity]
        severity.font = Font(name=BODY_FONT.name, size=BODY_FONT.size, bold=True)
    for c, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    last_row = HEADER_ROW + len(view.rows)
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last_row}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last_col}{last_row}"
    print_setup(ws, landscape=True, margin=0.4, header=view.title)
    return save_workbook(book, view.title, view.document_date)
