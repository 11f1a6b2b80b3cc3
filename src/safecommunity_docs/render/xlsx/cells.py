"""Cell helpers shared by every workbook: user text is always text, never a formula."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..zipfix import normalise_zip

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BODY_FONT = Font(name="宋体", size=10.5)
HEAD_FONT = Font(name="黑体", size=10.5)
TITLE_FONT = Font(name="方正小标宋简体", size=18)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
SUBTOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="center")
MIDDLE = Alignment(vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def cell_at(ws: Worksheet, row: int, column: int) -> Cell:
    """Return the writable cell at (row, column); merged-away cells are a programming error."""
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, Cell):
        raise TypeError(f"cell {cell.coordinate} is covered by a merged range")
    return cell


def write_text(ws: Worksheet, row: int, column: int, text: str) -> Cell:
    """Write user ``text`` as a string cell, even when it starts with = + - or @.

    openpyxl turns a value starting with ``=`` into a formula; forcing the data type keeps it
    literal, and spreadsheet programs show it as typed.
    """
    cell = cell_at(ws, row, column)
    cell.value = text
    cell.data_type = "s"
    return cell


def write_formula(ws: Worksheet, row: int, column: int, formula: str) -> Cell:
    """Write a formula the library built (never user text)."""
    cell = cell_at(ws, row, column)
    cell.value = formula if formula.startswith("=") else f"={formula}"
    return cell


def quote(text: str) -> str:
    """Return ``text`` as a spreadsheet string literal (doubled quotes)."""
    return '"' + text.replace('"', '""') + '"'


def save_workbook(book: Workbook, title: str, day: date) -> bytes:
    """Return ``book`` as .xlsx bytes with its core properties dated ``day`` (zh-CN, titled):
    the same workbook gives the same bytes whenever it is saved."""
    stamp = datetime(day.year, day.month, day.day)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "safecommunity-docs"
    book.properties.title = title
    book.properties.language = "zh-CN"
    buffer = io.BytesIO()
    book.save(buffer)
    data = normalise_zip(buffer.getvalue(), stamp)
    if getattr(_SAVED, "keep", False):
        _SAVED.last = (data, book)
    return data


_SAVED = threading.local()
"""Within :func:`keeping_saved`: the bytes :func:`save_workbook` last returned in this
thread, and their workbook."""


@contextmanager
def keeping_saved() -> Iterator[None]:
    """Within the block, :func:`save_workbook` keeps the workbook it saved last in this
    thread for :func:`saved_workbook`; when the block ends, none is kept (a build's PDF stage
    uses it to bind the workbooks it has just rendered)."""
    _SAVED.keep = True
    try:
        yield
    finally:
        _SAVED.keep = False
        _SAVED.last = None


def saved_workbook(data: bytes) -> Workbook:
    """The workbook ``data`` was saved from, when it was the last one :func:`save_workbook`
    returned in this thread within :func:`keeping_saved` (handed over once: it may then be
    changed), else ``data`` loaded.

    A dossier binds two of the workbooks it has just rendered into its PDF; loading the
    伤害监测台账 again took about 0.4 s of the 0.6 s that binding costs.
    """
    last: tuple[bytes, Workbook] | None = getattr(_SAVED, "last", None)
    if last is not None and (last[0] is data or last[0] == data):
        _SAVED.last = None
        return last[1]
    return load_workbook(io.BytesIO(data))


def print_setup(ws: Worksheet, *, landscape: bool, header: str = "", margin: float = 0.5) -> None:
    """A4, fit to the page width, centred, 「第 n 页，共 m 页」 in the footer, ``header`` on top."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = margin
    # Room between the header (footer) and the table for their 11 pt line.
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if header and ws.oddHeader is not None and ws.oddHeader.center is not None:
        ws.oddHeader.center.text = header.replace("&", "&&")
    if ws.oddFooter is not None and ws.oddFooter.center is not None:
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
