"""干预效果评价: the rate ratio of each target counted from the records (result year against
baseline year) with its 95 % confidence interval, read in plain words (the work report's
创建成效 and each project's outcome)."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.effect import RateRatio
from ..analysis.outcomes import Outcomes, TargetOutcome
from ..codes.ranges import RANGE_DASH
from .builder import BlockBuilder
from .document import TableView
from .format import fmt_number

SIGNIFICANT = "下降有统计学意义"
RISE = "上升有统计学意义"
UNCERTAIN = "变化无统计学意义"
SHORT = {SIGNIFICANT: "显著下降", RISE: "显著上升", UNCERTAIN: "无显著变化"}
"""The table's word for each reading."""


def _interval(effect: RateRatio) -> str:
    return f"{fmt_number(effect.low, 2)}{RANGE_DASH}{fmt_number(effect.high, 2)}"


def ratio_text(effect: RateRatio) -> str:
    """「0.79（95%置信区间0.51—1.21）」."""
    return f"{fmt_number(effect.ratio, 2)}（95%置信区间{_interval(effect)}）"


def reading(effect: RateRatio) -> str:
    """What the interval supports: a fall, a rise, or no change beyond chance."""
    if not effect.significant:
        return UNCERTAIN
    return SIGNIFICANT if effect.ratio < 1 else RISE


def evaluated(outcomes: Outcomes) -> list[TargetOutcome]:
    """Every target with a rate ratio, plan targets first, a project target that repeats one
    already listed (same indicator and counts) left out."""
    seen: set[tuple[object, ...]] = set()
    found: list[TargetOutcome] = []
    every = (*outcomes.plan, *(t for p in outcomes.projects for t in p.targets))
    for t in every:
        if t.effect is None:
            continue
        e = t.effect
        key = (e.baseline_count, e.followup_count, e.baseline_person_years, t.baseline_label)
        if key not in seen:
            seen.add(key)
            found.append(t)
    return found


def effect_table(targets: Sequence[TargetOutcome]) -> TableView:
    """指标, the two years' cases, 率比, 95%置信区间, 评价: one row per evaluated target; the
    years head their columns when every row compares the same two years."""
    years = {(t.baseline_label, t.result_label) for t in targets}
    shared = len(years) == 1
    rows = []
    for n, t in enumerate(targets, start=1):
        e = t.effect
        assert e is not None
        before, after = str(e.baseline_count), str(e.followup_count)
        if not shared:
            before, after = f"{before}（{t.baseline_label}）", f"{after}（{t.result_label}）"
        rows.append(
            (
                str(n),
                t.indicator,
                before,
                after,
                fmt_number(e.ratio, 2),
                _interval(e),
                SHORT[reading(e)],
            )
        )
    first, last = next(iter(years)) if shared else (None, None)
    heads = (f"{first}例数", f"{last}例数") if shared else ("基线例数", "结果例数")
    return TableView(
        columns=("序号", "指标", *heads, "率比", "95%置信区间", "评价"),
        rows=tuple(rows),
        align=("center", "left", "center", "center", "center", "center", "center"),
    )


def _summary(targets: Sequence[TargetOutcome]) -> str:
    falls = sum(1 for t in targets if t.effect and t.effect.significant and t.effect.ratio < 1)
    rises = sum(1 for t in targets if t.effect and t.effect.significant and t.effect.ratio > 1)
    rest = len(targets) - falls - rises
    parts = []
    if falls:
        parts.append(f"{falls}项的置信区间上限低于1，伤害发生率的下降有统计学意义")
    if rises:
        parts.append(f"{rises}项的置信区间下限高于1，发生率上升，须查明原因")
    if rest:
        which = f"其余{rest}项" if parts else ("该项" if rest == 1 else "各项")
        parts.append(
            f"{which}的置信区间{'' if parts or rest == 1 else '均'}包含1，病例数较少，"
            "变化尚不能排除随机波动，须继续监测"
        )
    return "；".join(parts) + "。"


def write_effects(b: BlockBuilder, outcomes: Outcomes) -> None:
    """The 干预效果评价 subsection: method, one table, what the intervals support; nothing
    when no target is counted from the records with a baseline year."""
    targets = evaluated(outcomes)
    if not targets:
        return
    corrected = any(t.effect is not None and t.effect.corrected for t in targets)
    b.h2("干预效果评价")
    method = (
        f"对以伤害监测记录计数、设有基线年份的{len(targets)}项指标，按结果年份与基线年份的"
        "伤害发生率之比（率比）及其95%置信区间评价干预效果，两年均以同一常住人口计"
    )
    if corrected:
        method += "，例数为0时两年各加0.5计算"
    b.p(f"{method}（见表{b.next_table}）。{_summary(targets)}")
    b.table("干预效果评价", effect_table(targets))


def effects_sentence(targets: Sequence[TargetOutcome]) -> str:
    """A project's targets with a rate ratio in one sentence: 「按发生率比评价，率比为0.79
    （95%置信区间0.51—1.21），变化无统计学意义。」 ('' when none has one); each named by its
    indicator when there are several."""
    rated = [t for t in targets if t.effect is not None]
    clauses = []
    for t in rated:
        assert t.effect is not None
        name = t.indicator if len(rated) > 1 else ""
        clauses.append(f"{name}率比为{ratio_text(t.effect)}，{reading(t.effect)}")
    return f"按发生率比评价，{'；'.join(clauses)}。" if clauses else ""


__all__ = [
    "effect_table",
    "effects_sentence",
    "evaluated",
    "ratio_text",
    "reading",
    "write_effects",
]
