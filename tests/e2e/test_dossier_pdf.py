"""End to end with LibreOffice: every example as PDFs and one assembled dossier, opened with pypdf."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from safecommunity_docs import load
from safecommunity_docs.build import BuildResult, build
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.pdf import LibreOfficeConverter, font_warnings
from tests.conftest import EXAMPLES
from tests.lo import worker_killed_after_first_document

pytestmark = pytest.mark.libreoffice
FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "community.yaml").is_file())
MM = 72 / 25.4


@pytest.fixture(scope="module")
def converter() -> Iterator[LibreOfficeConverter]:
    with LibreOfficeConverter(workers=2) as shared:
        yield shared


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def built(
    request: pytest.FixtureRequest,
    converter: LibreOfficeConverter,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Dossier, BuildResult, Path]:
    dossier = load(request.param)
    out = tmp_path_factory.mktemp(request.param.name)
    return dossier, build(dossier, out, formats=["docx", "xlsx", "pdf"], converter=converter), out


def _outline(reader: PdfReader) -> list[tuple[str, int, list[str]]]:
    items: list[tuple[str, int, list[str]]] = []
    for entry in reader.outline:
        if isinstance(entry, list):
            items[-1][2].extend(e.title for e in entry if not isinstance(e, list))
        else:
            items.append((entry.title, reader.get_destination_page_number(entry), []))
    return items


def test_every_part_and_the_dossier(built: tuple[Dossier, BuildResult, Path]) -> None:
    dossier, result, _ = built
    docx = [o for o in result.outputs if o.format == "docx"]
    pdfs = [o for o in result.outputs if o.format == "pdf" and o.kind != "dossier"]
    assert [o.path.stem for o in pdfs] == [o.path.stem for o in docx]
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    parts = sum(o.pages or 0 for o in pdfs)
    front = len(reader.pages) - parts
    assert front >= 2, "cover and 目录"
    assert merged.pages == len(reader.pages)
    outline = _outline(reader)
    assert [title for title, _, _ in outline] == ["目录", *[o.path.stem for o in pdfs]]
    page = front
    for (title, start, headings), output in zip(outline[1:], pdfs, strict=True):
        assert start == page, title
        if output.kind != "application":  # a letter has no headings
            assert headings, title
            assert headings[0].startswith("一、"), title
        page += output.pages or 0
    meta = reader.metadata
    assert meta is not None
    # What each example asks for, from its score: 94.5 the title, 83.0 the creation work
    # assessed, 65.0 a self-assessment report.
    asks = {
        "清河街道": "评定申报材料",
        "东山镇": "创建工作考核材料",
        "江口经济开发区": "创建自评材料",
    }
    subject = f"{dossier.community.target_level.label}安全社区{asks[dossier.community.name]}"
    assert meta.title == dossier.community.name + subject
    assert meta.subject == subject
    assert subject[-4:] in reader.pages[0].extract_text()  # 申报材料, 考核材料, 自评材料
    assert meta.author == dossier.community.name
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    labels = reader.page_labels
    assert labels[0] == "封面"
    assert labels[front] == "申请书 1"


def test_contents_page_lists_real_start_pages(built: tuple[Dossier, BuildResult, Path]) -> None:
    _, result, _ = built
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    contents = reader.pages[1].extract_text()
    for title, start, _ in _outline(reader)[1:]:
        number = str(start + 1)
        assert number in contents, (title, number)


def test_key_chinese_strings_are_extractable(built: tuple[Dossier, BuildResult, Path]) -> None:
    dossier, result, _ = built
    texts = {
        o.kind: "".join(p.extract_text() for p in PdfReader(o.path).pages).replace(" ", "")
        for o in result.outputs
        if o.format == "pdf" and o.kind != "dossier"
    }
    assert dossier.work_plan is not None
    assert dossier.work_plan.guiding_ideology[0][:12] in texts["work_plan"]
    assert "两高一脆弱分析" in texts["diagnosis_report"]
    assert "针对二级指标1.1" in texts["work_report"]
    assert dossier.community.name in texts["application"]
    assert "自评结果" in texts["self_assessment"]


def test_fonts_embedded_and_mapped(built: tuple[Dossier, BuildResult, Path]) -> None:
    _, result, _ = built
    for output in (o for o in result.outputs if o.format == "pdf"):
        assert font_warnings(output.path.read_bytes()) == [], output.path.name
    assert not [w for w in result.warnings if ".pdf:" in w]


def test_manifest_lists_every_file(built: tuple[Dossier, BuildResult, Path]) -> None:
    _, result, out = built
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["files"]) == len(result.outputs)
    for entry in manifest["files"]:
        data = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert entry["format"] in ("docx", "xlsx", "pdf")
        assert (entry["pages"] is not None) == (entry["format"] == "pdf")
    assert manifest["warnings"] == result.warnings


def _lines(reader: PdfReader, index: int) -> tuple[dict[float, list[float]], list[float]]:
    baselines: dict[float, list[float]] = {}
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _: object, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        baselines.setdefault(round(y, 1), []).append(x)
        sizes.append(size * (tm[3] if tm[3] else 1))

    reader.pages[index].extract_text(visitor_text=visit)
    return baselines, sizes


def test_work_plan_layout_is_gbt9704(built: tuple[Dossier, BuildResult, Path]) -> None:
    """A4; body text inside the 156 × 225 mm type area (±1 mm); 22 lines on a full page."""
    _, result, _ = built
    [plan] = [o for o in result.outputs if o.kind == "work_plan" and o.format == "pdf"]
    reader = PdfReader(plan.path)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width / MM - 210) < 0.5
    assert abs(height / MM - 297) < 0.5
    left, right = 28 * MM, (210 - 26) * MM
    top, bottom = height - 37 * MM, 35 * MM
    full_pages = 0
    for index in range(len(reader.pages)):
        baselines, _ = _lines(reader, index)
        body = {y: xs for y, xs in baselines.items() if y > bottom - 1 * MM}
        footer = [y for y in baselines if y <= bottom - 1 * MM]
        assert footer, "page number below the type area"
        for y, xs in body.items():
            assert y + 0.88 * 16 <= top + 1 * MM, (index, y)
            assert y - 0.12 * 16 >= bottom - 1 * MM, (index, y)
            assert min(xs) >= left - 1 * MM, (index, y, min(xs))
            assert max(xs) <= right + 1 * MM, (index, y, max(xs))
        ys = sorted(body)
        pitch = [b - a for a, b in itertools.pairwise(ys)]
        if len(ys) == 22 and all(abs(p - 28.95) < 0.3 for p in pitch):
            full_pages += 1
    assert full_pages >= 3, "pages of plain body text carry 22 lines at 28.95 pt"


def test_a_worker_killed_during_a_build(tmp_path: Path) -> None:
    dossier = load(EXAMPLES / "dongshan-town")
    # One worker: the next document must go to the killed worker, so the restart is certain.
    with LibreOfficeConverter(workers=1) as converter:
        converter.start()
        with worker_killed_after_first_document(converter) as killed:
            result = build(dossier, tmp_path, formats=["pdf"], converter=converter)
    assert killed
    assert result.converter_restarts >= 1
    names = {o.path.name for o in result.outputs}
    assert "dossier.pdf" in names
    assert len([n for n in names if n.endswith(".pdf")]) == 3 + len(dossier.projects) + 3
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["converter_restarts"] == result.converter_restarts


def test_render_one_document_as_pdf_with_its_own_converter() -> None:
    """``render(model, "pdf")`` without a converter starts LibreOffice, converts and stops it."""
    import io

    from safecommunity_docs import render

    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.work_plan is not None
    data = render(dossier.work_plan, "pdf", dossier=dossier)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    assert dossier.work_plan.title[:10] in reader.pages[0].extract_text().replace(" ", "")
    assert not font_warnings(data)
