"""The work plan's operating rules, 达标条件 from the rubric, approval line, 文号 and the member
annex, checked on the Word files the library writes."""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from functools import cache
from typing import Any

import docx
import pytest

import safecommunity_docs as scd
from safecommunity_docs.io import load_rubric
from safecommunity_docs.models import Dossier, Rubric, WorkPlan
from safecommunity_docs.views.work_plan import work_plan_view
from tests.conftest import EXAMPLES, PLAN

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")
LABELS = ("信息报送", "检查评估", "目标责任", "表彰奖惩", "绩效考核", "达标条件")


@cache
def _dossier(folder: str) -> Dossier:
    return scd.load(EXAMPLES / folder)


def _plan(**changes: Any) -> WorkPlan:
    data = copy.deepcopy(PLAN)
    data.update(changes)
    return WorkPlan.model_validate(data)


def _rules(plan: WorkPlan, rubric: Rubric | None) -> list[str]:
    """The paragraphs under the 工作机制与考核 heading."""
    blocks = list(work_plan_view(plan, None, rubric).blocks)
    start = next(i for i, b in enumerate(blocks) if b.text.endswith("工作机制与考核"))
    out = []
    for block in blocks[start + 1 :]:
        if block.kind != "p":
            break
        out.append(block.text)
    return out


def _band_phrases(rubric: Rubric) -> list[str]:
    """What each band must read like, written independently of the view."""
    out = []
    for band in rubric.bands:
        low = f"{band.min.normalize():f}"
        if band.max is None:
            out.append(f"{low}分及以上为“{band.label}”")
        elif band.min == 0:
            out.append(f"不足{band.max.normalize():f}分为“{band.label}”")
        else:
            out.append(f"{low}分至不足{band.max.normalize():f}分为“{band.label}”")
    return out


def test_defaults_give_every_rule_in_order() -> None:
    rubric = load_rubric("city")
    rules = _rules(_plan(operating_rules={}), rubric)
    assert [t[3:7] for t in rules] == list(LABELS)
    assert [t[:3] for t in rules] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert "每月25日前向安全社区创建办公室报送" in rules[0]
    assert "每半年" in rules[1]
    assert "目标责任书" in rules[2]
    assert "通报表彰" in rules[3]
    assert "绩效考核" in rules[4]


@pytest.mark.parametrize("rubric_id", ["city", "national-field"])
def test_pass_condition_takes_the_bands_of_the_rubric(rubric_id: str) -> None:
    rubric = load_rubric(rubric_id)
    condition = _rules(_plan(operating_rules={}), rubric)[-1]
    assert condition.startswith(f"（六）达标条件。创建工作以《{rubric.title}》为达标依据")
    for phrase in _band_phrases(rubric):
        assert phrase in condition
    top = max(rubric.bands, key=lambda b: b.min)
    threshold = rubric.reapplication.threshold if rubric.reapplication else top.min
    assert f"自评得分达到{threshold.normalize():f}分方可申请评定" in condition


def test_pass_condition_follows_a_changed_rubric() -> None:
    rubric = load_rubric("city")
    bands = [
        rubric.bands[0].model_copy(update={"max": Decimal(60)}),
        rubric.bands[1].model_copy(update={"min": Decimal(60), "max": Decimal(85)}),
        rubric.bands[2].model_copy(update={"min": Decimal(85)}),
    ]
    changed = rubric.model_copy(update={"bands": bands, "reapplication": None})
    condition = _rules(_plan(operating_rules={}), changed)[-1]
    for phrase in _band_phrases(changed):
        assert phrase in condition
    assert "自评得分达到85分方可申请评定" in condition
    assert "90分" not in condition
    assert "70分" not in condition


def test_rules_set_to_null_are_left_out_and_texts_override() -> None:
    rules = {
        "report_day": 10,
        "report_to": "镇安办",
        "evaluation": None,
        "rewards": None,
        "pass_condition": "自评得分达到80分为达标。",
    }
    texts = _rules(_plan(operating_rules=rules), None)
    assert [t[3:7] for t in texts] == ["信息报送", "目标责任", "绩效考核", "达标条件"]
    assert "每月10日前向镇安办报送" in texts[0]
    assert texts[-1] == "（四）达标条件。自评得分达到80分为达标。"
    without = _rules(_plan(operating_rules={"pass_condition": None}), None)
    assert not any("达标条件" in t for t in without)  # no rubric, no text: nothing to say


def test_without_operating_rules_there_is_no_such_section() -> None:
    view = work_plan_view(_plan())
    assert not any(b.text.endswith("工作机制与考核") for b in view.blocks)


def _paragraphs(data: bytes) -> list[str]:
    # titles are broken at word boundaries with line breaks (views/linebreak.py)
    return [p.text.replace("\n", "") for p in docx.Document(io.BytesIO(data)).paragraphs]


def _table_texts(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = (c.text.replace("\n", "") for t in document.tables for row in t.rows for c in row.cells)
    return "\n".join(cells)


@pytest.mark.parametrize("folder", FOLDERS)
def test_word_plan_has_the_rules_approval_number_and_member_annex(folder: str) -> None:
    dossier = _dossier(folder)
    plan = dossier.work_plan
    assert plan is not None
    assert plan.operating_rules is not None
    assert plan.approved_by is not None
    assert plan.document_number is not None
    data = scd.render(plan, "docx", dossier=dossier)
    paragraphs = _paragraphs(data)
    assert plan.document_number in paragraphs[:3]  # under the title, like a 发文字号
    assert f"本计划经{plan.approved_by}研究同意，自印发之日起实施。" in paragraphs
    rubric = load_rubric(dossier.assessment.rubric if dossier.assessment else "city")
    [condition] = [p for p in paragraphs if "达标条件。" in p]
    for phrase in _band_phrases(rubric):
        assert phrase in condition
    office = plan.organisation.office if plan.organisation else None
    assert office is not None
    day = plan.operating_rules.report_day
    assert any(f"每月{day}日前向{office.name}报送" in p for p in paragraphs)
    # Every member is in the annex table, none is listed in the body text.
    org = plan.organisation
    assert org is not None
    people = [org.committee.director, *org.committee.deputy_directors, *org.committee.members]
    people += [office.director, *office.staff]
    for group in org.working_groups:
        people += [group.leader, *group.deputy_leaders, *group.members]
    tables = _table_texts(data)
    for person in people:
        assert person.name in tables
        assert (person.unit or "") + (person.position or "") in tables
    assert not any(p.startswith(("成员：", "副组长：", "主要职责：")) for p in paragraphs)
    groups = [
        p
        for p in paragraphs
        if any(p.startswith(f"{n}.{g.name}。") for n, g in enumerate(org.working_groups, start=1))
    ]
    assert len(groups) == len(org.working_groups)
