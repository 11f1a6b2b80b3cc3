"""创建成效 as text and one table: the injury trend, every target's baseline, result and whether
it is met, each project's outcome (the work report's section, the self-assessment's paragraph)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..analysis.outcomes import Outcomes, TargetOutcome
from ..analysis.rounding import change_percent
from ..models.diagnosis import Survey
from ..models.dossier import Dossier
from ..models.project import PromotionProject
from .builder import BlockBuilder
from .document import TableView
from .effects import effects_sentence, write_effects
from .format import fmt_date, fmt_month, fmt_number, fmt_plain, fmt_rate
from .work_report_facts import amount

NONE = "—"
NO_MEASURE = "未设定衡量方式"
MET, NOT_MET, NO_DATA = "已达到", "未达到", "暂无数据"


def value_text(value: Decimal, unit: str) -> str:
    """A baseline or result with its unit: 47例, 63.5%, 1.89‰."""
    return f"{fmt_rate(value) if unit == '‰' else fmt_plain(value)}{unit}"


def target_text(t: TargetOutcome) -> str:
    """The target as set: 下降15%, 不高于0起."""
    return f"{t.direction.label}{fmt_plain(t.value)}{t.unit}"


def verdict(t: TargetOutcome) -> str:
    """已达到, 未达到 or 暂无数据."""
    return NO_DATA if t.met is None else MET if t.met else NOT_MET


def _change(change: Decimal) -> str:
    if change == 0:
        return "持平"
    return f"{'下降' if change < 0 else '上升'}{fmt_number(abs(change), 1)}%"


def _reason(t: TargetOutcome) -> str:
    if t.reason == NO_MEASURE:
        return "没有可据以计算的监测、调查或台账数据"
    return t.reason or ""


def target_sentence(t: TargetOutcome) -> str:
    """One target in a sentence with its numbers, ending in 。."""
    aim = f"目标为{target_text(t)}"
    if t.met is None:
        known = ""
        if t.baseline is not None:
            known = f"，{t.baseline_label or '基线'}为{value_text(t.baseline, t.value_unit)}"
        return f"{t.indicator}（{aim}{known}）：{_reason(t)}，本报告不作评价。"
    assert t.result is not None
    where = f"据{t.result_label}，" if t.source == "reported" else ""
    result = f"{t.result_label}为" if t.source != "reported" else "结果为"
    parts = []
    if t.baseline is not None:
        label = t.baseline_label or "基线"
        parts.append(f"{label}为{value_text(t.baseline, t.value_unit)}")
    parts.append(f"{result}{value_text(t.result, t.value_unit)}")
    if t.change is not None:
        parts.append(_change(t.change))
    if t.met:
        tail = "已达到目标"
    else:
        tail = "尚未达到目标"
        if t.deadline:
            tail += f"（完成期限为{fmt_month(t.deadline)}）"
    return f"{t.indicator}：{where}{'，'.join(parts)}，{aim}，{tail}。"


def _counts(numbers: Sequence[str]) -> str:
    if len(numbers) == 1:
        return numbers[0]
    return "、".join(numbers[:-1]) + "和" + numbers[-1]


def trend_paragraphs(outcomes: Outcomes, name: str) -> list[str]:
    """The injury trend by year (cases and rates) and by leading cause, as paragraphs."""
    years = outcomes.years
    if not years:
        return [f"{name}尚无伤害监测记录，无法比较创建前后的伤害发生情况。"]
    span = f"{years[0].year}—{years[-1].year}年" if len(years) > 1 else f"{years[0].year}年"
    text = f"伤害监测显示，{span}辖区伤害病例分别为{_counts([f'{y.count}例' for y in years])}"
    rates = [y.rate for y in years]
    if all(r is not None for r in rates):
        text += f"，按常住人口计算的伤害发生率分别为{_counts([f'{fmt_rate(r)}‰' for r in rates if r is not None])}"
    if outcomes.compare is None:
        return [text + "。"]
    before, after = outcomes.compare
    count = {y.year: y.count for y in years}
    diff = count[after] - count[before]
    change = change_percent(count[after], count[before])
    text += f"。{after}年与创建前的{before}年相比，伤害病例{'减少' if diff <= 0 else '增加'}{abs(diff)}例"
    if change is not None:
        text += f"，{_change(change)}"
    out = [text + "。"]
    index = [y.year for y in years]
    parts = []
    for trend in outcomes.causes:
        b, a = trend.counts[index.index(before)], trend.counts[index.index(after)]
        c = change_percent(a, b)
        parts.append(
            f"{trend.cause.label}由{b}例变为{a}例" + (f"（{_change(c)}）" if c is not None else "")
        )
    if parts:
        out.append(f"从主要伤害原因看，{after}年与{before}年相比，" + "；".join(parts) + "。")
    return out


def surveys_paragraph(surveys: Sequence[Survey]) -> str:
    """The evaluation surveys: name, method, date, sample and every result ('' without any)."""
    if not surveys:
        return ""
    parts = []
    for survey in surveys:
        details = [survey.method]
        if survey.conducted is not None:
            details.append(fmt_date(survey.conducted))
        details.append(f"样本量{fmt_number(survey.sample_size)}")
        if survey.valid_responses is not None:
            details.append(f"有效样本{fmt_number(survey.valid_responses)}")
        results = "；".join(
            r.indicator + (f"（{r.group}）" if r.group else "") + f"为{fmt_plain(r.value)}{r.unit}"
            for r in survey.results
        )
        part = f"{survey.name}（{'，'.join(details)}）"
        parts.append(part + (f"结果显示：{results}" if results else ""))
    return f"效果评估开展了{len(surveys)}项调查：" + "。".join(parts) + "。"


def summary_sentence(outcomes: Outcomes, name: str) -> str:
    """How many targets are met, not met and not computable, plan and projects together."""
    every = [*outcomes.plan, *(t for p in outcomes.projects for t in p.targets)]
    if not every:
        return f"{name}的工作计划和安全促进项目未设定量化目标。"
    met = sum(1 for t in every if t.met)
    missed = sum(1 for t in every if t.met is False)
    open_ = len(every) - met - missed
    text = (
        f"工作计划和{len(outcomes.projects)}个安全促进项目共设定量化目标{len(every)}项，"
        f"其中可由监测记录、调查或台账计算的{met + missed}项，已达到{met}项、尚未达到{missed}项"
    )
    if open_:
        text += f"；另有{open_}项没有可据以计算的数据，不作评价"
    return text + "。"


def _same(t: TargetOutcome) -> tuple[object, ...]:
    """What makes a project's target the same as a plan target: indicator, aim and numbers."""
    return (t.indicator, t.direction, t.value, t.unit, t.baseline, t.result, t.met)


def outcomes_table(outcomes: Outcomes) -> TableView:
    """The plan's targets, then every project's measured targets that do not repeat a plan
    target (same indicator, aim and numbers): 目标, 基线, 结果, 完成情况."""
    planned = {_same(t) for t in outcomes.plan}
    shown = [
        *outcomes.plan,
        *(
            t
            for p in outcomes.projects
            for t in p.targets
            if t.met is not None and _same(t) not in planned
        ),
    ]
    rows = []
    for n, t in enumerate(shown, start=1):
        owner = "" if t.owner == "工作计划" else f"（{t.owner}）"
        baseline = NONE
        if t.baseline is not None:
            baseline = value_text(t.baseline, t.value_unit)
            if t.baseline_label and t.source == "records":
                baseline = f"{baseline}（{t.baseline_label}）"
        result = NONE
        if t.result is not None:
            result = value_text(t.result, t.value_unit)
            if t.result_label and t.source == "records":
                result = f"{result}（{t.result_label}）"
            if t.change is not None:
                result += f"\n{_change(t.change)}"
        rows.append((str(n), t.indicator + owner, target_text(t), baseline, result, verdict(t)))
    return TableView(
        columns=("序号", "指标", "目标", "基线", "结果", "完成情况"),
        rows=tuple(rows),
        align=("center", "left", "center", "center", "center", "center"),
    )


def project_quantities(project: PromotionProject) -> str:
    """场次, 人次 and 投入 of a project's measures, as one clause ('' when none is given)."""
    measures = project.measures
    parts = []
    sessions = [m.sessions for m in measures if m.sessions is not None]
    people = [m.participants for m in measures if m.participants is not None]
    spent = [m.spent for m in measures if m.spent is not None]
    if sessions:
        parts.append(f"开展活动{fmt_number(sum(sessions))}场次")
    if people:
        parts.append(f"参与和受益{fmt_number(sum(people))}人次")
    if spent:
        parts.append(f"实际投入{amount(sum(spent, Decimal(0)))}")
    return "，".join(parts)


def write_results(b: BlockBuilder, outcomes: Outcomes, dossier: Dossier) -> None:
    """The work report's 创建成效: trend, targets with one table, each project's outcome."""
    name = dossier.community.name
    b.h1("创建成效")
    b.h2("伤害发生情况变化")
    b.paragraphs(trend_paragraphs(outcomes, name))
    b.h2("量化目标完成情况")
    b.p(summary_sentence(outcomes, name))
    if outcomes.plan:
        b.p(f"工作计划确定的{len(outcomes.plan)}项量化指标完成情况如下：")
        b.paragraphs([target_sentence(t) for t in outcomes.plan])
    if outcomes.plan or outcomes.measured:
        b.p(f"各项量化目标的基线、结果和完成情况见表{b.next_table}。")
        b.table("量化目标完成情况", outcomes_table(outcomes))
    if outcomes.projects:
        b.h2("安全促进项目成效")
        written = {target_sentence(t) for t in outcomes.plan}
        for project, result in zip(dossier.projects, outcomes.projects, strict=True):
            b.p(_project_text(project, result.targets, written))
    write_effects(b, outcomes)


def _project_text(
    project: PromotionProject, targets: Sequence[TargetOutcome], written: set[str]
) -> str:
    text = f"{project.title}设定目标{len(targets)}项"
    quantities = project_quantities(project)
    if quantities:
        text += f"，{quantities}"
    measured = [t for t in targets if t.met is not None]
    open_ = [t for t in targets if t.met is None]
    if measured:
        met = sum(1 for t in measured if t.met)
        missed = len(measured) - met
        if not missed:
            text += f"。{'各项目标均' if not open_ else f'其中{met}项'}已达到"
        elif not met:
            text += f"。{'各项目标均' if not open_ else f'其中{missed}项'}尚未达到"
        else:
            text += f"。已达到{met}项、尚未达到{missed}项"
        if open_:
            text += (
                f"，另有{len(open_)}项暂无可计算的数据（{'、'.join(t.indicator for t in open_)}）"
            )
    else:
        text += f"，各项目标暂无可计算的数据（{'、'.join(t.indicator for t in open_)}）"
    text += "。"
    for t in measured:
        line = target_sentence(t)
        text += f"{t.indicator}的完成情况见工作计划指标。" if line in written else line
        written.add(line)
    return text + effects_sentence(measured)
