"""Injury rates per 1,000 residents per year (overall, by sex, by age group × sex, by calendar
year) and year-on-year change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..codes import Sex
from ..codes.ranges import fmt_span
from ..models.community import AgeBand, Community
from ..models.injury import InjuryRecord
from .groups import DEFAULT_GROUPS, TOTAL_LABEL, AgeGroups
from .rounding import change_percent, quantize

if TYPE_CHECKING:
    import pandas as pd

PER = 1000
RATE_PLACES = 2


@dataclass(frozen=True, slots=True)
class Rate:
    """An injury rate: ``count / years / population × 1000``, or ``None`` with the reason."""

    count: int
    population: int | None
    years: int
    rate: Decimal | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AgeSexRates:
    """The rates of one age group: male, female and both sexes."""

    label: str
    from_age: int
    to_age: int | None
    male: Rate
    female: Rate
    total: Rate


@dataclass(frozen=True, slots=True)
class YearRates:
    """The rates of one calendar year (the year's records over one year): male, female, both."""

    year: int
    male: Rate
    female: Rate
    total: Rate


@dataclass(frozen=True, slots=True)
class RateTable:
    """Rates per 1,000 residents per year: overall, per age group × sex, the 合计 row (every
    age, by sex; its ``total`` is ``overall``), per calendar year by sex, and any notes."""

    title: str
    years: int
    overall: Rate
    rows: tuple[AgeSexRates, ...]
    notes: tuple[str, ...]
    totals: AgeSexRates
    by_year: tuple[YearRates, ...]

    def to_pandas(self) -> pd.DataFrame:
        """Rates by age group and sex as a DataFrame (rate as float64); needs pandas."""
        from ..display.frames import rates_frame

        return rates_frame(self)


@dataclass(frozen=True, slots=True)
class YearChange:
    """One year's injury count and its change in % from the previous year (``None`` for the first)."""

    year: int
    count: int
    change: Decimal | None


def years_covered(records: Sequence[InjuryRecord]) -> int:
    """Return the number of distinct calendar years in which the records' injuries happened."""
    return len({r.injury_time.year for r in records})


def rate(count: int, population: int | None, years: int, places: int = RATE_PLACES) -> Rate:
    """Return ``count / years / population × 1000`` rounded half up, or ``None`` with a note.

    The rate is ``None`` when the population is unknown or zero, or when no year is covered.
    """
    if years <= 0:
        return Rate(count, population, years, None, "没有伤害记录，无法确定统计年数")
    if population is None:
        return Rate(count, population, years, None, "缺少人口数")
    if population == 0:
        return Rate(count, population, years, None, "人口数为0")
    value = Decimal(count) * PER / (Decimal(years) * Decimal(population))
    return Rate(count, population, years, quantize(value, places))


def band_population(
    bands: Sequence[AgeBand], from_age: int, to_age: int | None
) -> tuple[int, int] | str:
    """Return the (male, female) residents aged ``from_age`` to ``to_age`` (``None``: no top).

    The ages must line up with the community's age bands: ``from_age`` must start a band and
    ``to_age`` end one (or be open like the last band). Otherwise, and when the community gives
    no bands, the reason is returned as a string instead.
    """
    if not bands:
        return "社区未提供分年龄段人口"
    starts = {b.from_age for b in bands}
    ends = {b.to_age for b in bands}
    span = fmt_span(from_age, to_age, "岁")
    if from_age not in starts or to_age not in ends:
        age = from_age if from_age not in starts else (to_age or 0)
        inside = next((b for b in bands if _contains(b, age)), None)
        if inside is None:
            return f"人口年龄段未覆盖年龄组{span}，无法计算伤害发生率"
        band = fmt_span(inside.from_age, inside.to_age, "岁")
        return f"年龄组{span}的边界落在人口年龄段{band}之内，无法计算伤害发生率"
    chosen = [
        b for b in bands if b.from_age >= from_age and (to_age is None or b.from_age <= to_age)
    ]
    return sum(b.male for b in chosen), sum(b.female for b in chosen)


def _contains(band: AgeBand, age: int) -> bool:
    return band.from_age <= age and (band.to_age is None or age <= band.to_age)


def overall_rate(
    records: Sequence[InjuryRecord], community: Community, years: int | None = None
) -> Rate:
    """Return the community's injury rate per 1,000 residents per year.

    ``years`` defaults to the number of distinct calendar years covered by the records.
    """
    span = years_covered(records) if years is None else years
    return rate(len(records), community.population.total, span)


def rate_table(
    records: Sequence[InjuryRecord],
    community: Community,
    groups: AgeGroups = DEFAULT_GROUPS,
    years: int | None = None,
) -> RateTable:
    """Return the overall rate, the rates of every age group by sex, their 合计 and the years.

    Group populations come from ``community.population.age_bands``. When a group does not line
    up with the bands (one of its boundaries falls inside a band) or there are no bands, its
    rates are ``None`` and each carries a note saying why; the table's ``notes`` collect them.
    The 合计 row (``totals``) divides the male, female and all records by the community's male,
    female and total population, so its ``total`` is the overall rate. ``by_year`` gives every
    calendar year from the first to the last record (see :func:`year_rates`).
    """
    span = years_covered(records) if years is None else years
    lookup = groups._lookup
    counter = Counter((lookup[r.age], r.sex is Sex.MALE) for r in records)
    rows: list[AgeSexRates] = []
    notes: list[str] = []
    bands = community.population.age_bands
    for i, (label, (lo, hi)) in enumerate(zip(groups.labels, groups.ranges, strict=True)):
        male, female = counter[(i, True)], counter[(i, False)]
        pop = band_population(bands, lo, hi)
        if isinstance(pop, str):
            if pop not in notes:
                notes.append(pop)
            rates = (Rate(c, None, span, None, pop) for c in (male, female, male + female))
            rows.append(AgeSexRates(label, lo, hi, *rates))
            continue
        pm, pf = pop
        rows.append(
            AgeSexRates(
                label,
                lo,
                hi,
                rate(male, pm, span),
                rate(female, pf, span),
                rate(male + female, pm + pf, span),
            )
        )
    population = community.population
    males = sum(1 for r in records if r.sex is Sex.MALE)
    totals = AgeSexRates(
        TOTAL_LABEL,
        groups.boundaries[0],
        None,
        rate(males, population.male, span),
        rate(len(records) - males, population.female, span),
        rate(len(records), population.total, span),
    )
    return RateTable(
        "伤害发生率（‰）",
        span,
        totals.total,
        tuple(rows),
        tuple(notes),
        totals,
        year_rates(records, community),
    )


def year_rates(records: Sequence[InjuryRecord], community: Community) -> tuple[YearRates, ...]:
    """Return each calendar year's rates by sex, from the first year of the records to the last.

    A year's rate is its records over the community's (current) population and one year, so a
    year without records inside the period has rates of 0.00. No records give no years.
    """
    counter = Counter((r.injury_time.year, r.sex is Sex.MALE) for r in records)
    if not counter:
        return ()
    years = [year for year, _ in counter]
    population = community.population
    result: list[YearRates] = []
    for year in range(min(years), max(years) + 1):
        male, female = counter[(year, True)], counter[(year, False)]
        result.append(
            YearRates(
                year,
                rate(male, population.male, 1),
                rate(female, population.female, 1),
                rate(male + female, population.total, 1),
            )
        )
    return tuple(result)


def year_on_year(records: Sequence[InjuryRecord]) -> tuple[YearChange, ...]:
    """Return each year's injury count, from the first year to the last, with its change.

    The change is the percentage change from the previous year, rounded half up to one
    decimal; it is ``None`` for the first year and after a year without records.
    """
    counter = Counter(r.injury_time.year for r in records)
    if not counter:
        return ()
    result: list[YearChange] = []
    previous: int | None = None
    for year in range(min(counter), max(counter) + 1):
        count = counter[year]
        change = None if previous is None else change_percent(count, previous)
        result.append(YearChange(year, count, change))
        previous = count
    return tuple(result)
