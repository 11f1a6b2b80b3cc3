"""The continued-improvement report (安全社区持续改进报告) of a 复评: the designation and the
period since, the work done, each project's follow-up against its original targets, the injury
data by year with the trend, the problems and the next steps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from ..analysis.follow_up import follow_up_outcomes
from ..analysis.outcomes import CauseTrend, TargetOutcome, YearPoint, injury_trend
from ..analysis.rounding import change_percent
from ..models.community import Community
from ..models.dossier import Dossier
from ..models.follow_up import FollowUpStatus
from ..models.project import PromotionProject
from ..models.reassessment import Designation, Reassessment
from .builder import BlockBuilder, sentence
from .document import DocumentView, TableView
from .format import fmt_date, fmt_number, fmt_rate
from .results import NONE, target_text, value_text, verdict
from .signoff import add_signoff
from .work_report_facts import list_points

MIN_YEARS = 3
"""Years of injury data a re-assessment shows (the report says when it has fewer)."""


def reassessment_title(reassessment: Reassessment, community: Community) -> str:
    """The report's own title, else 「清河街道安全社区持续改进报告（2023—2026年）」."""
    if reassessment.title:
        return reassessment.title
    first, last = reassessment.designation.designated_on.year, reassessment.report_date.year
    span = f"{first}—{last}年" if first != last else f"{first}年"
    return f"{community.name}安全社区持续改进报告（{span}）"


def months_since(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 when ``end`` is not after ``start``)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    return max(months, 0)


def _designation(b: BlockBuilder, d: Designation, name: str, report_date: date) -> None:
    b.h1("命名情况")
    where = "，".join(
        x
        for x in (
            d.document_no and f"文号{d.document_no}",
            d.certificate_no and f"证书编号{d.certificate_no}",
        )
        if x
    )
    text = (
        f"{fmt_date(d.designated_on)}，{name}经{d.issued_by}命名为“{d.title}”"
        + (f"（{where}）" if where else "")
        + f"，命名有效期{d.valid_years}年，至{fmt_date(d.expires_on)}。"
    )
    months = months_since(d.designated_on, report_date)
    years, rest = divmod(months, 12)
    span = f"{years}年" if years else ""
    span += f"{rest}个月" if rest or not years else ""
    text += f"自命名至本报告成文（{fmt_date(report_date)}），已持续开展安全社区建设{span}。"
    b.p(text)
    rows = (
        ("命名称号", d.title),
        ("命名级别", d.level.label),
        ("命名单位", d.issued_by),
        ("命名文号", d.document_no or NONE),
        ("证书编号", d.certificate_no or NONE),
        ("命名日期", fmt_date(d.designated_on)),
        ("有效期至", fmt_date(d.expires_on)),
    )
    b.table("命名情况", TableView(columns=("项目", "内容"), rows=rows, align=("center", "left")))


def _status_counts(projects: Sequence[PromotionProject]) -> str:
    parts = []
    for status in FollowUpStatus:
        n = sum(1 for p in projects if p.follow_up and p.follow_up.status is status)
        if n:
            parts.append(f"{status.label}{n}个")
    missing = sum(1 for p in projects if p.follow_up is None)
    if missing:
        parts.append(f"未提供跟踪情况{missing}个")
    return "，".join(parts)


def _target_rows(outcomes: Sequence[TargetOutcome]) -> tuple[tuple[str, ...], ...]:
    rows = []
    for n, t in enumerate(outcomes, start=1):
        baseline = NONE if t.baseline is None else value_text(t.baseline, t.value_unit)
        if t.baseline is not None and t.baseline_label and t.source == "records":
            baseline += f"（{t.baseline_label}）"
        result = NONE if t.result is None else value_text(t.result, t.value_unit)
        if t.result is not None and t.result_label and t.source == "records":
            result += f"（{t.result_label}）"
        rows.append((str(n), t.indicator, target_text(t), baseline, result, verdict(t)))
    return tuple(rows)


def _projects(b: BlockBuilder, dossier: Dossier) -> None:
    projects = dossier.projects
    b.h1("安全促进项目跟踪")
    if not projects:
        b.p("命名以来未列入安全促进项目。")
        return
    every = [follow_up_outcomes(p, dossier) for p in projects]
    measured = [t for outcomes in every for t in outcomes]
    met = sum(1 for t in measured if t.met)
    missed = sum(1 for t in measured if t.met is False)
    text = (
        f"命名以来跟踪的安全促进项目共{len(projects)}个，其中{_status_counts(projects)}。"
        f"对照各项目原定目标跟踪{len(measured)}项，已达到{met}项，未达到{missed}项"
    )
    open_ = len(measured) - met - missed
    text += f"，暂无数据{open_}项。" if open_ else "。"
    b.p(text + f"各项目情况见表{b.next_table}。")
    rows = tuple(
        (
            str(n),
            p.title,
            p.area.label,
            p.follow_up.status.label if p.follow_up else "未提供",
            str(len(outcomes)),
            str(sum(1 for t in outcomes if t.met)),
        )
        for n, (p, outcomes) in enumerate(zip(projects, every, strict=True), start=1)
    )
    b.table(
        "安全促进项目跟踪情况",
        TableView(
            columns=("序号", "项目名称", "领域", "跟踪状态", "跟踪目标", "已达到"),
            rows=rows,
            align=("center", "left", "center", "center", "right", "right"),
        ),
    )
    for project, outcomes in zip(projects, every, strict=True):
        b.h2(project.title)
        follow_up = project.follow_up
        if follow_up is None:
            b.p("该项目未提供命名以来的跟踪情况。")
            continue
        b.p(
            f"截至{fmt_date(follow_up.as_of)}，{project.title}的跟踪状态为{follow_up.status.label}。"
        )
        b.paragraphs([sentence(t) for t in follow_up.done])
        if outcomes:
            b.p(f"对照原定目标的跟踪结果见表{b.next_table}。")
            b.table(
                f"{project.title}目标跟踪",
                TableView(
                    columns=("序号", "指标", "原定目标", "基线", "跟踪结果", "完成情况"),
                    rows=_target_rows(outcomes),
                    align=("center", "left", "center", "center", "center", "center"),
                ),
            )
        if follow_up.changes:
            b.p("调整与改进：")
            list_points(b, follow_up.changes)


def _year_rows(points: Sequence[YearPoint]) -> tuple[tuple[str, ...], ...]:
    rows = []
    previous: int | None = None
    for y in points:
        change = None if previous is None else change_percent(y.count, previous)
        rows.append(
            (
                f"{y.year}年",
                fmt_number(y.count),
                NONE if y.rate is None else fmt_rate(y.rate),
                NONE if change is None else f"{fmt_number(change, 1)}%",
            )
        )
        previous = y.count
    return tuple(rows)


def _trend(b: BlockBuilder, dossier: Dossier, designated: int) -> None:
    b.h1("伤害监测数据与趋势")
    points, causes = injury_trend(dossier.injury_records, dossier.community)
    if not points:
        b.p("命名以来尚未收集伤害监测报告卡。")
        return
    first, last = points[0].year, points[-1].year
    text = (
        f"{first}—{last}年共收集伤害监测报告卡{fmt_number(sum(y.count for y in points))}份，"
        f"覆盖{len(points)}个年度"
    )
    if len(points) < MIN_YEARS:
        text += f"，不足复评要求的{MIN_YEARS}年"
    counts = {y.year: y.count for y in points}
    if designated in counts and last > designated:
        change = change_percent(counts[last], counts[designated])
        text += (
            f"。命名当年（{designated}年）伤害病例{counts[designated]}例，{last}年{counts[last]}例"
        )
        if change is not None:
            word = "持平" if change == 0 else ("下降" if change < 0 else "上升")
            text += f"，{word}" + ("" if change == 0 else f"{fmt_number(abs(change), 1)}%")
    b.p(f"{text}。逐年情况见表{b.next_table}。")
    b.table(
        "伤害监测病例逐年情况",
        TableView(
            columns=("年度", "伤害病例（例）", "发生率（‰）", "较上年变化"),
            rows=_year_rows(points),
            align=("center", "right", "right", "right"),
        ),
    )
    if causes:
        _causes(b, causes, [y.year for y in points])


def _causes(b: BlockBuilder, causes: Sequence[CauseTrend], years: Sequence[int]) -> None:
    b.p(f"主要伤害原因的逐年病例数见表{b.next_table}。")
    rows = tuple((c.cause.label, *(fmt_number(n) for n in c.counts)) for c in causes)
    right: Literal["right"] = "right"
    align: tuple[Literal["left", "right"], ...] = ("left", *(right for _ in years))
    b.table(
        "主要伤害原因逐年病例数",
        TableView(columns=("伤害原因", *(f"{y}年" for y in years)), rows=rows, align=align),
    )


def reassessment_view(reassessment: Reassessment, dossier: Dossier) -> DocumentView:
    """Build the continued-improvement report: 一、命名情况 (the designation and the months
    since), 二、命名以来主要工作 (the author's paragraphs), 三、安全促进项目跟踪 (each project's
    follow-up and its targets evaluated), 四、伤害监测数据与趋势 (cases and rates by year, the
    leading causes), 五、存在的问题 (when given) and 六、下一步工作, signed by the author."""
    community = dossier.community
    b = BlockBuilder()
    _designation(b, reassessment.designation, community.name, reassessment.report_date)
    b.h1("命名以来主要工作")
    b.paragraphs([sentence(text) for text in reassessment.work])
    _projects(b, dossier)
    _trend(b, dossier, reassessment.designation.designated_on.year)
    if reassessment.problems:
        b.h1("存在的问题")
        list_points(b, reassessment.problems)
    b.h1("下一步工作")
    list_points(b, reassessment.next_steps)
    add_signoff(b, [reassessment.author], reassessment.report_date, sealed=reassessment.sealed)
    return DocumentView(
        title=reassessment_title(reassessment, community),
        subtitle="",
        blocks=tuple(b.blocks),
        author=reassessment.author,
        document_date=reassessment.report_date,
        subject="安全社区持续改进报告",
        keywords=("安全社区", "复评", "持续改进报告", community.name),
    )
