"""The 事故与伤害数据分析 chapter of the diagnosis report: tables, rates, charts and their reading."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..analysis import CountTable, InjuryStatistics, Rate, RateTable
from ..analysis.tables import CountRow
from .builder import BlockBuilder, sentence
from .chart import ChartKind, ChartSeries, ChartSpec
from .document import TableView
from .format import fmt_date, fmt_number, fmt_percent, fmt_rate
from .order import is_residual, residual_last

EMPTY = "—"
TOTAL = "合计"
AVERAGE = "年均"
"""Label of the last row of the rates by year: the rate of all years, per year."""

SHARE = "构成比"

# Which coded tables get a chart, and of what kind (the rest are tables only).
CHARTED: dict[str, ChartKind] = {"cause": "barh", "place": "pie"}
DETAIL_TABLES = ("activity", "intent", "nature", "body_part", "severity", "outcome")


def _ranked(table: CountTable) -> tuple[CountRow, ...]:
    """The rows with a count, largest first, 其他 (and 不详, 未填写 …) last."""
    return residual_last(table.ranked(), lambda row: row.label)


def count_table(table: CountTable, *, ranked: bool = False) -> TableView:
    """A frequency table as printed: label, 例数, 构成比 (the table's own shares), 合计 row;
    其他 and the like last."""
    rows = residual_last(_ranked(table) if ranked else table.rows, lambda row: row.label)
    body = [(row.label, fmt_number(row.count), fmt_percent(row.share)) for row in rows]
    body.append(
        (TOTAL, fmt_number(table.total), fmt_percent(Decimal(100) if table.total else Decimal(0)))
    )
    return TableView(
        columns=(table.title.removesuffix("构成"), "例数", SHARE),
        rows=tuple(body),
        align=("left", "center", "center"),
        total_row=True,
    )


def chart(table: CountTable, kind: ChartKind, title: str) -> ChartSpec:
    """A chart of one table: counts, or for a pie the table's own shares (so the chart prints
    the same percentages as the table; the renderer may merge small slices)."""
    if kind == "pie":
        rows = _ranked(table)
        return ChartSpec(
            kind=kind,
            title=title,
            categories=tuple(row.label for row in rows),
            series=(ChartSeries(name=SHARE, values=tuple(row.share for row in rows)),),
            unit="%",
        )
    rows = _ranked(table) if kind == "barh" else table.rows
    return ChartSpec(
        kind=kind,
        title=title,
        categories=tuple(row.label for row in rows),
        series=(ChartSeries(name="例数", values=tuple(row.count for row in rows)),),
        y_label="例数",
    )


def _rate(r: Rate) -> str:
    return fmt_rate(r.rate) if r.rate is not None else EMPTY


def _permille(r: Rate) -> str:
    return f"{fmt_rate(r.rate)}‰" if r.rate is not None else EMPTY


def _sexes(male: Rate, female: Rate) -> str:
    """Compare the sexes' rates as printed (rounded): 男性…高于/低于女性, or both equal."""
    if male.rate is None or female.rate is None:
        return ""
    if male.rate == female.rate:
        return f"；男性与女性年均伤害发生率均为{_permille(male)}"
    word = "高于" if male.rate > female.rate else "低于"
    return f"；男性年均伤害发生率（{_permille(male)}）{word}女性（{_permille(female)}）"


def _period_sentence(stats: InjuryStatistics, period: tuple[date, date] | None) -> str:
    """「监测数据时间范围为…至…，共收集伤害病例N例」: the report's stated period (its
    data_start/data_end); the records' first and last dates only when they differ from it."""
    first, last = stats.period_start, stats.period_end
    count = f"共收集伤害病例{fmt_number(stats.record_count)}例"
    if period is None:
        if first and last:
            return f"{fmt_date(first)}至{fmt_date(last)}{count}"
        return f"监测期内{count}"
    start, end = period
    text = f"监测数据时间范围为{fmt_date(start)}至{fmt_date(end)}，{count}"
    if first and last and (first, last) != (start, end):
        text += f"（病例的伤害发生日期为{fmt_date(first)}至{fmt_date(last)}）"
    return text


def _overall(
    b: BlockBuilder, stats: InjuryStatistics, period: tuple[date, date] | None = None
) -> None:
    b.h2("总体情况")
    totals = stats.rates.totals
    rate_text = ""
    if totals.total.rate is not None:
        rate_text = f"，年均伤害发生率为{_permille(totals.total)}"
        if totals.male.rate is not None and totals.female.rate is not None:
            rate_text += f"，其中男性{_permille(totals.male)}，女性{_permille(totals.female)}"
    b.p(f"{_period_sentence(stats, period)}{rate_text}。")
    changes = [
        f"{y.year}年{fmt_number(y.count)}例"
        + (
            f"（较上年{'增加' if y.change > 0 else '减少'}{fmt_percent(abs(y.change))}）"
            if y.change is not None and y.change != 0
            else ""
        )
        for y in stats.year_on_year
    ]
    if changes:
        b.p("各年度伤害病例数：" + "，".join(changes) + "。")
    b.table("各年度伤害病例数", count_table(stats.year))
    _year_rates(b, stats.rates)


def _year_rates(b: BlockBuilder, rates: RateTable) -> None:
    """Each year's rate by sex, a 年均 row, and a sentence reading them."""
    totals = rates.totals
    if not rates.by_year or totals.total.rate is None or totals.total.population is None:
        return
    yearly = "、".join(f"{y.year}年{_permille(y.total)}" for y in rates.by_year)
    text = (
        f"按常住人口{fmt_number(totals.total.population)}人计算，各年度伤害发生率依次为"
        f"{yearly}，年均{_permille(totals.total)}"
    )
    b.p(sentence(text + _sexes(totals.male, totals.female)))
    rows = [(f"{y.year}年", _rate(y.male), _rate(y.female), _rate(y.total)) for y in rates.by_year]
    rows.append((AVERAGE, _rate(totals.male), _rate(totals.female), _rate(totals.total)))
    b.table(
        "各年度伤害发生率（‰）",
        TableView(
            columns=("年份", "男", "女", TOTAL),
            rows=tuple(rows),
            align=("left", "center", "center", "center"),
            total_row=True,
        ),
    )


def _coded(b: BlockBuilder, title: str, table: CountTable) -> None:
    b.h2(title)
    top = [row for row in _ranked(table) if not is_residual(row.label)][:3]
    if top:
        b.p(
            f"{title}居前三位的依次为"
            + "、".join(f"{row.label}（{fmt_percent(row.share)}）" for row in top)
            + "。"
        )
    b.table(f"{title}构成", count_table(table, ranked=True))
    if table.total:
        b.figure(f"{title}构成", chart(table, CHARTED[table.dimension], f"{title}构成"))
        b.p(_concentration(table, title))


def _concentration(table: CountTable, title: str) -> str:
    """The reading of a chart of shares: how much the first three hold, how many share the rest."""
    ranked = [row for row in table.ranked() if row.count]
    top = ranked[:3]
    held = sum((row.share for row in top), Decimal(0))
    if len(ranked) <= len(top):
        return f"上述{len(ranked)}类即为全部{title}。"
    return (
        f"前{len(top)}位合计占{fmt_percent(held)}，其余{len(ranked) - len(top)}类共"
        f"{fmt_number(sum(row.count for row in ranked[3:]))}例，{title.removeprefix('伤害发生')}"
        f"{'相对集中' if held >= 60 else '较为分散'}。"
    )


def _sex_age(b: BlockBuilder, stats: InjuryStatistics) -> None:
    """Counts by age group and sex (the share is the group's own), the chart, and the rates."""
    table = stats.sex_age
    totals = table.totals
    if totals.total:
        top = max(table.rows, key=lambda row: row.total)
        b.p(
            f"伤害病例中男性{fmt_number(totals.male)}例（{fmt_percent(totals.male_share)}），"
            f"女性{fmt_number(totals.female)}例（{fmt_percent(totals.female_share)}）；"
            f"按年龄组看，{top.label}病例最多，共{fmt_number(top.total)}例，"
            f"占{fmt_percent(top.total_share)}。"
        )
    rows = [
        (
            row.label,
            fmt_number(row.male),
            fmt_number(row.female),
            fmt_number(row.total),
            fmt_percent(row.total_share),
        )
        for row in (*table.rows, table.totals)
    ]
    b.table(
        "伤害者年龄与性别分布",
        TableView(
            columns=("年龄组", "男", "女", TOTAL, SHARE),
            rows=tuple(rows),
            align=("left", "center", "center", "center", "center"),
            total_row=True,
        ),
    )
    if not table.totals.total:
        _age_rates(b, stats.rates)
        return
    b.figure(
        "伤害者年龄与性别分布",
        ChartSpec(
            kind="stacked_bar",
            title="伤害者年龄与性别分布",
            categories=tuple(row.label for row in table.rows),
            series=(
                ChartSeries("男", tuple(row.male for row in table.rows)),
                ChartSeries("女", tuple(row.female for row in table.rows)),
            ),
            y_label="例数",
        ),
    )
    _age_rates(b, stats.rates)


def _age_rates(b: BlockBuilder, rates: RateTable) -> None:
    """The rates of every age group by sex with their 合计 row, read in one sentence."""
    known = [row for row in rates.rows if row.total.rate is not None]
    if known:
        ranked = sorted(known, key=lambda row: -(row.total.rate or 0))
        text = f"分年龄组看，{ranked[0].label}年均伤害发生率最高（{_permille(ranked[0].total)}）"
        if len(ranked) > 1:
            text += f"，{ranked[1].label}次之（{_permille(ranked[1].total)}）"
        if rates.totals.total.rate is not None:
            text += f"，社区总体为{_permille(rates.totals.total)}"
        b.p(sentence(text))
        body = [
            (row.label, _rate(row.male), _rate(row.female), _rate(row.total))
            for row in (*rates.rows, rates.totals)
        ]
        b.table(
            "各年龄组年均伤害发生率（‰）",
            TableView(
                columns=("年龄组", "男", "女", TOTAL),
                rows=tuple(body),
                align=("left", "center", "center", "center"),
                total_row=True,
            ),
        )
    for note in rates.notes:
        b.p(sentence(note))


def _peaks(table: CountTable, lead: str) -> str:
    """The reading of a time chart: the busiest months or hours and their share."""
    ranked = [row for row in table.ranked() if row.count]
    if not ranked:
        return f"{lead}。"
    top = ranked[:3]
    held = sum((row.share for row in top), Decimal(0))
    names = "、".join(f"{row.label}（{fmt_number(row.count)}例）" for row in top)
    low = ranked[-1]
    return (
        f"{lead}，{names}最多，合计占{fmt_percent(held)}；"
        f"{low.label}最少（{fmt_number(low.count)}例）。"
    )


READING = {
    "activity": "伤害发生时的活动",
    "intent": "从伤害意图看，伤害",
    "nature": "伤害性质",
    "body_part": "受伤部位",
    "severity": "伤情",
    "outcome": "就诊后的结局",
}


def _leading(table: CountTable) -> str:
    """The sentence before a detail table: its leading one or two categories."""
    ranked = [row for row in table.ranked() if row.count]
    lead = READING.get(table.dimension, table.title)
    if not ranked:
        return f"{table.title}：监测期内未收集到病例。"
    first = ranked[0]
    text = f"{lead}以{first.label}为主（{fmt_number(first.count)}例，{fmt_percent(first.share)}）"
    if len(ranked) > 1:
        second = ranked[1]
        text += (
            f"，其次为{second.label}（{fmt_number(second.count)}例，{fmt_percent(second.share)}）"
        )
    return text + "。"


def analysis_chapter(
    b: BlockBuilder, stats: InjuryStatistics, period: tuple[date, date] | None = None
) -> None:
    """Add the chapter 事故与伤害数据分析: totals, rates, causes, places, age and sex, time,
    the other card fields and the focus groups, each table beside a sentence reading it.
    ``period`` is the report's stated data period (data_start, data_end), which the text gives;
    without it the records' first and last dates are given."""
    b.h1("事故与伤害数据分析")
    _overall(b, stats, period)
    _coded(b, "伤害发生原因", stats.cause)
    _coded(b, "伤害发生地点", stats.place)
    b.h2("伤害者年龄与性别")
    _sex_age(b, stats)
    b.h2("伤害发生时间")
    if stats.record_count:
        every = all(row.count for row in stats.month.rows)
        b.p(_peaks(stats.month, "伤害在全年各月均有发生" if every else "按月份看"))
        b.figure("伤害发生月份分布", chart(stats.month, "line", "伤害发生月份分布"))
        b.p(_peaks(stats.hour, "从一天中的时段看"))
        b.figure("伤害发生时段分布", chart(stats.hour, "bar", "伤害发生时段分布"))
    else:
        b.p("监测期内未收集到伤害病例。")
    b.h2("伤害发生时活动、意图、性质与部位")
    for dimension in DETAIL_TABLES[:4]:
        table = stats.table(dimension)
        b.p(_leading(table))
        b.table(table.title, count_table(table, ranked=True))
    b.h2("伤害严重程度与结局")
    for dimension in DETAIL_TABLES[4:]:
        table = stats.table(dimension)
        b.p(_leading(table))
        b.table(table.title, count_table(table))
    b.h2("重点人群伤害")
    for focus in stats.focus:
        if focus.total:
            b.p(
                f"{focus.title}（共{fmt_number(focus.total)}例）居前几位的依次为"
                + "、".join(
                    f"{row.label}{fmt_number(row.count)}例（{fmt_percent(row.share)}）"
                    for row in focus.rows
                )
                + "。"
            )
