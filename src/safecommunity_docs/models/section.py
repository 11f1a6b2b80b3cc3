"""Free-form sections of a document: headings, paragraphs, enumerated points, nested levels."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import StrictModel, Text
from .organisation import WorkingGroup

PointStyle = Literal["一是", "（一）", "①", "1.", "（1）"]
"""How enumerated points are numbered: 一是…二是…, （一）（二）, ①②, 1. 2., （1）（2）."""


class Intro(StrictModel):
    """Text that stands between a heading and the section's own content."""

    paragraphs: list[Text] = Field(default_factory=list, title="段落")
    points: list[Text] = Field(default_factory=list, title="要点")
    point_style: PointStyle | None = Field(default=None, title="要点编号样式")


class Section(StrictModel):
    """A heading with paragraphs, enumerated points, working groups and nested subsections.

    A section without a heading is a run-in paragraph: its number (四、) stands before the first
    paragraph, as plans often write it.
    """

    heading: Text | None = Field(
        default=None,
        title="标题",
        description="Heading text without its number (一、 is added); empty for a run-in paragraph.",
    )
    paragraphs: list[Text] = Field(default_factory=list, title="段落")
    points: list[Text] = Field(
        default_factory=list, title="要点", description="Enumerated points (一是…二是…, ①②, 1. 2.)."
    )
    point_style: PointStyle | None = Field(
        default=None, title="要点编号样式", description="Default: 1. at this level's numbering."
    )
    working_groups: list[WorkingGroup] = Field(
        default_factory=list,
        title="工作组",
        description="Working groups described inside this section (as some plans do).",
    )
    subsections: list[Section] = Field(default_factory=list, title="下级标题")
