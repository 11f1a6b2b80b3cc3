"""A workbook made printable as an annex of the dossier PDF: chosen sheets, folios, row heights."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import load_workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .printing import LANDSCAPE_WIDTH, MIN_POINTS, column_points, fit_row_heights, narrow_to_fit

__all__ = ["LANDSCAPE_WIDTH", "MIN_POINTS", "bound_workbook", "column_points"]


def _page_setup(ws: Worksheet, heading: str, first_page: int | None) -> None:
    """Landscape A4 fitted to the width, ``heading`` (「附件1　title」) top left, 「— n —」
    (四号 宋体) below."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.scale = None
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Room above and below the table for the 14 pt header and footer (LibreOffice clips a
    # header taller than the gap between its margin and the top margin).
    ws.page_margins.top, ws.page_margins.header = 1.0, 0.35
    ws.page_margins.bottom, ws.page_margins.footer = 1.0, 0.35
    if first_page is not None:
        ws.page_setup.firstPageNumber = first_page
        ws.page_setup.useFirstPageNumber = True
    header, footer = ws.oddHeader, ws.oddFooter
    if header is None or footer is None:
        raise TypeError("openpyxl worksheets always have odd headers and footers")
    header.left.text = heading.replace("&", "&&")
    header.left.font, header.left.size = "黑体", 14
    header.center.text = header.right.text = None
    footer.center.text = "— &P —"
    footer.center.font, footer.center.size = "宋体", 14
    footer.left.text = footer.right.text = None


def bound_workbook(xlsx: bytes, sheets: Sequence[str], heading: str, first_page: int = 1) -> bytes:
    """Return ``xlsx`` ready to print as a dossier annex headed ``heading`` (「附件1　title」).

    Only ``sheets`` stay visible (LibreOffice prints no hidden sheet; formulas on them still
    count the hidden ones); each is landscape A4 fitted to the page width, with its print
    titles kept, its widest columns narrowed where fitting would print type below 9 pt, a
    height for every row that wraps text, ``heading`` in the header and 「— n —」 in the footer,
    numbered from ``first_page`` on (the folio the annex starts on in the dossier).
    """
    book = load_workbook(io.BytesIO(xlsx))
    shown = [ws for ws in book.worksheets if ws.title in sheets]
    if not shown:
        raise ValueError(f"the workbook has none of the sheets {', '.join(sheets)}")
    for ws in book.worksheets:
        if ws not in shown:
            ws.sheet_state = "hidden"
            ws.print_area = None  # LibreOffice prints a hidden sheet that has a print range
            continue
        margins = ws.page_margins
        printable = LANDSCAPE_WIDTH - 72 * ((margins.left or 0.5) + (margins.right or 0.5))
        narrow_to_fit(ws, printable)
        fit_row_heights(ws)
        _page_setup(ws, heading, first_page if ws is shown[0] else None)
    book.active = book.worksheets.index(shown[0])
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws is shown[0]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
