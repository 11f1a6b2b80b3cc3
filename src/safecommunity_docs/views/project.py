"""The safety promotion project plan (安全促进项目实施方案) view: the eight headings of DOMAIN.md §5."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..analysis.baselines import Baseline, effective_baseline
from ..models.base import month_of
from ..models.common import TargetDirection
from ..models.community import Community
from ..models.project import Measure, Milestone, ProjectTarget, PromotionProject, Resources
from .builder import BlockBuilder, sentence
from .document import DocumentView, TableView
from .format import (
    fmt_amount,
    fmt_date_range,
    fmt_month,
    fmt_month_range,
    fmt_number,
    fmt_value,
)
from .numbering import chinese_number
from .signoff import add_signoff

EMPTY = "—"


def _target_value(target: ProjectTarget) -> str:
    value = fmt_value(target.target, target.unit)
    return value if target.direction is TargetDirection.REACH else target.direction.label + value


def _baseline(target: ProjectTarget, counted: Baseline | None) -> str:
    """The baseline the author gave, else the one counted from the records, with its year."""
    found = effective_baseline(target, counted)
    if found is None:
        return EMPTY
    number, unit, year = found
    value = fmt_value(number, unit)
    return f"{value}（{year}年）" if year else value


def _targets_table(targets: list[ProjectTarget], baselines: Sequence[Baseline | None]) -> TableView:
    counted = list(baselines) + [None] * (len(targets) - len(baselines))
    rows = tuple(
        (
            str(n),
            t.indicator,
            _baseline(t, counted[n - 1]),
            _target_value(t),
            fmt_month(t.deadline) if t.deadline else EMPTY,
            t.data_source or EMPTY,
        )
        for n, t in enumerate(targets, start=1)
    )
    return TableView(
        columns=("序号", "指标", "基线值", "目标值", "完成时间", "数据来源"),
        rows=rows,
        align=("center", "left", "center", "center", "center", "left"),
    )


def _measures_table(measures: list[Measure]) -> TableView:
    rows = tuple(
        (
            str(n),
            m.type.label,
            m.content,
            fmt_date_range(m.start, m.end, stacked=True),
            m.owner,
            m.workload or EMPTY,
        )
        for n, m in enumerate(measures, start=1)
    )
    return TableView(
        columns=("序号", "措施类型", "措施内容", "起止时间", "责任单位", "工作量/覆盖面"),
        rows=rows,
        align=("center", "center", "left", "center", "left", "left"),
    )


def _approach(b: BlockBuilder, project: PromotionProject) -> None:
    """形式及方法 in prose: the author's paragraphs, else a summary of the measures; then the
    sentence that leads to their table."""
    table = f"各项措施的内容、起止时间、责任单位和工作量见表{b.next_table}。"
    if project.approach:
        for text in project.approach:
            b.p(sentence(text))
        b.p(table)
        return
    types = list(dict.fromkeys(m.type.label for m in project.measures))
    owners = list(dict.fromkeys(m.owner for m in project.measures))
    start = min(m.start for m in project.measures)
    end = max(m.end for m in project.measures)
    if len(types) > 1:
        count = "两" if len(types) == 2 else chinese_number(len(types))
        kinds = f"综合运用{'、'.join(types[:-1])}和{types[-1]}{count}类措施"
    else:
        kinds = f"采取{types[0]}类措施"
    who = "、".join(owners[:3]) + ("等单位" if len(owners) > 3 else "")
    b.p(
        f"本项目{kinds}，共{len(project.measures)}项，"
        f"自{fmt_month(month_of(start))}至{fmt_month(month_of(end))}分步实施，由{who}分工负责。"
        + table
    )


def _budget_table(resources: Resources) -> TableView:
    budget = resources.budget
    places = 0 if all(line.amount == line.amount.to_integral() for line in budget) else 2
    rows = [
        (str(n), line.item, fmt_number(line.amount, places), line.source or "", line.note or "")
        for n, line in enumerate(budget, start=1)
    ]
    rows.append(("合计", "", fmt_number(resources.total, places), "", ""))
    return TableView(
        columns=("序号", "支出项目", "金额（元）", "资金来源", "备注"),
        rows=tuple(rows),
        align=("center", "left", "right", "left", "left"),
        total_row=True,
    )


def schedule_rows(project: PromotionProject) -> list[tuple[str, str]]:
    """Return the schedule as (time, work) pairs, built from the measures when it is empty.

    Without a schedule every measure becomes a row, ordered by start date (then by position),
    with its months as the time.
    """
    milestones: list[Milestone] = project.schedule
    if milestones:
        return [(fmt_month_range(m.start, m.end), m.work) for m in milestones]
    ordered = sorted(project.measures, key=lambda m: m.start)
    return [(fmt_month_range(month_of(m.start), month_of(m.end)), m.content) for m in ordered]


def _schedule_table(project: PromotionProject) -> TableView:
    rows = tuple(
        (str(n), time, work) for n, (time, work) in enumerate(schedule_rows(project), start=1)
    )
    return TableView(
        columns=("序号", "时间", "工作内容"),
        rows=rows,
        align=("center", "center", "left"),
    )


def _evaluation_table(project: PromotionProject) -> TableView:
    rows = tuple(
        (str(n), e.indicator, e.method, e.standard, e.timing or EMPTY)
        for n, e in enumerate(project.evaluation, start=1)
    )
    return TableView(
        columns=("序号", "评估指标", "验证方法", "判定标准", "评估时间"),
        rows=rows,
        align=("center", "left", "left", "left", "center"),
    )


def project_title(project: PromotionProject, community: Community | None = None) -> str:
    """Return the document title: community name, project title and 实施方案, without repeats."""
    title = project.title
    if community is not None and not title.startswith(community.name):
        title = community.name + title
    return title if title.endswith("实施方案") else title + "实施方案"


def _facts(project: PromotionProject, community: Community | None) -> str:
    lead = project.lead_unit or (community.name if community is not None else None)
    facts = [f"项目领域：{project.area.label}"]
    if lead:
        facts.append(f"实施部门：{lead}")
    facts.append(f"实施期限：{fmt_month_range(project.start, project.end)}")
    facts.append(f"重点项目：{'是' if project.key_project else '否'}")
    return "；".join(facts) + "。"


def _target_group(name: str, size: int | None, unit: str, description: str | None) -> str:
    text = name
    if size is not None:
        text += f"：{fmt_number(size)}{unit}"
    if description:
        text += ("，" if size is not None else "：") + description
    return sentence(text)


def _resources(b: BlockBuilder, resources: Resources) -> None:
    if not (resources.personnel or resources.materials or resources.budget):
        b.p("本项目未单列人员、物资设施和经费。")
        return
    if resources.personnel:
        b.h2("人员")
        b.points(resources.personnel, as_sentences=True)
    if resources.materials:
        b.h2("物资设施")
        b.points(resources.materials, as_sentences=True)
    if resources.budget:
        b.h2("经费")
        b.p(f"项目经费共计{fmt_amount(resources.total)}，明细见表{b.next_table}。")
        b.table("项目经费预算", _budget_table(resources))


def project_date(project: PromotionProject, plan_date: date | None = None) -> date:
    """The plan's date (成文日期): its own ``issued_on``, else the work plan's ``plan_date``
    when that is not after the project's start, else the first day of the start month."""
    if project.issued_on is not None:
        return project.issued_on
    start_year, start_month = (int(part) for part in project.start.split("-"))
    start = date(start_year, start_month, 1)
    return plan_date if plan_date is not None and plan_date <= start else start


def project_view(
    project: PromotionProject,
    community: Community | None = None,
    baselines: Sequence[Baseline | None] = (),
    *,
    signer: str | None = None,
    plan_date: date | None = None,
) -> DocumentView:
    """Build the implementation plan view of ``project``, for ``community`` when given.

    ``baselines`` are the target baselines counted from the injury records (in target order,
    see ``analysis.project_baselines``); a target without its own baseline shows the counted
    one.

    The blocks follow the eight headings of a project plan (项目背景 … 验证方法及标准), with a
    ninth, 持续改进, when the project lists improvements; tables are captioned 表1, 表2 … in
    order. The 落款 is the lead unit's (else ``signer``, else the community's), dated by
    :func:`project_date`.
    """
    b = BlockBuilder()
    b.p(_facts(project, community))
    b.h1("项目背景")
    for text in project.background:
        b.p(sentence(text))
    b.h1("目的")
    for text in project.purpose:
        b.p(sentence(text))
    b.table("项目目标", _targets_table(project.targets, baselines))
    b.h1("对象")
    for group in project.target_groups:
        b.p(_target_group(group.name, group.size, group.unit, group.description))
    b.h1("形式及方法")
    _approach(b, project)
    b.table("干预措施", _measures_table(project.measures))
    b.h1("职责")
    for duty in project.responsibilities:
        b.h2(duty.unit)
        b.points(duty.duties, as_sentences=True)
    b.h1("资源配置")
    _resources(b, project.resources)
    b.h1("时间进度表")
    b.table("项目时间进度", _schedule_table(project))
    b.h1("预期效果")
    for text in project.expected_effects:
        b.p(sentence(text))
    b.h1("验证方法及标准")
    b.table("验证方法及标准", _evaluation_table(project))
    if project.improvement:
        b.h1("持续改进")
        for text in project.improvement:
            b.p(sentence(text))
    author = project.lead_unit or signer or (community.name if community is not None else "")
    when = project_date(project, plan_date)
    if author:
        add_signoff(b, [author], when, sealed=project.sealed)
    return DocumentView(
        title=project_title(project, community),
        subtitle=f"（{fmt_month_range(project.start, project.end)}）",
        blocks=tuple(b.blocks),
        author=author,
        document_date=when,
        subject="安全促进项目实施方案",
        keywords=("安全社区", "安全促进项目", project.area.label),
    )


__all__ = ["project_date", "project_title", "project_view", "schedule_rows", "sentence"]
