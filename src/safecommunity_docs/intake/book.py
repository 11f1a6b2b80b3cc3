"""Write the intake workbook: titles, a grey example row, drop-downs from the code lists, an
input message on every column, protected header rows, widths and print setup."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..render.xlsx.cells import BORDER, HEAD_FILL, print_setup, save_workbook, write_text
from .cells import DATE_FORMAT, DATETIME_FORMAT
from .layout import Header, headers
from .reader import EXAMPLE_ROW, FIRST_ROW, HEADER_ROW
from .sheets import CODES, OTHER, sheet_names, specs_of

Row = dict[str, Any]
SPARE_ROWS = 500
"""Rows below the data that keep the drop-downs and input messages for new entries."""
TITLE = "安全社区创建资料填报表"


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _write(ws: Any, row: int, column: int, header: Header, value: Any) -> Any:
    if isinstance(value, str):
        cell = write_text(ws, row, column, value)
    else:
        cell = ws.cell(row=row, column=column, value=value)
        if isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
    return cell


class _Codes:
    """The hidden 代码表 sheet: one column per drop-down list, shared by equal lists."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.lists: dict[tuple[str, ...], str] = {}

    def range_of(self, title: str, choices: tuple[str, ...]) -> str:
        found = self.lists.get(choices)
        if found is None:
            column = len(self.lists) + 1
            write_text(self.ws, 1, column, title)
            for n, choice in enumerate(choices, start=2):
                write_text(self.ws, n, column, choice)
            letter = _letter(column)
            found = f"'{CODES}'!${letter}$2:${letter}${len(choices) + 1}"
            self.lists[choices] = found
        return found


def _sheet(book: Any, name: str, rows: list[Row], example: Row | None, codes: _Codes) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = book.create_sheet(name)
    columns = headers(name)
    last = FIRST_ROW + len(rows) + SPARE_ROWS
    grey = Font(name="宋体", size=10.5, italic=True, color="808080")
    grey_fill = PatternFill("solid", fgColor="EDEDED")
    unlocked = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, header in enumerate(columns, start=1):
        letter = _letter(n)
        title = write_text(ws, HEADER_ROW, n, header.title)
        title.font = Font(
            name="黑体", size=10.5, bold=True, color="C00000" if header.required else "000000"
        )
        title.fill = HEAD_FILL
        title.border = BORDER
        title.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        title.protection = Protection(locked=True)
        dimension = ws.column_dimensions[letter]
        dimension.width = header.width
        dimension.protection = unlocked
        dimension.alignment = wrap
        if header.kind in ("choice", "bool") and header.choices:
            rule = DataValidation(
                type="list",
                formula1=codes.range_of(header.title, header.choices),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="无效的值",
                error="请从下拉列表选择。",
            )
        else:
            rule = DataValidation(allow_blank=True)
        rule.showInputMessage = True
        rule.promptTitle = header.title[:32]
        rule.prompt = header.message[:255]
        rule.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(rule)
        value = (example or {}).get(header.title)
        cell = (
            _write(ws, EXAMPLE_ROW, n, header, value)
            if value is not None
            else ws.cell(row=EXAMPLE_ROW, column=n)
        )
        cell.font = grey
        cell.fill = grey_fill
        cell.alignment = wrap
        cell.protection = Protection(locked=True)
        for offset, row in enumerate(rows):
            value = row.get(header.title)
            if value is None:
                continue
            data = _write(ws, FIRST_ROW + offset, n, header, value)
            data.protection = unlocked
            data.alignment = wrap
    first = ws.cell(row=EXAMPLE_ROW, column=1)
    note = (
        "; ".join(s.note for s in specs_of(name) if s.note)
        if name != OTHER
        else ("其他工作表没有列的内容：每行一个字段路径及其内容。")
    )
    first.comment = Comment(
        f"示例行（灰色），导入时不读取；从第{FIRST_ROW}行起填写。{note}",
        "safecommunity-docs",
        width=300,
        height=120,
    )
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.row_dimensions[HEADER_ROW].height = 30
    protection = ws.protection
    protection.sheet = True
    for option in (
        "formatCells",
        "formatColumns",
        "formatRows",
        "insertRows",
        "deleteRows",
        "sort",
        "autoFilter",
        "insertHyperlinks",
    ):
        setattr(protection, option, False)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    print_setup(ws, landscape=True, header=f"{TITLE}　{name}")


def workbook_bytes(rows: dict[str, list[Row]], examples: dict[str, Row], day: date) -> bytes:
    """The intake workbook with ``rows`` (by sheet) below each sheet's grey example row."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    codes_ws = book.create_sheet(CODES)
    codes = _Codes(codes_ws)
    for name in [*sheet_names(), OTHER]:
        _sheet(book, name, rows.get(name, []), examples.get(name), codes)
    if first is not None:
        book.remove(first)
    book.move_sheet(CODES, offset=len(book.sheetnames))
    codes_ws.sheet_state = "hidden"
    codes_ws.protection.sheet = True
    book.active = 0
    return save_workbook(book, TITLE, day)
