"""Nine real sample work plans, transcribed as fixtures, keep their structure as written.

Each ``tests/fixtures/seed_plans/planN.yaml`` copies the outline of sample plan N (sections,
heading levels, run-in paragraphs, intros, points and their numbering, phases with their dates
as written, tasks, working groups and duties) with short placeholder text. ``SEED`` records that
outline as the original has it, and every fixture must match it exactly: losing a section, a
phase, a task, a working group, a duty or a point fails the test. The plans as written are
checked in ``test_seed_plans_written.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

from safecommunity_docs.codes import MeasureStatus
from safecommunity_docs.io import load_file
from safecommunity_docs.models.section import Intro, Section
from safecommunity_docs.models.work_plan import Phase, WorkPlan
from safecommunity_docs.models.work_plan_markers import marker_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "seed_plans"

DEFAULT_STYLE = "1."
"""How points are numbered when a section does not say (``Section.point_style`` is None)."""

W = "as written"
"""The style of points (or tasks) that carry their own markers ({marker, text})."""


class Outline(NamedTuple):
    """The outline of one section (or intro, or phase) as the document lays it out."""

    paragraphs: int = 0
    points: int = 0
    style: str | None = None
    """Numbering of the points (一是, ①, 1., （1）); None when there are no points."""
    groups: tuple[int, ...] = ()
    """Working groups described inside the section: the number of duties of each."""
    children: tuple[Outline, ...] = ()
    run_in: bool = False
    """No heading: the section's number stands before its first paragraph (plan 2's 四、)."""


def para(n: int) -> Outline:
    """n paragraphs and nothing else."""
    return Outline(paragraphs=n)


def pts(n: int, style: str = DEFAULT_STYLE) -> Outline:
    """n enumerated points (or numbered statements, or tasks) and nothing else."""
    return Outline(points=n, style=style)


def node(
    paragraphs: int,
    points: int,
    *children: Outline,
    style: str | None = None,
    groups: tuple[int, ...] = (),
    run_in: bool = False,
) -> Outline:
    """Paragraphs, points (numbered ``style``, by default 1.), working groups and children."""
    return Outline(paragraphs, points, _style(style, points), groups, children, run_in)


def _style(style: str | None, points: int) -> str | None:
    return style or (DEFAULT_STYLE if points else None)


class PhaseFacts(NamedTuple):
    """What a phase holds: name (None: named by its dates), dates as written, paragraphs,
    tasks, status."""

    name: str | None
    dates: str
    summary: int = 0
    goals: int = 0
    tasks: int = 0
    done_tasks: int = 0
    status: str | None = None


phase = PhaseFacts


def _item_style(items: Sequence[str], style: str | None) -> str | None:
    """W when the items carry their own markers, else the style they are numbered in."""
    return W if any(marker_of(i) for i in items) else _style(style, len(items))


def _section(s: Section) -> Outline:
    return Outline(
        len(s.paragraphs),
        len(s.points),
        _item_style(s.points, s.point_style),
        tuple(len(g.duties) for g in s.working_groups),
        tuple(_section(c) for c in s.subsections),
        s.heading is None,
    )


def _intro(intro: Intro) -> Outline:
    return node(
        len(intro.paragraphs), len(intro.points), style=_item_style(intro.points, intro.point_style)
    )


def _phase(p: Phase) -> Outline:
    """A phase as a section: its summary and goals are paragraphs, its tasks numbered points."""
    marked = any(t.marker is not None for t in p.tasks)
    return node(len(p.summary) + len(p.goals), len(p.tasks), style=W if marked else None)


def written_dates(p: Phase) -> str:
    """A phase's dates as the fixture writes them."""
    if p.dates is not None:
        return str(p.dates)
    return str(p.start) if p.end is None or p.end == p.start else f"{p.start}—{p.end}"


def _phase_heading(p: Phase) -> str:
    """The heading of a top-level phase section: its name and dates."""
    return f"{p.name or ''}（{written_dates(p)}）"


def _body(plan: WorkPlan, key: str) -> Outline:
    """Outline of one top-level section without its intro."""
    if key == "basis":
        return node(0, len(plan.basis_documents))
    if key == "guiding_ideology":
        return para(len(plan.guiding_ideology))
    if key == "objectives":
        statements = len(plan.objectives.statements) if plan.objectives else 0
        if plan.objectives is not None:
            style = _item_style(plan.objectives.statements, plan.objectives.statement_style)
            if plan.objectives.statement_style is not None or style == W:
                return pts(statements, style or DEFAULT_STYLE)
        return para(statements)
    if key in ("focus_areas", "requirements", "safeguards"):
        sections: list[Section] = getattr(plan, key)
        return node(0, 0, *(_section(s) for s in sections))
    if key == "organisation":
        groups = plan.organisation.working_groups if plan.organisation else []
        return node(0, 0, groups=tuple(len(g.duties) for g in groups))
    if key == "phases":
        return node(0, 0, *(_phase(p) for p in plan.phases))
    if key == "budget":
        return node(0, len(plan.budget.lines) if plan.budget else 0)
    extra = {s.id: s for s in plan.extra_sections}
    return _section(extra[key])


def _top(plan: WorkPlan, key: str) -> Outline:
    """Outline of one top-level section: its intro's paragraphs and points come first."""
    body = _body(plan, key)
    if key not in plan.intros:
        return body
    intro = _intro(plan.intros[key])
    return body._replace(
        paragraphs=intro.paragraphs + body.paragraphs,
        points=intro.points + body.points,
        style=intro.style or body.style,
    )


def _all_groups(plan: WorkPlan) -> list[int]:
    """Duty counts of every working group, wherever the plan describes it."""

    def walk(sections: list[Any]) -> list[int]:
        out: list[int] = []
        for s in sections:
            out += [len(g.duties) for g in s.working_groups]
            out += walk(s.subsections)
        return out

    org = [len(g.duties) for g in plan.organisation.working_groups] if plan.organisation else []
    return org + walk(
        [*plan.focus_areas, *plan.requirements, *plan.safeguards, *plan.extra_sections]
    )


def structure(plan: WorkPlan) -> dict[str, Any]:
    """The facts the ``SEED`` table records, read from a loaded plan."""
    sections: list[tuple[str | None, Outline]] = []
    for key in plan.ordered_sections():
        if key == "phases" and plan.phases_layout == "top_level":
            sections += [(_phase_heading(p), _phase(p)) for p in plan.phases]
        else:
            sections.append((plan.heading_of(key) or None, _top(plan, key)))
    return {
        "preamble": len(plan.preamble),
        "sections": sections,
        "intros": {key: _intro(intro) for key, intro in plan.intros.items()},
        "phases_layout": plan.phases_layout,
        "phases": [
            PhaseFacts(
                p.name,
                written_dates(p),
                len(p.summary),
                len(p.goals),
                len(p.tasks),
                sum(t.status == MeasureStatus.DONE for t in p.tasks),
                None if p.status is None else str(p.status),
            )
            for p in plan.phases
        ],
        "groups": _all_groups(plan),
        "targets": len(plan.objectives.targets) if plan.objectives else 0,
        "closing": len(plan.closing),
    }


KEYS: dict[int, list[str]] = {
    1: ["guiding_ideology", "objectives", "focus_areas", "phases"],
    2: ["phases", "standard_followup"],
    3: ["guiding_ideology", "objectives", "focus_areas", "phases", "requirements"],
    4: ["responsibility", "publicity", "key_work"],
    5: ["leadership", "promotion_projects"],
    6: ["guiding_ideology", "objectives", "safeguards", "phases"],
    7: ["guiding_ideology", "objectives", "focus_areas"],
    8: ["guiding_ideology", "objectives", "focus_areas", "requirements"],
    9: ["guiding_ideology", "concept_and_basis", "objectives", "phases", "requirements"],
}
"""What ``ordered_sections()`` returns for each fixture: which model part holds each section."""

PLAN1_GROUPS = (7, 3, 3, 3, 3, 3, 3, 5)

SEED: dict[int, dict[str, Any]] = {
    1: {
        "preamble": 1,
        "sections": [
            ("指导思想", para(1)),
            ("工作目标", para(1)),
            # （一） 一是…三是; （二） 一是; （二）[sic] a paragraph, then eight 1、 working groups
            # with ① duties.
            (
                "工作重点",
                node(0, 0, pts(3, "一是"), pts(1, "一是"), node(1, 0, groups=PLAN1_GROUPS)),
            ),
            ("工作计划和时间节点", node(0, 0, pts(5, W), pts(7, W), pts(3, W), pts(3, W))),
        ],
        "intros": {},
        "phases_layout": "section",
        "phases": [
            phase("学习准备和启动阶段", "20xx年9月~20xx年10月", tasks=5),
            phase("全面推进实施阶段", "20xx年11月~20xx年2月", tasks=7),
            phase("持续改进阶段", "20xx年3月~5月", tasks=3),
            phase("申报与验收阶段", "20xx年6月", tasks=3),
        ],
        "groups": list(PLAN1_GROUPS),
        "targets": 0,
        "closing": 1,
    },
    2: {
        "preamble": 1,
        "sections": [
            # 一、二、三、 are the phases, headed by name and dates.
            ("准备发动阶段（20xx年8月-10月）", para(1)),
            ("启动阶段（20xx年11月）", pts(3, W)),
            ("全面创建阶段（20xx年11月—20xx年底）", para(3)),  # paragraph, 工作内容, 计划目标
            (None, node(2, 0, run_in=True)),  # 四、 is a numbered paragraph without a heading
        ],
        "intros": {},
        "phases_layout": "top_level",
        "phases": [
            phase("准备发动阶段", "20xx年8月-10月", summary=1, status="已完成"),
            phase("启动阶段", "20xx年11月", tasks=3, done_tasks=2),
            phase("全面创建阶段", "20xx年11月—20xx年底", summary=2, goals=1),
        ],
        "groups": [],
        "targets": 0,
        "closing": 0,
    },
    3: {
        "preamble": 1,
        "sections": [
            ("指导思想", para(1)),
            ("工作目标", para(1)),
            ("工作重点", node(0, 0, node(1, 4, style="一是"), *[para(1)] * 5)),
            (
                "工作步骤及时间安排",
                node(0, 0, node(1, 3, style=W), node(1, 5, style=W), node(1, 4, style=W), para(1)),
            ),
            ("工作要求", node(0, 0, *[para(1)] * 4)),
        ],
        "intros": {},
        "phases_layout": "section",
        "phases": [
            phase("细化促进项目阶段", "20xx年1月-3月", summary=1, tasks=3),
            phase("工作开展阶段", "20xx年4月-6月", summary=1, tasks=5),
            phase("建章立制阶段", "20xx年7月-9月", summary=1, tasks=4),
            phase("迎接验收阶段", "20xx年10月底", summary=1),
        ],
        "groups": [],
        "targets": 0,
        "closing": 0,
    },
    4: {
        "preamble": 2,
        "sections": [
            ("落实创建责任制", para(1)),
            ("做好宣传发动", para(1)),
            (
                "立足实际，抓住重点",
                node(3, 0, para(1), pts(3, "1、")),
            ),  # （一）是…（二）是 1、2、3、
        ],
        "intros": {},
        "phases_layout": "section",
        "phases": [],
        "groups": [],
        "targets": 0,
        "closing": 1,
    },
    5: {
        "preamble": 0,
        "sections": [
            ("统一认识、强化领导", pts(3, "1、")),
            ("开展安全社区促进项目", pts(6, "1、")),
        ],
        "intros": {},
        "phases_layout": "section",
        "phases": [],
        "groups": [],
        "targets": 0,
        "closing": 0,
    },
    6: {
        "preamble": 1,
        "sections": [
            ("指导思想", para(1)),
            ("目标任务", pts(2, "1、")),  # two numbered 1、 statements
            ("保障措施", pts(5, "1、")),  # five 1、 points straight under the heading
            ("创建工作阶段安排", node(0, 0, para(1), para(1))),
        ],
        "intros": {"safeguards": pts(5, "1、")},
        "phases_layout": "section",
        "phases": [
            phase(None, "20xx年12月底至20xx年6月底", summary=1),
            phase(None, "20xx年7月至9月", summary=1),
        ],
        "groups": [],
        "targets": 0,
        "closing": 0,
    },
    7: {
        "preamble": 1,
        "sections": [
            ("指导思想", para(1)),
            ("工作目标", pts(4, W)),  # four statements numbered (一) as written
            (
                "工作重点",
                node(0, 0, pts(2), pts(2), pts(5), pts(2, "1、"), node(1, 5, style="1、")),
            ),
        ],
        "intros": {},
        "phases_layout": "section",
        "phases": [],
        "groups": [],
        "targets": 0,
        "closing": 0,
    },
    8: {
        "preamble": 1,
        "sections": [
            ("指导思想", para(1)),
            ("工作目标", para(1)),
            ("工作任务", node(0, 0, *[para(1)] * 6)),
            ("工作要求", node(0, 0, *[para(1)] * 5)),
        ],
        "intros": {},
        "phases_layout": "section",
        "phases": [],
        "groups": [],  # seven groups are only named in a paragraph; their duties are in an annex
        "targets": 0,
        "closing": 0,
    },
    9: {
        "preamble": 1,
        "sections": [
            ("指导思想", para(1)),
            ("安全社区概念和实施依据", node(0, 0, pts(4, "1、"), para(1))),
            ("工作目标", para(1)),
            # one paragraph before the four phases
            ("重点工作及实施步骤", node(1, 0, para(2), para(1), para(1), para(1))),
            ("工作要求", node(0, 0, *[para(1)] * 3)),
        ],
        "intros": {"phases": para(1)},
        "phases_layout": "section",
        "phases": [
            phase("启动阶段", "20xx 年 4 月底前", summary=2),
            phase("实施阶段", "20xx年 5 月-11 月底", summary=1),
            phase("评定阶段", "20xx年 12 月", summary=1),
            phase("总结阶段", "20xx年1月", summary=1),
        ],
        "groups": [],
        "targets": 0,
        "closing": 0,
    },
}
"""Each seed plan's outline (placeholder headings where the seed's own are paraphrased)."""

PLANS = sorted(SEED)


def _load(n: int) -> WorkPlan:
    plan, changes = load_file(FIXTURES / f"plan{n}.yaml", WorkPlan)
    assert changes == []
    return plan


def test_one_fixture_per_seed_plan() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.yaml")) == [f"plan{n}.yaml" for n in PLANS]
    assert PLANS == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert set(KEYS) == set(SEED)


@pytest.mark.parametrize("n", PLANS)
def test_sections_map_to_model_parts(n: int) -> None:
    assert _load(n).ordered_sections() == KEYS[n]


@pytest.mark.parametrize("n", PLANS)
def test_mirrors_seed(n: int) -> None:
    plan, expected = _load(n), SEED[n]
    got = structure(plan)
    assert [h for h, _ in got["sections"]] == [h for h, _ in expected["sections"]]
    assert got["phases"] == expected["phases"]
    assert got["groups"] == expected["groups"]
    assert got == expected


def test_outline_notices_losses() -> None:
    """The comparison is strict: dropping any part of a fixture changes its structure."""
    plan = _load(1)
    base = structure(plan)
    focus = plan.focus_areas[2]
    losses = [
        plan.model_copy(update={"focus_areas": plan.focus_areas[:2]}),
        plan.model_copy(update={"phases": plan.phases[:3]}),
        plan.model_copy(
            update={"phases": [*plan.phases[:3], plan.phases[3].model_copy(update={"tasks": []})]}
        ),
        plan.model_copy(
            update={
                "focus_areas": [
                    *plan.focus_areas[:2],
                    focus.model_copy(update={"working_groups": focus.working_groups[:7]}),
                ]
            }
        ),
        plan.model_copy(
            update={
                "focus_areas": [
                    plan.focus_areas[0].model_copy(update={"points": []}),
                    *plan.focus_areas[1:],
                ]
            }
        ),
        plan.model_copy(
            update={
                "focus_areas": [
                    plan.focus_areas[0].model_copy(update={"point_style": None}),
                    *plan.focus_areas[1:],
                ]
            }
        ),
    ]
    for lossy in losses:
        assert structure(lossy) != base
    plan6 = _load(6)
    assert structure(plan6.model_copy(update={"intros": {}})) != structure(plan6)
    plan2 = _load(2)
    assert structure(plan2.model_copy(update={"phases_layout": "section"})) != structure(plan2)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("n", PLANS)
def test_text_is_placeholder(n: int) -> None:
    """The fixtures keep the seeds' outline, not their wording: every text stays short."""
    data = yaml.safe_load((FIXTURES / f"plan{n}.yaml").read_text(encoding="utf-8"))
    assert max(len(s) for s in _strings(data)) <= 30
