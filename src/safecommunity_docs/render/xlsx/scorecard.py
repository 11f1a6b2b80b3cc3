"""The 自评表 workbook: one scoring sheet with live formulas and a summary sheet per element."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...views.document import display_width
from ...views.scorecard import NOT_APPLICABLE, ScorecardBand, ScorecardView
from .cells import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEAD_FILL,
    HEAD_FONT,
    SUBTOTAL_FILL,
    TITLE_FONT,
    WRAP,
    cell_at,
    print_setup,
    quote,
    save_workbook,
    write_formula,
    write_text,
)
from .printing import fit_to_paper

SHEET = "自评表"
SUMMARY = "汇总"
FIRST_ROW = 4
LOW_FILL = PatternFill("solid", fgColor="F8CBAD")

SCORECARD_NAMES = ("sc_raw", "sc_applicable", "sc_total", "sc_verdict", "sc_next_step")
"""Defined names of the result cells (on the summary sheet), for programs that read them."""


@dataclass(frozen=True)
class _Columns:
    """Column numbers of the scoring sheet (grades columns only for rubrics with parts)."""

    parts: tuple[str, ...]

    seq, element, item, criteria, points = 1, 2, 3, 4, 5

    @property
    def grade_start(self) -> int:
        return 6

    @property
    def score(self) -> int:
        return 6 + len(self.parts)

    @property
    def deductions(self) -> int:
        return self.score + 1

    @property
    def evidence(self) -> int:
        return self.score + 2

    def headers(self) -> list[str]:
        head = ["序号", "一级指标", "二级指标", "评分标准", "分值"]
        head += [f"{name}等级" for name in self.parts]
        return [*head, "自评得分", "扣分说明", "证明材料"]

    def widths(self) -> list[int]:
        return [6, 14, 30, 42, 7] + [7] * len(self.parts) + [9, 26, 30]


def _letter(column: int) -> str:
    return get_column_letter(column)


def _band_formula(bands: tuple[ScorecardBand, ...], total: str, attr: str) -> str:
    """Nested IF over bands sorted from the top: the first band whose minimum is reached."""
    expr = quote(getattr(bands[-1], attr))
    for band in reversed(bands[:-1]):
        expr = f"IF({total}>={band.min},{quote(getattr(band, attr))},{expr})"
    return expr


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _write_scoring_sheet(
    ws: Worksheet, view: ScorecardView, cols: _Columns
) -> tuple[list[tuple[int, int]], list[int]]:
    """Write the item rows; return each element's (first, last) item rows and subtotal rows."""
    last_col = cols.evidence
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    title = write_text(ws, 1, 1, view.title)
    title.font, title.alignment = TITLE_FONT, CENTER
    ws.row_dimensions[1].height = 36
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    info = write_text(ws, 2, 1, view.info_line)
    info.font = BODY_FONT
    for c, head in enumerate(cols.headers(), start=1):
        cell = write_text(ws, 3, c, head)
        cell.font, cell.fill, cell.alignment, cell.border = HEAD_FONT, HEAD_FILL, CENTER, BORDER
    for c, width in enumerate(cols.widths(), start=1):
        ws.column_dimensions[_letter(c)].width = width

    score_col, points_col = _letter(cols.score), _letter(cols.points)
    blocks: list[tuple[int, int]] = []
    subtotals: list[int] = []
    grade_rule = DataValidation(
        type="list",
        formula1=quote(",".join(g for g, _ in view.grades)),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="等级",
        error="请选择评分标准定义的等级",
    )
    score_rule = DataValidation(
        type="custom",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="自评得分",
        error=f"得分应在0到该项分值之间，或填写“{NOT_APPLICABLE}”",
        formula1=f"OR({score_col}{FIRST_ROW}={quote(NOT_APPLICABLE)},"
        f"AND(ISNUMBER({score_col}{FIRST_ROW}),{score_col}{FIRST_ROW}>=0,"
        f"{score_col}{FIRST_ROW}<={points_col}{FIRST_ROW}))",
    )
    row = FIRST_ROW
    score_cells: list[str] = []
    for element in view.elements:
        first = row
        for item in element.items:
            write_text(ws, row, cols.seq, str(item.seq))
            write_text(ws, row, cols.element, element.heading)
            write_text(ws, row, cols.item, item.label)
            write_text(ws, row, cols.criteria, item.criteria)
            ws.cell(row=row, column=cols.points, value=item.points)
            graded = any(p is not None for p in item.part_points)
            if graded:
                terms = []
                for k, (points, grade) in enumerate(
                    zip(item.part_points, item.grades, strict=True)
                ):
                    col = cols.grade_start + k
                    if points is None:
                        continue
                    if grade is not None:
                        write_text(ws, row, col, grade)
                    grade_rule.add(f"{_letter(col)}{row}")
                    terms.append(
                        f"{_number(points)}*IFERROR(VLOOKUP({_letter(col)}{row},"
                        f"GradeTable,2,FALSE),0)"
                    )
                write_formula(ws, row, cols.score, f"ROUND({'+'.join(terms)},6)")
            elif item.not_applicable:
                write_text(ws, row, cols.score, NOT_APPLICABLE)
                score_rule.add(f"{score_col}{row}")
            else:
                if item.score is not None:
                    ws.cell(row=row, column=cols.score, value=item.score)
                score_rule.add(f"{score_col}{row}")
            score_cells.append(f"{score_col}{row}")
            write_text(ws, row, cols.deductions, item.deductions)
            write_text(ws, row, cols.evidence, item.evidence)
            for c in range(1, last_col + 1):
                cell = cell_at(ws, row, c)
                cell.font, cell.border = BODY_FONT, BORDER
                cell.alignment = (
                    CENTER
                    if c in (cols.seq, cols.points, cols.score)
                    or cols.grade_start <= c < cols.score
                    else WRAP
                )
            row += 1
        last = row - 1
        blocks.append((first, last))
        write_text(ws, row, cols.item, element.subtotal_label)
        write_formula(ws, row, cols.points, f"SUM({points_col}{first}:{points_col}{last})")
        write_formula(ws, row, cols.score, f"SUM({score_col}{first}:{score_col}{last})")
        for c in range(1, last_col + 1):
            cell = cell_at(ws, row, c)
            cell.font, cell.border, cell.fill, cell.alignment = (
                HEAD_FONT,
                BORDER,
                SUBTOTAL_FILL,
                CENTER,
            )
        subtotals.append(row)
        row += 1
    for rule in (grade_rule, score_rule):
        if rule.sqref.ranges:
            ws.add_data_validation(rule)
    ranges = " ".join(f"{score_col}{a}:{score_col}{b}" for a, b in blocks)
    ws.conditional_formatting.add(
        ranges,
        FormulaRule(  # type: ignore[no-untyped-call]
            formula=[
                f"AND(ISNUMBER({score_col}{FIRST_ROW}),"
                f"{score_col}{FIRST_ROW}<0.6*{points_col}{FIRST_ROW})"
            ],
            fill=LOW_FILL,
            font=Font(color="9C0006"),
        ),
    )
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = "3:3"
    print_setup(ws, landscape=True)
    fit_to_paper(ws)
    return blocks, subtotals


def _write_summary(
    ws: Worksheet,
    view: ScorecardView,
    cols: _Columns,
    blocks: list[tuple[int, int]],
    subtotals: list[int],
) -> dict[str, str]:
    score_col, points_col = _letter(cols.score), _letter(cols.points)
    ref = f"'{SHEET}'!"
    ws.merge_cells("A1:E1")
    title = write_text(ws, 1, 1, view.summary_title)
    title.font, title.alignment = TITLE_FONT, CENTER
    ws.row_dimensions[1].height = 32
    for c, head in enumerate(["序号", "一级指标", "适用分值", "得分", "得分率"], start=1):
        cell = write_text(ws, 3, c, head)
        cell.font, cell.fill, cell.alignment, cell.border = HEAD_FONT, HEAD_FILL, CENTER, BORDER
    row = 4
    for element, (first, last), sub in zip(view.elements, blocks, subtotals, strict=True):
        write_text(ws, row, 1, element.number)
        write_text(ws, row, 2, element.title)
        items_points = f"{ref}{points_col}{first}:{points_col}{last}"
        items_scores = f"{ref}{score_col}{first}:{score_col}{last}"
        write_formula(
            ws,
            row,
            3,
            f"{ref}{points_col}{sub}-SUMIF({items_scores},{quote(NOT_APPLICABLE)},{items_points})",
        )
        write_formula(ws, row, 4, f"{ref}{score_col}{sub}")
        write_formula(ws, row, 5, f"IF(C{row}>0,D{row}/C{row},0)")
        ws.cell(row=row, column=5).number_format = "0.0%"
        for c in range(1, 6):
            cell = cell_at(ws, row, c)
            cell.font, cell.border, cell.alignment = BODY_FONT, BORDER, CENTER if c != 2 else WRAP
        row += 1
    last_element = row - 1
    row += 1
    labels: dict[str, str] = {}
    texts: dict[str, str] = {}

    def line(label: str, formula: str, name: str, fmt: str | None = None) -> None:
        nonlocal row
        cell = write_text(ws, row, 2, label)
        cell.font, cell.border = HEAD_FONT, BORDER
        value = write_formula(ws, row, 3, formula)
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
        value.font, value.border, value.alignment = BODY_FONT, BORDER, WRAP
        if fmt:
            value.number_format = fmt
        labels[name] = f"C{row}"
        row += 1

    prev_row = row
    cell = write_text(ws, row, 2, view.previous_label)
    cell.font, cell.border = HEAD_FONT, BORDER
    if view.previous_total is not None:
        ws.cell(row=row, column=3, value=view.previous_total)
    ws.cell(row=row, column=3).border = BORDER
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
    row += 1
    places = view.places
    fmt = "0" if places == 0 else "0." + "0" * places
    line("原始得分", f"SUM(D4:D{last_element})", "sc_raw", "0.00")
    line("适用满分", f"SUM(C4:C{last_element})", "sc_applicable", "0.00")
    raw, applicable = labels["sc_raw"], labels["sc_applicable"]
    line(
        "总分",
        f"IF({applicable}>0,ROUND(ROUND({raw}*{_number(view.scale)}/{applicable},6),{places}),0)",
        "sc_total",
        fmt,
    )
    total = labels["sc_total"]
    score_ranges = [f"{ref}{score_col}{a}:{score_col}{b}" for a, b in blocks]

    def verdict(attr: str) -> str:
        expr = _band_formula(view.bands, total, attr)
        if view.reapplication is not None and view.reapplication_threshold is not None:
            threshold = _number(view.reapplication_threshold)
            prev = f"C{prev_row}"
            expr = (
                f"IF(AND(ISNUMBER({prev}),{prev}<{threshold},{total}<{threshold}),"
                f"{quote(getattr(view.reapplication, attr))},{expr})"
            )
        if view.veto is not None:
            zeros = "+".join(f"COUNTIF({r},0)+COUNTBLANK({r})" for r in score_ranges)
            expr = f"IF({zeros}>0,{quote(getattr(view.veto, attr))},{expr})"
        return expr

    line("结论", verdict("label"), "sc_verdict")
    line("下一步", verdict("next_step"), "sc_next_step")
    outcomes = [*view.bands, view.veto, view.reapplication]
    for name, attr in (("sc_verdict", "label"), ("sc_next_step", "next_step")):
        # The longest text the formula may show sizes its row, whichever band it picks.
        candidates = [str(getattr(o, attr)) for o in outcomes if o is not None]
        texts[labels[name]] = max(candidates, key=display_width)
    if view.grades:
        row += 1
        write_text(ws, row, 2, "等级").font = HEAD_FONT
        write_text(ws, row, 3, "得分比例").font = HEAD_FONT
        first_grade = row + 1
        for letter, fraction in view.grades:
            row += 1
            write_text(ws, row, 2, letter)
            ws.cell(row=row, column=3, value=fraction)
        labels["GradeTable"] = f"$B${first_grade}:$C${row}"
    # The results (结论, 下一步) share C:E: wide enough for a sentence in two or three lines.
    for c, width in enumerate([6, 30, 14, 14, 14], start=1):
        ws.column_dimensions[_letter(c)].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    print_setup(ws, landscape=False)
    fit_to_paper(ws, texts)
    return labels


def render_scorecard(view: ScorecardView) -> bytes:
    """Return the 自评表 workbook (.xlsx bytes): scores, subtotals, total and verdict as formulas.

    A consultant can change a score or a grade in Excel or LibreOffice and see the subtotals,
    the total and the verdict follow. Same view, same bytes.
    """
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = SHEET
    cols = _Columns(parts=view.part_names)
    blocks, subtotals = _write_scoring_sheet(ws, view, cols)
    summary = book.create_sheet(SUMMARY)
    labels = _write_summary(summary, view, cols, blocks, subtotals)
    for name, address in labels.items():
        absolute = (
            address
            if "$" in address
            else "$"
            + "$".join((address.rstrip("0123456789"), address[len(address.rstrip("0123456789")) :]))
        )
        book.defined_names[name] = DefinedName(name, attr_text=f"'{SUMMARY}'!{absolute}")
    return save_workbook(book, view.title, view.document_date)
