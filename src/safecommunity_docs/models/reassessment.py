"""A re-assessment (复评) of a community that holds the title: the designation, the
continued-improvement report's own texts, and the field assessment with its rectification items."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Self

from pydantic import Field, ValidationInfo, model_validator

from ..codes import CodedEnum, TargetLevel
from .base import Rules, StrictModel, Text
from .common import sealed_field


class Designation(StrictModel):
    """命名情况: the title the community holds."""

    level: TargetLevel = Field(title="命名级别")
    title: Text = Field(title="命名称号", description="e.g. 全国安全社区.")
    designated_on: date = Field(title="命名日期")
    issued_by: Text = Field(title="命名单位", description="e.g. 中国职业安全健康协会.")
    document_no: Text | None = Field(
        default=None, title="命名文号", description="e.g. 〔2023〕12号 with its prefix."
    )
    certificate_no: Text | None = Field(default=None, title="证书编号")
    valid_years: int = Field(default=3, ge=1, le=10, title="有效期（年）")

    @property
    def expires_on(self) -> date:
        """The last day of the title's validity (the day before its anniversary)."""
        day = self.designated_on
        year = day.year + self.valid_years
        try:
            anniversary = day.replace(year=year)
        except ValueError:  # 29 February
            anniversary = day.replace(year=year, day=28)
        return date.fromordinal(anniversary.toordinal() - 1)


class RectificationStatus(CodedEnum):
    """整改状态."""

    NOT_STARTED = 1, "未开始"
    ONGOING = 2, "整改中", "进行中"
    DONE = 3, "已完成", "完成"


class RectificationItem(StrictModel):
    """One point lost or problem found in the field, and what is done about it."""

    item: str | None = Field(
        default=None, title="评定表指标", description="The rubric item id, e.g. 9.2."
    )
    lost: Decimal | None = Field(default=None, ge=0, title="失分")
    problem: Text = Field(title="存在问题")
    measure: Text = Field(title="整改措施")
    responsible: Text = Field(title="责任单位")
    deadline: date = Field(title="完成时限")
    status: RectificationStatus = Field(default=RectificationStatus.NOT_STARTED, title="整改状态")
    completed_on: date | None = Field(default=None, title="完成日期")
    evidence: list[Text] = Field(default_factory=list, title="整改佐证材料")

    @model_validator(mode="after")
    def _completion(self) -> Self:
        rules = Rules()
        done = self.status is RectificationStatus.DONE
        rules.check(
            done or self.completed_on is None,
            ("completed_on",),
            f"未完成的整改事项不应填写完成日期 (status {self.status.label})",
        )
        rules.raise_if_any()
        return self


class FieldAssessment(StrictModel):
    """现场评定: the assessors' total in the field, and the rectification it calls for."""

    rubric: str = Field(
        default="national-field", title="评分标准", description="Id of a shipped rubric."
    )
    assessed_on: date = Field(title="现场评定日期")
    assessed_by: Text = Field(title="评定组/评定机构")
    total: Decimal = Field(ge=0, title="现场评定得分")
    deadline: date | None = Field(default=None, title="整改期限")
    items: list[RectificationItem] = Field(
        default_factory=list, title="整改事项", description="One per point lost or problem."
    )
    author: Text | None = Field(
        default=None, title="整改报告落款单位", description="Default: the re-assessment's author."
    )
    report_date: date | None = Field(
        default=None, title="整改报告成文日期", description="Default: the re-assessment's date."
    )
    summary: list[Text] = Field(
        default_factory=list, title="整改工作概述", description="Paragraphs before the items."
    )

    @model_validator(mode="after")
    def _against_rubric(self, info: ValidationInfo) -> Self:
        rules = Rules()
        context: Any = info.context
        rubrics = context.get("rubrics") if isinstance(context, dict) else None
        if rubrics is not None:
            rubric = rubrics.get(self.rubric)
            if rubric is None:
                rules.check(
                    False,
                    ("rubric",),
                    f"未知评分标准 (unknown rubric '{self.rubric}'; known: "
                    f"{', '.join(sorted(rubrics))})",
                )
            else:
                rules.check(
                    self.total <= rubric.scale,
                    ("total",),
                    f"得分超过满分 ({self.total} > {rubric.scale})",
                )
                for i, entry in enumerate(self.items):
                    rules.check(
                        entry.item is None or rubric.item(entry.item) is not None,
                        ("items", i, "item"),
                        f"评分标准中没有此指标 (item '{entry.item}' is not in {self.rubric})",
                    )
        for i, entry in enumerate(self.items):
            rules.check(
                entry.deadline >= self.assessed_on,
                ("items", i, "deadline"),
                f"完成时限早于现场评定日期 ({entry.deadline} < {self.assessed_on})",
            )
        rules.raise_if_any()
        return self


class Reassessment(StrictModel):
    """复评: the continued-improvement report (持续改进报告) of a community holding the title.

    The report adds, from the rest of the dossier, each project's follow-up against its
    original targets and the injury data by year since before the designation; ``work``,
    ``problems`` and ``next_steps`` are the author's own paragraphs.
    """

    designation: Designation = Field(title="命名情况")
    author: Text = Field(title="落款单位")
    report_date: date = Field(title="成文日期")
    sealed: bool = sealed_field(False)
    title: Text | None = Field(
        default=None,
        title="标题",
        description="Default: {community}安全社区持续改进报告（{designation year}—{year}年）.",
    )
    work: list[Text] = Field(
        min_length=1, title="命名以来主要工作", description="Paragraphs on the work since."
    )
    problems: list[Text] = Field(default_factory=list, title="存在的问题")
    next_steps: list[Text] = Field(min_length=1, title="下一步工作")
    field_assessment: FieldAssessment | None = Field(default=None, title="现场评定")
