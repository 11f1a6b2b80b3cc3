"""The work plan view: every text shown, numbering, phases and budget tables, seed layouts."""

from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from safecommunity_docs.io import load, load_file
from safecommunity_docs.models import WorkPlan
from safecommunity_docs.views.document import Block, DocumentView, TableView
from safecommunity_docs.views.format import fmt_month_range
from safecommunity_docs.views.numbering import heading_number
from safecommunity_docs.views.rowlines import cell_lines
from safecommunity_docs.views.work_plan import work_plan_view
from tests.conftest import EXAMPLES, PLAN
from tests.texts import model_texts

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seed_plans"
EXAMPLE_NAMES = ["qinghe-street", "dongshan-town", "jiangkou-park"]
SEED_NUMBERS = list(range(1, 10))


def _example(name: str) -> tuple[WorkPlan, DocumentView]:
    dossier = load(EXAMPLES / name)
    assert dossier.work_plan is not None
    return dossier.work_plan, work_plan_view(dossier.work_plan, dossier.community)


def _unmarked(data: Any, items: bool = True) -> Any:
    """``data`` without the numbers the plan writes: every item numbered by position."""
    if isinstance(data, dict):
        if items and set(data) == {"marker", "text"}:
            return data["text"]
        return {k: _unmarked(v, k != "tasks") for k, v in data.items() if k != "marker"}
    if isinstance(data, list):
        return [_unmarked(v, items) for v in data]
    return data


SEED_DATES: dict[int, tuple[str, str, str, list[tuple[str, str]]]] = {
    1: (
        "2025-08-20",
        "2025-09",
        "2026-06",
        [
            ("2025-09", "2025-10"),
            ("2025-11", "2026-02"),
            ("2026-03", "2026-05"),
            ("2026-06", "2026-06"),
        ],
    ),
    2: (
        "2025-07-25",
        "2025-08",
        "2025-12",
        [("2025-08", "2025-10"), ("2025-11", "2025-11"), ("2025-11", "2025-12")],
    ),
    3: (
        "2024-12-28",
        "2025-01",
        "2025-10",
        [
            ("2025-01", "2025-03"),
            ("2025-04", "2025-06"),
            ("2025-07", "2025-09"),
            ("2025-10", "2025-10"),
        ],
    ),
    4: ("2025-01-10", "2025-01", "2025-12", []),
    5: ("2024-12-20", "2025-01", "2027-12", []),
    6: ("2025-11-30", "2025-12", "2026-09", [("2025-12", "2026-06"), ("2026-07", "2026-09")]),
    7: ("2025-01-08", "2025-01", "2025-12", []),
    8: ("2025-01-15", "2025-01", "2025-12", []),
    9: (
        "2025-03-20",
        "2025-04",
        "2026-01",
        [
            ("2025-04", "2025-04"),
            ("2025-05", "2025-11"),
            ("2025-12", "2025-12"),
            ("2026-01", "2026-01"),
        ],
    ),
}
"""Dates these layout tests give the seed plans (whose originals write 20xx or none): issue
date, plan period, and each phase's start and end month."""


def _seed(n: int) -> tuple[WorkPlan, DocumentView]:
    """Seed plan ``n`` without its own markers and with dates: the layout the library
    generates for that structure (the plans as written: test_seed_plans_written.py)."""
    plan, _ = load_file(SEEDS / f"plan{n}.yaml", WorkPlan)
    data = _unmarked(plan.model_dump(mode="json", exclude_none=True))
    issued, first, last, months = SEED_DATES[n]
    data.update(issue_date=issued, period_start=first, period_end=last)
    for phase, (start, end) in zip(data.get("phases", []), months, strict=True):
        del phase["dates"]
        phase.update(start=start, end=end)
        for task in phase.get("tasks", []):
            if task.get("deadline") == "4月中旬":
                task["deadline"] = "2025-04-15"
    plan = WorkPlan.model_validate(data)
    return plan, work_plan_view(plan)


def _plan(**changes: Any) -> WorkPlan:
    data = copy.deepcopy(PLAN)
    data.update(changes)
    return WorkPlan.model_validate(data)


def _texts(view: DocumentView, kind: str) -> list[str]:
    return [b.text for b in view.blocks if b.kind == kind]


def _after(view: DocumentView, text: str, count: int) -> list[tuple[str, str]]:
    """The ``count`` blocks that follow the block whose text is ``text``, as (kind, text)."""
    texts = [b.text for b in view.blocks]
    i = texts.index(text)
    return [(b.kind, b.text) for b in view.blocks[i + 1 : i + 1 + count]]


def _tables(view: DocumentView) -> list[tuple[str, TableView]]:
    """Each table with the caption block before it ('' when it has none)."""
    out = []
    for i, block in enumerate(view.blocks):
        if block.table is not None:
            before = view.blocks[i - 1]
            out.append((before.text if before.kind == "caption" else "", block.table))
    return out


def _table(view: DocumentView, caption_suffix: str) -> TableView:
    found = [t for c, t in _tables(view) if c.endswith(caption_suffix)]
    assert len(found) == 1, f"expected one table captioned …{caption_suffix}"
    return found[0]


ALL_PLANS = [("example", n) for n in EXAMPLE_NAMES] + [("seed", n) for n in SEED_NUMBERS]


def _any(source: str, ref: Any) -> tuple[WorkPlan, DocumentView]:
    return _example(ref) if source == "example" else _seed(ref)


# --- every text -----------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "ref"), ALL_PLANS)
def test_every_model_text_is_shown(source: str, ref: Any) -> None:
    plan, view = _any(source, ref)
    shown = view.texts()
    missing = [t for t in model_texts(plan) if not any(t in s for s in shown)]
    assert missing == []


def test_model_texts_skips_codes_keys_and_months() -> None:
    plan = _plan(
        phases_layout="top_level",
        extra_sections=[{"id": "follow_up", "heading": "后续工作", "paragraphs": ["持续改进。"]}],
        intros={"organisation": {"paragraphs": ["组织如下。"]}},
        headings={"organisation": "组织领导"},
        organisation={
            "committee": {"director": {"name": "王一", "position": "主任"}},
            "working_groups": [
                {"name": "交通组", "area": "交通", "leader": {"name": "李二"}, "duties": ["排查"]}
            ],
        },
    )
    texts = model_texts(plan)
    assert texts[:2] == ["测试街道安全社区创建工作计划", "测试街道办事处"]
    for text in ("组织如下。", "组织领导", "后续工作", "持续改进。", "交通组", "排查", "主任"):
        assert text in texts
    for code in ("follow_up", "organisation", "交通", "2025-03", "2026-06", "top_level", "1."):
        assert code not in texts
    assert len(texts) == len(set(texts))


# --- title area, numbering, dates ---------------------------------------------------------


def test_title_area_and_properties() -> None:
    plan, view = _example("qinghe-street")
    assert view.title == "清河街道安全社区创建工作计划（2025—2026年）"
    assert plan.document_number is not None
    assert view.subtitle == plan.document_number  # the 文号 of the 印发 notice, under the title
    assert view.author == "云州市临川区清河街道办事处"
    assert view.document_date == date(2025, 3, 1)
    assert view.keywords == ("安全社区", "工作计划", "清河街道")
    assert view.blocks[0] == Block("p", plan.preamble[0])


def test_without_a_document_number_the_subtitle_is_the_period() -> None:
    view = work_plan_view(_plan())
    assert view.subtitle == "（2025年3月—2026年6月）"


def test_h1_sequence_of_an_example() -> None:
    _, view = _example("qinghe-street")
    assert _texts(view, "h1") == [
        "一、编制依据",
        "二、指导思想",
        "三、工作目标",
        "四、工作重点",
        "五、组织机构及职责",
        "六、工作步骤及时间安排",
        "七、工作机制与考核",
        "八、保障措施",
        "九、经费预算",
    ]
    assert all(b.outline for b in view.blocks if b.kind == "h1")
    assert not any(b.outline for b in view.blocks if b.kind != "h1")


@pytest.mark.parametrize(("source", "ref"), ALL_PLANS)
def test_lower_headings_restart_under_each_parent(source: str, ref: Any) -> None:
    _, view = _any(source, ref)
    counts = {1: 0, 2: 0, 3: 0, 4: 0}
    for block in view.blocks:
        if block.kind in ("h1", "h2", "h3", "h4"):
            level = int(block.kind[1])
            counts[level] += 1
            for deeper in range(level + 1, 5):
                counts[deeper] = 0
            assert block.text.startswith(heading_number(level, counts[level])), block.text
            assert not block.text.endswith(("。", "；", "，", "：")), block.text


def test_h2_numbers_of_the_organisation() -> None:
    _, view = _example("qinghe-street")
    h2 = _texts(view, "h2")
    start = h2.index("（一）清河街道安全社区促进委员会")
    assert h2[start : start + 4] == [
        "（一）清河街道安全社区促进委员会",
        "（二）清河街道安全社区创建办公室",
        "（三）专项工作组",
        "（一）启动准备阶段（2025年3月—2025年5月）",
    ]


@pytest.mark.parametrize(("source", "ref"), ALL_PLANS)
def test_dates_are_not_zero_padded(source: str, ref: Any) -> None:
    _, view = _any(source, ref)
    joined = "\n".join(view.texts())
    assert not re.search(r"\d{4}年0|月0\d", joined)
    assert not re.search(r"\d{4}-\d{2}", view.subtitle)


def test_signature_and_date_close_the_body() -> None:
    _, view = _seed(4)
    assert [(b.kind, b.text) for b in view.blocks[-5:]] == [
        ("p", "表示将不断完善和改进。"),
        ("blank", ""),
        ("blank", ""),  # sealed by default: room for the seal
        ("signature", "示例社区居民委员会"),
        ("date", "2025年1月10日"),
    ]


# --- standard sections ------------------------------------------------------------------------


def test_basis_documents() -> None:
    plan, view = _example("qinghe-street")
    first, *_, last = plan.basis_documents
    assert _after(view, "一、编制依据", 1) == [("p", f"1.《{first.title}》（{first.number}）；")]
    texts = [b.text for b in view.blocks]
    n = len(plan.basis_documents)
    assert texts[texts.index("二、指导思想") - 1] == f"{n}.《{last.title}》（{last.number}）。"


def test_targets_table() -> None:
    plan, view = _example("qinghe-street")
    texts = [b.text for b in view.blocks]
    assert texts[texts.index("三、工作目标") + 1].startswith("总体目标：到2026年12月")
    table = _table(view, "量化工作目标")
    assert _tables(view)[0][0] == "表1 量化工作目标"
    assert table.columns == ("序号", "指标", "目标人群", "目标", "基线", "完成时间")
    assert plan.objectives is not None
    assert len(table.rows) == len(plan.objectives.targets)
    assert table.rows[0] == (
        "1",
        "居民安全知识知晓率",
        "辖区常住居民",
        "不低于85%",
        "58%（2024年）",
        "2026年9月",
    )
    assert table.rows[2][3:] == ("下降15%", "—", "2026年12月")


def test_targets_table_without_groups_has_five_columns() -> None:
    target = {"indicator": "知晓率", "direction": "提高", "value": "12.5", "unit": "%"}
    plan = _plan(objectives={"statements": ["目标明确。"], "targets": [target]})
    table = _table(work_plan_view(plan), "量化工作目标")
    assert table.columns == ("序号", "指标", "目标", "基线", "完成时间")
    assert table.rows == (("1", "知晓率", "提高12.5%", "—", "—"),)


def test_numbered_objective_statements() -> None:
    plan7, _ = _seed(7)
    assert plan7.objectives is not None
    plan7.objectives.statement_style = "（一）"
    view = work_plan_view(plan7)
    assert _after(view, "二、工作目标", 4) == [
        ("p", "（一）生产安全形势稳定好转。"),
        ("p", "（二）减少火灾事故。"),
        ("p", "（三）完成市场整规任务。"),
        ("p", "（四）建立基层防控体系。"),
    ]
    _, view6 = _seed(6)
    assert _after(view6, "二、目标任务", 2) == [
        ("p", "1、部署创建工作，迎接验收。"),
        ("p", "2、完善预案和监测网络，组建志愿者队伍。"),
    ]


def test_focus_area_sections_with_points() -> None:
    plan, view = _example("qinghe-street")
    section = plan.focus_areas[0]
    assert section.heading is not None
    got = _after(view, "（一）" + section.heading, 2)
    assert got == [("p", section.paragraphs[0]), ("p", "1." + section.points[0])]
    _, view1 = _seed(1)
    assert _after(view1, "（一）提升居民安全意识和应急能力", 3) == [
        ("p", "一是加大宣传，普及安全常识。"),
        ("p", "二是开展培训演练，提高应急技能。"),
        ("p", "三是营造氛围，增强共建意识。"),
    ]


def test_working_groups_inside_a_section_are_one_level_down() -> None:
    _, view = _seed(1)
    assert _after(view, "（三）整合辖区资源，深化促进项目", 2) == [
        ("p", "说明本年度深化干预项目的思路。"),
        (
            "p",
            "1.项目策划工作组。协调创建工作。建立伤害记录制度。组织伤害现状调查。"
            "评估风险并策划项目。投稿宣传创建进展。联络上级部门和网络成员。管理创建资料。",
        ),
    ]
    assert _texts(view, "h3") == []
    names = [
        b.text.split("。")[0] for b in view.blocks if b.text[:2] in {f"{n}." for n in range(1, 9)}
    ]
    assert names[-8:] == [
        "1.项目策划工作组",
        "2.交通安全工作组",
        "3.消防安全工作组",
        "4.生产安全工作组",
        "5.社会安全工作组",
        "6.学校安全工作组",
        "7.居家安全工作组",
        "8.宣传推广工作组",
    ]


def test_organisation() -> None:
    plan, view = _example("qinghe-street")
    org = plan.organisation
    assert org is not None
    assert org.office is not None
    committee = org.committee
    [(kind, text)] = _after(view, "（一）" + committee.name, 1)
    assert kind == "p"
    director = committee.director
    assert text.startswith(
        f"{committee.name}由{director.name}（{director.position}）任主任，"
        + "、".join(p.name for p in committee.deputy_directors)
        + "任副主任，"
    )
    assert f"{len(committee.members)}名成员由" in text
    assert "组成人员见附件。主要职责是：" + "".join(committee.duties) in text
    assert committee.meeting_rule is not None
    assert text.endswith(committee.meeting_rule)
    [(_, office)] = _after(view, "（二）" + org.office.name, 1)
    assert office.startswith(f"{org.office.name}设在{org.office.location}，")
    assert f"联系电话：{org.office.phone}" in office
    assert office.endswith("主要职责是：" + "".join(org.office.duties))
    groups = _after(view, "（三）专项工作组", len(org.working_groups) + 1)
    assert groups[0][1].startswith(f"{committee.name}下设{len(org.working_groups)}个专项工作组")
    for n, (group, (kind, text)) in enumerate(zip(org.working_groups, groups[1:], strict=True), 1):
        assert kind == "p"
        assert text == (
            f"{n}.{group.name}。由{group.lead_unit}牵头，{group.leader.name}任组长。"
            + "".join(group.duties)
        )
    texts = [b.text for b in view.blocks]
    assert not any(t.startswith(("成员：", "组长：", "副组长：", "主要职责：")) for t in texts)


def test_leading_group_and_meeting_rule_labels() -> None:
    organisation = {
        "committee": {
            "name": "创建工作领导小组",
            "director": {"name": "王一", "position": "镇长", "phone": "12345"},
            "deputy_directors": [{"name": "赵三"}],
        },
        "working_groups": [
            {
                "name": "交通安全工作组",
                "leader": {"name": "李二"},
                "duties": ["排查道路隐患"],
                "meeting_rule": "每月召开一次例会",
            }
        ],
    }
    view = work_plan_view(_plan(organisation=organisation))
    assert _after(view, "（一）创建工作领导小组", 1) == [
        ("p", "创建工作领导小组由王一（镇长）任组长，赵三任副组长，组成人员见附件。")
    ]
    assert _after(view, "（二）专项工作组", 2)[1] == (
        "p",
        "1.交通安全工作组。李二任组长。排查道路隐患。每月召开一次例会。",
    )
    members = view.blocks[-1].table
    assert members is not None
    assert members.rows[0] == ("创建工作领导小组", "组长：王一（镇长，电话：12345）；副组长：赵三")


def test_budget_paragraph_and_total_row() -> None:
    plan, view = _example("qinghe-street")
    assert plan.budget is not None
    assert _after(view, "九、经费预算", 2) == [
        ("p", "创建工作经费预算共计1513000元（151.3万元），明细见表2。"),
        ("caption", "表2 经费预算"),
    ]
    table = _table(view, "经费预算")
    assert table.columns == ("序号", "支出项目", "金额（元）", "资金来源", "备注")
    assert table.total_row
    assert table.rows[-1] == ("", "合计", "1513000", "", "")
    line = plan.budget.lines[1]
    assert table.rows[1][1:] == (
        line.item,
        f"{line.amount:.0f}",
        line.source or "—",
        line.note or "",
    )
    assert table.column_widths[0] == min(table.column_widths)
    assert table.align[2] == "right"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_budget_total_row_is_the_sum(name: str) -> None:
    plan, view = _example(name)
    assert plan.budget is not None
    table = _table(view, "经费预算")
    body = sum((Decimal(r[2].replace(",", "")) for r in table.rows[:-1]), Decimal(0))
    assert Decimal(table.rows[-1][2].replace(",", "")) == body == plan.budget.computed_total
    assert len(table.rows) == len(plan.budget.lines) + 1


def test_budget_rounding_and_decimals() -> None:
    lines = [{"item": "宣传", "amount": "12345.5"}, {"item": "培训", "amount": "100"}]
    view = work_plan_view(_plan(budget={"lines": lines, "note": "专款专用。"}))
    texts = [b.text for b in view.blocks]
    assert "创建工作经费预算共计12445.50元（约1.24万元），明细见表2。" in texts
    table = _table(view, "经费预算")
    assert [r[2] for r in table.rows] == ["12345.50", "100.00", "12445.50"]
    assert table.rows[0][3:] == ("—", "")
    assert texts[texts.index("表2 经费预算") + 2] == "专款专用。"
    only_total = work_plan_view(_plan(budget={"total": "80000"}))
    assert "创建工作经费预算共计80000元（8万元）。" in [b.text for b in only_total.blocks]
    assert not any(c.endswith("经费预算") for c, _ in _tables(only_total))


# --- phases -----------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 3])
def test_phases_table_has_a_row_per_task_and_merges_phases(n: int) -> None:
    plan, view = _seed(n)
    table = _table(view, "工作步骤及时间节点")
    assert table.columns == ("阶段", "时间节点", "工作任务", "责任单位", "完成时限")
    rows = [(p, t.text) for p in plan.phases for t in p.tasks] + [
        (p, "—") for p in plan.phases if not p.tasks
    ]
    assert len(table.rows) == len(rows)
    expected: list[tuple[int, int, int]] = []
    row = 0
    for phase in plan.phases:
        if len(phase.tasks) > 1:
            expected += [(row, 0, len(phase.tasks)), (row, 1, len(phase.tasks))]
        row += max(1, len(phase.tasks))
    assert table.merge_down == tuple(expected)
    # the tasks take the widest column but for 完成时限, whose dates are never broken
    widths = table.column_widths
    assert widths[2] == max(widths[:4])
    assert all(len(cell_lines(row[4], widths[4])) == 1 for row in table.rows)


def test_phases_of_an_example() -> None:
    plan, view = _example("qinghe-street")
    first = plan.phases[0]
    assert _after(view, "六、工作步骤及时间安排", 2) == [
        ("h2", "（一）启动准备阶段（2025年3月—2025年5月）"),
        ("p", first.summary[0]),
    ]
    # The examples give each phase's work in its summary: no table of tasks.
    assert not any(c.endswith("工作步骤及时间节点") for c, _ in _tables(view))


def test_phase_without_tasks_gets_one_row() -> None:
    _, view = _seed(3)
    table = _table(view, "工作步骤及时间节点")
    assert len(table.rows) == 3 + 5 + 4 + 1
    assert table.rows[-1] == ("迎接验收阶段", "2025年10月", "—", "—", "—")
    assert table.rows[0][3:] == ("镇安办", "—")
    assert table.rows[5][4] == "2025年4月15日"
    assert table.merge_down == ((0, 0, 3), (0, 1, 3), (3, 0, 5), (3, 1, 5), (8, 0, 4), (8, 1, 4))


def test_single_month_and_unnamed_phases() -> None:
    _, view1 = _seed(1)
    assert "（四）申报与验收阶段（2026年6月）" in _texts(view1, "h2")
    _, view6 = _seed(6)
    assert _after(view6, "四、创建工作阶段安排", 4) == [
        ("h2", "（一）2025年12月—2026年6月"),
        ("p", "制定预案，建立机制，开展宣传和排查。"),
        ("h2", "（二）2026年7月—2026年9月"),
        ("p", "对照标准自查，组织应急演练。"),
    ]
    assert _tables(view6) == []  # no phase has tasks: no table of tasks


def test_unnamed_phase_with_tasks_is_named_by_its_order_in_the_table() -> None:
    phases = [
        {"start": "2025-03", "end": "2025-05", "tasks": [{"text": "成立促进委员会"}]},
        {"name": "实施阶段", "start": "2025-06", "end": "2026-06"},
    ]
    table = _table(work_plan_view(_plan(phases=phases)), "工作步骤及时间节点")
    assert table.rows == (
        ("第一阶段", "2025年3月—2025年5月", "成立促进委员会", "—", "—"),
        ("实施阶段", "2025年6月—2026年6月", "—", "—", "—"),
    )
    assert table.merge_down == ()


def test_top_level_phases_of_seed_plan_2() -> None:
    _, view = _seed(2)
    assert _texts(view, "h1") == [
        "一、准备发动阶段（2025年8月—2025年10月）",
        "二、启动阶段（2025年11月）",
        "三、全面创建阶段（2025年11月—2025年12月）",
    ]
    assert _after(view, "二、启动阶段（2025年11月）", 3) == [
        ("p", "1.对接上级部门，争取指导。"),
        ("p", "2.举行启动仪式和动员大会。"),
        ("p", "3.召开促进委员会首次会议。"),
    ]
    assert _after(view, "三、全面创建阶段（2025年11月—2025年12月）", 5) == [
        ("p", "整合资源，加大力度。"),
        ("p", "工作内容：发放资料、召开会议、建立联系。"),
        ("p", "营造氛围、归档资料、消除隐患。"),
        ("p", "四、对照评定指标，请专家指导，完善方案。"),
        ("p", "针对伤害制定方案，建立创建档案。"),
    ]
    assert _texts(view, "h2") == []
    assert _tables(view) == []


def test_top_level_tasks_carry_owner_and_deadline() -> None:
    view = work_plan_view(_plan(phases_layout="top_level"))
    assert _texts(view, "h1") == [
        "一、组织机构及职责",
        "二、启动阶段（2025年3月—2025年5月）",
        "三、实施阶段（2025年6月—2026年3月）",
        "四、评定阶段（2026年4月—2026年6月）",
    ]
    assert _after(view, "二、启动阶段（2025年3月—2025年5月）", 2) == [
        ("p", "1.成立促进委员会（责任单位：办公室；完成时限：2025年4月15日）"),
        ("h1", "三、实施阶段（2025年6月—2026年3月）"),
    ]


# --- intros, run-ins, extra sections ------------------------------------------------------------


def test_intros_of_seed_plan_9_and_6() -> None:
    _, view9 = _seed(9)
    assert _after(view9, "四、重点工作及实施步骤", 2) == [
        ("p", "说明全年分四个阶段实施。"),
        ("h2", "（一）启动阶段（2025年4月）"),
    ]
    _, view6 = _seed(6)
    assert _after(view6, "三、保障措施", 6) == [
        ("p", "1、成立创建领导小组。"),
        ("p", "2、健全工作制度，开展科普活动。"),
        ("p", "3、建设科普宣传栏。"),
        ("p", "4、聘请科技辅导员。"),
        ("p", "5、主动接受上级指导。"),
        ("h1", "四、创建工作阶段安排"),
    ]


def test_intro_paragraphs_come_before_points() -> None:
    intro = {"paragraphs": ["组织如下。"], "points": ["成立委员会。", "成立工作组。"]}
    view = work_plan_view(_plan(intros={"organisation": {**intro, "point_style": "一是"}}))
    assert _after(view, "一、组织机构及职责", 4) == [
        ("p", "组织如下。"),
        ("p", "一是成立委员会。"),
        ("p", "二是成立工作组。"),
        ("h2", "（一）安全社区促进委员会"),
    ]


def test_extra_sections_nest_to_h4() -> None:
    _, view9 = _seed(9)
    assert _after(view9, "二、安全社区概念和实施依据", 2) == [
        ("h2", "（一）安全社区基本概念"),
        ("p", "1、概念：跨部门合作、持续改进的社区。"),
    ]
    extra = {
        "id": "key_work",
        "heading": "重点工作",
        "subsections": [
            {
                "heading": "交通",
                "subsections": [
                    {"heading": "路口", "subsections": [{"heading": "信号灯"}, {"heading": "标线"}]}
                ],
            }
        ],
    }
    view = work_plan_view(_plan(extra_sections=[extra]))
    assert _after(view, "三、重点工作", 4) == [
        ("h2", "（一）交通"),
        ("h3", "1.路口"),
        ("h4", "（1）信号灯"),
        ("h4", "（2）标线"),
    ]


@pytest.mark.parametrize("n", SEED_NUMBERS)
def test_seed_h1_headings_follow_the_section_order(n: int) -> None:
    plan, view = _seed(n)
    expected: list[str] = []
    run_in: list[str] = []
    number = 0
    for key in plan.ordered_sections():
        if key == "phases" and plan.phases_layout == "top_level":
            for phase in plan.phases:
                number += 1
                months = fmt_month_range(str(phase.start), str(phase.end))
                expected.append(f"{heading_number(1, number)}{phase.name}（{months}）")
            continue
        number += 1
        heading = plan.heading_of(key)
        if heading:
            expected.append(heading_number(1, number) + heading)
        else:
            run_in.append(heading_number(1, number))
    assert _texts(view, "h1") == expected
    for prefix in run_in:
        assert sum(t.startswith(prefix) for t in _texts(view, "p")) == 1


def test_run_in_sections_carry_their_number() -> None:
    _, view = _seed(2)
    assert "四、对照评定指标，请专家指导，完善方案。" in _texts(view, "p")
    focus = [
        {"heading": "加强领导", "paragraphs": ["落实责任。"]},
        {"paragraphs": ["根据诊断结果调整项目。", "每季度评估。"]},
        {"heading": "加强宣传", "points": ["发放资料。"]},
    ]
    view = work_plan_view(_plan(focus_areas=focus))
    assert _after(view, "（一）加强领导", 4) == [
        ("p", "落实责任。"),
        ("p", "（二）根据诊断结果调整项目。"),
        ("p", "每季度评估。"),
        ("h2", "（三）加强宣传"),
    ]


# --- closing, annexes -------------------------------------------------------------------------


def test_annex_note_signature_and_annexes() -> None:
    plan, view = _example("qinghe-street")
    texts = [b.text for b in view.blocks]
    approval = texts.index(f"本计划经{plan.approved_by}研究同意，自印发之日起实施。")
    annex = "创建工作机构组成人员名单"
    assert [(b.kind, b.text) for b in view.blocks[approval + 1 : approval + 9]] == [
        ("blank", ""),
        ("annex_note", f"附件：{annex}"),
        ("blank", ""),
        ("blank", ""),
        ("signature", "云州市临川区清河街道办事处"),
        ("date", "2025年3月1日"),
        ("annex_label", "附件"),
        ("annex_title", annex),
    ]
    table = view.blocks[approval + 9].table
    assert table is not None
    assert table.columns == ("机构", "组成人员")
    assert plan.organisation is not None
    assert len(table.rows) == 2 + len(plan.organisation.working_groups)
    assert view.blocks[-1].table is table


def test_single_annex_has_no_number() -> None:
    annex = {
        "title": "任务分解表",
        "paragraphs": ["各单位按表落实。"],
        "table": {"columns": ["序号", "任务"], "rows": [["1", "成立机构"], ["2", ""]]},
    }
    view = work_plan_view(_plan(organisation=None, annexes=[annex]))
    kinds = [(b.kind, b.text) for b in view.blocks]
    assert kinds[-11:-2] == [
        ("blank", ""),
        ("annex_note", "附件：任务分解表"),
        ("blank", ""),
        ("blank", ""),
        ("signature", "测试街道办事处"),
        ("date", "2025年3月1日"),
        ("annex_label", "附件"),
        ("annex_title", "任务分解表"),
        ("p", "各单位按表落实。"),
    ]
    assert kinds[-2] == ("caption", "表2 任务分解表")
    table = view.blocks[-1].table
    assert table is not None
    assert table.rows == (("1", "成立机构"), ("2", ""))
