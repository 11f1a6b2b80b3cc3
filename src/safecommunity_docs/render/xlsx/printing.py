"""Print set-up measured for LibreOffice: type of at least 9 pt, a height for every row."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from itertools import pairwise

from openpyxl.cell.cell import Cell
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ...views.document import display_width

MIN_POINTS = 9.0
"""The smallest type a printed sheet may show, after scaling to the page (pt)."""
TARGET_POINTS = 9.4
"""The type size fitting aims at: LibreOffice rounds its zoom down to a whole per cent."""
A4_SHORT, A4_LONG = 595.28, 841.89
"""A4 paper (pt)."""
LANDSCAPE_WIDTH = A4_LONG
"""A4 landscape width (pt)."""
POINTS_PER_WIDTH = 7.05
"""Printed width (pt, at 100 %) of one unit of column width as LibreOffice lays it out with the
converter's fonts (measured: a sheet 164 units wide fits 770 pt at 67 %)."""
LINE_FACTOR = 1.45
"""Line height over type size of the CJK fonts the converter maps to (Noto CJK: 1.448 em)."""
PADDING = 4.0
"""Vertical room a row needs besides its lines (pt)."""
CELL_MARGIN = 6.0
"""Horizontal room a cell's text does not get (pt, both sides)."""
HALF_WIDTH = 0.6
"""Advance of a half-width character (Latin, digits) over the type size, rounded up."""
DEFAULT_WIDTH = 8.43
DEFAULT_POINTS = 11.0
NARROWEST = 12
"""Columns this wide or narrower are never narrowed to fit (codes, numbers, short labels)."""
ACROSS_SCALE = 90
"""Zoom (per cent) of a sheet printed across several pages: 10.5 pt type prints at 9.45 pt."""
_WORD = re.compile(r"[A-Za-z0-9.,:/%+\-]+|.", re.S)
"""Unbreakable runs: a Latin word or number, else one character."""


def column_points(width: float) -> float:
    """The printed width (pt, at 100 %) of a column ``width`` units wide."""
    return width * POINTS_PER_WIDTH


@functools.lru_cache(maxsize=4096)
def text_units(text: str, size: float) -> float:
    """The column width (units) that shows ``text`` (``size`` pt) on one line."""
    advance = sum(size if display_width(ch) == 2 else size * HALF_WIDTH for ch in text)
    return (advance + CELL_MARGIN) / POINTS_PER_WIDTH


def printable_width(ws: Worksheet) -> float:
    """The width (pt) between the side margins of the sheet's A4 page."""
    paper = A4_LONG if ws.page_setup.orientation == "landscape" else A4_SHORT
    margins = ws.page_margins
    return paper - 72 * ((margins.left or 0.5) + (margins.right or 0.5))


def widths(ws: Worksheet) -> dict[int, float]:
    """Width (units) of every used, visible column, by 1-based index."""
    found: dict[int, float] = {}
    for index in range(1, ws.max_column + 1):
        dim = ws.column_dimensions.get(get_column_letter(index))
        if dim is not None and dim.hidden:
            continue
        found[index] = dim.width if dim is not None and dim.width else DEFAULT_WIDTH
    return found


def _cells(ws: Worksheet) -> Iterable[Cell]:
    return (c for row in ws.iter_rows() for c in row if isinstance(c, Cell))


def _size(cell: Cell) -> float:
    return float(cell.font.sz) if cell.font is not None and cell.font.sz else DEFAULT_POINTS


def _look(cell: Cell, known: dict[tuple[int, int], tuple[float, bool]]) -> tuple[float, bool]:
    """The type size of ``cell`` and whether it wraps, looked up once per font and alignment
    of the workbook (``known``): openpyxl's style proxies cost more than the measuring."""
    # The cell's StyleArray: its indexes into the workbook's fonts, alignments …; None: none.
    array = getattr(cell, "_style", None)
    key = (array.fontId, array.alignmentId) if array is not None else (0, 0)
    if key not in known:
        known[key] = (_size(cell), cell.alignment is not None and bool(cell.alignment.wrap_text))
    return known[key]


def narrow_to_fit(ws: Worksheet, printable: float | None = None) -> None:
    """Narrow the columns wider than :data:`NARROWEST` so that fitting the sheet to the page
    width (``printable`` pt) keeps every type size at least :data:`TARGET_POINTS`."""
    printable = printable_width(ws) if printable is None else printable
    found = widths(ws)
    looks: dict[tuple[int, int], tuple[float, bool]] = {}
    smallest = min(
        (_look(c, looks)[0] for c in _cells(ws) if c.value is not None), default=DEFAULT_POINTS
    )
    allowed = printable * smallest / TARGET_POINTS
    total = sum(column_points(w) for w in found.values())
    if total <= allowed:
        return
    wide = {i: w for i, w in found.items() if w > NARROWEST}
    excess = total - allowed
    room = sum(column_points(w - NARROWEST) for w in wide.values())
    for index, width in wide.items():
        cut = excess * column_points(width - NARROWEST) / room
        ws.column_dimensions[get_column_letter(index)].width = max(
            NARROWEST, math.floor(width - cut / POINTS_PER_WIDTH - 0.5)
        )


def lines_needed(text: str, room: float, size: float) -> int:
    """How many lines ``text`` (``size`` pt) takes wrapped in ``room`` pt: greedy, a Latin word
    or number broken only when longer than a line, a CJK character one em, a half-width one
    :data:`HALF_WIDTH` em."""
    room = max(room, size)
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0.0
        for word in _WORD.findall(paragraph):
            advance = text_units(word, size) * POINTS_PER_WIDTH - CELL_MARGIN
            if used + advance <= room:
                used += advance
                continue
            if used:
                count, used = count + 1, 0.0
            whole, used = divmod(advance, room)
            count += int(whole) - (1 if used == 0 else 0)
            used = used or room
    return max(count, 1)


def _spans(ws: Worksheet) -> dict[tuple[int, int], tuple[int, int]]:
    """(columns, rows) spanned by the top-left cell of every merged range."""
    return {
        (m.min_row, m.min_col): (m.max_col - m.min_col + 1, m.max_row - m.min_row + 1)
        for m in ws.merged_cells.ranges
    }


def fit_row_heights(ws: Worksheet, texts: Mapping[str, str] | None = None) -> None:
    """Give every row holding text a height that shows all of it, never lowering one set
    before. ``texts`` gives, by coordinate, the longest text a formula cell may show.

    Neither openpyxl nor LibreOffice (on load) sizes a row to its wrapped text; a row without
    a height prints at the default height, its lines over the next row's. Merged ranges are
    measured on their whole width; one over several rows shares its height among them.
    """
    texts = texts or {}
    found = widths(ws)
    spans = _spans(ws)
    needed: dict[int, float] = {}
    tall: list[tuple[int, int, float]] = []
    looks: dict[tuple[int, int], tuple[float, bool]] = {}
    for cell in _cells(ws):
        text = texts.get(cell.coordinate)
        if text is None and cell.value is not None:
            value = str(cell.value)
            text = "0000000000" if cell.data_type == "f" or value.startswith("=") else value
        if not text or cell.column not in found:
            continue
        across, down = spans.get((cell.row, cell.column), (1, 1))
        room = sum(column_points(found.get(c, 0)) for c in range(cell.column, cell.column + across))
        size, wraps = _look(cell, looks)
        lines = lines_needed(text, room - CELL_MARGIN, size) if wraps else text.count("\n") + 1
        points = lines * size * LINE_FACTOR + PADDING
        if down > 1:
            tall.append((cell.row, down, points))
        else:
            needed[cell.row] = max(needed.get(cell.row, 0.0), points)
    for row, points in needed.items():
        dim = ws.row_dimensions[row]
        dim.height = max(dim.height or 0.0, math.ceil(points))
    for first, down, points in tall:
        rows = range(first, first + down)
        have = sum(ws.row_dimensions[r].height or DEFAULT_POINTS * LINE_FACTOR for r in rows)
        if have < points:
            extra = math.ceil((points - have) / down)
            for r in rows:
                dim = ws.row_dimensions[r]
                dim.height = (dim.height or DEFAULT_POINTS * LINE_FACTOR) + extra


def fit_to_paper(ws: Worksheet, texts: Mapping[str, str] | None = None) -> None:
    """Columns narrowed so the page width holds them at 9 pt or more, then row heights."""
    narrow_to_fit(ws)
    fit_row_heights(ws, texts)


def print_across(
    ws: Worksheet, *, title_columns: str | None = None, groups: Iterable[int] = ()
) -> None:
    """Print ``ws`` at :data:`ACROSS_SCALE` % on as many pages across as its columns need,
    left to right before going down, the columns ``title_columns`` (e.g. ``"A:A"``) repeated
    on each; with ``groups`` (the first column of each group of columns that belongs
    together), the pages break between groups only. Row heights are fitted."""
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = None
    ws.page_setup.scale = ACROSS_SCALE
    ws.page_setup.pageOrder = "overThenDown"
    ws.print_options.horizontalCentered = False
    if title_columns:
        ws.print_title_cols = title_columns
    starts = sorted(set(groups))
    if starts:
        found = widths(ws)
        page = printable_width(ws) * 100 / ACROSS_SCALE
        repeated = 0.0
        if title_columns:
            first, last = (
                column_index_from_string(c) for c in title_columns.replace("$", "").split(":")
            )
            repeated = sum(column_points(w) for i, w in found.items() if first <= i <= last)
        used = 0.0
        bounds = [*starts, max(found, default=1) + 1]
        for start, end in pairwise(bounds):
            group = sum(column_points(found.get(c, 0)) for c in range(start, end))
            if used and used + group > page - repeated:
                ws.col_breaks.append(Break(id=start - 1))  # left of column ``start``
                used = 0.0
            used += group
    fit_row_heights(ws)
