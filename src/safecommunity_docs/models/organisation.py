"""The creation organisation: promotion committee, its office and the working groups."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from ..codes import ProjectArea
from .base import Rules, StrictModel, Text
from .common import Person
from .work_plan_markers import Item, Marker


class Committee(StrictModel):
    """安全社区促进委员会 (or 创建工作领导小组): the cross-department body."""

    name: Text = Field(default="安全社区促进委员会", title="机构名称")
    director: Person = Field(title="主任/组长")
    deputy_directors: list[Person] = Field(default_factory=list, title="副主任/副组长")
    members: list[Person] = Field(default_factory=list, title="成员")
    duties: list[Text] = Field(default_factory=list, title="职责")
    meeting_rule: Text | None = Field(
        default=None, title="会议制度", description="e.g. 每季度召开一次全体会议."
    )


class Office(StrictModel):
    """The committee's office (办公室), which runs the daily work."""

    name: Text = Field(default="安全社区创建办公室", title="名称")
    location: Text | None = Field(default=None, title="设在")
    director: Person = Field(title="办公室主任")
    staff: list[Person] = Field(default_factory=list, title="工作人员")
    phone: Text | None = Field(default=None, title="联系电话")
    duties: list[Text] = Field(default_factory=list, title="职责")


class WorkingGroup(StrictModel):
    """A working group (工作组) for one promotion area, with its leader, members and duties."""

    marker: Marker | None = None
    name: Text = Field(title="工作组名称", description="e.g. 交通安全工作组.")
    area: ProjectArea | None = Field(default=None, title="负责领域")
    lead_unit: Text | None = Field(default=None, title="牵头单位")
    leader: Person | None = Field(
        default=None,
        title="组长",
        description="Empty when the plan names none (nothing is printed for it).",
    )
    deputy_leaders: list[Person] = Field(default_factory=list, title="副组长")
    members: list[Person] = Field(default_factory=list, title="成员")
    duties: list[Item] = Field(
        default_factory=list,
        title="职责",
        description="Empty when the duties live elsewhere (an annex); a duty written "
        "{marker: ①, text: …} keeps its marker.",
    )
    meeting_rule: Text | None = Field(
        default=None, title="例会制度", description="e.g. 每月召开一次工作组例会."
    )


class Organisation(StrictModel):
    """工作机构: committee, office and working groups."""

    committee: Committee = Field(title="促进委员会")
    office: Office | None = Field(default=None, title="办公室")
    working_groups: list[WorkingGroup] = Field(default_factory=list, title="工作组")

    @model_validator(mode="after")
    def _unique_groups(self) -> Self:
        rules = Rules()
        seen: dict[str, int] = {}
        for i, group in enumerate(self.working_groups):
            first = seen.setdefault(group.name, i)
            rules.check(
                first == i,
                ("working_groups", i, "name"),
                f"工作组名称重复 ('{group.name}' is also working_groups[{first}])",
            )
        rules.raise_if_any()
        return self
