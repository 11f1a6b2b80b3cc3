"""统计口径: which injury records an outcome target counts, so its baseline comes from them."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from ..codes import InjuryActivity, InjuryCause, InjuryPlace, Occupation, Sex
from .base import Rules, StrictModel, Text


class RecordCount(StrictModel):
    """The injury records a target is about: every criterion given must hold (an empty list
    or an empty bound does not restrict). The target's baseline is the number of such records
    whose injury happened in its ``baseline_year``."""

    causes: list[InjuryCause] = Field(default_factory=list, title="伤害原因")
    places: list[InjuryPlace] = Field(default_factory=list, title="伤害发生地点")
    activities: list[InjuryActivity] = Field(default_factory=list, title="伤害发生时活动")
    occupations: list[Occupation] = Field(default_factory=list, title="职业")
    sex: Sex | None = Field(default=None, title="性别")
    min_age: int | None = Field(default=None, ge=0, le=120, title="最小年龄（含）")
    max_age: int | None = Field(default=None, ge=0, le=120, title="最大年龄（含）")
    deaths_only: bool = Field(default=False, title="仅死亡病例")
    unit: Text | None = Field(
        default=None,
        title="计数单位",
        description="How the count is printed, e.g. 例, 人次; empty: the target's unit, or 例 "
        "when the target is a percentage.",
    )

    @model_validator(mode="after")
    def _ages(self) -> Self:
        rules = Rules()
        if self.min_age is not None and self.max_age is not None:
            rules.check(
                self.min_age <= self.max_age,
                ("max_age",),
                f"最大年龄小于最小年龄 (max_age {self.max_age} < min_age {self.min_age})",
            )
        rules.raise_if_any()
        return self
