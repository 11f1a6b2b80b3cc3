"""Structures shared by several documents: people, tables, targets, budget lines, annexes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Self

from pydantic import Field, model_validator

from ..codes import CodedEnum
from .base import Amount, Month, OptText, Rules, StrictModel, Text
from .outcome import Measurement


def sealed_field(default: bool) -> Any:
    """The ``sealed`` field of a signed document: its 落款 layout (GB/T 9704 7.3.5)."""
    return Field(
        default=default,
        title="加盖印章",
        description="落款 layout: true for a sealed document (7.3.5.1: 成文日期右空四字, the "
        "issuing body centred on it, room for the seal), false for an unsealed one (7.3.5.2: "
        f"the issuing body 右空二字, the date below it moved right by two characters). "
        f"Default: {'true' if default else 'false'}.",
    )


def joint_field() -> Any:
    """The ``joint_bodies`` field: the other issuing bodies of a joint document."""
    return Field(
        default_factory=list,
        title="联合发文机关",
        description="The other issuing bodies of a joint document (联合行文), after the main "
        "one; each signs on a row of its own.",
    )


class Person(StrictModel):
    """A named person with position and unit, as listed in committees and groups."""

    name: Text = Field(title="姓名")
    position: Text | None = Field(default=None, title="职务")
    unit: Text | None = Field(default=None, title="单位")
    phone: Text | None = Field(default=None, title="电话")


class Table(StrictModel):
    """A simple table: header columns and rows of cells."""

    columns: list[Text] = Field(min_length=1, title="表头")
    rows: list[list[OptText]] = Field(default_factory=list, title="行")

    @model_validator(mode="after")
    def _row_widths(self) -> Self:
        rules = Rules()
        for i, row in enumerate(self.rows):
            rules.check(
                len(row) == len(self.columns),
                ("rows", i),
                f"列数与表头不符 (row has {len(row)} cells, header has {len(self.columns)})",
            )
        rules.raise_if_any()
        return self


class TargetDirection(CodedEnum):
    """How a quantified target is read against its value."""

    REDUCE_BY = 1, "下降"
    INCREASE_BY = 2, "提高"
    AT_MOST = 3, "不高于"
    AT_LEAST = 4, "不低于"
    REACH = 5, "达到"


class QuantTarget(StrictModel):
    """A quantified target: indicator, direction, numeric value with unit, optional baseline."""

    indicator: Text = Field(title="指标", description="e.g. 居民安全知识知晓率.")
    direction: TargetDirection = Field(default=TargetDirection.REACH, title="方向")
    value: Decimal = Field(title="目标值", description="A number; the unit goes in `unit`.")
    unit: Text = Field(title="单位", description="e.g. %, 起, 人, 次/年.")
    baseline: Decimal | None = Field(default=None, title="基线值")
    baseline_unit: Text | None = Field(
        default=None,
        title="基线单位",
        description="Unit of the baseline when it differs from the target's, e.g. 起 for a "
        "target of 下降 40 %; empty: the target's unit.",
    )
    baseline_year: int | None = Field(default=None, ge=1990, le=2100, title="基线年份")
    deadline: Month | None = Field(default=None, title="完成时间")
    group: Text | None = Field(
        default=None, title="目标人群", description="Who the target is about."
    )
    measure: Measurement | None = Field(
        default=None,
        title="衡量方式",
        description="Where the baseline and the result come from (records, survey or ledger); "
        "the work report's 创建成效 evaluates the target with it.",
    )

    @model_validator(mode="after")
    def _percent_range(self) -> Self:
        rules = Rules()
        if self.unit.strip() == "%":
            rules.check(
                Decimal(0) <= self.value <= Decimal(100),
                ("value",),
                f"百分比目标应在0到100之间 (value {self.value} %)",
            )
            if self.baseline is not None and (self.baseline_unit or self.unit).strip() == "%":
                rules.check(
                    Decimal(0) <= self.baseline <= Decimal(100),
                    ("baseline",),
                    f"百分比基线应在0到100之间 (baseline {self.baseline} %)",
                )
        rules.raise_if_any()
        return self


class BudgetLine(StrictModel):
    """One line of a budget, in 元."""

    item: Text = Field(title="支出项目")
    amount: Amount = Field(title="金额（元）")
    source: Text | None = Field(default=None, title="资金来源")
    note: Text | None = Field(default=None, title="备注")


class Budget(StrictModel):
    """A budget: its lines, and optionally the declared total, which must equal their sum."""

    total: Amount | None = Field(default=None, title="合计（元）")
    lines: list[BudgetLine] = Field(default_factory=list, title="明细")
    note: Text | None = Field(default=None, title="说明")

    @property
    def computed_total(self) -> Decimal:
        """Sum of the lines (or the declared total when there are no lines)."""
        if not self.lines:
            return self.total or Decimal(0)
        return sum((line.amount for line in self.lines), Decimal(0))

    @model_validator(mode="after")
    def _total(self) -> Self:
        rules = Rules()
        if self.total is not None and self.lines:
            rules.check(
                self.total == self.computed_total,
                ("total",),
                f"预算合计与明细之和不符 (total {self.total} != sum of lines "
                f"{self.computed_total})",
            )
        rules.check(
            self.total is not None or bool(self.lines),
            ("lines",),
            "预算需填写合计或明细 (give a total or budget lines)",
        )
        rules.raise_if_any()
        return self


class Annex(StrictModel):
    """An attachment (附件): starts a new page; text, a table, or both."""

    title: Text = Field(title="附件标题")
    label: Text | None = Field(
        default=None,
        title="附件标识",
        description="The label as the document writes it (附1件, 附件二); printed exactly so. "
        "Empty: 附件1, 附件2 … (附件 when there is only one).",
    )
    paragraphs: list[Text] = Field(default_factory=list, title="段落")
    table: Table | None = Field(default=None, title="表格")
