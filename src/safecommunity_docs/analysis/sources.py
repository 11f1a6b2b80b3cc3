"""Departmental statistics, the household survey and reporting completeness: pure arithmetic.

Rules (stated once in the report's method section):

- a departmental series is read from its first to its last year: the change in per cent, the
  peak year and the deaths of all years;
- the household survey gives the share of residents injured in 12 months and the share of them
  seen at a medical facility; the hospital visits it predicts for the whole population, set
  against the cases the surveillance recorded per year, give the reporting completeness and the
  estimated unreported share;
- an average yearly incidence below ``LOW_INCIDENCE`` (10 ‰) from hospital surveillance is taken
  as a sign of under-reporting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..models.diagnosis_sources import DepartmentYear, HouseholdSurvey, ReferenceRate
from .findings import Finding
from .rounding import change_percent, percent, quantize

LOW_INCIDENCE = Decimal(10)
"""‰ a year: a hospital-surveillance incidence below this suggests under-reporting."""


@dataclass(frozen=True, slots=True)
class Trend:
    """A yearly series read from its first to its last year."""

    first_year: int
    last_year: int
    first: int
    last: int
    change: Decimal | None
    peak_year: int
    peak: int
    total: int
    deaths: int | None
    injuries: int | None

    @property
    def direction(self) -> str:
        """上升, 下降 or 持平 from the first to the last year."""
        if self.last > self.first:
            return "上升"
        return "下降" if self.last < self.first else "持平"


def _sum(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def trend(years: Sequence[DepartmentYear]) -> Trend:
    """Read ``years`` (at least one, in order): first and last year, change, peak, totals."""
    first, last = years[0], years[-1]
    peak = max(years, key=lambda y: (y.count, -y.year))
    return Trend(
        first_year=first.year,
        last_year=last.year,
        first=first.count,
        last=last.count,
        change=change_percent(last.count, first.count) if len(years) > 1 else None,
        peak_year=peak.year,
        peak=peak.count,
        total=sum(y.count for y in years),
        deaths=_sum([y.deaths for y in years]),
        injuries=_sum([y.injuries for y in years]),
    )


@dataclass(frozen=True, slots=True)
class Reporting:
    """What the household survey says about the completeness of the injury surveillance."""

    survey_rate: Decimal
    """Residents injured in 12 months per 1,000 (‰)."""
    hospital_share: Decimal
    """% of the injured seen at a medical facility."""
    expected_visits: int
    """Hospital visits a year the survey predicts for the whole population."""
    recorded: Decimal
    """Cases the surveillance recorded per year (average)."""
    completeness: Decimal
    """% of the predicted visits the surveillance recorded (may exceed 100)."""

    @property
    def unreported(self) -> Decimal:
        """% of the predicted visits not recorded (0 when the surveillance recorded them all)."""
        return max(Decimal(100) - self.completeness, Decimal("0.0"))


def reporting(
    survey: HouseholdSurvey, population: int, records: int, years: int
) -> Reporting | None:
    """Completeness of ``records`` cases over ``years`` for ``population`` residents, from the
    household ``survey``; None when nothing can be predicted (no one seen at hospital)."""
    if not survey.seen_at_hospital or years <= 0:
        return None
    expected = round(Decimal(population) * survey.seen_at_hospital / survey.persons)
    recorded = Decimal(records) / years
    if expected == 0:
        return None
    return Reporting(
        survey_rate=quantize(Decimal(survey.injured_persons) * 1000 / survey.persons, 1),
        hospital_share=percent(survey.seen_at_hospital, survey.injured_persons),
        expected_visits=expected,
        recorded=quantize(recorded, 1),
        completeness=quantize(recorded * 100 / expected, 1),
    )


@dataclass(frozen=True, slots=True)
class Comparison:
    """The community's rate beside a reference rate: their ratio (community / reference)."""

    reference: ReferenceRate
    ratio: Decimal


def compare(rate: Decimal, references: Sequence[ReferenceRate]) -> list[Comparison]:
    """The community's ``rate`` against each reference, as a ratio with two decimals."""
    return [Comparison(r, quantize(rate / r.rate, 2)) for r in references]


def likely_under_reported(rate: Decimal | None) -> bool:
    """Whether a yearly incidence of ``rate`` ‰ is low enough to suggest under-reporting."""
    return rate is not None and rate < LOW_INCIDENCE


def supported(findings: Sequence[Finding], min_cases: int) -> list[Finding]:
    """The findings resting on at least ``min_cases`` cases (findings without a count stay)."""
    return [f for f in findings if f.count is None or f.count >= min_cases]
