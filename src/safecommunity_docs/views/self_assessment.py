"""The self-assessment report (安全社区自评报告) view: overview, result, lost points, evidence."""

from __future__ import annotations

from decimal import Decimal

from ..analysis.outcomes import Outcomes
from ..models.assessment import Assessment, ItemScore
from ..models.community import Community
from ..models.rubric import Rubric
from ..scoring.report import ElementResult, ItemResult, ScoreReport
from .builder import SENTENCE_END, BlockBuilder, sentence
from .document import DocumentView, TableView
from .format import fmt_date, fmt_number, fmt_percent
from .numbering import point_prefix
from .results import summary_sentence, surveys_paragraph, trend_paragraphs
from .signoff import add_signoff
from .work_report_elements import activity_text

DEFAULT_IMPROVEMENT = "对照评分标准逐项整改。"
_TRAILING = "。；，、：！？.;,:"


def _heading(text: str) -> str:
    return text.rstrip(_TRAILING)


def fmt_points(value: Decimal) -> str:
    """Points as written in the report: exact, without trailing zeros (2.5, 12, 94.5)."""
    return fmt_number(value.normalize())


def verdict_sentence(report: ScoreReport, rubric: Rubric, name: str = "本社区") -> str:
    """Return the one-sentence result for community ``name``: total, scale and verdict label.

    The total carries the rubric's decimals (94.5, 83.0), e.g. 「经自评，清河街道安全社区建设
    自评总分为94.5分（满分100分），达到市级安全社区标准。」
    """
    total = fmt_number(report.total, rubric.rounding_places)
    return (
        f"经自评，{name}安全社区建设自评总分为{total}分（满分{fmt_number(report.scale)}分），"
        f"{report.verdict.label}。"
    )


def _overview(
    b: BlockBuilder, assessment: Assessment, rubric: Rubric, report: ScoreReport, name: str
) -> None:
    year = f"{assessment.year}年度" if assessment.year is not None else ""
    b.p(
        f"{assessment.assessor}于{fmt_date(assessment.assessed_on)}对照《{rubric.title}》"
        f"（{rubric.version}版），对{name}{year}安全社区建设情况逐项进行了自评。本次自评共涉及"
        f"{len(rubric.elements)}项一级指标、{len(report.items)}项二级指标，满分"
        f"{fmt_number(report.scale)}分。"
    )
    not_applicable = [i for i in report.items if i.not_applicable]
    if not_applicable:
        reasons = "；".join(
            f"{i.id} {_heading(i.text)}（{i.deductions}）" if i.deductions else f"{i.id} {i.text}"
            for i in not_applicable
        )
        b.p(
            f"其中{len(not_applicable)}项二级指标不适用，不计分：{reasons}。适用项满分为"
            f"{fmt_points(report.applicable_max)}分，总分按适用项得分折算为满分"
            f"{fmt_number(report.scale)}分。"
        )
    unscored = [i for i in report.items if not i.scored]
    if unscored:
        ids = "、".join(i.id for i in unscored)
        b.p(f"另有{len(unscored)}项二级指标未评分，按0分计：{ids}。")
    for text in assessment.summary:
        b.p(sentence(text))


def _veto_paragraphs(
    assessment: Assessment, rubric: Rubric, report: ScoreReport, name: str
) -> list[str]:
    out: list[str] = []
    labels = {band.code: band.label for band in rubric.bands}
    zeros = [i for i in report.items if i.score == 0 and not i.not_applicable]
    if rubric.veto_any_item_zero is not None and zeros:
        ids = "、".join(i.id for i in zeros)
        out.append(
            f"有{len(zeros)}项二级指标得0分（{ids}），按评分标准的单项零分否决规定，自评结论为"
            f"“{labels[rubric.veto_any_item_zero]}”。"
        )
    rule, previous = rubric.reapplication, assessment.previous
    if (
        rule is not None
        and previous is not None
        and any(v.kind == "reapplication" for v in report.vetoes)
    ):
        out.append(
            f"{sentence(rule.reason)}{name}上年度（{previous.year}年）自评总分为"
            f"{fmt_points(previous.total)}分，本年度仍未达到{fmt_points(rule.threshold)}分，"
            f"自评结论为“{labels[rule.verdict]}”。"
        )
    if not out and report.verdict.code != report.band.code:
        out.append(
            f"按总分应为“{report.band.label}”，经否决规则调整，自评结论为“{report.verdict.label}”。"
        )
    return out


def _element_table(report: ScoreReport) -> TableView:
    rows: list[tuple[str, ...]] = []
    for n, element in enumerate(report.elements, start=1):
        rows.append(
            (
                str(n),
                element.title,
                fmt_points(element.max),
                fmt_points(element.score),
                fmt_percent(element.percent) if element.max else "不适用",
            )
        )
    percent = (report.raw_total / report.applicable_max * 100).quantize(Decimal("0.1"))
    rows.append(
        (
            "合计",
            "",
            fmt_points(report.applicable_max),
            fmt_points(report.raw_total),
            fmt_percent(percent),
        )
    )
    return TableView(
        columns=("序号", "一级指标", "分值", "得分", "得分率"),
        rows=tuple(rows),
        align=("center", "left", "center", "center", "center"),
        total_row=True,
    )


def _result(
    b: BlockBuilder, assessment: Assessment, rubric: Rubric, report: ScoreReport, name: str
) -> None:
    b.p(verdict_sentence(report, rubric, name))
    previous = assessment.previous
    if previous is not None:
        labels = {band.code: band.label for band in rubric.bands}
        said = f"，结论为“{labels[previous.verdict]}”" if previous.verdict in labels else ""
        b.p(f"上年度（{previous.year}年）自评总分为{fmt_points(previous.total)}分{said}。")
    b.p(sentence(report.verdict.next_step))
    for text in _veto_paragraphs(assessment, rubric, report, name):
        b.p(text)
    b.p(f"各一级指标自评得分情况见表{b.next_table}。")
    b.table("各一级指标自评得分", _element_table(report))


def _lost_text(item: ItemResult) -> str:
    text = f"失分：{fmt_points(item.lost)}分。"
    if not item.scored:
        return text + "扣分说明：该项未评分，按0分计。"
    if item.deductions:
        return text + f"扣分说明：{sentence(item.deductions)}"
    return text


def _lost_points(b: BlockBuilder, report: ScoreReport, entries: dict[str, ItemScore]) -> None:
    if not report.priorities:
        b.p("本次自评各项二级指标均未失分。")
    for item in report.priorities:
        b.h2(f"{item.id} {_heading(item.text)}")
        b.p(_lost_text(item))
        improvement = _improvement(entries, item.id)
        b.p(f"整改措施：{sentence(improvement) if improvement else DEFAULT_IMPROVEMENT}")
    shown = {item.id for item in report.priorities}
    others = [
        item
        for item in report.items
        if item.id not in shown
        and not item.not_applicable
        and (item.lost > 0 or item.deductions or _improvement(entries, item.id))
    ]
    if not others:
        return
    b.h2("其他失分项")
    for n, item in enumerate(others, start=1):
        text = f"{point_prefix('（1）', n)}{item.id} {_heading(item.text)}。"
        if item.lost > 0 or not item.scored:
            text += _lost_text(item)
        elif item.deductions:
            text += f"扣分说明：{sentence(item.deductions)}"
        improvement = _improvement(entries, item.id)
        if improvement:
            text += f"整改措施：{sentence(improvement)}"
        b.p(text)


def _improvement(entries: dict[str, ItemScore], item_id: str) -> str | None:
    entry = entries.get(item_id)
    return entry.improvement if entry is not None else None


def _evidence(b: BlockBuilder, report: ScoreReport, entries: dict[str, ItemScore]) -> None:
    for element in report.elements:
        b.h2(element.title)
        done = [
            activity_text(a)
            for item in report.items
            if item.element_id == element.id and item.id in entries
            for a in entries[item.id].activities
        ]
        if done:
            b.p(f"开展的工作：{'；'.join(done)}。")
        texts = _distinct_evidence(element, report.items)
        if not texts:
            b.p("未列出证明材料。")
        for n, text in enumerate(texts, start=1):
            end = "。" if n == len(texts) else "；"
            b.p(point_prefix("1.", n) + (text if text.endswith(SENTENCE_END) else text + end))


def _distinct_evidence(element: ElementResult, items: tuple[ItemResult, ...]) -> list[str]:
    texts = [text for item in items if item.element_id == element.id for text in item.evidence]
    return list(dict.fromkeys(texts))


def self_assessment_view(
    assessment: Assessment,
    rubric: Rubric,
    report: ScoreReport,
    community: Community | None = None,
    outcomes: Outcomes | None = None,
) -> DocumentView:
    """Build the self-assessment report view from an assessment, its rubric and its scores.

    ``report`` is the result of scoring ``assessment`` against ``rubric``. The report has four
    parts (自评概况, 自评结果 with the per-element table, the items that lost most points with
    their 整改措施, and the evidence element by element) and ends with the assessor's
    signature and the assessment date. With ``outcomes`` (written from a whole dossier) a
    short 创建成效 follows the result: the injury trend and how many targets are met.
    """
    name = community.name if community is not None else "本社区"
    entries = {entry.item: entry for entry in assessment.items}
    b = BlockBuilder()
    b.h1("自评概况")
    _overview(b, assessment, rubric, report, name)
    b.h1("自评结果")
    _result(b, assessment, rubric, report, name)
    if outcomes is not None or assessment.surveys:
        b.h1("创建成效")
        if outcomes is not None:
            b.p(trend_paragraphs(outcomes, name)[0])
            b.p(summary_sentence(outcomes, name))
        if assessment.surveys:
            b.p(surveys_paragraph(assessment.surveys))
    b.h1("主要失分项及整改措施")
    _lost_points(b, report, entries)
    b.h1("证明材料")
    _evidence(b, report, entries)
    add_signoff(b, [assessment.assessor], assessment.assessed_on, sealed=assessment.sealed)
    title = f"{community.name}安全社区自评报告" if community is not None else "安全社区自评报告"
    return DocumentView(
        title=title,
        subtitle=f"（{assessment.year}年度）" if assessment.year is not None else "",
        blocks=tuple(b.blocks),
        author=assessment.assessor,
        document_date=assessment.assessed_on,
        subject="安全社区自评报告",
        keywords=("安全社区", "自评报告", rubric.title),
    )


__all__ = ["DEFAULT_IMPROVEMENT", "fmt_points", "self_assessment_view", "verdict_sentence"]
