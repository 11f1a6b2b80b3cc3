"""Check injury records row by row: every bad row of a file at once, and how many were imported."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..errors import Problem
from ..models.base import Loc
from ..models.injury import InjuryRecord
from ..models.problems import Locator, Written, problems_from, unwrap_type

_ROWS = TypeAdapter(list[InjuryRecord])

FORMULA_SIGNS = ("=", "+", "-", "@")
"""A cell starting with one of these is run as a formula by Excel, WPS and LibreOffice."""


@dataclass(frozen=True, slots=True)
class RecordSummary:
    """How an injury-record file went: rows read, rows imported and rows rejected."""

    file: str
    read: int
    imported: int
    rejected: int

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.read} row(s) read, {self.imported} imported, "
            f"{self.rejected} rejected"
        )


@dataclass
class RecordCheck:
    """The records that passed, with every problem and warning of the rows that were read."""

    records: list[InjuryRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    summary: RecordSummary | None = None


def _text_fields() -> tuple[str, ...]:
    return tuple(
        name
        for name, info in InjuryRecord.model_fields.items()
        if unwrap_type(info.annotation) is str
    )


def check_records(
    rows: Sequence[Any],
    file: str,
    locate: Locator,
    written: Written | None = None,
    bad_rows: Sequence[int] | set[int] = (),
    reader_problems: Sequence[Problem] = (),
) -> RecordCheck:
    """Validate every row of an injury-record file and report all that is wrong at once.

    ``rows`` are the file's rows as field mappings (row ``i`` is located by ``locate((i, …))``);
    ``bad_rows`` are rows the reader already refused (their ``reader_problems`` take the place
    of the model's message for the same cell). Problems: bad cells, broken card rules and
    repeated card numbers. Warnings: a text cell that looks like a spreadsheet formula (kept as
    text) and a record of the same person, time and cause as an earlier one.
    """
    result = RecordCheck()
    taken = {(p.line, p.column) for p in reader_problems}
    rejected = set(bad_rows)
    ok: list[tuple[int, InjuryRecord]] = []
    cards: dict[str, int] = {}
    text_fields = _text_fields()
    try:  # one pass in pydantic's core when every row is right, the usual case
        valid: list[InjuryRecord] | None = _ROWS.validate_python(rows)
    except ValidationError:
        valid = None
    for i, row in enumerate(rows):
        here: Callable[[Loc, str], Problem] = _shift(locate, i)
        if not isinstance(row, dict):
            result.problems.append(here((), "expected the fields of one injury card"))
            rejected.add(i)
            continue
        result.warnings.extend(_formulas(row, i, text_fields, here))
        card = row.get("card_no")
        first = cards.setdefault(card, i) if isinstance(card, str) and card.strip() else i
        if first != i:
            result.problems.append(
                here(
                    ("card_no",),
                    f"卡片编号重复 (card {card} is also injury_records[{first}], on line "
                    f"{locate((first,), '').line})",
                )
            )
            rejected.add(i)
        try:
            record = valid[i] if valid is not None else InjuryRecord.model_validate(row)
        except ValidationError as exc:
            shifted = _shift_written(written, i)
            for problem in problems_from(exc, InjuryRecord, here, shifted):
                if (problem.line, problem.column) not in taken:
                    result.problems.append(problem)
            rejected.add(i)
            continue
        if i not in rejected:
            ok.append((i, record))
    result.records = [record for _, record in ok]
    result.warnings.extend(_duplicates(ok, locate))
    read = len(rows)
    result.summary = RecordSummary(file, read, read - len(rejected), len(rejected))
    return result


def _shift(locate: Locator, row: int) -> Locator:
    return lambda loc, message: locate((row, *loc), message)


def _shift_written(written: Written | None, row: int) -> Written | None:
    if written is None:
        return None
    return lambda loc: written((row, *loc))


def _formulas(row: dict[str, Any], index: int, fields: tuple[str, ...], here: Locator) -> list[str]:
    found = []
    for name in fields:
        value = row.get(name)
        if isinstance(value, str) and value.startswith(FORMULA_SIGNS):
            where = here((name,), "").location
            found.append(
                f"{where} injury_records[{index}].{name}: 单元格像电子表格公式，已按文本保留 "
                f"(kept as text {value[:60]!r}; Excel or WPS would run a cell starting with "
                f"'{value[0]}' as a formula: start it with another character)"
            )
    return found


def _duplicates(ok: list[tuple[int, InjuryRecord]], locate: Locator) -> list[str]:
    first: dict[object, tuple[int, InjuryRecord]] = {}
    warnings = []
    for i, record in ok:
        j, earlier = first.setdefault(record.duplicate_key, (i, record))
        if j != i:
            where = locate((i,), "").location
            warnings.append(
                f"{where} injury_records[{i}]: 疑似重复记录 (card {record.card_no} has "
                f"the same person, time and cause as card {earlier.card_no})"
            )
    return warnings
