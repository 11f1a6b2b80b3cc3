"""A workbook made printable as an annex of the dossier PDF: chosen sheets, folios, row heights."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ...views.document import display_width

MIN_POINTS = 9.0
"""The smallest type a printed annex may show, after fitting to the page width (pt)."""
LANDSCAPE_WIDTH = 841.89
"""A4 landscape width (pt)."""
LINE_FACTOR = 1.45
"""Line height over type size of the CJK fonts the converter maps to (Noto CJK)."""
PADDING = 4.0
"""Vertical room a row needs besides its lines (pt)."""
DEFAULT_WIDTH = 8.43
DEFAULT_POINTS = 11.0


POINTS_PER_WIDTH = 7.05
"""Printed width (pt, at 100 %) of one unit of column width as LibreOffice lays it out with the
converter's fonts (measured: a sheet 164 units wide fits 770 pt at 67 %)."""


def column_points(width: float) -> float:
    """The printed width (pt, at 100 %) of a column ``width`` units wide."""
    return width * POINTS_PER_WIDTH


def _widths(ws: Worksheet) -> dict[int, float]:
    """Width (characters) of every used, visible column, by 1-based index."""
    widths: dict[int, float] = {}
    for index in range(1, ws.max_column + 1):
        dim = ws.column_dimensions.get(get_column_letter(index))
        if dim is not None and dim.hidden:
            continue
        widths[index] = dim.width if dim is not None and dim.width else DEFAULT_WIDTH
    return widths


def _cells(ws: Worksheet) -> list[Cell]:
    return [c for row in ws.iter_rows() for c in row if isinstance(c, Cell)]


def _size(cell: Cell) -> float:
    return float(cell.font.sz) if cell.font is not None and cell.font.sz else DEFAULT_POINTS


def _fit(ws: Worksheet, printable: float) -> None:
    """Narrow the widest columns so that fitting the sheet to ``printable`` pt keeps every type
    size at least :data:`MIN_POINTS`."""
    widths = _widths(ws)
    smallest = min((_size(c) for c in _cells(ws) if c.value is not None), default=DEFAULT_POINTS)
    allowed = printable * smallest / MIN_POINTS
    total = sum(column_points(w) for w in widths.values())
    if total <= allowed:
        return
    wide = {i: w for i, w in widths.items() if w > 12}
    excess = total - allowed
    room = sum(column_points(w) - column_points(12) for w in wide.values())
    for index, width in wide.items():
        cut = excess * (column_points(width) - column_points(12)) / room
        ws.column_dimensions[get_column_letter(index)].width = math.floor(
            width - cut / POINTS_PER_WIDTH - 0.5
        )


def _row_heights(ws: Worksheet) -> None:
    """Give every row without a height one that shows its wrapped text (Excel and LibreOffice
    print a row without a height at the default height, cutting wrapped text off)."""
    widths = _widths(ws)
    spans: dict[str, int] = {}
    for merged in ws.merged_cells.ranges:
        if merged.max_row > merged.min_row:
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_col, merged.max_col + 1):
                    spans[f"{row}:{column}"] = 0
        else:
            spans[f"{merged.min_row}:{merged.min_col}"] = merged.max_col - merged.min_col + 1
    needed: dict[int, float] = {}
    for cell in _cells(ws):
        if cell.value is None or cell.column not in widths:
            continue
        span = spans.get(f"{cell.row}:{cell.column}", 1)
        if span == 0:
            continue
        columns = range(cell.column, cell.column + span)
        room = sum(column_points(widths.get(c, 0)) for c in columns) - 6
        size = _size(cell)
        wraps = cell.alignment is not None and cell.alignment.wrap_text
        text = str(cell.value) if not str(cell.value).startswith("=") else "0000000000"
        units = max(1.0, 0.85 * room / (size / 2))  # room for line breaks at punctuation
        lines = sum(
            math.ceil(display_width(line) / units) if wraps else 1 for line in text.split("\n")
        )
        needed[cell.row] = max(needed.get(cell.row, 0.0), max(lines, 1) * size * LINE_FACTOR)
    for row, points in needed.items():
        dim = ws.row_dimensions[row]
        if dim.height is None:
            dim.height = math.ceil(points + PADDING)


FOLIO = "— &P —"
SPACE = "\u3000"  # 一字: 单页码居右空一字, 双页码居左空一字 (GB/T 9704 7.5)


def _page_setup(ws: Worksheet, heading: str, first_page: int | None, swap: bool) -> None:
    """Landscape A4 fitted to the width, ``heading`` (「附件1　title」) top left, 「— n —」
    (四号 宋体) below at the outer side: odd pages right, even pages left, one character in.
    LibreOffice prints the first page as a right-hand page whatever its number: ``swap``
    (the annex starts on an even folio) puts the left-hand footer on its odd pages."""
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
        left = even != swap
        outer, inner = (footer.left, footer.right) if left else (footer.right, footer.left)
        outer.text = SPACE + FOLIO if left else FOLIO + SPACE
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
        _fit(ws, printable)
        _row_heights(ws)
        _page_setup(ws, heading, first_page if ws is shown[0] else None, first_page % 2 == 0)
    book.active = book.worksheets.index(shown[0])
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws is shown[0]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
