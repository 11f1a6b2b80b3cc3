"""Age groups (0—4岁 … 70岁及以上) and the sex × age-group cross table of injury records."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from ..codes import Sex
from ..codes.ranges import fmt_span
from ..models.injury import InjuryRecord
from .rounding import largest_remainder
from .tables import CountTable, make_table

MAX_AGE = 120
TOTAL_LABEL = "合计"


@dataclass(frozen=True, slots=True)
class AgeGroups:
    """Age groups given by their lower boundaries: ``(0, 5, 15)`` means 0-4, 5-14 and 15+.

    The boundaries start at 0 and increase strictly; the last group is open at the top. Labels
    read ``0—4岁`` for closed groups and ``70岁及以上`` for the open one.
    """

    boundaries: tuple[int, ...] = (0, 5, 15, 25, 45, 60, 70)
    _lookup: tuple[int, ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        b = self.boundaries
        if not b or b[0] != 0:
            raise ValueError(f"age groups must start at 0, got {b}")
        if any(hi <= lo for lo, hi in pairwise(b)):
            raise ValueError(f"age group boundaries must increase strictly, got {b}")
        if b[-1] > MAX_AGE:
            raise ValueError(f"age group boundaries must be <= {MAX_AGE}, got {b}")
        # A table from age to group index makes grouping 100,000 records a list lookup each.
        lookup = tuple(bisect_right(b, age) - 1 for age in range(MAX_AGE + 1))
        object.__setattr__(self, "_lookup", lookup)

    def __len__(self) -> int:
        return len(self.boundaries)

    @property
    def ranges(self) -> tuple[tuple[int, int | None], ...]:
        """Return each group's first and last age (inclusive); ``None`` for the open top."""
        b = self.boundaries
        return (*((lo, hi - 1) for lo, hi in pairwise(b)), (b[-1], None))

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the groups' Chinese labels, e.g. ``("0—4岁", …, "70岁及以上")``."""
        return tuple(fmt_span(lo, hi, "岁") for lo, hi in self.ranges)

    def index(self, age: int) -> int:
        """Return the index of the group that contains ``age`` (0 to 120)."""
        return self._lookup[age]

    def label(self, age: int) -> str:
        """Return the label of the group that contains ``age``."""
        return self.labels[self.index(age)]


DEFAULT_GROUPS = AgeGroups()


def by_age_group(records: Sequence[InjuryRecord], groups: AgeGroups = DEFAULT_GROUPS) -> CountTable:
    """Count the records by age group, one row per group (code = the group's first age)."""
    lookup = groups._lookup
    counter = Counter(lookup[r.age] for r in records)
    cells = [
        (label, lo, counter[i])
        for i, (label, (lo, _)) in enumerate(zip(groups.labels, groups.ranges, strict=True))
    ]
    return make_table("age_group", "年龄组", cells)


@dataclass(frozen=True, slots=True)
class SexAgeRow:
    """One row of the sex × age table: counts and shares (in % of all records) by sex."""

    label: str
    code: int | None
    male: int
    female: int
    total: int
    male_share: Decimal
    female_share: Decimal
    total_share: Decimal


@dataclass(frozen=True, slots=True)
class SexAgeTable:
    """Injuries by age group (rows) and sex (columns 男 / 女 / 合计), with a 合计 row."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[SexAgeRow, ...]
    totals: SexAgeRow


def sex_age_table(
    records: Sequence[InjuryRecord], groups: AgeGroups = DEFAULT_GROUPS
) -> SexAgeTable:
    """Cross the records by age group and sex; every share is a share of all records.

    Each share is a largest-remainder share of the table it belongs to, so it is the share the
    other tables and documents show for the same group: the male and female cells share 100
    among themselves (the 14 cells of seven groups); each row's 合计 share is the group's
    share among the groups, computed from the group's count (as in :func:`by_age_group`); the
    合计 row's male and female shares are the sexes' shares (as in the table by sex) and its
    合计 share is 100 (0 without records). The cells add up to 100, the rows' 合计 shares add
    up to 100, and so do the 合计 row's male and female shares; a row's two cells need not add
    up to its 合计 share (nor a column of cells to its 合计). Every count, the 合计 row's
    included, sums to ``len(records)``.
    """
    lookup = groups._lookup
    counter = Counter((lookup[r.age], r.sex is Sex.MALE) for r in records)
    n = len(groups)
    males = [counter[(i, True)] for i in range(n)]
    females = [counter[(i, False)] for i in range(n)]
    totals = [m + f for m, f in zip(males, females, strict=True)]
    shares = largest_remainder([c for pair in zip(males, females, strict=True) for c in pair])
    male_shares, female_shares = shares[0::2], shares[1::2]
    total_shares = largest_remainder(totals)
    rows = tuple(
        SexAgeRow(
            label,
            lo,
            males[i],
            females[i],
            totals[i],
            male_shares[i],
            female_shares[i],
            total_shares[i],
        )
        for i, (label, (lo, _)) in enumerate(zip(groups.labels, groups.ranges, strict=True))
    )
    male_total, female_total = largest_remainder([sum(males), sum(females)])
    total_row = SexAgeRow(
        TOTAL_LABEL,
        None,
        sum(males),
        sum(females),
        len(records),
        male_total,
        female_total,
        sum(total_shares, Decimal("0.0")),
    )
    columns = (Sex.MALE.label, Sex.FEMALE.label, TOTAL_LABEL)
    return SexAgeTable("性别年龄分布", columns, rows, total_row)
