"""Workbooks set up for print: line estimates, row heights, widths that keep 9 pt type."""

from __future__ import annotations

import dataclasses
import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from safecommunity_docs import load, load_rubric
from safecommunity_docs.render.xlsx import render_ledger, render_scorecard
from safecommunity_docs.render.xlsx.annex import bound_workbook
from safecommunity_docs.render.xlsx.printing import (
    LINE_FACTOR,
    MIN_POINTS,
    column_points,
    fit_row_heights,
    lines_needed,
    printable_width,
)
from safecommunity_docs.views.ledger import ledger_view
from safecommunity_docs.views.scorecard import ScorecardBand, ScorecardView, scorecard_view
from tests.conftest import EXAMPLES

LONG_STEP = "对照评定标准逐项整改扣分项目，" * 6
"""A next step of 90 characters: about four lines in the 汇总's merged C:E cell."""


def _view() -> ScorecardView:
    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.assessment is not None
    rubric = load_rubric(dossier.assessment.rubric)
    return scorecard_view(dossier.assessment, rubric, dossier.community.name)


def _height(ws: Worksheet, row: int) -> float:
    height = ws.row_dimensions[row].height
    assert height is not None, f"row {row} has no height: LibreOffice prints it one line high"
    return float(height)


def test_lines_are_counted_from_the_width() -> None:
    assert lines_needed("字" * 10, 105, 10.5) == 1
    assert lines_needed("字" * 11, 105, 10.5) == 2
    assert lines_needed("字" * 21, 105, 10.5) == 3
    assert lines_needed("第一行\n第二行", 200, 10.5) == 2
    # A Latin word is not split while it fits a line: 「ab」 moves to the next line whole.
    assert lines_needed("字" * 9 + "ab", 105, 10.5) == 2
    assert lines_needed("a" * 40, 63, 10.5) >= 4


def test_rows_of_wrapped_text_get_heights_and_merged_ranges_fit() -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.column_dimensions["A"].width = ws.column_dimensions["B"].width = 10
    wrap = Alignment(wrap_text=True)
    for address, text in (("A1", "字" * 30), ("A3", "字" * 30), ("A5", "=B1")):
        ws[address] = text
        ws[address].alignment, ws[address].font = wrap, Font(size=10.5)
    ws.merge_cells("A3:B3")
    ws.merge_cells("A5:A6")
    ws.row_dimensions[1].height = 200
    fit_row_heights(ws, {"A5": "字" * 40})
    assert _height(ws, 1) == 200, "a height set before is never lowered"
    per_line = 10.5 * LINE_FACTOR
    # 30 characters in a 141 pt merged cell: at least three lines.
    assert _height(ws, 3) >= 3 * per_line
    # The longest text the formula may show, 40 characters in 70 pt: shared by two rows.
    assert _height(ws, 5) + _height(ws, 6) >= 7 * per_line


def test_scoring_sheet_prints_at_nine_points_with_a_height_for_every_row() -> None:
    view = _view()
    ws = load_workbook(io.BytesIO(render_scorecard(view)))["自评表"]
    tall = [m for m in ws.merged_cells.ranges if m.max_row > m.min_row]
    assert not tall, "a cell merged over rows is cut at a page break"
    headings = [ws.cell(row=r, column=2).value for r in range(4, ws.max_row + 1)]
    items = [ws.cell(row=r, column=3).value for r in range(4, ws.max_row + 1)]
    element = view.elements[0]
    assert headings[: len(element.items)] == [element.heading] * len(element.items)
    assert items[: len(element.items)] == [item.label for item in element.items]
    total = sum(column_points(ws.column_dimensions[c].width) for c in "ABCDEFGH")
    scale = min(1.0, printable_width(ws) / total)
    assert 10.5 * scale >= MIN_POINTS, (total, scale)
    for row in range(1, ws.max_row + 1):
        _height(ws, row)
    criteria = max(range(4, ws.max_row + 1), key=lambda r: len(str(ws.cell(r, 4).value or "")))
    width = column_points(ws.column_dimensions["D"].width)
    chars = len(str(ws.cell(criteria, 4).value))
    assert _height(ws, criteria) >= chars * 10.5 / width * 10.5 * LINE_FACTOR


def test_the_conclusion_row_fits_the_longest_next_step() -> None:
    view = _view()
    bands = (*view.bands[:-1], dataclasses.replace(view.bands[-1], next_step=LONG_STEP))
    view = dataclasses.replace(view, bands=bands)
    book = load_workbook(io.BytesIO(render_scorecard(view)))
    [(sheet, address)] = list(book.defined_names["sc_next_step"].destinations)
    ws = book[sheet]
    cell = ws[address.replace("$", "")]
    assert cell.alignment.wrap_text
    [merged] = [m for m in ws.merged_cells.ranges if cell.coordinate in m]
    width = sum(column_points(ws.column_dimensions[c].width) for c in "CDE")
    lines = -(-len(LONG_STEP) * 10.5 // width)
    assert lines >= 4
    assert _height(ws, cell.row) >= lines * 10.5 * LINE_FACTOR, merged


def test_a_short_band_list_still_sizes_for_the_veto() -> None:
    view = _view()
    veto = ScorecardBand(min=view.bands[-1].min, label="否决", next_step=LONG_STEP)
    book = load_workbook(io.BytesIO(render_scorecard(dataclasses.replace(view, veto=veto))))
    [(sheet, address)] = list(book.defined_names["sc_next_step"].destinations)
    ws = book[sheet]
    assert _height(ws, ws[address.replace("$", "")].row) >= 4 * 10.5 * LINE_FACTOR


def test_ledger_records_print_across_pages_and_wrap_long_text() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    view = ledger_view(dossier.injury_records, dossier.community)
    book = load_workbook(io.BytesIO(render_ledger(view)))
    ws = book["伤害记录"]
    story = view.index("description") + 1  # 伤害经过
    column = ws.cell(row=1, column=story).column_letter
    assert ws.cell(row=2, column=story).alignment.wrap_text
    assert (ws.column_dimensions[column].width or 0) <= 48
    longest = max(range(2, len(view.rows) + 2), key=lambda r: len(str(ws.cell(r, story).value)))
    assert _height(ws, longest) >= 10.5 * LINE_FACTOR
    codes = book["代码表"]
    assert codes.col_breaks.brk, "the code lists break between lists, never inside one"
    assert all((b.id or 0) % 3 == 0 for b in codes.col_breaks.brk)
    assert codes.print_title_rows == "$1:$2"


def test_binding_keeps_the_heights_the_renderer_set() -> None:
    view = _view()
    bands = (*view.bands[:-1], dataclasses.replace(view.bands[-1], next_step=LONG_STEP))
    data = render_scorecard(dataclasses.replace(view, bands=bands))
    before = load_workbook(io.BytesIO(data))["汇总"]
    after = load_workbook(io.BytesIO(bound_workbook(data, ("自评表", "汇总"), "附件1")))["汇总"]
    for row in range(1, before.max_row + 1):
        assert (after.row_dimensions[row].height or 0) >= (before.row_dimensions[row].height or 0)
