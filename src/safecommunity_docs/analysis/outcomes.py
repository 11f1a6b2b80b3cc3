"""The creation's results (创建成效): every measured target evaluated against the records, the
surveys and the ledgers, and the injury trend by year and leading cause. Pure functions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from ..codes import InjuryCause, Outcome
from ..models.common import QuantTarget, TargetDirection
from ..models.community import Community
from ..models.diagnosis import Survey, SurveyResult
from ..models.dossier import Dossier
from ..models.injury import InjuryRecord
from ..models.outcome import Measurement, RecordCount, SurveyMeasure
from ..models.project import ProjectTarget
from .effect import RateRatio, rate_ratio
from .rates import band_population, rate
from .rounding import quantize

Source = Literal["records", "survey", "reported", "none"]
LEADING_CAUSES = 5


@dataclass(frozen=True, slots=True)
class TargetOutcome:
    """One target evaluated: its baseline and result (in ``value_unit``), the change in % where
    the target is a change, and whether it is met (``None``: not computable, ``reason`` says
    why). ``baseline_label``/``result_label`` name the year or survey each value comes from."""

    owner: str
    indicator: str
    direction: TargetDirection
    value: Decimal
    unit: str
    deadline: str | None
    source: Source
    value_unit: str
    baseline: Decimal | None = None
    baseline_label: str | None = None
    result: Decimal | None = None
    result_label: str | None = None
    change: Decimal | None = None
    met: bool | None = None
    reason: str | None = None
    effect: RateRatio | None = None
    """For a target counted from the records with a baseline year: the result year's rate
    over the baseline year's, with its 95 % interval (one year of the counted population
    each)."""


@dataclass(frozen=True, slots=True)
class ProjectOutcome:
    """A project's targets evaluated, in the project's order."""

    title: str
    targets: tuple[TargetOutcome, ...]


@dataclass(frozen=True, slots=True)
class YearPoint:
    """One calendar year's cases and rate per 1,000 residents (``None`` without a population)."""

    year: int
    count: int
    rate: Decimal | None


@dataclass(frozen=True, slots=True)
class CauseTrend:
    """One leading cause's cases in every year of the trend."""

    cause: InjuryCause
    counts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Outcomes:
    """The 创建成效 of a dossier: plan targets, project targets, the yearly trend and the
    leading causes' trends (the causes with most cases over all years, at most five)."""

    plan: tuple[TargetOutcome, ...]
    projects: tuple[ProjectOutcome, ...]
    years: tuple[YearPoint, ...]
    causes: tuple[CauseTrend, ...]
    compare: tuple[int, int] | None = None
    """(before, after): the year before the creation started (else the first year) and the
    records' last year; None with fewer than two years."""

    @property
    def measured(self) -> tuple[TargetOutcome, ...]:
        """Every target with a computed result, plan targets first."""
        every = (*self.plan, *(t for p in self.projects for t in p.targets))
        return tuple(t for t in every if t.met is not None)


def matches(record: InjuryRecord, spec: RecordCount) -> bool:
    """Whether ``record`` is one of the cards ``spec`` counts (the year aside)."""
    return (
        (not spec.causes or record.cause in spec.causes)
        and (not spec.places or record.place in spec.places)
        and (not spec.activities or record.activity in spec.activities)
        and (spec.age_from is None or record.age >= spec.age_from)
        and (spec.age_to is None or record.age <= spec.age_to)
        and (not spec.deaths or record.outcome is Outcome.DIED)
    )


def _met(
    direction: TargetDirection,
    value: Decimal,
    baseline: Decimal | None,
    result: Decimal,
    percent_change: bool,
) -> tuple[bool | None, Decimal | None, str | None]:
    """(met, change in %, reason) of a result against a target."""
    if direction in (TargetDirection.REDUCE_BY, TargetDirection.INCREASE_BY):
        if baseline is None:
            return None, None, "缺少基线值"
        sign = -1 if direction is TargetDirection.REDUCE_BY else 1
        if percent_change:
            if baseline == 0:
                return None, None, "基线值为0，无法计算变化幅度"
            change = quantize((result - baseline) * 100 / baseline, 1)
            return change * sign >= value, change, None
        return (result - baseline) * sign >= value, None, None
    if direction is TargetDirection.AT_MOST:
        return result <= value, None, None
    return result >= value, None, None


def _target_fields(target: QuantTarget | ProjectTarget) -> tuple[Decimal, str | None]:
    if isinstance(target, QuantTarget):
        return target.value, target.baseline_unit
    return target.target, target.baseline_unit


def _from_records(
    target: QuantTarget | ProjectTarget,
    spec: RecordCount,
    records: Sequence[InjuryRecord],
    community: Community,
    base: TargetOutcome,
) -> TargetOutcome:
    value, baseline_unit = _target_fields(target)
    change_target = target.direction in (TargetDirection.REDUCE_BY, TargetDirection.INCREASE_BY)
    relative = change_target and target.unit.strip() == "%"
    unit = "‰" if spec.rate else (baseline_unit or ("例" if relative else target.unit))
    base = replace(base, source="records", value_unit=unit)
    years = [r.injury_time.year for r in records]
    if not years:
        return replace(base, reason="没有伤害监测记录")
    result_year = spec.result_year or max(years)
    counts = Counter(r.injury_time.year for r in records if matches(r, spec))
    population = counted_population(spec, community)

    def amount(year: int) -> Decimal | str:
        if not spec.rate:
            return Decimal(counts[year])
        if isinstance(population, str):
            return population
        found = rate(counts[year], population, 1)
        return found.rate if found.rate is not None else found.note or "缺少人口数"

    result = amount(result_year)
    if isinstance(result, str):
        return replace(base, reason=result)
    base = replace(base, result=result, result_label=f"{result_year}年")
    year = target.baseline_year
    if year is None or year == result_year:
        if change_target:
            missing = "未填写基线年份" if year is None else "基线年份与结果年份相同"
            return replace(base, reason=missing)
        met, _, _ = _met(target.direction, value, None, result, relative)
        return replace(base, met=met)
    baseline = amount(year)
    if isinstance(baseline, str):
        return replace(base, reason=baseline)
    met, change, reason = _met(target.direction, value, baseline, result, relative)
    effect = None
    if isinstance(population, int) and population > 0:
        effect = rate_ratio(counts[result_year], population, counts[year], population)
    return replace(
        base,
        baseline=baseline,
        baseline_label=f"{year}年",
        change=change,
        met=met,
        reason=reason,
        effect=effect,
    )


def counted_population(spec: RecordCount, community: Community) -> int | str:
    """The residents a record count covers: the age band's population when the count has
    ages, else every resident; a reason (str) when the age bands cannot give it."""
    if spec.age_from is None and spec.age_to is None:
        return community.population.total
    found = band_population(community.population.age_bands, spec.age_from or 0, spec.age_to)
    return found if isinstance(found, str) else sum(found)


def _survey_values(
    spec: SurveyMeasure, surveys: Sequence[Survey]
) -> list[tuple[Survey, SurveyResult]]:
    found = [
        (survey, result)
        for survey in surveys
        if survey.conducted is not None
        for result in survey.results
        if result.indicator == spec.indicator and (spec.group is None or result.group == spec.group)
    ]
    return sorted(found, key=lambda pair: pair[0].conducted or date.min)


def _survey_label(survey: Survey, what: str) -> str:
    """「2025年7月基线调查」: when the survey was conducted and what it was for."""
    day = survey.conducted
    return f"{day.year}年{day.month}月{what}" if day is not None else what


def _from_survey(
    target: QuantTarget | ProjectTarget,
    spec: SurveyMeasure,
    before: Sequence[Survey],
    after: Sequence[Survey],
    base: TargetOutcome,
) -> TargetOutcome:
    """Baseline: the latest diagnosis survey reporting the indicator (else the target's own
    baseline); result: the latest evaluation survey reporting it."""
    value, _ = _target_fields(target)
    earlier, later = _survey_values(spec, before), _survey_values(spec, after)
    unit = (later or earlier)[0][1].unit if later or earlier else target.unit
    base = replace(base, source="survey", value_unit=unit)
    baseline: Decimal | None = None
    if earlier:
        survey, found = earlier[-1]
        baseline = found.value
        base = replace(base, baseline=baseline, baseline_label=_survey_label(survey, "基线调查"))
    elif target.baseline is not None:
        baseline = target.baseline
        label = f"{target.baseline_year}年" if target.baseline_year else None
        base = replace(base, baseline=baseline, baseline_label=label)
    if not later:
        return replace(base, reason="尚无效果评估调查结果")
    survey, result = later[-1]
    relative = target.unit.strip() == "%" and target.direction in (
        TargetDirection.REDUCE_BY,
        TargetDirection.INCREASE_BY,
    )
    met, change, reason = _met(target.direction, value, baseline, result.value, relative)
    return replace(
        base,
        result=result.value,
        result_label=_survey_label(survey, "效果评估调查"),
        change=change,
        met=met,
        reason=reason,
    )


def evaluate(
    target: QuantTarget | ProjectTarget,
    owner: str,
    dossier: Dossier,
) -> TargetOutcome:
    """Evaluate one target of ``owner`` (the plan or a project's title) with its measurement."""
    value, _ = _target_fields(target)
    base = TargetOutcome(
        owner=owner,
        indicator=target.indicator,
        direction=target.direction,
        value=value,
        unit=target.unit,
        deadline=target.deadline,
        source="none",
        value_unit=target.unit,
    )
    measure: Measurement | None = target.measure
    if measure is None:
        return replace(base, reason="未设定衡量方式")
    if measure.records is not None:
        return _from_records(
            target, measure.records, dossier.injury_records, dossier.community, base
        )
    if measure.survey is not None:
        before = dossier.diagnosis.surveys if dossier.diagnosis is not None else []
        after = dossier.assessment.surveys if dossier.assessment is not None else []
        return _from_survey(target, measure.survey, before, after, base)
    reported = measure.reported
    assert reported is not None
    baseline = target.baseline
    unit = target.baseline_unit or target.unit
    relative = target.unit.strip() == "%" and target.direction in (
        TargetDirection.REDUCE_BY,
        TargetDirection.INCREASE_BY,
    )
    met, change, reason = _met(target.direction, value, baseline, reported.value, relative)
    return replace(
        base,
        source="reported",
        value_unit=unit,
        baseline=baseline,
        baseline_label=f"{target.baseline_year}年" if target.baseline_year else None,
        result=reported.value,
        result_label=reported.source,
        change=change,
        met=met,
        reason=reason,
    )


def injury_trend(
    records: Sequence[InjuryRecord], community: Community, top: int = LEADING_CAUSES
) -> tuple[tuple[YearPoint, ...], tuple[CauseTrend, ...]]:
    """Cases and rate (‰, one year over the current population) of every year from the first
    record to the last, and the yearly cases of the ``top`` causes with most cases (ties: the
    card's cause order)."""
    by_year = Counter(r.injury_time.year for r in records)
    if not by_year:
        return (), ()
    years = range(min(by_year), max(by_year) + 1)
    points = tuple(
        YearPoint(y, by_year[y], rate(by_year[y], community.population.total, 1).rate)
        for y in years
    )
    totals = Counter(r.cause for r in records)
    order = list(InjuryCause)
    leading = sorted(totals, key=lambda c: (-totals[c], order.index(c)))[:top]
    pairs = Counter((r.cause, r.injury_time.year) for r in records)
    causes = tuple(CauseTrend(c, tuple(pairs[(c, y)] for y in years)) for c in leading)
    return points, causes


def outcomes(dossier: Dossier) -> Outcomes:
    """The dossier's 创建成效: every plan and project target evaluated, and the injury trend."""
    plan = dossier.work_plan
    targets = plan.objectives.targets if plan is not None and plan.objectives is not None else []
    years, causes = injury_trend(dossier.injury_records, dossier.community)
    compare = None
    if len(years) > 1:
        last = years[-1].year
        before = dossier.community.creation_start.year - 1
        compare = (before if years[0].year <= before < last else years[0].year, last)
    return Outcomes(
        plan=tuple(evaluate(t, "工作计划", dossier) for t in targets),
        projects=tuple(
            ProjectOutcome(p.title, tuple(evaluate(t, p.title, dossier) for t in p.targets))
            for p in dossier.projects
        ),
        years=years,
        causes=causes,
        compare=compare,
    )


__all__ = [
    "CauseTrend",
    "Outcomes",
    "ProjectOutcome",
    "TargetOutcome",
    "YearPoint",
    "counted_population",
    "evaluate",
    "injury_trend",
    "matches",
    "outcomes",
]
