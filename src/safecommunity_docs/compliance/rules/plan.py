"""Rules on the creation work plan: phases, targets, budget, period (element 4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ...models import Phase, QuantTarget, WorkPlan
from ...models.common import TargetDirection
from ..context import Context, month, months_between
from ..findings import Severity
from ..rule import Hit, rule
from ..textfacts import APPLICATION, PREPARATION, YEAR_RANGE, has_any, is_rate

E, W = Severity.ERROR, Severity.WARNING
TARGETS = "work_plan.objectives.targets"
RELATIVE = (TargetDirection.REDUCE_BY, TargetDirection.INCREASE_BY)


def _phase_text(phase: Phase) -> str:
    return " ".join([phase.name or "", *phase.summary])


def application_phase(plan: WorkPlan) -> tuple[int, Phase] | None:
    """The first phase named as the application (申报/评定/验收) phase, with its index."""
    for i, phase in enumerate(plan.phases):
        if has_any(phase.name or "", APPLICATION):
            return i, phase
    return None


def _next_month(m: str) -> str:
    year, mon = int(m[:4]), int(m[5:])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


@rule(
    "SC-E4-001",
    E,
    "缺少创建工作计划",
    "The dossier has no creation work plan.",
    "AQ/T 9001 §4 事故与伤害预防目标及计划",
)
def no_plan(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.work_plan is None:
        yield Hit("work_plan", "no plan.yaml")


@rule(
    "SC-E4-002",
    E,
    "工作步骤缺少启动准备阶段",
    "The phases do not start with a preparation phase.",
    "AQ/T 9001 §4; 工作步骤及时间安排",
)
def no_preparation(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is not None and not any(has_any(_phase_text(p), PREPARATION) for p in plan.phases):
        yield Hit("work_plan.phases", "no phase named 准备/启动/动员")


@rule(
    "SC-E4-003",
    E,
    "工作步骤缺少申报评定阶段",
    "The phases do not end with the application phase.",
    "AQ/T 9001 §4; 工作步骤及时间安排",
)
def no_application_phase(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is not None and application_phase(plan) is None:
        yield Hit("work_plan.phases", "no phase named 申报/评定/验收")


@rule(
    "SC-E4-004",
    W,
    "各阶段之间有时间空档",
    "There is a gap of months between two phases.",
    "工作步骤及时间安排",
)
def phase_gaps(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is None:
        return
    spans = [p.months() for p in plan.phases]
    for i in range(1, len(plan.phases)):
        here, earlier = spans[i], spans[:i]
        if here is None or here[0] is None or any(s is None for s in earlier):
            continue  # dates without a real year: SC-E4-018 says this check could not run
        before = max(s[1] for s in earlier if s is not None)
        start = here[0]
        if start > _next_month(before):
            field = "dates" if plan.phases[i].dates is not None else "start"
            yield Hit(
                f"work_plan.phases[{i}].{field}",
                f"previous phases end {before}, this starts {start}",
            )


@rule(
    "SC-E4-005",
    E,
    "工作目标没有量化指标",
    "The plan's objectives have no quantified targets.",
    "AQ/T 9001 §4: targets",
)
def no_targets(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is not None and (plan.objectives is None or not plan.objectives.targets):
        yield Hit(TARGETS, "no quantified target")


def _targets(ctx: Context) -> list[QuantTarget]:
    plan = ctx.dossier.work_plan
    return [] if plan is None or plan.objectives is None else list(plan.objectives.targets)


@rule(
    "SC-E4-006",
    W,
    "量化指标没有基线值",
    "A quantified target has no baseline.",
    "AQ/T 9001 §4: measurable targets",
)
def no_baseline(ctx: Context) -> Iterator[Hit]:
    for i, t in enumerate(_targets(ctx)):
        if t.baseline is None:
            yield Hit(f"{TARGETS}[{i}].baseline", t.indicator)


def unit_bug(
    indicator: str,
    direction: TargetDirection,
    unit: str,
    baseline: object,
    baseline_unit: str | None,
) -> bool:
    """A relative (下降/提高 x %) target whose baseline would print with the target's %."""
    return (
        baseline is not None
        and baseline_unit is None
        and direction in RELATIVE
        and unit.strip() == "%"
        and not is_rate(indicator)
    )


@rule(
    "SC-E4-007",
    E,
    "基线值套用了目标的单位",
    "The baseline takes the target's unit: a relative target "
    "in % with a baseline that is a count (give baseline_unit).",
    "AQ/T 9001 §4; card rule",
)
def plan_unit_bug(ctx: Context) -> Iterator[Hit]:
    for i, t in enumerate(_targets(ctx)):
        if unit_bug(t.indicator, t.direction, t.unit, t.baseline, t.baseline_unit):
            yield Hit(
                f"{TARGETS}[{i}].baseline",
                f"{t.indicator}: {t.direction.label}{t.value}{t.unit}, baseline {t.baseline} "
                f"would print as {t.baseline}%",
            )


@rule("SC-E4-008", E, "工作计划没有经费预算", "The plan has no budget.", "AQ/T 9001 §1: 资源保障")
def no_budget(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is not None and plan.budget is None:
        yield Hit("work_plan.budget", "no budget")


@rule(
    "SC-E4-009",
    E,
    "创建时间不足即申请评定",
    "The application comes too soon after the creation started (minimum by level).",
    "评定管理办法: 创建满半年（国家级一年）",
)
def too_soon(ctx: Context) -> Iterator[Hit]:
    app, community = ctx.dossier.application, ctx.dossier.community
    if app is None:
        return
    need = ctx.options.creation_months(community.target_level)
    have = months_between(community.creation_start, app.submitted_on)
    if have < need:
        yield Hit(
            "community.creation_start",
            f"creation started {community.creation_start}, application "
            f"{app.submitted_on}: {have} months, {need} needed for {community.target_level.label}"
            + (f" (pack {ctx.options.pack})" if ctx.options.pack else ""),
        )


@rule(
    "SC-E4-010",
    E,
    "计划引用了成文之后才有的基线数据",
    "The plan quotes a baseline from a survey or year after the plan's own date.",
    "AQ/T 9001 §4; 档案真实性",
)
def baseline_after_plan(ctx: Context) -> Iterator[Hit]:
    plan, diagnosis = ctx.dossier.work_plan, ctx.dossier.diagnosis
    if plan is None:
        return
    for i, t in enumerate(_targets(ctx)):
        if t.baseline is None:
            continue
        if plan.issue_date is None:
            return  # an undated plan: nothing to compare with
        if t.baseline_year is not None and date(t.baseline_year, 1, 1) > plan.issue_date:
            yield Hit(
                f"{TARGETS}[{i}].baseline",
                f"baseline year {t.baseline_year}, plan dated {plan.issue_date}",
            )
            continue
        for survey in diagnosis.surveys if diagnosis else []:
            if survey.conducted is None or survey.conducted <= plan.issue_date:
                continue
            for result in survey.results:
                same = result.indicator in t.indicator or t.indicator in result.indicator
                if same and result.value == t.baseline:
                    yield Hit(
                        f"{TARGETS}[{i}].baseline",
                        f"baseline {t.baseline} is the result of {survey.name} held "
                        f"{survey.conducted}; plan dated {plan.issue_date}",
                    )
                    break


@rule(
    "SC-E4-011",
    E,
    "计划标题中的年份与计划期不符",
    "The period in the plan's title differs from its period_start/period_end.",
    "one set of dates across documents",
)
def plan_title_period(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is None or plan.period_start is None or plan.period_end is None:
        return
    for match in YEAR_RANGE.finditer(plan.title):
        if (match.group(1), match.group(2)) != (plan.period_start[:4], plan.period_end[:4]):
            yield Hit(
                "work_plan.title",
                f"title says {match.group(0)}, period {plan.period_start} to {plan.period_end}",
            )


@rule(
    "SC-E4-012",
    E,
    "申请日期早于计划的申报阶段",
    "The application is dated before the plan's own application phase.",
    "工作步骤及时间安排",
)
def before_application_phase(ctx: Context) -> Iterator[Hit]:
    plan, app = ctx.dossier.work_plan, ctx.dossier.application
    if plan is None or app is None:
        return
    found = application_phase(plan)
    span = found[1].months() if found is not None else None
    if found is None or span is None or span[0] is None:
        return
    if month(app.submitted_on) < span[0]:
        yield Hit(
            "application.submitted_on",
            f"application {app.submitted_on}, phase '{found[1].name}' starts {span[0]}",
        )
