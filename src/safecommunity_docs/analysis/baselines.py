"""Project target baselines counted from the injury records (统计口径 × 基线年份)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..codes import Outcome
from ..models.counting import RecordCount
from ..models.injury import InjuryRecord
from ..models.project import ProjectTarget, PromotionProject

Predicate = Callable[[InjuryRecord], bool]


@dataclass(frozen=True, slots=True)
class Baseline:
    """A target's baseline as the records give it: ``value`` records in ``year``, printed in
    ``unit``."""

    value: Decimal
    unit: str
    year: int


def count_filter(counts: RecordCount) -> Predicate:
    """A predicate true for the records ``counts`` describes (every given criterion holds)."""

    def test(r: InjuryRecord) -> bool:
        return (
            (not counts.causes or r.cause in counts.causes)
            and (not counts.places or r.place in counts.places)
            and (not counts.activities or r.activity in counts.activities)
            and (not counts.occupations or r.occupation in counts.occupations)
            and (counts.sex is None or r.sex is counts.sex)
            and (counts.min_age is None or r.age >= counts.min_age)
            and (counts.max_age is None or r.age <= counts.max_age)
            and (not counts.deaths_only or r.outcome is Outcome.DIED)
        )

    return test


def record_baseline(target: ProjectTarget, records: Sequence[InjuryRecord]) -> Baseline | None:
    """The baseline the records give ``target``: the number of records its ``counts`` describe
    whose injury happened in its ``baseline_year``.

    None when the target has no ``counts`` (or no year), or when the year lies outside the
    years the records cover (no data is not the same as no injuries).
    """
    if target.counts is None or target.baseline_year is None or not records:
        return None
    years = [r.injury_time.year for r in records]
    year = target.baseline_year
    if not min(years) <= year <= max(years):
        return None
    test = count_filter(target.counts)
    n = sum(1 for r in records if r.injury_time.year == year and test(r))
    unit = target.counts.unit or (target.unit if target.unit.strip() != "%" else "例")
    return Baseline(Decimal(n), unit, year)


def project_baselines(
    projects: Sequence[PromotionProject], records: Sequence[InjuryRecord]
) -> dict[str, tuple[Baseline | None, ...]]:
    """Each project's target baselines from the records, by project id, in target order."""
    return {p.id: tuple(record_baseline(t, records) for t in p.targets) for p in projects}


def effective_baseline(
    target: ProjectTarget, counted: Baseline | None
) -> tuple[Decimal, str, int | None] | None:
    """The baseline a plan shows: the one the author gave, else the one counted from the
    records; as (value, unit, year), or None when neither is known."""
    if target.baseline is not None:
        return target.baseline, target.baseline_unit or target.unit, target.baseline_year
    if counted is not None:
        return counted.value, counted.unit, counted.year
    return None
