"""The dossier's own pages and binding: 目录 entries, folios in Word sections, bound workbooks."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from pypdf import PdfReader, PdfWriter

from safecommunity_docs import build, load
from safecommunity_docs.build import context_for
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.render.docx.folio import number_from
from safecommunity_docs.render.docx.ooxml import paragraph
from safecommunity_docs.render.docx.package import package
from safecommunity_docs.render.pdf import FakeConverter, fake_pdf
from safecommunity_docs.render.pdf.assemble import find_starts
from safecommunity_docs.render.xlsx.annex import (
    LANDSCAPE_WIDTH,
    MIN_POINTS,
    bind,
    bound_workbook,
    column_points,
    number_bound,
)
from safecommunity_docs.render.xlsx.cells import keeping_saved, save_workbook, saved_workbook
from safecommunity_docs.views.builder import BlockBuilder
from safecommunity_docs.views.document import DocumentView
from safecommunity_docs.views.dossier import ContentsEntry, annexes_in, contents_view
from tests.conftest import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_contents_lists_parts_numbered_and_annexes_indented() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    view = contents_view(
        dossier,
        [
            ContentsEntry("工作计划", 3),
            ContentsEntry("任务分解表", 20, level=2, label="附件1"),
            ContentsEntry("诊断报告", 22),
            ContentsEntry("自评表", 40, label="附件1"),
        ],
    )
    assert [b.text for b in view.blocks] == [
        "一、工作计划\t3",
        "\u3000\u3000附件1\u3000任务分解表\t20",
        "二、诊断报告\t22",
        "三、附件1\u3000自评表\t40",
    ]


def test_annexes_are_found_in_a_document_view() -> None:
    b = BlockBuilder()
    b.add("p", "正文")
    b.add("annex_label", "附件1")
    b.add("annex_title", "任务分解表")
    b.add("annex_label", "附件2")
    b.add("p", "无标题的附件")
    view = DocumentView("标题", "", tuple(b.blocks), "作者", date(2025, 1, 1))
    assert annexes_in(view) == [("附件1", "任务分解表"), ("附件2", "")]


def test_the_work_plan_view_names_its_annexes() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.work_plan is not None
    kind = get_kind("work_plan")
    view = kind.view("document", dossier.work_plan, context_for(dossier))
    members = "创建工作机构组成人员名单"
    titles = [members] + [a.title for a in dossier.work_plan.annexes]
    assert [title for _, title in annexes_in(view)] == titles


def _sections(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package_zip:
        root = etree.fromstring(package_zip.read("word/document.xml"))
    return list(root.iter(f"{W}sectPr"))


def test_a_word_document_numbered_from_a_folio() -> None:
    source = package(paragraph("GWBody", "正文"), "标题")
    assert not _sections(source)[0].findall(f"{W}pgNumType")
    numbered = number_from(source, 37)
    [section] = _sections(numbered)
    [number] = section.findall(f"{W}pgNumType")
    assert number.get(f"{W}start") == "37"
    names = [etree.QName(c).localname for c in section]
    assert names.index("pgNumType") < names.index("cols"), "schema order"
    assert docx.Document(io.BytesIO(numbered)).paragraphs[0].text == "正文"
    again = number_from(numbered, 5)
    assert [n.get(f"{W}start") for n in _sections(again)[0].findall(f"{W}pgNumType")] == ["5"]


def _workbook() -> bytes:
    book = Workbook()
    records = book.active
    assert records is not None
    records.title = "记录"
    records["A1"] = "卡片编号"
    records.print_area = "A1:A1"
    summary = book.create_sheet("汇总")
    widths = [6, 40, 60, 50]
    for c, width in enumerate(widths, start=1):
        summary.column_dimensions["ABCD"[c - 1]].width = width
        summary.cell(row=1, column=c, value=f"列{c}").font = Font(size=10.5)
    long = summary.cell(row=2, column=3, value="很长的评分标准文字，" * 20)
    long.alignment = Alignment(wrap_text=True)
    long.font = Font(size=10.5)
    summary.print_title_rows = "1:1"
    extra = book.create_sheet("其他")
    extra["A1"] = "第二张表"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_workbook_bound_as_an_annex() -> None:
    data = bound_workbook(_workbook(), ("汇总", "其他"), "附件1\u3000自评表", first_page=37)
    book = load_workbook(io.BytesIO(data))
    records, summary, extra = book["记录"], book["汇总"], book["其他"]
    assert records.sheet_state == "hidden"
    assert not records.print_area, "a hidden sheet with a print range would still be printed"
    assert book.active is not None
    assert book.active.title == "汇总"
    for ws in (summary, extra):
        assert ws.sheet_state == "visible"
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr is not None
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader is not None
        assert ws.oddFooter is not None
        assert ws.oddHeader.left.text == "附件1\u3000自评表"
        assert ws.evenFooter is not None
        assert ws.HeaderFooter.differentOddEven
        assert ws.oddFooter.right.text == "— &P —\u3000", "odd pages: right, one character in"
        assert ws.evenFooter.left.text == "\u3000— &P —", "even pages: left, one character in"
        assert ws.oddFooter.center.text is None
        assert ws.evenHeader is not None
        assert ws.evenHeader.left.text == "附件1\u3000自评表"
        assert (ws.page_margins.top or 0) >= 0.9, "room for the 14 pt header"
    assert summary.page_setup.firstPageNumber == 37
    assert summary.page_setup.useFirstPageNumber
    assert not extra.page_setup.useFirstPageNumber, "the second sheet continues the count"
    assert summary.print_title_rows == "$1:$1"
    printable = LANDSCAPE_WIDTH - 72 * ((summary.page_margins.left or 0) * 2)
    total = sum(column_points(summary.column_dimensions[c].width) for c in "ABCD")
    assert 10.5 * printable / total >= MIN_POINTS, "fitted to the width, type stays >= 9 pt"
    height = summary.row_dimensions[2].height
    assert height is not None
    assert height > 3 * 10.5, "a row of wrapped text gets its height"


def test_a_workbook_without_the_sheets_is_an_error() -> None:
    with pytest.raises(ValueError, match="none of the sheets"):
        bound_workbook(_workbook(), ("不存在",), "附件1")


def test_annex_pages_are_found_by_their_first_words() -> None:
    writer = PdfWriter()
    for name in ("正文第一页", "附件 1 任务分解表", "表格续页", "附件2\n项目一览表"):
        writer.append(PdfReader(io.BytesIO(fake_pdf(name))))
    buffer = io.BytesIO()
    writer.write(buffer)
    pdf = buffer.getvalue()
    assert find_starts(pdf, ["附件1任务分解表", "附件2项目一览表", "附件3缺失"], first=1) == [
        1,
        3,
        None,
    ]
    assert find_starts(pdf, ["附件2项目一览表"], first=0) == [3]


def test_annex_pages_are_searched_from_the_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Annexes close a document: the body's pages before them are never read."""
    from safecommunity_docs.render.pdf import assemble

    writer = PdfWriter()
    names = (
        "正文第一页",
        "正文第二页",
        "正文第三页",
        "附件1任务分解表",
        "表格续页",
        "附件2项目一览表",
    )
    for name in names:
        writer.append(PdfReader(io.BytesIO(fake_pdf(name))))
    buffer = io.BytesIO()
    writer.write(buffer)
    read: list[str] = []
    text = assemble._text
    monkeypatch.setattr(assemble, "_text", lambda page: read.append(text(page)) or read[-1])
    assert find_starts(buffer.getvalue(), ["附件1任务分解表", "附件2项目一览表"], first=1) == [3, 5]
    assert read == ["附件2项目一览表", "表格续页", "附件1任务分解表"]


def test_dossier_pdf_binds_the_workbooks_and_numbers_continuously(tmp_path: Path) -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    result = build(dossier, tmp_path, formats=["pdf"], converter=FakeConverter())
    reader = PdfReader(tmp_path / "dossier.pdf")
    top = [e.title for e in reader.outline if not isinstance(e, list)]
    name = dossier.community.name
    assert f"附件1\u3000{name}安全社区自评表" in top
    assert f"附件2\u3000{name}伤害监测汇总表" in top
    assert top.index(f"附件1\u3000{name}安全社区自评表") == top.index(f"{name}安全社区自评报告") + 1
    assert reader.page_labels[2:5] == ["1", "2", "3"]
    pdfs = [o for o in result.outputs if o.format == "pdf" and o.kind != "dossier"]
    parts = [o for o in pdfs if o.kind != "isccc_application"]  # a file of its own
    assert len(parts) == len(pdfs) - 1
    assert len(reader.pages) == 2 + len(parts) + 2, "cover, 目录, parts, two bound workbooks"
    # The fake converter's one-page PDFs hold no page of the plan's annex: the build says so.
    assert any("工作计划" in w and "附件 not found" in w for w in result.warnings)


def test_the_pdf_stage_parses_each_converted_pdf_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page counts, annex pages, font checks and the assembly share one reader per PDF."""
    parsed: list[bytes] = []
    init = PdfReader.__init__

    def counting(self: PdfReader, stream: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(stream, io.BytesIO):
            parsed.append(stream.getvalue())
        init(self, stream, *args, **kwargs)

    monkeypatch.setattr(PdfReader, "__init__", counting)
    build(load(EXAMPLES / "qinghe-street"), tmp_path, formats=["pdf"], converter=FakeConverter())
    # cover, 目录, every part and its own PDF, both bound workbooks, the dossier
    assert len(parsed) >= 18
    assert len(parsed) == len(set(parsed))


def test_a_workbook_bound_from_an_even_folio_swaps_its_footers() -> None:
    """LibreOffice prints the first page as a right-hand page: an annex starting on folio 38
    puts the left-hand footer on the pages it prints first, third …."""
    data = bound_workbook(_workbook(), ("汇总",), "附件2\u3000汇总", first_page=38)
    ws = load_workbook(io.BytesIO(data))["汇总"]
    assert ws.oddFooter is not None
    assert ws.evenFooter is not None
    assert ws.oddFooter.left.text == "\u3000— &P —"
    assert ws.oddFooter.right.text is None
    assert ws.evenFooter.right.text == "— &P —\u3000"


def test_a_bound_workbook_gets_its_folio_without_being_loaded_again() -> None:
    """The dossier binds a workbook once and sets its folio later in the sheets' XML: the
    result is the workbook ``bound_workbook`` writes, and the hidden sheet is untouched."""
    source = _workbook()  # one workbook: openpyxl dates a new one to the second
    bound = bind(load_workbook(io.BytesIO(source)), ("汇总", "其他"), "附件1\u3000自评表")
    assert bound == bind(load_workbook(io.BytesIO(source)), ("汇总", "其他"), "附件1\u3000自评表")
    assert number_bound(bound, 1) is bound
    for folio in (37, 38):
        ours = number_bound(bound, folio)
        loaded = bound_workbook(source, ("汇总", "其他"), "附件1\u3000自评表", folio)
        assert ours == loaded
        book = load_workbook(io.BytesIO(ours))
        first, second = book["汇总"], book["其他"]
        assert first.page_setup.firstPageNumber == folio
        assert first.page_setup.useFirstPageNumber
        assert not second.page_setup.useFirstPageNumber
        for ws in (first, second):
            assert ws.oddFooter is not None
            assert ws.evenFooter is not None
            odd = ws.oddFooter.left.text if folio % 2 == 0 else ws.oddFooter.right.text
            even = ws.evenFooter.right.text if folio % 2 == 0 else ws.evenFooter.left.text
            assert (odd or "").strip("\u3000") == (even or "").strip("\u3000") == "— &P —"
        with zipfile.ZipFile(io.BytesIO(bound)) as a, zipfile.ZipFile(io.BytesIO(ours)) as b:
            changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
        swapped = ["xl/worksheets/sheet3.xml"] if folio % 2 == 0 else []
        assert changed == ["xl/worksheets/sheet2.xml", *swapped], "the hidden sheet is kept"


def test_the_workbook_just_saved_is_handed_over_once() -> None:
    book = Workbook()
    with keeping_saved():
        data = save_workbook(book, "台账", date(2026, 1, 5))
        assert saved_workbook(data) is book
        again = saved_workbook(data)
        assert again is not book, "handed over once: the second call loads the bytes"
        assert again.sheetnames == book.sheetnames
        other = save_workbook(Workbook(), "另一个", date(2026, 1, 5))
        assert saved_workbook(data) is not book
        assert saved_workbook(other).properties.title == "另一个"
        last = Workbook()
        kept = save_workbook(last, "留着", date(2026, 1, 5))
    outside = Workbook()
    data = save_workbook(outside, "台账", date(2026, 1, 5))
    assert saved_workbook(data) is not outside, "outside the block nothing is kept"
    assert saved_workbook(kept) is not last, "forgotten when the block ended"


def test_a_build_binds_its_workbooks_without_loading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safecommunity_docs.render.xlsx import cells

    loaded: list[int] = []

    def counting(*args: object, **kwargs: object) -> Workbook:
        loaded.append(1)
        return load_workbook(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cells, "load_workbook", counting)
    build(load(EXAMPLES / "qinghe-street"), tmp_path, ["xlsx", "pdf"], converter=FakeConverter())
    reader = PdfReader(tmp_path / "dossier.pdf")
    titles = [str(e.title) for e in reader.outline if not isinstance(e, list)]
    assert len([t for t in titles if t.startswith("附件")]) == 2
    assert loaded == [], "both workbooks were bound from memory"
    assert not getattr(cells._SAVED, "last", None), "nothing kept after the build"
