"""The rate ratio and its 95 % interval, against values worked out by hand."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safecommunity_docs.analysis.effect import Z95, rate_ratio
from safecommunity_docs.analysis.outcomes import TargetOutcome
from safecommunity_docs.models.common import TargetDirection
from safecommunity_docs.views.effects import effect_table, effects_sentence, reading


def test_a_fall_from_50_to_30_cases_is_a_significant_40_percent_drop() -> None:
    rr = rate_ratio(30, 1000, 50, 1000)
    # ln 0.6 = -0.5108; SE = sqrt(1/30 + 1/50) = 0.2309; 0.6 * exp(±1.96 * 0.2309) = 0.381, 0.944
    assert rr.ratio == Decimal("0.60")
    assert rr.low == Decimal("0.38")
    assert rr.high == Decimal("0.94")
    assert rr.change == Decimal("-40.0")
    assert rr.significant
    assert (rr.baseline_rate, rr.followup_rate) == (Decimal("50.00"), Decimal("30.00"))


def test_a_small_change_is_not_significant() -> None:
    rr = rate_ratio(18, 2000, 20, 2000)
    assert rr.ratio == Decimal("0.90")
    assert rr.low < 1 < rr.high
    assert not rr.significant


def test_a_zero_count_uses_the_half_correction() -> None:
    rr = rate_ratio(0, 500, 6, 500)
    assert rr.corrected
    assert rr.ratio == Decimal(repr(round((0.5 / 500) / (6.5 / 500), 2)))
    assert rr.followup_rate == Decimal("0.00")


@pytest.mark.parametrize(
    ("args", "message"),
    [((-1, 10, 1, 10), "negative"), ((1, 0, 1, 10), "person-years"), ((1, 10, 1, -5), "person")],
)
def test_bad_arguments_are_refused(args: tuple[int, int, int, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rate_ratio(*args)


@given(
    st.integers(1, 500), st.integers(100, 100_000), st.integers(1, 500), st.integers(100, 100_000)
)
def test_the_interval_holds_the_ratio_and_decides_significance(
    a: int, ta: int, b: int, tb: int
) -> None:
    rr = rate_ratio(a, ta, b, tb)
    exact = (a / ta) / (b / tb)
    assert float(rr.low) - 0.005 <= exact <= float(rr.high) + 0.005
    half = Z95 * math.sqrt(1 / a + 1 / b)
    low, high = exact * math.exp(-half), exact * math.exp(half)
    assert abs(float(rr.low) - low) <= 0.005
    assert abs(float(rr.high) - high) <= 0.005
    assert rr.significant == (high < 1 or low > 1)


def _target(indicator: str, before: int, after: int, years: tuple[int, int]) -> TargetOutcome:
    return TargetOutcome(
        owner="工作计划",
        indicator=indicator,
        direction=TargetDirection.REDUCE_BY,
        value=Decimal(15),
        unit="%",
        deadline=None,
        source="records",
        value_unit="例",
        baseline=Decimal(before),
        baseline_label=f"{years[0]}年",
        result=Decimal(after),
        result_label=f"{years[1]}年",
        effect=rate_ratio(after, 1000, before, 1000),
    )


def test_the_effect_table_names_the_years_in_its_header_or_in_each_cell() -> None:
    same = effect_table(
        [_target("跌倒", 40, 20, (2024, 2025)), _target("烧烫伤", 9, 8, (2024, 2025))]
    )
    assert same.columns[2:4] == ("2024年例数", "2025年例数")
    assert same.rows[0][2:] == ("40", "20", "0.50", "0.29—0.86", "显著下降")
    assert same.rows[1][-1] == "无显著变化"
    mixed = effect_table(
        [_target("跌倒", 40, 20, (2023, 2025)), _target("烧烫伤", 9, 8, (2024, 2025))]
    )
    assert mixed.columns[2:4] == ("基线例数", "结果例数")
    assert mixed.rows[0][2:4] == ("40（2023年）", "20（2025年）")


def test_the_reading_follows_the_interval() -> None:
    assert reading(rate_ratio(20, 1000, 40, 1000)) == "下降有统计学意义"
    assert reading(rate_ratio(40, 1000, 20, 1000)) == "上升有统计学意义"
    assert reading(rate_ratio(8, 1000, 9, 1000)) == "变化无统计学意义"
    assert effects_sentence([]) == ""
    one = effects_sentence([_target("跌倒", 40, 20, (2024, 2025))])
    assert one == "按发生率比评价，率比为0.50（95%置信区间0.29—0.86），下降有统计学意义。"
