"""A safety promotion project plan (安全促进项目实施方案): the eight headings of DOMAIN.md §5."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Self

from pydantic import Field, model_validator

from ..codes import MeasureStatus, MeasureType, ProjectArea
from .base import Amount, Count, Month, Rules, StrictModel, Text, month_of
from .common import BudgetLine, TargetDirection, sealed_field
from .counting import RecordCount
from .follow_up import ProjectFollowUp, follow_up_problems
from .outcome import Measurement


class TargetGroup(StrictModel):
    """对象: a concrete group the project serves, with its size."""

    name: Text = Field(title="对象", description="e.g. 辖区80岁以上独居老人.")
    size: Count | None = Field(default=None, title="人数/户数")
    unit: Text = Field(default="人", title="计量单位")
    description: Text | None = Field(default=None, title="说明")


class ProjectTarget(StrictModel):
    """A SMART target: indicator, baseline, target value and unit."""

    indicator: Text = Field(title="指标")
    baseline: Decimal | None = Field(default=None, title="基线值")
    baseline_unit: Text | None = Field(
        default=None,
        title="基线单位",
        description="Unit of the baseline when it differs from the target's, e.g. 人次 for a "
        "target of 下降 15 %; empty: the target's unit.",
    )
    baseline_year: int | None = Field(default=None, ge=1990, le=2100, title="基线年份")
    target: Decimal = Field(title="目标值", description="A number; the unit goes in `unit`.")
    unit: Text = Field(title="单位", description="e.g. %, 起, 人次.")
    direction: TargetDirection = Field(default=TargetDirection.REACH, title="方向")
    deadline: Month | None = Field(default=None, title="完成时间")
    data_source: Text | None = Field(default=None, title="数据来源")
    counts: RecordCount | None = Field(
        default=None,
        title="统计口径",
        description="The injury records the target counts; with baseline_year, the baseline "
        "is taken from the records (their number in that year) when it is not given.",
    )
    measure: Measurement | None = Field(
        default=None,
        title="衡量方式",
        description="Where the baseline and the result come from (records, survey or ledger).",
    )

    @model_validator(mode="after")
    def _percent(self) -> Self:
        rules = Rules()
        rules.check(
            self.counts is None or self.baseline_year is not None,
            ("baseline_year",),
            "按统计口径取基线值须填写基线年份 (counts needs baseline_year)",
        )
        units = {"target": self.unit, "baseline": self.baseline_unit or self.unit}
        for name, unit in units.items():
            value = getattr(self, name)
            if unit.strip() == "%" and value is not None:
                rules.check(
                    Decimal(0) <= value <= Decimal(100),
                    (name,),
                    f"百分比应在0到100之间 ({name} {value} %)",
                )
        rules.raise_if_any()
        return self


class Measure(StrictModel):
    """形式及方法: one intervention measure, typed, dated and owned."""

    type: MeasureType = Field(title="措施类型")
    content: Text = Field(title="措施内容")
    start: date = Field(title="开始日期")
    end: date = Field(title="结束日期")
    owner: Text = Field(title="责任单位")
    status: MeasureStatus = Field(default=MeasureStatus.PLANNED, title="状态")
    workload: Text | None = Field(
        default=None, title="工作量/覆盖面", description="e.g. 每季度1次，覆盖300户."
    )
    sessions: Count | None = Field(default=None, title="已开展场次")
    participants: Count | None = Field(default=None, title="参与人次")
    spent: Amount | None = Field(default=None, title="实际投入（元）")

    @model_validator(mode="after")
    def _dates(self) -> Self:
        rules = Rules()
        rules.check(
            self.end >= self.start,
            ("end",),
            f"结束日期早于开始日期 (end {self.end.isoformat()} is before start "
            f"{self.start.isoformat()})",
        )
        rules.raise_if_any()
        return self


class Responsibility(StrictModel):
    """职责: what one unit does in the project."""

    unit: Text = Field(title="单位/部门")
    duties: list[Text] = Field(min_length=1, title="职责")


class Resources(StrictModel):
    """资源配置: people, materials and money."""

    personnel: list[Text] = Field(default_factory=list, title="人员")
    materials: list[Text] = Field(default_factory=list, title="物资设施")
    budget: list[BudgetLine] = Field(default_factory=list, title="经费")

    @property
    def total(self) -> Decimal:
        """Sum of the budget lines, in 元."""
        return sum((line.amount for line in self.budget), Decimal(0))


class Milestone(StrictModel):
    """时间进度表: one row of the schedule."""

    start: Month = Field(title="开始月份")
    end: Month = Field(title="结束月份")
    work: Text = Field(title="工作内容")

    @model_validator(mode="after")
    def _dates(self) -> Self:
        rules = Rules()
        rules.check(
            self.end >= self.start,
            ("end",),
            f"结束月份早于开始月份 (end {self.end} is before start {self.start})",
        )
        rules.raise_if_any()
        return self


class Evaluation(StrictModel):
    """验证方法及标准: how one indicator is verified, against which standard."""

    indicator: Text = Field(title="评估指标")
    method: Text = Field(title="验证方法", description="e.g. 伤害监测数据对比, 问卷调查.")
    standard: Text = Field(title="判定标准")
    timing: Text | None = Field(default=None, title="评估时间")


class PromotionProject(StrictModel):
    """A safety promotion project plan with the eight headings."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$", title="项目标识", description="File-name-safe id."
    )
    title: Text = Field(title="项目名称")
    area: ProjectArea = Field(title="领域")
    key_project: bool = Field(
        default=False,
        title="重点项目",
        description="Key projects must name 实施部门, 时限 and 资源保障.",
    )
    lead_unit: Text | None = Field(default=None, title="实施部门")
    issued_on: date | None = Field(
        default=None,
        title="成文日期",
        description="The plan's date in its 落款; default: the work plan's issue date, else "
        "the first day of the start month.",
    )
    sealed: bool = sealed_field(False)
    start: Month = Field(title="开始月份")
    end: Month = Field(title="结束月份")
    background: list[Text] = Field(min_length=1, title="项目背景")
    purpose: list[Text] = Field(min_length=1, title="目的")
    target_groups: list[TargetGroup] = Field(min_length=1, title="对象")
    targets: list[ProjectTarget] = Field(min_length=1, title="目标")
    approach: list[Text] = Field(
        default_factory=list,
        title="形式及方法说明",
        description="Paragraphs on how the measures work together, printed before their table.",
    )
    measures: list[Measure] = Field(min_length=1, title="形式及方法")
    responsibilities: list[Responsibility] = Field(min_length=1, title="职责")
    resources: Resources = Field(default_factory=Resources, title="资源配置")
    schedule: list[Milestone] = Field(default_factory=list, title="时间进度表")
    expected_effects: list[Text] = Field(min_length=1, title="预期效果")
    evaluation: list[Evaluation] = Field(min_length=1, title="验证方法及标准")
    improvement: list[Text] = Field(default_factory=list, title="持续改进")
    follow_up: ProjectFollowUp | None = Field(
        default=None, title="项目跟踪", description="复评: the project since designation."
    )

    @model_validator(mode="after")
    def _project_rules(self) -> Self:
        rules = Rules()
        rules.check(
            self.end >= self.start,
            ("end",),
            f"项目结束月份早于开始月份 (end {self.end} is before start {self.start})",
        )
        for i, measure in enumerate(self.measures):
            for name in ("start", "end"):
                month = month_of(getattr(measure, name))
                rules.check(
                    self.start <= month <= self.end,
                    ("measures", i, name),
                    f"措施日期不在项目期内 ({name} {getattr(measure, name).isoformat()} is "
                    f"outside the project period {self.start} to {self.end})",
                )
        previous: Milestone | None = None
        for i, row in enumerate(self.schedule):
            rules.check(
                self.start <= row.start and row.end <= self.end,
                ("schedule", i),
                f"进度安排不在项目期内 ({row.start} to {row.end} is outside "
                f"{self.start} to {self.end})",
            )
            if previous is not None:
                rules.check(
                    row.start >= previous.start,
                    ("schedule", i, "start"),
                    f"进度安排顺序错误 (starts {row.start}, before the previous row's "
                    f"{previous.start})",
                )
            previous = row
        counted = [t.measure is not None and t.measure.records is not None for t in self.targets]
        indicators = [t.indicator for t in self.targets]
        rules.violations.extend(follow_up_problems(self.follow_up, indicators, counted))
        if self.key_project:
            rules.check(
                self.lead_unit is not None,
                ("lead_unit",),
                "重点项目须明确实施部门 (a key project needs lead_unit)",
            )
            rules.check(
                bool(self.resources.budget),
                ("resources", "budget"),
                "重点项目须明确资源保障（经费） (a key project needs budget lines)",
            )
            rules.check(
                bool(self.schedule),
                ("schedule",),
                "重点项目须明确时限（进度表） (a key project needs a schedule)",
            )
        rules.raise_if_any()
        return self
