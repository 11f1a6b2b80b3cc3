"""Table column widths from content, and whether a table needs a landscape page.

Widths are in half-width units of 12 pt table text (a 汉字 counts 2); a line is measured as
the Word renderer measures it (:func:`.linebreak.em_width`, with LibreOffice's gaps where CJK
meets digits). Each column has a *minimum* (what must fit on one line: its dates and numbers
with units, its short values up to their break points, its header's words, halved when they
are long, and for running text a floor of a few characters), a *comfortable* width (headers
and short values whole) and a *natural* width (its longest line). A table whose natural
widths fit gets them; otherwise every column gets its minimum, and the room left goes where
it saves most lines of the whole table (:mod:`.rowlines`): to the running text of a table of
long rows, to the wrapped names of a table of short ones; headers and short values are broken
only when the comfortable widths do not fit. What no line needs goes to what each column
still lacks. A table goes landscape when its
minimum widths exceed the portrait page, or its tallest row would be more than
:data:`ROW_LINES` lines there, or its running text narrower than :data:`TEXT_FLOOR`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .format import KEPT_TOGETHER
from .linebreak import em_width
from .rowlines import MARGIN_EM, SAFETY_EM, UNIT_EM, shortest, tallest_row

PAD = 2
"""Half-width units a column needs beyond its text: the cell margins (2 × 85 twips)."""

PORTRAIT_BUDGET = 72
"""Half-width units of 12 pt text across the portrait type area (156 mm), margins included."""

LANDSCAPE_BUDGET = 104
"""The same across the landscape type area (225 mm)."""

SHORT_CELL = 14
"""A cell line at most this wide (a seven-character name, 「60岁以上老年人」) is never wrapped
but at its break points (「58% / （2024年）」)."""

TEXT_FLOOR = 12
"""Running text is never set narrower than this (six characters) in a fitted table."""

PORTRAIT_FLOOR = 10
"""A table that cannot give its running text five characters on a portrait page goes
landscape (see :func:`needs_landscape`)."""

RUNNING = 56
"""A column whose longest line is wider than this (28 characters) holds running text, which
goes landscape rather than narrower than :data:`TEXT_FLOOR` (see :func:`needs_landscape`)."""

ROW_LINES = 9
"""A fitted table whose tallest row would take more lines than this (a quarter of a page) on
a portrait page goes landscape, where its running text is half as wide again: a row nearly a
page tall cannot keep two rows together on a page."""

HEADER_WORD = 12
"""A header word (the text between its break points) up to six characters is not wrapped."""

HALVED_HEADER = 8
"""A header word of at least four characters (this many units) may be set on two lines."""

_BREAK_AFTER = "，、；：。！？）」』》/ "
_BREAK_BEFORE = "（「『《"
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")


@lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    """Width of ``text`` in half-width units: CJK, full-width and East Asian ambiguous
    characters (— “” ‘’ ×, full-width in a Chinese font) count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _units(em: float) -> int:
    """The units (margins not included) of a column whose cell holds ``em`` on one line."""
    return max(0, math.ceil((em + MARGIN_EM) / UNIT_EM - 1e-9) - PAD)


def line_width(text: str) -> int:
    """The units a column needs (margins not included) to hold ``text`` on one line as the
    Word renderer measures it (:func:`.linebreak.em_width`: LibreOffice's gaps where CJK meets
    digits count, so 「2027年10月31日」, 14 characters, needs 16 units)."""
    return _units(em_width(text))


def _pieces(text: str) -> list[str]:
    """The parts of a header or a short cell a line may break between: after punctuation and
    spaces, before an opening bracket."""
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


def _halved(piece: str) -> int:
    """The width of a header word set on two lines (「措施 / 类型」): its longer half, for a word
    of CJK characters at least :data:`HALVED_HEADER` wide; else the whole word."""
    word = piece.strip()
    if display_width(word) < HALVED_HEADER or any(ch.isascii() for ch in word):
        return line_width(word)
    return line_width(word[: (len(word) + 1) // 2])


def _kept(text: str) -> int:
    """The widest run that must stay on one line (a date, a number and unit) in a wrapped
    line: the wrap leaves :data:`SAFETY_EM` free."""
    runs = [em_width(m.group(0)) for m in KEPT_TOGETHER.finditer(text)]
    return max((_units(em + SAFETY_EM) for em in runs), default=0)


class Needs(NamedTuple):
    """What a column needs, without its margins: see the module docstring."""

    minimum: int
    comfortable: int
    natural: int
    running: bool
    """Whether the column holds running text (a line wider than :data:`RUNNING`)."""


def column_needs(header: str, cells: Sequence[str], floor: int = TEXT_FLOOR) -> Needs:
    """The minimum, comfortable and natural widths of a column (margins not included)."""
    lines = [line for cell in cells for line in cell.split("\n") if line]
    natural = max([line_width(line) for line in lines] + [line_width(header), 2])
    pieces = _pieces(header)
    minimum = max([min(_halved(p), HEADER_WORD) for p in pieces] + [2])
    whole = max([min(line_width(p.strip()), HEADER_WORD) for p in pieces] + [minimum])
    for line in lines:
        width = line_width(line)
        if width <= SHORT_CELL:
            minimum = max([minimum, _kept(line)] + [line_width(p.strip()) for p in _pieces(line)])
            whole = max(whole, width)
        else:
            latin = max((len(w) for w in _LATIN.findall(line)), default=0)
            minimum = max(minimum, min(width, max(floor, _kept(line), latin)))
    return Needs(minimum, min(max(minimum, whole), natural), natural, natural > RUNNING)


def column_limits(header: str, cells: Sequence[str], floor: int = TEXT_FLOOR) -> tuple[int, int]:
    """The (minimum, natural) width of a column without its margins."""
    needs = column_needs(header, cells, floor)
    return needs.minimum, needs.natural


FLOORS = (TEXT_FLOOR, PORTRAIT_FLOOR, 8, 4)
"""Text floors tried in turn until the minimum widths fit the page."""


def _needs(columns: Sequence[str], rows: Sequence[Sequence[str]], budget: int) -> list[Needs]:
    """Every column's needs at the highest text floor whose minimum widths fit ``budget``."""
    cells = [[row[c] for row in rows] for c in range(len(columns))]
    for floor in FLOORS:
        needs = [column_needs(h, cells[c], floor) for c, h in enumerate(columns)]
        if sum(n.minimum + PAD for n in needs) <= budget:
            break
    return needs


def _grow(widths: list[int], targets: Sequence[int], room: int) -> int:
    """Widen ``widths`` towards ``targets`` with at most ``room`` units (in proportion to what
    each lacks when the room is short); return the room left."""
    gaps = [max(0, t - w) for w, t in zip(widths, targets, strict=True)]
    total = sum(gaps)
    if total <= room:
        widths[:] = [w + g for w, g in zip(widths, gaps, strict=True)]
        return room - total
    widths[:] = [w + room * g // total for w, g in zip(widths, gaps, strict=True)]
    return 0


def fit_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], budget: int = PORTRAIT_BUDGET
) -> tuple[int, ...]:
    """Relative column widths from content (margins included): natural widths when they fit
    ``budget``; else comfortable widths (headers and short cells whole) when they fit, else
    minimum widths; then each unit of the room left where it saves most lines of the table
    (:func:`.rowlines.shortest`), then what is still left shared by what each column lacks.
    The text floor is lowered (6, 5, 4, 2 characters) until the minimum widths fit."""
    return _fitted(tuple(columns), tuple(tuple(row) for row in rows), budget)


@lru_cache(maxsize=512)
def _fitted(
    columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], budget: int
) -> tuple[int, ...]:
    needs = _needs(columns, rows, budget)
    natural = [n.natural + PAD for n in needs]
    if sum(natural) <= budget:
        return tuple(natural)
    comfortable = [n.comfortable + PAD for n in needs]
    widths = comfortable if sum(comfortable) <= budget else [n.minimum + PAD for n in needs]
    cells = [[h, *(row[c] for row in rows)] for c, h in enumerate(columns)]
    room = shortest(cells, widths, natural, budget - sum(widths))
    for targets in (comfortable, natural):
        if room <= 0:
            break
        room = _grow(widths, targets, room)
    return tuple(widths)


def needs_landscape(
    columns: Sequence[str], rows: Sequence[Sequence[str]], fitted: bool = True
) -> bool:
    """Whether a table's minimum widths (text at least ``PORTRAIT_FLOOR`` wide) exceed the
    portrait type area, or (for a ``fitted`` table, whose widths are not given) on a portrait
    page its running text would be narrower than :data:`TEXT_FLOOR` or its tallest row would
    take more than :data:`ROW_LINES` lines."""
    return _landscape(tuple(columns), tuple(tuple(row) for row in rows), fitted)


@lru_cache(maxsize=512)
def _landscape(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], fitted: bool) -> bool:
    """:func:`needs_landscape`, kept: a table is asked for its orientation again and again
    (by the builder, by each look at its widths, by the renderer)."""
    cells = [[row[c] for row in rows] for c in range(len(columns))]
    needs = [column_needs(h, cells[c], PORTRAIT_FLOOR) for c, h in enumerate(columns)]
    if sum(n.minimum + PAD for n in needs) > PORTRAIT_BUDGET:
        return True
    if not fitted:
        return False
    widths = fit_widths(columns, rows, PORTRAIT_BUDGET)
    narrow = any(n.running and w < TEXT_FLOOR + PAD for n, w in zip(needs, widths, strict=True))
    return narrow or tallest_row(rows, widths) > ROW_LINES
