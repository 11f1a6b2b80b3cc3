"""Table cells as printed: full-width brackets and colons in Chinese, one number format a column."""

from __future__ import annotations

import re
from collections.abc import Sequence

_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_HALF_BRACKETS = re.compile(r"\(([^()]*)\)")
_HALF_COLON = re.compile(rf"(?<={_CJK}):(?!//)")
_LABELS = ("序号", "编号", "条款", "号")
"""Columns whose header ends in one of these hold labels (1.1, 1.10), never amounts."""
_NUMBER = re.compile(r"^(?P<sign>[+-]?)(?P<int>\d+)(?:\.(?P<dec>\d+))?(?P<unit>[^\d\s.]{0,4})$")


def chinese_punctuation(text: str) -> str:
    """Half-width brackets around or beside Chinese text, and a colon after a 汉字, become
    full-width: 故意(暴力、攻击) → 故意（暴力、攻击）, 联系电话:1 → 联系电话：1. Brackets
    around Latin text or numbers between Latin text (ISO 45001(2018)) stay as they are."""

    def bracket(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        if re.search(_CJK, m.group(1)) or re.match(_CJK, before):
            return f"（{m.group(1)}）"
        return m.group(0)

    return _HALF_COLON.sub("：", _HALF_BRACKETS.sub(bracket, text))


def _decimals(cell: str) -> tuple[int, str] | None:
    """(decimal places, unit) of a cell holding one number with an optional unit, else None."""
    m = _NUMBER.match(cell)
    if m is None:
        return None
    return len(m.group("dec") or ""), m.group("unit")


def _pad(cell: str, places: int) -> str:
    m = _NUMBER.match(cell)
    assert m is not None
    digits = m.group("dec") or ""
    return f"{m.group('sign')}{m.group('int')}.{digits.ljust(places, '0')}{m.group('unit')}"


def uniform_decimals(
    columns: Sequence[str], rows: Sequence[Sequence[str]]
) -> tuple[tuple[str, ...], ...]:
    """Give the numbers of a column one format: every number with the same unit gets the most
    decimals any of them has (2.7 beside 2.33 → 2.70); text, integer columns and numbering
    columns (序号, 编号) stay as they are."""
    out = [list(row) for row in rows]
    for c, header in enumerate(columns):
        if header.endswith(_LABELS):
            continue
        places: dict[str, int] = {}
        for row in out:
            found = _decimals(row[c])
            if found is not None:
                places[found[1]] = max(places.get(found[1], 0), found[0])
        for row in out:
            found = _decimals(row[c])
            if found is not None and found[0] < places[found[1]]:
                row[c] = _pad(row[c], places[found[1]])
    return tuple(tuple(row) for row in out)


def tidy_cells(
    columns: Sequence[str], rows: Sequence[Sequence[str]]
) -> tuple[tuple[str, ...], ...]:
    """The rows with Chinese punctuation and one number format per column."""
    return uniform_decimals(columns, [[chinese_punctuation(cell) for cell in row] for row in rows])
