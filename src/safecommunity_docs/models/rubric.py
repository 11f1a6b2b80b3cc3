"""A scoring rubric as data: elements, items, points, part splits, grades, bands and vetoes."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from .base import Rules, StrictModel, Text

Points = Decimal

FactKey = Literal[
    "organisation", "diagnosis", "plan", "projects", "publicity", "emergency", "records"
]
"""Facts the work report can state from the dossier's data, named by what they describe."""


class RubricPart(StrictModel):
    """A part of an item's points (有无 / 痕迹 / 效果), graded separately."""

    name: Text = Field(title="部分")
    points: Points = Field(gt=0, title="分值")


class RubricItem(StrictModel):
    """二级指标: one scored requirement."""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]*$", title="编号", description="e.g. 1.2")
    text: Text = Field(title="二级指标")
    criteria: list[Text] = Field(min_length=1, title="评分标准")
    points: Points = Field(gt=0, title="分值")
    parts: list[RubricPart] = Field(
        default_factory=list,
        title="分项",
        description="Optional split of the points into graded parts.",
    )
    facts: list[FactKey] = Field(
        default_factory=list,
        title="工作报告事实",
        description="Which facts of the dossier the work report states for this item "
        "(organisation, diagnosis, plan, projects, publicity, emergency, records).",
    )
    evidence_only: bool = Field(
        default=False,
        title="仅列证明材料",
        description="The work report shows only the evidence the assessment lists for this item.",
    )

    @model_validator(mode="after")
    def _facts_or_evidence(self) -> Self:
        if self.facts and self.evidence_only:
            raise ValueError("an item states facts or is evidence-only, not both")
        return self


class RubricElement(StrictModel):
    """一级指标: an element of the standard and its items."""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]*$", title="编号")
    title: Text = Field(title="一级指标")
    items: list[RubricItem] = Field(min_length=1, title="二级指标")

    @property
    def facts(self) -> list[FactKey]:
        """The facts its items name, each once, in the order they are first named."""
        return list(dict.fromkeys(key for item in self.items for key in item.facts))

    @property
    def points(self) -> Decimal:
        """Maximum points of the element."""
        return sum((item.points for item in self.items), Decimal(0))


class VerdictBand(StrictModel):
    """A verdict for totals in ``[min, max)`` (``max`` empty: up to and including the scale)."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", title="结论代码")
    label: Text = Field(title="结论")
    min: Decimal = Field(ge=0, title="下限（含）")
    max: Decimal | None = Field(default=None, title="上限（不含）")
    next_step: Text = Field(title="下一步")


class Reapplication(StrictModel):
    """Reapplication rule: a community below ``threshold`` must rectify and reapply; a second
    shortfall in a row turns that year's verdict into ``verdict``."""

    threshold: Decimal = Field(title="达标分数")
    verdict: str = Field(title="再次未达标时的结论代码")
    reason: Text = Field(title="说明")


class Rubric(StrictModel):
    """A rubric: the item tree with points, and everything that turns points into a verdict."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$", title="标识")
    aliases: list[str] = Field(
        default_factory=list,
        title="别名",
        description="Other ids an assessment may name the rubric by (e.g. city).",
    )
    version: str = Field(title="版本")
    title: Text = Field(title="名称")
    scale: Decimal = Field(gt=0, title="满分")
    rounding_places: int = Field(default=1, ge=0, le=4, title="保留小数位")
    rounding: Literal["ROUND_HALF_UP", "ROUND_HALF_EVEN"] = Field(
        default="ROUND_HALF_UP", title="舍入规则"
    )
    grades: dict[str, Decimal] = Field(
        default_factory=dict,
        title="等级",
        description="Grade letter to the fraction of a part's points.",
    )
    not_applicable: Literal["rescale", "forbidden"] = Field(
        default="rescale",
        title="不适用项处理",
        description="rescale: N/A items are excluded and the total rescaled to the scale.",
    )
    elements: list[RubricElement] = Field(min_length=1, title="一级指标")
    bands: list[VerdictBand] = Field(min_length=1, title="结论区间")
    veto_any_item_zero: str | None = Field(
        default=None, title="单项零分否决", description="Band code given when any item scores 0."
    )
    reapplication: Reapplication | None = Field(default=None, title="复评规则")

    @property
    def rounding_mode(self) -> str:
        """The ``decimal`` rounding constant named by ``rounding``."""
        return ROUND_HALF_UP if self.rounding == "ROUND_HALF_UP" else ROUND_HALF_EVEN

    @property
    def ids(self) -> tuple[str, ...]:
        """The rubric's id and its aliases."""
        return (self.id, *self.aliases)

    def items(self) -> list[tuple[RubricElement, RubricItem]]:
        """Return every item with its element, in rubric order."""
        return [(element, item) for element in self.elements for item in element.items]

    def item(self, item_id: str) -> RubricItem | None:
        """Return the item with ``item_id``, or ``None``."""
        for _, item in self.items():
            if item.id == item_id:
                return item
        return None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        rules = Rules()
        seen: dict[str, str] = {}
        for e, element in enumerate(self.elements):
            first = seen.setdefault(element.id, f"elements[{e}]")
            rules.check(
                first == f"elements[{e}]",
                ("elements", e, "id"),
                f"编号重复 (id '{element.id}' repeats {first})",
            )
            for i, item in enumerate(element.items):
                here = f"elements[{e}].items[{i}]"
                first = seen.setdefault(item.id, here)
                rules.check(
                    first == here,
                    ("elements", e, "items", i, "id"),
                    f"编号重复 (item id '{item.id}' repeats {first})",
                )
                if item.parts:
                    total = sum((p.points for p in item.parts), Decimal(0))
                    rules.check(
                        total == item.points,
                        ("elements", e, "items", i, "parts"),
                        f"分项分值之和与该项分值不符 (item {item.id}: parts add up to "
                        f"{total}, item has {item.points})",
                    )
                    rules.check(
                        bool(self.grades),
                        ("elements", e, "items", i, "parts"),
                        f"分项评分需要等级定义 (item {item.id} has parts but the rubric "
                        "defines no grades)",
                    )
        total = sum((element.points for element in self.elements), Decimal(0))
        rules.check(
            total == self.scale,
            ("scale",),
            f"各项分值之和与满分不符 (items add up to {total}, scale is {self.scale})",
        )
        for letter, fraction in self.grades.items():
            rules.check(
                Decimal(0) <= fraction <= Decimal(1),
                ("grades", letter),
                f"等级比例应在0到1之间 (grade {letter} = {fraction})",
            )
        self._check_bands(rules)
        codes = {band.code for band in self.bands}
        for name in ("veto_any_item_zero",):
            code = getattr(self, name)
            rules.check(
                code is None or code in codes,
                (name,),
                f"未知结论代码 ('{code}' is not a band code: {', '.join(sorted(codes))})",
            )
        if self.reapplication is not None:
            rules.check(
                self.reapplication.verdict in codes,
                ("reapplication", "verdict"),
                f"未知结论代码 ('{self.reapplication.verdict}' is not a band code)",
            )
        rules.raise_if_any()
        return self

    def _check_bands(self, rules: Rules) -> None:
        order = sorted(range(len(self.bands)), key=lambda i: self.bands[i].min)
        expected = Decimal(0)
        codes: set[str] = set()
        for n, i in enumerate(order):
            band = self.bands[i]
            rules.check(
                band.code not in codes, ("bands", i, "code"), f"结论代码重复 ('{band.code}')"
            )
            codes.add(band.code)
            if band.min > expected:
                rules.check(
                    False,
                    ("bands", i, "min"),
                    f"结论区间有空缺 (gap from {expected} to {band.min})",
                )
            elif band.min < expected:
                rules.check(
                    False,
                    ("bands", i, "min"),
                    f"结论区间重叠 (band '{band.code}' starts at {band.min}, inside the "
                    f"band below, which ends at {expected})",
                )
            last = n == len(order) - 1
            if band.max is None:
                rules.check(
                    last,
                    ("bands", i, "max"),
                    f"只有最高区间可以不设上限 (band '{band.code}' is open but not the top)",
                )
                expected = self.scale
            else:
                rules.check(
                    band.max > band.min,
                    ("bands", i, "max"),
                    f"区间上限不大于下限 ({band.max} <= {band.min})",
                )
                rules.check(
                    not last or band.max > self.scale,
                    ("bands", i, "max"),
                    f"最高区间未覆盖满分 (band '{band.code}' ends below the scale "
                    f"{self.scale}; leave max empty)",
                )
                expected = band.max
