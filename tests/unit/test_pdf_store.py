"""The folder of converted PDFs under their document's hash (PdfStore) and the user's store of
page-number documents (furniture_store), LibreOffice's alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecommunity_docs.render.pdf import FakeConverter, fake_pdf
from safecommunity_docs.render.pdf.cache import PdfStore, furniture_store
from safecommunity_docs.render.pdf.libreoffice import LibreOfficeConverter


def test_a_store_keeps_a_pdf_under_its_document_and_identity(tmp_path: Path) -> None:
    store = PdfStore(tmp_path, "fonts A|1.0")
    pdf = fake_pdf("页码")
    assert store.get(b"docx") is None
    store.put(b"docx", pdf)
    assert store.get(b"docx") == pdf
    assert store.get(b"other docx") is None
    assert PdfStore(tmp_path, "fonts B|1.0").get(b"docx") is None, "other fonts, other key"
    assert store.path(b"docx").parent.parent == tmp_path
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [store.path(b"docx").name]
    store.forget(b"docx")
    assert store.get(b"docx") is None
    store.forget(b"docx")  # forgetting twice is no error


def test_only_libreoffice_shares_page_number_documents_across_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_CACHE", str(tmp_path))
    assert furniture_store(FakeConverter()) is None
    soffice = tmp_path / "soffice"
    soffice.write_text("#!/bin/sh\n")
    soffice.chmod(0o755)
    converter = LibreOfficeConverter(workers=1, mode="oneshot", soffice=str(soffice))
    try:
        store = furniture_store(converter)
        assert store is not None
        assert store.folder == tmp_path / "furniture"
        assert str(soffice) in store.identity, "another LibreOffice converts them afresh"
        before = store.key(b"docx")
        soffice.write_text("#!/bin/sh\n# upgraded\n")
        upgraded = furniture_store(converter)
        assert upgraded is not None
        assert upgraded.key(b"docx") != before
    finally:
        converter.close()


def test_a_damaged_pdf_in_the_store_is_dropped_and_counts_as_missing(tmp_path: Path) -> None:
    store = PdfStore(tmp_path, "fonts A|1.0")
    pdf = fake_pdf("页码")
    store.put(b"docx", pdf)
    store.path(b"docx").write_bytes(pdf[: len(pdf) // 2])  # cut short outside the library
    assert store.get(b"docx") is None
    assert not store.path(b"docx").exists()
    store.path(b"docx").write_bytes(b"not a pdf at all %%EOF")
    assert store.get(b"docx") is None
    store.put(b"docx", pdf)
    assert store.get(b"docx") == pdf
