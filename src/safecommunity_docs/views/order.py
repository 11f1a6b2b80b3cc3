"""Ranked rows as printed: largest first, and 其他, 不详, 不清楚 or 未填写 always last."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

RESIDUAL = ("其他", "不详", "不清楚", "未填写")
"""Labels (or their first part before a 「/」) of the catch-all categories."""

T = TypeVar("T")


def is_residual(label: str) -> bool:
    """Whether ``label`` names a catch-all category: 其他, 其他/不清楚, 不清楚/其他, 不详 …"""
    return label.split("/")[0].strip() in RESIDUAL


def residual_last(rows: Sequence[T], label: Callable[[T], str]) -> tuple[T, ...]:
    """``rows`` in their order, the catch-all categories moved to the end (whatever their
    count)."""
    return tuple(
        sorted(rows, key=lambda row: is_residual(label(row)))  # stable: order kept otherwise
    )
