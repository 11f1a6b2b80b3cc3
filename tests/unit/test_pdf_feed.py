"""The PDF stage fed while the build renders: documents converted as soon as they are rendered,
the 目录 and the cover converted once, bound workbooks not rendered a second time."""

from __future__ import annotations

import io
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from safecommunity_docs import build, load
from safecommunity_docs.errors import ConversionError
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.kinds.base import Kind
from safecommunity_docs.render.pdf import FakeConverter
from safecommunity_docs.render.pdf.feed import ConversionFeed
from tests.conftest import EXAMPLES

WAIT = 20.0
"""Seconds a synchronisation may wait before the test gives up (never reached when it passes)."""


class _Signalling(FakeConverter):
    """A fake converter that signals when it gets a document named ``first``."""

    def __init__(self, first: str) -> None:
        super().__init__()
        self.first = first
        self.got_first = threading.Event()

    def convert(self, docx: bytes, name: str) -> bytes:
        if name == self.first:
            self.got_first.set()
        return super().convert(docx, name)


def test_a_document_is_converted_while_the_next_ones_are_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    converter = _Signalling(get_kind("application").documents(dossier)[0].title)
    seen: list[bool] = []
    render_view = Kind.render_view

    def rendering(self: Kind, view: Any, fmt: str, *args: Any, **kwargs: Any) -> bytes:
        if self.name == "annual_summary" and fmt == "docx":
            # the application was rendered long before: its conversion has begun
            seen.append(converter.got_first.wait(WAIT))
        return render_view(self, view, fmt, *args, **kwargs)

    monkeypatch.setattr(Kind, "render_view", rendering)
    build(dossier, tmp_path, formats=["docx", "pdf"], converter=converter)
    assert seen == [True]
    assert (tmp_path / "dossier.pdf").is_file()


def test_the_contents_and_cover_are_converted_once_and_workbooks_rendered_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    rendered: Counter[tuple[str, str]] = Counter()
    render_view = Kind.render_view

    def counting(self: Kind, view: Any, fmt: str, *args: Any, **kwargs: Any) -> bytes:
        rendered[self.name, fmt] += 1
        return render_view(self, view, fmt, *args, **kwargs)

    monkeypatch.setattr(Kind, "render_view", counting)
    converter = FakeConverter()
    result = build(dossier, tmp_path, formats=["docx", "xlsx", "pdf"], converter=converter)
    converted = Counter(converter.converted)
    assert converted["目录"] == 1
    assert converted["封面"] == 1
    assert max(converted.values()) <= 2, "a part: its own PDF, then with the dossier's folios"
    name = dossier.community.name
    assert converted[f"{name}安全社区自评表"] == 1, "a bound workbook: once, at its folio"
    assert converted[f"{name}伤害监测汇总表"] == 1
    assert rendered["injury_ledger", "xlsx"] == 1
    assert rendered["self_assessment", "xlsx"] == 1
    outline = [e.title for e in PdfReader(tmp_path / "dossier.pdf").outline]
    assert f"附件2\u3000{dossier.community.name}伤害监测汇总表" in outline
    assert result.manifest is not None


class _Batch(FakeConverter):
    """A fake converter in LibreOffice's one-shot mode: it records its batches."""

    mode = "oneshot"

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[list[str]] = []

    def convert_many(self, items: Sequence[tuple[str, bytes]]) -> list[bytes]:
        self.batches.append([name for name, _ in items])
        return super().convert_many(items)


def test_a_one_shot_converter_gets_the_documents_in_one_batch() -> None:
    converter = _Batch()
    feed = ConversionFeed(converter)
    futures = [feed.submit(name, b"PK fake") for name in ("甲", "乙", "丙")]
    pdfs = [feed.result(f) for f in futures]
    feed.close()
    assert converter.batches == [["甲", "乙", "丙"]]
    assert [_text(p) for p in pdfs] == ["甲", "乙", "丙"]


def _text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text().strip()


def test_a_failed_conversion_is_raised_where_its_result_is_asked_for() -> None:
    feed = ConversionFeed(FakeConverter(fail=["坏"]))
    good, bad = feed.submit("好", b"PK fake"), feed.submit("坏", b"PK fake")
    assert _text(feed.result(good)) == "好"
    with pytest.raises(ConversionError, match="坏"):
        feed.result(bad)
    feed.close()
    batch = ConversionFeed(_BatchFailing())
    future = batch.submit("甲", b"PK fake")
    with pytest.raises(ConversionError, match="refuses"):
        batch.result(future)
    batch.close()


class _BatchFailing(_Batch):
    def convert_many(self, items: Sequence[tuple[str, bytes]]) -> list[bytes]:
        raise ConversionError("the batch: the fake converter refuses it", converter="fake")
