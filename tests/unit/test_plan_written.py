"""A plan as written: dates (DateSpec), markers, optional issue date / period / leaders, typed
parts placed inside sections, annex labels, target levels as data."""

from __future__ import annotations

import copy
import io
from datetime import date
from typing import Any

import pytest
import yaml
from docx import Document

from safecommunity_docs import InputError
from safecommunity_docs.api import render
from safecommunity_docs.codes import KNOWN_LEVELS, TargetLevel
from safecommunity_docs.io import load_file
from safecommunity_docs.models import Community, WorkPlan
from safecommunity_docs.models.work_plan_dates import DateSpec
from safecommunity_docs.models.work_plan_markers import MarkedText, marker_of
from safecommunity_docs.views.application import application_title
from safecommunity_docs.views.work_plan import work_plan_view
from tests.conftest import COMMUNITY, PLAN
from tests.unit.test_seed_plans import FIXTURES


def _plan(**changes: Any) -> WorkPlan:
    data = copy.deepcopy(PLAN)
    data.update(changes)
    return WorkPlan.model_validate(data)


def _texts(plan: WorkPlan) -> list[str]:
    doc = Document(io.BytesIO(render(plan, "docx")))
    return [p.text for p in doc.paragraphs if p.text.strip()]


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(InputError) as info:
        WorkPlan(**data)
    return {p.path: p.message for p in info.value.problems}


# --- DateSpec ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "months", "with_year"),
    [
        ("2025-09", ("2025-09", "2025-09"), ("2025-09", "2025-09")),
        ("2025年9月—2026年6月", ("2025-09", "2026-06"), ("2025-09", "2026-06")),
        ("2025年11月~2月", ("2025-11", "2026-02"), ("2025-11", "2026-02")),
        ("11月~2月", None, ("2025-11", "2026-02")),  # crosses the year end
        ("20xx年3月~5月", None, None),  # a placeholder year stays unknown
        ("20xx年11月—20xx年底", None, None),
        ("4月底前", None, (None, "2025-04")),  # an open start
        ("2025年4月中旬", ("2025-04", "2025-04"), ("2025-04", "2025-04")),
        ("2025-04-15", ("2025-04", "2025-04"), ("2025-04", "2025-04")),
    ],
)
def test_datespec_reads_what_is_written(
    text: str, months: tuple[str | None, str] | None, with_year: tuple[str | None, str] | None
) -> None:
    spec = DateSpec.parse(text)
    assert str(spec) == text
    assert spec.months() == months
    assert spec.months(2025) == with_year


def test_datespec_details() -> None:
    spec = DateSpec.parse("20xx年12月底至20xx年6月底")
    assert spec.is_range
    assert spec.has_placeholder
    assert not spec.iso
    assert spec.start is not None
    assert (spec.start.month, spec.start.part) == (12, "底")
    assert DateSpec.parse(date(2025, 4, 15)).text == "2025-04-15"
    with pytest.raises(ValueError, match="ends before it starts"):
        DateSpec.parse("2026年6月—2025年9月")
    with pytest.raises(ValueError, match="expected YYYY-MM"):
        DateSpec.parse("20xx-09")


def test_month_and_date_values_still_load() -> None:
    """Existing plans (YYYY-MM months, date deadlines) load and render as before."""
    plan = _plan()
    assert plan.phases[0].months() == ("2025-03", "2025-05")
    deadline = plan.phases[0].tasks[0].deadline
    assert deadline is not None
    assert deadline.months() == ("2025-04", "2025-04")
    texts = work_plan_view(plan).texts()
    assert "（一）启动阶段（2025年3月—2025年5月）" in texts
    table = next(b.table for b in work_plan_view(plan).blocks if b.table is not None)
    assert table.rows[0][1:] == ("2025年3月—2025年5月", "成立促进委员会", "办公室", "2025年4月15日")


def test_real_dates_are_still_checked() -> None:
    phases = copy.deepcopy(PLAN["phases"])
    phases[1] = {"name": "实施阶段", "dates": "2025年6月—2027年3月"}
    problems = _problems({**PLAN, "phases": phases})
    assert "阶段结束月份不在计划期内" in problems["phases[1].dates"]
    phases[1] = {"name": "实施阶段", "dates": "20xx年6月—20xx年3月"}  # no year: not checked
    assert WorkPlan(**{**PLAN, "phases": phases}).phases[1].months() is None
    phases[0]["tasks"][0]["deadline"] = "6月中旬"  # read in the phase's year: 2025-06
    assert (
        "任务完成时限不在本阶段内"
        in _problems({**PLAN, "phases": phases})["phases[0].tasks[0].deadline"]
    )
    both = {"name": "x", "dates": "2025年3月", "start": "2025-03"}
    assert "not both" in _problems({**PLAN, "phases": [both]})["phases[0].dates"]
    assert (
        "is a range"
        in _problems({**PLAN, "phases": [{"start": "2025年3月—5月"}]})["phases[0].start"]
    )


# --- markers ----------------------------------------------------------------------------------


def test_marked_items_are_text_with_a_marker() -> None:
    plan = _plan(
        focus_areas=[{"heading": "重点", "points": ["甲。", {"marker": "①", "text": "乙。"}]}]
    )
    first, second = plan.focus_areas[0].points
    assert (first, marker_of(first)) == ("甲。", None)
    assert isinstance(second, MarkedText)
    assert (second, marker_of(second)) == ("乙。", "①")
    dumped = plan.model_dump(mode="json")["focus_areas"][0]["points"]
    assert dumped == ["甲。", {"marker": "①", "text": "乙。"}]


def test_markers_are_printed_as_written() -> None:
    plan = _plan(
        markers={"organisation": "第一部分"},
        focus_areas=[
            {"marker": "（二）", "heading": "甲", "points": [{"marker": "1）", "text": "乙。"}]},
            {"heading": "丙", "paragraphs": ["丁。"]},
        ],
    )
    texts = _texts(plan)
    assert "第一部分组织机构及职责" in texts
    assert "（二）甲" in texts
    assert "1）乙。" in texts
    assert "（二）丙" in texts  # generated by position where the plan writes no number


def test_working_group_without_leader_or_duties() -> None:
    groups = [{"marker": "1、", "name": "交通安全工作组", "lead_unit": "派出所"}]
    org = {"committee": {"director": {"name": "王一"}}, "working_groups": groups}
    plan = _plan(organisation=org)
    texts = _texts(plan)
    assert "1、交通安全工作组。由派出所牵头。" in texts
    assert not any("组长" in t for t in texts if "交通" in t)
    members = [b.table for b in work_plan_view(plan).blocks if b.table is not None][-1]
    assert members.columns == ("机构", "组成人员")
    assert members.rows[-1] == ("交通安全工作组", "")


# --- optional issue date and period -----------------------------------------------------------


def test_no_issue_date_and_no_period_print_nothing() -> None:
    data = {k: v for k, v in PLAN.items() if k not in ("issue_date", "period_start", "period_end")}
    plan = WorkPlan(**data)
    view = work_plan_view(plan)
    assert view.subtitle == ""
    assert view.document_date is None
    kinds = [b.kind for b in view.blocks]
    assert "signature" in kinds
    assert "date" not in kinds
    texts = _texts(plan)
    assert texts[1] != "（2025年3月—2026年6月）"
    assert not any(t.endswith("日") and "年" in t for t in texts)
    assert "period_end" in _problems({**data, "period_start": "2025-03"})


# --- typed parts where the author placed them ------------------------------------------------


def test_basis_documents_inside_a_section_keep_the_numbers() -> None:
    """Plan 9 with typed basis documents in its (二)创建实施依据: no new 编制依据 section."""
    data = yaml.safe_load((FIXTURES / "plan9.yaml").read_text(encoding="utf-8"))
    before = [
        t for t in _texts(WorkPlan(**data)) if t[:2] in ("一、", "二、", "三、", "四、", "五、")
    ]
    data["basis_documents"] = [{"title": "示例文件甲", "number": "示例〔20xx〕2号"}]
    data["extra_sections"][0]["subsections"][1]["includes"] = ["basis"]
    plan = WorkPlan(**data)
    texts = _texts(plan)
    assert [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、", "五、")] == before
    at = texts.index("(二)创建实施依据")
    assert texts[at + 1 : at + 3] == [
        "列出上级文件和评定标准。",
        "1.《示例文件甲》（示例〔20xx〕2号）。",
    ]
    assert "basis" not in plan.ordered_sections()


def test_included_parts_are_checked() -> None:
    section = {"heading": "经费", "includes": ["budget"]}
    assert "no budget" in _problems({**PLAN, "focus_areas": [section]})["focus_areas[0].includes"]
    twice = [section, {**section, "heading": "再次"}]
    budget = {"total": 1000}
    problems = _problems({**PLAN, "budget": budget, "focus_areas": twice})
    assert "shown in two sections" in problems["focus_areas[1].includes"]
    order = {"section_order": ["focus_areas", "phases", "organisation", "budget"]}
    problems = _problems({**PLAN, **order, "budget": budget, "focus_areas": [section]})
    assert "shown inside a section" in problems["section_order"]


def test_annex_labels_are_kept_as_written() -> None:
    annex = {"label": "附1件", "title": "领导小组名单", "paragraphs": ["名单。"]}
    plan = _plan(organisation=None, annexes=[annex])
    texts = _texts(plan)
    assert "附1件" in texts
    assert "附件1" not in texts
    assert any(t.startswith("附1件：") for t in texts)


# --- levels -----------------------------------------------------------------------------------


def test_district_and_county_are_levels() -> None:
    assert {"区级", "县级"} <= set(KNOWN_LEVELS)
    community = Community(**{**COMMUNITY, "target_level": "区级"})
    assert community.target_level is TargetLevel.DISTRICT
    assert community.target_level.label == "区级"
    assert Community(**{**COMMUNITY, "target_level": "全国"}).target_level is TargetLevel.NATIONAL
    with pytest.raises(InputError, match="街道级"):
        Community(**{**COMMUNITY, "target_level": "街道级"})
    assert community.model_dump(mode="json")["target_level"] == "区级"


def test_a_district_community_loads_and_is_named_by_its_level(tmp_path: Any) -> None:
    path = tmp_path / "community.yaml"
    path.write_text(
        yaml.safe_dump({**COMMUNITY, "target_level": "区级"}, allow_unicode=True), encoding="utf-8"
    )
    community, _ = load_file(path, Community)
    assert application_title(None, community) == "关于申请评定区级安全社区的申请书"
