"""The creation work plan (安全社区创建工作计划)."""

from __future__ import annotations

from datetime import date
from typing import Literal, Self

from pydantic import Field, model_validator

from ..codes import MeasureStatus
from .base import Month, Rules, StrictModel, Text, month_of
from .common import Annex, Budget, QuantTarget, joint_field, sealed_field
from .operating_rules import OperatingRules
from .organisation import Organisation
from .section import Intro, PointStyle, Section

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


class BasisDocument(StrictModel):
    """A document the plan is based on (编制依据)."""

    title: Text = Field(title="文件名称", description="Without 《》; they are added.")
    number: Text | None = Field(default=None, title="文号", description="e.g. 某政办〔2025〕12号.")


class Objectives(StrictModel):
    """工作目标: overall statements and quantified targets."""

    statements: list[Text] = Field(default_factory=list, title="总体目标")
    statement_style: PointStyle | None = Field(
        default=None, title="目标编号样式", description="Number the statements; default unnumbered."
    )
    targets: list[QuantTarget] = Field(default_factory=list, title="量化指标")


class Task(StrictModel):
    """One task inside a phase, with its owner and deadline."""

    text: Text = Field(title="任务内容")
    owner: Text | None = Field(default=None, title="责任单位")
    deadline: date | None = Field(default=None, title="完成时限")
    status: MeasureStatus | None = Field(default=None, title="状态")


class Phase(StrictModel):
    """A phase of the creation work (阶段) with its month range and tasks."""

    name: Text | None = Field(
        default=None,
        title="阶段名称",
        description="e.g. 启动准备阶段; empty: the phase is named by its dates.",
    )
    start: Month = Field(title="开始月份")
    end: Month = Field(title="结束月份")
    summary: list[Text] = Field(default_factory=list, title="阶段说明")
    tasks: list[Task] = Field(default_factory=list, title="任务")
    goals: list[Text] = Field(default_factory=list, title="阶段目标")
    status: MeasureStatus | None = Field(default=None, title="阶段状态")

    @model_validator(mode="after")
    def _dates(self) -> Self:
        rules = Rules()
        rules.check(
            self.end >= self.start,
            ("end",),
            f"结束月份早于开始月份 (end {self.end} is before start {self.start})",
        )
        for i, task in enumerate(self.tasks):
            if task.deadline is not None and self.end >= self.start:
                month = month_of(task.deadline)
                rules.check(
                    self.start <= month <= self.end,
                    ("tasks", i, "deadline"),
                    f"任务完成时限不在本阶段内 (deadline {task.deadline.isoformat()} is "
                    f"outside the phase {self.start} to {self.end})",
                )
        rules.raise_if_any()
        return self


class CustomSection(Section):
    """A section outside the standard set, placed by ``id`` in ``WorkPlan.section_order``."""

    id: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        title="标识",
        description="Lower-case identifier used in section_order.",
    )


class WorkPlan(StrictModel):
    """安全社区创建工作计划: every part a plan may have, in an order the author may choose."""

    title: Text = Field(title="标题")
    issuing_body: Text = Field(title="发文单位", description="Also the document author.")
    issue_date: date = Field(title="成文日期")
    document_number: Text | None = Field(
        default=None,
        title="文号",
        description="The number of the notice that issues the plan (印发通知), e.g. "
        "江开管发〔2025〕21号; printed under the title.",
    )
    approved_by: Text | None = Field(
        default=None,
        title="审议机关",
        description="The Party committee that approved the plan, e.g. 江口经济开发区党工委: "
        "the plan closes with 本计划经××研究同意.",
    )
    joint_bodies: list[Text] = joint_field()
    sealed: bool = sealed_field(True)
    period_start: Month = Field(title="计划开始月份")
    period_end: Month = Field(title="计划结束月份")
    preamble: list[Text] = Field(
        default_factory=list, title="引言", description="Opening paragraphs (根据……特制定本计划)."
    )
    basis_documents: list[BasisDocument] = Field(default_factory=list, title="编制依据")
    guiding_ideology: list[Text] = Field(default_factory=list, title="指导思想")
    objectives: Objectives | None = Field(default=None, title="工作目标")
    focus_areas: list[Section] = Field(default_factory=list, title="工作重点")
    organisation: Organisation | None = Field(default=None, title="组织机构及职责")
    phases: list[Phase] = Field(default_factory=list, title="工作步骤及时间安排")
    phases_layout: Literal["section", "top_level"] = Field(
        default="section",
        title="阶段排版",
        description="section: phases under one heading; top_level: each phase is a top-level "
        "section headed by its name and dates.",
    )
    operating_rules: OperatingRules | None = Field(
        default=None,
        title="工作机制与考核",
        description="Monthly reporting, half-year evaluation, 目标责任书, 表彰奖惩, 绩效考核 and "
        "the 达标条件; {} gives every default.",
    )
    requirements: list[Section] = Field(default_factory=list, title="工作要求")
    safeguards: list[Section] = Field(default_factory=list, title="保障措施")
    budget: Budget | None = Field(default=None, title="经费预算")
    extra_sections: list[CustomSection] = Field(default_factory=list, title="其他章节")
    section_order: list[str] | None = Field(
        default=None,
        title="章节顺序",
        description="Keys of standard sections and ids of extra sections, in document order; "
        "by default the standard order followed by the extra sections.",
    )
    intros: dict[str, Intro] = Field(
        default_factory=dict,
        title="章节导语",
        description="Text between a standard section's heading and its content, by section key.",
    )
    headings: dict[str, Text] = Field(
        default_factory=dict,
        title="章节标题",
        description="Overrides of standard headings, e.g. {phases: 工作计划和时间节点}.",
    )
    closing: list[Text] = Field(default_factory=list, title="结束语")
    annexes: list[Annex] = Field(default_factory=list, title="附件")

    def present_sections(self) -> list[str]:
        """Return the keys of the standard sections that have content, in default order."""
        filled = {
            "basis": bool(self.basis_documents),
            "guiding_ideology": bool(self.guiding_ideology),
            "objectives": self.objectives is not None,
            "focus_areas": bool(self.focus_areas),
            "organisation": self.organisation is not None,
            "phases": bool(self.phases),
            "mechanisms": self.operating_rules is not None,
            "requirements": bool(self.requirements),
            "safeguards": bool(self.safeguards),
            "budget": self.budget is not None,
        }
        return [key for key in STANDARD_SECTIONS if filled[key] or key in self.intros]

    def ordered_sections(self) -> list[str]:
        """Return the keys and extra-section ids in the order the document presents them."""
        if self.section_order is not None:
            return list(self.section_order)
        return self.present_sections() + [s.id for s in self.extra_sections]

    def heading_of(self, key: str) -> str:
        """Return the heading for a standard section key or an extra section id.

        A run-in extra section (no heading) gives an empty string.
        """
        for extra in self.extra_sections:
            if extra.id == key:
                return extra.heading or ""
        return self.headings.get(key, STANDARD_SECTIONS[key])

    @model_validator(mode="after")
    def _plan_rules(self) -> Self:
        rules = Rules()
        rules.check(
            self.period_end >= self.period_start,
            ("period_end",),
            f"计划结束月份早于开始月份 (period_end {self.period_end} is before "
            f"period_start {self.period_start})",
        )
        previous: Phase | None = None
        for i, phase in enumerate(self.phases):
            rules.check(
                self.period_start <= phase.start <= self.period_end,
                ("phases", i, "start"),
                f"阶段开始月份不在计划期内 (start {phase.start} is outside the plan period "
                f"{self.period_start} to {self.period_end})",
            )
            rules.check(
                self.period_start <= phase.end <= self.period_end,
                ("phases", i, "end"),
                f"阶段结束月份不在计划期内 (end {phase.end} is outside the plan period "
                f"{self.period_start} to {self.period_end})",
            )
            if previous is not None:
                rules.check(
                    phase.start >= previous.start,
                    ("phases", i, "start"),
                    f"阶段顺序错误 (phase starts {phase.start}, before the previous phase's "
                    f"start {previous.start})",
                )
            previous = phase
        if self.phases_layout == "top_level":
            rules.check(
                "phases" not in self.headings,
                ("headings", "phases"),
                "分阶段排版时阶段章节没有总标题 (phases_layout top_level shows each phase as its "
                "own section; a heading for 'phases' would never be shown)",
            )
        for name in ("headings", "intros"):
            for key in getattr(self, name):
                rules.check(
                    key in STANDARD_SECTIONS,
                    (name, key),
                    f"未知章节 (unknown section key; expected one of {', '.join(STANDARD_SECTIONS)})",
                )
        ids = [s.id for s in self.extra_sections]
        for i, sid in enumerate(ids):
            rules.check(
                sid not in STANDARD_SECTIONS and ids.index(sid) == i,
                ("extra_sections", i, "id"),
                f"章节标识重复 (id '{sid}' is used twice or is a standard key)",
            )
        if self.section_order is not None:
            known = set(STANDARD_SECTIONS) | set(ids)
            for i, key in enumerate(self.section_order):
                rules.check(
                    key in known,
                    ("section_order", i),
                    f"未知章节 ('{key}' is neither a standard key nor an extra section id)",
                )
                rules.check(
                    self.section_order.index(key) == i,
                    ("section_order", i),
                    f"章节重复 ('{key}' is listed twice)",
                )
            listed = set(self.section_order)
            missing = [k for k in self.present_sections() + ids if k not in listed]
            rules.check(
                not missing,
                ("section_order",),
                f"章节顺序遗漏了有内容的章节 (missing: {', '.join(missing)})",
            )
        rules.raise_if_any()
        return self
