"""Read an injury-record file into a public, typed result: the records and how the file went."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from ..errors import InputError, InputNotFound
from ..models.injury import InjuryRecord
from .assembly import Assembly, sorted_problems
from .record_check import RecordSummary
from .records import read_records as _read_source


@dataclass(frozen=True)
class InjuryRecords(Sequence[InjuryRecord]):
    """The injury records of one file (a sequence of :class:`InjuryRecord`), with the file's
    name, its :class:`RecordSummary` (rows read, imported, rejected) and the warnings of its
    rows (cells that look like formulas, likely duplicate cards)."""

    file: str
    records: tuple[InjuryRecord, ...]
    summary: RecordSummary
    warnings: tuple[str, ...] = ()

    @overload
    def __getitem__(self, index: int) -> InjuryRecord: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[InjuryRecord]: ...

    def __getitem__(self, index: int | slice) -> InjuryRecord | Sequence[InjuryRecord]:
        return self.records[index]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[InjuryRecord]:
        return iter(self.records)

    def __repr__(self) -> str:
        return f"<InjuryRecords {self.file}: {len(self.records)} record(s), {self.summary}>"


def read_records(path: Path | str) -> InjuryRecords:
    """Read the injury records of a ``.csv`` (UTF-8) or ``.xlsx`` file, one card per row.

    Every bad row is reported at once: an :class:`~safecommunity_docs.InputError` lists each
    bad cell with file, line (row), column, field and value, and nothing is returned. A missing
    file raises :class:`~safecommunity_docs.InputNotFound`.
    """
    p = Path(path)
    if not p.is_file():
        raise InputNotFound(p)
    asm = Assembly(str(path))
    records = asm.mount_records((), _read_source(p, str(path)))
    if asm.problems:
        raise InputError(sorted_problems(asm.problems))
    summary = asm.records or RecordSummary(str(path), 0, 0, 0)
    return InjuryRecords(str(path), tuple(records), summary, tuple(asm.warnings))
