"""The diagnosis report view: every author text, the analysed tables and charts, the findings."""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import docx
import pytest

from safecommunity_docs import build, load, render
from safecommunity_docs.analysis import AgeGroups, FindingCategory, analyse, largest_remainder
from safecommunity_docs.build import context_for
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.charts.pie import slices
from safecommunity_docs.views.diagnosis import diagnosis_view
from safecommunity_docs.views.document import DocumentView, TableView
from tests.conftest import EXAMPLES
from tests.texts import model_texts
from tests.unit.test_analysis import COMMUNITY as HAND_COMMUNITY
from tests.unit.test_analysis import RECORDS as HAND_RECORDS

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "diagnosis.yaml").is_file())


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def case(request: pytest.FixtureRequest) -> tuple[Dossier, DocumentView]:
    dossier = load(request.param)
    assert dossier.diagnosis is not None
    return dossier, diagnosis_view(dossier.diagnosis, dossier, context_for(dossier).statistics)


def test_every_author_text_appears(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    assert dossier.diagnosis is not None
    shown = "\n".join(view.texts())
    missing = [t for t in model_texts(dossier.diagnosis) if t not in shown]
    assert not missing, missing[:3]


def test_skeleton_headings_in_order(case: tuple[Dossier, DocumentView]) -> None:
    _, view = case
    h1 = [b.text for b in view.blocks if b.kind == "h1"]
    assert h1 == [
        "一、社区概况",
        "二、诊断目的、范围与方法",
        "三、事故与伤害数据分析",
        "四、部门统计数据分析",
        "五、危险源辨识与隐患排查",
        "六、知信行及满意度调查",
        "七、两高一脆弱分析",
        "八、三重点一需求",
        "九、建议目标与项目",
    ]
    assert any(t.endswith("死亡病例") for t in (b.text for b in view.blocks if b.kind == "h2"))
    h2 = [b.text for b in view.blocks if b.kind == "h2"]
    for category in FindingCategory:
        assert any(text.endswith(str(category)) for text in h2), category


def test_tables_add_up_and_charts_are_there(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    stats = analyse(dossier.injury_records, dossier.community)
    captions = [b.text for b in view.blocks if b.kind == "caption"]
    tables = [b.table for b in view.blocks if b.table is not None]
    assert captions[0].startswith("表1 ")
    figures = [b for b in view.blocks if b.kind == "figure"]
    assert len(figures) == 5
    assert all(b.chart is not None for b in figures)
    assert [c for c in captions if c.startswith("图")] == [
        "图1 伤害发生原因构成",
        "图2 伤害发生地点构成",
        "图3 伤害者年龄与性别分布",
        "图4 伤害发生月份分布",
        "图5 伤害发生时段分布",
    ]
    cause = next(
        t
        for t, c in zip(tables, [c for c in captions if c.startswith("表")], strict=True)
        if "伤害发生原因构成" in c
    )
    counts = [int(row[1].replace(",", "")) for row in cause.rows[:-1]]
    assert sum(counts) == stats.record_count == len(dossier.injury_records)
    assert cause.rows[-1] == ("合计", f"{stats.record_count:,}", "100.0%")


def test_findings_sit_beside_the_author_conclusions(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    assert dossier.diagnosis is not None
    texts = [b.text for b in view.blocks]
    heading = texts.index(next(t for t in texts if t.endswith("高危人群")))
    assert texts[heading + 1].startswith("从伤害监测数据看，")
    assert "标准为" not in texts[heading + 1]
    first = dossier.diagnosis.conclusions.high_risk_groups[0]
    assert texts[heading + 2].endswith("确定高危人群为：")
    assert texts[heading + 3].startswith(f"（1）{first}")


def test_built_document_embeds_the_charts(tmp_path: Path) -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    result = build(dossier, tmp_path, formats=["docx"])
    [output] = [o for o in result.outputs if o.kind == "diagnosis_report"]
    document = docx.Document(io.BytesIO(output.path.read_bytes()))
    assert len(document.inline_shapes) == 5
    assert dossier.diagnosis is not None
    assert document.paragraphs[0].text == dossier.diagnosis.title


def test_every_finding_reads_as_a_sentence(case: tuple[Dossier, DocumentView]) -> None:
    from safecommunity_docs.views.findings import category_text

    dossier, _ = case
    found = analyse(dossier.injury_records, dossier.community).findings
    for category in FindingCategory:
        mine = [f for f in found if f.category == category]
        text = category_text(category, mine)
        assert all(f.subject in text for f in mine)
        assert "None" not in text
        assert "标准为" not in text
        assert "%以上" not in text
        assert "倍以上" not in text
        assert all(f.unit in text for f in mine if f.rule != "most_injuries")


# --- the statistics a diagnosis needs ---------------------------------------------------------

RATE = re.compile(r"^\d+\.\d{2}$")
SHARE = re.compile(r"^\d+\.\d%$")
YEAR_RATES, AGE_RATES, SEX_AGE = (
    "各年度伤害发生率（‰）",
    "各年龄组年均伤害发生率（‰）",
    "伤害者年龄与性别分布",
)


def _tables(view: DocumentView) -> dict[str, TableView]:
    """Each table of the view by its caption without the 表n number."""
    captions = [b.text.split(" ", 1)[1] for b in view.blocks if b.text.startswith("表")]
    tables = [b.table for b in view.blocks if b.table is not None]
    return dict(zip(captions, tables, strict=True))


def _half_up(value: Fraction) -> Fraction:
    """``value`` rounded half up to two decimals."""
    return Fraction(math.floor(value * 100 + Fraction(1, 2)), 100)


def _paragraph(view: DocumentView, start: str) -> str:
    return next(b.text for b in view.blocks if b.kind == "p" and b.text.startswith(start))


def test_rate_tables_by_year_and_by_age_with_a_total_row(
    case: tuple[Dossier, DocumentView],
) -> None:
    dossier, view = case
    stats = analyse(dossier.injury_records, dossier.community)
    tables = _tables(view)
    by_year = tables[YEAR_RATES]
    assert by_year.columns == ("年份", "男", "女", "合计")
    years = sorted({r.injury_time.year for r in dossier.injury_records})
    assert [row[0] for row in by_year.rows] == [f"{y}年" for y in years] + ["年均"]
    by_age = tables[AGE_RATES]
    assert [row[0] for row in by_age.rows] == [*stats.groups.labels, "合计"]
    assert by_age.total_row
    population = dossier.community.population
    records = dossier.injury_records
    men = sum(1 for r in records if r.sex.label == "男")
    # The 合计 row: the community's rate by sex, from its population, over the years covered.
    expected = [
        Fraction(n * 1000, len(years) * p)
        for n, p in ((men, population.male), (len(records) - men, population.female))
    ]
    expected.append(Fraction(len(records) * 1000, len(years) * population.total))
    for got, want in zip(by_age.rows[-1][1:], expected, strict=True):
        assert Fraction(got) == _half_up(want)
    assert by_year.rows[-1][1:] == by_age.rows[-1][1:]
    for year, row in zip(years, by_year.rows[:-1], strict=True):
        count = sum(1 for r in records if r.injury_time.year == year)
        assert Fraction(row[3]) == _half_up(Fraction(count * 1000, population.total))
    for table in (by_year, by_age):
        cells = [cell for row in table.rows for cell in row[1:]]
        assert all(RATE.match(cell) for cell in cells), cells


def test_rates_are_read_in_sentences_with_two_decimals(
    case: tuple[Dossier, DocumentView],
) -> None:
    _, view = case
    tables = _tables(view)
    total = tables[AGE_RATES].rows[-1]
    opening = next(b.text for b in view.blocks if "共收集伤害病例" in b.text)
    assert f"年均伤害发生率为{total[3]}‰，其中男性{total[1]}‰，女性{total[2]}‰" in opening
    yearly = _paragraph(view, "按常住人口")
    for row in tables[YEAR_RATES].rows[:-1]:
        assert f"{row[0]}{row[3]}‰" in yearly
    assert "男性年均伤害发生率" in yearly
    highest = max(tables[AGE_RATES].rows[:-1], key=lambda row: Decimal(row[3]))
    assert _paragraph(view, "分年龄组看，").startswith(
        f"分年龄组看，{highest[0]}年均伤害发生率最高（{highest[3]}‰）"
    )
    # Everywhere a rate is printed (findings included) it has exactly two decimals.
    printed = re.findall(r"([\d.,]+)‰", "\n".join(view.texts()))
    assert printed
    assert all(RATE.match(n.replace(",", "")) for n in printed), printed


def test_shares_add_up_and_a_group_share_comes_from_its_count(
    case: tuple[Dossier, DocumentView],
) -> None:
    _, view = case
    share_tables = {c: t for c, t in _tables(view).items() if "构成比" in t.columns}
    assert SEX_AGE in share_tables
    for caption, table in share_tables.items():
        k = table.columns.index("构成比")
        *rows, total = table.rows
        assert total[0] == "合计"
        assert total[k] == "100.0%", caption
        assert all(SHARE.match(row[k]) for row in table.rows), caption
        shares = [Decimal(row[k].rstrip("%")) for row in rows]
        assert sum(shares) == Decimal("100.0"), caption
        counts = [int(row[k - 1].replace(",", "")) for row in rows]
        # The rule of every table: largest remainder over the table's own counts.
        assert shares == list(largest_remainder(counts)), caption


def test_sex_age_share_is_the_age_groups_share(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    stats = analyse(dossier.injury_records, dossier.community)
    table = _tables(view)[SEX_AGE]
    printed = [row[4] for row in table.rows[:-1]]
    assert printed == [f"{row.share}%" for row in stats.age_group.rows]


def test_the_pie_prints_the_tables_shares(case: tuple[Dossier, DocumentView]) -> None:
    _, view = case
    table = _tables(view)["伤害发生地点构成"]
    [pie] = [b.chart for b in view.blocks if b.chart is not None and b.chart.kind == "pie"]
    shown = {row[0]: row[2] for row in table.rows[:-1] if row[1] != "0"}
    assert dict(zip(pie.categories, (f"{v}%" for v in pie.series[0].values), strict=True)) == shown
    for part in slices(pie):
        if part.label in shown:
            assert f"{part.percent}%" == shown[part.label]
    assert sum(p.percent for p in slices(pie)) == Decimal("100.0")


def test_hand_computed_statistics_are_printed() -> None:
    """The twelve records of test_analysis with age groups 0-14, 15-59, 60+ (see there)."""
    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.diagnosis is not None
    stats = analyse(HAND_RECORDS, HAND_COMMUNITY, AgeGroups((0, 15, 60)))
    view = diagnosis_view(dossier.diagnosis, dossier, stats=stats)
    tables = _tables(view)
    # 3, 5 and 4 of 12 records: 25.0, 41.7, 33.3 (the 男/女 cells 33.3 + 8.3 would give 41.6).
    assert tables[SEX_AGE].rows == (
        ("0—14岁", "1", "2", "3", "25.0%"),
        ("15—59岁", "4", "1", "5", "41.7%"),
        ("60岁及以上", "2", "2", "4", "33.3%"),
        ("合计", "7", "5", "12", "100.0%"),
    )
    # 2024: 4 men, 3 women; 2025: 3 men, 2 women; 5,000 men and 5,000 women.
    assert tables[YEAR_RATES].rows == (
        ("2024年", "0.80", "0.60", "0.70"),
        ("2025年", "0.60", "0.40", "0.50"),
        ("年均", "0.70", "0.50", "0.60"),
    )
    assert tables[AGE_RATES].rows == (
        ("0—14岁", "0.63", "1.33", "0.97"),
        ("15—59岁", "0.63", "0.16", "0.39"),
        ("60岁及以上", "1.00", "0.91", "0.95"),
        ("合计", "0.70", "0.50", "0.60"),
    )
    assert "年均伤害发生率为0.60‰，其中男性0.70‰，女性0.50‰。" in "\n".join(view.texts())
    assert _paragraph(view, "按常住人口") == (
        "按常住人口10000人计算，各年度伤害发生率依次为2024年0.70‰、2025年0.50‰，年均0.60‰；"
        "男性年均伤害发生率（0.70‰）高于女性（0.50‰）。"
    )
    assert _paragraph(view, "分年龄组看，") == (
        "分年龄组看，0—14岁年均伤害发生率最高（0.97‰），60岁及以上次之（0.95‰），社区总体为0.60‰。"
    )


def test_precomputed_statistics_are_used(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    assert dossier.diagnosis is not None
    stats = analyse(dossier.injury_records, dossier.community)
    assert diagnosis_view(dossier.diagnosis, dossier, stats=stats) == view
    fewer = analyse(dossier.injury_records[:10], dossier.community)
    other = diagnosis_view(dossier.diagnosis, dossier, stats=fewer)
    assert "共收集伤害病例10例" in "\n".join(other.texts())


def test_no_records_gives_tables_without_charts() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.diagnosis is not None
    view = diagnosis_view(dossier.diagnosis, dossier, stats=analyse([], dossier.community))
    assert not [b for b in view.blocks if b.kind == "figure"]
    tables = _tables(view)
    assert tables[SEX_AGE].rows[-1] == ("合计", "0", "0", "0", "0.0%")
    assert YEAR_RATES not in tables
    assert "共收集伤害病例0例。" in "\n".join(view.texts())


def test_sources_not_analysed_and_hazard_notes_are_printed() -> None:
    dossier = load(EXAMPLES / "jiangkou-park")
    assert dossier.diagnosis is not None
    sources = [
        s.model_copy(update={"analysed": False, "not_analysed_reason": f"口径不一（{n}）"})
        if n in (1, 2)
        else s
        for n, s in enumerate(dossier.diagnosis.data_sources)
    ]
    report = dossier.diagnosis.model_copy(update={"data_sources": sources})
    document = docx.Document(io.BytesIO(render(report, "docx", dossier=dossier)))
    cells = [c.text.replace("\u2060", "") for t in document.tables for row in t.rows for c in row.cells]
    text = "\n".join(p.text for p in document.paragraphs)
    skipped = [s for s in report.data_sources if not s.analysed]
    assert len(skipped) == 2
    for source in skipped:
        assert source.not_analysed_reason is not None
        assert any(f"未纳入本次统计分析：{source.not_analysed_reason}" in c for c in cells)
    for unit in report.hazard_units:
        for n, hazard in enumerate(unit.hazards, start=1):
            if hazard.note:
                assert f"整改情况说明（第{n}项）：{hazard.note}" in text
    states = Counter(c for c in cells if c.startswith(("已整改", "整改中")))
    notes = sum(1 for u in report.hazard_units for h in u.hazards if h.note and not h.rectified)
    assert states["整改中，见说明"] == notes
