"""The injury risk diagnosis report (事故与伤害风险诊断报告) view: the author's text beside the data."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis import DEFAULT_RULES, Finding, FindingCategory, InjuryStatistics
from ..analysis.sources import supported
from ..models.community import Community
from ..models.diagnosis import DataSource, DiagnosisReport, HazardUnit, Survey
from ..models.dossier import Dossier
from .builder import SENTENCE_END, BlockBuilder, sentence
from .diagnosis_data import analysis_chapter
from .diagnosis_deaths import deaths_section
from .diagnosis_sources import department_chapter, quality_section
from .document import DocumentView, TableView
from .findings import category_text, criteria_text
from .format import fmt_date, fmt_number, fmt_plain

EMPTY = "—"


def _overview(b: BlockBuilder, community: Community) -> None:
    b.h1("社区概况")
    population = community.population
    b.p(
        f"{community.name}隶属{community.parent_jurisdiction}，辖区面积"
        f"{fmt_plain(community.area_km2)}平方公里，常住人口{fmt_number(population.total)}人"
        f"（男性{fmt_number(population.male)}人，女性{fmt_number(population.female)}人），"
        f"{fmt_number(community.households)}户，流动人口{fmt_number(population.migrant)}人。"
    )
    b.paragraphs(community.location)
    b.paragraphs(community.safety_features)


def _method(b: BlockBuilder, report: DiagnosisReport) -> None:
    b.h1("诊断目的、范围与方法")
    for title, texts in (
        ("诊断目的", report.purpose),
        ("诊断范围", report.scope),
        ("诊断方法", report.methods),
    ):
        b.h2(title)
        b.paragraphs(texts)
        if title == "诊断方法":
            b.p(criteria_text(DEFAULT_RULES, report.min_cases))
    b.h2("数据来源")
    analysed = sum(1 for s in report.data_sources if s.analysed)
    b.p(
        f"本次诊断共收集{len(report.data_sources)}项伤害数据来源，其中{analysed}项纳入统计分析，"
        "各来源的收集方法和记录数见下表。"
    )
    rows = tuple(
        (
            str(n),
            s.name,
            s.method or EMPTY,
            fmt_number(s.records) if s.records is not None else EMPTY,
            _source_note(s),
        )
        for n, s in enumerate(report.data_sources, start=1)
    )
    b.table(
        "伤害数据来源",
        TableView(
            columns=("序号", "数据来源", "收集方法", "记录数", "说明"),
            rows=rows,
            align=("center", "left", "left", "center", "left"),
        ),
    )


def _source_note(source: DataSource) -> str:
    """The 说明 cell: the note, and for a source not analysed, why."""
    text = source.note or ""
    if not source.analysed:
        if text and not text.endswith(("。", "；")):
            text += "；"
        text += f"未纳入本次统计分析：{source.not_analysed_reason or '未说明原因'}"
    return text or EMPTY


def _hazard_table(unit: HazardUnit) -> TableView:
    rows = tuple(
        (
            str(n),
            h.description,
            h.location or EMPTY,
            h.level.label,
            h.measure or EMPTY,
            h.owner or EMPTY,
            fmt_date(h.deadline) if h.deadline else EMPTY,
            "已整改" if h.rectified else ("整改中，见说明" if h.note else "整改中"),
        )
        for n, h in enumerate(unit.hazards, start=1)
    )
    return TableView(
        columns=("序号", "危险源/隐患", "位置", "等级", "控制措施", "责任单位", "时限", "状态"),
        rows=rows,
        align=("center", "left", "left", "center", "left", "left", "center", "center"),
    )


def _hazards(b: BlockBuilder, units: Sequence[HazardUnit]) -> None:
    """The hazard chapter; on landscape pages, all of it, when its tables need them."""
    tables = [_hazard_table(unit) for unit in units]
    with b.landscape(any(t.is_landscape for t in tables)):
        b.h1("危险源辨识与隐患排查")
        if not units:
            b.p("本次诊断未单列危险源辨识单元。")
            return
        total = sum(len(u.hazards) for u in units)
        major = sum(1 for u in units for h in u.hazards if h.level.label == "重大")
        b.p(
            f"按项目、区域和人群划分{len(units)}个辨识单元，共辨识危险源和隐患{total}项，"
            f"其中重大隐患{major}项。"
        )
        for unit, table in zip(units, tables, strict=True):
            b.h2(unit.unit + (f"（{unit.method}）" if unit.method else ""))
            b.p(_unit_reading(unit))
            b.table(f"{unit.unit}危险源和隐患", table)
            for n, h in enumerate(unit.hazards, start=1):
                if h.note:
                    b.p(f"整改情况说明（第{n}项）：{h.note}")


def _unit_reading(unit: HazardUnit) -> str:
    """One sentence before a unit's hazard table: how many, how serious, how many fixed."""
    levels = [h.level.label for h in unit.hazards]
    graded = "、".join(
        f"{label}{levels.count(label)}项" for label in ("重大", "较大", "一般") if label in levels
    )
    fixed = sum(1 for h in unit.hazards if h.rectified)
    state = "已全部整改" if fixed == len(unit.hazards) else f"已整改{fixed}项"
    return f"{unit.unit}共排查出危险源和隐患{len(unit.hazards)}项（{graded}），{state}。"


def _surveys(b: BlockBuilder, surveys: Sequence[Survey]) -> None:
    b.h1("知信行及满意度调查")
    if not surveys:
        b.p("本次诊断未开展问卷调查。")
        return
    for survey in surveys:
        b.h2(survey.name)
        when = f"于{fmt_date(survey.conducted)}" if survey.conducted else ""
        valid = (
            f"，有效样本{fmt_number(survey.valid_responses)}份"
            if survey.valid_responses is not None
            else ""
        )
        b.p(f"{when}采用{survey.method}，样本量{fmt_number(survey.sample_size)}份{valid}。")
        if survey.results:
            rows = tuple(
                (str(n), r.indicator, r.group or "全体", f"{fmt_plain(r.value)}{r.unit}")
                for n, r in enumerate(survey.results, start=1)
            )
            b.table(
                f"{survey.name}结果", TableView(columns=("序号", "指标", "人群", "结果"), rows=rows)
            )
        b.paragraphs(survey.findings)


def _findings(
    b: BlockBuilder,
    title: str,
    categories: Sequence[tuple[FindingCategory, list[str]]],
    findings: Sequence[Finding],
    extra: tuple[str, list[str]] | None = None,
) -> None:
    b.h1(title)
    for n, (category, conclusions) in enumerate(categories):
        b.h2(str(category))
        data = category_text(category, [f for f in findings if f.category == category])
        if data:
            b.p(f"从伤害监测数据看，{data}。")
        if conclusions:
            lead = "结合危险源辨识、问卷调查和座谈情况，确定" if n == 0 else "确定的"
            if len(conclusions) == 1:
                b.p(f"{lead}{category}为{sentence(conclusions[0])}")
            else:
                b.p(f"{lead}{category}为：")
                _listed(b, conclusions)
        if not data and not conclusions:
            b.p("本次诊断未发现。")
    if extra is not None and extra[1]:
        b.h2(extra[0])
        b.paragraphs([sentence(t) for t in extra[1]])


def _listed(b: BlockBuilder, texts: Sequence[str]) -> None:
    """The author's conclusions as numbered points （1）…；（2）…。, each text as written."""
    for n, text in enumerate(texts, start=1):
        end = "" if text.endswith(SENTENCE_END) else ("。" if n == len(texts) else "；")
        b.p(f"（{n}）{text}{end}")


def _recommendations(b: BlockBuilder, report: DiagnosisReport) -> None:
    b.h1("建议目标与项目")
    if not report.recommendations:
        b.p("根据以上诊断结论，由各工作组制定安全促进项目。")
        return
    b.p(
        f"针对以上重点问题，建议设立{len(report.recommendations)}个安全促进项目，"
        "各项目的针对问题和建议目标见下表。"
    )
    rows = tuple(
        (str(n), r.area.label, r.problem, r.target, r.project)
        for n, r in enumerate(report.recommendations, start=1)
    )
    b.table(
        "建议目标与安全促进项目",
        TableView(columns=("序号", "领域", "针对问题", "建议目标", "建议项目"), rows=rows),
    )


def diagnosis_view(
    report: DiagnosisReport, dossier: Dossier, stats: InjuryStatistics
) -> DocumentView:
    """Build the diagnosis report view: community, method, the injury data analysed (tables and
    charts), hazards, surveys, 两高一脆弱 and 三重点一需求 (derived findings beside the author's
    conclusions), and the recommended targets and projects. ``stats`` are the statistics of the
    dossier's injury records (computed once per build)."""
    community = dossier.community
    b = BlockBuilder()
    _overview(b, community)
    _method(b, report)
    analysis_chapter(b, stats, (report.data_start, report.data_end))
    records = dossier.injury_records
    deaths_section(b, records, dossier.projects, report.death_notes)
    quality_section(b, report, stats, community.population.total, records)
    department_chapter(b, report, records)
    _hazards(b, report.hazard_units)
    _surveys(b, report.surveys)
    c = report.conclusions
    found = supported(stats.findings, report.min_cases)
    _findings(
        b,
        "两高一脆弱分析",
        [
            (FindingCategory("高危人群"), c.high_risk_groups),
            (FindingCategory("高风险环境"), c.high_risk_environments),
            (FindingCategory("脆弱群体"), c.vulnerable_groups),
        ],
        found,
    )
    _findings(
        b,
        "三重点一需求",
        [
            (FindingCategory("重点问题"), c.key_problems),
            (FindingCategory("重点人群"), c.key_groups),
            (FindingCategory("重点场所"), c.key_places),
        ],
        found,
        extra=("安全需求", c.safety_needs),
    )
    _recommendations(b, report)
    b.add("blank")
    b.add("signature", report.author)
    b.add("date", fmt_date(report.report_date))
    return DocumentView(
        title=report.title,
        subtitle=f"（{fmt_date(report.data_start)}—{fmt_date(report.data_end)}）",
        blocks=tuple(b.blocks),
        author=report.author,
        document_date=report.report_date,
        subject=f"{community.name}事故与伤害风险诊断",
        keywords=(community.name, "风险诊断"),
    )
