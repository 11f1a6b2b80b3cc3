"""Data of the diagnosis beyond the injury cards: departmental statistics, the household survey,
reference rates and the author's notes on deaths."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Self

from pydantic import Field, model_validator

from ..codes import InjuryCause
from .base import Count, Rules, StrictModel, Text


class DepartmentSource(StrEnum):
    """The departmental statistics a diagnosis analyses, with the unit each one counts in."""

    POLICE = "110警情"
    TRAFFIC = "道路交通事故"
    FIRE = "火灾"
    WORK_ACCIDENT = "生产安全事故"
    WORK_INJURY = "工伤"
    SCHOOL = "学校伤害"

    @property
    def unit(self) -> str:
        """起 for events, 人 for injured people (工伤, 学校伤害)."""
        return "人" if self in (DepartmentSource.WORK_INJURY, DepartmentSource.SCHOOL) else "起"


class DepartmentYear(StrictModel):
    """One year of one department's statistics."""

    year: int = Field(ge=1990, le=2100, title="年份")
    count: Count = Field(title="数量", description="起 (events) or 人 (工伤, 学校伤害).")
    deaths: Count | None = Field(default=None, title="死亡人数")
    injuries: Count | None = Field(default=None, title="受伤人数")
    losses: Decimal | None = Field(default=None, ge=0, title="直接经济损失（万元）")
    notes: Text | None = Field(default=None, title="说明")


class DepartmentStatistics(StrictModel):
    """A department's yearly figures (公安110警情, 交警事故, 消防火警, 应急管理, 人社工伤, 教育)."""

    source: DepartmentSource = Field(title="统计类别")
    department: Text = Field(title="提供部门", description="e.g. 开发区交警中队.")
    scope: Text | None = Field(
        default=None, title="统计口径", description="e.g. 造成人员伤亡的道路交通事故."
    )
    years: list[DepartmentYear] = Field(min_length=1, title="年度数据")
    notes: list[Text] = Field(default_factory=list, title="分析说明")

    @model_validator(mode="after")
    def _years(self) -> Self:
        rules = Rules()
        seen: set[int] = set()
        for i, row in enumerate(self.years):
            rules.check(row.year not in seen, ("years", i, "year"), f"年份重复 ({row.year})")
            if seen:
                rules.check(
                    row.year > max(seen),
                    ("years", i, "year"),
                    f"年份应按先后顺序排列 ({row.year} after {max(seen)})",
                )
            seen.add(row.year)
        rules.raise_if_any()
        return self


class HouseholdCause(StrictModel):
    """Injured persons of the household survey by cause."""

    cause: InjuryCause = Field(title="伤害原因")
    persons: Count = Field(title="受伤人数")
    seen_at_hospital: Count | None = Field(default=None, title="其中到医疗机构就诊人数")

    @model_validator(mode="after")
    def _seen(self) -> Self:
        rules = Rules()
        if self.seen_at_hospital is not None:
            rules.check(
                self.seen_at_hospital <= self.persons,
                ("seen_at_hospital",),
                f"就诊人数超过受伤人数 ({self.seen_at_hospital} > {self.persons})",
            )
        rules.raise_if_any()
        return self


class HouseholdSurvey(StrictModel):
    """A household injury survey (入户伤害调查): injuries in the last 12 months."""

    name: Text = Field(default="入户伤害抽样调查", title="调查名称")
    method: Text = Field(title="抽样方法")
    conducted: date = Field(title="调查时间")
    households: Count = Field(gt=0, title="调查户数")
    persons: Count = Field(gt=0, title="调查人数")
    injured_persons: Count = Field(title="近12个月受伤人数")
    seen_at_hospital: Count = Field(title="其中到医疗机构就诊人数")
    by_cause: list[HouseholdCause] = Field(default_factory=list, title="按原因")
    findings: list[Text] = Field(default_factory=list, title="主要发现")

    @model_validator(mode="after")
    def _counts(self) -> Self:
        rules = Rules()
        rules.check(
            self.injured_persons <= self.persons,
            ("injured_persons",),
            f"受伤人数超过调查人数 ({self.injured_persons} > {self.persons})",
        )
        rules.check(
            self.seen_at_hospital <= self.injured_persons,
            ("seen_at_hospital",),
            f"就诊人数超过受伤人数 ({self.seen_at_hospital} > {self.injured_persons})",
        )
        rules.check(
            self.persons >= self.households,
            ("persons",),
            f"调查人数少于调查户数 ({self.persons} < {self.households})",
        )
        total = sum(c.persons for c in self.by_cause)
        rules.check(
            total <= self.injured_persons,
            ("by_cause",),
            f"各原因受伤人数之和超过受伤人数 ({total} > {self.injured_persons})",
        )
        rules.raise_if_any()
        return self


class ReferenceRate(StrictModel):
    """An injury rate to compare the community's with (区/市, 全国伤害监测, 基线年)."""

    name: Text = Field(title="参照", description="e.g. 云州市伤害监测社区年均伤害发生率.")
    rate: Decimal = Field(gt=0, title="伤害发生率（‰）", description="Per 1,000 a year.")
    year: int | None = Field(default=None, ge=1990, le=2100, title="年份")
    source: Text | None = Field(default=None, title="出处")


class DeathNote(StrictModel):
    """The author's note on one death of the injury records: what is done about it."""

    card_no: Text = Field(title="卡片编号")
    project: str | None = Field(
        default=None, title="针对项目", description="id of the promotion project addressing it."
    )
    note: Text | None = Field(default=None, title="分析与措施")
