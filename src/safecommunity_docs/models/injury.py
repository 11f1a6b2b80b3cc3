"""One injury record: the national injury-surveillance card (全国伤害监测报告卡)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Self

from pydantic import Field, model_validator

from ..codes import (
    TRAFFIC_CAUSES,
    WHOLE_BODY_CAUSES,
    Alcohol,
    BodyPart,
    Education,
    Household,
    InjuryActivity,
    InjuryCause,
    InjuryIntent,
    InjuryNature,
    InjuryPlace,
    Occupation,
    Outcome,
    Severity,
    Sex,
)
from .base import Rules, StrictModel, Text


class InjuryRecord(StrictModel):
    """One card: the injured person, when, why, where, what, how bad, and what became of it."""

    card_no: Text = Field(title="卡片编号")
    name: Text | None = Field(
        default=None, title="姓名", description="May be left out for privacy."
    )
    sex: Sex = Field(title="性别")
    age: int = Field(ge=0, le=120, title="年龄", description="Completed years at the injury.")
    birth_date: date | None = Field(default=None, title="出生日期")
    household: Household | None = Field(default=None, title="户籍")
    education: Education | None = Field(default=None, title="文化程度")
    occupation: Occupation | None = Field(default=None, title="职业")
    disabled: bool = Field(default=False, title="残疾人")
    sub_unit: Text | None = Field(default=None, title="所在社区/村")
    injury_time: datetime = Field(title="伤害发生时间")
    visit_time: datetime = Field(title="就诊时间")
    report_date: date = Field(title="填报日期")
    cause: InjuryCause = Field(title="伤害发生原因")
    place: InjuryPlace = Field(title="伤害发生地点")
    activity: InjuryActivity = Field(title="伤害发生时活动")
    intent: InjuryIntent = Field(title="伤害意图")
    alcohol: Alcohol = Field(default=Alcohol.UNKNOWN, title="是否饮酒")
    nature: list[InjuryNature] = Field(
        min_length=1,
        max_length=3,
        title="伤害性质",
        description="The first is the main (most severe) one.",
    )
    body_part: BodyPart = Field(title="伤害部位")
    severity: Severity = Field(title="严重程度")
    outcome: Outcome = Field(title="伤害结局")
    reporting_unit: Text | None = Field(default=None, title="填报单位")
    description: Text | None = Field(default=None, title="伤害经过")

    @model_validator(mode="after")
    def _card_rules(self) -> Self:
        rules = Rules()
        if self.cause in TRAFFIC_CAUSES:
            rules.check(
                self.place is InjuryPlace.ROAD,
                ("place",),
                f"车祸的发生地点应为公路/街道 (cause {self.cause.code} {self.cause.label} "
                f"needs place 5 公路/街道, got {self.place.code} {self.place.label})",
            )
        if self.cause in WHOLE_BODY_CAUSES:
            rules.check(
                self.body_part is BodyPart.WHOLE_BODY,
                ("body_part",),
                f"{self.cause.label}的伤害部位应为全身广泛受伤 (cause {self.cause.code} "
                f"needs body part 6 全身广泛受伤, got {self.body_part.code} "
                f"{self.body_part.label})",
            )
        if self.cause is InjuryCause.BURN:
            rules.check(
                InjuryNature.BURN in self.nature,
                ("nature",),
                "烧烫伤的伤害性质应包括烧烫伤 (cause 7 needs nature 5 烧烫伤)",
            )
        rules.check(
            self.visit_time >= self.injury_time,
            ("visit_time",),
            f"就诊时间早于伤害发生时间 (visit {self.visit_time.isoformat(' ')} is before "
            f"injury {self.injury_time.isoformat(' ')})",
        )
        rules.check(
            self.report_date >= self.visit_time.date(),
            ("report_date",),
            f"填报日期早于就诊时间 (report {self.report_date.isoformat()} is before visit "
            f"{self.visit_time.date().isoformat()})",
        )
        if self.birth_date is not None:
            day = self.injury_time.date()
            years = (
                day.year
                - self.birth_date.year
                - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))
            )
            rules.check(
                years == self.age,
                ("age",),
                f"年龄与出生日期不符 (age {self.age}, but born "
                f"{self.birth_date.isoformat()} gives {years} on {day.isoformat()})",
            )
        if len(set(self.nature)) != len(self.nature):
            rules.check(False, ("nature",), "伤害性质重复 (a nature is listed twice)")
        rules.raise_if_any()
        return self

    @property
    def duplicate_key(self) -> tuple[str, str, int, datetime, InjuryCause]:
        """Same person (name or card-less identity), time and cause: the duplicate test's key."""
        return (self.name or "", self.sex.value, self.age, self.injury_time, self.cause)
