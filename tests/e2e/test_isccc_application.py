"""The English ISCCC application of qinghe-street as written: Word (python-docx) and PDF
(LibreOffice, read back with pypdf): every section, English only but for names and quoted
titles, babel's en formats, the Latin layout and its fonts."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import pytest
from docx.shared import Pt
from pypdf import PdfReader

import safecommunity_docs as scd
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.pdf import (
    LibreOfficeConverter,
    declared_fonts,
    embedded_fonts,
    font_warnings,
)
from tests.conftest import EXAMPLES
from tests.unit.test_isccc import INDICATOR_TITLES, stray

pytestmark = pytest.mark.libreoffice

SECTIONS = ("1. Community presentation", "2. Overview", "3. Work so far")


@pytest.fixture(scope="module")
def qinghe() -> Dossier:
    return scd.load(EXAMPLES / "qinghe-street")


@pytest.fixture(scope="module")
def word(qinghe: Dossier) -> bytes:
    return scd.render(qinghe.isccc, "docx", dossier=qinghe)


@pytest.fixture(scope="module")
def pdf(qinghe: Dossier) -> Iterator[bytes]:
    with LibreOfficeConverter(workers=1) as converter:
        yield scd.render(qinghe.isccc, "pdf", dossier=qinghe, converter=converter)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_word_document_has_every_section_in_english(word: bytes) -> None:
    document = docx.Document(io.BytesIO(word))
    headings = [p.text for p in document.paragraphs if p.style.name == "GW Heading 1"]
    assert headings[:3] == list(SECTIONS)
    for n, (heading, title) in enumerate(zip(headings[3:], INDICATOR_TITLES, strict=True), 4):
        assert heading.startswith(f"{n}. {title}")
    texts = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    texts += [c.replace("\u2060", "") for c in cells]  # word joiners keep numbers whole
    assert [t for t in texts if stray(t)] == []
    assert "68,240 (33,610 male, 34,630 female)" in texts  # babel, locale en
    assert "20 November 2026" in texts
    assert document.core_properties.language == "en-GB"


def test_the_word_document_is_set_in_a_latin_layout(word: bytes) -> None:
    document = docx.Document(io.BytesIO(word))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.top_margin.mm) == 25
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(12)
    fonts = normal.element.rPr.rFonts
    assert fonts.get(docx.oxml.ns.qn("w:ascii")) == "Times New Roman"
    assert fonts.get(docx.oxml.ns.qn("w:eastAsia")) == "宋体"
    assert document.styles["GW Heading 1"].font.bold


def test_the_pdf_has_every_section_and_no_stray_chinese(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    text = _words(" ".join(page.extract_text() for page in reader.pages))
    for heading in (*SECTIONS, *(f"{n}. {t}" for n, t in enumerate(INDICATOR_TITLES, 4))):
        assert heading in text, heading
    assert stray(text) == []
    assert "(清河街道)" in text.replace(" ", "")  # the original name, kept
    assert "1 March 2025" in text
    assert "68,240" in text


def test_the_pdf_embeds_liberation_serif_without_font_warnings(pdf: bytes, word: bytes) -> None:
    names = {font.name for font in embedded_fonts(pdf)}
    assert any(name.startswith("LiberationSerif") for name in names)
    assert any(name.startswith("NotoSerifCJK") for name in names)  # the Chinese names
    assert font_warnings(pdf, declared=declared_fonts(word)) == []
