"""A workbook made printable as an annex of the dossier PDF: chosen sheets, folios, row heights."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..zipfix import normalise_zip, replace_parts
from .printing import LANDSCAPE_WIDTH, MIN_POINTS, column_points, fit_row_heights, narrow_to_fit

__all__ = [
    "LANDSCAPE_WIDTH",
    "MIN_POINTS",
    "bind",
    "bound_workbook",
    "column_points",
    "number_bound",
]


FOLIO = "— &P —"
SPACE = "\u3000"  # 一字: 单页码居右空一字, 双页码居左空一字 (GB/T 9704 7.5)


def _page_setup(ws: Worksheet, heading: str, first: bool) -> None:
    """Landscape A4 fitted to the width, ``heading`` (「附件1　title」) top left, 「— n —」
    (四号 宋体) below at the outer side: odd pages right, even pages left, one character in.
    The ``first`` sheet's pages are numbered from 1 (:func:`number_bound` sets the folio)."""
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
    if first:
        ws.page_setup.firstPageNumber = 1
        ws.page_setup.useFirstPageNumber = True
    ws.HeaderFooter.differentOddEven = True
    for header, footer, even in (
        (ws.oddHeader, ws.oddFooter, False),
        (ws.evenHeader, ws.evenFooter, True),
    ):
        if header is None or footer is None:
            raise TypeError("openpyxl worksheets always have headers and footers")
        header.left.text = heading.replace("&", "&&")
        header.left.font, header.left.size = "黑体", 14
        header.center.text = header.right.text = None
        outer, inner = (footer.left, footer.right) if even else (footer.right, footer.left)
        outer.text = SPACE + FOLIO if even else FOLIO + SPACE
        outer.font, outer.size = "宋体", 14
        inner.text = footer.center.text = None


def bound_workbook(xlsx: bytes, sheets: Sequence[str], heading: str, first_page: int = 1) -> bytes:
    """Return ``xlsx`` ready to print as a dossier annex headed ``heading`` (「附件1　title」).

    Only ``sheets`` stay visible (LibreOffice prints no hidden sheet; formulas on them still
    count the hidden ones); each is landscape A4 fitted to the page width, with its print
    titles kept, its widest columns narrowed where fitting would print type below 9 pt, a
    height for every row that wraps text, ``heading`` in the header and 「— n —」 in the footer,
    numbered from ``first_page`` on (the folio the annex starts on in the dossier), at the
    outer side of each page.
    """
    return number_bound(bind(load_workbook(io.BytesIO(xlsx)), sheets, heading), first_page)


def bind(book: Workbook, sheets: Sequence[str], heading: str) -> bytes:
    """:func:`bound_workbook` of a workbook in memory (changed in place), numbered from 1:
    give it its folio with :func:`number_bound`."""
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
        _page_setup(ws, heading, ws is shown[0])
    book.active = book.worksheets.index(shown[0])
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws is shown[0]
    out = io.BytesIO()
    book.save(out)
    return normalise_zip(out.getvalue(), book.properties.created)  # same book, same bytes


_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
_FIRST = re.compile(rb'(<pageSetup\b[^>]*?\bfirstPageNumber=")1(")')
_FOOTERS = re.compile(rb"(<oddFooter>)(.*?)(</oddFooter>.*?<evenFooter>)(.*?)(</evenFooter>)", re.S)
_BOUND = b'<headerFooter differentOddEven="1">'
"""What :func:`_page_setup` leaves on each shown sheet, and none of the renderers' sheets
has otherwise."""


def number_bound(bound: bytes, first_page: int) -> bytes:
    """The workbook :func:`bind` wrote, its pages numbered from ``first_page``: the first shown
    sheet's first page number and, from an even one, the odd and even footers swapped
    (LibreOffice prints the first page as a right-hand page whatever its number, so the
    left-hand footer goes on its odd pages). Only those few bytes of the sheets' XML change,
    so no workbook is loaded."""
    if first_page == 1:
        return bound
    number = str(first_page).encode("ascii")
    replaced: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(bound)) as package:
        for name in package.namelist():
            if not _SHEET.fullmatch(name):
                continue
            xml = package.read(name)
            if _BOUND not in xml:  # a hidden sheet
                continue
            new = _FIRST.sub(rb"\g<1>" + number + rb"\g<2>", xml, count=1)
            if first_page % 2 == 0:
                new = _FOOTERS.sub(rb"\1\4\3\2\5", new, count=1)
            if new != xml:
                replaced[name] = new
    return replace_parts(bound, replaced)
