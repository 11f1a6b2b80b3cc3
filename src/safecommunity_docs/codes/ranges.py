"""The one way a range of whole numbers is written in Chinese text: 0—4岁, 70岁及以上."""

from __future__ import annotations

RANGE_DASH = "—"
"""The dash between the ends of a range (U+2014, as in 2025年3月—2025年5月)."""


def fmt_span(low: int, high: int | None, unit: str = "") -> str:
    """``0—4岁``; ``70岁及以上`` when ``high`` is None; ``5岁`` when both ends are equal."""
    if high is None:
        return f"{low}{unit}及以上"
    if low == high:
        return f"{low}{unit}"
    return f"{low}{RANGE_DASH}{high}{unit}"
