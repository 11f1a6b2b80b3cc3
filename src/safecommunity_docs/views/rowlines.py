"""How many lines a table's rows take in given column widths, and where spare width saves most.

Widths are in the units of :mod:`.widths` (half an em of 12 pt table text, cell margins
included). A cell is broken as the Word renderer breaks it (``render/docx/tables.py``): not at
all when every line fits its column, else between whole words, dates and numbers with units
(:func:`.linebreak.wrap`), :data:`SAFETY_EM` short of the column.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .linebreak import em_width, wrap

UNIT_EM = 0.511
"""One unit of either width budget in em of 12 pt text (8844 twips / 72, 12756 twips / 104)."""

MARGIN_EM = 170 / 240
"""The cell margins (2 × 85 twips) in em of 12 pt text."""

SAFETY_EM = 0.25
"""What a wrapped cell line is kept short of its column by: :func:`.linebreak.em_width`
already errs wide (LibreOffice sets 汉字 at 0.975 em, its CJK–digit gap at 0.2 em, digits
at 0.49 em, measured on the PDFs)."""


def cell_lines(text: str, width: int) -> list[str]:
    """The lines of a cell's text in a column ``width`` units wide (margins included); a new
    list each call (the lines are kept as a tuple, see :func:`_lines`)."""
    return list(_lines(text, width))


@lru_cache(maxsize=65536)
def _lines(text: str, width: int) -> tuple[str, ...]:
    """:func:`cell_lines`, kept: fitting a table asks for the same cells in the same widths
    again and again."""
    room = width * UNIT_EM - MARGIN_EM
    if all(em_width(line) <= room for line in text.split("\n")):
        return tuple(text.split("\n"))
    return tuple(wrap(text, room - SAFETY_EM).split("\n"))


def tallest_row(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> int:
    """How many lines the tallest of ``rows`` takes in columns ``widths`` wide."""
    return max(
        (max(len(_lines(c, w)) for c, w in zip(row, widths, strict=True)) for row in rows),
        default=0,
    )


def _height(lines: Sequence[Sequence[int]]) -> int:
    """The lines of a table whose column ``c`` takes ``lines[c][r]`` lines in row ``r``."""
    return sum(max(column) for column in zip(*lines, strict=True))


def shortest(
    columns: Sequence[Sequence[str]], widths: list[int], limits: Sequence[int], room: int
) -> int:
    """Widen ``widths`` (of columns holding the cells ``columns``, the header first) with at
    most ``room`` units where a unit saves most lines of the whole table (or, where no single
    column can shorten a row, most lines of its cells), never beyond ``limits``; return the
    room left when no widening saves a line."""
    # lines[c][k][r]: the lines of row r when column c is k units wider than it is now
    lines = [
        [
            [len(_lines(cell, w + k)) for cell in cells]
            for k in range(min(room, max(0, limit - w)) + 1)
        ]
        for cells, w, limit in zip(columns, widths, limits, strict=True)
    ]
    at = [0] * len(widths)
    while room > 0:
        now = [lines[c][at[c]] for c in range(len(widths))]
        height = _height(now)
        best: tuple[float, float, int, int, int] | None = None
        for c, options in enumerate(lines):
            for k in range(at[c] + 1, min(len(options), at[c] + room + 1)):
                rows = height - _height([*now[:c], options[k], *now[c + 1 :]])
                cells = sum(now[c]) - sum(options[k])
                step = k - at[c]
                score = (rows / step, cells / step, -step)
                if cells > 0 and (best is None or score > best[:3]):
                    best = (*score, c, k)
        if best is None:
            break
        c, k = best[3:]
        room -= k - at[c]
        at[c] = k
    widths[:] = [w + k for w, k in zip(widths, at, strict=True)]
    return room
