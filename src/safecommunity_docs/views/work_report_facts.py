"""The facts the work report states element by element, taken only from the dossier's data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from ..codes import CommunityType, HazardLevel, MeasureStatus, MeasureType
from ..models.common import Person, QuantTarget
from ..models.dossier import Dossier
from ..models.organisation import Organisation
from ..models.project import PromotionProject
from ..models.rubric import FactKey, RubricElement
from .builder import SENTENCE_END, BlockBuilder, sentence
from .document import TableView
from .format import (
    fmt_amount,
    fmt_date,
    fmt_date_range,
    fmt_month,
    fmt_month_range,
    fmt_number,
    fmt_value,
)
from .numbering import point_prefix

NONE = "—"
SUB_UNIT_LABELS = {
    CommunityType.STREET: "社区",
    CommunityType.TOWNSHIP: "村（社区）",
    CommunityType.PARK: "片区（社区、村）",
    CommunityType.ENTERPRISE: "基层单元",
}
STATUS_LABELS = {
    MeasureStatus.DONE: "已完成",
    MeasureStatus.ONGOING: "实施中",
    MeasureStatus.PLANNED: "待实施",
}
EMERGENCY_WORDS = ("预案", "演练", "应急救援", "疏散")
"""A measure whose content names one of these is reported under the emergency element."""


def joined(texts: Sequence[str], last: str = "。") -> str:
    """Texts as one list: each ends in ；(or ``last``) unless it already ends a sentence."""
    out = []
    for n, text in enumerate(texts, start=1):
        end = last if n == len(texts) else "；"
        out.append(text if text.endswith(SENTENCE_END) else text + end)
    return "".join(out)


def list_points(b: BlockBuilder, texts: Sequence[str], style: str = "1.") -> None:
    """Add numbered list items ending in ；, the last in 。 (unless one already ends a sentence)."""
    for n, text in enumerate(texts, start=1):
        end = "。" if n == len(texts) else "；"
        b.p(point_prefix(style, n) + (text if text.endswith(SENTENCE_END) else text + end))


def _person(person: Person) -> str:
    return person.name + (f"（{person.position}）" if person.position else "")


def _organisation(b: BlockBuilder, dossier: Dossier) -> None:
    plan = dossier.work_plan
    if plan is None or plan.organisation is None:
        return
    org: Organisation = plan.organisation
    committee = org.committee
    role = "组长" if "小组" in committee.name else "主任"
    director = committee.director
    text = f"{dossier.community.name}成立了{committee.name}，由"
    text += f"{director.position}{director.name}" if director.position else director.name
    text += f"任{role}"
    if committee.deputy_directors:
        text += f"，副{role}{len(committee.deputy_directors)}人"
    if committee.members:
        units = list(dict.fromkeys(m.unit for m in committee.members if m.unit))
        text += f"，成员{len(committee.members)}人"
        if units:
            text += f"，来自{len(units)}个成员单位"
    text += "。"
    if org.office is not None:
        where = f"，设在{org.office.location}" if org.office.location else ""
        text += f"委员会下设{org.office.name}{where}，负责日常工作。"
    groups = org.working_groups
    if groups:
        text += f"按领域设立{len(groups)}个工作组：{'、'.join(g.name for g in groups)}。"
    b.p(text)
    if committee.meeting_rule:
        b.p(f"会议制度：{sentence(committee.meeting_rule)}")
    if groups:
        rows = tuple(
            (str(n), g.name, g.lead_unit or NONE, _person(g.leader) if g.leader else NONE)
            for n, g in enumerate(groups, start=1)
        )
        b.p(f"各工作组设置见表{b.next_table}。")
        b.table(
            "安全社区创建工作组设置",
            TableView(
                columns=("序号", "工作组", "牵头单位", "组长"),
                rows=rows,
                align=("center", "left", "left", "left"),
            ),
        )


def _diagnosis(b: BlockBuilder, dossier: Dossier) -> None:
    report = dossier.diagnosis
    if report is None:
        return
    b.p(
        f"{report.author}于{fmt_date(report.report_date)}编制完成《{report.title}》，"
        f"诊断所用伤害数据的时间范围为{fmt_date_range(report.data_start, report.data_end)}。"
    )
    units = report.hazard_units
    if units:
        hazards = [h for unit in units for h in unit.hazards]
        levels = [
            f"{level.label}{sum(1 for h in hazards if h.level is level)}处"
            for level in HazardLevel
            if any(h.level is level for h in hazards)
        ]
        rectified = sum(1 for h in hazards if h.rectified)
        b.p(
            f"按{'、'.join(u.unit for u in units)}{len(units)}个辨识单元开展危险源辨识和隐患排查，"
            f"共辨识危险源和隐患{len(hazards)}处（{'、'.join(levels)}），已整改{rectified}处。"
        )
    if report.surveys:
        parts = []
        for survey in report.surveys:
            details = [survey.method]
            if survey.conducted is not None:
                details.append(fmt_date(survey.conducted))
            details.append(f"样本量{fmt_number(survey.sample_size)}")
            if survey.valid_responses is not None:
                details.append(f"有效样本{fmt_number(survey.valid_responses)}")
            parts.append(f"{survey.name}（{'，'.join(details)}）")
        b.p(f"开展了{len(parts)}项调查：{'；'.join(parts)}。")


def _target(target: QuantTarget) -> str:
    notes = []
    if target.group:
        notes.append(f"目标人群：{target.group}")
    if target.baseline is not None:
        year = f"（{target.baseline_year}年）" if target.baseline_year else ""
        notes.append(f"基线{fmt_value(target.baseline, target.unit)}{year}")
    if target.deadline:
        notes.append(f"{fmt_month(target.deadline)}前完成")
    note = f"（{'，'.join(notes)}）" if notes else ""
    return f"{target.indicator}{target.direction.label}{fmt_value(target.value, target.unit)}{note}"


def amount(value: Decimal) -> str:
    """Amounts in 万元 where that is exact to the cent of 万 (100元), else in 元."""
    return fmt_amount(value, "wan" if value >= 10000 and value % 100 == 0 else "yuan")


def _plan(b: BlockBuilder, dossier: Dossier) -> None:
    plan = dossier.work_plan
    if plan is None:
        return
    issued = f"于{fmt_date(plan.issue_date)}" if plan.issue_date is not None else ""
    text = f"{plan.issuing_body}{issued}印发《{plan.title}》"
    if plan.period_start is not None and plan.period_end is not None:
        text += f"，计划期为{fmt_month_range(plan.period_start, plan.period_end)}"
    if plan.phases:
        text += f"，分{len(plan.phases)}个阶段推进"
    text += "。"
    if plan.budget is not None:
        text += f"创建工作经费预算{amount(plan.budget.computed_total)}。"
    b.p(text)
    objectives = plan.objectives
    if objectives is None:
        return
    if objectives.statements:
        b.p("计划确定的工作目标如下：")
        list_points(b, objectives.statements, "（1）")
    if objectives.targets:
        b.p(
            f"计划确定了{len(objectives.targets)}项量化指标："
            + joined([_target(t) for t in objectives.targets])
        )


def _projects(b: BlockBuilder, dossier: Dossier) -> None:
    projects = dossier.projects
    if not projects:
        return
    areas = list(dict.fromkeys(p.area.label for p in projects))
    key = [p for p in projects if p.key_project]
    other = [p for p in projects if not p.key_project]
    text = f"共策划实施安全促进项目{len(projects)}个，涉及{'、'.join(areas)}{len(areas)}个领域"
    if key:
        text += f"，其中重点项目{len(key)}个（{'、'.join(p.title for p in key)}）"
        if other:
            text += f"，一般项目{len(other)}个（{'、'.join(p.title for p in other)}）"
    text += "。"
    measures = [m for p in projects for m in p.measures]
    types = [t.label for t in MeasureType if any(m.type is t for m in measures)]
    text += f"各项目共安排干预措施{len(measures)}项，涵盖{'、'.join(types)}{len(types)}类措施"
    states = [
        f"{label}{sum(1 for m in measures if m.status is status)}项"
        for status, label in STATUS_LABELS.items()
        if any(m.status is status for m in measures)
    ]
    text += f"，其中{'、'.join(states)}。"
    total = sum((p.resources.total for p in projects), Decimal(0))
    if total:
        text += f"项目经费预算合计{amount(total)}"
        key_total = sum((p.resources.total for p in key), Decimal(0))
        if key and key_total != total:
            text += f"，其中重点项目{amount(key_total)}"
        text += "。"
    b.p(text)
    b.p(f"各安全促进项目概况见表{b.next_table}。")
    b.table("安全促进项目一览", _projects_table(projects))


def _projects_table(projects: Sequence[PromotionProject]) -> TableView:
    amounts = [p.resources.total for p in projects]
    places = 0 if all(a == a.to_integral() for a in amounts) else 2
    rows = [
        (
            str(n),
            p.title,
            p.area.label,
            "重点" if p.key_project else "一般",
            p.lead_unit or NONE,
            fmt_month_range(p.start, p.end),
            fmt_number(p.resources.total, places) if p.resources.budget else NONE,
        )
        for n, p in enumerate(projects, start=1)
    ]
    rows.append(("合计", "", "", "", "", "", fmt_number(sum(amounts, Decimal(0)), places)))
    return TableView(
        columns=("序号", "项目名称", "领域", "类别", "实施部门", "实施时间", "经费（元）"),
        rows=tuple(rows),
        align=("center", "left", "center", "center", "left", "center", "right"),
        total_row=True,
    )


def _publicity(b: BlockBuilder, dossier: Dossier) -> None:
    measures = [
        (p, m) for p in dossier.projects for m in p.measures if m.type is MeasureType.PUBLICITY
    ]
    if measures:
        count = len({p.id for p, _ in measures})
        b.p(f"各安全促进项目共安排宣传教育类干预措施{len(measures)}项，分布在{count}个项目中。")
    surveys = dossier.diagnosis.surveys if dossier.diagnosis is not None else []
    for survey in surveys:
        if survey.kind != "知信行" or not survey.results:
            continue
        results = [
            f"{r.indicator}"
            + (f"（{r.group}）" if r.group else "")
            + f"为{fmt_value(r.value, r.unit)}"
            for r in survey.results
        ]
        b.p(f"{survey.name}结果显示：{'；'.join(results)}。")


def _emergency(b: BlockBuilder, dossier: Dossier) -> None:
    found = [
        (p, m)
        for p in dossier.projects
        for m in p.measures
        if any(word in m.content for word in EMERGENCY_WORDS)
    ]
    if not found:
        return
    b.p(f"安全促进项目中与应急预案、演练和疏散有关的措施有{len(found)}项：")
    list_points(b, [f"{p.title}（{m.owner}）：{m.content}" for p, m in found], "（1）")


def _records(b: BlockBuilder, dossier: Dossier) -> None:
    records = dossier.injury_records
    if not records:
        return
    days = [r.injury_time.date() for r in records]
    units = list(dict.fromkeys(r.reporting_unit for r in records if r.reporting_unit))
    text = ""
    if units:
        text += f"依托{'、'.join(units)}{len(units)}家填报单位开展伤害监测，"
    text += (
        f"{fmt_date_range(min(days), max(days))}共收集伤害监测报告卡{fmt_number(len(records))}份"
    )
    places = {r.sub_unit for r in records if r.sub_unit}
    if places:
        label = SUB_UNIT_LABELS[dossier.community.type]
        text += f"，涉及{len(places)}个{label}"
    b.p(text + "。")


ElementFacts = Callable[[BlockBuilder, Dossier], None]

FACT_WRITERS: dict[FactKey, ElementFacts] = {
    "organisation": _organisation,
    "diagnosis": _diagnosis,
    "plan": _plan,
    "projects": _projects,
    "publicity": _publicity,
    "emergency": _emergency,
    "records": _records,
}
"""What the work report writes for each fact key a rubric item names (``facts:`` in the rubric)."""


def write_facts(b: BlockBuilder, element: RubricElement, dossier: Dossier) -> None:
    """Write the facts the element's items name in the rubric data, each once."""
    for key in element.facts:
        FACT_WRITERS[key](b, dossier)
