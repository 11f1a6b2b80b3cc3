"""The rectification report (整改报告) of a field assessment in the rectify band: the field
result, one item per point lost or problem (measure, responsible unit, deadline, status) and
how far the rectification has come."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..models.community import Community
from ..models.reassessment import FieldAssessment, Reassessment, RectificationStatus
from ..models.rubric import Rubric
from ..scoring.field import FieldResult
from .builder import BlockBuilder, sentence
from .document import DocumentView, TableView
from .format import fmt_date, fmt_plain
from .results import NONE
from .signoff import add_signoff


def rectification_title(community: Community) -> str:
    """「清河街道安全社区复评现场评定整改报告」."""
    return f"{community.name}安全社区复评现场评定整改报告"


def _signed(field: FieldAssessment, reassessment: Reassessment) -> tuple[str, date]:
    return field.author or reassessment.author, field.report_date or reassessment.report_date


def _status_text(field: FieldAssessment, day: date) -> str:
    counts = {s: sum(1 for i in field.items if i.status is s) for s in RectificationStatus}
    parts = [f"{s.label}{n}项" for s, n in counts.items() if n]
    overdue = sum(
        1 for i in field.items if i.status is not RectificationStatus.DONE and i.deadline < day
    )
    text = f"截至{fmt_date(day)}，" + "，".join(parts)
    if overdue:
        text += f"，其中{overdue}项已超过完成时限"
    return text + "。"


def _rows(field: FieldAssessment, lost: bool) -> tuple[tuple[str, ...], ...]:
    """One row per item; the 失分 column only when an item states its points lost."""
    rows = []
    for n, item in enumerate(field.items, start=1):
        status = item.status.label
        if item.completed_on is not None:
            status += f"\n{fmt_date(item.completed_on)}"
        points = (NONE if item.lost is None else fmt_plain(item.lost),) if lost else ()
        rows.append(
            (
                str(n),
                item.item or NONE,
                *points,
                item.problem,
                item.measure,
                item.responsible,
                fmt_date(item.deadline),
                status,
            )
        )
    return tuple(rows)


def rectification_view(
    field: FieldAssessment,
    reassessment: Reassessment,
    community: Community,
    rubric: Rubric,
    result: FieldResult,
) -> DocumentView:
    """Build the 整改报告: 一、现场评定情况 (date, assessors, total against the rubric's scale,
    band and its next step, the deadline), 二、整改事项及完成情况 (one row per item with its
    measure, responsible unit, deadline and status; the items' evidence below), signed by the
    field assessment's author (default: the re-assessment's)."""
    author, day = _signed(field, reassessment)
    b = BlockBuilder()
    b.h1("现场评定情况")
    text = (
        f"{fmt_date(field.assessed_on)}，{field.assessed_by}对{community.name}"
        f"“{reassessment.designation.title}”开展复评现场评定。对照《{rubric.title}》，"
        f"现场评定得分{fmt_plain(result.total)}分（满分{fmt_plain(result.scale)}分），"
        f"失分{fmt_plain(result.lost)}分，评定结论为“{result.band.label}”。"
        f"{sentence(result.band.next_step)}"
    )
    if field.deadline is not None:
        text += f"整改期限至{fmt_date(field.deadline)}。"
    b.p(text)
    b.paragraphs([sentence(t) for t in field.summary])
    b.h1("整改事项及完成情况")
    if not field.items:
        b.p("现场评定未列出整改事项。")
    else:
        stated = any(i.lost is not None for i in field.items)
        lost = f"，涉及失分{fmt_plain(result.items_lost)}分" if stated else ""
        columns = ("序号", "指标", *(("失分",) if stated else ()), "存在问题", "整改措施")
        align: tuple[Literal["left", "center", "right"], ...] = (
            "center",
            "center",
            *(("right",) if stated else ()),
            "left",
            "left",
            "left",
            "center",
            "center",
        )
        b.p(
            f"现场评定指出的问题共{len(field.items)}项{lost}，已逐项明确整改措施、责任单位和"
            f"完成时限。{_status_text(field, day)}各项整改情况见表{b.next_table}。"
        )
        b.table(
            "复评现场评定问题整改情况",
            TableView(
                columns=(*columns, "责任单位", "完成时限", "状态"),
                rows=_rows(field, stated),
                align=align,
            ),
        )
        evidence = [(n, i) for n, i in enumerate(field.items, start=1) if i.evidence]
        if evidence:
            b.p("整改佐证材料：")
            for n, item in evidence:
                b.p(f"第{n}项：{'；'.join(item.evidence)}。")
    add_signoff(b, [author], day, sealed=reassessment.sealed)
    return DocumentView(
        title=rectification_title(community),
        subtitle="",
        blocks=tuple(b.blocks),
        author=author,
        document_date=day,
        subject="安全社区复评整改报告",
        keywords=("安全社区", "复评", "整改报告", community.name),
    )
