"""Thresholds come from CheckOptions; re-applications may apply below the level's score."""

from __future__ import annotations

import pytest

from safecommunity_docs.codes import TargetLevel
from safecommunity_docs.compliance import CheckOptions, check
from tests.compliance_base import clean, dossier
from tests.unit.compliance.cases import CASES


def _rules(data: dict[str, object], options: CheckOptions | None = None) -> tuple[str, ...]:
    d = dossier(data)  # type: ignore[arg-type]
    return (check(d) if options is None else check(d, options=options)).rules


@pytest.mark.parametrize(
    ("rule_id", "options"),
    [
        ("SC-E3-005", CheckOptions(min_case_count=13)),
        ("SC-E3-006", CheckOptions(min_case_count=13)),
        ("SC-E5-009", CheckOptions(min_project_areas=6)),
        ("SC-E1-002", CheckOptions(min_committee_units=7)),
        ("SC-E9-003", CheckOptions(recommended_data_years=4)),
        ("SC-E9-002", CheckOptions(min_data_years=4, recommended_data_years=4)),
        ("SC-E3-002", CheckOptions(required_areas=("防灾减灾",))),
        ("SC-E5-010", CheckOptions(required_project_groups=("残疾人",))),
        ("SC-E4-009", CheckOptions(min_creation_months={TargetLevel.CITY: 24})),
    ],
)
def test_a_stricter_threshold_makes_the_clean_dossier_fail(
    rule_id: str, options: CheckOptions
) -> None:
    assert rule_id not in _rules(clean())
    assert rule_id in _rules(clean(), options)


def test_key_group_with_exactly_the_minimum_cases_passes() -> None:
    # 60 records, 12 aged 60+: supported at 12, not at 13.
    assert "SC-E3-005" not in _rules(clean(), CheckOptions(min_case_count=12))


def test_the_national_level_needs_a_year_of_creation() -> None:
    data = clean()
    data["community"]["target_level"] = "国家级"
    data["application"]["submitted_on"] = "2026-01-25"  # ten months after 2025-03-01
    data["application"]["body"] = ["自评总分100分，现申请国家级安全社区评定。"]
    assert "SC-E4-009" in _rules(data)
    data["community"]["target_level"] = "市级"
    data["application"]["body"] = ["自评总分100分，现申请市级安全社区评定。"]
    assert "SC-E4-009" not in _rules(data)


def test_a_re_application_may_apply_below_the_level() -> None:
    data = clean()
    CASES["SC-E12-004"][0](data)
    data["application"]["body"] = ["自评总分80分，现申请市级安全社区评定。"]
    assert "SC-E12-004" in _rules(data)
    data["application"]["body"] = ["自评总分80分，现申请复评。"]
    assert "SC-E12-004" not in _rules(data)
    data["application"]["body"] = ["自评总分80分，现申请市级安全社区评定。"]
    data["assessment"]["previous"] = {"year": 2025, "total": 85}
    assert "SC-E12-004" not in _rules(data)


def test_a_relative_target_on_a_rate_keeps_its_percent_baseline() -> None:
    data = clean()
    target = data["work_plan"]["objectives"]["targets"][1]
    target.update(indicator="隐患整改率", baseline=60)
    target.pop("baseline_unit")
    assert "SC-E4-007" not in _rules(data)


def test_a_hazard_past_its_deadline_may_be_explained() -> None:
    data = clean()
    CASES["SC-E3-012"][0](data)
    data["diagnosis"]["hazard_units"][0]["hazards"][0]["note"] = "信号灯已立项，2026年12月完工"
    assert "SC-E3-012" not in _rules(data)


def test_a_quoted_population_in_wan_is_read_to_its_precision() -> None:
    data = clean()
    data["community"]["history"] = ["常住人口约1.0万人。"]
    assert "SC-E10-003" not in _rules(data)
    data["community"]["history"] = ["常住人口约1.2万人。"]
    assert "SC-E10-003" in _rules(data)


def test_a_baseline_from_police_data_is_not_checked_against_the_records() -> None:
    data = clean()
    target = data["projects"][0]["targets"][0]
    target.update(baseline=5, data_source="派出所警情统计")
    assert "SC-E5-008" not in _rules(data)


def test_a_quoted_rectification_rate_is_checked_against_its_own_counts() -> None:
    """126 items with 116 rectified is 92.1 %: right; 93.0 % with the same counts is wrong,
    whatever the diagnosis' own hazard list says (the sentence speaks of another ledger)."""
    from safecommunity_docs.compliance import check
    from safecommunity_docs.models import Dossier
    from tests.compliance_base import clean

    def rate_findings(text: str) -> list[str]:
        data = clean()
        data["assessment"]["items"][0]["deductions"] = text
        data["assessment"]["items"][0]["score"] = "1"
        return [f.detail for f in check(Dossier.model_validate(data)) if f.rule == "SC-E3-014"]

    assert rate_findings("台账登记隐患126项，已整改116项，整改率92.1%，扣0.5分。") == []
    [why] = rate_findings("台账登记隐患126项，已整改116项，整改率93.0%，扣0.5分。")
    assert "116 of 126 is 92.1%" in why
