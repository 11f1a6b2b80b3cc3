"""The diagnosis report view: every author text, the analysed tables and charts, the findings."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from safecommunity_docs import build, load
from safecommunity_docs.analysis import FindingCategory, analyse
from safecommunity_docs.build import context_for
from safecommunity_docs.models import Dossier
from safecommunity_docs.views.diagnosis import diagnosis_view
from safecommunity_docs.views.document import DocumentView
from tests.conftest import EXAMPLES
from tests.texts import model_texts

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "diagnosis.yaml").is_file())


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def case(request: pytest.FixtureRequest) -> tuple[Dossier, DocumentView]:
    dossier = load(request.param)
    assert dossier.diagnosis is not None
    return dossier, diagnosis_view(dossier.diagnosis, dossier, context_for(dossier).statistics)


def test_every_author_text_appears(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    assert dossier.diagnosis is not None
    shown = "\n".join(view.texts())
    missing = [t for t in model_texts(dossier.diagnosis) if t not in shown]
    assert not missing, missing[:3]


def test_skeleton_headings_in_order(case: tuple[Dossier, DocumentView]) -> None:
    _, view = case
    h1 = [b.text for b in view.blocks if b.kind == "h1"]
    assert h1 == [
        "一、社区概况",
        "二、诊断目的、范围与方法",
        "三、事故与伤害数据分析",
        "四、危险源辨识与隐患排查",
        "五、知信行及满意度调查",
        "六、两高一脆弱分析",
        "七、三重点一需求",
        "八、建议目标与项目",
    ]
    h2 = [b.text for b in view.blocks if b.kind == "h2"]
    for category in FindingCategory:
        assert any(text.endswith(str(category)) for text in h2), category


def test_tables_add_up_and_charts_are_there(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    stats = analyse(dossier.injury_records, dossier.community)
    captions = [b.text for b in view.blocks if b.kind == "caption"]
    tables = [b.table for b in view.blocks if b.table is not None]
    assert captions[0].startswith("表1 ")
    figures = [b for b in view.blocks if b.kind == "figure"]
    assert len(figures) == 5
    assert all(b.chart is not None for b in figures)
    assert [c for c in captions if c.startswith("图")] == [
        "图1 伤害发生原因构成",
        "图2 伤害发生地点构成",
        "图3 伤害者年龄与性别分布",
        "图4 伤害发生月份分布",
        "图5 伤害发生时段分布",
    ]
    cause = next(
        t
        for t, c in zip(tables, [c for c in captions if c.startswith("表")], strict=True)
        if "伤害发生原因构成" in c
    )
    counts = [int(row[1].replace(",", "")) for row in cause.rows[:-1]]
    assert sum(counts) == stats.record_count == len(dossier.injury_records)
    assert cause.rows[-1] == ("合计", f"{stats.record_count:,}", "100.0%")


def test_findings_sit_beside_the_author_conclusions(case: tuple[Dossier, DocumentView]) -> None:
    dossier, view = case
    assert dossier.diagnosis is not None
    texts = [b.text for b in view.blocks]
    heading = texts.index(next(t for t in texts if t.endswith("高危人群")))
    assert texts[heading + 1].startswith("数据分析：")
    first = dossier.diagnosis.conclusions.high_risk_groups[0]
    assert texts[heading + 2].startswith("诊断结论：" + first.rstrip("。"))


def test_built_document_embeds_the_charts(tmp_path: Path) -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    result = build(dossier, tmp_path, formats=["docx"])
    [output] = [o for o in result.outputs if o.kind == "diagnosis_report"]
    document = docx.Document(io.BytesIO(output.path.read_bytes()))
    assert len(document.inline_shapes) == 5
    assert dossier.diagnosis is not None
    assert document.paragraphs[0].text == dossier.diagnosis.title


def test_every_finding_reads_as_a_sentence(case: tuple[Dossier, DocumentView]) -> None:
    from safecommunity_docs.views.findings import finding_text

    dossier, _ = case
    for finding in analyse(dossier.injury_records, dossier.community).findings:
        text = finding_text(finding)
        assert text.startswith(finding.subject)
        assert "None" not in text
        assert (finding.unit in text) or finding.rule in ("most_injuries",)
