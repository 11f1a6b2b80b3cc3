"""Facts of the dossier for the English ISCCC application: tables and sentences in English,
every fixed label from the message catalogue, every number and date formatted by locale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..analysis import InjuryStatistics
from ..analysis.tables import CountTable
from ..models.community import Community
from ..models.isccc import IscccApplication
from ..models.project import PromotionProject
from ..models.work_plan import WorkPlan
from ..scoring import ScoreReport
from .document import Block, TableView
from .l10n import Formatter
from .messages import Labels
from .order import is_residual

FACILITIES = (
    "enterprises",
    "schools",
    "kindergartens",
    "medical_institutions",
    "public_venues",
    "hazardous_chemical_units",
)
"""The community's facilities the overview counts (labels: the fields' Chinese titles)."""

TOP = 5
"""Leading causes and places listed."""


@dataclass
class English:
    """What the English view shares: labels, formatter, the texts, and the tables so far."""

    isccc: IscccApplication
    labels: Labels = field(default_factory=lambda: Labels("en"))
    fmt: Formatter = field(default_factory=lambda: Formatter("en"))
    blocks: list[Block] = field(default_factory=list)
    tables: int = 0

    def missing(self, path: str) -> str:
        """The placeholder of an English text the community has not written."""
        return self.labels("〔缺少英文文本：{path}〕", path=path)

    def p(self, text: str) -> None:
        self.blocks.append(Block("p", text))

    def table(self, caption: str, table: TableView) -> None:
        """A numbered caption (Table 3. …) and the table."""
        self.tables += 1
        self.blocks.append(
            Block("caption", self.labels("表{n}　{caption}", n=self.tables, caption=caption))
        )
        self.blocks.append(Block("table", table=table))

    def project_name(self, project: PromotionProject) -> str:
        english = self.isccc.projects.get(project.id)
        if english is None or english.name is None:
            return self.missing(f"isccc.projects.{project.id}.name")
        return english.name

    def target_groups(self, project: PromotionProject) -> str:
        english = self.isccc.projects.get(project.id)
        if not project.target_groups:
            return "\u2014"
        if english is None or not english.target_groups:
            return self.missing(f"isccc.projects.{project.id}.target_groups")
        parts = []
        for name, group in zip(english.target_groups, project.target_groups, strict=True):
            if group.size is None:
                parts.append(name)
                continue
            key = f"单位：{group.unit}"
            unit = self.labels(key) if self.labels.has(key) else ""
            parts.append(f"{name} ({self.fmt.number(group.size)}{' ' + unit if unit else ''})")
        return "; ".join(parts)


def community_facts(e: English, community: Community) -> None:
    """The community at a glance: name, place, type, area, people, start of the work."""
    L, F, pop = e.labels, e.fmt, community.population
    older = sum(b.total for b in pop.age_bands if b.from_age >= 60)
    rows = [
        (L("名称"), e.isccc.community_name or e.missing("isccc.community_name")),
        (L("所在地"), ", ".join((e.isccc.region or e.missing("isccc.region"), e.isccc.country))),
        (L("社区类型"), L(community.type.label)),
        (L("辖区面积"), f"{F.number(community.area_km2, _places(community.area_km2))} km²"),
        (
            L("常住人口"),
            L(
                "{total}（男{male}，女{female}）",
                total=F.number(pop.total),
                male=F.number(pop.male),
                female=F.number(pop.female),
            ),
        ),
        (L("户数"), F.number(community.households)),
        (L("下辖社区（村）"), F.number(len(community.sub_units))),
        (L("流动人口"), F.number(pop.migrant)),
        (L("创建启动日期"), F.date(community.creation_start)),
    ]
    if pop.age_bands:
        share = Decimal(older * 100) / Decimal(pop.total)
        rows.insert(6, (L("60岁及以上人口"), f"{F.number(older)} ({F.percent(share)})"))
    e.table(L("社区基本情况"), TableView((L("项目"), L("内容")), tuple(rows), widths=(3, 7)))


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def facility_facts(e: English, community: Community) -> None:
    """How many enterprises, schools, … the community holds."""
    L, F = e.labels, e.fmt
    titles = type(community.facilities).model_fields
    rows = tuple(
        (L(titles[name].title or name), F.number(getattr(community.facilities, name)))
        for name in FACILITIES
    )
    e.table(L("辖区单位构成"), TableView((L("单位类型"), L("数量")), rows, align=("left", "right")))


def work_facts(
    e: English, projects: Sequence[PromotionProject], score: ScoreReport | None, rubric_title: str
) -> None:
    """Projects and measures so far, and the self-assessment's result."""
    L, F = e.labels, e.fmt
    measures = sum(len(p.measures) for p in projects)
    e.p(
        L(
            "社区共实施安全促进项目{projects}个，干预措施{measures}项。",
            projects=F.number(len(projects)),
            measures=F.number(measures),
        )
    )
    if score is not None:
        e.p(
            L(
                "按《{rubric}》自评，得分{total}分（满分{scale}分），结论：{verdict}。",
                rubric=L(rubric_title, default=score.rubric_id),
                total=F.number(score.total, 1),
                scale=F.number(score.scale),
                verdict=L(score.verdict.label, default=score.verdict.code),
            )
        )


def governance_facts(e: English, plan: WorkPlan | None) -> None:
    """The committee and working groups of the work plan."""
    L, F = e.labels, e.fmt
    if plan is None or plan.organisation is None:
        e.p(L("工作计划未载明组织机构。"))
        return
    org = plan.organisation
    committee = org.committee
    e.p(
        L(
            "安全社区促进委员会由主任1人、副主任{deputies}人和成员{members}人组成。",
            deputies=F.number(len(committee.deputy_directors)),
            members=F.number(len(committee.members)),
        )
    )
    if org.working_groups:
        areas = [L(g.area.label) for g in org.working_groups if g.area is not None]
        e.p(
            L(
                "委员会下设工作组{groups}个，负责领域：{areas}。",
                groups=F.number(len(org.working_groups)),
                areas=", ".join(dict.fromkeys(areas)),
            )
        )


def project_table(e: English, projects: Sequence[PromotionProject], caption: str) -> None:
    """One row per project: English name, area, target groups, period, measures."""
    L, F = e.labels, e.fmt
    rows = tuple(
        (
            str(n),
            e.project_name(p),
            L(p.area.label),
            e.target_groups(p),
            F.span(F.month(p.start), F.month(p.end)),
            F.number(len(p.measures)),
        )
        for n, p in enumerate(projects, start=1)
    )
    columns = (L("序号"), L("项目名称"), L("领域"), L("目标人群"), L("实施期"), L("措施数"))
    e.table(
        caption,
        TableView(
            columns,
            rows,
            widths=(2, 9, 4, 12, 6, 3),
            align=("center", "left", "left", "left", "left", "right"),
        ),
    )


def programme_facts(e: English, projects: Sequence[PromotionProject]) -> None:
    L, F = e.labels, e.fmt
    if not projects:
        e.p(L("尚未立项安全促进项目。"))
        return
    areas = ", ".join(dict.fromkeys(L(p.area.label) for p in projects))
    e.p(L("{n}个安全促进项目覆盖以下领域：{areas}。", n=F.number(len(projects)), areas=areas))
    project_table(e, projects, L("安全促进项目"))


def high_risk_facts(e: English, projects: Sequence[PromotionProject]) -> None:
    L = e.labels
    key = [p for p in projects if p.key_project]
    if key:
        project_table(e, key, L("重点项目及其目标人群"))


def _ranked(table: CountTable) -> list[tuple[str, int, Decimal]]:
    return [(r.label, r.count, r.share) for r in table.ranked() if not is_residual(r.label)][:TOP]


def evidence_facts(e: English, stats: InjuryStatistics) -> None:
    """The injury data the projects were chosen from: period, cases, leading causes."""
    L, F = e.labels, e.fmt
    if stats.record_count == 0 or stats.period_start is None or stats.period_end is None:
        e.p(L("尚无伤害监测记录。"))
        return
    causes = "; ".join(
        f"{L(label)} ({F.percent(share)})" for label, _, share in _ranked(stats.cause)[:3]
    )
    e.p(
        L(
            "{start}至{end}共记录伤害{n}例，主要原因：{causes}。",
            start=F.date(stats.period_start),
            end=F.date(stats.period_end),
            n=F.number(stats.record_count),
            causes=causes,
        )
    )


def injury_facts(e: English, stats: InjuryStatistics) -> None:
    """Cases by year, leading causes and places, the yearly rate."""
    L, F = e.labels, e.fmt
    if stats.record_count == 0:
        e.p(L("尚无伤害监测记录。"))
        return
    rows = tuple(
        (str(c.year), F.number(c.count), "\u2014" if c.change is None else F.percent(c.change))
        for c in stats.year_on_year
    )
    e.table(
        L("伤害病例逐年情况"),
        TableView(
            (L("年度"), L("病例数"), L("较上年变化")), rows, align=("center", "right", "right")
        ),
    )
    for table, caption, head in (
        (stats.cause, "主要伤害原因", "伤害原因"),
        (stats.place, "主要伤害发生地点", "发生地点"),
    ):
        ranked = tuple(
            (L(label), F.number(count), F.percent(share)) for label, count, share in _ranked(table)
        )
        e.table(
            L(caption),
            TableView(
                (L(head), L("病例数"), L("构成比")), ranked, align=("left", "right", "right")
            ),
        )
    rate = stats.rates.overall.rate
    if rate is not None:
        e.p(L("年均伤害发生率为每千人{rate}。", rate=F.number(rate, 2)))


def evaluation_facts(e: English, projects: Sequence[PromotionProject]) -> None:
    """Each project's measurable targets: how many, how many with a baseline."""
    L, F = e.labels, e.fmt
    if not projects:
        return
    rows = tuple(
        (
            e.project_name(p),
            F.number(len(p.targets)),
            F.number(sum(1 for t in p.targets if t.baseline is not None)),
            F.number(sum(1 for t in p.targets if t.data_source)),
        )
        for p in projects
    )
    columns = (L("项目名称"), L("目标指标"), L("有基线值"), L("有数据来源"))
    e.table(
        L("项目目标与评估"),
        TableView(columns, rows, widths=(10, 3, 3, 3), align=("left", "right", "right", "right")),
    )
