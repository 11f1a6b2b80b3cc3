"""A promotion project's follow-up since designation (项目跟踪): status, results, what changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Self

from pydantic import Field, model_validator

from ..codes import CodedEnum
from .base import Loc, Rules, StrictModel, Text


class FollowUpStatus(CodedEnum):
    """项目跟踪状态: where a project stands at the re-assessment."""

    CONTINUING = 1, "持续实施"
    ROUTINE = 2, "已完成并转入常态", "常态化"
    ADJUSTED = 3, "已调整", "调整"
    ENDED = 4, "已终止", "终止"


class TargetFollowUp(StrictModel):
    """One original target followed up: the value now, against the target as first set.

    ``result`` is the value in the target's result unit (as a ledger or survey reports it);
    leave it empty for a target counted from the injury records, whose result is then counted
    in ``year`` (default: the records' last year)."""

    indicator: Text = Field(
        title="指标", description="The indicator exactly as written in the project's targets."
    )
    result: Decimal | None = Field(default=None, title="跟踪结果")
    year: int | None = Field(
        default=None, ge=1990, le=2100, title="结果年份", description="For record counts."
    )
    as_of: date | None = Field(default=None, title="统计截至")
    source: Text | None = Field(default=None, title="数据来源")
    note: Text | None = Field(default=None, title="说明")


class ProjectFollowUp(StrictModel):
    """项目跟踪: what became of a project since the designation."""

    status: FollowUpStatus = Field(title="跟踪状态")
    as_of: date = Field(title="跟踪截至日期")
    done: list[Text] = Field(
        min_length=1, title="命名以来实施情况", description="What was done since designation."
    )
    results: list[TargetFollowUp] = Field(
        default_factory=list,
        title="目标跟踪结果",
        description="One per original target, by its indicator.",
    )
    changes: list[Text] = Field(
        default_factory=list, title="调整与改进", description="What changed and why."
    )

    @model_validator(mode="after")
    def _unique(self) -> Self:
        rules = Rules()
        seen: dict[str, int] = {}
        for i, result in enumerate(self.results):
            first = seen.setdefault(result.indicator, i)
            rules.check(
                first == i,
                ("results", i, "indicator"),
                f"指标重复跟踪 ('{result.indicator}' is also results[{first}])",
            )
        rules.check(
            self.status is not FollowUpStatus.ADJUSTED or bool(self.changes),
            ("changes",),
            "项目已调整须说明调整内容 (status 已调整 needs changes)",
        )
        rules.raise_if_any()
        return self


def follow_up_problems(
    follow_up: ProjectFollowUp | None, indicators: Sequence[str], counted: Sequence[bool]
) -> list[tuple[Loc, str]]:
    """Problems between a follow-up and its project's targets: an indicator the project does not
    have, or a result left empty for a target not counted from the injury records.
    ``counted[i]`` says whether target ``indicators[i]`` is counted from the records."""
    if follow_up is None:
        return []
    found: list[tuple[Loc, str]] = []
    by_indicator = dict(zip(indicators, counted, strict=True))
    for i, result in enumerate(follow_up.results):
        loc: Loc = ("follow_up", "results", i)
        if result.indicator not in by_indicator:
            known = "、".join(indicators)
            found.append(
                ((*loc, "indicator"), f"项目没有此指标 ('{result.indicator}'; targets: {known})")
            )
        elif result.result is None and not by_indicator[result.indicator]:
            found.append(
                (
                    (*loc, "result"),
                    f"缺少跟踪结果 ('{result.indicator}' is not counted from the injury "
                    "records; give result)",
                )
            )
    return found
