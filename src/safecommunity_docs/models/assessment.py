"""A self-assessment (自评): per-item scores or part grades, evidence and notes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Self

from pydantic import Field, ValidationInfo, model_validator

from .base import Loc, Rules, StrictModel, Text
from .common import sealed_field
from .diagnosis import Survey
from .outcome import Activity
from .rubric import Rubric


class ItemScore(StrictModel):
    """The assessment of one rubric item: a score, part grades, or not applicable."""

    item: str = Field(title="指标编号")
    score: Decimal | None = Field(default=None, ge=0, title="得分")
    grades: dict[str, str] | None = Field(
        default=None, title="分项等级", description="Part name to grade letter, e.g. {有无: a}."
    )
    not_applicable: bool = Field(default=False, title="不适用")
    reason: Text | None = Field(default=None, title="不适用理由")
    deductions: Text | None = Field(default=None, title="扣分说明")
    improvement: Text | None = Field(
        default=None, title="整改措施", description="What will be done about the points lost."
    )
    evidence: list[Text] = Field(default_factory=list, title="证明材料")
    activities: list[Activity] = Field(
        default_factory=list,
        title="工作开展情况",
        description="What was done for the item, with 场次, 人次 and 投入; the work report "
        "narrates them.",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        rules = Rules()
        given = [self.score is not None, self.grades is not None, self.not_applicable]
        rules.check(
            sum(given) == 1,
            ("item",),
            f"每项须且只能填写得分、分项等级或不适用之一 (item {self.item} gives "
            f"{sum(given)} of score / grades / not_applicable)",
        )
        if self.not_applicable:
            rules.check(
                self.reason is not None,
                ("reason",),
                f"不适用须说明理由 (item {self.item} is not applicable without a reason)",
            )
        rules.raise_if_any()
        return self


class PreviousResult(StrictModel):
    """Last year's result, for the reapplication rule."""

    year: int = Field(ge=1990, le=2100, title="年度")
    total: Decimal = Field(ge=0, title="总分")
    verdict: str | None = Field(default=None, title="结论代码")


class Assessment(StrictModel):
    """A self-assessment against a rubric (by default the city rubric)."""

    rubric: str = Field(default="city", title="评分标准", description="Id of a shipped rubric.")
    rubric_version: str | None = Field(default=None, title="评分标准版本")
    assessor: Text = Field(title="评定人员")
    assessed_on: date = Field(title="评定日期")
    sealed: bool = sealed_field(False)
    year: int | None = Field(default=None, ge=1990, le=2100, title="考核年度")
    items: list[ItemScore] = Field(min_length=1, title="评分")
    previous: PreviousResult | None = Field(default=None, title="上年度结果")
    summary: list[Text] = Field(default_factory=list, title="自评总结")
    surveys: list[Survey] = Field(
        default_factory=list,
        title="效果评估调查",
        description="Surveys after the interventions; their results are compared with the "
        "diagnosis's surveys in the work report's 创建成效.",
    )

    @model_validator(mode="after")
    def _unique(self, info: ValidationInfo) -> Self:
        rules = Rules()
        rubrics = (info.context or {}).get("rubrics") if isinstance(info.context, dict) else None
        if rubrics is not None:
            rubric = rubrics.get(self.rubric)
            if rubric is None:
                rules.check(
                    False,
                    ("rubric",),
                    f"未知评分标准 (unknown rubric '{self.rubric}'; "
                    f"known: {', '.join(sorted(rubrics))})",
                )
            else:
                for loc, message in check_against(self, rubric):
                    rules.check(False, loc, message)
        seen: dict[str, int] = {}
        for i, entry in enumerate(self.items):
            first = seen.setdefault(entry.item, i)
            rules.check(
                first == i,
                ("items", i, "item"),
                f"指标重复评分 (item {entry.item} is also items[{first}])",
            )
        if self.previous is not None:
            year = self.year or self.assessed_on.year
            rules.check(
                self.previous.year < year,
                ("previous", "year"),
                f"上年度结果的年度应早于本次 ({self.previous.year} >= {year})",
            )
        rules.raise_if_any()
        return self


def check_against(assessment: Assessment, rubric: Rubric) -> list[tuple[Loc, str]]:
    """Return the problems of ``assessment`` against ``rubric``, each at its field path.

    Unknown item ids, scores above an item's points, grades the rubric does not define, parts
    missing or unknown, and not-applicable items where the rubric forbids them are all errors.
    """
    out: list[tuple[Loc, str]] = []
    if assessment.rubric not in rubric.ids:
        out.append(
            (
                ("rubric",),
                f"评分标准不符 (assessment names '{assessment.rubric}', rubric is '{rubric.id}')",
            )
        )
    if assessment.rubric_version is not None and assessment.rubric_version != rubric.version:
        out.append(
            (
                ("rubric_version",),
                f"评分标准版本不符 (assessment names "
                f"{assessment.rubric_version}, rubric is {rubric.version})",
            )
        )
    for i, entry in enumerate(assessment.items):
        item = rubric.item(entry.item)
        if item is None:
            out.append(
                (
                    ("items", i, "item"),
                    f"未知指标编号 (item '{entry.item}' is not in rubric '{rubric.id}')",
                )
            )
            continue
        if entry.not_applicable and rubric.not_applicable == "forbidden":
            out.append(
                (
                    ("items", i, "not_applicable"),
                    f"该评分标准不允许不适用项 (rubric '{rubric.id}' forbids N/A; item {item.id})",
                )
            )
        if entry.score is not None:
            if item.parts:
                out.append(
                    (
                        ("items", i, "score"),
                        f"该项按分项等级评分 (item {item.id} is graded "
                        f"by parts: {', '.join(p.name for p in item.parts)})",
                    )
                )
            elif entry.score > item.points:
                out.append(
                    (
                        ("items", i, "score"),
                        f"得分超过该项分值 (item {item.id}: score "
                        f"{entry.score} > {item.points} points)",
                    )
                )
        if entry.grades is not None:
            names = [p.name for p in item.parts]
            if not names:
                out.append(
                    (
                        ("items", i, "grades"),
                        f"该项没有分项，应填写得分 (item {item.id} has no parts; give a score)",
                    )
                )
                continue
            for part, letter in entry.grades.items():
                if part not in names:
                    out.append(
                        (
                            ("items", i, "grades", part),
                            f"未知分项 (item {item.id} has parts {', '.join(names)})",
                        )
                    )
                elif letter not in rubric.grades:
                    out.append(
                        (
                            ("items", i, "grades", part),
                            f"未定义的等级 (grade '{letter}'; rubric defines "
                            f"{', '.join(rubric.grades)})",
                        )
                    )
            missing = [n for n in names if n not in entry.grades]
            if missing:
                out.append(
                    (
                        ("items", i, "grades"),
                        f"缺少分项等级 (item {item.id} needs grades for {', '.join(missing)})",
                    )
                )
    return out
