"""Rules on a plan kept as written: repeated markers, dates that checks cannot read (element 4)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...models import WorkPlan
from ...models.section import Section
from ...models.work_plan_markers import marker_of
from ..context import Context
from ..findings import Severity
from ..rule import Hit, rule

W, INFO = Severity.WARNING, Severity.INFO
BASE = "work_plan"

Siblings = list[tuple[str, str | None]]
"""Items numbered together: (field path, marker as written or None)."""


def _items(path: str, items: Sequence[str]) -> Siblings:
    return [(f"{path}[{i}]", marker_of(item)) for i, item in enumerate(items)]


def _sections(path: str, sections: Sequence[Section]) -> list[Siblings]:
    """The sections themselves, and inside each: its points, its groups and subsections."""
    groups: list[Siblings] = [[(f"{path}[{i}].marker", s.marker) for i, s in enumerate(sections)]]
    for i, s in enumerate(sections):
        here = f"{path}[{i}]"
        groups.append(_items(f"{here}.points", s.points))
        groups.append(
            [
                (f"{here}.working_groups[{j}].marker", g.marker)
                for j, g in enumerate(s.working_groups)
            ]
            + [(f"{here}.subsections[{j}].marker", c.marker) for j, c in enumerate(s.subsections)]
        )
        for j, g in enumerate(s.working_groups):
            groups.append(_items(f"{here}.working_groups[{j}].duties", g.duties))
        groups += _sections(f"{here}.subsections", s.subsections)
    return groups


def sibling_groups(plan: WorkPlan) -> list[Siblings]:
    """Every set of items the plan numbers together, with the markers it writes."""
    top: Siblings = []
    groups: list[Siblings] = []
    for key in plan.ordered_sections():
        extra = next((i for i, s in enumerate(plan.extra_sections) if s.id == key), None)
        if extra is not None:
            top.append(
                (f"{BASE}.extra_sections[{extra}].marker", plan.extra_sections[extra].marker)
            )
        elif key == "phases" and plan.phases_layout == "top_level":
            top += [(f"{BASE}.phases[{i}].marker", p.marker) for i, p in enumerate(plan.phases)]
        else:
            top.append((f"{BASE}.markers.{key}", plan.markers.get(key)))
    groups.append(top)
    for name in ("focus_areas", "requirements", "safeguards", "extra_sections"):
        groups += _sections(f"{BASE}.{name}", getattr(plan, name))
    for key, intro in plan.intros.items():
        groups.append(_items(f"{BASE}.intros.{key}.points", intro.points))
    if plan.objectives is not None:
        groups.append(_items(f"{BASE}.objectives.statements", plan.objectives.statements))
    if plan.phases_layout == "section":
        groups.append([(f"{BASE}.phases[{i}].marker", p.marker) for i, p in enumerate(plan.phases)])
    for i, p in enumerate(plan.phases):
        groups.append(
            [(f"{BASE}.phases[{i}].tasks[{j}].marker", t.marker) for j, t in enumerate(p.tasks)]
        )
    groups.append(
        [
            (f"{BASE}.basis_documents[{i}].marker", b.marker)
            for i, b in enumerate(plan.basis_documents)
        ]
    )
    if plan.organisation is not None:
        org = f"{BASE}.organisation.working_groups"
        wgs = plan.organisation.working_groups
        groups.append([(f"{org}[{i}].marker", g.marker) for i, g in enumerate(wgs)])
        groups += [_items(f"{org}[{i}].duties", g.duties) for i, g in enumerate(wgs)]
    return groups


@rule(
    "SC-E4-017",
    W,
    "编号重复",
    "A number the plan writes repeats an earlier one at the same level (kept as written).",
    "GB/T 9704 层次序数; the plan as written",
)
def repeated_marker(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is None:
        return
    for siblings in sibling_groups(plan):
        seen: dict[str, str] = {}
        for path, marker in siblings:
            if marker is None:
                continue
            if marker in seen:
                yield Hit(path, f"「{marker}」 is also the number of {seen[marker]}")
            else:
                seen[marker] = path


@rule(
    "SC-E4-018",
    INFO,
    "计划时间没有具体年份，相关核对未进行",
    "A date of the plan has no real year (20xx, or none): checks that need dates did not run.",
    "工作步骤及时间安排",
)
def unchecked_dates(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is None:
        return
    for i, phase in enumerate(plan.phases):
        if phase.months() is None:
            field = "dates" if phase.dates is not None else "start"
            written = phase.dates or phase.start
            yield Hit(
                f"{BASE}.phases[{i}].{field}",
                f"「{written}」: phase order, gaps, the plan period and the application date "
                "are not checked against it",
            )
    if plan.issue_date is None:
        yield Hit(f"{BASE}.issue_date", "undated plan: baselines are not checked against its date")
    if plan.period_start is None and ctx.dossier.projects:
        yield Hit(
            f"{BASE}.period_start",
            "no plan period: the projects' periods and the title's years are not checked",
        )
