"""Markers as written (（一） 1、 ① 一是): on sections and phases a field, on text items a form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, Field, PlainSerializer

from .base import StrictModel, Text

Marker = Annotated[
    str,
    Field(
        min_length=1,
        max_length=20,
        pattern=r"^\S(?:.*\S)?$",
        title="编号",
        description="The number as the plan writes it (（一）, 1、, ①, 一是, 第一阶段); printed "
        "exactly so; empty: numbered by position.",
        examples=["（二）", "1、", "①"],
    ),
]
"""A number written by the author; kept and printed as written."""


class MarkedText(str):
    """A text item (point, duty, statement) that carries the marker the plan wrote before it.

    It is a ``str`` (its text), so code reading points as strings keeps working; ``marker`` is
    the number as written.
    """

    marker: str

    def __new__(cls, text: str, marker: str) -> MarkedText:
        obj = super().__new__(cls, text)
        obj.marker = marker
        return obj

    def __repr__(self) -> str:
        return f"MarkedText({str(self)!r}, marker={self.marker!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (MarkedText, (str(self), self.marker))


class Marked(StrictModel):
    """A text item written with its own marker: ``{marker: ①, text: …}``."""

    marker: Marker
    text: Text = Field(title="内容")


def _to_marked(value: str | Marked) -> str:
    if isinstance(value, Marked):
        return MarkedText(value.text, value.marker)
    return value


def _dump(value: str) -> str | dict[str, str]:
    if isinstance(value, MarkedText):
        return {"marker": value.marker, "text": str(value)}
    return value


if TYPE_CHECKING:
    Item = str
else:
    Item = Annotated[
        Text | Marked,
        AfterValidator(_to_marked),
        PlainSerializer(_dump, return_type=Any),
    ]
"""A point, duty or statement: plain text (numbered by the point style) or ``{marker, text}``
(numbered as written). Either way the value is a ``str``; :func:`marker_of` reads its marker."""


def marker_of(item: str) -> str | None:
    """The marker an item was written with, or None."""
    return item.marker if isinstance(item, MarkedText) else None
