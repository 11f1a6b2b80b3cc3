"""The 伤害监测台账 workbook: record sheet with drop-downs, code lists, live formula summaries."""

from __future__ import annotations

import math
import unicodedata

from openpyxl import Workbook
from openpyxl.styles import NamedStyle
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...views.ledger import NATURE_SEPARATOR, NO, YES, LedgerColumn, LedgerView
from .cells import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEAD_FILL,
    MIDDLE,
    SUBTOTAL_FILL,
    WRAP,
    cell_at,
    print_setup,
    quote,
    save_workbook,
    write_formula,
    write_text,
)
from .ledger_summary import (
    HEAD_BOLD,
    RECORDS,
    column_letter,
    write_age_sex,
    write_months,
    write_share,
)
from .printing import print_across, text_units

CODES = "代码表"
BY_CAUSE, BY_PLACE, BY_AGE_SEX, BY_MONTH = "按原因", "按地点", "按年龄性别", "按月份"
WIDEST = 48
"""Text columns wider than this wrap (伤害经过): a record stays readable on paper."""
SPARE_ROWS = 200
"""Empty rows after the data that already carry the drop-downs and the helper formulas."""
YEAR_TITLE, MONTH_TITLE = "发生年份（自动）", "发生月份（自动）"
_ERROR = "请从下拉列表中选择（取值见“代码表”）"
BODY, DATE_TEXT, AUTO, LONG_TEXT = "台账正文", "台账日期", "台账自动", "台账长文本"
"""Named cell styles of the record rows: one style id per cell is far cheaper than setting
font and border on tens of thousands of cells (openpyxl hashes each style object)."""


def _named_styles(book: Workbook) -> None:
    book.add_named_style(NamedStyle(BODY, font=BODY_FONT, border=BORDER, alignment=MIDDLE))
    book.add_named_style(
        NamedStyle(DATE_TEXT, font=BODY_FONT, border=BORDER, alignment=MIDDLE, number_format="@")
    )
    book.add_named_style(NamedStyle(LONG_TEXT, font=BODY_FONT, border=BORDER, alignment=WRAP))
    book.add_named_style(
        NamedStyle(AUTO, font=BODY_FONT, border=BORDER, fill=SUBTOTAL_FILL, alignment=CENTER)
    )


def _width(text: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_codes(ws: Worksheet, view: LedgerView) -> dict[str, str]:
    """Write one 代码/名称 column pair per list; return each field's label range reference."""
    lists = [(c.field, c.title, c.entries) for c in view.code_lists]
    if view.sub_units:
        title = view.columns[view.index("sub_unit")].title
        units = tuple(enumerate(view.sub_units, start=1))
        lists.append(("sub_unit", title, units))
    order = {column.field: i for i, column in enumerate(view.columns)}
    lists.sort(key=lambda item: order[item[0]])
    ranges: dict[str, str] = {}
    for k, (field, title, entries) in enumerate(lists):
        code_col, name_col = 3 * k + 1, 3 * k + 2
        ws.merge_cells(start_row=1, start_column=code_col, end_row=1, end_column=name_col)
        head = write_text(ws, 1, code_col, title)
        head.font, head.fill, head.alignment = HEAD_BOLD, HEAD_FILL, CENTER
        for col, text in ((code_col, "代码"), (name_col, "名称")):
            cell = write_text(ws, 2, col, text)
            cell.font, cell.fill, cell.alignment, cell.border = HEAD_BOLD, HEAD_FILL, CENTER, BORDER
        for row, (code, label) in enumerate(entries, start=3):
            code_cell = ws.cell(row=row, column=code_col, value=code)
            code_cell.font, code_cell.border, code_cell.alignment = BODY_FONT, BORDER, CENTER
            name_cell = write_text(ws, row, name_col, label)
            name_cell.font, name_cell.border = BODY_FONT, BORDER
        widest = max([_width(title) - 4, *(_width(label) for _, label in entries)])
        ws.column_dimensions[column_letter(code_col)].width = 6
        ws.column_dimensions[column_letter(name_col)].width = max(10, widest + 2)
        ws.column_dimensions[column_letter(code_col + 2)].width = 2
        name = column_letter(name_col)
        ranges[field] = f"'{CODES}'!${name}$3:${name}${2 + len(entries)}"
    ws.freeze_panes = "A3"
    ws.print_title_rows = "1:2"
    print_setup(ws, landscape=True, margin=0.4, header=view.summary_title("伤害监测台账　代码表"))
    print_across(ws, groups=[3 * k + 1 for k in range(len(lists))])
    return ranges


def _validation(column: LedgerColumn, ranges: dict[str, str]) -> DataValidation | None:
    """The drop-down or check for one record column (None: free text)."""
    if column.kind in ("code", "unit") and column.field in ranges:
        return DataValidation(
            type="list",
            formula1=ranges[column.field],
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.title,
            error=_ERROR,
        )
    if column.kind == "codes":
        # Several labels may share the cell, so the list offers one and does not reject.
        return DataValidation(
            type="list",
            formula1=ranges[column.field],
            allow_blank=True,
            showErrorMessage=False,
            showInputMessage=True,
            promptTitle=column.title,
            prompt=f"可填多项，以“{NATURE_SEPARATOR}”分隔，第一项为主要性质",
        )
    if column.kind == "flag":
        return DataValidation(
            type="list",
            formula1=quote(f"{YES},{NO}"),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.title,
            error=f"请填写“{YES}”或“{NO}”",
        )
    if column.kind == "number":
        return DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2="120",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.title,
            error="年龄应为0到120之间的整数（周岁）",
        )
    if column.kind in ("date", "datetime"):
        example = "2024-03-05 14:30" if column.kind == "datetime" else "2024-03-05"
        return DataValidation(
            allow_blank=True,
            showInputMessage=True,
            promptTitle=column.title,
            prompt=f"格式：{example}",
        )
    return None


def _helper_formulas(time: str) -> tuple[str, str]:
    """Year and month of a 伤害发生时间 cell, typed as text (2024-03-05 14:30) or as a date."""
    text = f'SUBSTITUTE({time},"/","-")'
    year = f'IF({time}="","",IF(ISNUMBER({time}),YEAR({time}),IFERROR(VALUE(LEFT({text},4)),"")))'
    month = (
        f'IF({time}="","",IF(ISNUMBER({time}),MONTH({time}),'
        f'IFERROR(VALUE(MID({text},6,FIND("-",{text}&"-",6)-6)),"")))'
    )
    return year, month


def _write_records(ws: Worksheet, view: LedgerView, ranges: dict[str, str]) -> None:
    fields = len(view.columns)
    year_col, month_col = fields + 1, fields + 2
    last_row = len(view.rows) + 1 + SPARE_ROWS
    size = float(BODY_FONT.sz or 10.5)
    # A heading wraps after four characters; the values set the width.
    head = text_units("伤害部位", size)
    widths = [min(text_units(c.title, size), head) for c in view.columns]
    widths += [text_units(YEAR_TITLE, size), text_units(MONTH_TITLE, size)]
    for c, title in enumerate([*(col.title for col in view.columns), YEAR_TITLE, MONTH_TITLE], 1):
        cell = write_text(ws, 1, c, title)
        cell.font, cell.fill, cell.alignment, cell.border = HEAD_BOLD, HEAD_FILL, CENTER, BORDER
    text_columns = {i + 1 for i, c in enumerate(view.columns) if c.kind in ("date", "datetime")}
    long_columns = {i + 1 for i, c in enumerate(view.columns) if c.kind in ("text", "codes")}
    for r, values in enumerate(view.rows, start=2):
        for c, value in enumerate(values, start=1):
            if isinstance(value, int):
                cell = ws.cell(row=r, column=c, value=value)
                widths[c - 1] = max(widths[c - 1], text_units(str(value), size))
            elif value:
                cell = write_text(ws, r, c, value)
                widths[c - 1] = max(widths[c - 1], text_units(value, size))
            else:
                cell = cell_at(ws, r, c)
            cell.style = (
                DATE_TEXT if c in text_columns else LONG_TEXT if c in long_columns else BODY
            )
    time = column_letter(view.index("injury_time") + 1)
    for r in range(2, last_row + 1):
        year, month = _helper_formulas(f"{time}{r}")
        write_formula(ws, r, year_col, year).style = AUTO
        write_formula(ws, r, month_col, month).style = AUTO
        if r > len(view.rows) + 1:
            for c in text_columns:
                # Text format keeps a typed 2024-03-05 as the text the other rows hold.
                cell_at(ws, r, c).number_format = "@"
    for c, column in enumerate(view.columns, start=1):
        rule = _validation(column, ranges)
        if rule is not None:
            rule.add(f"{column_letter(c)}2:{column_letter(c)}{last_row}")
            ws.add_data_validation(rule)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letter(c)].width = min(max(math.ceil(width), 5), WIDEST)
    last_data = len(view.rows) + 1
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{column_letter(month_col)}{last_data}"
    ws.print_title_rows = "1:1"
    ws.print_area = f"A1:{column_letter(fields)}{last_data}"
    print_setup(ws, landscape=True, margin=0.4, header=view.title)
    # 24 columns fitted to one page width print at 4 pt: they go across several pages at
    # 9 pt or more instead, the 卡片编号 repeated on each.
    print_across(ws, title_columns="A:A")


def render_ledger(view: LedgerView) -> bytes:
    """Return the 伤害监测台账 workbook (.xlsx bytes) for ``view``.

    The record sheet offers drop-downs from the code-list sheet on every coded column for the
    records and for 200 more rows; the summary sheets (by cause, place, age and sex, month)
    are COUNTIFS formulas over whole columns, so they follow rows a consultant adds or edits in
    Excel or LibreOffice, and their shares are largest-remainder formulas (hidden helper
    columns), equal to the diagnosis report's. Same view, same bytes.
    """
    book = Workbook()
    records = book.active
    assert records is not None
    records.title = RECORDS
    _named_styles(book)
    sheets = [book.create_sheet(name) for name in (BY_CAUSE, BY_PLACE, BY_AGE_SEX, BY_MONTH)]
    codes = book.create_sheet(CODES)
    ranges = _write_codes(codes, view)
    _write_records(records, view, ranges)
    write_share(sheets[0], view, "cause", view.summary_title("伤害发生原因构成"))
    write_share(sheets[1], view, "place", view.summary_title("伤害发生地点构成"))
    write_age_sex(sheets[2], view)
    write_months(sheets[3], view)
    return save_workbook(book, view.title, view.document_date)
