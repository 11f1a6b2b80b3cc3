"""Stamped page numbers against LibreOffice's own: a part converted once without its numbers
and stamped reads exactly like the part converted with them, from 1 and from a folio."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pdfplumber
import pytest

import safecommunity_docs.dossier_pdf as stage
from safecommunity_docs import build, load
from safecommunity_docs.render.docx.folio import number_from
from safecommunity_docs.render.docx.furniture import numbering_plan, numbers_document
from safecommunity_docs.render.pdf import LibreOfficeConverter
from safecommunity_docs.render.pdf.stamp import PageNumbers
from tests.conftest import EXAMPLES

Words = list[list[tuple[str, float, float]]]


@pytest.fixture(scope="module")
def converter() -> Iterator[LibreOfficeConverter]:
    with LibreOfficeConverter(workers=1) as own:
        yield own


def _words(pdf: bytes) -> Words:
    """Every word of every page with its position (to a tenth of a point)."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            [(w["text"], round(w["x0"], 1), round(w["top"], 1)) for w in page.extract_words()]
            for page in document.pages
        ]


def test_stamped_numbers_read_as_the_parts_own(converter: LibreOfficeConverter) -> None:
    result = build(load(EXAMPLES / "qinghe-street"), None, ["docx"])
    [report] = [o for o in result.outputs if o.path.name.endswith("诊断报告.docx")]
    source = report.read()
    plan = numbering_plan(source)
    assert plan is not None, "the house furniture is stamped"
    numbers = PageNumbers(converter.convert(numbers_document(plan, 100), "页码"), 100)
    bare = converter.convert(plan.bare, "bare")
    direct = _words(converter.convert(source, "direct"))
    stamped = _words(numbers.stamp(bare, 1))
    assert len(direct) > 20
    with pdfplumber.open(io.BytesIO(bare)) as pages:
        assert any(p.width > p.height for p in pages.pages), "it has landscape pages"
    assert stamped == direct
    for folio in (38, 41):  # an even folio swaps the footers' sides, an odd one does not
        direct = _words(converter.convert(number_from(source, folio), f"from {folio}"))
        assert _words(numbers.stamp(bare, folio)) == direct
        assert direct[0][-2][0] == str(folio)


def test_a_dossier_converts_each_part_once(monkeypatch: pytest.MonkeyPatch) -> None:
    kept: dict[object, bytes] = {}
    monkeypatch.setattr(stage, "_NUMBERS", kept)  # as in a fresh process
    dossier = load(EXAMPLES / "qinghe-street")
    with LibreOfficeConverter(workers=2) as counting:
        result = build(dossier, None, ["docx", "xlsx", "pdf"], converter=counting)
        documents = counting.stats.documents
    words = [o for o in result.outputs if o.path.suffix == ".docx"]
    pdfs = [o for o in result.outputs if o.path.suffix == ".pdf" and o.path.name != "dossier.pdf"]
    assert len(pdfs) == len(words)
    # each Word document, the two bound workbooks, cover, 目录 and one page-number document
    assert documents == len(words) + 2 + 3
    assert len(kept) == 1, "the page-number document is kept for the process's next dossier"
    dossier_pdf = next(o for o in result.outputs if o.path.name == "dossier.pdf").read()
    pages = _words(dossier_pdf)
    first_part = next(i for i, page in enumerate(pages) if page and page[-1][0] == "—")
    folios = [page[-2][0] for page in pages[first_part:] if page and page[-1][0] == "—"]
    assert folios[:3] == ["1", "2", "3"]
