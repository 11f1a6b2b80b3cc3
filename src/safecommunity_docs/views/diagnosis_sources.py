"""The diagnosis report's departmental statistics (one section per source) and its data-quality
section (card completeness, under-reporting, the household survey, reference rates)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..analysis import InjuryStatistics
from ..analysis.sources import compare, likely_under_reported, reporting, trend
from ..codes import TRAFFIC_CAUSES, InjuryActivity
from ..models.diagnosis import DiagnosisReport
from ..models.diagnosis_sources import DepartmentSource, DepartmentStatistics, HouseholdSurvey
from ..models.injury import InjuryRecord
from .builder import BlockBuilder, sentence
from .document import TableView
from .format import fmt_date, fmt_number, fmt_percent, fmt_plain, fmt_rate

EMPTY = "—"


def _change(t_change: Decimal | None, direction: str) -> str:
    if t_change is None or direction == "持平":
        return "，首末年份持平" if t_change is not None else ""
    return f"，{'增加' if t_change > 0 else '减少'}{fmt_percent(abs(t_change))}"


def _matching(source: DepartmentSource, records: Sequence[InjuryRecord], years: set[int]) -> str:
    """For traffic and work injuries: the cases the hospital surveillance recorded in the
    same years, to set beside the department's figures."""
    within = [r for r in records if r.injury_time.year in years]
    if source is DepartmentSource.TRAFFIC:
        n = sum(1 for r in within if r.cause in TRAFFIC_CAUSES)
        return f"同期医院伤害监测登记道路交通伤害{fmt_number(n)}例"
    if source is DepartmentSource.WORK_INJURY:
        n = sum(1 for r in within if r.activity is InjuryActivity.WORK)
        return f"同期医院伤害监测登记工作时发生的伤害{fmt_number(n)}例"
    return ""


def _department(
    b: BlockBuilder, data: DepartmentStatistics, records: Sequence[InjuryRecord]
) -> None:
    unit = data.source.unit
    t = trend(data.years)
    b.h2(data.source.value)
    what = data.scope or data.source.value
    span = f"{t.first_year}—{t.last_year}年" if t.first_year != t.last_year else f"{t.first_year}年"
    text = f"据{data.department}统计，{span}{what}共{fmt_number(t.total)}{unit}"
    if t.change is not None:
        text += (
            f"，由{t.first_year}年的{fmt_number(t.first)}{unit}变为{t.last_year}年的"
            f"{fmt_number(t.last)}{unit}{_change(t.change, t.direction)}"
        )
        if t.peak_year not in (t.first_year, t.last_year):
            text += f"，{t.peak_year}年最多（{fmt_number(t.peak)}{unit}）"
    harm = []
    if t.deaths is not None:
        harm.append(f"死亡{fmt_number(t.deaths)}人" if t.deaths else "未造成人员死亡")
    if t.injuries is not None:
        harm.append(f"受伤{fmt_number(t.injuries)}人")
    if harm:
        text += "，" + "、".join(harm)
    matching = _matching(data.source, records, {y.year for y in data.years})
    if matching:
        text += f"；{matching}"
    b.p(sentence(text))
    columns = ["年份", f"数量（{unit}）"]
    optional = (
        ("死亡（人）", [y.deaths for y in data.years]),
        ("受伤（人）", [y.injuries for y in data.years]),
        ("直接经济损失（万元）", [y.losses for y in data.years]),
    )
    shown = [(label, values) for label, values in optional if any(v is not None for v in values)]
    notes = any(y.notes for y in data.years)
    rows = []
    for i, year in enumerate(data.years):
        row = [f"{year.year}年", fmt_number(year.count)]
        row += [fmt_plain(v[i]) if v[i] is not None else EMPTY for _, v in shown]  # type: ignore[arg-type]
        if notes:
            row.append(year.notes or EMPTY)
        rows.append(tuple(row))
    columns += [label for label, _ in shown] + (["说明"] if notes else [])
    b.table(
        f"{data.source.value}年度统计",
        TableView(columns=tuple(columns), rows=tuple(rows)),
    )
    b.paragraphs(data.notes)


def department_chapter(
    b: BlockBuilder, report: DiagnosisReport, records: Sequence[InjuryRecord]
) -> None:
    """Add 部门统计数据分析: one section per departmental source the report provides."""
    if not report.department_statistics:
        return
    b.h1("部门统计数据分析")
    names = "、".join(d.source.value for d in report.department_statistics)
    b.p(
        f"为弥补医院伤害监测的不足，本次诊断收集了{names}等部门统计数据，"
        "逐项分析其年度变化，并与伤害监测数据相互印证。"
    )
    for data in report.department_statistics:
        _department(b, data, records)


def _card_completeness(records: Sequence[InjuryRecord]) -> str:
    total = len(records)
    fields = (
        ("职业", sum(1 for r in records if r.occupation is not None)),
        ("文化程度", sum(1 for r in records if r.education is not None)),
        ("户籍", sum(1 for r in records if r.household is not None)),
        ("伤害经过", sum(1 for r in records if r.description)),
    )
    missing = [(name, n) for name, n in fields if n < total]
    if not missing:
        return (
            f"{fmt_number(total)}张伤害报告卡的职业、文化程度、户籍和伤害经过均已填写，"
            "报告卡项目完整"
        )
    parts = "、".join(f"{name}{fmt_percent(Decimal(n * 100) / total)}" for name, n in missing)
    return f"{fmt_number(total)}张伤害报告卡中，部分项目填写不全，填写率分别为{parts}"


def _survey(
    b: BlockBuilder, survey: HouseholdSurvey, stats: InjuryStatistics, population: int
) -> None:
    years = stats.rates.totals.total.years
    found = reporting(survey, population, stats.record_count, years)
    text = (
        f"{fmt_date(survey.conducted)}开展的{survey.name}，{survey.method.rstrip('。')}，共调查"
        f"{fmt_number(survey.households)}户{fmt_number(survey.persons)}人，近12个月内受伤"
        f"{fmt_number(survey.injured_persons)}人，其中到医疗机构就诊{fmt_number(survey.seen_at_hospital)}人"
    )
    if found is not None:
        text += (
            f"。据此推算，辖区每年到医疗机构就诊的伤害约{fmt_number(found.expected_visits)}人，"
            f"而医院伤害监测年均登记{fmt_plain(found.recorded)}例，报告完整率约为"
            f"{fmt_percent(found.completeness)}"
        )
        if found.unreported > 0:
            text += f"，估计约{fmt_percent(found.unreported)}的就诊伤害未被登记"
    b.p(sentence(text))
    if survey.by_cause:
        b.p("入户调查中受伤人数按原因的分布见下表，可与伤害监测的原因构成对照。")
        rows = tuple(
            (
                c.cause.label,
                fmt_number(c.persons),
                fmt_percent(Decimal(c.persons * 100) / survey.injured_persons)
                if survey.injured_persons
                else EMPTY,
                fmt_number(c.seen_at_hospital) if c.seen_at_hospital is not None else EMPTY,
            )
            for c in survey.by_cause
        )
        listed = sum(c.persons for c in survey.by_cause)
        seen = [c.seen_at_hospital for c in survey.by_cause if c.seen_at_hospital is not None]
        total = (
            "合计",
            fmt_number(listed),
            fmt_percent(Decimal(listed * 100) / survey.injured_persons)
            if survey.injured_persons
            else EMPTY,
            fmt_number(sum(seen)) if seen else EMPTY,
        )
        b.table(
            f"{survey.name}受伤人员原因构成",
            TableView(
                columns=("伤害原因", "受伤人数", "占受伤人数", "就诊人数"),
                rows=(*rows, total),
                total_row=True,
            ),
        )
    b.paragraphs(survey.findings)


def quality_section(
    b: BlockBuilder,
    report: DiagnosisReport,
    stats: InjuryStatistics,
    population: int,
    records: Sequence[InjuryRecord],
) -> None:
    """Add 数据质量与漏报评估: completeness of the cards, whether the incidence suggests
    under-reporting, the household survey's estimate and the reference rates."""
    b.h2("数据质量与漏报评估")
    unanalysed = [s.name for s in report.data_sources if not s.analysed]
    text = _card_completeness(records) if records else "监测期内没有伤害报告卡"
    if unanalysed:
        text += f"；{len(unanalysed)}项数据来源未纳入统计分析，原因见数据来源表"
    b.p(sentence(text))
    rate = stats.rates.totals.total.rate
    if rate is not None:
        low = likely_under_reported(rate)
        text = f"医院伤害监测得到的年均伤害发生率为{fmt_rate(rate)}‰"
        if low:
            text += (
                "，明显低于一般社区人群的伤害水平，说明仅在诊所、单位医务室处置或未就医的伤害"
                "大多未进入监测，实际伤害负担应高于监测结果"
            )
        comparisons = compare(rate, report.reference_rates)
        if comparisons:
            parts = []
            for c in comparisons:
                when = f"{c.reference.year}年" if c.reference.year else ""
                word = "高于" if c.ratio > 1 else ("低于" if c.ratio < 1 else "相当于")
                parts.append(
                    f"{word}{when}{c.reference.name}（{fmt_rate(c.reference.rate)}‰，"
                    f"本社区为其{fmt_number(c.ratio)}倍）"
                )
            text += "；" + "，".join(parts)
        b.p(sentence(text))
        if comparisons:
            rows = tuple(
                (
                    c.reference.name,
                    str(c.reference.year) if c.reference.year else EMPTY,
                    fmt_rate(c.reference.rate),
                    fmt_number(c.ratio),
                    c.reference.source or EMPTY,
                )
                for c in comparisons
            )
            b.table(
                "伤害发生率与参照水平比较",
                TableView(
                    columns=("参照", "年份", "发生率（‰）", "本社区/参照", "出处"), rows=rows
                ),
            )
    if report.household_survey is not None:
        _survey(b, report.household_survey, stats, population)
