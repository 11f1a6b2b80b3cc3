"""The workbooks printed by LibreOffice, measured with pdfplumber: no text over text, 9 pt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from safecommunity_docs import load
from safecommunity_docs.api import render, score
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.pdf import LibreOfficeConverter
from tests.conftest import SHOWCASE
from tests.print_measure import opened, overlapping_words, smallest_type, texts_at

pytestmark = pytest.mark.libreoffice
FOLDERS = list(SHOWCASE)
MIN_POINTS = 9.0


@pytest.fixture(scope="module")
def converter() -> Iterator[LibreOfficeConverter]:
    with LibreOfficeConverter(workers=1) as shared:
        yield shared


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def printed(
    request: pytest.FixtureRequest, converter: LibreOfficeConverter
) -> tuple[Dossier, dict[str, bytes]]:
    """An example's 自评表 and 伤害监测台账 as LibreOffice prints them (every sheet)."""
    folder: Path = request.param
    dossier = load(folder)
    assert dossier.assessment is not None
    books = {
        "scorecard": render(dossier.assessment, "xlsx", dossier=dossier),
        "ledger": render(dossier, "xlsx", kind="injury_ledger"),
    }
    pdfs = converter.convert_many([(f"{name}.xlsx", data) for name, data in books.items()])
    return dossier, dict(zip(books, pdfs, strict=True))


@pytest.mark.parametrize("book", ["scorecard", "ledger"])
def test_no_text_prints_over_text(printed: tuple[Dossier, dict[str, bytes]], book: str) -> None:
    _, pdfs = printed
    with opened(pdfs[book]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            assert not overlapping_words(page), (book, number, overlapping_words(page)[:3])


@pytest.mark.parametrize("book", ["scorecard", "ledger"])
def test_type_is_nine_points_or_more(printed: tuple[Dossier, dict[str, bytes]], book: str) -> None:
    _, pdfs = printed
    with opened(pdfs[book]) as pdf:
        sizes = [smallest_type(page) for page in pdf.pages]
    assert min(sizes) >= MIN_POINTS - 0.05, (book, sizes.index(min(sizes)) + 1, min(sizes))


def test_the_conclusion_is_printed_whole(printed: tuple[Dossier, dict[str, bytes]]) -> None:
    dossier, pdfs = printed
    verdict = score(dossier).verdict
    with opened(pdfs["scorecard"]) as pdf:
        summary = pdf.pages[-1]  # the 汇总 sheet prints after the scoring sheet
        assert "下一步" in (summary.extract_text() or "")
        for text in (verdict.label, verdict.next_step):
            whole = "".join(text.split())
            found = texts_at(summary, text[:3])
            assert any(t.startswith(whole) for t in found), (text, found)


def test_every_record_is_printed_with_its_card_number_on_each_page_across(
    printed: tuple[Dossier, dict[str, bytes]],
) -> None:
    dossier, pdfs = printed
    with opened(pdfs["ledger"]) as pdf:
        texts = ["".join((p.extract_text() or "").split()) for p in pdf.pages]
    record_pages = [t for t in texts if "卡片编号" in t]
    assert any("伤害经过" in t for t in record_pages)
    first = [t for t in record_pages if dossier.injury_records[0].card_no in t]
    assert len(first) >= 2, "the record's columns go across pages, its 卡片编号 on each"
    assert "伤害经过" not in first[0], "not every column squeezed onto one page"
    every = "".join(record_pages)
    assert all(r.card_no in every for r in dossier.injury_records)
    assert all("".join(r.description.split())[:8] in every for r in dossier.injury_records)
    assert not any("其他年份" in t for t in texts)
