"""Phases and tasks of the creation work plan, with their dates as written (DateSpec)."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from ..codes import MeasureStatus
from .base import Rules, StrictModel, Text
from .work_plan_dates import DateSpec
from .work_plan_markers import Marker


class Task(StrictModel):
    """One task inside a phase, with its owner and deadline."""

    marker: Marker | None = None
    text: Text = Field(title="任务内容")
    owner: Text | None = Field(default=None, title="责任单位")
    deadline: DateSpec | None = Field(
        default=None, title="完成时限", description="As written: 2025-04-15, 4月中旬, 10月底前."
    )
    status: MeasureStatus | None = Field(default=None, title="状态")


class Phase(StrictModel):
    """A phase of the creation work (阶段) with its dates and tasks.

    The dates are written once in ``dates`` (「20xx年9月~20xx年10月」, 「11月~2月」,
    「4月底前」) or as ``start`` and ``end`` months (``2025-09``); either way they are printed
    as written.
    """

    marker: Marker | None = None
    name: Text | None = Field(
        default=None,
        title="阶段名称",
        description="e.g. 启动准备阶段; empty: the phase is named by its dates.",
    )
    dates: DateSpec | None = Field(
        default=None,
        title="时间",
        description="The phase's time as the plan writes it; instead of start and end.",
    )
    start: DateSpec | None = Field(default=None, title="开始月份")
    end: DateSpec | None = Field(default=None, title="结束月份", description="Default: start.")
    summary: list[Text] = Field(default_factory=list, title="阶段说明")
    tasks: list[Task] = Field(default_factory=list, title="任务")
    goals: list[Text] = Field(default_factory=list, title="阶段目标")
    status: MeasureStatus | None = Field(default=None, title="阶段状态")

    def months(self) -> tuple[str | None, str] | None:
        """``(first, last)`` months ``YYYY-MM`` (first None for an open start), or None when
        the written dates have no real year (20xx, year-less)."""
        if self.dates is not None:
            return self.dates.months()
        if self.start is None:
            return None
        first, last = self.start.months(), (self.end or self.start).months()
        if first is None or last is None:
            return None
        return first[0], last[1]

    @model_validator(mode="after")
    def _dates(self) -> Self:
        rules = Rules()
        if self.dates is not None:
            rules.check(
                self.start is None and self.end is None,
                ("dates",),
                "时间和开始/结束月份只能填一种 (give dates or start and end, not both)",
            )
        else:
            rules.check(
                self.start is not None,
                ("start",),
                "阶段缺少时间 (give dates, e.g. 2025年9月—10月, or start and end)",
            )
        for name in ("start", "end"):
            spec: DateSpec | None = getattr(self, name)
            rules.check(
                spec is None or not spec.is_range,
                (name,),
                f"开始/结束月份只能是一个时间 ({name} '{spec}' is a range; write it in dates)",
            )
        span = self.months() if not rules.violations else None
        if span is not None and span[0] is not None and self.dates is None:
            rules.check(
                span[1] >= span[0],
                ("end",),
                f"结束月份早于开始月份 (end {self.end} is before start {self.start})",
            )
        if span is not None and (span[0] is None or span[1] >= span[0]):
            year = int((span[0] or span[1])[:4])
            for i, task in enumerate(self.tasks):
                due = task.deadline.months(year) if task.deadline is not None else None
                if due is None:
                    continue
                rules.check(
                    (span[0] is None or span[0] <= due[1]) and due[1] <= span[1],
                    ("tasks", i, "deadline"),
                    f"任务完成时限不在本阶段内 (deadline {task.deadline} is outside the phase "
                    f"{span[0] or '…'} to {span[1]})",
                )
        rules.raise_if_any()
        return self
