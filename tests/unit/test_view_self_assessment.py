"""The self-assessment report view: verdict sentence, element table, lost points, evidence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

import pytest

import safecommunity_docs
from safecommunity_docs.api import score
from safecommunity_docs.models import Assessment, Community, Dossier, Rubric
from safecommunity_docs.models.assessment import PreviousResult
from safecommunity_docs.scoring import ScoreReport
from safecommunity_docs.views.document import Block, DocumentView, TableView
from safecommunity_docs.views.numbering import heading_number
from safecommunity_docs.views.self_assessment import (
    DEFAULT_IMPROVEMENT,
    self_assessment_view,
    verdict_sentence,
)
from tests.conftest import EXAMPLES
from tests.texts import model_texts

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")
VERDICTS = {
    "qinghe-street": "经自评，清河街道安全社区建设自评总分为94.5分（满分100分），"
    "达到市级安全社区标准。",
    "dongshan-town": "经自评，东山镇安全社区建设自评总分为83.0分（满分100分），创建考核合格。",
    "jiangkou-park": "经自评，江口经济开发区安全社区建设自评总分为65.0分（满分100分），不合格。",
}
H1 = ("一、自评概况", "二、自评结果", "三、创建成效", "四、主要失分项及整改措施", "五、证明材料")


@cache
def _dossier(folder: str) -> Dossier:
    return safecommunity_docs.load(EXAMPLES / folder)


@cache
def _rubric(rubric_id: str) -> Rubric:
    return safecommunity_docs.load_rubric(rubric_id)


def _build(
    assessment: Assessment, community: Community | None = None
) -> tuple[Rubric, ScoreReport, DocumentView]:
    rubric = _rubric(assessment.rubric)
    report = score(assessment, rubric)
    return rubric, report, self_assessment_view(assessment, rubric, report, community)


def _example(folder: str) -> tuple[Assessment, Rubric, ScoreReport, DocumentView]:
    dossier = _dossier(folder)
    assert dossier.assessment is not None
    rubric, report, view = _build(dossier.assessment, dossier.community)
    return dossier.assessment, rubric, report, view


def _section(view: DocumentView, heading: str) -> list[Block]:
    blocks = list(view.blocks)
    start = next(i for i, b in enumerate(blocks) if b.kind == "h1" and b.text == heading)
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].kind == "h1"), len(blocks))
    return blocks[start + 1 : end]


def _element_table(view: DocumentView) -> TableView:
    tables = [b.table for b in view.blocks if b.table is not None]
    assert len(tables) == 1
    return tables[0]


def _number(cell: str) -> Decimal:
    return Decimal(cell.replace(",", "").rstrip("%"))


def _texts(view: DocumentView) -> list[str]:
    return view.texts()


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_assessment_text_is_shown(folder: str) -> None:
    assessment, _, _, view = _example(folder)
    texts = _texts(view)
    missing = [t for t in model_texts(assessment) if not any(t in s for s in texts)]
    assert missing == []


@pytest.mark.parametrize("folder", FOLDERS)
def test_verdict_sentence(folder: str) -> None:
    _, rubric, report, view = _example(folder)
    result = _section(view, "二、自评结果")
    assert result[0] == Block("p", VERDICTS[folder])
    assert verdict_sentence(report, rubric, _dossier(folder).community.name) == VERDICTS[folder]
    assert result[1] == Block("p", report.verdict.next_step)
    assert result[2] == Block("p", "各一级指标自评得分情况见表1。")
    assert result[3] == Block("caption", "表1 各一级指标自评得分")
    assert result[4].kind == "table"
    assert len(result) == 5


def test_example_totals_and_labels() -> None:
    totals = {f: _example(f)[2] for f in FOLDERS}
    assert {f: (r.total, r.verdict.label) for f, r in totals.items()} == {
        "qinghe-street": (Decimal("94.5"), "达到市级安全社区标准"),
        "dongshan-town": (Decimal("83.0"), "创建考核合格"),
        "jiangkou-park": (Decimal("65.0"), "不合格"),
    }


@pytest.mark.parametrize("folder", FOLDERS)
def test_headings_are_numbered_in_order(folder: str) -> None:
    _, rubric, _, view = _example(folder)
    assert tuple(b.text for b in view.blocks if b.kind == "h1") == H1
    for heading in H1:
        h2 = [b.text for b in _section(view, heading) if b.kind == "h2"]
        assert all(t.startswith(heading_number(2, n)) for n, t in enumerate(h2, start=1)), h2
    evidence = [b.text for b in _section(view, "五、证明材料") if b.kind == "h2"]
    assert evidence == [
        heading_number(2, n) + e.title for n, e in enumerate(rubric.elements, start=1)
    ]
    for block in view.blocks:
        if block.kind in ("h1", "h2"):
            assert not block.text.endswith(("。", "；", "，", "：", ".")), block.text


@pytest.mark.parametrize("folder", FOLDERS)
def test_element_table(folder: str) -> None:
    _, rubric, report, view = _example(folder)
    table = _element_table(view)
    assert table.columns == ("序号", "一级指标", "分值", "得分", "得分率")
    assert table.total_row
    assert len(table.rows) == len(rubric.elements) + 1
    *rows, total = table.rows
    assert [r[0] for r in rows] == [str(n) for n in range(1, len(rubric.elements) + 1)]
    assert [r[1] for r in rows] == [e.title for e in rubric.elements]
    assert [_number(r[2]) for r in rows] == [e.points for e in rubric.elements]
    assert [_number(r[3]) for r in rows] == [e.score for e in report.elements]
    assert [r[4] for r in rows] == [f"{e.percent}%" for e in report.elements]
    assert total[:2] == ("合计", "")
    assert _number(total[2]) == sum(_number(r[2]) for r in rows) == rubric.scale
    assert _number(total[3]) == sum(_number(r[3]) for r in rows) == report.total
    assert total[4] == f"{report.total}%"


@pytest.mark.parametrize("folder", FOLDERS)
def test_lost_points_and_improvements(folder: str) -> None:
    assessment, _, report, view = _example(folder)
    entries = {e.item: e for e in assessment.items}
    blocks = _section(view, "四、主要失分项及整改措施")
    assert len(report.priorities) == 5
    for n, item in enumerate(report.priorities):
        heading, lost, fix = blocks[3 * n : 3 * n + 3]
        title = item.text.removesuffix("。")
        assert heading == Block("h2", f"{heading_number(2, n + 1)}{item.id} {title}", outline=True)
        assert lost.text == f"失分：{item.lost.normalize()}分。扣分说明：{item.deductions}"
        improvement = entries[item.id].improvement
        assert improvement is not None
        assert fix.text == f"整改措施：{improvement}"
    others = blocks[3 * len(report.priorities) :]
    assert others[0] == Block("h2", "（六）其他失分项", outline=True)
    shown = {i.id for i in report.priorities}
    expected = [i for i in report.items if i.lost > 0 and i.id not in shown]
    assert len(others) == len(expected) + 1
    for n, (block, item) in enumerate(zip(others[1:], expected, strict=True), start=1):
        assert block.text.startswith(f"（{n}）{item.id} ")
        assert f"失分：{item.lost.normalize()}分。" in block.text


def test_improvements_were_added_to_the_examples() -> None:
    for folder in FOLDERS:
        assessment, _, report, _ = _example(folder)
        with_fix = [e.item for e in assessment.items if e.improvement]
        assert 5 <= len(with_fix) <= 8
        assert {i.id for i in report.priorities} <= set(with_fix)


def test_missing_improvement_gets_the_default_text() -> None:
    assessment, _, report, _ = _example("dongshan-town")
    bare = assessment.model_copy(
        update={"items": [e.model_copy(update={"improvement": None}) for e in assessment.items]}
    )
    _, _, view = _build(bare)
    fixes = [b.text for b in view.blocks if b.text.startswith("整改措施：")]
    assert fixes == [f"整改措施：{DEFAULT_IMPROVEMENT}"] * len(report.priorities)
    assert view.title == "安全社区自评报告"
    assert _section(view, "二、自评结果")[0].text.startswith("经自评，本社区安全社区建设自评总分")
    assert not any("整改措施" in b.text for b in view.blocks if b.text.startswith("（"))


@pytest.mark.parametrize("folder", FOLDERS)
def test_evidence_by_element(folder: str) -> None:
    assessment, rubric, _, view = _example(folder)
    entries = {e.item: e for e in assessment.items}
    blocks = _section(view, "五、证明材料")
    for n, element in enumerate(rubric.elements, start=1):
        start = blocks.index(Block("h2", heading_number(2, n) + element.title, outline=True))
        texts = list(dict.fromkeys(t for item in element.items for t in entries[item.id].evidence))
        done = [a.text for item in element.items for a in entries[item.id].activities]
        if done:
            start += 1
            told = blocks[start].text
            assert told.startswith("开展的工作：")
            assert all(text in told for text in done)
        body = blocks[start + 1 : start + 1 + len(texts)]
        ends = ["；"] * (len(texts) - 1) + ["。"]
        assert [b.text for b in body] == [
            f"{k}.{t}{end}" for k, (t, end) in enumerate(zip(texts, ends, strict=True), start=1)
        ]
        nxt = start + 1 + len(texts)
        assert nxt == len(blocks) or blocks[nxt].kind in ("h2", "blank")


@pytest.mark.parametrize("folder", FOLDERS)
def test_title_area_and_signature(folder: str) -> None:
    assessment, rubric, _, view = _example(folder)
    name = _dossier(folder).community.name
    assert view.title == f"{name}安全社区自评报告"
    assert view.subtitle == "（2026年度）"
    assert view.author == assessment.assessor
    assert view.document_date == assessment.assessed_on
    assert not assessment.sealed, "the self-assessment report is unsealed by default"
    assert [(b.kind, b.text) for b in view.blocks[-3:]] == [
        ("blank", ""),
        ("signature", assessment.assessor),
        (
            "date",
            f"{assessment.assessed_on.year}年{assessment.assessed_on.month}月"
            f"{assessment.assessed_on.day}日",
        ),
    ]
    overview = _section(view, "一、自评概况")
    assert overview[0].text.startswith(f"{assessment.assessor}于{assessment.assessed_on.year}年")
    assert f"对照《{rubric.title}》（{rubric.version}版）" in overview[0].text
    assert [b.text for b in overview[1:]] == assessment.summary


def test_qinghe_overview_exactly() -> None:
    _, _, _, view = _example("qinghe-street")
    assert view.blocks[1].text == (
        "清河街道安全社区创建办公室自评小组于2026年10月20日对照《市级安全社区评定标准（自评表）》"
        "（2026.1版），对清河街道2026年度安全社区建设情况逐项进行了自评。本次自评共涉及12项一级"
        "指标、45项二级指标，满分100分。"
    )
    assert view.document_date == date(2026, 10, 20)


def test_not_applicable_items_are_rescaled_and_explained() -> None:
    assessment, _, _, _ = _example("qinghe-street")
    items = [
        e.model_copy(update={"score": None, "not_applicable": True, "reason": "辖区无中小学校"})
        if e.item == "6.3"
        else e
        for e in assessment.items
    ]
    na = assessment.model_copy(update={"items": items})
    community = _dossier("qinghe-street").community
    _, report, view = _build(na, community)
    assert report.applicable_max == Decimal("97.5")
    overview = [b.text for b in _section(view, "一、自评概况")]
    assert overview[1].startswith("其中1项二级指标不适用，不计分：6.3 ")
    assert overview[1].endswith(
        "（辖区无中小学校）。适用项满分为97.5分，总分按适用项得分折算为满分100分。"
    )
    assert _section(view, "二、自评结果")[0].text == (
        f"经自评，清河街道安全社区建设自评总分为{report.total}分（满分100分），"
        f"{report.verdict.label}。"
    )
    table = _element_table(view)
    sixth = table.rows[5]
    assert sixth[1] == "宣传教育与培训"
    assert (_number(sixth[2]), _number(sixth[3])) == (Decimal("5.5"), Decimal("5.5"))
    assert sixth[4] == "100.0%"
    assert _number(table.rows[-1][2]) == Decimal("97.5")
    assert _number(table.rows[-1][3]) == report.raw_total == Decimal("92.5")
    assert table.rows[-1][4] == "94.9%"
    assert "6.3" not in {i.id for i in report.priorities}
    assert not any(b.text.startswith("（") and "6.3 " in b.text for b in view.blocks)


def test_reapplication_veto_is_explained() -> None:
    assessment, _, _, _ = _example("dongshan-town")
    again = assessment.model_copy(
        update={"previous": PreviousResult(year=2025, total=Decimal("85"), verdict="creation-pass")}
    )
    community = _dossier("dongshan-town").community
    rubric, report, view = _build(again, community)
    assert report.verdict.code == "fail"
    result = [b.text for b in _section(view, "二、自评结果")]
    assert result[0] == "经自评，东山镇安全社区建设自评总分为83.0分（满分100分），不合格。"
    assert result[1] == "上年度（2025年）自评总分为85分，结论为“创建考核合格”。"
    assert result[2] == report.verdict.next_step
    assert rubric.reapplication is not None
    assert result[3] == (
        f"{rubric.reapplication.reason}东山镇上年度（2025年）自评总分为85分，本年度仍未达到"
        "90分，自评结论为“不合格”。"
    )
    assert result[4] == "各一级指标自评得分情况见表1。"


def test_zero_score_veto_is_explained() -> None:
    assessment, _, _, _ = _example("qinghe-street")
    items = [
        e.model_copy(update={"score": Decimal(0)}) if e.item in ("6.4", "8.4") else e
        for e in assessment.items
    ]
    zeroed = assessment.model_copy(update={"items": items})
    rubric = _rubric("city").model_copy(update={"veto_any_item_zero": "fail"})
    report = score(zeroed, rubric)
    assert (report.total, report.band.code, report.verdict.code) == (
        Decimal("92.0"),
        "city-standard",
        "fail",
    )
    view = self_assessment_view(zeroed, rubric, report, _dossier("qinghe-street").community)
    result = [b.text for b in _section(view, "二、自评结果")]
    assert result[0] == "经自评，清河街道安全社区建设自评总分为92.0分（满分100分），不合格。"
    assert (
        result[2]
        == "有2项二级指标得0分（6.4、8.4），按评分标准的单项零分否决规定，自评结论为“不合格”。"
    )
    assert result[3] == "各一级指标自评得分情况见表1。"
