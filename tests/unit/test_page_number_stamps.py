"""Page numbers apart from the text: a part without them, the page-number document in its
furniture, and numbers stamped from it (LibreOffice's side is in tests/e2e)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from safecommunity_docs.errors import ConversionError, ConverterNotFound
from safecommunity_docs.render.docx.furniture import numbering_plan, numbers_document
from safecommunity_docs.render.docx.ooxml import SECTION, paragraph
from safecommunity_docs.render.docx.package import package
from safecommunity_docs.render.docx.sections import break_xml
from safecommunity_docs.render.pdf import FakeConverter, fake_pdf
from safecommunity_docs.render.pdf.cache import CachingConverter
from safecommunity_docs.render.pdf.stamp import PageNumbers
from safecommunity_docs.render.zipfix import replace_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W}


def _part(text: str = "正文", landscape: bool = True) -> bytes:
    """A part in the house furniture; with a landscape section in the middle."""
    body = paragraph("GWBody", text)
    if landscape:
        opening = f'<w:sectPr xmlns:w="{W}" xmlns:r="{R}">'
        base = etree.fromstring(SECTION.replace("<w:sectPr>", opening))
        body += break_xml(base, "portrait", True) + paragraph("GWBody", "宽表")
        body += break_xml(base, "landscape", False) + paragraph("GWBody", "后文")
    return package(body, "标题")


def _xml(docx: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(name))


def _replace(docx: bytes, name: str, edit: object) -> bytes:
    """``docx`` with part ``name`` edited as text."""
    assert callable(edit)
    text = zipfile.ZipFile(io.BytesIO(docx)).read(name).decode("utf-8")
    return replace_parts(docx, {name: edit(text).encode("utf-8")})


def test_the_bare_part_keeps_its_footer_paragraphs_without_text() -> None:
    source = _part()
    plan = numbering_plan(source)
    assert plan is not None
    for name in ("word/footer1.xml", "word/footer2.xml"):
        before, after = _xml(source, name), _xml(plan.bare, name)
        assert before.xpath("//w:instrText/text()", namespaces=NS) == [" PAGE "]
        assert after.xpath("//w:r", namespaces=NS) == []
        [p] = after.xpath("//w:p", namespaces=NS)
        # the paragraph keeps its place and the height of its 4号 text
        assert p.xpath("w:pPr/w:jc/@w:val", namespaces=NS) == before.xpath(
            "//w:pPr/w:jc/@w:val", namespaces=NS
        )
        assert p.xpath("w:pPr/w:rPr/w:sz/@w:val", namespaces=NS) == ["28"]
    same = ("word/document.xml", "word/styles.xml", "word/settings.xml")
    for name in same:
        assert etree.tostring(_xml(source, name)) == etree.tostring(_xml(plan.bare, name))


def test_parts_in_the_same_furniture_share_one_page_number_document() -> None:
    one, other = numbering_plan(_part("甲")), numbering_plan(_part("乙", landscape=False))
    assert one is not None
    assert other is not None
    assert one.key == other.key
    changed = _replace(_part(), "word/footer1.xml", lambda x: x.replace("— ", "第 "))
    plan = numbering_plan(changed)
    assert plan is not None
    assert plan.key != one.key


@pytest.mark.parametrize(
    ("name", "edit", "why"),
    [
        ("word/footer1.xml", lambda x: x.replace(" PAGE ", " NUMPAGES "), "another field"),
        (
            "word/footer1.xml",
            lambda x: x.replace("</w:ftr>", "<w:tbl/></w:ftr>"),
            "a table in the footer",
        ),
        (
            "word/document.xml",
            lambda x: x.replace("<w:cols ", "<w:titlePg/><w:cols ", 1),
            "a first page of its own",
        ),
        (
            "word/document.xml",
            lambda x: x.replace('w:w="11906" w:h="16838"', 'w:w="16838" w:h="23811"'),
            "a section of another size",
        ),
    ],
)
def test_furniture_it_cannot_reproduce_keeps_the_numbers_in_the_part(
    name: str, edit: object, why: str
) -> None:
    assert numbering_plan(_replace(_part(), name, edit)) is None, why


def test_a_word_field_with_format_switches_still_counts_as_a_page_number() -> None:
    switched = _replace(
        _part(), "word/footer2.xml", lambda x: x.replace(" PAGE ", " PAGE \\* MERGEFORMAT ")
    )
    assert numbering_plan(switched) is not None
    assert numbering_plan(b"not a zip") is None


def test_the_page_number_document_numbers_portrait_then_landscape_pages_from_one() -> None:
    plan = numbering_plan(_part())
    assert plan is not None
    with pytest.raises(ValueError, match="even"):
        numbers_document(plan, 7)
    root = _xml(numbers_document(plan, 6), "word/document.xml")
    assert root.xpath("count(//w:p[w:pPr/w:pageBreakBefore])", namespaces=NS) == 10
    sections = root.xpath("//w:sectPr", namespaces=NS)
    assert [s.xpath("string(w:pgNumType/@w:start)", namespaces=NS) for s in sections] == ["1", "1"]
    assert [s.xpath("string(w:pgSz/@w:orient)", namespaces=NS) for s in sections] == [
        "",
        "landscape",
    ]
    assert not root.xpath("//w:t", namespaces=NS), "nothing but the furniture"
    footer = _xml(numbers_document(plan, 6), "word/footer1.xml")
    assert footer.xpath("//w:instrText/text()", namespaces=NS) == [" PAGE "]


def _pdf(pages: list[tuple[str, bool]], shared: bool = False) -> bytes:
    """A PDF of pages reading each text, landscape where it says so; with ``shared`` every
    page uses the first page's resource dictionary, as LibreOffice writes them."""
    writer = PdfWriter()
    for text, landscape in pages:
        page = PdfReader(io.BytesIO(fake_pdf(text))).pages[0]
        if landscape:
            page.mediabox.upper_right = (page.mediabox.height, page.mediabox.width)
        writer.add_page(page)
    if shared:
        resources = writer._add_object(writer.pages[0]["/Resources"].get_object())
        for page in writer.pages:
            page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _numbers(pages: int) -> bytes:
    """A stand-in for a converted page-number document: pages reading N1 … then L1 …."""
    numbered = range(1, pages + 1)
    return _pdf([(f"N{n}", False) for n in numbered] + [(f"L{n}", True) for n in numbered])


def test_each_page_gets_the_number_it_carries_in_its_orientation() -> None:
    numbers = PageNumbers(_numbers(6), 6)
    shapes = [False, True, True, False]
    document = _pdf([("页", landscape) for landscape in shapes], shared=True)
    stamped = PdfReader(io.BytesIO(numbers.stamp(document, 3)))
    texts = ["".join(p.extract_text().split()) for p in stamped.pages]
    assert texts == ["页N3", "页L4", "页L5", "页N6"]
    again = PdfReader(io.BytesIO(numbers.stamp(document, 1)))
    assert ["".join(p.extract_text().split()) for p in again.pages] == [
        "页N1",
        "页L2",
        "页L3",
        "页N4",
    ]
    with pytest.raises(ValueError, match="beyond"):
        numbers.stamp(_pdf([("页", False), ("页", False)]), 6)


def test_a_page_number_document_of_the_wrong_shape_is_a_conversion_error() -> None:
    with pytest.raises(ConversionError, match="1 pages"):
        PageNumbers(fake_pdf("页码"), 6)


def test_a_cached_converter_stamps_when_the_converter_it_wraps_does(tmp_path: Path) -> None:
    class Paginating(FakeConverter):
        paginates = True

    def missing() -> FakeConverter:
        raise ConverterNotFound("no LibreOffice here", converter="libreoffice")

    assert CachingConverter(tmp_path, Paginating).paginates
    assert not CachingConverter(tmp_path, FakeConverter).paginates
    assert not CachingConverter(tmp_path, missing).paginates
