"""The annual summary (安全社区建设年度工作总结) view: the year's work, the projects' progress,
the injury trend from the records, the shortcomings and next year's plan."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..analysis import InjuryStatistics
from ..models.annual_summary import AnnualSummary
from ..models.community import Community
from ..models.project import PromotionProject
from .builder import BlockBuilder, sentence
from .document import DocumentView, TableView
from .format import fmt_date, fmt_number, fmt_percent
from .order import is_residual
from .work_report_facts import list_points


def annual_summary_title(summary: AnnualSummary, community: Community) -> str:
    """The summary's own title, else 「清河街道2025年度安全社区建设工作总结」."""
    return summary.title or f"{community.name}{summary.year}年度安全社区建设工作总结"


def _schedule(project: PromotionProject, year: int) -> tuple[int, int, int]:
    """The project's measures by their schedule against the summary year: due by its end,
    running into the next year, not yet started."""
    end = date(year, 12, 31)
    due = sum(1 for m in project.measures if m.end <= end)
    running = sum(1 for m in project.measures if m.start <= end < m.end)
    return due, running, len(project.measures) - due - running


def _projects(b: BlockBuilder, projects: Sequence[PromotionProject], year: int) -> None:
    b.h1("安全促进项目进展")
    if not projects:
        b.p(f"{year}年度尚未立项安全促进项目。")
        return
    schedules = [_schedule(p, year) for p in projects]
    measures = sum(len(p.measures) for p in projects)
    due, running, later = (sum(s[i] for s in schedules) for i in range(3))
    b.p(
        f"{year}年共实施安全促进项目{len(projects)}个，安排干预措施{measures}项。按各项目实施方案"
        f"的时间安排，{year}年底前应完成的措施{due}项，跨年度实施的{running}项，"
        f"{year + 1}年启动的{later}项。各项目情况见表{b.next_table}。"
    )
    rows = tuple(
        (str(n), p.title, p.area.label, str(len(p.measures)), *(str(x) for x in schedule))
        for n, (p, schedule) in enumerate(zip(projects, schedules, strict=True), start=1)
    )
    b.table(
        "安全促进项目实施安排",
        TableView(
            columns=("序号", "项目名称", "领域", "措施数", "年内完成", "跨年实施", "次年启动"),
            rows=rows,
            align=("center", "left", "center", "right", "right", "right", "right"),
        ),
    )


def _trend(b: BlockBuilder, stats: InjuryStatistics, year: int) -> None:
    b.h1("伤害监测情况")
    changes = stats.year_on_year
    if not changes:
        b.p("本年度尚未收集伤害监测报告卡。")
        return
    first, last = changes[0].year, changes[-1].year
    text = (
        f"{first}年至{last}年共收集伤害监测报告卡{fmt_number(stats.record_count)}份"
        if first != last
        else f"{first}年共收集伤害监测报告卡{fmt_number(stats.record_count)}份"
    )
    current = next((c for c in changes if c.year == year), None)
    if current is not None:
        text += f"，其中{year}年{fmt_number(current.count)}份"
        if current.change is not None:
            direction = "增加" if current.change > 0 else "下降"
            if current.change == 0:
                text += "，与上年持平"
            else:
                text += f"，较上年{direction}{fmt_percent(abs(current.change))}"
    b.p(f"{text}。逐年情况见表{b.next_table}。")
    rows = tuple(
        (
            f"{c.year}年",
            fmt_number(c.count),
            "—" if c.change is None else fmt_percent(c.change),
        )
        for c in changes
    )
    b.table(
        "伤害监测报告卡逐年情况",
        TableView(
            columns=("年度", "报告卡（份）", "较上年变化"),
            rows=rows,
            align=("center", "right", "right"),
        ),
    )
    leading = [r for r in stats.cause.ranked() if not is_residual(r.label)][:3]
    if leading:
        causes = "、".join(f"{r.label}（{fmt_percent(r.share)}）" for r in leading)
        b.p(f"从伤害原因看，居前的依次为{causes}。")


def annual_summary_view(
    summary: AnnualSummary,
    community: Community,
    projects: Sequence[PromotionProject],
    stats: InjuryStatistics,
) -> DocumentView:
    """Build the annual summary: 一、年度主要工作 (the author's paragraphs), 二、安全促进项目进展
    (measures by status, from the projects), 三、伤害监测情况 (cases by year from ``stats``),
    四、存在的不足 (when given) and the next year's plan, signed by the author."""
    b = BlockBuilder()
    b.h1("年度主要工作")
    b.paragraphs([sentence(text) for text in summary.work])
    _projects(b, projects, summary.year)
    _trend(b, stats, summary.year)
    if summary.problems:
        b.h1("存在的不足")
        list_points(b, summary.problems)
    b.h1(f"{summary.year + 1}年工作打算")
    list_points(b, summary.next_year)
    b.add("blank")
    b.add("signature", summary.author)
    b.add("date", fmt_date(summary.report_date))
    return DocumentView(
        title=annual_summary_title(summary, community),
        subtitle="",
        blocks=tuple(b.blocks),
        author=summary.author,
        document_date=summary.report_date,
        subject="安全社区建设年度工作总结",
        keywords=("安全社区", "年度工作总结", community.name),
    )
