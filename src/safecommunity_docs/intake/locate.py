"""Where a value of an intake workbook came from: its cell, as ``book.xlsx[sheet]:row:col``
with the column letter and the value in the message."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Problem
from ..models.base import Loc, format_loc
from .reader import Cell


def letter(column: int) -> str:
    """The spreadsheet letter of a 1-based column (1 -> A, 27 -> AA)."""
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def locator(
    file: str, community: str, cells: dict[Loc, tuple[str, Cell]]
) -> Callable[[Loc, str], Problem]:
    """A problem builder for one community's values: the cell of a loc, or of the nearest
    enclosing value read from a cell (a missing field is reported at its row)."""

    def locate(loc: Loc, message: str) -> Problem:
        for n in range(len(loc), -1, -1):
            found = cells.get(loc[:n])
            if found is not None:
                sheet, cell = found
                exact = n == len(loc) and cell.value is not None
                shown = f" {cell.value!r}" if exact else ""
                return Problem(
                    path=format_loc(loc),
                    message=f"{letter(cell.column)}{cell.row}{shown}: {message}",
                    file=f"{file}[{sheet}]",
                    line=cell.row,
                    column=cell.column,
                )
        return Problem(path=format_loc(loc), message=f"{community}: {message}", file=file)

    return locate
