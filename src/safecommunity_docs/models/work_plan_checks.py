"""The work plan's own rules: period, phase order, section keys and order, included parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Rules

if TYPE_CHECKING:
    from .work_plan import WorkPlan


STANDARD_SECTIONS: dict[str, str] = {
    "basis": "编制依据",
    "guiding_ideology": "指导思想",
    "objectives": "工作目标",
    "focus_areas": "工作重点",
    "organisation": "组织机构及职责",
    "phases": "工作步骤及时间安排",
    "mechanisms": "工作机制与考核",
    "requirements": "工作要求",
    "safeguards": "保障措施",
    "budget": "经费预算",
}
"""Keys of the standard sections, in their default order, with their default headings."""


def plan_rules(plan: WorkPlan) -> Rules:
    """Every violation of the plan's rules, each at its field path."""
    rules = Rules()
    period = (plan.period_start, plan.period_end)
    rules.check(
        (period[0] is None) == (period[1] is None),
        ("period_end" if period[1] is None else "period_start",),
        "计划期需同时填写开始和结束月份 (give both period_start and period_end, or neither)",
    )
    if period[0] is not None and period[1] is not None:
        rules.check(
            period[1] >= period[0],
            ("period_end",),
            f"计划结束月份早于开始月份 (period_end {period[1]} is before period_start {period[0]})",
        )
    previous: tuple[str | None, str] | None = None
    for i, phase in enumerate(plan.phases):
        span = phase.months()
        if span is None:
            continue
        where = ("phases", i, "dates" if phase.dates is not None else "start")
        if period[0] is not None and period[1] is not None:
            first, last = period[0], period[1]
            if span[0] is not None:
                rules.check(
                    first <= span[0] <= last,
                    where,
                    f"阶段开始月份不在计划期内 (start {span[0]} is outside the plan period "
                    f"{first} to {last})",
                )
            rules.check(
                first <= span[1] <= last,
                where if phase.dates is not None else ("phases", i, "end"),
                f"阶段结束月份不在计划期内 (end {span[1]} is outside the plan period "
                f"{first} to {last})",
            )
        if previous is not None and span[0] is not None and previous[0] is not None:
            rules.check(
                span[0] >= previous[0],
                where,
                f"阶段顺序错误 (phase starts {span[0]}, before the previous phase's "
                f"start {previous[0]})",
            )
        previous = span
    if plan.phases_layout == "top_level":
        rules.check(
            "phases" not in plan.headings,
            ("headings", "phases"),
            "分阶段排版时阶段章节没有总标题 (phases_layout top_level shows each phase as its "
            "own section; a heading for 'phases' would never be shown)",
        )
    for name in ("headings", "intros", "markers"):
        for key in getattr(plan, name):
            rules.check(
                key in STANDARD_SECTIONS,
                (name, key),
                f"未知章节 (unknown section key; expected one of {', '.join(STANDARD_SECTIONS)})",
            )
    ids = [s.id for s in plan.extra_sections]
    for i, sid in enumerate(ids):
        rules.check(
            sid not in STANDARD_SECTIONS and ids.index(sid) == i,
            ("extra_sections", i, "id"),
            f"章节标识重复 (id '{sid}' is used twice or is a standard key)",
        )
    if plan.section_order is not None:
        known = set(STANDARD_SECTIONS) | set(ids)
        for i, key in enumerate(plan.section_order):
            rules.check(
                key in known,
                ("section_order", i),
                f"未知章节 ('{key}' is neither a standard key nor an extra section id)",
            )
            rules.check(
                plan.section_order.index(key) == i,
                ("section_order", i),
                f"章节重复 ('{key}' is listed twice)",
            )
        listed = set(plan.section_order)
        for part, _ in plan.included_parts():
            rules.check(
                part not in listed,
                ("section_order",),
                f"章节已包含在其他章节中 ('{part}' is shown inside a section; leave it out "
                "of section_order)",
            )
        missing = [k for k in plan.present_sections() + ids if k not in listed]
        rules.check(
            not missing,
            ("section_order",),
            f"章节顺序遗漏了有内容的章节 (missing: {', '.join(missing)})",
        )
    seen: set[str] = set()
    for part, path in plan.included_parts():
        rules.check(
            part not in seen,
            (*path, "includes"),
            f"内容重复包含 ('{part}' is shown in two sections)",
        )
        seen.add(part)
        has = bool(plan.basis_documents) if part == "basis" else plan.budget is not None
        rules.check(
            has,
            (*path, "includes"),
            f"包含的内容为空 ('{part}' is included but the plan has no "
            f"{'basis_documents' if part == 'basis' else 'budget'})",
        )
    return rules
