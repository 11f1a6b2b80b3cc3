"""Collect parsed files into one document and map every problem back to its file and line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import InputError, Problem
from ..models.base import Loc, TextChange
from ..models.injury import InjuryRecord
from ..models.problems import problems_from
from .record_check import RecordSummary, check_records
from .records import TableSource
from .source import Source, normalise_data

M = TypeVar("M", bound=BaseModel)


@dataclass
class _Mounted:
    """A parsed file and where its data sits inside the document being validated."""

    prefix: Loc
    source: Source


class Assembly:
    """Collects parsed files into one document and maps problems back to their files."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.mounted: list[_Mounted] = []
        self.problems: list[Problem] = []
        self.changes: list[TextChange] = []
        self.warnings: list[str] = []
        self.records: RecordSummary | None = None
        self.absent: set[str] = set()  # required parts already reported as missing files
        self.found: set[str] = set()  # top-level parts whose file is there (read or not)

    def mount(self, prefix: Loc, source: Source) -> Any:
        self.mounted.append(_Mounted(prefix, source))
        self.problems.extend(source.problems)
        return normalise_data(source.data, (), source, self.changes)

    def mount_records(self, prefix: Loc, source: Source) -> list[InjuryRecord]:
        """Mount an injury-record file and check it row by row; return the rows that passed."""
        rows = self.mount(prefix, source)
        if not isinstance(source, TableSource):
            return []
        check = check_records(
            rows,
            source.label,
            lambda loc, message: self.locate((*prefix, *loc), message),
            lambda loc: self.written((*prefix, *loc)),
            source.bad_rows,
            source.problems,
        )
        self.problems.extend(check.problems)
        self.warnings.extend(source.notes)
        self.warnings.extend(check.warnings)
        self.records = check.summary
        return check.records

    def _mounted_at(self, loc: Loc) -> _Mounted | None:
        best: _Mounted | None = None
        for m in self.mounted:
            if loc[: len(m.prefix)] == m.prefix and (
                best is None or len(m.prefix) > len(best.prefix)
            ):
                best = m
        return best

    def locate(self, loc: Loc, message: str) -> Problem:
        best = self._mounted_at(loc)
        if best is None:
            return Problem(path=".".join(str(p) for p in loc), message=message, file=self.label)
        return best.source.problem(loc[len(best.prefix) :], message)

    def source_of(self, loc: Loc) -> tuple[str, int | None] | None:
        """The file (and line) ``loc`` came from, or None when no file held it."""
        if self._mounted_at(loc) is None:
            return None
        problem = self.locate(loc, "")
        return (problem.file or self.label), problem.line

    def written(self, loc: Loc) -> str | None:
        """The value at ``loc`` as written in its file, if it was read as something else."""
        best = self._mounted_at(loc)
        return None if best is None else best.source.written.get(loc[len(best.prefix) :])

    def validate(self, model: type[M], data: Any, context: dict[str, Any] | None = None) -> M:
        """Validate ``data`` as ``model``; raise every problem found so far if any."""
        if not isinstance(data, dict):
            got = "an empty file" if data is None else type(data).__name__
            message = "文件为空 (the file is empty" if data is None else "应为字段映射 (got " + got
            self.problems.append(
                self.locate((), f"{message}; expected a mapping of {model.__name__} fields)")
            )
        else:
            try:
                result = model.model_validate(data, context=context or {})
            except ValidationError as exc:
                found = problems_from(exc, model, self.locate, self.written)
                self.problems.extend(p for p in found if p.path not in self.absent)
            else:
                if not self.problems:
                    return result
        raise InputError(
            sorted_problems(self.problems), f"{self.label}: {len(self.problems)} problem(s)"
        )


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    unique = dict.fromkeys(problems)  # the same problem found twice is shown once
    return sorted(unique, key=lambda p: (p.file or "", p.line or 0, p.column or 0, p.path))
