"""The work plan's phases: headed by name and dates as written, their tasks listed or tabled."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..models.work_plan_phases import Phase, Task
from .builder import DEFAULT_POINT_STYLE, BlockBuilder
from .document import TableView
from .format import aside
from .numbering import chinese_number, point_prefix
from .work_plan_marks import fmt_span, fmt_spec, heading

Align = Literal["left", "center", "right"]
NONE = "—"
"""What an empty table cell shows."""


def phase_dates(phase: Phase) -> str:
    """The phase's time as the plan writes it (``YYYY-MM`` months as 2025年9月)."""
    return fmt_spec(phase.dates) if phase.dates is not None else fmt_span(phase.start, phase.end)


def phase_heading(phase: Phase) -> str:
    """准备阶段（2025年8月—10月）, or the dates alone for a phase without a name."""
    dates = phase_dates(phase)
    return f"{phase.name}{aside(dates)}" if phase.name else dates


def _listed(phases: Sequence[Phase]) -> bool:
    """Tasks written with their own markers are listed under their phase, as written."""
    return any(task.marker is not None for phase in phases for task in phase.tasks)


def phases_section(doc: BlockBuilder, phases: Sequence[Phase]) -> None:
    """Each phase under a （一） heading (or its own marker); then one table of every phase's
    tasks, or, when the plan numbers its tasks itself, the tasks under each phase."""
    listed = _listed(phases)
    for n, phase in enumerate(phases, start=1):
        heading(doc, 2, n, phase_heading(phase), phase.marker)
        doc.paragraphs(phase.summary)
        doc.paragraphs(phase.goals)
        if listed:
            _tasks(doc, phase.tasks)
    if not listed and any(phase.tasks for phase in phases):
        doc.table("工作步骤及时间节点", _phases_table(phases))


def _tasks(doc: BlockBuilder, tasks: Sequence[Task]) -> None:
    for n, task in enumerate(tasks, start=1):
        mark = task.marker if task.marker is not None else point_prefix(DEFAULT_POINT_STYLE, n)
        doc.p(mark + task_text(task))


def _phases_table(phases: Sequence[Phase]) -> TableView:
    """阶段 | 时间节点 | 工作任务 | 责任单位 | 完成时限: a row per task, phase cells merged."""
    rows: list[tuple[str, ...]] = []
    merges: list[tuple[int, int, int]] = []
    for n, phase in enumerate(phases, start=1):
        name = phase.name or f"第{chinese_number(n)}阶段"
        months = phase_dates(phase)
        first = len(rows)
        for task in phase.tasks:
            deadline = fmt_spec(task.deadline) if task.deadline else NONE
            rows.append((name, months, task.text, task.owner or NONE, deadline))
        if not phase.tasks:
            rows.append((name, months, NONE, NONE, NONE))
        if len(rows) - first > 1:
            merges += [(first, 0, len(rows) - first), (first, 1, len(rows) - first)]
    columns = ("阶段", "时间节点", "工作任务", "责任单位", "完成时限")
    align: tuple[Align, ...] = ("center", "center", "left", "left", "center")
    return TableView(columns, tuple(rows), align=align, merge_down=tuple(merges))


def task_text(task: Task) -> str:
    """The text of a task with its owner and deadline in brackets after it."""
    details = []
    if task.owner:
        details.append(f"责任单位：{task.owner}")
    if task.deadline:
        details.append(f"完成时限：{fmt_spec(task.deadline)}")
    return task.text + (f"（{'；'.join(details)}）" if details else "")


def top_level_phase(doc: BlockBuilder, phase: Phase, n: int) -> None:
    """A phase that is a top-level section: 一、准备阶段（…）, its text, its tasks."""
    heading(doc, 1, n, phase_heading(phase), phase.marker)
    doc.paragraphs(phase.summary)
    doc.paragraphs(phase.goals)
    _tasks(doc, phase.tasks)
