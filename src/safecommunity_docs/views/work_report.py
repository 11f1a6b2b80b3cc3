"""The work report (安全社区建设工作报告) view: 概况, work element by element, result, next steps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from ..analysis.rounding import largest_remainder, percent
from ..codes import CommunityType, HazardLevel, MeasureStatus, MeasureType
from ..io import load_rubric
from ..models.assessment import ItemScore
from ..models.common import Person, QuantTarget
from ..models.community import AgeBand, Community, Facilities
from ..models.dossier import Dossier
from ..models.organisation import Organisation
from ..models.project import PromotionProject
from ..models.rubric import Rubric, RubricElement, RubricItem
from ..scoring import ScoreReport, score
from ..scoring.report import ItemResult
from .builder import SENTENCE_END, BlockBuilder, sentence
from .document import DocumentView, TableView
from .format import (
    fmt_amount,
    fmt_date,
    fmt_date_range,
    fmt_month,
    fmt_month_range,
    fmt_number,
    fmt_percent,
    fmt_value,
)
from .numbering import point_prefix
from .self_assessment import DEFAULT_IMPROVEMENT, fmt_points, verdict_sentence

KIND = "work_report"
NONE = "—"
SUB_UNIT_LABELS = {
    CommunityType.STREET: "社区",
    CommunityType.TOWNSHIP: "村（社区）",
    CommunityType.PARK: "片区（社区、村）",
    CommunityType.ENTERPRISE: "基层单元",
}
"""What a community's sub-units are called, by community type."""

FACILITY_LABELS: tuple[tuple[str, str, str], ...] = (
    ("enterprises", "企业", "家"),
    ("schools", "中小学", "所"),
    ("kindergartens", "幼儿园", "所"),
    ("medical_institutions", "医疗机构", "家"),
    ("public_venues", "公共场所", "处"),
    ("hazardous_chemical_units", "危险化学品单位", "家"),
)
"""Facilities field, label and measure word, in the order the report lists them."""

STATUS_LABELS = {
    MeasureStatus.DONE: "已完成",
    MeasureStatus.ONGOING: "实施中",
    MeasureStatus.PLANNED: "待实施",
}
"""How the count of measures in each state is written, in the order the report gives them."""

EMERGENCY_WORDS = ("预案", "演练", "应急救援", "疏散")
"""A measure whose content names one of these is reported under the emergency element."""


def work_report_title(community: Community) -> str:
    """Return the report's title, e.g. 清河街道安全社区建设工作报告."""
    return f"{community.name}安全社区建设工作报告"


def assessment_result(dossier: Dossier) -> tuple[Rubric, ScoreReport] | None:
    """Return the rubric of the dossier's assessment and its scores, or None without one."""
    if dossier.assessment is None:
        return None
    rubric = load_rubric(dossier.assessment.rubric)
    return rubric, score(dossier.assessment, rubric)


def issuing_body(dossier: Dossier) -> str:
    """Return who signs the community's documents: the work plan's issuing body, else its name."""
    plan = dossier.work_plan
    return plan.issuing_body if plan is not None else dossier.community.name


def _joined(texts: Sequence[str], last: str = "。") -> str:
    """Texts as one list: each ends in ；(or ``last``) unless it already ends a sentence."""
    out = []
    for n, text in enumerate(texts, start=1):
        end = last if n == len(texts) else "；"
        out.append(text if text.endswith(SENTENCE_END) else text + end)
    return "".join(out)


def _share(part: int, whole: int) -> str:
    return fmt_percent(percent(part, whole))


# 一、基本概况


def _location(b: BlockBuilder, community: Community) -> None:
    b.h2("位置面积")
    b.paragraphs(community.location)
    area = fmt_number(community.area_km2.normalize())
    text = f"{community.name}隶属{community.parent_jurisdiction}，辖区面积{area}平方公里"
    if community.sub_units:
        label = SUB_UNIT_LABELS[community.type]
        text += f"，下辖{len(community.sub_units)}个{label}：{'、'.join(community.sub_units)}"
    text += "。"
    if community.address:
        text += f"地址为{community.address}。"
    b.p(text)


def _band_label(band: AgeBand) -> str:
    if band.to_age is None:
        return f"{band.from_age}岁及以上"
    return f"{band.from_age}—{band.to_age}岁"


def _population(b: BlockBuilder, community: Community) -> None:
    b.h2("人口")
    pop = community.population
    total = pop.total
    text = (
        f"{community.name}共有{fmt_number(community.households)}户，常住人口"
        f"{fmt_number(total)}人，其中男性{fmt_number(pop.male)}人、女性{fmt_number(pop.female)}人。"
    )
    if pop.registered is not None:
        text += f"户籍人口{fmt_number(pop.registered)}人。"
    if pop.migrant:
        text += f"流动人口{fmt_number(pop.migrant)}人，占常住人口的{_share(pop.migrant, total)}。"
    if pop.disabled is not None:
        text += f"残疾人{fmt_number(pop.disabled)}人，占常住人口的{_share(pop.disabled, total)}。"
    b.p(text)
    bands = pop.age_bands
    if not bands:
        return
    shares = largest_remainder([band.total for band in bands])
    parts = [
        f"{_band_label(band)}{fmt_number(band.total)}人，占{fmt_percent(share)}"
        for band, share in zip(bands, shares, strict=True)
    ]
    text = "从年龄结构看，" + "；".join(parts) + "。"
    groups = []
    if any(band.to_age == 14 for band in bands):
        children = sum(
            band.total for band in bands if band.to_age is not None and band.to_age <= 14
        )
        groups.append(f"0—14岁少年儿童{fmt_number(children)}人，占{_share(children, total)}")
    if any(band.from_age == 60 for band in bands):
        older = sum(band.total for band in bands if band.from_age >= 60)
        groups.append(f"60岁及以上老年人{fmt_number(older)}人，占{_share(older, total)}")
    if groups:
        text += "其中" + "；".join(groups) + "。"
    b.p(text)


def _facilities(b: BlockBuilder, facilities: Facilities) -> None:
    counts = [
        f"{label}{fmt_number(getattr(facilities, name))}{word}"
        for name, label, word in FACILITY_LABELS
        if getattr(facilities, name)
    ]
    if not counts:
        return
    b.h2("单位构成")
    b.p(f"辖区内有{'、'.join(counts)}。")


def _history(b: BlockBuilder, community: Community) -> None:
    b.h2("创建历程和荣誉")
    if community.history:
        b.paragraphs(community.history)
    else:
        b.p(
            f"{community.name}于{fmt_date(community.creation_start)}启动"
            f"{community.target_level.label}安全社区创建工作。"
        )
    if not community.honors:
        return
    b.p(f"近年来，{community.name}先后获得以下荣誉：")
    texts = [
        f"{honor.year}年 {honor.title}" + (f"（{honor.awarded_by}）" if honor.awarded_by else "")
        for honor in community.honors
    ]
    _list_points(b, texts)


def _list_points(b: BlockBuilder, texts: Sequence[str], style: str = "1.") -> None:
    """Add numbered list items ending in ；, the last in 。 (unless one already ends a sentence)."""
    for n, text in enumerate(texts, start=1):
        end = "。" if n == len(texts) else "；"
        b.p(point_prefix(style, n) + (text if text.endswith(SENTENCE_END) else text + end))


def _overview(b: BlockBuilder, community: Community) -> None:
    b.h1("基本概况")
    _location(b, community)
    _population(b, community)
    _facilities(b, community.facilities)
    if community.safety_features:
        b.h2("安全特征和难点")
        b.paragraphs(community.safety_features)
    _history(b, community)


# 二、对照《安全社区建设基本要求》开展的工作: what the dossier says element by element


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
        where = f"（设在{org.office.location}）" if org.office.location else ""
        text += f"委员会下设{org.office.name}{where}，负责日常工作。"
    groups = org.working_groups
    if groups:
        text += f"按领域设立{len(groups)}个工作组：{'、'.join(g.name for g in groups)}。"
    b.p(text)
    if committee.meeting_rule:
        b.p(f"会议制度：{sentence(committee.meeting_rule)}")
    if groups:
        rows = tuple(
            (str(n), g.name, g.lead_unit or NONE, _person(g.leader))
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


def _amount(value: Decimal) -> str:
    """Amounts in 万元 where that is exact to the cent of 万 (100元), else in 元."""
    return fmt_amount(value, "wan" if value >= 10000 and value % 100 == 0 else "yuan")


def _plan(b: BlockBuilder, dossier: Dossier) -> None:
    plan = dossier.work_plan
    if plan is None:
        return
    text = (
        f"{plan.issuing_body}于{fmt_date(plan.issue_date)}印发《{plan.title}》，计划期为"
        f"{fmt_month_range(plan.period_start, plan.period_end)}"
    )
    if plan.phases:
        text += f"，分{len(plan.phases)}个阶段推进"
    text += "。"
    if plan.budget is not None:
        text += f"创建工作经费预算{_amount(plan.budget.computed_total)}。"
    b.p(text)
    objectives = plan.objectives
    if objectives is None:
        return
    if objectives.statements:
        b.p("计划确定的工作目标如下：")
        _list_points(b, objectives.statements, "（1）")
    if objectives.targets:
        b.p(
            f"计划确定了{len(objectives.targets)}项量化指标："
            + _joined([_target(t) for t in objectives.targets])
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
        text += f"项目经费预算合计{_amount(total)}"
        key_total = sum((p.resources.total for p in key), Decimal(0))
        if key and key_total != total:
            text += f"，其中重点项目{_amount(key_total)}"
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
    _list_points(b, [f"{p.title}（{m.owner}）：{m.content}" for p, m in found], "（1）")


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

ELEMENT_FACTS: tuple[tuple[tuple[str, ...], ElementFacts], ...] = (
    (("机构",), _organisation),
    (("辨识", "诊断"), _diagnosis),
    (("目标",), _plan),
    (("安全促进项目",), _projects),
    (("宣传",), _publicity),
    (("应急",), _emergency),
    (("记录",), _records),
)
"""Which dossier facts describe an element, found by a word in the element's title."""


def _facts_for(element: RubricElement) -> ElementFacts | None:
    for words, facts in ELEMENT_FACTS:
        if any(word in element.title for word in words):
            return facts
    return None


def _item_text(n: int, item: RubricItem, entry: ItemScore | None) -> str:
    text = f"{n}.针对二级指标{item.id}：“{item.text}”"
    if entry is not None and entry.not_applicable:
        return text + f"本项不适用：{sentence(entry.reason or '')}"
    if entry is not None and entry.evidence:
        return text + "主要证明材料：" + _joined(entry.evidence)
    return text + "自评未列出本项的证明材料。"


def _elements(b: BlockBuilder, dossier: Dossier, rubric: Rubric) -> None:
    b.h1("对照《安全社区建设基本要求》开展的工作")
    items = sum(len(e.items) for e in rubric.elements)
    b.p(
        f"{dossier.community.name}对照《{rubric.title}》的{len(rubric.elements)}项一级指标、"
        f"{items}项二级指标逐项开展创建工作，情况如下。"
    )
    entries = {e.item: e for e in dossier.assessment.items} if dossier.assessment else {}
    for element in rubric.elements:
        b.h2(element.title)
        facts = _facts_for(element)
        if facts is not None:
            facts(b, dossier)
        for n, item in enumerate(element.items, start=1):
            b.p(_item_text(n, item, entries.get(item.id)))


# 三、自评结果 and 四、存在的问题和下一步打算


def _result(b: BlockBuilder, dossier: Dossier, rubric: Rubric, report: ScoreReport) -> None:
    assessment = dossier.assessment
    assert assessment is not None
    name = dossier.community.name
    b.h1("自评结果")
    b.p(
        f"{assessment.assessor}于{fmt_date(assessment.assessed_on)}对照《{rubric.title}》"
        f"（{rubric.version}版）逐项开展了自评。{verdict_sentence(report, rubric, name)}"
    )
    b.p(sentence(report.verdict.next_step))
    b.paragraphs([sentence(text) for text in assessment.summary])


def _shortfalls(report: ScoreReport, improved: set[str]) -> list[ItemResult]:
    """Items that lost points or carry a deduction note: the priorities first, then rubric order."""
    shown = [item for item in report.priorities if not item.not_applicable]
    ids = {item.id for item in shown}
    rest = [
        item
        for item in report.items
        if item.id not in ids
        and not item.not_applicable
        and (item.lost > 0 or not item.scored or item.deductions or item.id in improved)
    ]
    return shown + rest


def _next_steps(b: BlockBuilder, report: ScoreReport, entries: dict[str, ItemScore]) -> None:
    b.h1("存在的问题和下一步打算")
    improvements = {e.item: e.improvement for e in entries.values() if e.improvement}
    items = _shortfalls(report, set(improvements))
    if not items:
        b.p("本次自评各项二级指标均未失分。")
        b.p(sentence(report.verdict.next_step))
        return
    b.h2("存在的问题")
    for n, item in enumerate(items, start=1):
        text = f"{n}.二级指标{item.id}失分{fmt_points(item.lost)}分"
        if not item.scored:
            text += "，该项未评分，按0分计。"
        elif item.deductions:
            text += f"：{sentence(item.deductions)}"
        else:
            text += "。"
        b.p(text)
    b.h2("下一步打算")
    planned = [item for item in items if item.id in improvements]
    for n, item in enumerate(planned, start=1):
        b.p(f"{n}.针对二级指标{item.id}存在的问题，{sentence(improvements[item.id])}")
    rest = [item.id for item in items if item.id not in improvements]
    if rest:
        head = "对其余失分项" if planned else "对以上失分项"
        b.p(f"{head}（二级指标{'、'.join(rest)}），{DEFAULT_IMPROVEMENT}")


def report_date(dossier: Dossier) -> date:
    """Return the report's date: the assessment date, else the plan's, else the creation start."""
    if dossier.assessment is not None:
        return dossier.assessment.assessed_on
    if dossier.work_plan is not None:
        return dossier.work_plan.issue_date
    return dossier.community.creation_start


def work_report_view(dossier: Dossier) -> DocumentView:
    """Build the work report view of a dossier.

    Part 1 (基本概况) describes the community from its profile; part 2 takes every element of
    the assessment's rubric (the city rubric without an assessment), gives what the dossier
    records for it (organisation, diagnosis, plan targets, projects, emergency measures, injury
    records) and quotes each item with the evidence the assessment lists; parts 3 and 4 give the
    self-assessment result and the shortfalls with their improvements. The work plan's issuing
    body signs it on the assessment date.
    """
    community = dossier.community
    result = assessment_result(dossier)
    rubric = result[0] if result is not None else load_rubric()
    b = BlockBuilder()
    _overview(b, community)
    _elements(b, dossier, rubric)
    if result is not None:
        _result(b, dossier, *result)
        assert dossier.assessment is not None
        _next_steps(b, result[1], {e.item: e for e in dossier.assessment.items})
    else:
        b.h1("自评结果")
        b.p(f"{community.name}尚未开展自评。")
    signer = issuing_body(dossier)
    when = report_date(dossier)
    b.add("blank")
    b.add("signature", signer)
    b.add("date", fmt_date(when))
    return DocumentView(
        kind=KIND,
        title=work_report_title(community),
        subtitle="",
        blocks=tuple(b.blocks),
        author=signer,
        document_date=when,
        subject="安全社区建设工作报告",
        keywords=("安全社区", "工作报告", community.name),
    )


__all__ = [
    "assessment_result",
    "issuing_body",
    "report_date",
    "work_report_title",
    "work_report_view",
]
