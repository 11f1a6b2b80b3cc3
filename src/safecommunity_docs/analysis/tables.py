"""Frequency tables of injury records: one row per category, counts and largest-remainder shares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Literal

from ..codes import (
    Alcohol,
    BodyPart,
    CodedEnum,
    Education,
    Household,
    InjuryActivity,
    InjuryCause,
    InjuryIntent,
    InjuryNature,
    InjuryPlace,
    Occupation,
    Outcome,
    Severity,
    Sex,
)
from ..codes.cards import generation_specific

if TYPE_CHECKING:
    import pandas as pd
from ..models.community import Community
from ..models.injury import InjuryRecord
from .rounding import largest_remainder

CodedField = Literal[
    "cause",
    "place",
    "activity",
    "intent",
    "alcohol",
    "nature",
    "body_part",
    "severity",
    "outcome",
    "sex",
    "household",
    "education",
    "occupation",
]

#: The code list of every coded field of :class:`InjuryRecord`, in the card's order.
CODED_FIELDS: dict[CodedField, type[CodedEnum]] = {
    "cause": InjuryCause,
    "place": InjuryPlace,
    "activity": InjuryActivity,
    "intent": InjuryIntent,
    "alcohol": Alcohol,
    "nature": InjuryNature,
    "body_part": BodyPart,
    "severity": Severity,
    "outcome": Outcome,
    "sex": Sex,
    "household": Household,
    "education": Education,
    "occupation": Occupation,
}

#: Label of the row that counts records where an optional field was left empty.
MISSING_LABEL = "未填写"


@dataclass(frozen=True, slots=True)
class CountRow:
    """One category of a table: its label, its code (or ``None``), its count and its share in %."""

    label: str
    code: int | None
    count: int
    share: Decimal


@dataclass(frozen=True, slots=True)
class CountTable:
    """A frequency table: what is counted (``dimension``), its Chinese title, rows and total."""

    dimension: str
    title: str
    rows: tuple[CountRow, ...]
    total: int

    def row(self, label: str) -> CountRow:
        """Return the row with this label; raise ``KeyError`` if there is none."""
        for row in self.rows:
            if row.label == label:
                return row
        raise KeyError(label)

    def ranked(self) -> tuple[CountRow, ...]:
        """Return the rows with a count above zero, largest count first (ties in table order)."""
        return tuple(sorted((r for r in self.rows if r.count), key=lambda r: -r.count))

    def _repr_html_(self) -> str:
        from ..display.html import count_table_html

        return count_table_html(self)

    def to_pandas(self) -> pd.DataFrame:
        """The table as a DataFrame (label as an ordered categorical); needs pandas."""
        from ..display.frames import count_table_frame

        return count_table_frame(self)


def make_table(
    dimension: str,
    title: str,
    cells: Sequence[tuple[str, int | None, int]],
    total: int | None = None,
) -> CountTable:
    """Build a table from ``(label, code, count)`` cells, shares by largest remainder.

    ``total`` defaults to the sum of the counts; the shares are always shares of the counts
    given, so they add up to exactly 100 (or are all 0 when every count is 0).
    """
    shares = largest_remainder([count for _, _, count in cells])
    rows = tuple(
        CountRow(label, code, count, share)
        for (label, code, count), share in zip(cells, shares, strict=True)
    )
    return CountTable(
        dimension, title, rows, sum(c for _, _, c in cells) if total is None else total
    )


def _coded_cells(
    counter: Counter[Hashable], enum: type[CodedEnum]
) -> list[tuple[str, int | None, int]]:
    cells: list[tuple[str, int | None, int]] = [
        (m.label, m.code, counter[m]) for m in enum if counter[m] or not generation_specific(m)
    ]
    if counter[None]:
        cells.append((MISSING_LABEL, None, counter[None]))
    return cells


def count_values(
    values: Iterable[CodedEnum | None], enum: type[CodedEnum], dimension: str, title: str
) -> CountTable:
    """Count coded values into a table with one row per member of ``enum`` in code order.

    Zero-count categories keep their row, except those only one card generation has (the
    merged 其他/不清楚, the separate 其他 and 不清楚), which appear when counted: the same injuries
    give the same table whichever generation's card they were written on. A final ``未填写``
    row (code ``None``) counts empty values and appears only when there are some.
    """
    counter: Counter[Hashable] = Counter(values)
    return make_table(dimension, title, _coded_cells(counter, enum))


def count_by(records: Sequence[InjuryRecord], field: CodedField) -> CountTable:
    """Count the records by one coded field of the injury card, one row per code in code order.

    Every category of the code list has a row, including those with no records (those only
    one card generation has appear when counted, see :func:`count_values`); shares are by
    largest remainder so they add up to exactly 100. For ``nature`` the first (main) nature of
    each record is counted. The optional fields ``household``, ``education`` and ``occupation``
    get a final ``未填写`` row (code ``None``) when some records leave them empty. The table's
    ``dimension`` is the field name and its ``title`` the field's Chinese title on the card.
    """
    enum = CODED_FIELDS[field]
    title = InjuryRecord.model_fields[field].title or field
    values: Iterable[CodedEnum | None]
    if field == "nature":
        values = (r.nature[0] for r in records)
    else:
        values = map(attrgetter(field), records)
    return count_values(values, enum, field, title)


def by_product_category(records: Sequence[InjuryRecord]) -> CountTable:
    """Count the products of the newer card's part Ⅳ by 产品分类, most frequent first.

    Each product named on a card counts once (a card names at most two); a product without a
    category counts as ``未填写``. Records without products give an empty table.
    """
    counter = Counter(p.category or MISSING_LABEL for r in records for p in r.products)
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return make_table("product_category", "产品分类", [(k, None, n) for k, n in ranked])


def by_year(records: Sequence[InjuryRecord]) -> CountTable:
    """Count the records by calendar year of injury, every year from the first to the last.

    Labels read ``2024年`` and the code is the year; years without records inside the period keep
    a zero row. No records give an empty table.
    """
    counter = Counter(r.injury_time.year for r in records)
    years = range(min(counter), max(counter) + 1) if counter else range(0)
    return make_table("year", "年份", [(f"{y}年", y, counter[y]) for y in years])


def by_month(records: Sequence[InjuryRecord]) -> CountTable:
    """Count the records by month of injury over all years: twelve rows ``1月`` … ``12月``."""
    counter = Counter(r.injury_time.month for r in records)
    return make_table("month", "月份", [(f"{m}月", m, counter[m]) for m in range(1, 13)])


def by_hour(records: Sequence[InjuryRecord]) -> CountTable:
    """Count the records by hour of injury: 24 rows ``0时`` … ``23时`` (code = the hour)."""
    counter = Counter(r.injury_time.hour for r in records)
    return make_table("hour", "时段", [(f"{h}时", h, counter[h]) for h in range(24)])


def by_sub_unit(records: Sequence[InjuryRecord], community: Community) -> CountTable:
    """Count the records by 所在社区/村, in the order of the community's ``sub_units``.

    Each listed sub-unit has a row (code = its 1-based position in the list), also when it has
    no records. Names that records give but the community does not list follow in sorted order
    with code ``None``, then a ``未填写`` row for records without a sub-unit, when there are any.
    """
    counter = Counter(r.sub_unit for r in records)
    listed = community.sub_units
    cells: list[tuple[str, int | None, int]] = [
        (name, i, counter[name]) for i, name in enumerate(listed, start=1)
    ]
    known = set(listed)
    cells += [
        (name, None, counter[name])
        for name in sorted(n for n in counter if n is not None and n not in known)
    ]
    if counter[None]:
        cells.append((MISSING_LABEL, None, counter[None]))
    return make_table("sub_unit", "所在社区/村", cells)
