"""Rules on the creation organisation: committee, office, working groups (element 1)."""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Organisation
from ..context import Context
from ..findings import Severity
from ..rule import Hit, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
BASE = "work_plan.organisation"


def _org(ctx: Context) -> Organisation | None:
    plan = ctx.dossier.work_plan
    return None if plan is None else plan.organisation


@rule(
    "SC-E1-001",
    E,
    "工作计划未明确创建组织机构",
    "The work plan names no creation organisation.",
    "AQ/T 9001 §1 安全社区创建机构与职责",
)
def no_organisation(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.work_plan is not None and _org(ctx) is None:
        yield Hit(BASE, "organisation is empty")


@rule(
    "SC-E1-002",
    E,
    "促进委员会成员单位过少，不能体现跨部门",
    "The promotion committee draws on too few units to be cross-departmental.",
    "AQ/T 9001 §1: a cross-department body",
)
def too_few_units(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is None:
        return
    c = org.committee
    units = {p.unit for p in (c.director, *c.deputy_directors, *c.members) if p.unit}
    if len(units) < ctx.options.min_committee_units:
        yield Hit(
            f"{BASE}.committee.members",
            f"{len(units)} distinct units, at least {ctx.options.min_committee_units} expected",
        )


@rule(
    "SC-E1-003",
    W,
    "委员会成员未注明所在单位",
    "A committee member has no unit.",
    "AQ/T 9001 §1: members from several sectors",
)
def member_without_unit(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is None:
        return
    for i, person in enumerate(org.committee.members):
        if person.unit is None:
            yield Hit(f"{BASE}.committee.members[{i}].unit", person.name)


@rule(
    "SC-E1-004",
    E,
    "未设立工作组",
    "The organisation has no working groups.",
    "AQ/T 9001 §1; city rubric 1.x 工作组",
)
def no_groups(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is not None and not org.working_groups:
        yield Hit(f"{BASE}.working_groups", "no working group")


@rule(
    "SC-E1-005",
    W,
    "促进委员会职责未明确",
    "The committee's duties are not stated.",
    "AQ/T 9001 §1 职责",
)
def committee_duties(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is not None and not org.committee.duties:
        yield Hit(f"{BASE}.committee.duties", "no duties")


@rule(
    "SC-E1-006",
    W,
    "促进委员会没有会议制度",
    "The committee has no rule for regular meetings.",
    "AQ/T 9001 §1; city rubric: 定期召开会议",
)
def committee_meetings(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is not None and org.committee.meeting_rule is None:
        yield Hit(f"{BASE}.committee.meeting_rule", "no meeting rule")


@rule(
    "SC-E1-007",
    W,
    "工作组没有成员",
    "A working group has a leader but no members.",
    "AQ/T 9001 §1 工作组",
)
def group_members(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is None:
        return
    for i, group in enumerate(org.working_groups):
        if not group.members:
            yield Hit(f"{BASE}.working_groups[{i}].members", group.name)


@rule(
    "SC-E1-008",
    W,
    "项目领域没有对应的工作组",
    "A project's area has no working group responsible for it.",
    "AQ/T 9001 §1, §5: working groups per promotion area",
)
def area_without_group(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is None:
        return
    areas = {g.area for g in org.working_groups if g.area is not None}
    if not areas:
        return
    for i, project in enumerate(ctx.dossier.projects):
        if project.area not in areas:
            yield Hit(f"projects[{i}].area", f"{project.title}: area {project.area.label}")


@rule(
    "SC-E1-009",
    W,
    "未设立创建办公室",
    "The committee has no office running the daily work.",
    "AQ/T 9001 §1",
)
def no_office(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is not None and org.office is None:
        yield Hit(f"{BASE}.office", "no office")


@rule(
    "SC-E1-010",
    INFO,
    "工作组没有例会制度",
    "A working group has no rule for regular meetings.",
    "city rubric: 工作组定期召开例会",
)
def group_meetings(ctx: Context) -> Iterator[Hit]:
    org = _org(ctx)
    if org is None:
        return
    for i, group in enumerate(org.working_groups):
        if group.meeting_rule is None:
            yield Hit(f"{BASE}.working_groups[{i}].meeting_rule", group.name)
