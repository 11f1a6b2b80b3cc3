"""With LibreOffice: the diagnosis report's hazard tables on landscape pages, numbered on."""

from __future__ import annotations

import io
import re

import docx
import pytest
from pypdf import PdfReader

from safecommunity_docs import load, render
from safecommunity_docs.models.diagnosis import DiagnosisReport
from safecommunity_docs.render.pdf import LibreOfficeConverter
from safecommunity_docs.views.format import fmt_date
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.libreoffice
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered() -> tuple[DiagnosisReport, bytes, bytes]:
    dossier = load(EXAMPLES / "qinghe-street")
    report = dossier.diagnosis
    assert report is not None
    word = render(report, "docx", dossier=dossier)
    with LibreOfficeConverter(workers=1) as converter:
        pdf = converter.convert(word, "diagnosis")
    return report, word, pdf


def test_hazard_tables_are_in_a_landscape_section_of_the_word_file(
    rendered: tuple[DiagnosisReport, bytes, bytes],
) -> None:
    _, word, _ = rendered
    document = docx.Document(io.BytesIO(word))
    sections = document.sections
    names = [s.orientation.name for s in sections]
    assert names[0] == names[-1] == "PORTRAIT"
    assert "LANDSCAPE" in names  # the hazard chapter (and any other wide table)
    turned = sections[names.index("LANDSCAPE")]
    assert turned.page_width > turned.page_height
    # the portrait margins rotated with the page: the type area stays 225 × 156 mm
    assert round((turned.page_width - turned.left_margin - turned.right_margin) / 36000) == 225
    assert round((turned.page_height - turned.top_margin - turned.bottom_margin) / 36000) == 156
    assert turned.footer.is_linked_to_previous or turned.footer.paragraphs
    body = document.element.body
    breaks = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]
    captions = [p for p in body.iter(f"{W}p") if "危险源和隐患" in "".join(p.itertext())]
    position = list(body.iter(f"{W}p"))
    assert captions
    for caption in captions:  # the section a caption is in ends at the next break: landscape
        at = position.index(caption)
        ending = next(b for b in breaks if position.index(b) > at)
        size = ending.find(f"{W}pPr/{W}sectPr/{W}pgSz")
        assert size is not None
        assert size.get(f"{W}orient") == "landscape"


def _folio(text: str) -> int | None:
    found = re.findall(r"—\s*(\d+)\s*—", text)
    return int(found[-1]) if found else None


def test_hazard_pages_are_landscape_numbered_on_and_dates_unbroken(
    rendered: tuple[DiagnosisReport, bytes, bytes],
) -> None:
    report, _, pdf = rendered
    reader = PdfReader(io.BytesIO(pdf))
    texts = [page.extract_text() for page in reader.pages]
    assert [_folio(t) for t in texts] == list(range(1, len(texts) + 1))
    hazard = [i for i, t in enumerate(texts) if "危险源和隐患" in t.replace(" ", "")]
    assert hazard
    for i in hazard:
        box = reader.pages[i].mediabox
        assert box.width > box.height, f"page {i + 1} is not landscape"
    lines = {line.replace(" ", "") for i in hazard for line in texts[i].splitlines()}
    lines |= {line.replace(" ", "") for i in hazard for line in texts[i + 1].splitlines()}
    deadlines = {fmt_date(h.deadline) for u in report.hazard_units for h in u.hazards if h.deadline}
    for day in deadlines:  # a date in a table cell is never broken over two lines
        assert any(day in line for line in lines), day
    portrait = [i for i in range(len(texts)) if i not in hazard and i - 1 not in hazard]
    assert all(
        reader.pages[i].mediabox.width < reader.pages[i].mediabox.height for i in portrait[:3]
    )
