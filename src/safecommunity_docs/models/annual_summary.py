"""The year's summary of the creation work (安全社区建设年度工作总结)."""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import Field, model_validator

from .base import Rules, StrictModel, Text
from .common import sealed_field


class AnnualSummary(StrictModel):
    """年度工作总结: what was done in ``year`` and what comes next.

    The document adds, from the rest of the dossier, the projects' progress (their measures by
    status) and the injury trend by year from the injury records; ``work`` and ``next_year``
    are the author's own paragraphs.
    """

    year: int = Field(ge=2000, le=2100, title="年度")
    author: Text = Field(title="落款单位", description="e.g. 清河街道安全社区促进委员会办公室.")
    report_date: date = Field(title="成文日期")
    sealed: bool = sealed_field(False)
    title: Text | None = Field(
        default=None,
        title="标题",
        description="Default: {community}{year}年度安全社区建设工作总结.",
    )
    work: list[Text] = Field(
        min_length=1, title="年度主要工作", description="Paragraphs on the year's work."
    )
    problems: list[Text] = Field(default_factory=list, title="存在的不足")
    next_year: list[Text] = Field(
        min_length=1, title="下一年度工作打算", description="One item per planned task."
    )

    @model_validator(mode="after")
    def _dated_after_the_year(self) -> Self:
        rules = Rules()
        rules.check(
            self.report_date.year >= self.year,
            ("report_date",),
            f"成文日期早于总结年度 (report_date {self.report_date} is before the year {self.year})",
        )
        rules.raise_if_any()
        return self
