"""Analysis: hand-computed tables, rates and findings for a fixed set of twelve records."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from safecommunity_docs.analysis import (
    AgeGroups,
    CountTable,
    FindingCategory,
    FindingRules,
    analyse,
    band_population,
    by_age_group,
    by_hour,
    by_month,
    by_sub_unit,
    by_year,
    children_top_causes,
    count_by,
    disabled_top_causes,
    duplicate_pairs,
    findings,
    largest_remainder,
    older_top_causes,
    overall_rate,
    rate_table,
    sex_age_table,
    top_causes,
    year_on_year,
)
from safecommunity_docs.codes import InjuryCause, InjuryNature, InjuryPlace
from safecommunity_docs.models import Community, InjuryRecord
from safecommunity_docs.views.findings import category_text

D = Decimal
BROAD = AgeGroups((0, 15, 60))  # lines up with the community's bands below

COMMUNITY_DATA: dict[str, Any] = {
    "name": "测试街道",
    "type": "街道",
    "parent_jurisdiction": "示例市示例区",
    "area_km2": "3.5",
    "households": 4000,
    "population": {
        "total": 10000,
        "male": 5000,
        "female": 5000,
        "disabled": 150,
        "age_bands": [
            {"from_age": 0, "to_age": 14, "male": 800, "female": 750},
            {"from_age": 15, "to_age": 59, "male": 3200, "female": 3150},
            {"from_age": 60, "male": 1000, "female": 1100},
        ],
    },
    "sub_units": ["东社区", "西社区"],
    "target_level": "市级",
    "creation_start": "2025-03-01",
}
COMMUNITY = Community.model_validate(COMMUNITY_DATA)


def record(
    n: int,
    sex: str,
    age: int,
    when: str,
    cause: str,
    place: str,
    severity: str,
    **extra: Any,
) -> InjuryRecord:
    """Build a valid card; the visit is an hour after the injury and reported the same day."""
    injury = datetime.fromisoformat(when)
    visit = injury + timedelta(hours=1)
    data: dict[str, Any] = {
        "card_no": f"T{n:03d}",
        "sex": sex,
        "age": age,
        "injury_time": injury,
        "visit_time": visit,
        "report_date": visit.date(),
        "cause": cause,
        "place": place,
        "activity": "休闲活动",
        "intent": "非故意",
        "nature": ["挫伤、擦伤"],
        "body_part": "下肢",
        "severity": severity,
        "outcome": "处理后离院",
    }
    data.update(extra)
    return InjuryRecord.model_validate(data)


RECORDS: tuple[InjuryRecord, ...] = (
    record(1, "男", 72, "2024-01-05 08:10", "跌倒/坠落", "家中", "轻度", sub_unit="东社区"),
    record(
        2,
        "女",
        80,
        "2024-01-20 09:30",
        "跌倒/坠落",
        "家中",
        "重度",
        sub_unit="东社区",
        nature=["骨折", "挫伤、擦伤"],
    ),
    record(3, "女", 65, "2024-03-02 18:00", "跌倒/坠落", "公共居住场所", "中度", sub_unit="东社区"),
    record(
        4,
        "男",
        8,
        "2024-06-10 15:00",
        "跌倒/坠落",
        "学校与公共场所",
        "轻度",
        sub_unit="东社区",
        household="本市/县",
    ),
    record(
        5,
        "男",
        30,
        "2024-07-01 07:45",
        "机动车车祸",
        "公路/街道",
        "重度",
        sub_unit="西社区",
        household="外省",
    ),
    record(6, "女", 40, "2024-07-01 17:20", "非机动车车祸", "公路/街道", "中度", sub_unit="西社区"),
    record(
        7, "男", 45, "2025-02-14 10:00", "刀/锐器伤", "工业和建筑场所", "轻度", sub_unit="南社区"
    ),
    record(8, "男", 50, "2025-05-05 14:30", "钝器伤", "工业和建筑场所", "中度"),
    record(9, "女", 3, "2025-08-08 12:00", "烧烫伤", "家中", "中度", nature=["烧烫伤"]),
    record(10, "男", 72, "2025-09-09 08:10", "跌倒/坠落", "家中", "重度", disabled=True),
    record(11, "女", 12, "2025-10-01 16:00", "动物伤", "公共居住场所", "轻度"),
    # Same sex, age, time and cause as record 5: a likely duplicate card.
    record(12, "男", 30, "2024-07-01 07:45", "机动车车祸", "公路/街道", "轻度"),
)


def cells(table: CountTable) -> dict[str, tuple[int, Decimal]]:
    return {row.label: (row.count, row.share) for row in table.rows}


# --- rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "places", "expected"),
    [
        ([1, 1, 1], 1, ["33.4", "33.3", "33.3"]),
        ([1, 1, 1], 0, ["34", "33", "33"]),
        ([2, 1], 1, ["66.7", "33.3"]),
        ([1, 1, 1, 1, 1, 1, 1], 1, ["14.3", "14.3", "14.3", "14.3", "14.3", "14.3", "14.2"]),
        ([5, 2, 0, 1], 1, ["62.5", "25.0", "0.0", "12.5"]),
        ([0, 0, 0], 1, ["0.0", "0.0", "0.0"]),
        ([7], 2, ["100.00"]),
        ([], 1, []),
    ],
)
def test_largest_remainder(counts: list[int], places: int, expected: list[str]) -> None:
    shares = largest_remainder(counts, places)
    assert shares == tuple(D(e) for e in expected)
    assert [str(s) for s in shares] == expected  # exactly ``places`` decimals


def test_largest_remainder_rejects_negatives() -> None:
    with pytest.raises(ValueError, match="counts"):
        largest_remainder([1, -1])
    with pytest.raises(ValueError, match="places"):
        largest_remainder([1], -1)


# --- frequency tables -------------------------------------------------------------------------


def test_causes_every_code_in_order_with_largest_remainder_shares() -> None:
    table = count_by(RECORDS, "cause")
    assert table.dimension == "cause"
    assert table.title == "伤害发生原因"
    assert [row.code for row in table.rows] == list(range(1, 15))
    assert table.total == 12
    got = {label: v for label, v in cells(table).items() if v[0]}
    # 5/12, 2/12 and 1/12 leave remainders 8, 8 and 4 (in 1/12 units of 0.1): the three
    # missing tenths go to 机动车车祸 and 跌倒/坠落, then to the first 1/12 cause by code.
    assert got == {
        "机动车车祸": (2, D("16.7")),
        "非机动车车祸": (1, D("8.4")),
        "跌倒/坠落": (5, D("41.7")),
        "钝器伤": (1, D("8.3")),
        "刀/锐器伤": (1, D("8.3")),
        "烧烫伤": (1, D("8.3")),
        "动物伤": (1, D("8.3")),
    }
    assert table.row("溺水").share == D("0.0")
    assert sum(r.share for r in table.rows) == D("100.0")


def test_places_severity_and_sex() -> None:
    places = {k: v for k, v in cells(count_by(RECORDS, "place")).items() if v[0]}
    assert places == {
        "家中": (4, D("33.3")),
        "公共居住场所": (2, D("16.7")),
        "学校与公共场所": (1, D("8.3")),
        "公路/街道": (3, D("25.0")),
        "工业和建筑场所": (2, D("16.7")),
    }
    assert cells(count_by(RECORDS, "severity")) == {
        "轻度": (5, D("41.7")),
        "中度": (4, D("33.3")),
        "重度": (3, D("25.0")),
    }
    assert cells(count_by(RECORDS, "sex")) == {"男": (7, D("58.3")), "女": (5, D("41.7"))}


def test_nature_counts_the_main_nature_only() -> None:
    table = cells(count_by(RECORDS, "nature"))
    assert table["骨折"] == (1, D("8.4"))  # the first 1/12 row by code takes the spare tenth
    assert table["烧烫伤"][0] == 1
    assert table["挫伤、擦伤"][0] == 10


def test_optional_field_gets_a_missing_row() -> None:
    table = count_by(RECORDS, "household")
    assert [r.label for r in table.rows] == ["本市/县", "本省外地", "外省", "外籍", "未填写"]
    assert [r.count for r in table.rows] == [1, 0, 1, 0, 10]
    assert table.rows[-1].code is None
    assert "未填写" not in [r.label for r in count_by(RECORDS, "cause").rows]


def test_every_coded_field_has_a_table() -> None:
    for field in (
        "cause",
        "place",
        "activity",
        "intent",
        "alcohol",
        "nature",
        "body_part",
        "severity",
        "outcome",
        "sex",
        "household",
        "education",
        "occupation",
    ):
        table = count_by(RECORDS, field)
        assert sum(r.count for r in table.rows) == 12
        assert sum(r.share for r in table.rows) == D("100.0")


def test_year_month_hour() -> None:
    assert cells(by_year(RECORDS)) == {"2024年": (7, D("58.3")), "2025年": (5, D("41.7"))}
    months = by_month(RECORDS)
    assert [r.label for r in months.rows] == [f"{m}月" for m in range(1, 13)]
    assert [r.count for r in months.rows] == [2, 1, 1, 0, 1, 1, 3, 1, 1, 1, 0, 0]
    hours = by_hour(RECORDS)
    assert [r.label for r in hours.rows][:2] == ["0时", "1时"]
    assert len(hours.rows) == 24
    assert {r.code: r.count for r in hours.rows if r.count} == {
        7: 2,
        8: 2,
        9: 1,
        10: 1,
        12: 1,
        14: 1,
        15: 1,
        16: 1,
        17: 1,
        18: 1,
    }


def test_year_table_keeps_gap_years() -> None:
    records = [RECORDS[0], record(99, "男", 30, "2026-04-01 10:00", "钝器伤", "家中", "轻度")]
    assert [(r.label, r.count) for r in by_year(records).rows] == [
        ("2024年", 1),
        ("2025年", 0),
        ("2026年", 1),
    ]


def test_sub_units_in_community_order_then_unlisted_then_missing() -> None:
    table = by_sub_unit(RECORDS, COMMUNITY)
    assert [(r.label, r.code, r.count) for r in table.rows] == [
        ("东社区", 1, 4),
        ("西社区", 2, 2),
        ("南社区", None, 1),
        ("未填写", None, 5),
    ]


# --- age groups -------------------------------------------------------------------------------


def test_age_groups_labels_and_lookup() -> None:
    groups = AgeGroups()
    assert groups.labels == (
        "0—4岁",
        "5—14岁",
        "15—24岁",
        "25—44岁",
        "45—59岁",
        "60—69岁",
        "70岁及以上",
    )
    assert [groups.label(a) for a in (0, 4, 5, 59, 60, 70, 120)] == [
        "0—4岁",
        "0—4岁",
        "5—14岁",
        "45—59岁",
        "60—69岁",
        "70岁及以上",
        "70岁及以上",
    ]
    assert AgeGroups((0, 1)).labels == ("0岁", "1岁及以上")
    for bad in ((), (5, 10), (0, 10, 10), (0, 130)):
        with pytest.raises(ValueError, match="age group"):
            AgeGroups(bad)


def test_by_age_group() -> None:
    table = by_age_group(RECORDS)
    assert [(r.label, r.code, r.count, str(r.share)) for r in table.rows] == [
        ("0—4岁", 0, 1, "8.3"),
        ("5—14岁", 5, 2, "16.7"),
        ("15—24岁", 15, 0, "0.0"),
        ("25—44岁", 25, 3, "25.0"),
        ("45—59岁", 45, 2, "16.7"),
        ("60—69岁", 60, 1, "8.3"),
        ("70岁及以上", 70, 3, "25.0"),
    ]


def test_sex_age_table_adds_up_both_ways() -> None:
    table = sex_age_table(RECORDS)
    assert table.columns == ("男", "女", "合计")
    got = [
        (
            r.label,
            r.male,
            r.female,
            r.total,
            str(r.male_share),
            str(r.female_share),
            str(r.total_share),
        )
        for r in table.rows
    ]
    # The 14 cells share 100 by largest remainder: the 2/12 cells (remainder 8) win first,
    # then the first 1/12 cell (0—4岁 女). A row's 合计 share is its group's own share of the
    # seven group counts 1, 2, 0, 3, 2, 1, 3 (8.3 … 25.0), not the sum of its two cells.
    assert got == [
        ("0—4岁", 0, 1, 1, "0.0", "8.4", "8.3"),
        ("5—14岁", 1, 1, 2, "8.3", "8.3", "16.7"),
        ("15—24岁", 0, 0, 0, "0.0", "0.0", "0.0"),
        ("25—44岁", 2, 1, 3, "16.7", "8.3", "25.0"),
        ("45—59岁", 2, 0, 2, "16.7", "0.0", "16.7"),
        ("60—69岁", 0, 1, 1, "0.0", "8.3", "8.3"),
        ("70岁及以上", 2, 1, 3, "16.7", "8.3", "25.0"),
    ]
    assert [r.total_share for r in table.rows] == [r.share for r in by_age_group(RECORDS).rows]
    t = table.totals
    assert (t.label, t.male, t.female, t.total) == ("合计", 7, 5, 12)
    # 7/12 = 58.33 and 5/12 = 41.67: the sexes' own shares, as in the table by sex.
    assert (t.male_share, t.female_share, t.total_share) == (D("58.3"), D("41.7"), D("100.0"))
    assert (t.male_share, t.female_share) == tuple(r.share for r in count_by(RECORDS, "sex").rows)


# --- rates ------------------------------------------------------------------------------------


def test_overall_rate() -> None:
    overall = overall_rate(RECORDS, COMMUNITY)
    assert (overall.count, overall.population, overall.years) == (12, 10000, 2)
    assert overall.rate == D("0.60")  # 12 / 2 years / 10,000 × 1,000
    assert overall_rate(RECORDS, COMMUNITY, years=3).rate == D("0.40")
    assert overall_rate([], COMMUNITY).rate is None
    assert overall_rate([], COMMUNITY).note


def test_rates_by_age_group_and_sex() -> None:
    table = rate_table(RECORDS, COMMUNITY, BROAD)
    assert table.notes == ()
    got = [(r.label, r.male.rate, r.female.rate, r.total.rate) for r in table.rows]
    assert got == [
        ("0—14岁", D("0.63"), D("1.33"), D("0.97")),  # 1/2/800, 2/2/750, 3/2/1550 (‰)
        ("15—59岁", D("0.63"), D("0.16"), D("0.39")),  # 4/2/3200, 1/2/3150, 5/2/6350
        ("60岁及以上", D("1.00"), D("0.91"), D("0.95")),  # 2/2/1000, 2/2/1100, 4/2/2100
    ]
    assert table.rows[0].female.population == 750


def test_rates_total_row_is_the_community_by_sex() -> None:
    table = rate_table(RECORDS, COMMUNITY, BROAD)
    t = table.totals
    assert t.label == "合计"
    # 7 men / 2 years / 5,000 = 0.70‰; 5 women / 2 / 5,000 = 0.50‰; 12 / 2 / 10,000 = 0.60‰
    assert (t.male.rate, t.female.rate, t.total.rate) == (D("0.70"), D("0.50"), D("0.60"))
    assert (t.male.population, t.female.population, t.male.count) == (5000, 5000, 7)
    assert t.total == table.overall
    # Without matching bands the groups have no rate, the 合计 row still has one.
    assert rate_table(RECORDS, COMMUNITY).totals == t


def test_rates_by_calendar_year_and_sex() -> None:
    table = rate_table(RECORDS, COMMUNITY, BROAD)
    got = [(y.year, y.male.rate, y.female.rate, y.total.rate) for y in table.by_year]
    # 2024: 4 men, 3 women; 2025: 3 men, 2 women; each over one year of the population.
    assert got == [
        (2024, D("0.80"), D("0.60"), D("0.70")),
        (2025, D("0.60"), D("0.40"), D("0.50")),
    ]
    assert all(y.total.years == 1 for y in table.by_year)
    gap = [r for r in RECORDS if r.injury_time.year == 2024] + [
        r.model_copy(update={"injury_time": r.injury_time.replace(year=2026)})
        for r in RECORDS
        if r.injury_time.year == 2025
    ]
    by_year = rate_table(gap, COMMUNITY, BROAD).by_year
    assert [(y.year, str(y.total.rate)) for y in by_year] == [
        (2024, "0.70"),
        (2025, "0.00"),
        (2026, "0.50"),
    ]
    assert rate_table([], COMMUNITY).by_year == ()


def test_rates_are_none_with_a_note_when_groups_and_bands_differ() -> None:
    table = rate_table(RECORDS, COMMUNITY)  # default groups: 0-4 ends inside the 0-14 band
    assert all(r.total.rate is None and r.male.note for r in table.rows)
    assert (
        table.rows[0].total.note == "年龄组0—4岁的边界落在人口年龄段0—14岁之内，无法计算伤害发生率"
    )
    assert "年龄组70岁及以上的边界落在人口年龄段60岁及以上之内，无法计算伤害发生率" in table.notes
    assert table.overall.rate == D("0.60")
    assert band_population(COMMUNITY.population.age_bands, 0, 59) == (4000, 3900)
    no_bands = COMMUNITY.model_copy(
        update={"population": COMMUNITY.population.model_copy(update={"age_bands": []})}
    )
    assert rate_table(RECORDS, no_bands).notes == ("社区未提供分年龄段人口",)


def test_year_on_year() -> None:
    changes = year_on_year(RECORDS)
    assert [(c.year, c.count, c.change) for c in changes] == [
        (2024, 7, None),
        (2025, 5, D("-28.6")),
    ]
    assert year_on_year([]) == ()


# --- focus groups and findings ----------------------------------------------------------------


def test_focus_groups_top_causes() -> None:
    older = older_top_causes(RECORDS)
    assert (older.dimension, older.title, older.total) == ("cause:older", "老年人伤害发生原因", 4)
    assert [(r.label, r.count, r.share) for r in older.rows] == [("跌倒/坠落", 4, D("100.0"))]
    kids = children_top_causes(RECORDS, n=2)
    # three causes tie at one record each: code order decides (跌倒/坠落 3, 烧烫伤 7, 动物伤 11)
    assert [(r.label, r.count) for r in kids.rows] == [("跌倒/坠落", 1), ("烧烫伤", 1)]
    assert [r.label for r in disabled_top_causes(RECORDS).rows] == ["跌倒/坠落"]
    everyone = top_causes(RECORDS, lambda r: True, n=3)
    assert [r.label for r in everyone.rows] == ["跌倒/坠落", "机动车车祸", "非机动车车祸"]


def test_findings_in_documented_order() -> None:
    found = findings(RECORDS, COMMUNITY, BROAD)
    got = [
        (f.category.value, f.subject, f.rule, str(f.value), str(f.reference), f.unit) for f in found
    ]
    assert got == [
        ("高危人群", "0—14岁女性", "rate_ratio", "1.33", "0.60", "‰"),
        ("高危人群", "60岁及以上男性", "rate_ratio", "1.00", "0.60", "‰"),
        ("高危人群", "60岁及以上女性", "rate_ratio", "0.91", "0.60", "‰"),  # 0.909 > 1.5 × 0.6
        ("高风险环境", "家中", "severe_share_max", "66.7", "33.3", "%"),
        ("高风险环境", "家中", "share_threshold", "33.3", "20", "%"),
        ("高风险环境", "公路/街道", "share_threshold", "25.0", "20", "%"),
        ("脆弱群体", "老年人", "rate_above", "0.95", "0.60", "‰"),
        ("脆弱群体", "儿童", "rate_above", "0.97", "0.60", "‰"),
        ("脆弱群体", "残疾人", "rate_above", "3.33", "0.60", "‰"),
        ("重点问题", "跌倒/坠落", "cumulative_share", "41.7", "41.7", "%"),
        ("重点问题", "机动车车祸", "cumulative_share", "16.7", "58.4", "%"),
        ("重点人群", "15—59岁", "most_injuries", "41.7", "33.3", "%"),
        ("重点人群", "0—14岁女性", "highest_rate", "1.33", "0.60", "‰"),
        ("重点场所", "家中", "top_count", "33.3", "33.3", "%"),
        ("重点场所", "公路/街道", "top_count", "25.0", "58.3", "%"),
        ("重点场所", "公共居住场所", "top_count", "16.7", "75.0", "%"),
    ]
    assert (found[0].count, found[0].ratio, found[0].threshold) == (2, D("2.22"), D("1.5"))
    # the wording gives the numbers, not the rule (the threshold is stated in the method)
    assert category_text(found[0].category, found[:1]) == (
        "0—14岁女性（1.33‰，为总体的2.22倍）的年均伤害发生率明显高于社区总体水平（0.60‰）"
    )
    assert found[0].category is FindingCategory.HIGH_RISK_GROUP
    assert found[0].category.value == "高危人群"


def test_findings_thresholds_are_parameters() -> None:
    rules = FindingRules(risk_ratio=D(2), place_share=D(30), problem_share=D(40), top_places=1)
    found = findings(RECORDS, COMMUNITY, BROAD, rules)
    by_rule = [(f.subject, f.rule) for f in found]
    assert [s for s, r in by_rule if r == "rate_ratio"] == ["0—14岁女性"]
    assert [s for s, r in by_rule if r == "share_threshold"] == ["家中"]
    assert [s for s, r in by_rule if r == "cumulative_share"] == ["跌倒/坠落"]
    assert [s for s, r in by_rule if r == "top_count"] == ["家中"]


def test_vulnerable_groups_fall_back_to_severe_share_without_population() -> None:
    population = COMMUNITY.population.model_copy(update={"age_bands": [], "disabled": None})
    bare = COMMUNITY.model_copy(update={"population": population})
    found = [f for f in findings(RECORDS, bare) if f.category == "脆弱群体"]
    # older: 2 of 4 severe (50 %), disabled: 1 of 1; all: 3 of 12 (25 %); children: none severe
    assert [(f.subject, f.rule, f.value, f.reference) for f in found] == [
        ("老年人", "severe_share_above", D("50.0"), D("25.0")),
        ("残疾人", "severe_share_above", D("100.0"), D("25.0")),
    ]
    # without rates there is no 高危人群 and no highest-rate 重点人群
    assert not [f for f in findings(RECORDS, bare) if f.rule in {"rate_ratio", "highest_rate"}]


def test_severe_shares_of_findings_are_the_tables_shares() -> None:
    population = COMMUNITY.population.model_copy(update={"age_bands": [], "disabled": None})
    bare = COMMUNITY.model_copy(update={"population": population})
    severities = ("重度", "轻度", "轻度", "轻度", "轻度", "中度")
    ages = (72, 80, 30, 40, 50, 45)
    six = [
        record(n, "男", age, f"2024-0{n}-01 08:00", "跌倒/坠落", "家中", severity)
        for n, (age, severity) in enumerate(zip(ages, severities, strict=True), start=1)
    ]
    # 轻 4, 中 1, 重 1 of 6: 66.67, 16.67, 16.67; floors 666 + 166 + 166 = 998, the two
    # missing units go to the equal remainders in table order (轻, 中): 66.7, 16.7, 16.6. The
    # severity table prints 16.6 for 重度, so the finding says 16.6 too (16.7 rounded alone).
    # Older people: 1 of 2, 50.0.
    table = count_by(six, "severity")
    assert [str(r.share) for r in table.rows] == ["66.7", "16.7", "16.6"]
    [found] = [f for f in findings(six, bare) if f.category == "脆弱群体"]
    assert (found.subject, found.rule, found.value, found.reference) == (
        "老年人",
        "severe_share_above",
        D("50.0"),
        D("16.6"),
    )
    assert category_text(found.category, [found]) == (
        "老年人受伤后伤情较重，重度伤害占50.0%，全部伤害中这一比例为16.6%"
    )


def test_findings_without_records() -> None:
    assert findings([], COMMUNITY) == ()


# --- the whole analysis -----------------------------------------------------------------------


def test_duplicates() -> None:
    assert duplicate_pairs(RECORDS) == ((4, 11),)
    three = [*RECORDS, RECORDS[4].model_copy(update={"card_no": "T013"})]
    assert duplicate_pairs(three) == ((4, 11), (4, 12), (11, 12))


def test_analyse_collects_everything() -> None:
    stats = analyse(RECORDS, COMMUNITY, BROAD)
    assert stats.record_count == 12
    assert (stats.period_start, stats.period_end) == (date(2024, 1, 5), date(2025, 10, 1))
    assert stats.duplicates == ((4, 11),)
    assert stats.cause == count_by(RECORDS, "cause")
    assert stats.table("month") == by_month(RECORDS)
    assert stats.table("cause:children").total == 3
    assert [t.dimension for t in stats.tables] == [
        "cause",
        "place",
        "activity",
        "intent",
        "alcohol",
        "nature",
        "body_part",
        "severity",
        "outcome",
        "sex",
        "household",
        "education",
        "occupation",
        "age_group",
        "year",
        "month",
        "hour",
        "sub_unit",
    ]
    assert [t.dimension for t in stats.focus] == ["cause:older", "cause:children", "cause:disabled"]
    assert stats.findings == findings(RECORDS, COMMUNITY, BROAD)
    assert stats.rates == rate_table(RECORDS, COMMUNITY, BROAD)
    assert stats.year_on_year[1].change == D("-28.6")
    with pytest.raises(KeyError):
        stats.table("nope")


def test_analyse_empty() -> None:
    stats = analyse([], COMMUNITY)
    assert stats.period_start is None
    assert stats.findings == ()
    assert stats.year.rows == ()
    assert all(r.share == D("0.0") for t in stats.tables for r in t.rows)
    assert stats.rates.overall.rate is None


def test_enum_codes_used_in_tables_match_code_lists() -> None:
    assert count_by(RECORDS, "place").row(InjuryPlace.INDUSTRIAL.label).code == 7
    assert count_by(RECORDS, "cause").row(InjuryCause.FALL.label).count == 5
    assert count_by(RECORDS, "nature").row(InjuryNature.FRACTURE.label).code == 1
