"""A dossier as plain data (``model_dump(mode="json")``): walk list patterns, place values at
field paths, and flatten what no sheet column took into (path, value) rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..models.base import Loc
from .sheets import STAR

Data = dict[str, Any]
EMPTY_LIST = "[]"
EMPTY_MAPPING = "{}"


def walk(data: Any, pattern: tuple[str, ...], at: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every value at ``pattern`` (``*`` matching each list index), with its concrete loc."""
    if not pattern:
        yield at, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == STAR:
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from walk(item, rest, (*at, i))
    elif isinstance(data, dict) and head in data and data[head] is not None:
        yield from walk(data[head], rest, (*at, head))


def get(data: Any, loc: Loc) -> Any:
    """The value at ``loc``, or None when any step is missing."""
    for part in loc:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
    return data


def pop(data: Any, loc: Loc) -> None:
    """Remove the value at ``loc`` from its mapping (nothing when it is not there)."""
    holder = get(data, loc[:-1])
    if isinstance(holder, dict):
        holder.pop(str(loc[-1]), None)


def place(data: Data, loc: Loc, value: Any) -> None:
    """Set ``value`` at ``loc``, making the mappings and list items on the way.

    A list grows with empty mappings up to the index (a hole shows as that item's missing
    fields when validated). Raises ``TypeError`` when the path crosses a value of another shape.
    """
    node: Any = data
    for n, part in enumerate(loc):
        last = n == len(loc) - 1
        following = None if last else loc[n + 1]
        blank: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            if not isinstance(node, list):
                raise TypeError("expected a list here")
            while len(node) <= part:
                node.append({} if not last else None)
            if last:
                node[part] = value
            elif node[part] is None or (node[part] == {} and isinstance(blank, list)):
                node[part] = blank
            node = node[part]
        else:
            if not isinstance(node, dict):
                raise TypeError("expected a mapping here")
            if last:
                node[part] = value
            else:
                if node.get(part) is None:
                    node[part] = blank
                node = node[part]


def empties(data: Any, at: Loc = ()) -> set[Loc]:
    """The locs of empty lists and mappings in ``data`` (they hold no leaf to flatten)."""
    found: set[Loc] = set()
    if isinstance(data, dict):
        if not data and at:
            found.add(at)
        for key, value in data.items():
            found |= empties(value, (*at, key))
    elif isinstance(data, list):
        if not data:
            found.add(at)
        for i, value in enumerate(data):
            found |= empties(value, (*at, i))
    return found


def leaves(data: Any, keep: set[Loc], at: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every scalar left in ``data`` with its loc; empty containers only when in ``keep``."""
    if isinstance(data, dict | list):
        items = data.items() if isinstance(data, dict) else enumerate(data)
        if not data and at in keep:
            yield at, EMPTY_LIST if isinstance(data, list) else EMPTY_MAPPING
        for key, value in items:
            yield from leaves(value, keep, (*at, key))
    else:
        yield at, data
