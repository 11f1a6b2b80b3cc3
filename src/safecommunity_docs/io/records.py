"""Read injury records from .csv or .xlsx: Chinese card headers or field names, codes or labels."""

from __future__ import annotations

import csv
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..models.base import TEXT_LIMIT, Loc
from ..models.injury import InjuryRecord
from .records_columns import infer_generation, is_newer_column, product_headers, put_cell
from .source import Position, Source

_ALIASES: dict[str, str] = {
    "编号": "card_no",
    "卡号": "card_no",
    "伤害原因": "cause",
    "原因": "cause",
    "发生地点": "place",
    "地点": "place",
    "活动": "activity",
    "意图": "intent",
    "饮酒": "alcohol",
    "性质": "nature",
    "部位": "body_part",
    "结局": "outcome",
    "严重程度": "severity",
    "发生时间": "injury_time",
    "就诊日期": "visit_time",
    "填报时间": "report_date",
    "是否残疾": "disabled",
    "社区": "sub_unit",
    "村/社区": "sub_unit",
    "卡片版本": "card_version",
    "版本": "card_version",
}
_TRUE = {"是", "true", "1", "yes", "y", "有"}
_FALSE = {"否", "false", "0", "no", "n", "无", ""}
_LIST_SPLIT = re.compile(r"[;；|]")
_DATES = ("injury_time", "visit_time", "report_date", "birth_date")
EXCEL_CELL_LIMIT = 32_767
"""Excel keeps at most this many characters in a cell; a cell this long was most likely cut."""


def header_map() -> dict[str, str]:
    """Return every accepted column header (field name, Chinese title, alias) -> field name."""
    fields = {n: i for n, i in InjuryRecord.model_fields.items() if n != "products"}
    mapping = {name: name for name in fields}
    for name, info in fields.items():
        if info.title:
            mapping[info.title] = name
    mapping.update(_ALIASES)
    mapping.update(product_headers())
    return mapping


def _cell(name: str, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if name in _DATES:
            value = value.replace("/", "-")
            if name.endswith("_time") and len(value) == 16:
                value += ":00"
        if name == "nature":
            return [part.strip() for part in _LIST_SPLIT.split(value) if part.strip()]
        if name == "disabled":
            low = value.lower()
            return True if low in _TRUE else False if low in _FALSE else value
    if name == "nature" and not isinstance(value, list):
        return [value]
    if name == "report_date" and isinstance(value, datetime):
        return value.date()
    if (name == "card_no" or name.startswith("products.")) and isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else str(value)
    return value


@dataclass
class TableSource(Source):
    """A spreadsheet-like source: positions come from row lines and header columns.

    Keeping two small maps instead of one position per cell makes a 100,000-row import cheap.
    """

    sheet: str | None = None
    row_lines: list[int] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    bad_rows: set[int] = field(default_factory=set)
    """Rows (0-based) the reader already found wrong: too many values, a cut cell."""
    notes: list[str] = field(default_factory=list)
    """What the reader decided for the file and reports: the inferred card generation."""

    @property
    def label(self) -> str:
        """The file as shown in messages, with the sheet of a workbook: ``a.xlsx[伤害记录]``."""
        return f"{self.file}[{self.sheet}]" if self.sheet else self.file

    def row_problem(self, row: int, column: int, path: str, message: str) -> None:
        """Record a problem of row ``row`` (0-based) at ``column``; the row is rejected."""
        self.bad_rows.add(row)
        self.problems.append(Problem(path, message, self.label, self.row_lines[row], column))

    def locate(self, loc: Loc) -> Position | None:
        """The cell of ``loc`` (row index, field), or its row, or the file's start."""
        if loc and isinstance(loc[0], int) and 0 <= loc[0] < len(self.row_lines):
            line = self.row_lines[loc[0]]
            dotted = ".".join(str(part) for part in loc[1:4])
            if dotted in self.columns:
                return Position(line, self.columns[dotted], self.sheet)
            if len(loc) > 1 and isinstance(loc[1], str) and loc[1] in self.columns:
                return Position(line, self.columns[loc[1]], self.sheet)
            return Position(line, 1, self.sheet)
        return super().locate(loc)


def _filled(value: Any) -> bool:
    return value is not None and bool(str(value).strip())


def _rows_to_source(
    file: str, header: list[Any], rows: list[tuple[int, list[Any]]], sheet: str | None
) -> Source:
    known = header_map()
    source = TableSource(file=file, data=[], sheet=sheet)
    columns: list[tuple[int, str]] = []
    for col, name in enumerate(header, start=1):
        text = str(name).strip() if name is not None else ""
        if not text:
            continue
        field_name = known.get(text)
        if field_name is None:
            source.problems.append(
                Problem(
                    path=f"header[{col}]",
                    message=f"未知列名 (unknown column '{text}'; use the card's Chinese titles or "
                    "the field names of InjuryRecord)",
                    file=f"{file}[{sheet}]" if sheet else file,
                    line=rows[0][0] - 1 if rows else 1,
                    column=col,
                )
            )
            continue
        columns.append((col, field_name))
        source.columns.setdefault(field_name, col)
    records: list[dict[str, Any]] = []
    width = max((n for n, name in enumerate(header, start=1) if _filled(name)), default=0)
    for index, (line, cells) in enumerate(rows):
        source.row_lines.append(line)
        record: dict[str, Any] = {}
        for col, field_name in columns:
            value = cells[col - 1] if col - 1 < len(cells) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if isinstance(value, str) and len(value) >= EXCEL_CELL_LIMIT and sheet is not None:
                source.row_problem(
                    index,
                    col,
                    f"[{index}].{field_name}",
                    f"单元格内容可能已被截断 (the cell holds {len(value):,} characters, Excel's "
                    f"limit: its text was most likely cut; keep a text under {TEXT_LIMIT:,} "
                    "characters)",
                )
            converted = _cell(field_name, value)
            put_cell(record, field_name, converted)
            if field_name in _DATES and isinstance(value, str) and converted != value:
                source.written[(index, field_name)] = value.strip()
        extra = [(n, c) for n, c in enumerate(cells[width:], start=width + 1) if _filled(c)]
        if extra:
            shown = ", ".join(repr(str(c))[:40] for _, c in extra[:3])
            source.row_problem(
                index,
                extra[0][0],
                f"[{index}]",
                f"多出的值 (values beyond the header's {width} columns: {shown}; a text "
                "holding a comma must be in double quotes)",
            )
        records.append(record)
    source.data = records
    newer = [str(header[col - 1]).strip() for col, name in columns if is_newer_column(name)]
    note = infer_generation(source.data, source.label, newer)
    if note:
        source.notes.append(note)
    return source


_CSV_LIMIT_LOCK = threading.Lock()


@contextmanager
def _any_field_size() -> Iterator[None]:
    """Lift the csv module's 131,072-character cell limit while one file is read.

    The limit is process-wide, so it is restored afterwards (under a lock); a long cell is then
    reported by the models' text limit, at its row and column, instead of aborting the read.
    """
    with _CSV_LIMIT_LOCK:
        previous = csv.field_size_limit()
        csv.field_size_limit(2**31 - 1)
        try:
            yield
        finally:
            csv.field_size_limit(previous)


def read_records_csv(path: Path, file: str | None = None) -> Source:
    """Read a CSV of injury records (UTF-8, with or without BOM) into a positioned source."""
    label = file or str(path)
    try:
        with _any_field_size(), path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                table = list(reader)
            except csv.Error as exc:
                raise InputError(
                    [Problem("", f"CSV error: {exc}", label, reader.line_num, 1)]
                ) from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                Problem(
                    path="",
                    file=label,
                    message=f"not UTF-8 text ({exc.reason}); save the CSV as UTF-8",
                )
            ]
        ) from exc
    if not table:
        return Source(file=label, data=[])
    rows = [(n, row) for n, row in enumerate(table[1:], start=2) if any(c.strip() for c in row)]
    return _rows_to_source(label, list(table[0]), list(rows), None)


def read_records_xlsx(path: Path, file: str | None = None) -> Source:
    """Read the first sheet of an .xlsx of injury records into a positioned source.

    The workbook is read with calamine (Rust): measured 8-10 times faster than openpyxl's
    read-only mode, which took about a minute for 100,000 rows.
    """
    from python_calamine import CalamineError, CalamineWorkbook

    label = file or str(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:  # zip, XML and password errors too
        raise InputError(
            [Problem(path="", file=label, message=f"cannot read as .xlsx: {exc}")]
        ) from exc
    try:
        title = book.sheet_names[0] if book.sheet_names else ""
        sheet = book.get_sheet_by_index(0) if title else None
        all_rows: list[list[Any]] = [list(r) for r in sheet.to_python()] if sheet else []
    except CalamineError as exc:
        raise InputError(
            [Problem(path="", file=label, message=f"cannot read the first sheet: {exc}")]
        ) from exc
    finally:
        book.close()
    if not all_rows:
        return Source(file=label, data=[])
    rows = [
        (n, row)
        for n, row in enumerate(all_rows[1:], start=2)
        if any(c is not None and str(c).strip() for c in row)
    ]
    return _rows_to_source(label, all_rows[0], rows, title)


def read_records(path: Path, file: str | None = None) -> Source:
    """Read injury records from ``.csv`` or ``.xlsx`` (chosen by the suffix)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_records_csv(path, file)
    if suffix in (".xlsx", ".xlsm"):
        return read_records_xlsx(path, file)
    raise InputError(
        [Problem(path="", file=file or str(path), message="injury records must be .csv or .xlsx")]
    )
