"""Shared building blocks of every model: strict base class, clean text, months, rule violations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

Loc = tuple[str | int, ...]

# XML 1.0 allows TAB, LF and CR among the C0 controls; everything else in C0, DEL-adjacent C1
# controls and the non-characters U+FFFE/U+FFFF cannot be written into a docx or xlsx part.
_LINE_BREAKS = {"\v": "\n", "\f": "\n", "\u2028": "\n", "\u2029": "\n"}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class TextChange:
    """What text normalisation did to one value: which characters were replaced or removed."""

    path: str
    description: str
    file: str | None = None
    line: int | None = None
    column: int | None = None


def normalise_text(value: str) -> tuple[str, list[str]]:
    """Return ``value`` made safe for XML and a list of the changes made (empty if none).

    Line-like controls (vertical tab, form feed, Unicode line/paragraph separators) become a line
    break, as Word means them; other XML-illegal characters are removed; CRLF and CR become LF.
    """
    changes: list[str] = []
    out = value
    if "\r" in out:
        n = out.count("\r")
        out = out.replace("\r\n", "\n").replace("\r", "\n")
        changes.append(f"{n} × CR/CRLF line ending replaced by a line break (LF)")
    for ch, repl in _LINE_BREAKS.items():
        n = out.count(ch)
        if n:
            out = out.replace(ch, repl)
            changes.append(f"{n} × U+{ord(ch):04X} replaced by a line break")
    found = _ILLEGAL.findall(out)
    if found:
        codes = sorted({f"U+{ord(c):04X}" for c in found})
        out = _ILLEGAL.sub("", out)
        changes.append(
            f"{len(found)} XML-illegal control character(s) removed ({', '.join(codes)})"
        )
    return out, changes


def _clean(value: object) -> object:
    if isinstance(value, str):
        return normalise_text(value)[0]
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only spaces (不能为空)")
    return value


TEXT_LIMIT = 20_000
"""At most this many characters in one text field (about ten pages of 仿宋 3号 body text).

Longer values are refused with their location: they are almost always a paste gone wrong, and
an Excel cell holds at most 32,767 characters.
"""

Text = Annotated[
    str,
    BeforeValidator(_clean),
    StringConstraints(max_length=TEXT_LIMIT),
    AfterValidator(_not_blank),
    Field(json_schema_extra={"pattern": r"\S"}),  # the JSON Schema's 不能为空
]
"""Non-empty user text of at most :data:`TEXT_LIMIT` characters, normalised for XML (see
:func:`normalise_text`)."""

OptText = Annotated[str, BeforeValidator(_clean), StringConstraints(max_length=TEXT_LIMIT)]
"""User text that may be empty (at most :data:`TEXT_LIMIT` characters), normalised for XML."""

Month = Annotated[
    str,
    BeforeValidator(lambda v: f"{v.year:04d}-{v.month:02d}" if isinstance(v, date) else v),
    StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    Field(json_schema_extra={"examples": ["2026-03"]}),
]
"""A calendar month written ``YYYY-MM``; strings of this form compare in time order."""

Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
"""A non-negative money amount in 元 (yuan), at most two decimals."""

Count = Annotated[int, Field(ge=0)]
"""A non-negative whole number."""


def month_of(day: date) -> str:
    """Return the ``YYYY-MM`` month that contains ``day``."""
    return f"{day.year:04d}-{day.month:02d}"


def format_loc(loc: Iterable[str | int]) -> str:
    """Render a location tuple as a field path: ``('phases', 2, 'end')`` -> ``phases[2].end``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_LOC_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def parse_loc(path: str) -> Loc:
    """Read a field path back into a location tuple: ``phases[2].end`` -> ``('phases', 2, 'end')``
    (the inverse of :func:`format_loc`)."""
    return tuple(int(index) if index else key for index, key in _LOC_PART.findall(path))


class RuleViolations(ValueError):
    """Raised by model validators: several reviewer rules broken, each at its own sub-path.

    Pydantic keeps the exception in the error's ``ctx``; the loaders unpack it so that every
    violation is reported at the exact line of the offending field.
    """

    def __init__(self, violations: list[tuple[Loc, str]]) -> None:
        self.violations = violations
        super().__init__(
            "; ".join(f"{format_loc(loc) or '(root)'}: {msg}" for loc, msg in violations)
        )


class Rules:
    """Collects rule violations inside a model validator and raises them together."""

    def __init__(self) -> None:
        self.violations: list[tuple[Loc, str]] = []

    def check(self, ok: bool, loc: Loc, message: str) -> None:
        """Record ``message`` at ``loc`` unless ``ok``."""
        if not ok:
            self.violations.append((loc, message))

    def raise_if_any(self) -> None:
        """Raise :class:`RuleViolations` if anything was recorded."""
        if self.violations:
            raise RuleViolations(self.violations)


class StrictModel(BaseModel):
    """Base of every input model: unknown fields are errors, whitespace is kept as written."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=False,
        validate_assignment=True,
        use_enum_values=False,
        populate_by_name=True,
        json_schema_serialization_defaults_required=False,
    )

    def __init__(self, /, **data: Any) -> None:
        """Build the model from keyword arguments; invalid values raise
        :class:`~safecommunity_docs.InputError` (every problem, each with its field path), the
        same error family as loading a file."""
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise _input_error(exc, type(self)) from exc

    # Tell pydantic this is its own __init__: validation (model_validate, nested models) then
    # never calls it and keeps its precise error locations.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise _input_error(exc, type(self)) from exc

    def __repr__(self) -> str:
        return short_repr(self)

    def __str__(self) -> str:
        return short_repr(self)


REPR_LIMIT = 240
"""At most this many characters in a model's repr (a dossier's full repr runs to megabytes)."""


def _brief(value: object) -> str | None:
    """A short display of one field's value, or None to leave the field out."""
    if value is None or value == "" or value == () or value == []:
        return None
    if isinstance(value, BaseModel):
        label = getattr(value, "name", None) or getattr(value, "title", None)
        shown = repr(label) if isinstance(label, str) else "…"
        return f"{type(value).__name__}({shown if len(shown) <= 30 else shown[:29] + '…'})"
    if isinstance(value, Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, list | tuple | set | frozenset | dict):
        return f"[{len(value)} item{'s' if len(value) != 1 else ''}]"
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…'"


def short_repr(model: BaseModel) -> str:
    """``ClassName(field=value, …)`` with scalars shown, nested models and lists summarised,
    empty fields left out and the whole cut at :data:`REPR_LIMIT` characters."""
    parts = []
    for name in type(model).model_fields:
        shown = _brief(getattr(model, name, None))
        if shown is not None:
            parts.append(f"{name}={shown}")
    text = f"{type(model).__name__}({', '.join(parts)})"
    return text if len(text) <= REPR_LIMIT else text[: REPR_LIMIT - 2] + "…)"


def _input_error(exc: ValidationError, model: type[BaseModel]) -> Exception:
    from ..errors import InputError, Problem
    from .problems import problems_from

    def locate(loc: Loc, message: str) -> Problem:
        return Problem(path=format_loc(loc), message=message)

    return InputError(
        problems_from(exc, model, locate),
        f"invalid {model.__name__}: {exc.error_count()} problem(s)",
    )
