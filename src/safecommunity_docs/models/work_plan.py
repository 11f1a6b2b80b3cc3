"""The creation work plan (安全社区创建工作计划)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, Self

from pydantic import Field, model_validator

from .base import Month, StrictModel, Text
from .common import Annex, Budget, QuantTarget, joint_field, sealed_field
from .operating_rules import OperatingRules
from .organisation import Organisation
from .section import Included, Intro, PointStyle, Section
from .work_plan_checks import STANDARD_SECTIONS as STANDARD_SECTIONS
from .work_plan_checks import plan_rules
from .work_plan_markers import Item, Marker
from .work_plan_phases import Phase as Phase
from .work_plan_phases import Task as Task


class BasisDocument(StrictModel):
    """A document the plan is based on (编制依据)."""

    marker: Marker | None = None
    title: Text = Field(title="文件名称", description="Without 《》; they are added.")
    number: Text | None = Field(default=None, title="文号", description="e.g. 某政办〔2025〕12号.")


class Objectives(StrictModel):
    """工作目标: overall statements and quantified targets."""

    statements: list[Item] = Field(default_factory=list, title="总体目标")
    statement_style: PointStyle | None = Field(
        default=None, title="目标编号样式", description="Number the statements; default unnumbered."
    )
    targets: list[QuantTarget] = Field(default_factory=list, title="量化指标")


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
    issue_date: date | None = Field(
        default=None, title="成文日期", description="Empty when the plan is undated."
    )
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
    period_start: Month | None = Field(
        default=None, title="计划开始月份", description="Empty when the plan states no period."
    )
    period_end: Month | None = Field(default=None, title="计划结束月份")
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
    markers: dict[str, Marker] = Field(
        default_factory=dict,
        title="章节编号",
        description="Numbers of standard sections as written, by section key, e.g. "
        "{objectives: 二、}; default 一、二、… by position.",
    )
    closing: list[Text] = Field(default_factory=list, title="结束语")
    annexes: list[Annex] = Field(default_factory=list, title="附件")

    def included_parts(self) -> list[tuple[Included, tuple[str | int, ...]]]:
        """The typed parts (basis, budget) shown inside a section, with that section's path."""

        def walk(sections: list[Section], path: tuple[str | int, ...]) -> list[Any]:
            out: list[Any] = []
            for i, section in enumerate(sections):
                out += [(part, (*path, i)) for part in section.includes]
                out += walk(section.subsections, (*path, i, "subsections"))
            return out

        found: list[tuple[Included, tuple[str | int, ...]]] = []
        for name in ("focus_areas", "requirements", "safeguards", "extra_sections"):
            found += walk(getattr(self, name), (name,))
        return found

    def present_sections(self) -> list[str]:
        """Return the keys of the standard sections that have content, in default order (a
        typed part shown inside another section is not a section of its own)."""
        inside = {part for part, _ in self.included_parts()}
        filled = {
            "basis": bool(self.basis_documents) and "basis" not in inside,
            "guiding_ideology": bool(self.guiding_ideology),
            "objectives": self.objectives is not None,
            "focus_areas": bool(self.focus_areas),
            "organisation": self.organisation is not None,
            "phases": bool(self.phases),
            "mechanisms": self.operating_rules is not None,
            "requirements": bool(self.requirements),
            "safeguards": bool(self.safeguards),
            "budget": self.budget is not None and "budget" not in inside,
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
        plan_rules(self).raise_if_any()
        return self
