"""The community profile (社区概况): who applies, where, how many people, what is there."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Self

from pydantic import Field, model_validator

from ..codes import CommunityType, TargetLevel
from .base import Count, Rules, StrictModel, Text


class AgeBand(StrictModel):
    """One age band of the resident population, by sex."""

    from_age: int = Field(
        ge=0, le=120, title="起始年龄", description="First age of the band, in whole years."
    )
    to_age: int | None = Field(
        default=None,
        ge=0,
        le=120,
        title="截止年龄",
        description="Last age of the band (inclusive); leave empty for the open top band (e.g. 70+).",
    )
    male: Count = Field(title="男性人数")
    female: Count = Field(title="女性人数")

    @property
    def total(self) -> int:
        """Residents of both sexes in the band."""
        return self.male + self.female

    @model_validator(mode="after")
    def _ages_ordered(self) -> Self:
        rules = Rules()
        if self.to_age is not None:
            rules.check(
                self.to_age >= self.from_age,
                ("to_age",),
                f"截止年龄小于起始年龄 (to_age {self.to_age} is below from_age {self.from_age})",
            )
        rules.raise_if_any()
        return self


class Population(StrictModel):
    """常住人口 and its structure."""

    total: Count = Field(title="常住人口", description="Resident population (persons).")
    male: Count = Field(title="男性")
    female: Count = Field(title="女性")
    registered: Count | None = Field(default=None, title="户籍人口")
    migrant: Count = Field(
        default=0, title="流动人口", description="Migrant (non-registered) residents."
    )
    disabled: Count | None = Field(default=None, title="残疾人数")
    age_bands: list[AgeBand] = Field(
        default_factory=list,
        title="年龄结构",
        description="Contiguous bands from age 0, the last one open (to_age empty).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        rules = Rules()
        rules.check(
            self.male + self.female == self.total,
            ("total",),
            f"男女人数之和与常住人口不符 (male {self.male} + female {self.female} "
            f"!= total {self.total})",
        )
        rules.check(
            self.migrant <= self.total,
            ("migrant",),
            f"流动人口超过常住人口 (migrant {self.migrant} > total {self.total})",
        )
        if self.disabled is not None:
            rules.check(
                self.disabled <= self.total,
                ("disabled",),
                f"残疾人数超过常住人口 (disabled {self.disabled} > total {self.total})",
            )
        if self.age_bands:
            expected = 0
            for i, band in enumerate(self.age_bands):
                rules.check(
                    band.from_age == expected,
                    ("age_bands", i, "from_age"),
                    f"年龄段不连续 (band starts at {band.from_age}, expected {expected})",
                )
                last = i == len(self.age_bands) - 1
                rules.check(
                    (band.to_age is None) == last,
                    ("age_bands", i, "to_age"),
                    "只有最后一个年龄段可以不设截止年龄 (only the last band is open-ended)"
                    if not last
                    else "最后一个年龄段应不设截止年龄 (the last band must be open, e.g. 70+)",
                )
                expected = (band.to_age if band.to_age is not None else band.from_age) + 1
            males = sum(b.male for b in self.age_bands)
            females = sum(b.female for b in self.age_bands)
            rules.check(
                males == self.male,
                ("age_bands",),
                f"各年龄段男性之和与男性人数不符 (sum {males} != male {self.male})",
            )
            rules.check(
                females == self.female,
                ("age_bands",),
                f"各年龄段女性之和与女性人数不符 (sum {females} != female {self.female})",
            )
        rules.raise_if_any()
        return self


class Facilities(StrictModel):
    """Counts of units in the community (单位构成)."""

    enterprises: Count = Field(default=0, title="企业数")
    schools: Count = Field(default=0, title="中小学数")
    kindergartens: Count = Field(default=0, title="幼儿园数")
    medical_institutions: Count = Field(default=0, title="医疗机构数")
    public_venues: Count = Field(
        default=0, title="公共场所数", description="Markets, stations, parks, venues."
    )
    hazardous_chemical_units: Count = Field(default=0, title="危险化学品单位数")


class Contact(StrictModel):
    """联系人."""

    name: Text = Field(title="姓名")
    position: Text | None = Field(default=None, title="职务")
    phone: Text | None = Field(default=None, title="电话")


class Honor(StrictModel):
    """A distinction the community received (近三年荣誉)."""

    year: int = Field(ge=1990, le=2100, title="年份")
    title: Text = Field(title="荣誉名称")
    awarded_by: Text | None = Field(default=None, title="授予单位")


class Community(StrictModel):
    """The applying community: street office, township, industrial park or enterprise."""

    name: Text = Field(title="社区名称", description="Full official name, e.g. 清河街道.")
    type: CommunityType = Field(title="社区类型")
    parent_jurisdiction: Text = Field(title="上级行政区", description="e.g. 某市某区.")
    address: Text | None = Field(default=None, title="地址")
    area_km2: Decimal = Field(gt=0, max_digits=10, decimal_places=3, title="辖区面积（平方公里）")
    households: Count = Field(title="户数")
    population: Population = Field(title="人口")
    sub_units: list[Text] = Field(
        default_factory=list,
        title="下辖社区/村",
        description="Residential communities, villages or zones.",
    )
    facilities: Facilities = Field(default_factory=Facilities, title="单位构成")
    target_level: TargetLevel = Field(title="申报级别")
    creation_start: date = Field(title="创建启动日期")
    location: list[Text] = Field(
        default_factory=list,
        title="地理位置",
        description="Paragraphs on position, borders and transport.",
    )
    safety_features: list[Text] = Field(default_factory=list, title="安全特征和难点")
    history: list[Text] = Field(default_factory=list, title="创建历程")
    honors: list[Honor] = Field(default_factory=list, title="荣誉")
    contact: Contact | None = Field(default=None, title="联系人")

    @model_validator(mode="after")
    def _households(self) -> Self:
        rules = Rules()
        rules.check(
            self.households <= self.population.total or self.population.total == 0,
            ("households",),
            f"户数超过常住人口 (households {self.households} > population {self.population.total})",
        )
        rules.check(
            len(set(self.sub_units)) == len(self.sub_units),
            ("sub_units",),
            "下辖社区/村名称重复 (duplicate names)",
        )
        rules.raise_if_any()
        return self
