"""Findings of the compliance checker: one per broken rule and field path; sortable, filterable."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


class Severity(StrEnum):
    """How much a finding matters: an error blocks a build unless acknowledged."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info (the sort order)."""
        return list(Severity).index(self)


def _natural(text: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", text)
    )


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule at one field path, with both messages and, if accepted, the reason."""

    rule: str
    element: int
    element_title: str
    severity: Severity
    path: str
    message_zh: str
    message_en: str
    detail: str
    reference: str
    acknowledged: bool = False
    reason: str | None = None
    file: str | None = None
    """The input file the value at ``path`` came from, when the loader knows it."""
    line: int | None = None

    @property
    def location(self) -> str:
        """``file:line`` (as much of it as is known), or an empty string."""
        if self.file is None:
            return ""
        return self.file if self.line is None else f"{self.file}:{self.line}"

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Severity, element, rule id (natural order), then field path (natural order)."""
        return (self.severity.rank, self.element, _natural(self.rule), _natural(self.path))

    def acknowledge(self, reason: str) -> Finding:
        """Return this finding marked as accepted for ``reason``."""
        return replace(self, acknowledged=True, reason=reason)

    def at(self, file: str | None, line: int | None) -> Finding:
        """Return this finding located at ``file:line``."""
        return replace(self, file=file, line=line)

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain JSON-ready values."""
        out = asdict(self)
        out["severity"] = self.severity.value
        return out

    def __str__(self) -> str:
        mark = " (acknowledged)" if self.acknowledged else ""
        return (
            f"{self.severity.value} {self.rule} {self.path}: {self.message_zh}{mark}; {self.detail}"
        )


@dataclass(frozen=True, slots=True)
class Findings:
    """An immutable, ordered collection of findings."""

    items: tuple[Finding, ...] = ()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __getitem__(self, index: int) -> Finding:
        return self.items[index]

    def _repr_html_(self) -> str:
        from ..display.html import findings_html

        return findings_html(self)

    def to_pandas(self) -> pd.DataFrame:
        """One row per finding, severity as an ordered categorical; needs pandas."""
        from ..display.frames import findings_frame

        return findings_frame(self)

    def sorted(self) -> Findings:
        """Return the findings in :attr:`Finding.sort_key` order."""
        return Findings(tuple(sorted(self.items, key=lambda f: f.sort_key)))

    def filter(
        self,
        *,
        severity: Severity | str | Iterable[Severity | str] | None = None,
        element: int | Iterable[int] | None = None,
        rule: str | Iterable[str] | None = None,
        acknowledged: bool | None = None,
    ) -> Findings:
        """Return the findings matching every given criterion (each a value or a collection)."""

        def wanted(value: object, given: object) -> bool:
            if given is None:
                return True
            if isinstance(given, str | int):
                return value == given
            assert isinstance(given, Iterable)
            return value in set(given)

        return Findings(
            tuple(
                f
                for f in self.items
                if wanted(f.severity, severity)
                and wanted(f.element, element)
                and wanted(f.rule, rule)
                and (acknowledged is None or f.acknowledged == acknowledged)
            )
        )

    @property
    def errors(self) -> Findings:
        """The error-level findings."""
        return self.filter(severity=Severity.ERROR)

    @property
    def blocking(self) -> Findings:
        """The error-level findings nobody acknowledged: what stops a build."""
        return self.filter(severity=Severity.ERROR, acknowledged=False)

    @property
    def rules(self) -> tuple[str, ...]:
        """The distinct rule ids, in order of first appearance."""
        return tuple(dict.fromkeys(f.rule for f in self.items))

    def to_list(self) -> list[dict[str, Any]]:
        """Return every finding as a dict."""
        return [f.to_dict() for f in self.items]

    def to_json(self, indent: int | None = 2) -> str:
        """Return the findings as a JSON array (Chinese kept as written)."""
        return json.dumps(self.to_list(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Findings:
        """Read findings written by :meth:`to_json`."""
        data = json.loads(text)
        return cls(tuple(Finding(**{**d, "severity": Severity(d["severity"])}) for d in data))
