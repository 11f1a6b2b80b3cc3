"""The intake workbook's sheets as one declarative table: where each sheet's rows live in a
dossier, the model of a row, and how a row names its parent (项目标识, 阶段序号 …)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel

from ..models.annual_summary import AnnualSummary
from ..models.application import Application
from ..models.assessment import Assessment, ItemScore
from ..models.common import Person
from ..models.community import AgeBand, Community
from ..models.diagnosis import DataSource, DiagnosisReport, Hazard, HazardUnit
from ..models.diagnosis_sources import DepartmentStatistics, DepartmentYear
from ..models.injury import InjuryRecord
from ..models.organisation import WorkingGroup
from ..models.project import Measure, Milestone, ProjectTarget, PromotionProject
from ..models.work_plan import Phase, Task, WorkPlan
from .fields import Column, columns_of

STAR = "*"
COMMUNITY = "社区"
"""The first column of every sheet but 基本情况: the community (its 社区名称) a row belongs to."""
NUMBER = "序号"
"""The column of a numbered sheet (工作阶段) that rows of other sheets refer to."""
ROLE = "角色"
"""The column of a sheet that several specs share (组织机构): which spec a row belongs to."""
OTHER = "其他内容"
"""The sheet of every value no other sheet has a column for: field path and content."""
CODES = "代码表"
"""The hidden sheet holding the drop-down lists."""


@dataclass(frozen=True)
class Key:
    """How a row names the element of an enclosing list it belongs to.

    ``field`` is the parent's field holding the name (a project's ``id``); None refers to the
    parent sheet's 序号. With ``parent`` the row may create the parent: a new name appends one,
    filled from the key and the ``parent`` columns on the same row (隐患: 辨识单元, 辨识方法).
    """

    title: str
    field: str | None
    parent: type[BaseModel] | None = None
    parent_exclude: frozenset[str] = frozenset()

    @cached_property
    def parent_columns(self) -> list[Column]:
        """The parent's one-cell fields besides its key, written on each row."""
        if self.parent is None:
            return []
        skip = self.parent_exclude | {self.field or ""}
        return columns_of(self.parent, frozenset(skip))


@dataclass(frozen=True)
class Sheet:
    """One kind of row: ``path`` into the dossier (``*`` for list items), the row's model."""

    name: str
    path: tuple[str, ...]
    model: type[BaseModel]
    keys: tuple[Key, ...] = ()
    exclude: frozenset[str] = frozenset()
    role: str | None = None
    numbered: bool = False
    note: str = ""
    width: dict[str, int] = field(default_factory=dict)

    @cached_property
    def columns(self) -> list[Column]:
        """The row model's columns (see :func:`.fields.columns_of`)."""
        return columns_of(self.model, self.exclude)

    @property
    def listed(self) -> bool:
        """True when each row is one item of a list (the path ends with ``*``)."""
        return self.path[-1] == STAR

    @property
    def stars(self) -> int:
        """How many list levels the path crosses."""
        return self.path.count(STAR)

    @property
    def top(self) -> bool:
        """True for 基本情况: its 社区名称 column names the community."""
        return self.path == ("community",)


_ORG = ("work_plan", "organisation")
_GROUP = Key("工作组", "name")
_PROJECT = Key("项目标识", "id")
_PEOPLE = "组织机构"

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "基本情况",
        ("community",),
        Community,
        exclude=frozenset({"population.age_bands"}),
        note="每个社区一行；其他工作表的「社区」列填写这里的社区名称。",
    ),
    Sheet(
        "人口",
        ("community", "population", "age_bands", STAR),
        AgeBand,
        note="年龄结构：从0岁起连续分段，最后一段不填截止年龄。",
    ),
    Sheet(
        "工作计划",
        ("work_plan",),
        WorkPlan,
        exclude=frozenset({f"organisation.{p}.director" for p in ("committee", "office")}),
    ),
    Sheet("工作阶段", ("work_plan", "phases", STAR), Phase, numbered=True),
    Sheet(
        "阶段任务",
        ("work_plan", "phases", STAR, "tasks", STAR),
        Task,
        keys=(Key("阶段序号", None),),
    ),
    Sheet("工作组", (*_ORG, "working_groups", STAR), WorkingGroup, exclude=frozenset({"leader"})),
    Sheet(_PEOPLE, (*_ORG, "committee", "director"), Person, role="委员会主任"),
    Sheet(_PEOPLE, (*_ORG, "committee", "deputy_directors", STAR), Person, role="委员会副主任"),
    Sheet(_PEOPLE, (*_ORG, "committee", "members", STAR), Person, role="委员会成员"),
    Sheet(_PEOPLE, (*_ORG, "office", "director"), Person, role="办公室主任"),
    Sheet(_PEOPLE, (*_ORG, "office", "staff", STAR), Person, role="办公室工作人员"),
    Sheet(
        _PEOPLE,
        (*_ORG, "working_groups", STAR, "leader"),
        Person,
        keys=(_GROUP,),
        role="工作组组长",
    ),
    Sheet(
        _PEOPLE,
        (*_ORG, "working_groups", STAR, "deputy_leaders", STAR),
        Person,
        keys=(_GROUP,),
        role="工作组副组长",
    ),
    Sheet(
        _PEOPLE,
        (*_ORG, "working_groups", STAR, "members", STAR),
        Person,
        keys=(_GROUP,),
        role="工作组成员",
    ),
    Sheet("诊断报告", ("diagnosis",), DiagnosisReport),
    Sheet("数据来源", ("diagnosis", "data_sources", STAR), DataSource),
    Sheet(
        "隐患",
        ("diagnosis", "hazard_units", STAR, "hazards", STAR),
        Hazard,
        keys=(Key("辨识单元", "unit", HazardUnit, frozenset({"hazards"})),),
        note="每条隐患一行；同一辨识单元的各行填写相同的单元名称。",
    ),
    Sheet(
        "部门数据",
        ("diagnosis", "department_statistics", STAR, "years", STAR),
        DepartmentYear,
        keys=(Key("统计类别", "source", DepartmentStatistics, frozenset({"years"})),),
        note="每个统计类别每年一行（110警情、道路交通事故、火灾、生产安全事故、工伤、学校伤害）。",
    ),
    Sheet("安全促进项目", ("projects", STAR), PromotionProject),
    Sheet("项目措施", ("projects", STAR, "measures", STAR), Measure, keys=(_PROJECT,)),
    Sheet("项目目标", ("projects", STAR, "targets", STAR), ProjectTarget, keys=(_PROJECT,)),
    Sheet("项目进度", ("projects", STAR, "schedule", STAR), Milestone, keys=(_PROJECT,)),
    Sheet("自评信息", ("assessment",), Assessment),
    Sheet("自评", ("assessment", "items", STAR), ItemScore),
    Sheet("申请书", ("application",), Application),
    Sheet("年度总结", ("annual_summary",), AnnualSummary),
    Sheet("伤害记录", ("injury_records", STAR), InjuryRecord),
)
"""Every kind of row, in the workbook's sheet order (specs sharing a name share a sheet)."""


def sheet_names() -> list[str]:
    """The sheets of the workbook, in order (besides 其他内容 and the hidden 代码表)."""
    return list(dict.fromkeys(s.name for s in SHEETS))


def specs_of(name: str) -> list[Sheet]:
    """The specs whose rows a sheet holds."""
    return [s for s in SHEETS if s.name == name]


def processing_order() -> list[Sheet]:
    """Parents before the rows that refer to them (fewer list levels, then shorter paths)."""
    return sorted(SHEETS, key=lambda s: (s.stars, len(s.path)))
