"""The work report (安全社区建设工作报告) view: 概况, work element by element, result, next steps."""

from __future__ import annotations

from ..analysis.outcomes import Outcomes
from ..analysis.rounding import largest_remainder, percent
from ..models.assessment import ItemScore
from ..models.community import AgeBand, Community, Facilities
from ..models.dossier import Dossier
from ..models.rubric import Rubric
from ..rubrics import pack_for
from ..scoring import ScoreReport
from ..scoring.report import ItemResult
from .archive_index import archive_parts
from .builder import BlockBuilder, sentence
from .document import DocumentView
from .dossier import issuing_body, report_date
from .format import (
    fmt_date,
    fmt_number,
    fmt_percent,
    fmt_span,
)
from .results import write_results
from .self_assessment import DEFAULT_IMPROVEMENT, fmt_points, verdict_sentence
from .signoff import add_signoff
from .work_report_elements import write_element
from .work_report_facts import SUB_UNIT_LABELS, list_points

"""What a community's sub-units are called, by community type."""

FACILITY_LABELS: tuple[tuple[str, str, str], ...] = (
    ("enterprises", "企业", "家"),
    ("schools", "中小学", "所"),
    ("kindergartens", "幼儿园", "所"),
    ("medical_institutions", "医疗机构", "家"),
    ("public_venues", "公共场所", "处"),
    ("hazardous_chemical_units", "危险化学品单位", "家"),
)
"""Facilities field, label and measure word, in the order the report lists them."""

"""How the count of measures in each state is written, in the order the report gives them."""


def work_report_title(community: Community) -> str:
    """Return the report's title, e.g. 清河街道安全社区建设工作报告."""
    return f"{community.name}安全社区建设工作报告"


def _share(part: int, whole: int) -> str:
    return fmt_percent(percent(part, whole))


# 一、基本概况


def _location(b: BlockBuilder, community: Community) -> None:
    b.h2("位置面积")
    b.paragraphs(community.location)
    area = fmt_number(community.area_km2.normalize())
    text = f"{community.name}隶属{community.parent_jurisdiction}，辖区面积{area}平方公里"
    if community.sub_units:
        label = SUB_UNIT_LABELS[community.type]
        text += f"，下辖{len(community.sub_units)}个{label}：{'、'.join(community.sub_units)}"
    text += "。"
    if community.address:
        text += f"地址为{community.address}。"
    b.p(text)


def _band_label(band: AgeBand) -> str:
    return fmt_span(band.from_age, band.to_age, "岁")


def _population(b: BlockBuilder, community: Community) -> None:
    b.h2("人口")
    pop = community.population
    total = pop.total
    text = (
        f"{community.name}共有{fmt_number(community.households)}户，常住人口"
        f"{fmt_number(total)}人，其中男性{fmt_number(pop.male)}人、女性{fmt_number(pop.female)}人。"
    )
    if pop.registered is not None:
        text += f"户籍人口{fmt_number(pop.registered)}人。"
    if pop.migrant:
        text += f"流动人口{fmt_number(pop.migrant)}人，占常住人口的{_share(pop.migrant, total)}。"
    if pop.disabled is not None:
        text += f"残疾人{fmt_number(pop.disabled)}人，占常住人口的{_share(pop.disabled, total)}。"
    b.p(text)
    bands = pop.age_bands
    if not bands:
        return
    shares = largest_remainder([band.total for band in bands])
    parts = [
        f"{_band_label(band)}{fmt_number(band.total)}人，占{fmt_percent(share)}"
        for band, share in zip(bands, shares, strict=True)
    ]
    text = "从年龄结构看，" + "；".join(parts) + "。"
    groups = []
    if any(band.to_age == 14 for band in bands):
        children = sum(
            band.total for band in bands if band.to_age is not None and band.to_age <= 14
        )
        groups.append(
            f"{fmt_span(0, 14, '岁')}少年儿童{fmt_number(children)}人，占{_share(children, total)}"
        )
    if any(band.from_age == 60 for band in bands):
        older = sum(band.total for band in bands if band.from_age >= 60)
        groups.append(f"60岁及以上老年人{fmt_number(older)}人，占{_share(older, total)}")
    if groups:
        text += "其中" + "；".join(groups) + "。"
    b.p(text)


def _facilities(b: BlockBuilder, facilities: Facilities) -> None:
    counts = [
        f"{label}{fmt_number(getattr(facilities, name))}{word}"
        for name, label, word in FACILITY_LABELS
        if getattr(facilities, name)
    ]
    if not counts:
        return
    b.h2("单位构成")
    b.p(f"辖区内有{'、'.join(counts)}。")


def _history(b: BlockBuilder, community: Community) -> None:
    b.h2("创建历程和荣誉")
    if community.history:
        b.paragraphs(community.history)
    else:
        b.p(
            f"{community.name}于{fmt_date(community.creation_start)}启动"
            f"{community.target_level.label}安全社区创建工作。"
        )
    if not community.honors:
        return
    b.p(f"近年来，{community.name}先后获得以下荣誉：")
    texts = [
        f"{honor.year}年 {honor.title}" + (f"（{honor.awarded_by}）" if honor.awarded_by else "")
        for honor in community.honors
    ]
    list_points(b, texts)


def _overview(b: BlockBuilder, community: Community) -> None:
    b.h1("基本概况")
    _location(b, community)
    _population(b, community)
    _facilities(b, community.facilities)
    if community.safety_features:
        b.h2("安全特征和难点")
        b.paragraphs(community.safety_features)
    _history(b, community)


# 二、对照《安全社区建设基本要求》开展的工作 (the standard of the dossier's jurisdiction pack): what
# the dossier says element by element


def _elements(b: BlockBuilder, dossier: Dossier, rubric: Rubric) -> None:
    b.h1(f"对照《{pack_for(dossier).standard.title}》开展的工作")
    items = sum(len(e.items) for e in rubric.elements)
    b.p(
        f"{dossier.community.name}对照《{rubric.title}》的{len(rubric.elements)}项一级指标、"
        f"{items}项二级指标逐项开展创建工作，情况如下。"
    )
    entries = {e.item: e for e in dossier.assessment.items} if dossier.assessment else {}
    parts = archive_parts(rubric, dossier.assessment)
    for element, part in zip(rubric.elements, parts, strict=True):
        b.h2(element.title)
        write_element(b, element, dossier, entries, part)


# 三、自评结果 and 四、存在的问题和下一步打算


def _result(b: BlockBuilder, dossier: Dossier, rubric: Rubric, report: ScoreReport) -> None:
    assessment = dossier.assessment
    assert assessment is not None
    name = dossier.community.name
    b.h1("自评结果")
    b.p(
        f"{assessment.assessor}于{fmt_date(assessment.assessed_on)}对照《{rubric.title}》"
        f"（{rubric.version}版）逐项开展了自评。{verdict_sentence(report, rubric, name)}"
    )
    b.p(sentence(report.verdict.next_step))
    b.paragraphs([sentence(text) for text in assessment.summary])


def _shortfalls(report: ScoreReport, improved: set[str]) -> list[ItemResult]:
    """Items that lost points or carry a deduction note: the priorities first, then rubric order."""
    shown = [item for item in report.priorities if not item.not_applicable]
    ids = {item.id for item in shown}
    rest = [
        item
        for item in report.items
        if item.id not in ids
        and not item.not_applicable
        and (item.lost > 0 or not item.scored or item.deductions or item.id in improved)
    ]
    return shown + rest


def _next_steps(b: BlockBuilder, report: ScoreReport, entries: dict[str, ItemScore]) -> None:
    b.h1("存在的问题和下一步打算")
    improvements = {e.item: e.improvement for e in entries.values() if e.improvement}
    items = _shortfalls(report, set(improvements))
    if not items:
        b.p("本次自评各项二级指标均未失分。")
        b.p(sentence(report.verdict.next_step))
        return
    b.h2("存在的问题")
    for n, item in enumerate(items, start=1):
        text = f"{n}.二级指标{item.id}失分{fmt_points(item.lost)}分"
        if not item.scored:
            text += "，该项未评分，按0分计。"
        elif item.deductions:
            text += f"：{sentence(item.deductions)}"
        else:
            text += "。"
        b.p(text)
    b.h2("下一步打算")
    planned = [item for item in items if item.id in improvements]
    for n, item in enumerate(planned, start=1):
        b.p(f"{n}.二级指标{item.id}：{sentence(improvements[item.id])}")
    rest = [item.id for item in items if item.id not in improvements]
    if rest:
        head = "对其余失分项" if planned else "对以上失分项"
        b.p(f"{head}（二级指标{'、'.join(rest)}），{DEFAULT_IMPROVEMENT}")


def work_report_view(
    dossier: Dossier,
    rubric: Rubric,
    report: ScoreReport | None,
    outcomes: Outcomes | None = None,
) -> DocumentView:
    """Build the work report view of a dossier.

    Part 1 (基本概况) describes the community from its profile; part 2 takes every element of
    ``rubric`` (the assessment's; the kind passes the city rubric without one), gives what the dossier
    records for it (organisation, diagnosis, plan targets, projects, emergency measures, injury
    records), the work done with its quantities (the assessment's activities) and names the
    evidence briefly (the full list is the 档案目录); part 3 (创建成效, with ``outcomes``) gives
    the injury trend and every target's result; then the self-assessment result and the
    shortfalls with their improvements. ``report`` is the
    assessment's score against ``rubric`` (None without an assessment). What each element
    states comes from the rubric data: the facts its items name (``facts:``). The work plan's
    issuing body signs it on the assessment date.
    """
    community = dossier.community
    result = (rubric, report) if report is not None and dossier.assessment is not None else None
    b = BlockBuilder()
    _overview(b, community)
    _elements(b, dossier, rubric)
    if outcomes is not None:
        write_results(b, outcomes, dossier)
    if result is not None:
        _result(b, dossier, *result)
        assert dossier.assessment is not None
        _next_steps(b, result[1], {e.item: e for e in dossier.assessment.items})
    else:
        b.h1("自评结果")
        b.p(f"{community.name}尚未开展自评。")
    signer = issuing_body(dossier)
    when = report_date(dossier)
    # Handed in with the 申请书 by the same body: laid out like it (sealed by default).
    sealed = dossier.application.sealed if dossier.application is not None else True
    add_signoff(b, [signer], when, sealed=sealed)
    return DocumentView(
        title=work_report_title(community),
        subtitle="",
        blocks=tuple(b.blocks),
        author=signer,
        document_date=when,
        subject="安全社区建设工作报告",
        keywords=("安全社区", "工作报告", community.name),
    )


__all__ = [
    "issuing_body",
    "report_date",
    "work_report_title",
    "work_report_view",
]
