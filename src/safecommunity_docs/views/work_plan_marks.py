"""The work plan's numbers and dates as written: a marker when given, else a generated one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..codes.ranges import RANGE_DASH
from ..models.work_plan_dates import DatePoint, DateSpec
from ..models.work_plan_markers import marker_of
from .builder import DEFAULT_POINT_STYLE, HEADING_KINDS, BlockBuilder
from .format import fmt_date, fmt_month
from .numbering import heading_number, point_prefix


def number(level: int, n: int, marker: str | None) -> str:
    """The number of the ``n``-th heading at ``level``: the marker as written, else
    一、（一）1.（1） by level (① below level 4)."""
    if marker is not None:
        return marker
    return heading_number(level, n) if level in HEADING_KINDS else point_prefix("①", n)


def heading(doc: BlockBuilder, level: int, n: int, text: str, marker: str | None) -> None:
    """A heading numbered as written (``marker``) or by position; below level 4 a paragraph."""
    if level in HEADING_KINDS:
        doc.add(HEADING_KINDS[level], number(level, n, marker) + text, outline=level == 1)
    else:
        doc.p(number(level, n, marker) + text)


def points(doc: BlockBuilder, items: Sequence[str], style: str | None) -> None:
    """Enumerated points, one paragraph each: each item's own marker, else ``style``'s."""
    for n, item in enumerate(items, start=1):
        mark = marker_of(item)
        doc.p((mark if mark is not None else point_prefix(style or DEFAULT_POINT_STYLE, n)) + item)


def item_prefix(item: str, style: str, n: int) -> str:
    """An item's own marker, else the ``n``-th number of ``style``."""
    mark = marker_of(item)
    return mark if mark is not None else point_prefix(style, n)


def _point(p: DatePoint) -> str:
    year = p.year or 0  # a YYYY-MM point always has its year
    if p.day is not None:
        return fmt_date(date(year, p.month, p.day))
    return fmt_month(f"{year:04d}-{p.month:02d}")


def fmt_spec(spec: DateSpec) -> str:
    """A written date as the plan writes it; ``YYYY-MM`` forms as 2025年9月 (and a range of
    them with the dash of the house style)."""
    if not spec.iso:
        return spec.text
    if spec.start is None:
        return _point(spec.end) + "前"
    if not spec.is_range or spec.start == spec.end:
        return _point(spec.end)
    return f"{_point(spec.start)}{RANGE_DASH}{_point(spec.end)}"


def fmt_span(start: DateSpec | None, end: DateSpec | None) -> str:
    """A phase's start and end months: 2025年3月—2025年5月, one month when they are equal."""
    if start is None:
        return ""
    if end is None or end.text == start.text:
        return fmt_spec(start)
    return f"{fmt_spec(start)}{RANGE_DASH}{fmt_spec(end)}"
