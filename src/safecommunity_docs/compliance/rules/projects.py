"""Rules on the safety promotion projects: headings, targets, schedule, coverage (element 5)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.baselines import effective_baseline, project_baselines, record_baseline
from ...models.common import TargetDirection
from ..context import Context
from ..findings import Severity
from ..indicators import indicator_filter
from ..rule import Hit, rule
from .plan import unit_bug
from .plan_projects import named_in
from .records import CARD_SOURCE

E, W = Severity.ERROR, Severity.WARNING
OWNER_SPLIT = re.compile(r"[、，,；;和及]")
GROUP_WORDS = {"老年人": ("老年", "老人"), "儿童": ("儿童", "幼儿", "学生", "少年")}


@rule(
    "SC-E5-001",
    E,
    "没有安全促进项目",
    "The dossier has no safety promotion projects.",
    "AQ/T 9001 §5 安全促进项目",
)
def no_projects(ctx: Context) -> Iterator[Hit]:
    if not ctx.dossier.projects:
        yield Hit("projects", "no projects/*.yaml")


@rule(
    "SC-E5-002",
    E,
    "项目方案缺少资源配置",
    "A project plan's 资源配置 heading is empty.",
    "项目方案八项内容: 资源配置",
)
def no_resources(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.dossier.projects):
        r = p.resources
        if not (r.personnel or r.materials or r.budget):
            yield Hit(f"projects[{i}].resources", p.title)


@rule(
    "SC-E5-003",
    E,
    "项目方案缺少时间进度表",
    "A project plan's 时间进度表 heading is empty.",
    "项目方案八项内容: 时间进度表",
)
def no_schedule(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.dossier.projects):
        if not p.schedule:
            yield Hit(f"projects[{i}].schedule", p.title)


@rule(
    "SC-E5-004",
    W,
    "项目目标没有基线值",
    "A project target has no baseline (neither given nor counted from the records).",
    "AQ/T 9001 §5: SMART targets",
)
def no_baseline(ctx: Context) -> Iterator[Hit]:
    records = ctx.dossier.injury_records
    for i, p in enumerate(ctx.dossier.projects):
        for j, t in enumerate(p.targets):
            if t.baseline is None and record_baseline(t, records) is None:
                yield Hit(f"projects[{i}].targets[{j}].baseline", t.indicator)


@rule(
    "SC-E5-005",
    E,
    "项目目标的基线值套用了目标的单位",
    "A project's baseline takes the target's unit: "
    "a relative target in % with a baseline that is a count (give baseline_unit).",
    "AQ/T 9001 §5; card rule",
)
def project_unit_bug(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.dossier.projects):
        for j, t in enumerate(p.targets):
            if unit_bug(t.indicator, t.direction, t.unit, t.baseline, t.baseline_unit):
                yield Hit(
                    f"projects[{i}].targets[{j}].baseline",
                    f"{t.indicator}: {t.direction.label}{t.target}{t.unit}, baseline "
                    f"{t.baseline} would print as {t.baseline}%",
                )


@rule(
    "SC-E5-006",
    W,
    "项目目标没有对应的验证方法",
    "A project target has no evaluation naming its indicator.",
    "项目方案: 验证方法及标准",
)
def target_not_evaluated(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.dossier.projects):
        text = "\n".join(f"{e.indicator} {e.method} {e.standard}" for e in p.evaluation)
        for j, t in enumerate(p.targets):
            if not named_in(t.indicator, text) and not any(
                named_in(e.indicator, t.indicator) for e in p.evaluation
            ):
                yield Hit(f"projects[{i}].targets[{j}].indicator", t.indicator)


@rule(
    "SC-E5-007",
    E,
    "项目期不在创建计划期内",
    "A project runs outside the plan period.",
    "工作计划 计划期; 项目 时间进度表",
)
def outside_plan(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is None or plan.period_start is None or plan.period_end is None:
        return
    for i, p in enumerate(ctx.dossier.projects):
        if p.start < plan.period_start:
            yield Hit(f"projects[{i}].start", f"{p.start}, plan starts {plan.period_start}")
        if p.end > plan.period_end:
            yield Hit(f"projects[{i}].end", f"{p.end}, plan ends {plan.period_end}")


@rule(
    "SC-E5-008",
    E,
    "项目引用的伤害数据与监测记录不符",
    "A project's baseline count of injuries or "
    "deaths differs from the injury records of that year.",
    "one set of numbers; 伤害监测记录",
)
def baseline_vs_records(ctx: Context) -> Iterator[Hit]:
    records = ctx.dossier.injury_records
    if not records:
        return
    for i, p in enumerate(ctx.dossier.projects):
        for j, t in enumerate(p.targets):
            if t.baseline is None or t.baseline_year is None:
                continue
            counted = record_baseline(t, records)
            if counted is not None:  # the target says which records it counts
                if counted.value != t.baseline:
                    yield Hit(
                        f"projects[{i}].targets[{j}].baseline",
                        f"{t.indicator} {t.baseline_year}: states {t.baseline}, records give "
                        f"{counted.value}",
                    )
                continue
            if t.counts is not None or (
                t.data_source is not None and not any(w in t.data_source for w in CARD_SOURCE)
            ):
                continue
            test = indicator_filter(t.indicator)
            if test is None or (t.baseline_unit or t.unit) == "%":
                continue
            n = sum(1 for r in records if r.injury_time.year == t.baseline_year and test(r))
            if n != t.baseline:
                yield Hit(
                    f"projects[{i}].targets[{j}].baseline",
                    f"{t.indicator} {t.baseline_year}: states {t.baseline}, records give {n}",
                )


@rule(
    "SC-E5-009",
    E,
    "安全促进项目覆盖的领域不足",
    "The projects cover fewer areas than required.",
    "AQ/T 9001 §5; DB51/T 1795-2025: ≥ 5 key project areas",
)
def few_areas(ctx: Context) -> Iterator[Hit]:
    areas = {p.area for p in ctx.dossier.projects}
    if ctx.dossier.projects and len(areas) < ctx.options.min_project_areas:
        yield Hit(
            "projects",
            f"{len(areas)} areas ({', '.join(a.label for a in areas)}), "
            f"at least {ctx.options.min_project_areas} expected{_by_pack(ctx)}",
        )


def _by_pack(ctx: Context) -> str:
    """「 (pack sichuan-township)」: which jurisdiction pack set the threshold."""
    return f" (pack {ctx.options.pack})" if ctx.options.pack else ""


@rule(
    "SC-E5-014",
    E,
    "缺少评定方案要求的项目领域",
    "An area the jurisdiction pack requires has no project.",
    "评定方案 project_areas.named",
)
def named_areas(ctx: Context) -> Iterator[Hit]:
    if not ctx.dossier.projects:
        return
    covered = {p.area for p in ctx.dossier.projects}
    for area in ctx.options.required_project_areas:
        if area not in covered:
            yield Hit("projects", f"no project in {area.label}{_by_pack(ctx)}")


@rule(
    "SC-E5-010",
    E,
    "缺少面向重点人群的项目",
    "No project serves a group that needs one of its own (older people, children).",
    "AQ/T 9001 §5: projects for vulnerable groups",
)
def group_projects(ctx: Context) -> Iterator[Hit]:
    if not ctx.dossier.projects:
        return
    for group in ctx.options.required_project_groups:
        words = GROUP_WORDS.get(group, (group,))
        served = any(
            p.area.label == group or any(w in t.name for t in p.target_groups for w in words)
            for p in ctx.dossier.projects
        )
        if not served:
            yield Hit("projects", f"no project for {group}")


@rule(
    "SC-E5-011",
    W,
    "项目措施类型单一",
    "A project's measures are all of one type.",
    "项目方案 形式及方法: 政策、管理、服务、宣传、环境、设施、产品",
)
def single_type(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.dossier.projects):
        types = {m.type for m in p.measures}
        if len(types) == 1:
            yield Hit(f"projects[{i}].measures", f"{p.title}: only {next(iter(types)).label}")


@rule(
    "SC-E5-012",
    W,
    "措施责任单位未列入项目职责",
    "A measure's owner is not among the units of the project's 职责.",
    "项目方案: 职责",
)
def owner_in_duties(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    known: list[str] = []
    if plan is not None:
        known.append(plan.issuing_body)
        if plan.organisation is not None:
            org = plan.organisation
            known += [org.committee.name, *(g.name for g in org.working_groups)]
            known += [org.office.name] if org.office is not None else []
    for i, p in enumerate(ctx.dossier.projects):
        units = [r.unit for r in p.responsibilities] + known
        for j, m in enumerate(p.measures):
            parts = [part for part in OWNER_SPLIT.split(m.owner) if part]
            missing = [part for part in parts if not any(u in part or part in u for u in units)]
            if missing:
                yield Hit(f"projects[{i}].measures[{j}].owner", "、".join(missing))


@rule(
    "SC-E5-013",
    W,
    "项目目标与基线值相同",
    "A project target equals its baseline (e.g. 0起 → 不高于0起), or a relative target "
    "changes nothing: the project promises no improvement.",
    "AQ/T 9001 §5: SMART targets",
)
def target_is_baseline(ctx: Context) -> Iterator[Hit]:
    counted = project_baselines(ctx.dossier.projects, ctx.dossier.injury_records)
    for i, p in enumerate(ctx.dossier.projects):
        for j, t in enumerate(p.targets):
            if t.direction in (TargetDirection.REDUCE_BY, TargetDirection.INCREASE_BY):
                if t.target == 0:
                    yield Hit(
                        f"projects[{i}].targets[{j}].target",
                        f"{t.indicator}: {t.direction.label}0{t.unit}",
                    )
                continue
            found = effective_baseline(t, counted[p.id][j])
            if found is not None and found[1] == t.unit and found[0] == t.target:
                yield Hit(
                    f"projects[{i}].targets[{j}].target",
                    f"{t.indicator}: baseline {found[0]}{t.unit}, target "
                    f"{t.direction.label}{t.target}{t.unit}",
                )
