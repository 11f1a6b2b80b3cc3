"""The batch report workbook: one row per community (status, verdict, findings, pages, time)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from .cells import cell_at, print_setup, save_workbook, write_text

COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("community", "社区", 18),
    ("status", "状态", 10),
    ("verdict", "评定结论", 20),
    ("errors", "错误", 7),
    ("warnings", "警告", 7),
    ("pages", "页数", 7),
    ("seconds", "用时（秒）", 10),
    ("converted", "转换文档数", 10),
    ("error", "错误信息", 50),
    ("source", "来源文件夹", 30),
    ("output", "输出文件夹", 30),
)
STATUS = {"built": "已生成", "unchanged": "未变化（跳过）", "failed": "失败"}
FAILED = PatternFill("solid", fgColor="FDE2E1")


def batch_report_xlsx(rows: Sequence[dict[str, Any]], day: date | None = None) -> bytes:
    """The workbook of a batch's rows (dicts with the keys of ``CommunityResult``)."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "批量生成报告"
    for c, (_, header, width) in enumerate(COLUMNS, start=1):
        cell = write_text(ws, 1, c, header)
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = width
    for r, row in enumerate(rows, start=2):
        for c, (key, _, _) in enumerate(COLUMNS, start=1):
            value = row.get(key)
            if key == "status":
                value = STATUS.get(str(value), str(value))
            if isinstance(value, str):
                write_text(ws, r, c, value)
            elif value is not None:
                cell_at(ws, r, c).value = value
            if row.get("status") == "failed":
                cell_at(ws, r, c).fill = FAILED
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    print_setup(ws, landscape=True, header="批量生成报告")
    return save_workbook(book, "批量生成报告", day or date.today())
