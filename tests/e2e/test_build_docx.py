"""Build every example into Word and Excel files and open them as a reader would."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from openpyxl import load_workbook

from safecommunity_docs import load
from safecommunity_docs.build import BuildResult, build
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.models import Dossier
from safecommunity_docs.views.linebreak import ZWSP
from tests.conftest import EXAMPLES, ROOT
from tests.texts import model_texts

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "community.yaml").is_file())
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Dossier, BuildResult]:
    dossier = load(request.param)
    out = tmp_path_factory.mktemp(request.param.name)
    return dossier, build(dossier, out, formats=["docx", "xlsx"])


def _all_text(document: docx.document.Document) -> str:
    """Every paragraph and cell, one a line, without the line breaks and break hints the
    typesetting adds inside titles, cells and lists of numbers (views/linebreak.py)."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(part.replace("\n", "").replace(ZWSP, "") for part in parts)


def test_every_document_is_written(built: tuple[Dossier, BuildResult]) -> None:
    dossier, result = built
    kinds = [(o.kind, o.format) for o in result.outputs]
    assert kinds.count(("work_plan", "docx")) == 1
    assert kinds.count(("promotion_project", "docx")) == len(dossier.projects)
    assert ("self_assessment", "docx") in kinds
    assert ("self_assessment", "xlsx") in kinds
    for output in result.outputs:
        assert output.path.stat().st_size > 0
        assert not list(output.path.parent.glob(".*.tmp")), "no temporary files left"


def test_every_input_text_appears(built: tuple[Dossier, BuildResult]) -> None:
    dossier, result = built
    by_title = {o.title: o for o in result.outputs if o.format == "docx"}
    assert dossier.work_plan is not None
    models = [(dossier.work_plan, by_title[dossier.work_plan.title])]
    models += [(p, by_title[p.title]) for p in dossier.projects]
    assert dossier.assessment is not None
    models.append((dossier.assessment, by_title["自评报告"]))
    # How targets are measured is told by the work report's 创建成效 (see
    # tests/unit/test_work_report_results.py), a project's follow-up by the 复评's 持续改进报告
    # (tests/unit/test_reassessment.py), not by the plans.
    shown_elsewhere = frozenset({"measure", "follow_up"})
    for model, output in models:
        text = _all_text(docx.Document(str(output.path)))
        missing = [t for t in model_texts(model, shown_elsewhere) if t not in text]
        assert not missing, f"{output.path.name}: {missing[:3]}"


def test_fonts_sizes_and_margins(built: tuple[Dossier, BuildResult]) -> None:
    _, result = built
    chinese = [o for o in result.outputs if get_kind(o.kind).typography == "gbt9704"]
    for output in (o for o in chinese if o.format == "docx"):  # Latin: test_isccc_application
        document = docx.Document(str(output.path))
        section = document.sections[0]
        assert round(section.top_margin.mm) == 37
        assert round(section.left_margin.mm) == 28
        used = {p.style.name for p in document.paragraphs if p.text}
        assert "GW Title" in used
        assert "Normal" in used
        for name in used:
            fonts = document.styles[name].element.rPr.rFonts
            assert fonts.get(qn("w:eastAsia")), (output.path.name, name)
            assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia"))
        assert document.styles["Normal"].font.size == Pt(16)
        assert document.styles["GW Title"].font.size == Pt(22)
        for paragraph in document.paragraphs:
            for run in paragraph.runs:
                assert run._r.rPr is None or run._r.rPr.rFonts is None, "no direct fonts"
        assert document.core_properties.language == "zh-CN"


def test_scorecard_workbook_opens(built: tuple[Dossier, BuildResult]) -> None:
    _, result = built
    by_kind = {o.kind: o for o in result.outputs if o.format == "xlsx"}
    assert set(by_kind) == {"self_assessment", "injury_ledger", "compliance_report"}
    assert load_workbook(by_kind["self_assessment"].path).sheetnames == ["自评表", "汇总"]
    ledger = load_workbook(by_kind["injury_ledger"].path, read_only=True)
    assert ledger.sheetnames[0] == "伤害记录"
    report = load_workbook(by_kind["compliance_report"].path)["合规检查结果"]
    assert report.max_row - 3 == len(result.findings)


def _canonical(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("kind", ["work_plan", "promotion_project", "self_assessment"])
def test_golden_xml(kind: str, tmp_path: Path) -> None:
    """The document XML of each kind for 清河街道 equals the reviewed snapshot.

    Update after a deliberate change with: UPDATE_GOLDEN=1 pytest tests/e2e/test_build_docx.py
    """
    dossier = load(EXAMPLES / "qinghe-street")
    result = build(dossier, tmp_path, formats=["docx"])
    output = next(o for o in result.outputs if o.kind == kind)
    actual = _canonical(output.path.read_bytes())
    golden = GOLDEN / f"{kind}.document.xml"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with UPDATE_GOLDEN=1 once and review it"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{kind} differs from {golden}; review, then UPDATE_GOLDEN=1 to accept"
    )
