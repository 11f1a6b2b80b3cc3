"""Free-form sections of a document: headings, paragraphs, enumerated points, nested levels."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import StrictModel, Text
from .organisation import WorkingGroup
from .work_plan_markers import Item, Marker

PointStyle = Literal["一是", "（一）", "①", "1.", "1、", "（1）"]
"""How enumerated points are numbered: 一是…二是…, （一）（二）, ①②, 1. 2., 1、2、, （1）（2）.
A point written as ``{marker, text}`` keeps its own marker instead."""

Included = Literal["basis", "budget"]
"""Typed parts of a work plan a section may show inside it: the 编制依据 list, the 经费预算."""


class Intro(StrictModel):
    """Text that stands between a heading and the section's own content."""

    paragraphs: list[Text] = Field(default_factory=list, title="段落")
    points: list[Item] = Field(default_factory=list, title="要点")
    point_style: PointStyle | None = Field(default=None, title="要点编号样式")


class Section(StrictModel):
    """A heading with paragraphs, enumerated points, working groups and nested subsections.

    A section without a heading is a run-in paragraph: its number (四、) stands before the first
    paragraph, as plans often write it.
    """

    marker: Marker | None = None
    heading: Text | None = Field(
        default=None,
        title="标题",
        description="Heading text without its number (一、 is added, or the marker as written); "
        "empty for a run-in paragraph.",
    )
    paragraphs: list[Text] = Field(default_factory=list, title="段落")
    points: list[Item] = Field(
        default_factory=list,
        title="要点",
        description="Enumerated points (一是…二是…, ①②, 1. 2.); a point written "
        "{marker: ①, text: …} keeps its marker.",
    )
    point_style: PointStyle | None = Field(
        default=None, title="要点编号样式", description="Default: 1. at this level's numbering."
    )
    working_groups: list[WorkingGroup] = Field(
        default_factory=list,
        title="工作组",
        description="Working groups described inside this section (as some plans do).",
    )
    includes: list[Included] = Field(
        default_factory=list,
        title="包含内容",
        description="Typed parts of the work plan shown in this section after its points, where "
        "the author placed them: basis (the 编制依据 list), budget (the 经费预算). A part shown "
        "here is no section of its own.",
    )
    subsections: list[Section] = Field(default_factory=list, title="下级标题")
