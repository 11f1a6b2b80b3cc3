"""Stamped page numbers against LibreOffice's own: a part converted once without its numbers
and stamped reads exactly like the part converted with them, from 1 and from a folio."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pytest

import safecommunity_docs
import safecommunity_docs.dossier_pdf as stage
from safecommunity_docs import build, load
from safecommunity_docs.render.docx.folio import number_from
from safecommunity_docs.render.docx.furniture import numbering_plan, numbers_document
from safecommunity_docs.render.pdf import LibreOfficeConverter
from safecommunity_docs.render.pdf.stamp import PageNumbers
from safecommunity_docs.render.zipfix import replace_parts
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


def test_a_dossier_converts_each_part_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each part once, and the page-number document once for every build of the user: a
    second build in a fresh process reads it from the user's store; a damaged copy there is
    converted again and replaced."""
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_CACHE", str(tmp_path / "cache"))
    dossier = load(EXAMPLES / "qinghe-street")

    def build_counting() -> tuple[int, list[list[str]], int]:
        kept: dict[object, bytes] = {}
        monkeypatch.setattr(stage, "_NUMBERS", kept)  # as in a fresh process
        with LibreOfficeConverter(workers=2) as counting:
            result = build(dossier, None, ["docx", "xlsx", "pdf"], converter=counting)
            documents = counting.stats.documents
        assert len(kept) == 1, "the page-number document is kept for the process's next dossier"
        words = [o for o in result.outputs if o.path.suffix == ".docx"]
        pdfs = [
            o for o in result.outputs if o.path.suffix == ".pdf" and o.path.name != "dossier.pdf"
        ]
        assert len(pdfs) == len(words)
        dossier_pdf = next(o for o in result.outputs if o.path.name == "dossier.pdf").read()
        return documents, _words(dossier_pdf), len(words)

    documents, pages, words = build_counting()
    # each Word document, the two bound workbooks, cover, 目录 and one page-number document
    assert documents == words + 2 + 3
    first_part = next(i for i, page in enumerate(pages) if page and page[-1][0] == "—")
    folios = [page[-2][0] for page in pages[first_part:] if page and page[-1][0] == "—"]
    assert folios[:3] == ["1", "2", "3"]
    [stored] = (tmp_path / "cache" / "furniture").rglob("*.pdf")

    again, same_pages, _ = build_counting()
    assert again == documents - 1, "the page-number document came from the user's store"
    assert same_pages == pages

    stored.write_bytes(stored.read_bytes()[:1000])  # a damaged copy
    third, third_pages, _ = build_counting()
    assert third == documents, "converted again"
    assert third_pages == pages
    assert len(stored.read_bytes()) > 1000, "and replaced"


def _folio(words: list[str]) -> int | None:
    """The folio among a page's last words: the number after 「—」 or 「第」."""
    for mark, number in pairwise(words):
        if mark in ("—", "第") and number.isdigit():
            return int(number)
    return None


def _with_footer(template: Path, edit: Callable[[str], str]) -> bytes:
    """``template`` with both footers edited."""
    docx = template.read_bytes()
    source = zipfile.ZipFile(template)
    names = ("word/footer1.xml", "word/footer2.xml")
    return replace_parts(docx, {n: edit(source.read(n).decode("utf-8")).encode() for n in names})


def test_user_footers_are_stamped_or_converted_with_their_numbers(
    converter: LibreOfficeConverter, tmp_path: Path
) -> None:
    """A user's work plan footer 「第 n 页」 gets a page-number document of its own; a
    diagnosis report whose footer also shows NUMPAGES is converted with its numbers (twice);
    the dossier's folios still run on from part to part."""
    templates = Path(safecommunity_docs.__file__).parent / "templates"
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "work_plan.docx").write_bytes(
        _with_footer(
            templates / "work_plan.docx",
            lambda x: x.replace(">— <", ">第 <").replace("> —<", "> 页<"),
        )
    )
    numpages = "".join(
        f"<w:r>{inner}</w:r>"
        for inner in (
            '<w:t xml:space="preserve"> 共</w:t>',
            '<w:fldChar w:fldCharType="begin"/>',
            '<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>1</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
            "<w:t>页</w:t>",
        )
    )
    (tmp_path / "templates" / "diagnosis_report.docx").write_bytes(
        _with_footer(
            templates / "diagnosis_report.docx",
            lambda x: x.replace("</w:p></w:ftr>", f"{numpages}</w:p></w:ftr>"),
        )
    )
    result = build(
        load(EXAMPLES / "qinghe-street"),
        tmp_path / "out",
        ["docx", "pdf"],
        template_dir=tmp_path / "templates",
        converter=converter,
    )
    out = {o.path.name: o for o in result.outputs}
    plan = _words(out[next(n for n in out if n.endswith("工作计划（2025—2026年）.pdf"))].read())
    assert [w[0] for w in plan[1][-3:]] == ["第", "2", "页"]
    assert "共40页" in [
        w[0] for w in _words(out[next(n for n in out if n.endswith("诊断报告.pdf"))].read())[0]
    ]
    folios = [_folio([w[0] for w in page[-5:]]) for page in _words(out["dossier.pdf"].read())]
    folios = [f for f in folios if f is not None]
    assert folios[:2] == [1, 2]
    assert folios == list(range(1, len(folios) + 1)), "folios run on across every part"
    assert len(folios) > 100
