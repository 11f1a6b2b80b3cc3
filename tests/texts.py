"""Test helper: collect every user-written text of a model, to check that a view shows it."""

from __future__ import annotations

import types
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from safecommunity_docs.models.base import OptText

_TEXT_MARK = get_args(OptText)[1]
"""The validator that ``Text`` and ``OptText`` share; a field carrying it holds user text."""


def model_texts(model: BaseModel, skip: frozenset[str] = frozenset()) -> list[str]:
    """Return every user text of ``model``, recursively, in field order and without repeats.

    A string counts as user text when its field is declared ``Text`` or ``OptText`` (also inside
    ``list``, ``dict`` values or ``| None``). Everything else is skipped: enum values (code-list
    labels), ids and section keys (plain ``str`` such as ``CustomSection.id`` or
    ``section_order``), dict keys, months (``Month``) and dates, numbers, literals and booleans.
    Empty strings (blank table cells) are skipped too. Views are expected to show each returned
    string verbatim somewhere in their texts. Fields named in ``skip`` (at any depth) are left
    out: inputs another document shows.
    """
    out: list[str] = []
    _collect(model, Any, out, skip)
    return list(dict.fromkeys(out))


def _collect(
    value: object, annotation: object, out: list[str], skip: frozenset[str] = frozenset()
) -> None:
    if value is None or isinstance(value, Enum):
        return
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if name not in skip:
                _collect(getattr(value, name), info.rebuild_annotation(), out, skip)
        return
    if isinstance(value, str):
        if value.strip() and any(_is_text(arm) for arm in _arms(annotation)):
            out.append(value)
        return
    if isinstance(value, (list, tuple)):
        item = _container_args(annotation, (list, tuple))
        for element in value:
            _collect(element, item[0] if item else Any, out, skip)
        return
    if isinstance(value, dict):
        item = _container_args(annotation, (dict,))
        for element in value.values():
            _collect(element, item[1] if len(item) > 1 else Any, out, skip)


def _arms(annotation: object) -> list[object]:
    """The alternatives of a union (``X | None``), flattened; a lone type is its own arm. An
    annotated union (a plan's ``Item``: text or ``{marker, text}``) is its alternatives."""
    if get_origin(annotation) is Annotated:
        base = get_args(annotation)[0]
        if get_origin(base) in (Union, types.UnionType):
            return _arms(base)
    if get_origin(annotation) in (Union, types.UnionType):
        return [arm for arg in get_args(annotation) for arm in _arms(arg)]
    return [annotation]


def _is_text(annotation: object) -> bool:
    return get_origin(annotation) is Annotated and _TEXT_MARK in annotation.__metadata__  # type: ignore[attr-defined]


def _container_args(annotation: object, origins: tuple[type, ...]) -> tuple[object, ...]:
    """The type arguments of the ``list``/``tuple``/``dict`` arm of ``annotation``, if any."""
    for arm in _arms(annotation):
        base = get_args(arm)[0] if get_origin(arm) is Annotated else arm
        if get_origin(base) in origins:
            return get_args(base)
    return ()


def map_texts(model: BaseModel, change: Callable[[str], str]) -> dict[str, Any]:
    """Return ``model`` as plain data with every user text (as :func:`model_texts` finds them)
    replaced by ``change(text)``; everything else is kept, ready for ``model_validate``."""
    result = _map(model, Any, change)
    assert isinstance(result, dict)
    return result


def _map(value: object, annotation: object, change: Callable[[str], str]) -> object:
    if isinstance(value, BaseModel):
        return {
            name: _map(getattr(value, name), info.rebuild_annotation(), change)
            for name, info in type(value).model_fields.items()
        }
    if isinstance(value, str) and not isinstance(value, Enum):
        if value.strip() and any(_is_text(arm) for arm in _arms(annotation)):
            return change(value)
        return value
    if isinstance(value, (list, tuple)):
        item = _container_args(annotation, (list, tuple))
        return [_map(v, item[0] if item else Any, change) for v in value]
    if isinstance(value, dict):
        item = _container_args(annotation, (dict,))
        return {k: _map(v, item[1] if len(item) > 1 else Any, change) for k, v in value.items()}
    return value
