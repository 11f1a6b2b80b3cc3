"""The whole injury analysis of a community in one frozen result: tables, rates, findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..codes import InjuryCause
from ..models.community import Community
from ..models.injury import InjuryRecord
from .findings import DEFAULT_RULES, Finding, FindingRules
from .focus import focus_groups, group_top_causes
from .groups import DEFAULT_GROUPS, AgeGroups, SexAgeTable, by_age_group, sex_age_table
from .priorities import derive_findings
from .rates import RateTable, YearChange, rate_table, year_on_year
from .tables import (
    CODED_FIELDS,
    CountTable,
    by_hour,
    by_month,
    by_product_category,
    by_sub_unit,
    by_year,
    count_by,
)

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class InjuryStatistics:
    """Everything the diagnosis report needs from the injury records of one community.

    One :class:`CountTable` per dimension (``cause`` … ``sub_unit``; :attr:`tables` lists them
    in a fixed order), the sex × age table, the rates, the year-on-year changes, ``focus``: the
    leading causes of older people, children and people with disabilities (in that order), the
    findings, the period (first and last injury date, ``None`` without records),
    ``product_category``: the products of the newer card's part Ⅳ by category (empty without
    products; not in :attr:`tables`, so the diagnosis tables stay the same) and
    ``duplicates``: index pairs ``(i, j)``, ``i < j``, of records that look like the same injury.
    """

    record_count: int
    period_start: date | None
    period_end: date | None
    groups: AgeGroups
    cause: CountTable
    place: CountTable
    activity: CountTable
    intent: CountTable
    alcohol: CountTable
    nature: CountTable
    body_part: CountTable
    severity: CountTable
    outcome: CountTable
    sex: CountTable
    household: CountTable
    education: CountTable
    occupation: CountTable
    age_group: CountTable
    year: CountTable
    month: CountTable
    hour: CountTable
    sub_unit: CountTable
    product_category: CountTable
    sex_age: SexAgeTable
    rates: RateTable
    year_on_year: tuple[YearChange, ...]
    focus: tuple[CountTable, ...]
    findings: tuple[Finding, ...]
    duplicates: tuple[tuple[int, int], ...]

    @property
    def tables(self) -> tuple[CountTable, ...]:
        """Return every frequency table: the coded fields in card order, then age group, year,
        month, hour and sub-unit.
        """
        return (
            *(getattr(self, name) for name in CODED_FIELDS),
            self.age_group,
            self.year,
            self.month,
            self.hour,
            self.sub_unit,
        )

    def table(self, dimension: str) -> CountTable:
        """Return the table of one dimension (``"cause"``, ``"month"`` …) or a focus table
        (``"cause:older"``, ``"cause:children"``, ``"cause:disabled"``); ``KeyError`` if absent.
        """
        for table in (*self.tables, self.product_category, *self.focus):
            if table.dimension == dimension:
                return table
        raise KeyError(dimension)

    def _repr_html_(self) -> str:
        from ..display.html import statistics_html

        return statistics_html(self)

    def to_pandas(self) -> pd.DataFrame:
        """Every frequency table in long form (dimension, title, label, code, count, share);
        :meth:`RateTable.to_pandas` gives the rates. Needs pandas."""
        from ..display.frames import statistics_frame

        return statistics_frame(self)


def duplicate_pairs(records: Sequence[InjuryRecord]) -> tuple[tuple[int, int], ...]:
    """Return the pairs of record indexes that share :attr:`InjuryRecord.duplicate_key`.

    The key is the name (when given), sex, age, injury time and cause. Every pair ``(i, j)``
    with ``i < j`` is listed, in order; three matching records give three pairs.
    """
    seen: defaultdict[tuple[str, str, int, datetime, InjuryCause], list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        seen[record.duplicate_key].append(i)
    pairs = [
        (a, b)
        for indexes in seen.values()
        if len(indexes) > 1
        for k, a in enumerate(indexes)
        for b in indexes[k + 1 :]
    ]
    return tuple(sorted(pairs))


def analyse(
    records: Sequence[InjuryRecord],
    community: Community,
    groups: AgeGroups = DEFAULT_GROUPS,
    *,
    rules: FindingRules = DEFAULT_RULES,
    years: int | None = None,
    top: int = 3,
) -> InjuryStatistics:
    """Analyse a community's injury records: every table, the rates, changes and findings.

    ``groups`` sets the age groups; ``rules`` the thresholds of the findings; ``years`` the
    number of years the rates divide by (default: the distinct calendar years of the records);
    ``top`` how many causes each focus table keeps. The function is pure: it reads nothing and
    changes nothing.
    """
    coded = {name: count_by(records, name) for name in CODED_FIELDS}
    ages = by_age_group(records, groups)
    rates = rate_table(records, community, groups, years)
    focus = tuple(
        group_top_causes(records, g, top) for g in focus_groups(rules.older_age, rules.child_age)
    )
    days = [r.injury_time.date() for r in records]
    return InjuryStatistics(
        record_count=len(records),
        period_start=min(days) if days else None,
        period_end=max(days) if days else None,
        groups=groups,
        sex_age=sex_age_table(records, groups),
        rates=rates,
        year_on_year=year_on_year(records),
        focus=focus,
        **coded,
        age_group=ages,
        year=by_year(records),
        month=by_month(records),
        hour=by_hour(records),
        sub_unit=by_sub_unit(records, community),
        product_category=by_product_category(records),
        findings=derive_findings(
            records, community, coded["cause"], coded["place"], ages, rates, rules
        ),
        duplicates=duplicate_pairs(records),
    )
