"""Cell values of each column kind: plain data -> what a cell shows, and a cell -> plain data.

Writing refuses (returns :data:`NO_CELL`) a value a cell would not give back unchanged (a list
item holding a line break, an empty text, a number of more digits than a float keeps); the
value then goes to the 其他内容 sheet, so that export then import gives the same dossier.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from .fields import Kind

NO_CELL = object()
"""The value cannot be shown in one cell of its kind without changing it."""

TRUE = ("是", "true", "yes", "y", "1", "有")
FALSE = ("否", "false", "no", "n", "0", "无")
_SPLIT = re.compile(r"[;；|\n]")
CODE_SEPARATOR = "；"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def to_cell(kind: Kind, value: Any) -> Any:
    """The cell value for a plain-data ``value`` (json mode), or :data:`NO_CELL`."""
    if value is None:
        return None
    if kind == "lines" or kind == "codes":
        items = [str(v) for v in value]
        if kind == "lines" and any("\n" in v or not v.strip() for v in items):
            return NO_CELL
        return ("\n" if kind == "lines" else CODE_SEPARATOR).join(items) if items else NO_CELL
    if kind == "bool":
        return "是" if value else "否"
    if kind == "int":
        return int(value)
    if kind == "number":
        number = Decimal(str(value))
        as_float = float(number)
        return as_float if Decimal(repr(as_float)) == number else NO_CELL
    if kind == "date":
        return date.fromisoformat(str(value))
    if kind == "datetime":
        moment = datetime.fromisoformat(str(value))
        return moment if moment.tzinfo is None and not moment.microsecond else NO_CELL
    text = str(value)
    return text if text.strip() else NO_CELL


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _text(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_cell(kind: Kind, value: Any) -> Any:
    """Plain data for the model from a cell as read; a value that does not fit is passed on
    as it is, so the model reports it (with the cell) as any other invalid value."""
    if isinstance(value, str) and kind not in ("text", "lines"):
        value = value.strip()
    if kind == "text":
        return _text(value)
    if kind == "month":
        if isinstance(value, date):
            return f"{value.year:04d}-{value.month:02d}"
        return _text(value)
    if kind == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    if kind == "number":
        if isinstance(value, float):
            return Decimal(repr(value))
        if isinstance(value, str):
            try:
                return Decimal(value.replace(",", ""))
            except InvalidOperation:
                return value
        return value
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(_text(value)).lower()
        return True if text in TRUE else False if text in FALSE else value
    if kind == "date":
        if isinstance(value, datetime):
            return value.date() if value.time() == time(0) else value
        return value.replace("/", "-") if isinstance(value, str) else value
    if kind == "datetime":
        return value.replace("/", "-") if isinstance(value, str) else value
    if kind == "choice":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    if kind == "lines":
        text = _text(value)
        if not isinstance(text, str):
            return value
        return [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    # codes
    if isinstance(value, int | float):
        return [int(value)]
    return [part.strip() for part in _SPLIT.split(str(value)) if part.strip()]
