"""Exact Decimal arithmetic for shares, rates and changes: largest remainder and half-up rounding."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)


def _scaled(units: int, places: int) -> Decimal:
    """Return ``units`` as a Decimal with exactly ``places`` decimal places (333, 1 -> 33.3)."""
    return Decimal(units).scaleb(-places)


def largest_remainder(counts: Sequence[int], places: int = 1) -> tuple[Decimal, ...]:
    """Return percentage shares of ``counts`` that add up to exactly 100 at ``places`` decimals.

    Each share is first rounded down to ``places`` decimals; the units still missing to reach
    100 go one each to the counts with the largest remainders (the Hamilton or largest-remainder
    method), ties going to the earlier count. So ``[1, 1, 1]`` gives 33.4, 33.3 and 33.3. When
    every count is zero (or there are none) no share can be computed and every share is 0 at
    ``places`` decimals (``Decimal('0.0')``); the shares then add up to 0, not 100. Negative
    counts or places raise ``ValueError``.
    """
    if places < 0:
        raise ValueError(f"places must be >= 0, got {places}")
    if any(c < 0 for c in counts):
        raise ValueError(f"counts must be >= 0, got {list(counts)}")
    total = sum(counts)
    if total == 0:
        return tuple(_scaled(0, places) for _ in counts)
    units = 100 * 10**places
    floors = [c * units // total for c in counts]
    remainders = [c * units % total for c in counts]
    missing = units - sum(floors)
    # sorted() is stable, so equal remainders keep their order: ties go to the earlier count.
    order = sorted(range(len(counts)), key=lambda i: -remainders[i])
    for i in order[:missing]:
        floors[i] += 1
    return tuple(_scaled(f, places) for f in floors)


def quantize(value: Decimal, places: int) -> Decimal:
    """Round ``value`` half up to ``places`` decimal places (2.345 -> 2.35 at two places)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(part: int, whole: int, places: int = 1) -> Decimal:
    """Return ``part`` as a percentage of ``whole``, rounded half up; 0 when ``whole`` is 0."""
    if whole == 0:
        return _scaled(0, places)
    return quantize(Decimal(part) * HUNDRED / Decimal(whole), places)


def change_percent(current: int, previous: int, places: int = 1) -> Decimal | None:
    """Return the percentage change from ``previous`` to ``current``; ``None`` if previous is 0."""
    if previous == 0:
        return None
    return quantize(Decimal(current - previous) * HUNDRED / Decimal(previous), places)
