"""Read an intake workbook: every filled row of every sheet, each cell with its position."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, InputNotFound, Problem

HEADER_ROW = 1
EXAMPLE_ROW = 2
FIRST_ROW = 3
"""Row 1 holds the titles, row 2 the grey example; data starts on row 3."""


@dataclass(frozen=True)
class Cell:
    """One filled cell: its value as read and where it stands."""

    value: Any
    row: int
    column: int


@dataclass
class SheetRows:
    """The header titles (by column) and the filled data rows of one sheet."""

    name: str
    titles: dict[int, str]
    rows: list[tuple[int, dict[str, Cell]]]


def read_workbook(path: Path | str) -> dict[str, SheetRows]:
    """Every sheet of the workbook at ``path`` by name (values, not formulas)."""
    from openpyxl import load_workbook

    source = Path(path)
    if not source.is_file():
        raise InputNotFound(source)
    try:
        data = source.read_bytes()
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            [
                Problem(
                    path="",
                    file=str(path),
                    message=f"不是有效的 Excel 工作簿 (not an .xlsx workbook: {exc})",
                )
            ]
        ) from exc
    out: dict[str, SheetRows] = {}
    try:
        for ws in book.worksheets:
            titles: dict[int, str] = {}
            rows: list[tuple[int, dict[str, Cell]]] = []
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if number == HEADER_ROW:
                    titles = {
                        n: str(v).strip() for n, v in enumerate(values, start=1) if v is not None
                    }
                    continue
                if number < FIRST_ROW:
                    continue
                cells = {
                    titles[n]: Cell(v, number, n)
                    for n, v in enumerate(values, start=1)
                    if n in titles and _filled(v)
                }
                if cells:
                    rows.append((number, cells))
            out[ws.title] = SheetRows(ws.title, titles, rows)
    finally:
        book.close()
    return out


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
