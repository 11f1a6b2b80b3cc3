"""How a quantified target is measured (衡量方式): counted from the records, read from surveys,
or reported from a ledger; and the work actually done for a rubric item (工作开展情况)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Self

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, model_validator

from ..codes import InjuryActivity, InjuryCause, InjuryPlace
from .base import Amount, Count, Rules, StrictModel, Text, normalise_text


def _safe(value: object) -> object:
    return normalise_text(value)[0] if isinstance(value, str) else value


def _filled(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only spaces (不能为空)")
    return value


Ref = Annotated[
    str, BeforeValidator(_safe), StringConstraints(max_length=200), AfterValidator(_filled)
]
"""A short reference held by a target's measurement: a survey indicator or group to look up,
the name of a ledger. The work report's 创建成效 shows it; the plan holding it does not."""

MeasureWord = Annotated[
    str, BeforeValidator(_safe), StringConstraints(max_length=10), AfterValidator(_filled)
]
"""A measure word (次, 场, 期, 份 …): shown after its number, so not without one."""


class RecordCount(StrictModel):
    """Which injury cards a target counts: the cards matching every filter given."""

    causes: list[InjuryCause] = Field(
        default_factory=list, title="伤害原因", description="Empty: every cause."
    )
    places: list[InjuryPlace] = Field(
        default_factory=list, title="发生地点", description="Empty: every place."
    )
    activities: list[InjuryActivity] = Field(
        default_factory=list, title="发生时活动", description="Empty: every activity."
    )
    age_from: int | None = Field(default=None, ge=0, le=120, title="起始年龄")
    age_to: int | None = Field(default=None, ge=0, le=120, title="截止年龄")
    deaths: bool = Field(default=False, title="仅死亡病例", description="Count deaths only.")
    rate: bool = Field(
        default=False,
        title="按发生率",
        description="Measure the rate per 1,000 residents (‰) instead of the number of cases.",
    )
    result_year: int | None = Field(
        default=None,
        ge=1990,
        le=2100,
        title="结果年份",
        description="The year compared with the baseline year; default: the records' last year.",
    )

    @model_validator(mode="after")
    def _ages(self) -> Self:
        rules = Rules()
        if self.age_from is not None and self.age_to is not None:
            rules.check(
                self.age_to >= self.age_from,
                ("age_to",),
                f"截止年龄小于起始年龄 (age_to {self.age_to} < age_from {self.age_from})",
            )
        rules.raise_if_any()
        return self


class SurveyMeasure(StrictModel):
    """A survey indicator: baseline from the latest diagnosis survey reporting it, result from
    the latest of the assessment's evaluation surveys (效果评估调查) reporting it."""

    indicator: Ref = Field(title="调查指标", description="As written in the survey's results.")
    group: Ref | None = Field(default=None, title="人群", description="Empty: any group.")


class ReportedResult(StrictModel):
    """A result the community reports from its own ledger (台账), with where it comes from."""

    value: Decimal = Field(title="结果值")
    source: Ref = Field(title="数据来源", description="e.g. 改造验收记录.")
    as_of: date | None = Field(default=None, title="统计截至")


class Measurement(StrictModel):
    """衡量方式: where a target's baseline and result come from; exactly one of the three."""

    records: RecordCount | None = Field(default=None, title="伤害监测记录")
    survey: SurveyMeasure | None = Field(default=None, title="问卷调查")
    reported: ReportedResult | None = Field(default=None, title="台账统计")

    @model_validator(mode="after")
    def _one(self) -> Self:
        rules = Rules()
        given = [self.records, self.survey, self.reported]
        rules.check(
            sum(g is not None for g in given) == 1,
            ("records",),
            "衡量方式须且只能填写records、survey、reported之一 "
            f"(got {sum(g is not None for g in given)} of them)",
        )
        rules.raise_if_any()
        return self


class Activity(StrictModel):
    """工作开展情况: one piece of work done for a rubric item, with its quantities."""

    text: Text = Field(title="工作内容", description="What was done, e.g. 召开促进委员会全体会议.")
    sessions: Count | None = Field(default=None, title="场次/次数")
    unit: MeasureWord = Field(default="次", title="场次单位", description="e.g. 次, 场, 期.")
    participants: Count | None = Field(default=None, title="参与人次")
    spent: Amount | None = Field(default=None, title="投入经费（元）")
