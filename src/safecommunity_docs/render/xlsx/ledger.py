"""The 伤害监测台账 workbook: record sheet with drop-downs, code lists, live formula summaries."""

from __future__ import annotations

import unicodedata

from openpyxl import Workbook
from openpyxl.styles import Font, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...views.ledger import NATURE_SEPARATOR, NO, YES, LedgerColumn, LedgerView
from .cells import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEAD_FILL,
    SUBTOTAL_FILL,
    TITLE_FONT,
    cell_at,
    print_setup,
    quote,
    save_workbook,
    write_formula,
    write_text,
)

RECORDS = "伤害记录"
CODES = "代码表"
BY_CAUSE, BY_PLACE, BY_AGE_SEX, BY_MONTH = "按原因", "按地点", "按年龄性别", "按月份"
SPARE_ROWS = 200
"""Empty rows after the data that already carry the drop-downs and the helper formulas."""
YEAR_TITLE, MONTH_TITLE = "发生年份（自动）", "发生月份（自动）"
HEAD_BOLD = Font(name="黑体", size=10.5, bold=True)
_ERROR = "请从下拉列表中选择（取值见“代码表”）"
BODY, DATE_TEXT, AUTO = "台账正文", "台账日期", "台账自动"
"""Named cell styles of the record rows: one style id per cell is far cheaper than setting
font and border on tens of thousands of cells (openpyxl hashes each style object)."""


def _named_styles(book: Workbook) -> None:
    book.add_named_style(NamedStyle(BODY, font=BODY_FONT, border=BORDER))
    book.add_named_style(NamedStyle(DATE_TEXT, font=BODY_FONT, border=BORDER, number_format="@"))
    book.add_named_style(
        NamedStyle(AUTO, font=BODY_FONT, border=BORDER, fill=SUBTOTAL_FILL, alignment=CENTER)
    )


def _letter(column: int) -> str:
    return get_column_letter(column)


def _width(text: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _records_column(view: LedgerView, field: str) -> str:
    """Whole-column reference on the record sheet, so rows added later are counted too."""
    letter = _letter(view.index(field) + 1)
    return f"'{RECORDS}'!${letter}:${letter}"


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
        ws.column_dimensions[_letter(code_col)].width = 6
        ws.column_dimensions[_letter(name_col)].width = max(10, widest + 2)
        ws.column_dimensions[_letter(code_col + 2)].width = 2
        name = _letter(name_col)
        ranges[field] = f"'{CODES}'!${name}$3:${name}${2 + len(entries)}"
    ws.freeze_panes = "A3"
    print_setup(ws, landscape=True, margin=0.4, header=view.summary_title("伤害监测台账　代码表"))
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
    widths = [_width(c.title) for c in view.columns] + [_width(YEAR_TITLE), _width(MONTH_TITLE)]
    for c, title in enumerate([*(col.title for col in view.columns), YEAR_TITLE, MONTH_TITLE], 1):
        cell = write_text(ws, 1, c, title)
        cell.font, cell.fill, cell.alignment, cell.border = HEAD_BOLD, HEAD_FILL, CENTER, BORDER
    text_columns = {i + 1 for i, c in enumerate(view.columns) if c.kind in ("date", "datetime")}
    for r, values in enumerate(view.rows, start=2):
        for c, value in enumerate(values, start=1):
            if isinstance(value, int):
                cell = ws.cell(row=r, column=c, value=value)
                widths[c - 1] = max(widths[c - 1], len(str(value)))
            elif value:
                cell = write_text(ws, r, c, value)
                widths[c - 1] = max(widths[c - 1], _width(value))
            else:
                cell = cell_at(ws, r, c)
            cell.style = DATE_TEXT if c in text_columns else BODY
    time = _letter(view.index("injury_time") + 1)
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
            rule.add(f"{_letter(c)}2:{_letter(c)}{last_row}")
            ws.add_data_validation(rule)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[_letter(c)].width = min(max(width + 2, 6), 60)
    last_data = len(view.rows) + 1
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{_letter(month_col)}{last_data}"
    ws.print_title_rows = "1:1"
    ws.print_area = f"A1:{_letter(fields)}{last_data}"
    print_setup(ws, landscape=True, margin=0.4, header=view.title)


def _head(ws: Worksheet, title: str, heads: list[str], widths: list[int]) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    cell = write_text(ws, 1, 1, title)
    cell.font, cell.alignment = TITLE_FONT, CENTER
    ws.row_dimensions[1].height = 32
    for c, text in enumerate(heads, start=1):
        head = write_text(ws, 2, c, text)
        head.font, head.fill, head.alignment, head.border = HEAD_BOLD, HEAD_FILL, CENTER, BORDER
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[_letter(c)].width = width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"


def _style_row(ws: Worksheet, row: int, columns: int, *, total: bool = False) -> None:
    for c in range(1, columns + 1):
        cell = cell_at(ws, row, c)
        cell.font, cell.border, cell.alignment = (HEAD_BOLD if total else BODY_FONT), BORDER, CENTER
        if total:
            cell.fill = SUBTOTAL_FILL


def _write_share(ws: Worksheet, view: LedgerView, field: str, title: str) -> None:
    """Code, label, count (COUNTIFS on the label) and share of the total, with a 合计 row."""
    codes = view.code_list(field)
    _head(ws, title, ["代码", codes.title, "例数", "构成比"], [8, 24, 10, 10])
    column = _records_column(view, field)
    total = 3 + len(codes.entries)
    for row, (code, label) in enumerate(codes.entries, start=3):
        ws.cell(row=row, column=1, value=code)
        write_text(ws, row, 2, label)
        write_formula(ws, row, 3, f"COUNTIFS({column},$B{row})")
        write_formula(ws, row, 4, f"IF($C${total}>0,C{row}/$C${total},0)")
        _style_row(ws, row, 4)
    write_text(ws, total, 2, "合计")
    write_formula(ws, total, 3, f"SUM(C3:C{total - 1})")
    write_formula(ws, total, 4, f"IF($C${total}>0,C{total}/$C${total},0)")
    _style_row(ws, total, 4, total=True)
    for row in range(3, total + 1):
        cell_at(ws, row, 4).number_format = "0.0%"
    print_setup(ws, landscape=False, margin=0.4, header=view.title)


def _write_age_sex(ws: Worksheet, view: LedgerView) -> None:
    """Age groups × 男/女/合计 by COUNTIFS with >= and < bounds on the age column."""
    sexes = view.code_list("sex").labels
    heads = ["年龄组", *sexes, "合计", "构成比"]
    _head(ws, view.summary_title("伤害病例年龄性别分布"), heads, [14] + [10] * (len(heads) - 1))
    age, sex = _records_column(view, "age"), _records_column(view, "sex")
    total_col = len(sexes) + 2
    total_row = 3 + len(view.age_groups)
    for row, group in enumerate(view.age_groups, start=3):
        write_text(ws, row, 1, group.label)
        bounds = f'{age},">={group.lower}"'
        if group.upper is not None:
            bounds += f',{age},"<{group.upper}"'
        for k in range(len(sexes)):
            head = f"{_letter(2 + k)}$2"
            write_formula(ws, row, 2 + k, f"COUNTIFS({sex},{head},{bounds})")
        write_formula(ws, row, total_col, f"COUNTIFS({bounds})")
        _style_row(ws, row, len(heads))
    write_text(ws, total_row, 1, "合计")
    for c in range(2, total_col + 1):
        letter = _letter(c)
        write_formula(ws, total_row, c, f"SUM({letter}3:{letter}{total_row - 1})")
    _style_row(ws, total_row, len(heads), total=True)
    share, tot = total_col + 1, _letter(total_col)
    for row in range(3, total_row + 1):
        write_formula(ws, row, share, f"IF(${tot}${total_row}>0,{tot}{row}/${tot}${total_row},0)")
        cell_at(ws, row, share).number_format = "0.0%"
    print_setup(ws, landscape=False, margin=0.4, header=view.title)


def _write_months(ws: Worksheet, view: LedgerView) -> None:
    """Years × 12 months from the helper columns; 其他年份 catches years added later."""
    fields = len(view.columns)
    year_col = f"'{RECORDS}'!${_letter(fields + 1)}:${_letter(fields + 1)}"
    month_col = f"'{RECORDS}'!${_letter(fields + 2)}:${_letter(fields + 2)}"
    heads = ["年份", *(f"{m}月" for m in range(1, 13)), "合计"]
    _head(ws, view.summary_title("伤害病例月份分布"), heads, [10] + [7] * 12 + [9])
    for m in range(1, 13):
        # A number shown as 1月, so the COUNTIFS criteria can point at the header.
        cell = cell_at(ws, 2, 1 + m)
        cell.value, cell.number_format = m, '0"月"'
    other = 3 + len(view.years)
    total = other + 1
    for row, year in enumerate(view.years, start=3):
        cell = ws.cell(row=row, column=1, value=year)
        cell.number_format = '0"年"'
        for m in range(1, 13):
            head = f"{_letter(1 + m)}$2"
            write_formula(ws, row, 1 + m, f"COUNTIFS({year_col},$A{row},{month_col},{head})")
    write_text(ws, other, 1, "其他年份")
    for m in range(1, 13):
        letter = _letter(1 + m)
        listed = f"-SUM({letter}3:{letter}{other - 1})" if view.years else ""
        write_formula(ws, other, 1 + m, f"COUNTIFS({month_col},{letter}$2){listed}")
    write_text(ws, total, 1, "合计")
    for m in range(1, 13):
        letter = _letter(1 + m)
        write_formula(ws, total, 1 + m, f"SUM({letter}3:{letter}{other})")
    for row in range(3, total + 1):
        write_formula(ws, row, 14, f"SUM(B{row}:M{row})")
        _style_row(ws, row, 14, total=row == total)
    print_setup(ws, landscape=True, margin=0.4, header=view.title)


def render_ledger(view: LedgerView) -> bytes:
    """Return the 伤害监测台账 workbook (.xlsx bytes) for ``view``.

    The record sheet offers drop-downs from the code-list sheet on every coded column for the
    records and for 200 more rows; the summary sheets (by cause, place, age and sex, month)
    are COUNTIFS formulas over whole columns, so they follow rows a consultant adds or edits in
    Excel or LibreOffice. Same view, same bytes.
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
    _write_share(sheets[0], view, "cause", view.summary_title("伤害发生原因构成"))
    _write_share(sheets[1], view, "place", view.summary_title("伤害发生地点构成"))
    _write_age_sex(sheets[2], view)
    _write_months(sheets[3], view)
    return save_workbook(book, view.title, view.document_date)
