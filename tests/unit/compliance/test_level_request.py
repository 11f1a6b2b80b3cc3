"""SC-E12-004 reads what the application asks: the title, or an assessment of the creation work."""

from __future__ import annotations

import pytest

from safecommunity_docs.compliance import check
from tests.compliance_base import clean, dossier
from tests.unit.compliance.cases import CASES

BELOW_THE_STANDARD = CASES["SC-E12-004"][0]  # every item scored at 80 %: 合格, not 达标


def _hits(body: list[str], title: str | None = None) -> list[str]:
    data = clean()
    BELOW_THE_STANDARD(data)
    data["application"]["body"] = body
    if title is not None:
        data["application"]["title"] = title
    return [f.path for f in check(dossier(data)).filter(rule="SC-E12-004")]


@pytest.mark.parametrize(
    "body",
    [
        ["自评总分80分。", "现特申请市级安全社区评定，请予审查。"],
        ["自评总分80分。", "我街道申请命名为市级安全社区。"],
    ],
)
def test_asking_for_the_title_below_the_top_band_is_an_error(body: list[str]) -> None:
    assert _hits(body) == ["application.body[1]"]


def test_the_title_of_the_letter_counts() -> None:
    title = "关于申请评定市级安全社区的申请书"
    assert _hits(["自评总分80分，请予审查。"], title) == ["application.title"]


@pytest.mark.parametrize(
    "body",
    [
        # the standard letter's wording below the top band (views/application.py standard_body)
        ["现特申请对测试街道市级安全社区创建工作进行评定，请予审查。"],
        # 东山: the year's creation-work assessment, the title later
        [
            "我镇本年度不申请命名市级安全社区，申请对我镇2026年度安全社区创建工作进行考核。"
            "2027年达到市级标准后再申请市级安全社区评定。"
        ],
        # 江口: a self-assessment report that postpones the application
        ["开发区本期不申请市级安全社区评定，整改完成后于2028年重新申请评定。"],
    ],
)
def test_asking_for_the_creation_work_to_be_assessed_is_not(body: list[str]) -> None:
    assert _hits(body) == []


def test_a_re_application_in_the_self_assessment_does_not_silence_the_rule() -> None:
    data = clean()
    BELOW_THE_STANDARD(data)
    data["application"]["body"] = ["现特申请市级安全社区评定，请予审查。"]
    data["assessment"]["summary"] = ["整改后次年重新申请评定。"]
    found = check(dossier(data)).filter(rule="SC-E12-004")
    assert [f.path for f in found] == ["application.body[0]"]


def test_at_the_top_band_asking_for_the_title_is_fine() -> None:
    data = clean()
    data["application"]["body"] = ["现特申请市级安全社区评定，请予审查。"]
    assert not check(dossier(data)).filter(rule="SC-E12-004")
