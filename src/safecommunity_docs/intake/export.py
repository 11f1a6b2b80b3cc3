"""A dossier as intake rows: each sheet's rows, and 其他内容 for every value no column took."""

from __future__ import annotations

import copy
from typing import Any

from ..models.base import Loc, format_loc
from ..models.dossier import Dossier
from ..models.problems import resolve
from .cells import NO_CELL, to_cell
from .fields import Column
from .sheets import COMMUNITY, NUMBER, OTHER, ROLE, SHEETS, STAR, Sheet
from .tree import empties, get, leaves, pop, walk

Row = dict[str, Any]
"""One row: column title -> cell value."""


def _take(element: Any, column: Column, at: Loc, data: Any, row: Row) -> None:
    value = get(element, column.path)
    if value is None:
        return
    cell = to_cell(column.kind, value)
    if cell is NO_CELL:
        return
    row[column.title] = cell
    pop(data, (*at, *column.path))


def _key_value(original: Any, spec: Sheet, loc: Loc, star: int) -> Any:
    """The name row ``loc`` gives its parent at the ``star``-th list level."""
    positions = [n for n, part in enumerate(spec.path) if part == STAR]
    index = positions[star]
    key = spec.keys[star]
    if key.field is None:
        return int(loc[index]) + 1
    return get(original, (*loc[: index + 1], key.field))


def sheet_rows(dossier: Dossier) -> dict[str, list[Row]]:
    """The rows of every sheet for one dossier (其他内容 included), in sheet order."""
    original = dossier.model_dump(mode="json", exclude_defaults=True)
    keep = empties(original)
    data = copy.deepcopy(original)
    name = dossier.community.name
    rows: dict[str, list[Row]] = {}
    for spec in SHEETS:
        for loc, element in list(walk(data, spec.path)):
            row: Row = {} if spec.top else {COMMUNITY: name}
            if spec.role is not None:
                row[ROLE] = spec.role
            for star, key in enumerate(spec.keys):
                row[key.title] = _key_value(original, spec, loc, star)
                parent_at = loc[: [n for n, p in enumerate(spec.path) if p == STAR][star] + 1]
                for column in key.parent_columns:
                    value = get(original, (*parent_at, *column.path))
                    cell = NO_CELL if value is None else to_cell(column.kind, value)
                    if cell is not NO_CELL:
                        row[column.title] = cell
            if spec.numbered:
                row[NUMBER] = int(loc[-1]) + 1
            for column in spec.columns:
                _take(element, column, loc, data, row)
            rows.setdefault(spec.name, []).append(row)
        _drop_keys(spec, data, original)
    rows[OTHER] = _other_rows(data, keep, name)
    return rows


def _drop_keys(spec: Sheet, data: Any, original: Any) -> None:
    """Remove the parents' names and parent columns the rows of ``spec`` carried."""
    positions = [n for n, p in enumerate(spec.path) if p == STAR]
    for star, key in enumerate(spec.keys):
        if key.parent is None:
            continue
        prefix = spec.path[: positions[star] + 1]
        for at, parent in walk(data, prefix):
            if not get(parent, tuple(spec.path[positions[star] + 1 : positions[star] + 2])):
                continue  # a parent without rows keeps its values for 其他内容
            pop(data, (*at, key.field or ""))
            for column in key.parent_columns:
                value = get(original, (*at, *column.path))
                if value is not None and to_cell(column.kind, value) is not NO_CELL:
                    pop(data, (*at, *column.path))


def _other_rows(data: Any, keep: set[Loc], name: str) -> list[Row]:
    out = []
    for loc, value in leaves(data, keep):
        _, title, _ = resolve(Dossier, loc)
        text = value if isinstance(value, str) else _plain(value)
        out.append(
            {COMMUNITY: name, "字段路径": format_loc(loc), "字段": title or "", "内容": text}
        )
    return out


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
