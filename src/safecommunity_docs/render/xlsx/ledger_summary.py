"""The 伤害监测台账 summary sheets: COUNTIFS counts and largest-remainder shares, all live."""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...views.ledger import LedgerView
from .cells import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEAD_FILL,
    SUBTOTAL_FILL,
    TITLE_FONT,
    cell_at,
    print_setup,
    write_formula,
    write_text,
)
from .printing import fit_to_paper

RECORDS = "伤害记录"
"""The record sheet the summaries count."""
HEAD_BOLD = Font(name="黑体", size=10.5, bold=True)
SHARE_UNITS = 1000
"""A share is a whole number of these units of the total: per cent at one decimal, the places
of the statistics' shares (``largest_remainder(counts, 1)``)."""
HELPER_TITLES = ("整数部分（千分之）", "余数", "余数名次")
"""Headings of the hidden helper columns of a share by largest remainder."""


def column_letter(column: int) -> str:
    """The column letter of a 1-based column number."""
    return get_column_letter(column)


def records_column(view: LedgerView, field: str) -> str:
    """Whole-column reference on the record sheet, so rows added later are counted too."""
    column = column_letter(view.index(field) + 1)
    return f"'{RECORDS}'!${column}:${column}"


def _head(ws: Worksheet, title: str, heads: list[str], widths: list[int]) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    cell = write_text(ws, 1, 1, title)
    cell.font, cell.alignment = TITLE_FONT, CENTER
    ws.row_dimensions[1].height = 32
    for c, text in enumerate(heads, start=1):
        head = write_text(ws, 2, c, text)
        head.font, head.fill, head.alignment, head.border = HEAD_BOLD, HEAD_FILL, CENTER, BORDER
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letter(c)].width = width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"


def _style_row(ws: Worksheet, row: int, columns: int, *, total: bool = False) -> None:
    for c in range(1, columns + 1):
        cell = cell_at(ws, row, c)
        cell.font, cell.border, cell.alignment = (HEAD_BOLD if total else BODY_FONT), BORDER, CENTER
        if total:
            cell.fill = SUBTOTAL_FILL


def _write_shares(ws: Worksheet, count_col: int, first: int, total: int) -> None:
    """Shares of the counts in rows ``first`` to ``total - 1`` by largest remainder, live.

    Next to the count column: the share, then (after a gap, hidden) each row's whole units of
    the total (QUOTIENT), their remainder (MOD) and the remainder's rank, larger first and ties
    to the earlier row (COUNTIF). The units still missing to make up the total go one each to
    the rows ranked first, exactly as ``largest_remainder`` does, so the shares add up to
    100.0% and equal the statistics' shares whatever rows are added to the records.
    """
    count, share = column_letter(count_col), count_col + 1
    whole, rest, rank = (column_letter(share + 2 + k) for k in range(3))
    units = SHARE_UNITS
    sum_ = f"${count}${total}"
    for k, head in enumerate(HELPER_TITLES):
        cell = write_text(ws, 2, share + 2 + k, head)
        cell.font, cell.fill, cell.alignment, cell.border = HEAD_BOLD, HEAD_FILL, CENTER, BORDER
        ws.column_dimensions[column_letter(share + 2 + k)].hidden = True
    rests = f"${rest}${first}:${rest}${total - 1}"
    for row in range(first, total):
        write_formula(ws, row, share + 2, f"IF({sum_}>0,QUOTIENT({count}{row}*{units},{sum_}),0)")
        write_formula(ws, row, share + 3, f"IF({sum_}>0,MOD({count}{row}*{units},{sum_}),0)")
        before = f"+COUNTIF(${rest}${first}:{rest}{row - 1},{rest}{row})" if row > first else ""
        write_formula(ws, row, share + 4, f'COUNTIF({rests},">"&{rest}{row}){before}')
        write_formula(
            ws,
            row,
            share,
            f"IF({sum_}>0,({whole}{row}+IF({rank}{row}<{units}-${whole}${total},1,0))/{units},0)",
        )
    write_formula(ws, total, share + 2, f"SUM({whole}{first}:{whole}{total - 1})")
    letter = column_letter(share)
    write_formula(ws, total, share, f"SUM({letter}{first}:{letter}{total - 1})")
    for row in range(first, total + 1):
        cell_at(ws, row, share).number_format = "0.0%"


def write_share(ws: Worksheet, view: LedgerView, field: str, title: str) -> None:
    """Code, label, count (COUNTIFS on the label) and share (largest remainder), 合计 row."""
    codes = view.code_list(field)
    _head(ws, title, ["代码", codes.title, "例数", "构成比"], [8, 24, 10, 10])
    column = records_column(view, field)
    total = 3 + len(codes.entries)
    for row, (code, label) in enumerate(codes.entries, start=3):
        ws.cell(row=row, column=1, value=code)
        write_text(ws, row, 2, label)
        write_formula(ws, row, 3, f"COUNTIFS({column},$B{row})")
        _style_row(ws, row, 4)
    write_text(ws, total, 2, "合计")
    write_formula(ws, total, 3, f"SUM(C3:C{total - 1})")
    _write_shares(ws, 3, 3, total)
    _style_row(ws, total, 4, total=True)
    print_setup(ws, landscape=False, margin=0.4, header=view.title)
    fit_to_paper(ws)


def write_age_sex(ws: Worksheet, view: LedgerView) -> None:
    """Age groups × 男/女/合计 by COUNTIFS with >= and < bounds on the age column; each group's
    share from its 合计 count (largest remainder)."""
    sexes = view.code_list("sex").labels
    heads = ["年龄组", *sexes, "合计", "构成比"]
    _head(ws, view.summary_title("伤害病例年龄性别分布"), heads, [14] + [10] * (len(heads) - 1))
    age, sex = records_column(view, "age"), records_column(view, "sex")
    total_col = len(sexes) + 2
    total_row = 3 + len(view.age_groups)
    for row, group in enumerate(view.age_groups, start=3):
        write_text(ws, row, 1, group.label)
        bounds = f'{age},">={group.lower}"'
        if group.upper is not None:
            bounds += f',{age},"<{group.upper}"'
        for k in range(len(sexes)):
            head = f"{column_letter(2 + k)}$2"
            write_formula(ws, row, 2 + k, f"COUNTIFS({sex},{head},{bounds})")
        write_formula(ws, row, total_col, f"COUNTIFS({bounds})")
        _style_row(ws, row, len(heads))
    write_text(ws, total_row, 1, "合计")
    for c in range(2, total_col + 1):
        letter = column_letter(c)
        write_formula(ws, total_row, c, f"SUM({letter}3:{letter}{total_row - 1})")
    _write_shares(ws, total_col, 3, total_row)
    _style_row(ws, total_row, len(heads), total=True)
    print_setup(ws, landscape=False, margin=0.4, header=view.title)
    fit_to_paper(ws)


def write_months(ws: Worksheet, view: LedgerView) -> None:
    """Years × 12 months from the helper columns, then a 合计 row that counts every record by
    its month, so it still counts records of a year added later (no all-zero catch-all row)."""
    fields = len(view.columns)
    year_col = f"'{RECORDS}'!${column_letter(fields + 1)}:${column_letter(fields + 1)}"
    month_col = f"'{RECORDS}'!${column_letter(fields + 2)}:${column_letter(fields + 2)}"
    heads = ["年份", *(f"{m}月" for m in range(1, 13)), "合计"]
    _head(ws, view.summary_title("伤害病例月份分布"), heads, [10] + [7] * 12 + [9])
    for m in range(1, 13):
        # A number shown as 1月, so the COUNTIFS criteria can point at the header.
        cell = cell_at(ws, 2, 1 + m)
        cell.value, cell.number_format = m, '0"月"'
    total = 3 + len(view.years)
    for row, year in enumerate(view.years, start=3):
        cell = ws.cell(row=row, column=1, value=year)
        cell.number_format = '0"年"'
        for m in range(1, 13):
            head = f"{column_letter(1 + m)}$2"
            write_formula(ws, row, 1 + m, f"COUNTIFS({year_col},$A{row},{month_col},{head})")
    write_text(ws, total, 1, "合计")
    for m in range(1, 13):
        write_formula(ws, total, 1 + m, f"COUNTIFS({month_col},{column_letter(1 + m)}$2)")
    for row in range(3, total + 1):
        write_formula(ws, row, 14, f"SUM(B{row}:M{row})")
        _style_row(ws, row, 14, total=row == total)
    print_setup(ws, landscape=True, margin=0.4, header=view.title)
    fit_to_paper(ws)
