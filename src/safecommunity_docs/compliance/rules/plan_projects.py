"""Rules tying the plan to the projects: counts, names, budget (element 4)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..context import Context
from ..findings import Severity
from ..rule import Hit, rule

E, W = Severity.ERROR, Severity.WARNING
DIGITS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)}
NUM = r"(\d+|[一二三四五六七八九十])"
PROJECT_COUNT = re.compile(rf"(不少于|至少)?{NUM}\s*个(以上)?安全促进项目")
KEY_COUNT = re.compile(
    rf"重点项目(?:不少于|至少)?{NUM}\s*个|{NUM}\s*个(以上)?重点项目|前{NUM}\s*个为重点项目"
)
QUOTED = re.compile(r"[“\"「『][^”\"」』]*[”\"」』]")


def _int(text: str) -> int:
    return int(text) if text.isdigit() else DIGITS[text]


@rule(
    "SC-E4-013",
    E,
    "计划中的项目数量与项目方案不符",
    "The number of projects the plan states differs from the project plans in the dossier.",
    "every project named in the plan exists and vice versa",
)
def project_count(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.work_plan is None:
        return
    have = len(ctx.dossier.projects)
    for path, text in ctx.texts("work_plan"):
        for m in PROJECT_COUNT.finditer(text):
            n, at_least = _int(m.group(2)), bool(m.group(1) or m.group(3))
            if (have < n) if at_least else (have != n):
                yield Hit(path, f"plan says {m.group(0)}; the dossier has {have} projects")


@rule(
    "SC-E4-014",
    E,
    "计划中的重点项目数量与项目方案不符",
    "The number of key projects the plan states differs from the projects marked key_project.",
    "AQ/T 9001 §5 重点项目",
)
def key_count(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.work_plan is None:
        return
    have = sum(p.key_project for p in ctx.dossier.projects)
    for path, text in ctx.texts("work_plan"):
        for m in KEY_COUNT.finditer(text):
            n = _int(m.group(1) or m.group(2) or m.group(4))
            at_least = "不少于" in m.group(0) or "至少" in m.group(0) or "以上" in m.group(0)
            if (have < n) if at_least else (have != n):
                yield Hit(path, f"plan says {m.group(0)}; {have} projects are key projects")


def core_name(title: str) -> str:
    """A project's title without quoted nicknames and the trailing 项目."""
    return QUOTED.sub("", title).strip().removesuffix("项目")


def named_in(core: str, text: str) -> bool:
    """Whether ``text`` names the project: its core name, or most of it, appears."""
    need = max(4, -(-len(core) * 3 // 5))
    for size in range(len(core), need - 1, -1):
        if any(core[i : i + size] in text for i in range(len(core) - size + 1)):
            return True
    return False


@rule(
    "SC-E4-015",
    W,
    "项目未在工作计划中出现",
    "A project plan is not named in the work plan.",
    "every project named in the plan exists and vice versa",
)
def project_not_in_plan(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.work_plan is None:
        return
    text = ctx.text_of("work_plan")
    for i, project in enumerate(ctx.dossier.projects):
        if not named_in(core_name(project.title), text):
            yield Hit(f"projects[{i}].title", project.title)


@rule(
    "SC-E4-016",
    W,
    "计划经费少于各项目经费之和",
    "The plan's budget is less than the sum of the projects' budgets.",
    "one set of numbers across documents",
)
def budget_below_projects(ctx: Context) -> Iterator[Hit]:
    plan = ctx.dossier.work_plan
    if plan is None or plan.budget is None:
        return
    projects = sum((p.resources.total for p in ctx.dossier.projects), Decimal(0))
    if plan.budget.computed_total < projects:
        yield Hit(
            "work_plan.budget", f"plan {plan.budget.computed_total} 元, projects {projects} 元"
        )
