"""Rules of a re-assessment (复评) dossier: three years of data, a designation in the past,
every project followed up, and a rectification that fits its field assessment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ...analysis.follow_up import untracked_targets
from ...analysis.rates import years_covered
from ...models.reassessment import FieldAssessment, RectificationStatus
from ...models.rubric import Rubric
from ...rubrics import shipped_rubric
from ...scoring.field import field_result
from ..context import Context
from ..findings import Severity
from ..rule import Hit, rule

E, W = Severity.ERROR, Severity.WARNING
DESIGNATED_ON = "reassessment.designation.designated_on"
FIELD = "reassessment.field_assessment"


def _field(ctx: Context) -> tuple[FieldAssessment, Rubric] | None:
    """The re-assessment's field assessment with its shipped rubric, if both are there."""
    reassessment = ctx.dossier.reassessment
    field = reassessment.field_assessment if reassessment else None
    rubric = shipped_rubric(field.rubric) if field else None
    return (field, rubric) if field is not None and rubric is not None else None


@rule(
    "SC-E9-021",
    E,
    "复评材料的伤害监测数据少于三年",
    "A re-assessment dossier holds injury records of fewer than three calendar years.",
    "复评: 三年及以上伤害数据",
)
def reassessment_years(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.reassessment is None:
        return
    years = years_covered(ctx.dossier.injury_records)
    needed = ctx.options.recommended_data_years
    if years < needed:
        yield Hit("injury_records", f"{years} year(s) of records; a 复评 needs {needed}")


@rule(
    "SC-E12-021",
    E,
    "命名日期晚于今天或复评材料日期",
    "The designation date is in the future (after today or after the re-assessment's report).",
    "复评: 命名文件",
)
def designation_in_future(ctx: Context) -> Iterator[Hit]:
    reassessment = ctx.dossier.reassessment
    if reassessment is None:
        return
    designated = reassessment.designation.designated_on
    today = date.today()
    if designated > today:
        yield Hit(DESIGNATED_ON, f"designated {designated}, today {today}")
    elif designated > reassessment.report_date:
        yield Hit(DESIGNATED_ON, f"designated {designated}, report {reassessment.report_date}")


@rule(
    "SC-E5-021",
    E,
    "复评材料中安全促进项目没有跟踪情况",
    "A project of a re-assessment dossier has no follow-up (status, results, what changed).",
    "复评: 项目跟踪; AQ/T 9001 §5 持续改进",
)
def project_without_follow_up(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.reassessment is None:
        return
    for i, project in enumerate(ctx.dossier.projects):
        if project.follow_up is None:
            yield Hit(f"projects[{i}].follow_up", f"project '{project.id}' has no follow-up")


@rule(
    "SC-E5-022",
    W,
    "项目跟踪未覆盖全部原定目标",
    "A project's follow-up leaves some of its original targets without a result.",
    "复评: 项目跟踪对照原定目标",
)
def untracked(ctx: Context) -> Iterator[Hit]:
    for i, project in enumerate(ctx.dossier.projects):
        for k in untracked_targets(project):
            yield Hit(
                f"projects[{i}].targets[{k}]",
                f"'{project.targets[k].indicator}' has no follow-up result",
            )


@rule(
    "SC-E12-022",
    E,
    "现场评定处于整改区间但没有整改事项",
    "The field score falls in the rubric's rectify band but no rectification item is listed.",
    "现场评定表: 75—100分限期整改; 整改报告",
)
def rectify_without_items(ctx: Context) -> Iterator[Hit]:
    found = _field(ctx)
    if found is None:
        return
    field, rubric = found
    result = field_result(field, rubric)
    if result.rectify and not field.items:
        yield Hit(f"{FIELD}.items", f"total {field.total}: {result.band.label}, no items")


@rule(
    "SC-E12-023",
    W,
    "整改事项失分合计与现场评定失分不符",
    "The points lost stated on the rectification items do not add up to the points lost in "
    "the field.",
    "整改报告: 一项失分一条整改",
)
def lost_points(ctx: Context) -> Iterator[Hit]:
    found = _field(ctx)
    if found is None or not any(i.lost is not None for i in found[0].items):
        return
    field, rubric = found
    result = field_result(field, rubric)
    if result.items_lost != result.lost:
        yield Hit(
            f"{FIELD}.items",
            f"items lose {result.items_lost}; field total {field.total} of {result.scale} "
            f"loses {result.lost}",
        )


@rule(
    "SC-E12-024",
    W,
    "整改事项超过完成时限仍未完成",
    "A rectification item is not done although its deadline is before the report's date.",
    "整改报告: 限期整改",
)
def overdue(ctx: Context) -> Iterator[Hit]:
    reassessment = ctx.dossier.reassessment
    field = reassessment.field_assessment if reassessment else None
    if reassessment is None or field is None:
        return
    day = field.report_date or reassessment.report_date
    for i, item in enumerate(field.items):
        if item.status is not RectificationStatus.DONE and item.deadline < day:
            yield Hit(
                f"{FIELD}.items[{i}].status",
                f"{item.status.label}, deadline {item.deadline}, report {day}",
            )


@rule(
    "SC-E12-025",
    W,
    "整改事项完成时限晚于整改期限",
    "A rectification item's deadline is later than the deadline the field assessment set.",
    "现场评定: 限期整改",
)
def beyond_deadline(ctx: Context) -> Iterator[Hit]:
    reassessment = ctx.dossier.reassessment
    field = reassessment.field_assessment if reassessment else None
    if field is None or field.deadline is None:
        return
    for i, item in enumerate(field.items):
        if item.deadline > field.deadline:
            yield Hit(
                f"{FIELD}.items[{i}].deadline",
                f"deadline {item.deadline} is after the field deadline {field.deadline}",
            )
