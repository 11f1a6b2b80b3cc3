"""Analysis: property tests (tables add up, shares total exactly 100) and the example communities."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safecommunity_docs import Dossier, load
from safecommunity_docs.analysis import (
    DEFAULT_GROUPS,
    AgeGroups,
    CountTable,
    FindingCategory,
    InjuryStatistics,
    analyse,
    largest_remainder,
)
from safecommunity_docs.codes import (
    TRAFFIC_CAUSES,
    WHOLE_BODY_CAUSES,
    BodyPart,
    Household,
    InjuryCause,
    InjuryNature,
    InjuryPlace,
    Severity,
    Sex,
)
from safecommunity_docs.models import InjuryRecord
from tests.conftest import EXAMPLES
from tests.unit.test_analysis import COMMUNITY

START = datetime(2021, 1, 1)


@st.composite
def injury_records(draw: st.DrawFn) -> InjuryRecord:
    """A valid card: the cause decides place, body part and nature where the card rules say so."""
    cause = draw(st.sampled_from(list(InjuryCause)))
    place = (
        InjuryPlace.ROAD if cause in TRAFFIC_CAUSES else draw(st.sampled_from(list(InjuryPlace)))
    )
    body = (
        BodyPart.WHOLE_BODY if cause in WHOLE_BODY_CAUSES else draw(st.sampled_from(list(BodyPart)))
    )
    nature = (
        [InjuryNature.BURN]
        if cause is InjuryCause.BURN
        else [draw(st.sampled_from(list(InjuryNature)))]
    )
    injury = START + timedelta(minutes=draw(st.integers(0, 5 * 365 * 24 * 60)))
    data: dict[str, Any] = {
        "card_no": "X",
        "sex": draw(st.sampled_from(list(Sex))),
        "age": draw(st.integers(0, 120)),
        "household": draw(st.none() | st.sampled_from(list(Household))),
        "disabled": draw(st.booleans()),
        "sub_unit": draw(st.sampled_from([None, "东社区", "西社区", "北社区"])),
        "injury_time": injury,
        "visit_time": injury,
        "report_date": injury.date(),
        "cause": cause,
        "place": place,
        "activity": "其他/不清楚",
        "intent": "非故意",
        "nature": nature,
        "body_part": body,
        "severity": draw(st.sampled_from(list(Severity))),
        "outcome": "其他",
    }
    return InjuryRecord.model_validate(data)


age_groups = st.lists(st.integers(1, 120), max_size=8, unique=True).map(
    lambda xs: AgeGroups((0, *sorted(xs)))
)


def assert_adds_up(table: CountTable, n: int) -> None:
    assert sum(r.count for r in table.rows) == n == table.total, table.dimension
    expected = Decimal("100.0") if n else Decimal("0.0")
    assert sum((r.share for r in table.rows), Decimal("0.0")) == expected, table.dimension


@settings(max_examples=60, deadline=None)
@given(st.lists(injury_records(), max_size=25), age_groups)
def test_every_table_adds_up(records: list[InjuryRecord], groups: AgeGroups) -> None:
    stats = analyse(records, COMMUNITY, groups)
    for table in stats.tables:
        assert_adds_up(table, len(records))
    assert len(stats.age_group.rows) == len(groups)
    t = stats.sex_age.totals
    assert (t.total, t.male + t.female) == (len(records), len(records))
    assert sum(r.total for r in stats.sex_age.rows) == len(records)
    assert t.total_share == (Decimal("100.0") if records else Decimal("0.0"))
    assert sum(r.total_share for r in stats.sex_age.rows) == t.total_share
    # One rounding rule: a group's share is the same in every table that shows the group.
    assert [r.total_share for r in stats.sex_age.rows] == [r.share for r in stats.age_group.rows]
    assert (t.male_share, t.female_share) == tuple(r.share for r in stats.sex.rows)
    assert stats.rates.totals.total == stats.rates.overall
    assert sum(y.total.count for y in stats.rates.by_year) == len(records)
    for focus in stats.focus:
        assert sum(r.count for r in focus.rows) <= focus.total
        counts = [r.count for r in focus.rows]
        assert counts == sorted(counts, reverse=True)
    for row in stats.rates.rows:
        for r in (row.male, row.female, row.total):
            assert (r.rate is None) == (r.note is not None)
    for finding in stats.findings:
        assert isinstance(finding.value, Decimal)
        assert isinstance(finding.reference, Decimal)


@given(st.lists(st.integers(0, 10_000), max_size=30), st.integers(0, 3))
def test_largest_remainder_is_exact_and_close(counts: list[int], places: int) -> None:
    shares = largest_remainder(counts, places)
    total = sum(counts)
    assert len(shares) == len(counts)
    assert sum(shares, Decimal(0)) == (100 if total else 0)
    unit = Fraction(1, 10**places)
    for count, share in zip(counts, shares, strict=True):
        assert share.as_tuple().exponent == -places
        if total:
            assert abs(Fraction(share) - Fraction(100 * count, total)) < unit


# --- the example communities ------------------------------------------------------------------


@pytest.fixture(scope="module")
def examples() -> dict[str, tuple[Dossier, InjuryStatistics]]:
    result = {}
    for name in ("qinghe-street", "dongshan-town", "jiangkou-park"):
        dossier = load(EXAMPLES / name)
        result[name] = (dossier, analyse(dossier.injury_records, dossier.community))
    return result


def test_examples_analyse_and_add_up(examples: dict[str, tuple[Dossier, InjuryStatistics]]) -> None:
    order = list(FindingCategory)
    for dossier, stats in examples.values():
        n = len(dossier.injury_records)
        assert stats.record_count == n > 300
        for table in stats.tables:
            assert_adds_up(table, n)
        # the examples' age bands line up with the default groups: every rate is known
        assert stats.rates.notes == ()
        assert all(r.total.rate is not None for r in stats.rates.rows)
        assert stats.groups == DEFAULT_GROUPS
        assert [y.year for y in stats.year_on_year] == [2023, 2024, 2025]
        categories = [order.index(f.category) for f in stats.findings]
        assert categories == sorted(categories)
        assert {f.category for f in stats.findings} == set(FindingCategory)
        assert stats.period_start is not None
        assert stats.period_start.year == 2023


def test_qinghe_street_is_about_falls_at_home(
    examples: dict[str, tuple[Dossier, InjuryStatistics]],
) -> None:
    _, stats = examples["qinghe-street"]
    assert stats.cause.ranked()[0].label == "跌倒/坠落"
    problems = [f.subject for f in stats.findings if f.category == "重点问题"]
    assert problems[0] == "跌倒/坠落"
    assert stats.focus[0].rows[0].label == "跌倒/坠落"  # older people
    high_risk = {f.subject for f in stats.findings if f.category == "高危人群"}
    assert high_risk == {"70岁及以上男性", "70岁及以上女性"}
    assert stats.place.ranked()[0].label == "家中"


def test_jiangkou_park_is_about_the_workplace(
    examples: dict[str, tuple[Dossier, InjuryStatistics]],
) -> None:
    _, stats = examples["jiangkou-park"]
    assert stats.place.ranked()[0].label == "工业和建筑场所"
    places = [f.subject for f in stats.findings if f.category == "重点场所"]
    assert places[0] == "工业和建筑场所"
    environments = [f for f in stats.findings if f.rule == "severe_share_max"]
    assert environments[0].subject == "工业和建筑场所"
    top_group = next(f for f in stats.findings if f.rule == "most_injuries")
    assert top_group.subject == "25—44岁"
    assert stats.cause.ranked()[0].label in {"刀/锐器伤", "钝器伤"}


def test_dongshan_town_has_traffic_and_farm_risks(
    examples: dict[str, tuple[Dossier, InjuryStatistics]],
) -> None:
    _, stats = examples["dongshan-town"]
    problems = [f.subject for f in stats.findings if f.category == "重点问题"]
    assert problems[:2] == ["跌倒/坠落", "机动车车祸"]
    places = [f.subject for f in stats.findings if f.rule == "share_threshold"]
    assert "农场/农田" in places
