"""What every rule sees: the dossier, its score and statistics, the options, and shared helpers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from pydantic import BaseModel

from ..analysis import InjuryStatistics
from ..models import Dossier, Rubric
from ..scoring import ScoreReport
from .options import CheckOptions


def walk_texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Yield ``(field path, text)`` for every string inside a model, list or dict."""
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk_texts(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from walk_texts(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_texts(item, f"{path}.{key}")


def month(day: date) -> str:
    """The ``YYYY-MM`` month of ``day``."""
    return f"{day.year:04d}-{day.month:02d}"


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (a month counts once its day is reached)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


_NOT_TEXT_PARTS = frozenset({"injury_records", "options"})
"""Dossier fields whose texts are not searched: the record table and the build options."""


@dataclass(frozen=True, slots=True)
class Context:
    """The inputs of one check run."""

    dossier: Dossier
    options: CheckOptions
    score: ScoreReport | None
    stats: InjuryStatistics
    rubric: Rubric | None = None
    score_problem: str | None = None

    def texts(self, *parts: str) -> Iterator[tuple[str, str]]:
        """Yield the texts of the named dossier parts (all parts but the records by default)."""
        names = parts or tuple(
            name for name in type(self.dossier).model_fields if name not in _NOT_TEXT_PARTS
        )
        for name in names:
            yield from walk_texts(getattr(self.dossier, name), name)

    def text_of(self, *parts: str) -> str:
        """All texts of the named parts joined by newlines."""
        return "\n".join(text for _, text in self.texts(*parts))
