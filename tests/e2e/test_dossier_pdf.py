"""End to end with LibreOffice: every example as PDFs and one assembled dossier, opened with pypdf."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from safecommunity_docs import load
from safecommunity_docs.build import BuildResult, build
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.pdf import LibreOfficeConverter, declared_fonts, font_warnings
from safecommunity_docs.views.dossier import title_name
from tests.conftest import EXAMPLES
from tests.lo import worker_killed_after_first_document
from tests.print_measure import opened, overlapping_words, smallest_type

pytestmark = pytest.mark.libreoffice
MM = 72 / 25.4


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
    every = [o for o in result.outputs if o.format == "pdf" and o.kind != "dossier"]
    assert [o.path.stem for o in every] == [o.path.stem for o in docx]
    pdfs = [o for o in every if get_kind(o.kind).bound]  # the ISCCC application stays out
    assert [o.kind for o in every if o not in pdfs] == (
        ["isccc_application"] if dossier.isccc is not None else []
    )
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    assert merged.pages == len(reader.pages)
    outline = _outline(reader)
    assert outline[0][0] == "目录"
    documents = [entry for entry in outline[1:] if not entry[0].startswith("附件")]
    bound = [entry for entry in outline[1:] if entry[0].startswith("附件")]
    assert len(documents) == len(pdfs)
    assert [title for title, _, _ in bound] == [
        f"附件1\u3000{dossier.community.name}安全社区自评表",
        f"附件2\u3000{dossier.community.name}伤害监测汇总表",
    ]
    assert not any("International" in title for title, _, _ in outline)
    for (title, start, headings), output in zip(documents, pdfs, strict=True):
        first_page = _body(PdfReader(output.path), 0)
        assert "".join(title.split())[:12] in first_page, title
        assert _body(reader, start) == first_page, title
        if output.kind != "application":  # a letter has no headings
            assert headings, title
            assert headings[0].startswith("一、"), title
    starts = [start for _, start, _ in outline]
    assert starts == sorted(starts)
    meta = reader.metadata
    assert meta is not None
    # What each example asks for, from its score: 94.5 the title, 83.0 the creation work
    # assessed, 65.0 a self-assessment report; 82.5 (Sichuan pack: 限期整改) the creation work.
    asks = {
        "清河街道": "评定申报材料",
        "东山镇": "创建工作考核材料",
        "江口经济开发区": "创建自评材料",
        "桂花镇": "创建工作考核材料",
    }
    subject = f"{title_name(dossier)}{asks[dossier.community.name]}"
    assert meta.title == dossier.community.name + subject
    assert meta.subject == subject
    assert subject[-4:] in reader.pages[0].extract_text()  # 申报材料, 考核材料, 自评材料
    assert meta.author == dossier.community.name
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    labels = reader.page_labels
    assert labels[0] == "封面"
    front = outline[1][1]
    assert labels[front : front + 3] == ["1", "2", "3"]


def _body(reader: PdfReader, index: int) -> str:
    """The page's text without white space and without its page number 「— n —」."""
    return re.sub(r"—\d+—$", "", "".join(reader.pages[index].extract_text().split()))


def _footer_folio(reader: PdfReader, index: int) -> int:
    """The page number printed in the bottom margin: 「— n —」 (text a table cell clips at the
    page break may lie lower, outside the clip)."""
    lines, _ = _lines(reader, index, texts=True)
    bottom = float(reader.pages[index].mediabox.height) * 0.15
    folios = [
        match.group(1)
        for y, texts in lines.items()
        if y < bottom and (match := re.fullmatch(r"—\s*(\d+)\s*—", "".join(texts).strip()))
    ]
    assert len(folios) == 1, (index, lines)
    return int(folios[0])


def _contents_entries(reader: PdfReader, first: int, end: int) -> list[tuple[str, int]]:
    """The 目录's lines as (heading without its 一、 number, folio), wrapped lines joined."""
    text = "\n".join(reader.pages[i].extract_text() for i in range(first, end))
    entries: list[tuple[str, int]] = []
    pending = ""
    for line in text.split("\n")[1:]:  # the first line is the title 目　　录
        pending += line.strip()
        match = re.fullmatch(r"(.+?)[.…·]+\s*(\d+)", pending)
        if match:
            heading = re.sub(r"^[一二三四五六七八九十]+、", "", match.group(1))
            entries.append(("".join(heading.split()), int(match.group(2))))
            pending = ""
    assert not pending, pending
    return entries


def _all_bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """Every part's bookmark and the annexes nested under a part, in order."""
    found: list[tuple[str, int]] = []
    for entry in reader.outline[1:]:
        if isinstance(entry, list):
            found.extend(
                (e.title, reader.get_destination_page_number(e))
                for e in entry
                if not isinstance(e, list) and e.title.startswith("附件")
            )
        else:
            found.append((entry.title, reader.get_destination_page_number(entry)))
    return found


def test_contents_folios_are_the_footers_page_numbers(
    built: tuple[Dossier, BuildResult, Path],
) -> None:
    """Every 目录 line's folio is the number printed in the footer of the page where that part
    or annex starts (found by its bookmark), and its title is printed on that page."""
    _, result, _ = built
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    bookmarks = _all_bookmarks(reader)
    contents = _contents_entries(reader, 1, bookmarks[0][1])
    assert len(contents) == len(bookmarks)
    assert any(title.startswith("附件") for title, _ in contents[:4]), "the plan's annexes"
    for (heading, folio), (bookmark, start) in zip(contents, bookmarks, strict=True):
        assert heading == "".join(bookmark.split()), (heading, bookmark)
        assert _footer_folio(reader, start) == folio, heading
        assert folio == int(reader.page_labels[start]), heading
        page = "".join(reader.pages[start].extract_text().split())
        title = re.sub(r"^附件\d*", "", heading)
        assert title in page, (heading, start)
    folios = [_footer_folio(reader, i) for i in range(bookmarks[0][1], len(reader.pages))]
    assert folios == list(range(1, len(folios) + 1)), "continuous folios across the parts"


def _annex_pages(reader: PdfReader, prefix: str) -> range:
    outline = _outline(reader)
    [(index, start)] = [(i, s) for i, (t, s, _) in enumerate(outline) if t.startswith(prefix)]
    end = outline[index + 1][1] if index + 1 < len(outline) else len(reader.pages)
    return range(start, end)


def test_self_assessment_workbook_is_bound_as_a_readable_annex(
    built: tuple[Dossier, BuildResult, Path],
) -> None:
    dossier, result, _ = built
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    pages = _annex_pages(reader, "附件1")
    assert len(pages) >= 2
    text = "".join("".join(reader.pages[i].extract_text().split()) for i in pages)
    assert f"{dossier.community.name}安全社区自评表" in text
    for head in ("序号", "一级指标", "二级指标", "评分标准", "分值", "自评得分", "证明材料"):
        assert head in text, head
    assert "自评得分汇总" in text
    assessment = dossier.assessment
    assert assessment is not None
    evidence = [e.evidence[0] for e in assessment.items if e.evidence]
    assert evidence
    assert all("".join(e.split())[:10] in text for e in evidence)
    for i in pages:
        page = reader.pages[i]
        assert float(page.mediabox.width) > float(page.mediabox.height), "landscape A4"
        assert abs(float(page.mediabox.width) / MM - 297) < 1
        page_text = "".join(page.extract_text().split())
        assert page_text.count("序号") >= 1, "the header row repeats on every page"
        _, sizes = _lines(reader, i)
        assert min(sizes) >= 9 - 0.05, (i, min(sizes))
    _measured(merged.path.read_bytes(), pages)


def _measured(pdf: bytes, pages: range) -> None:
    """No text over text on the ``pages`` of ``pdf``, and no type below 9 pt (pdfplumber)."""
    with opened(pdf) as document:
        for i in pages:
            page = document.pages[i]
            assert not overlapping_words(page), (i, overlapping_words(page)[:3])
            assert smallest_type(page) >= 9 - 0.05, (i, smallest_type(page))


def test_injury_summary_is_bound_as_an_annex(built: tuple[Dossier, BuildResult, Path]) -> None:
    dossier, result, _ = built
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    pages = _annex_pages(reader, "附件2")
    text = "".join("".join(reader.pages[i].extract_text().split()) for i in pages)
    assert "卡片编号" not in text, "the record sheet is not printed"
    for title in ("伤害发生原因构成", "伤害发生地点构成", "年龄性别分布", "月份分布"):
        assert title in text, title
    assert f"合计{len(dossier.injury_records)}100.0%" in text
    assert "其他年份" not in text
    for i in pages:
        _, sizes = _lines(reader, i)
        assert min(sizes) >= 9 - 0.05, (i, min(sizes))
    _measured(merged.path.read_bytes(), pages)


def test_plan_annexes_are_bookmarked_under_the_plan(
    built: tuple[Dossier, BuildResult, Path],
) -> None:
    dossier, result, _ = built
    plan = dossier.work_plan
    assert plan is not None
    assert plan.organisation is not None  # its members are the plan's first annex
    titles = ["创建工作机构组成人员名单"] + [annex.title for annex in plan.annexes]
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    [(_, start, headings)] = [e for e in _outline(reader) if e[0] == plan.title]
    nested = [h for h in headings if h.startswith("附件")]
    labels = ["附件"] if len(titles) == 1 else [f"附件{i}" for i in range(1, 10)]
    assert nested == [f"{label}\u3000{title}" for label, title in zip(labels, titles, strict=False)]
    assert start < min(p for t, p in _all_bookmarks(reader) if t in nested)


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
    assert "创建成效" in texts["work_report"]
    assert "针对二级指标" not in texts["work_report"]
    assert "档案编号" in texts["archive_index"]
    assert dossier.community.name in texts["application"]
    assert "自评结果" in texts["self_assessment"]


def test_fonts_embedded_and_mapped(built: tuple[Dossier, BuildResult, Path]) -> None:
    _, result, _ = built
    sources = {o.path.stem: o.path for o in result.outputs if o.format == "docx"}
    for output in (o for o in result.outputs if o.format == "pdf"):
        # The English application declares Times New Roman and 宋体 only (no 仿宋 fallback).
        latin = output.kind != "dossier" and get_kind(output.kind).typography == "latin"
        declared = declared_fonts(sources[output.path.stem].read_bytes()) if latin else None
        assert font_warnings(output.path.read_bytes(), declared=declared) == [], output.path.name
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


def _lines(
    reader: PdfReader, index: int, *, texts: bool = False
) -> tuple[dict[float, list[Any]], list[float]]:
    """The page's text baselines (y: x positions, or the texts) and type sizes (pt)."""
    baselines: dict[float, list[Any]] = {}
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _: object, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        baselines.setdefault(round(y, 1), []).append(text if texts else x)
        sizes.append(size * (tm[3] if tm[3] else 1) * (cm[3] if cm[3] else 1))

    reader.pages[index].extract_text(visitor_text=visit)
    return baselines, sizes


def test_work_plan_layout_is_gbt9704(built: tuple[Dossier, BuildResult, Path]) -> None:
    """A4; body text inside the 156 × 225 mm type area (±1 mm; 225 × 156 mm on a landscape
    page); 22 lines on a full page."""
    _, result, _ = built
    [plan] = [o for o in result.outputs if o.kind == "work_plan" and o.format == "pdf"]
    reader = PdfReader(plan.path)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width / MM - 210) < 0.5
    assert abs(height / MM - 297) < 0.5
    full_pages = 0
    for index in range(len(reader.pages)):
        box = reader.pages[index].mediabox
        if float(box.width) > float(box.height):  # a wide table's landscape page: the same
            left, right = 35 * MM, (297 - 37) * MM  # type area turned with the page
            top, bottom = float(box.height) - 28 * MM, 26 * MM
        else:
            left, right = 28 * MM, (210 - 26) * MM
            top, bottom = height - 37 * MM, 35 * MM
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
    assert len([n for n in names if n.endswith(".pdf")]) == 3 + len(dossier.projects) + 4
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


def test_archive_index_is_in_the_dossier_and_its_contents(
    built: tuple[Dossier, BuildResult, Path],
) -> None:
    """The 档案目录 is a part of dossier.pdf: listed in the 目录 with the folio printed on its
    first page, which shows its title and the first piece of evidence of the self-assessment."""
    dossier, result, _ = built
    assert dossier.assessment is not None
    [merged] = [o for o in result.outputs if o.kind == "dossier"]
    reader = PdfReader(merged.path)
    bookmarks = _all_bookmarks(reader)
    contents = _contents_entries(reader, 1, bookmarks[0][1])
    title = f"{dossier.community.name}安全社区创建档案目录"
    [(folio, start)] = [
        (folio, page)
        for (heading, folio), (_, page) in zip(contents, bookmarks, strict=True)
        if heading == title
    ]
    assert _footer_folio(reader, start) == folio
    page = "".join(reader.pages[start].extract_text().split())
    assert title in page
    first = next(t for e in dossier.assessment.items for t in e.evidence)
    assert "".join(first.split())[:10] in page
    assert "archive_index" in {o.kind for o in result.outputs if o.format == "pdf"}
