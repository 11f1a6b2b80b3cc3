"""Table column widths from content, and whether a table needs a landscape page.

Widths are in half-width units of 12 pt table text (a 汉字 counts 2). Each column has a
*minimum* (what must fit on one line: its short values whole, its dates and numbers with
units, its header's words, and for running text a floor of a few characters) and a *natural*
width (its longest line). A table whose natural widths fit gets them; otherwise every column
gets its minimum and the room left is shared in proportion to what each still lacks, so short
columns (names, numbers, dates) never wrap while a wide text column has room.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from .format import KEPT_TOGETHER
from .linebreak import em_width

PAD = 2
"""Half-width units a column needs beyond its text: the cell margins (2 × 85 twips)."""

PORTRAIT_BUDGET = 72
"""Half-width units of 12 pt text across the portrait type area (156 mm), margins included."""

LANDSCAPE_BUDGET = 104
"""The same across the landscape type area (225 mm)."""

SHORT_CELL = 14
"""A cell line at most this wide (2025年12月31日, a seven-character name) is never wrapped."""

TEXT_FLOOR = 12
"""Running text is never set narrower than this (six characters) in a fitted table."""

PORTRAIT_FLOOR = 10
"""A table that cannot give its running text five characters on a portrait page goes
landscape (see :func:`needs_landscape`)."""

HEADER_WORD = 12
"""A header word (the text between its break points) up to six characters is not wrapped."""

_BREAK_AFTER = "，、；：。！？）」』》/ "
_BREAK_BEFORE = "（「『《"
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")


def display_width(text: str) -> int:
    """Width of ``text`` in half-width units: CJK, full-width and East Asian ambiguous
    characters (— “” ‘’ ×, full-width in a Chinese font) count 2."""
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text
    )


def _pieces(text: str) -> list[str]:
    """The parts of a header a line may break between: after punctuation and spaces, before
    an opening bracket."""
    out: list[str] = []
    piece = ""
    for ch in text:
        if ch in _BREAK_BEFORE and piece:
            out.append(piece)
            piece = ""
        piece += ch
        if ch in _BREAK_AFTER:
            out.append(piece)
            piece = ""
    return [*out, piece] if piece else out


def _kept(text: str) -> int:
    """The widest run that must stay on one line (a date, a number and unit)."""
    # in half-width units, with LibreOffice's gaps where CJK meets digits (em_width)
    return max((math.ceil(em_width(m.group(0)) * 2) for m in KEPT_TOGETHER.finditer(text)), default=0)


def column_limits(header: str, cells: Sequence[str], floor: int = TEXT_FLOOR) -> tuple[int, int]:
    """The (minimum, natural) width of a column without its margins."""
    lines = [line for cell in cells for line in cell.split("\n") if line]
    natural = max([display_width(line) for line in lines] + [display_width(header), 2])
    words = [min(display_width(p.strip()), HEADER_WORD) for p in _pieces(header)]
    minimum = max([*words, 2])
    for line in lines:
        width = display_width(line)
        if width <= SHORT_CELL:
            minimum = max(minimum, width)
        else:
            latin = max((len(w) for w in _LATIN.findall(line)), default=0)
            minimum = max(minimum, min(width, max(floor, _kept(line), latin)))
    return minimum, natural


FLOORS = (TEXT_FLOOR, PORTRAIT_FLOOR, 8, 4)
"""Text floors tried in turn until the minimum widths fit the page."""


def fit_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], budget: int = PORTRAIT_BUDGET
) -> tuple[int, ...]:
    """Relative column widths from content (margins included): natural widths when they fit
    ``budget``, else minimum widths plus the room left, shared by what each column lacks.
    The text floor is lowered (6, 5, 4, 2 characters) until the minimum widths fit."""
    cells = [[row[c] for row in rows] for c in range(len(columns))]
    for floor in FLOORS:
        limits = [column_limits(h, cells[c], floor) for c, h in enumerate(columns)]
        if sum(m + PAD for m, _ in limits) <= budget:
            break
    natural = [n + PAD for _, n in limits]
    if sum(natural) <= budget:
        return tuple(natural)
    minimum = [m + PAD for m, _ in limits]
    room = budget - sum(minimum)
    if room <= 0:
        return tuple(minimum)
    lack = [n - m for m, n in zip(minimum, natural, strict=True)]
    total = sum(lack) or 1
    return tuple(m + room * d // total for m, d in zip(minimum, lack, strict=True))


def needs_landscape(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """Whether a table's minimum widths (text at least ``PORTRAIT_FLOOR`` wide) exceed the
    portrait type area."""
    limits = [
        column_limits(h, [row[c] for row in rows], PORTRAIT_FLOOR) for c, h in enumerate(columns)
    ]
    return sum(m + PAD for m, _ in limits) > PORTRAIT_BUDGET
