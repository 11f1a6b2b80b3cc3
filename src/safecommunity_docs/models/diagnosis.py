"""The injury risk diagnosis report (事故与伤害风险诊断报告): the author's inputs and conclusions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from ..codes import HazardLevel, ProjectArea
from .base import Count, Rules, StrictModel, Text
from .diagnosis_sources import DeathNote, DepartmentStatistics, HouseholdSurvey, ReferenceRate


class DataSource(StrictModel):
    """Where injury data came from (医院首诊登记, 门诊日志, 入户抽样调查 …)."""

    name: Text = Field(title="数据来源")
    method: Text | None = Field(default=None, title="收集方法")
    records: Count | None = Field(default=None, title="记录数")
    note: Text | None = Field(default=None, title="说明")
    analysed: bool = Field(
        default=True,
        title="已分析",
        description="False for a source that was listed but not analysed; then give the reason.",
    )
    not_analysed_reason: Text | None = Field(default=None, title="未分析原因")


class Hazard(StrictModel):
    """One identified hazard or hidden danger (危险源/隐患) and its control."""

    description: Text = Field(title="危险源/隐患")
    location: Text | None = Field(default=None, title="位置")
    level: HazardLevel = Field(default=HazardLevel.GENERAL, title="等级")
    measure: Text | None = Field(default=None, title="控制/整改措施")
    owner: Text | None = Field(default=None, title="责任单位")
    deadline: date | None = Field(default=None, title="整改时限")
    rectified: bool = Field(default=False, title="已整改")
    note: Text | None = Field(
        default=None,
        title="整改情况说明",
        description="Why a hazard past its deadline is not yet rectified, and what happens now.",
    )


class HazardUnit(StrictModel):
    """A unit of the hazard survey: a project, area, group or hazard type."""

    unit: Text = Field(title="辨识单元", description="e.g. 道路交通, 老旧小区, 老年人群体.")
    method: Text | None = Field(default=None, title="辨识方法", description="e.g. 安全检查表.")
    hazards: list[Hazard] = Field(min_length=1, title="危险源/隐患")


class SurveyResult(StrictModel):
    """One result of a 知信行 or 满意度 survey."""

    indicator: Text = Field(title="指标", description="e.g. 安全知识知晓率.")
    group: Text | None = Field(default=None, title="人群")
    value: Decimal = Field(title="结果")
    unit: Text = Field(default="%", title="单位")

    @model_validator(mode="after")
    def _percent(self) -> Self:
        rules = Rules()
        if self.unit == "%":
            rules.check(
                Decimal(0) <= self.value <= Decimal(100),
                ("value",),
                f"百分比应在0到100之间 (value {self.value} %)",
            )
        rules.raise_if_any()
        return self


class Survey(StrictModel):
    """A questionnaire, interview or 座谈会 and its results."""

    name: Text = Field(title="调查名称")
    kind: Literal["知信行", "满意度", "需求", "其他"] = Field(default="其他", title="调查类型")
    method: Text = Field(title="调查方法")
    conducted: date | None = Field(default=None, title="调查时间")
    sample_size: Count = Field(title="样本量")
    valid_responses: Count | None = Field(default=None, title="有效样本")
    results: list[SurveyResult] = Field(default_factory=list, title="结果")
    findings: list[Text] = Field(default_factory=list, title="主要发现")

    @model_validator(mode="after")
    def _responses(self) -> Self:
        rules = Rules()
        if self.valid_responses is not None:
            rules.check(
                self.valid_responses <= self.sample_size,
                ("valid_responses",),
                f"有效样本超过样本量 ({self.valid_responses} > {self.sample_size})",
            )
        rules.raise_if_any()
        return self


class Conclusions(StrictModel):
    """The author's conclusions: 两高一脆弱 and 三重点一需求."""

    high_risk_groups: list[Text] = Field(default_factory=list, title="高危人群")
    high_risk_environments: list[Text] = Field(default_factory=list, title="高风险环境")
    vulnerable_groups: list[Text] = Field(default_factory=list, title="脆弱群体")
    key_problems: list[Text] = Field(default_factory=list, title="重点问题")
    key_groups: list[Text] = Field(default_factory=list, title="重点人群")
    key_places: list[Text] = Field(default_factory=list, title="重点场所")
    safety_needs: list[Text] = Field(default_factory=list, title="安全需求")


class Recommendation(StrictModel):
    """A recommended target and project for one area."""

    area: ProjectArea = Field(title="领域")
    problem: Text = Field(title="针对问题")
    target: Text = Field(title="建议目标")
    project: Text = Field(title="建议项目")


class DiagnosisReport(StrictModel):
    """What the author brings to the diagnosis report; statistics come from the injury records."""

    title: Text = Field(title="标题")
    author: Text = Field(title="编制单位")
    report_date: date = Field(title="报告日期")
    data_start: date = Field(title="数据起始日期")
    data_end: date = Field(title="数据截止日期")
    purpose: list[Text] = Field(min_length=1, title="诊断目的")
    scope: list[Text] = Field(min_length=1, title="诊断范围")
    methods: list[Text] = Field(min_length=1, title="诊断方法")
    data_sources: list[DataSource] = Field(min_length=1, title="数据来源")
    hazard_units: list[HazardUnit] = Field(default_factory=list, title="危险源辨识与隐患排查")
    surveys: list[Survey] = Field(default_factory=list, title="知信行及满意度调查")
    conclusions: Conclusions = Field(default_factory=Conclusions, title="诊断结论")
    recommendations: list[Recommendation] = Field(default_factory=list, title="建议目标与项目")
    department_statistics: list[DepartmentStatistics] = Field(
        default_factory=list, title="部门统计数据", description="One entry per source (by year)."
    )
    household_survey: HouseholdSurvey | None = Field(default=None, title="入户伤害调查")
    reference_rates: list[ReferenceRate] = Field(default_factory=list, title="参照伤害发生率")
    death_notes: list[DeathNote] = Field(default_factory=list, title="死亡病例说明")
    min_cases: int = Field(
        default=10,
        ge=1,
        title="判定的最少病例数",
        description="A group or place is named a finding only with at least this many cases.",
    )

    @model_validator(mode="after")
    def _period(self) -> Self:
        rules = Rules()
        rules.check(
            self.data_end >= self.data_start,
            ("data_end",),
            f"数据截止日期早于起始日期 (data_end {self.data_end.isoformat()} is before "
            f"data_start {self.data_start.isoformat()})",
        )
        rules.check(
            self.report_date >= self.data_end,
            ("report_date",),
            f"报告日期早于数据截止日期 (report_date {self.report_date.isoformat()} is before "
            f"data_end {self.data_end.isoformat()})",
        )
        sources = [s.source for s in self.department_statistics]
        for i, source in enumerate(sources):
            rules.check(
                source not in sources[:i],
                ("department_statistics", i, "source"),
                f"统计类别重复 ({source.value})",
            )
        rules.raise_if_any()
        return self
