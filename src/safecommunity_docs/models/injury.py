"""One injury record: the national injury-surveillance card (全国伤害监测报告卡)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Self

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..codes import (
    MERGED_OTHER_UNKNOWN,
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
    ProductRelation,
    Severity,
    Sex,
)
from ..codes.cards import CardVersion, read_code
from .base import Rules, StrictModel, Text
from .problems import unwrap_type

_CODED = (
    "sex", "household", "education", "occupation", "cause", "place", "activity", "intent",
    "alcohol", "nature", "body_part", "severity", "outcome", "product_relation",
)  # fmt: skip
NEWER_FIELDS = ("products", "product_relation", "typical_case")
"""Fields only the newer card has (part Ⅳ 伤害涉及产品信息 and 典型案例)."""


class InjuryProduct(StrictModel):
    """One product of the newer card's part Ⅳ 伤害涉及产品信息."""

    name: Text = Field(title="产品名称")
    brand_model: Text | None = Field(default=None, title="品牌/型号")
    category: Text | None = Field(default=None, title="产品分类")


class InjuryRecord(StrictModel):
    """One card: the injured person, when, why, where, what, how bad, and what became of it."""

    card_no: Text = Field(title="卡片编号")
    card_version: CardVersion | None = Field(
        default=None,
        title="报告卡版本",
        description="The card generation: '2006' or 'product' (the newer card with part Ⅳ "
        "伤害涉及产品信息). It decides how code numbers are read; left out, numbers are read "
        "by the default list and the importer infers it from product columns.",
    )
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
    products: list[InjuryProduct] = Field(
        default_factory=list,
        max_length=2,
        title="伤害涉及产品",
        description="Newer card, part Ⅳ 伤害涉及产品信息: at most two products.",
    )
    product_relation: ProductRelation | None = Field(default=None, title="产品相关")
    typical_case: Text | None = Field(
        default=None, title="典型案例", description="Newer card: the typical-case narrative."
    )

    @field_validator(*_CODED, mode="before")
    @classmethod
    def _numbers_by_generation(cls, value: Any, info: ValidationInfo) -> Any:
        """Read a code number by the list of the record's card generation (labels pass)."""
        name = info.field_name or ""
        enum = InjuryNature if name == "nature" else unwrap_type(cls.model_fields[name].annotation)
        version = info.data.get("card_version")
        if isinstance(value, list):
            return [read_code(version, name, enum, v) for v in value]
        return read_code(version, name, enum, value)

    @model_validator(mode="after")
    def _card_rules(self) -> Self:
        rules = Rules()
        if self.cause in TRAFFIC_CAUSES:
            rules.check(
                self.place is InjuryPlace.ROAD,
                ("place",),
                f"车祸的发生地点应为公路/街道 (cause {self.cause.label} needs place "
                f"{InjuryPlace.ROAD.label}, got {self.place.label})",
            )
        if self.cause in WHOLE_BODY_CAUSES:
            rules.check(
                self.body_part is BodyPart.WHOLE_BODY,
                ("body_part",),
                f"{self.cause.label}的伤害部位应为全身广泛受伤 (cause {self.cause.label} needs "
                f"body part {BodyPart.WHOLE_BODY.label}, got {self.body_part.label})",
            )
        if self.cause is InjuryCause.BURN:
            rules.check(
                InjuryNature.BURN in self.nature,
                ("nature",),
                f"烧烫伤的伤害性质应包括烧烫伤 (cause {InjuryCause.BURN.label} needs nature "
                f"{InjuryNature.BURN.label}, got {'、'.join(n.label for n in self.nature)})",
            )
        self._generation_rules(rules)
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

    def _generation_rules(self, rules: Rules) -> None:
        """What one card generation allows that the other does not."""
        if self.card_version is CardVersion.PRODUCT:
            rules.check(
                len(self.nature) == 1,
                ("nature",),
                "新版报告卡的伤害性质为单选 (the newer card takes one nature, the most severe; "
                f"got {len(self.nature)})",
            )
            for name in ("activity", "intent", "body_part"):
                value = getattr(self, name)
                rules.check(
                    value not in MERGED_OTHER_UNKNOWN,
                    (name,),
                    f"新版报告卡将其他与不清楚分列 (the newer card has no merged {value.label}: "
                    "choose 其他 or 不清楚)",
                )
            merged = [n for n in self.nature if n in MERGED_OTHER_UNKNOWN]
            rules.check(
                not merged,
                ("nature",),
                "新版报告卡将其他与不清楚分列 (the newer card has no merged 其他/不清楚: "
                "choose 其他 or 不清楚)",
            )
        elif self.card_version is CardVersion.V2006:
            for name in NEWER_FIELDS:
                rules.check(
                    not getattr(self, name),
                    (name,),
                    "2006版报告卡没有此项 (the 2006 card has no part Ⅳ 伤害涉及产品信息 or "
                    "典型案例: state card_version 'product')",
                )

    @property
    def has_newer_fields(self) -> bool:
        """Whether the record fills a field only the newer card has."""
        return any(getattr(self, name) for name in NEWER_FIELDS)

    @property
    def duplicate_key(self) -> tuple[str, str, int, datetime, InjuryCause]:
        """Same person (name or card-less identity), time and cause: the duplicate test's key."""
        return (self.name or "", self.sex.value, self.age, self.injury_time, self.cause)
