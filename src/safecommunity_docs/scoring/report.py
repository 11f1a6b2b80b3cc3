"""The result of scoring an assessment: totals, element subtotals, verdict, vetoes, priorities."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    import pandas as pd


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Verdict(_Result):
    """The verdict band the total falls in (after vetoes and the reapplication rule)."""

    code: str
    label: str
    next_step: str


class Veto(_Result):
    """Why the verdict differs from the total's band: a zero item or a second shortfall."""

    kind: Literal["item-zero", "reapplication"]
    verdict: str = Field(description="The band code the rule imposes.")
    items: tuple[str, ...] = Field(default=(), description="Item ids at zero (item-zero).")
    previous_year: int | None = None
    previous_total: Decimal | None = None
    message: str


class ItemResult(_Result):
    """One rubric item as scored."""

    id: str
    element_id: str
    text: str
    max: Decimal = Field(description="The item's points.")
    score: Decimal | None = Field(description="Exact points earned; None when N/A.")
    not_applicable: bool = False
    scored: bool = Field(True, description="False when the assessment did not score the item.")
    grades: dict[str, str] | None = None
    deductions: str | None = None
    improvement: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def lost(self) -> Decimal:
        """Points lost on the item (0 for N/A)."""
        return Decimal(0) if self.score is None else self.max - self.score


class ElementResult(_Result):
    """One element (一级指标): exact subtotal, maximum and percentage."""

    id: str
    title: str
    score: Decimal = Field(description="Exact sum of the element's scored items.")
    max: Decimal = Field(description="Points of the element's applicable items.")
    percent: Decimal = Field(description="score / max × 100, rounded to one decimal.")


class ScoreReport(_Result):
    """Everything :func:`~safecommunity_docs.score` computed for one assessment."""

    rubric_id: str
    rubric_version: str
    scale: Decimal
    raw_total: Decimal = Field(description="Exact sum of the item scores, before rescaling.")
    applicable_max: Decimal = Field(description="Points of the applicable (not N/A) items.")
    total: Decimal = Field(
        description="Final total: rescaled to the scale if items were N/A, "
        "rounded once with the rubric's rounding."
    )
    verdict: Verdict
    band: Verdict = Field(description="The band of the total alone, before vetoes/reapplication.")
    vetoes: tuple[Veto, ...] = ()
    elements: tuple[ElementResult, ...]
    items: tuple[ItemResult, ...]
    priorities: tuple[ItemResult, ...] = Field(description="Items with the most points lost.")
    warnings: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        from ..display.html import score_html

        return score_html(self)

    def to_pandas(self, level: Literal["items", "elements"] = "items") -> pd.DataFrame:
        """The scored items (or, with ``level="elements"``, the elements) as a DataFrame;
        needs pandas (``pip install 'safecommunity-docs[pandas]'``)."""
        from ..display.frames import score_frame

        return score_frame(self, level)
