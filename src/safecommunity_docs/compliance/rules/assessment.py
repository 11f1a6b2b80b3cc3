"""Rules on the self-assessment and its score (elements 10 and 12)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...codes import TargetLevel
from ..context import Context
from ..findings import Severity
from ..rule import Hit, rule
from ..textfacts import asks_for_title, number

E, W = Severity.ERROR, Severity.WARNING


@rule(
    "SC-E12-001",
    E,
    "缺少自评",
    "The dossier has no self-assessment.",
    "AQ/T 9001 §12 评审与持续改进; 自评表",
)
def no_assessment(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.assessment is None:
        yield Hit("assessment", "no assessment.yaml")


@rule(
    "SC-E12-002",
    E,
    "评分标准中的指标未评分",
    "A rubric item is neither scored nor marked N/A.",
    "评分标准（自评表）: every item scored or N/A with a reason",
)
def unscored(ctx: Context) -> Iterator[Hit]:
    if ctx.score is None:
        return
    for item in ctx.score.items:
        if not item.scored:
            yield Hit("assessment.items", f"item {item.id} ({item.text}) is not scored")


@rule(
    "SC-E12-003",
    W,
    "失分项未说明扣分原因",
    "Points were lost on an item without a deduction note.",
    "自评表 扣分说明",
)
def lost_without_reason(ctx: Context) -> Iterator[Hit]:
    assessment = ctx.dossier.assessment
    if ctx.score is None or assessment is None:
        return
    lost = {item.id for item in ctx.score.items if item.scored and item.lost > 0}
    for i, entry in enumerate(assessment.items):
        if entry.item in lost and entry.deductions is None:
            yield Hit(f"assessment.items[{i}].deductions", f"item {entry.item} lost points")


def _title_request(ctx: Context) -> str | None:
    """The path of the application's text that asks to be named a safe community, if any.

    Only what the application itself says counts: its title and body. Without a body the
    standard letter is written, which asks for the title only when the score reaches it.
    """
    application = ctx.dossier.application
    if application is None or not application.body:
        return None
    texts = [("application.title", application.title or "")]
    texts += [(f"application.body[{i}]", text) for i, text in enumerate(application.body)]
    return next((path for path, text in texts if asks_for_title(text)), None)


@rule(
    "SC-E12-004",
    E,
    "申请书申请的评定与自评结论不符",
    "The application asks to be named a safe community of a level the score's verdict does not "
    "reach (rather than for its creation work to be assessed), and it is not a re-assessment.",
    "评分标准 结论区间; 评定管理办法",
)
def level_not_reached(ctx: Context) -> Iterator[Hit]:
    if ctx.score is None or ctx.rubric is None:
        return
    assessment = ctx.dossier.assessment
    if assessment is not None and assessment.previous is not None:
        return  # a 复评: the previous assessment is on record
    top = next(b for b in ctx.rubric.bands if b.max is None)
    path = _title_request(ctx)
    if ctx.score.verdict.code != top.code and path is not None:
        level = ctx.dossier.community.target_level.label
        yield Hit(
            path,
            f"asks for the {level} title; total {ctx.score.total}, verdict "
            f"{ctx.score.verdict.label} (needs {top.label})",
        )


TOTAL_QUOTE = re.compile(r"(?:自评|评定|评估)?总?得?分(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分")


@rule(
    "SC-E12-005",
    E,
    "文中引用的自评总分与评分结果不符",
    "A total score quoted in the text differs from the computed total.",
    "自评报告; one set of numbers across documents",
)
def quoted_total(ctx: Context) -> Iterator[Hit]:
    if ctx.score is None:
        return
    for path, text in ctx.texts("application", "assessment", "community"):
        for match in TOTAL_QUOTE.finditer(text):
            if "总分" not in match.group(0) and "自评" not in match.group(0):
                continue
            value = number(match.group(1))
            if value is not None and value != ctx.score.total and value <= ctx.score.scale:
                yield Hit(path, f"text says {match.group(0)}; computed total {ctx.score.total}")


@rule(
    "SC-E12-006",
    E,
    "自评无法按评分标准计分",
    "The assessment cannot be scored against its rubric.",
    "评分标准（自评表）",
)
def unscorable(ctx: Context) -> Iterator[Hit]:
    if ctx.score_problem is not None:
        yield Hit("assessment.rubric", ctx.score_problem)


@rule(
    "SC-E12-007",
    W,
    "国家级申报未采用国家级现场评定表自评",
    "A national application is self-assessed "
    "against a rubric other than the national field scorecard.",
    "全国安全社区现场评定表(暂行)",
)
def national_rubric(ctx: Context) -> Iterator[Hit]:
    assessment = ctx.dossier.assessment
    level = ctx.dossier.community.target_level
    if assessment is None or level is not TargetLevel.NATIONAL:
        return
    if assessment.rubric != "national-field":
        yield Hit("assessment.rubric", f"rubric {assessment.rubric}, level {level.label}")


@rule(
    "SC-E10-001",
    W,
    "要素没有任何证明材料",
    "An element of the rubric has no evidence on any item.",
    "AQ/T 9001 §10 安全社区创建档案",
)
def element_without_evidence(ctx: Context) -> Iterator[Hit]:
    if ctx.score is None:
        return
    for element in ctx.score.elements:
        items = [i for i in ctx.score.items if i.element_id == element.id]
        if not any(i.evidence for i in items):
            yield Hit("assessment.items", f"element {element.id} {element.title}")
