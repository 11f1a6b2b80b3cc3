"""Scoring: exact verdict boundaries, vetoes, reapplication, N/A rescaling, input errors."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from itertools import product
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safecommunity_docs import InputError, load_rubric
from safecommunity_docs.models import Assessment, Rubric
from safecommunity_docs.scoring import quantize, score

CITY = load_rubric("city")
NATIONAL = load_rubric("national-field")
D = Decimal


def _assessment(rubric: Rubric, entries: list[dict[str, Any]], **extra: Any) -> Assessment:
    return Assessment.model_validate(
        {
            "rubric": rubric.id,
            "assessor": "测试",
            "assessed_on": date(2026, 10, 1),
            "items": entries,
            **extra,
        }
    )


def city_with_total(total: Decimal, rubric: Rubric = CITY, **extra: Any) -> Assessment:
    """Full marks everywhere, the loss spread from the first items on (none at zero)."""
    loss = rubric.scale - total
    entries = []
    for _, item in rubric.items():
        take = min(loss, item.points - D("0.01"))
        loss -= take
        entries.append({"item": item.id, "score": str(item.points - take)})
    assert loss == 0
    return _assessment(rubric, entries, **extra)


# Grade combinations of one national item, as (有无, 痕迹, 效果) letters -> value in hundredths.
_COMBOS = {
    letters: int(
        sum(
            part.points * NATIONAL.grades[g]
            for part, g in zip(NATIONAL.elements[0].items[0].parts, letters, strict=True)
        )
        * 100
    )
    for letters in product("abcd", repeat=3)
}


def national_with_total(total: Decimal, zero_items: int = 0) -> Assessment:
    """Grade letters for every national item so that the exact total is ``total``.

    ``zero_items`` items get d/d/d (zero); no other item is at zero. A bitset DP finds one
    assignment (sums in hundredths of a point).
    """
    target = int(total * 100)
    items = [item for _, item in NATIONAL.items()]
    allowed = [
        {k: v for k, v in _COMBOS.items() if v > 0} if i >= zero_items else {("d", "d", "d"): 0}
        for i in range(len(items))
    ]
    levels = [1]
    for combos in allowed:
        reach = 0
        for value in set(combos.values()):
            reach |= levels[-1] << value
        levels.append(reach)
    assert levels[-1] >> target & 1, f"total {total} is not reachable"
    chosen: list[tuple[str, ...]] = []
    rest = target
    for i in range(len(items) - 1, -1, -1):
        letters, value = next(
            (k, v) for k, v in allowed[i].items() if rest - v >= 0 and levels[i] >> (rest - v) & 1
        )
        chosen.append(letters)
        rest -= value
    chosen.reverse()
    entries = [
        {"item": item.id, "grades": {p.name: g for p, g in zip(item.parts, letters, strict=True)}}
        for item, letters in zip(items, chosen, strict=True)
    ]
    return _assessment(NATIONAL, entries)


@pytest.mark.parametrize(
    ("raw", "total", "code"),
    [
        (D("69.94"), D("69.9"), "fail"),
        (D("69.99"), D("70.0"), "creation-pass"),  # rounded once to one decimal, then banded
        (D("70"), D("70.0"), "creation-pass"),
        (D("89.94"), D("89.9"), "creation-pass"),
        (D("89.99"), D("90.0"), "city-standard"),
        (D("90"), D("90.0"), "city-standard"),
        (D("100"), D("100.0"), "city-standard"),
        (D("0.5"), D("0.5"), "fail"),
    ],
)
def test_city_boundaries(raw: Decimal, total: Decimal, code: str) -> None:
    report = score(city_with_total(raw), CITY)
    assert report.raw_total == raw
    assert report.total == total
    assert report.verdict.code == code
    label = {
        "fail": "不合格",
        "creation-pass": "创建考核合格",
        "city-standard": "达到市级安全社区标准",
    }
    assert report.verdict.label == label[code]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (D("69.99"), "fail"),
        (D("70"), "creation-pass"),
        (D("89.99"), "creation-pass"),
        (D("90"), "city-standard"),
    ],
)
def test_city_boundaries_with_two_decimals(raw: Decimal, code: str) -> None:
    rubric = CITY.model_copy(update={"rounding_places": 2})
    report = score(city_with_total(raw, rubric), rubric)
    assert report.total == raw
    assert report.verdict.code == code


@pytest.mark.parametrize(
    ("total", "code"),
    [
        (D("74.9"), "fail"),
        (D("75"), "rectify"),
        (D("99.9"), "rectify"),
        (D("100"), "pass"),
        (D("150"), "pass"),
    ],
)
def test_national_boundaries(total: Decimal, code: str) -> None:
    report = score(national_with_total(total), NATIONAL)
    assert report.total == total
    assert report.verdict.code == code
    assert not report.vetoes


def test_single_zero_item_vetoes_a_140_point_national_result() -> None:
    report = score(national_with_total(D("140"), zero_items=1), NATIONAL)
    assert report.total == D("140")
    assert report.band.code == "pass"
    assert report.verdict.code == "fail"
    assert report.verdict.label == "不通过"
    assert report.vetoes
    assert report.vetoes[0].kind == "item-zero"
    assert report.vetoes[0].items == (NATIONAL.items()[0][1].id,)


def test_reapplication_rule() -> None:
    previous = {"year": 2025, "total": "85", "verdict": "creation-pass"}
    second_shortfall = score(city_with_total(D("80"), previous=previous), CITY)
    assert second_shortfall.band.code == "creation-pass"
    assert second_shortfall.verdict.code == "fail"
    [veto] = second_shortfall.vetoes
    assert veto.kind == "reapplication"
    assert veto.previous_year == 2025
    recovered = score(city_with_total(D("92"), previous=previous), CITY)
    assert recovered.verdict.code == "city-standard"
    first_time = score(city_with_total(D("80"), previous={"year": 2025, "total": "93"}), CITY)
    assert first_time.verdict.code == "creation-pass"


def test_not_applicable_items_are_rescaled() -> None:
    _, first = CITY.items()[0]
    entries = [{"item": item.id, "score": str(item.points)} for _, item in CITY.items()]
    entries[0] = {"item": first.id, "not_applicable": True, "reason": "辖区无此类单位"}
    entries[1]["score"] = str(CITY.items()[1][1].points - 1)
    report = score(_assessment(CITY, entries), CITY)
    assert report.applicable_max == CITY.scale - first.points
    assert report.raw_total == CITY.scale - first.points - 1
    expected = quantize(report.raw_total * CITY.scale / report.applicable_max, CITY)
    assert report.total == expected < CITY.scale
    assert report.items[0].not_applicable
    assert report.items[0].score is None


def test_not_applicable_is_refused_where_the_rubric_forbids_it() -> None:
    assessment = national_with_total(D("120"))
    data = assessment.model_dump(mode="json")
    data["items"][0] = {"item": data["items"][0]["item"], "not_applicable": True, "reason": "无"}
    with pytest.raises(InputError, match="forbids N/A"):
        score(Assessment.model_validate(data), NATIONAL)


def test_unscored_items_warn_and_count_zero() -> None:
    _, item = CITY.items()[0]
    report = score(_assessment(CITY, [{"item": item.id, "score": str(item.points)}]), CITY)
    assert report.total == quantize(item.points, CITY)
    assert len(report.warnings) == len(CITY.items()) - 1
    assert "not scored" in report.warnings[0]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"item": "1.1", "score": "99"}, "得分超过该项分值"),
        ({"item": "nope", "score": "1"}, "未知指标编号"),
    ],
)
def test_input_errors_name_the_item(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        score(_assessment(CITY, [entry]), CITY)


def test_undefined_grade_and_missing_part() -> None:
    _, item = NATIONAL.items()[0]
    bad = _assessment(
        NATIONAL, [{"item": item.id, "grades": {"有无": "e", "痕迹": "a", "效果": "a"}}]
    )
    with pytest.raises(InputError, match="未定义的等级"):
        score(bad, NATIONAL)
    missing = _assessment(NATIONAL, [{"item": item.id, "grades": {"有无": "a"}}])
    with pytest.raises(InputError, match="缺少分项等级"):
        score(missing, NATIONAL)


def test_priorities_are_the_largest_losses() -> None:
    report = score(city_with_total(D("80")), CITY)
    losses = [p.lost for p in report.priorities]
    assert losses == sorted(losses, reverse=True)
    assert losses[0] == max(i.lost for i in report.items)


def test_element_subtotals_and_percentages() -> None:
    report = score(city_with_total(D("95")), CITY)
    for element, result in zip(CITY.elements, report.elements, strict=True):
        assert result.max == element.points
        assert result.score == sum(i.score or 0 for i in report.items if i.element_id == element.id)
        assert result.percent == (result.score / result.max * 100).quantize(D("0.1"))


@st.composite
def city_assessments(draw: st.DrawFn) -> Assessment:
    entries = []
    for _, item in CITY.items():
        kind = draw(st.sampled_from(["score", "score", "score", "na", "skip"]))
        if kind == "score":
            hundredths = draw(st.integers(0, int(item.points * 100)))
            entries.append({"item": item.id, "score": str(D(hundredths) / 100)})
        elif kind == "na":
            entries.append({"item": item.id, "not_applicable": True, "reason": "不适用"})
    if all(e.get("not_applicable") for e in entries):
        entries.append({"item": CITY.items()[0][1].id, "score": "0"}) if not entries else None
    return _assessment(CITY, entries or [{"item": CITY.items()[0][1].id, "score": "0"}])


@settings(max_examples=150, deadline=None)
@given(city_assessments())
def test_total_is_the_rounded_sum_of_parts_and_within_scale(assessment: Assessment) -> None:
    try:
        report = score(assessment, CITY)
    except InputError:
        assert all(e.not_applicable for e in assessment.items)
        return
    parts = sum((e.score for e in report.elements), D(0))
    assert parts == report.raw_total
    assert parts == sum((i.score for i in report.items if i.score is not None), D(0))
    assert report.total == quantize(parts * CITY.scale / report.applicable_max, CITY)
    assert D(0) <= report.total <= CITY.scale


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(_COMBOS)), min_size=50, max_size=50))
def test_national_totals_are_exact_sums_of_grades(letters: list[tuple[str, ...]]) -> None:
    items = [item for _, item in NATIONAL.items()]
    entries = [
        {"item": item.id, "grades": {p.name: g for p, g in zip(item.parts, combo, strict=True)}}
        for item, combo in zip(items, letters, strict=True)
    ]
    report = score(_assessment(NATIONAL, entries), NATIONAL)
    assert report.total == quantize(D(sum(_COMBOS[c] for c in letters)) / 100, NATIONAL)
    assert report.total <= NATIONAL.scale
    zero = any(_COMBOS[c] == 0 for c in letters)
    assert (report.verdict.code == "fail") if zero else report.verdict.code == report.band.code


def test_score_does_not_mutate_inputs() -> None:
    assessment = city_with_total(D("88"))
    before = copy.deepcopy(assessment.model_dump())
    score(assessment, CITY)
    assert assessment.model_dump() == before


def test_improvements_are_carried_into_the_report() -> None:
    entries = [{"item": item.id, "score": str(item.points)} for _, item in CITY.items()]
    entries[0] = {
        "item": entries[0]["item"],
        "score": "0",
        "deductions": "未成立",
        "improvement": "2026年底前成立促进委员会",
    }
    report = score(_assessment(CITY, entries), CITY)
    assert report.items[0].improvement == "2026年底前成立促进委员会"
    assert report.priorities[0].improvement == "2026年底前成立促进委员会"
