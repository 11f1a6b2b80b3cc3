"""Dates of a work plan as written: 「2025年9月—2026年6月」, 「11月~2月」, 「4月底前」, 「20xx年9月」."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

_SP = r"\s*"
_YEAR = r"(?:\d{4}|\d{2}[xX]{2})" + _SP + "年"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_CN_POINT = (
    rf"(?P<yearend>(?P<year2>{_YEAR}){_SP}(?P<yearpart>初|底|末))"
    rf"|(?:(?P<year>{_YEAR}){_SP})?(?P<month>{_MONTH}){_SP}月"
    rf"(?:{_SP}(?P<day>{_DAY}){_SP}日|{_SP}(?P<part>初|上旬|中旬|下旬|底|末))?"
)
_ISO_POINT = r"(?P<iso>\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?)"
POINT = rf"(?:{_ISO_POINT}|{_CN_POINT})"
"""One point in time: ``2025-09``, ``2025-09-15``, 「20xx年9月」, 「4月中旬」, 「9月底」, 「20xx年底」."""

SEPARATORS = "-–—~～至到"
_SEP = rf"{_SP}(?:——|[{SEPARATORS}]){_SP}"
OPEN_END = "前"
"""An open start: 「4月底前」 is any time up to the end of April."""


def _plain(pattern: str) -> str:
    """The pattern without Python's named groups (ECMA-262 for the JSON Schema)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


PATTERN = rf"^{_plain(POINT)}(?:{_SEP}{_plain(POINT)}|{_SP}{OPEN_END})?$"
"""Every form a :class:`DateSpec` accepts; the JSON Schema carries this very pattern."""

_POINT_RE = re.compile(POINT)
_SEP_RE = re.compile(_SEP)
_FORMS = (
    "YYYY-MM, YYYY-MM-DD, 2025年9月, 20xx年9月, 9月, 4月15日, 4月中旬, 10月底, 20xx年底, "
    "a range of two of them (2025年9月—2026年6月, 11月~2月, 20xx年7月至9月) or an open start "
    "(4月底前)"
)


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One point of a written date: a month (or day, or part of a month) of a year that may be
    unknown (``year`` None: written 20xx, or not written)."""

    year: int | None
    month: int
    day: int | None = None
    part: str = ""
    """「初」「上旬」「中旬」「下旬」「底」「末」 or empty."""
    placeholder: bool = False
    """The year is written as a placeholder (20xx)."""
    iso: bool = False
    """Written as ``YYYY-MM`` or ``YYYY-MM-DD``."""

    def month_text(self) -> str | None:
        """``YYYY-MM`` when the year is known, else None."""
        return None if self.year is None else f"{self.year:04d}-{self.month:02d}"


def _point(text: str) -> DatePoint:
    m = _POINT_RE.fullmatch(text.strip())
    if m is None:  # pragma: no cover - guarded by PATTERN
        raise ValueError(f"not a date: {text!r}")
    if m["iso"]:
        parts = [int(p) for p in m["iso"].split("-")]
        day = parts[2] if len(parts) == 3 else None
        if day is not None:
            date(parts[0], parts[1], day)  # raises ValueError for 2025-02-30
        return DatePoint(parts[0], parts[1], day, iso=True)
    year_text = (m["year"] or m["year2"] or "").rstrip("年").strip()
    placeholder = year_text[2:].lower() == "xx"
    year = int(year_text) if year_text and not placeholder else None
    if m["yearpart"]:
        month, part = (1, "初") if m["yearpart"] == "初" else (12, m["yearpart"])
        return DatePoint(year, month, None, part, placeholder)
    month = int(m["month"])
    day = int(m["day"]) if m["day"] else None
    if day is not None:
        date(year or 2000, month, day)  # a leap year when the year is unknown
    return DatePoint(year, month, day, m["part"] or "", placeholder)


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A date of a work plan kept as written, with what it means where that is known.

    ``start`` is None for an open start (「4月底前」); a single month has ``start == end``. A
    year-less end of a range takes the start's year, or the next one when its month comes
    earlier (「11月~2月」 crosses the year end). Years written 20xx, and year-less dates with
    no year to take, are unknown: :meth:`months` then returns None and checks that need real
    dates say they cannot run instead of inventing years.
    """

    text: str
    start: DatePoint | None
    end: DatePoint

    @classmethod
    def parse(cls, value: str | date) -> DateSpec:
        """Read a written date; raise ValueError naming the accepted forms."""
        if isinstance(value, date):
            return cls.parse(value.isoformat())
        if not isinstance(value, str):
            raise ValueError(f"expected a date written as text ({_FORMS})")
        if re.fullmatch(PATTERN, value) is None:
            raise ValueError(f"not a date this library reads: {value!r}; expected {_FORMS}")
        text = value
        if text.endswith(OPEN_END) and not _SEP_RE.search(text[:-1]):
            return cls(value, None, _point(text[: -len(OPEN_END)]))
        parts = _split(text)
        if len(parts) == 1:
            point = _point(parts[0])
            return cls(value, point, point)
        first, last = _point(parts[0]), _point(parts[1])
        if last.year is None and not last.placeholder and first.year is not None:
            year = first.year + (1 if last.month < first.month else 0)
            last = DatePoint(year, last.month, last.day, last.part, iso=last.iso)
        elif last.year is None and not last.placeholder and first.placeholder:
            last = DatePoint(None, last.month, last.day, last.part, True, last.iso)
        spec = cls(value, first, last)
        span = spec.months()
        if span is not None and span[0] is not None and span[1] < span[0]:
            raise ValueError(f"the range ends before it starts: {value!r}")
        return spec

    @property
    def is_range(self) -> bool:
        """Whether the text names a start and an end (or an open start)."""
        return self.start is not self.end

    @property
    def iso(self) -> bool:
        """Whether every point is written ``YYYY-MM`` or ``YYYY-MM-DD``."""
        return self.end.iso and (self.start is None or self.start.iso)

    @property
    def has_placeholder(self) -> bool:
        """Whether a year is written as a placeholder (20xx)."""
        return self.end.placeholder or (self.start is not None and self.start.placeholder)

    def months(self, year: int | None = None) -> tuple[str | None, str] | None:
        """``(first, last)`` as ``YYYY-MM`` (first None for an open start), or None when a
        year is unknown. ``year`` is the year of a year-less start (e.g. the plan's year)."""
        start, end = self.start, self.end
        if year is not None and start is not None and start.year is None and not start.placeholder:
            start = DatePoint(year, start.month, start.day, start.part)
            if end.year is None and not end.placeholder:
                shift = 1 if end.month < start.month else 0
                end = DatePoint(year + shift, end.month, end.day, end.part)
        elif year is not None and start is None and end.year is None and not end.placeholder:
            end = DatePoint(year, end.month, end.day, end.part)
        last = end.month_text()
        first = None if start is None else start.month_text()
        if last is None or (start is not None and first is None):
            return None
        return first, last

    def __str__(self) -> str:
        return self.text

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": PATTERN,
            "description": f"A date as the plan writes it: {_FORMS}.",
            "examples": ["2026-03", "2025年9月—2026年6月", "20xx年11月~20xx年2月", "4月底前"],
        }


def _split(text: str) -> list[str]:
    """Split a range at its separator: the first separator that leaves two points."""
    for m in _SEP_RE.finditer(text):
        left, right = text[: m.start()], text[m.end() :]
        if _POINT_RE.fullmatch(left.strip()) and _POINT_RE.fullmatch(right.strip()):
            return [left, right]
    return [text]


def _validate(value: Any) -> DateSpec:
    if isinstance(value, DateSpec):
        return value
    return DateSpec.parse(value)
