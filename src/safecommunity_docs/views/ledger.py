"""The injury-surveillance ledger (伤害监测台账) view: card columns, formatted rows, code lists."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from ..analysis.groups import DEFAULT_GROUPS, AgeGroups
from ..codes import CodedEnum
from ..models.community import Community
from ..models.injury import InjuryRecord

ColumnKind = Literal["text", "number", "code", "codes", "flag", "date", "datetime", "unit"]
"""How a ledger column is entered: free text, whole number, one code label, several code
labels joined with ``NATURE_SEPARATOR``, 是/否, a date, a date and time, or a sub-unit name."""

NATURE_SEPARATOR = "；"
YES, NO = "是", "否"
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
DEFAULT_AGE_BOUNDS: tuple[int, ...] = DEFAULT_GROUPS.boundaries
"""Lower bounds of the default summary age groups: 0—4, 5—14, 15—24, 25—44, 45—59, 60—69, 70+."""

Cell = str | int
"""A ledger cell as shown: text (possibly empty) or a whole number (age)."""


@dataclass(frozen=True, slots=True)
class LedgerColumn:
    """One card field as a ledger column: model field name, Chinese title and entry kind."""

    field: str
    title: str
    kind: ColumnKind


@dataclass(frozen=True, slots=True)
class CodeList:
    """The labels a coded column offers, in national code order."""

    field: str
    title: str
    entries: tuple[tuple[int, str], ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels alone, in code order."""
        return tuple(label for _, label in self.entries)


@dataclass(frozen=True, slots=True)
class AgeGroup:
    """A summary age group: ages ``lower`` <= age < ``upper`` (``upper`` None: open top)."""

    label: str
    lower: int
    upper: int | None


@dataclass(frozen=True, slots=True)
class LedgerView:
    """Everything the ledger workbook needs, every value already formatted as the ledger shows."""

    title: str
    community: str
    document_date: date
    columns: tuple[LedgerColumn, ...]
    rows: tuple[tuple[Cell, ...], ...]
    code_lists: tuple[CodeList, ...]
    sub_units: tuple[str, ...]
    age_groups: tuple[AgeGroup, ...]
    years: tuple[int, ...]

    def index(self, field: str) -> int:
        """Return the 0-based position of the column for model field ``field``."""
        for i, column in enumerate(self.columns):
            if column.field == field:
                return i
        raise KeyError(field)

    def code_list(self, field: str) -> CodeList:
        """Return the code list of the coded column ``field``."""
        for codes in self.code_lists:
            if codes.field == field:
                return codes
        raise KeyError(field)

    def summary_title(self, subject: str) -> str:
        """The title of a summary sheet, e.g. 「清河街道伤害发生原因构成」."""
        return f"{self.community}{subject}"


def _unwrap(annotation: object) -> tuple[object, bool]:
    """Strip ``X | None`` and ``Annotated``; return the base type and whether it is a list."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            [annotation] = [a for a in args if a is not type(None)]
        elif origin is list:
            is_list, annotation = True, args[0]
        else:
            return annotation, is_list


def _kind(field: str, annotation: object) -> tuple[ColumnKind, type[CodedEnum] | None]:
    base, is_list = _unwrap(annotation)
    if isinstance(base, type) and issubclass(base, CodedEnum):
        return ("codes" if is_list else "code"), base
    if field == "sub_unit":
        return "unit", None
    if base is bool:
        return "flag", None
    if base is datetime:
        return "datetime", None
    if base is date:
        return "date", None
    if base is int:
        return "number", None
    return "text", None


def _card_columns() -> tuple[tuple[LedgerColumn, ...], tuple[CodeList, ...]]:
    """The card's fields in card order, and the code list of every coded one."""
    columns: list[LedgerColumn] = []
    code_lists: list[CodeList] = []
    for field, info in InjuryRecord.model_fields.items():
        title = info.title or field
        kind, enum = _kind(field, info.annotation)
        columns.append(LedgerColumn(field=field, title=title, kind=kind))
        if enum is not None:
            entries = tuple((member.code, member.label) for member in enum)
            code_lists.append(CodeList(field=field, title=title, entries=entries))
    return tuple(columns), tuple(code_lists)


def _cell(value: object, kind: ColumnKind) -> Cell:
    """Format one card value as the ledger shows it."""
    if value is None:
        return ""
    if kind == "flag":
        return YES if value else NO
    if kind == "number" and isinstance(value, int):
        return value
    if kind == "datetime" and isinstance(value, datetime):
        return value.strftime(DATETIME_FORMAT)
    if kind == "date" and isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    if kind == "codes" and isinstance(value, list):
        return NATURE_SEPARATOR.join(v.label for v in value if isinstance(v, CodedEnum))
    if isinstance(value, CodedEnum):
        return value.label
    return str(value)


def age_groups(bounds: Sequence[int] = DEFAULT_AGE_BOUNDS) -> tuple[AgeGroup, ...]:
    """Return summary age groups from increasing lower ``bounds`` starting at 0, the last open.

    ``(0, 5, 15)`` gives 0—4岁, 5—14岁 and 15岁及以上: the same groups and labels as the
    statistics (:class:`~safecommunity_docs.analysis.AgeGroups`), which also validates them.
    """
    groups = AgeGroups(tuple(bounds))
    return tuple(
        AgeGroup(label=label, lower=lo, upper=None if hi is None else hi + 1)
        for label, (lo, hi) in zip(groups.labels, groups.ranges, strict=True)
    )


def ledger_view(
    records: Sequence[InjuryRecord],
    community: Community,
    *,
    age_bounds: Sequence[int] = DEFAULT_AGE_BOUNDS,
) -> LedgerView:
    """Build the 伤害监测台账 view of ``records`` for ``community``.

    Rows are in order of injury time (then card number), one per record, with every cell
    formatted as the ledger shows it. The document date is the last report date, or the
    community's creation start when there are no records, so the same input always gives the
    same workbook. ``age_bounds`` sets the summary age groups (see :func:`age_groups`).
    """
    columns, code_lists = _card_columns()
    ordered = sorted(records, key=lambda r: (r.injury_time, r.card_no))
    rows = tuple(
        tuple(_cell(getattr(record, column.field), column.kind) for column in columns)
        for record in ordered
    )
    document_date = max(r.report_date for r in records) if records else community.creation_start
    return LedgerView(
        title=f"{community.name}伤害监测台账",
        community=community.name,
        document_date=document_date,
        columns=columns,
        rows=rows,
        code_lists=code_lists,
        sub_units=tuple(community.sub_units),
        age_groups=age_groups(age_bounds),
        years=tuple(sorted({r.injury_time.year for r in records})),
    )
