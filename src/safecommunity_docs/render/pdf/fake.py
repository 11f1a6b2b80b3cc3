"""A converter for tests where LibreOffice is beside the point: one small deterministic page."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Sequence

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from ...errors import ConversionError
from .base import ContextClosing, ConverterStats

_A4 = (595.28, 841.89)


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _to_unicode(chars: list[str]) -> bytes:
    """Return a ToUnicode CMap mapping code i+1 to ``chars[i]``."""
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CMapName /SCD-Fake def /CMapType 2 def",
        "1 begincodespacerange <00> <FF> endcodespacerange",
        f"{len(chars)} beginbfchar",
    ]
    for code, char in enumerate(chars, start=1):
        lines.append(f"<{code:02X}> <{char.encode('utf-16-be').hex().upper()}>")
    lines += ["endbfchar", "endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode("ascii")


def fake_pdf(name: str) -> bytes:
    """Return a deterministic one-page A4 PDF whose extractable text and title are ``name``.

    The text uses a non-embedded Helvetica with a ToUnicode map, so any characters (Chinese
    included) come back from text extraction although no glyph is drawn for them.
    """
    chars = list(dict.fromkeys(name))[:255] or [" "]
    codes = bytes(chars.index(c) + 1 for c in name if c in chars) or b"\x01"
    writer = PdfWriter()
    page = writer.add_blank_page(*_A4)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/FirstChar"): NumberObject(1),
            NameObject("/LastChar"): NumberObject(len(chars)),
            NameObject("/Widths"): ArrayObject([NumberObject(500)] * len(chars)),
            NameObject("/ToUnicode"): writer._add_object(_stream(_to_unicode(chars))),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    content = b"BT /F1 16 Tf 72 760 Td <" + codes.hex().encode("ascii") + b"> Tj ET"
    page[NameObject("/Contents")] = writer._add_object(_stream(content))
    writer.add_metadata({"/Title": TextStringObject(name), "/Producer": "safecommunity-docs fake"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class FakeConverter(ContextClosing):
    """A :class:`Converter` that returns :func:`fake_pdf` of each document's name.

    ``fail`` names documents for which it raises :class:`ConversionError` instead, so callers'
    error handling can be tested without LibreOffice.
    """

    name = "fake"

    def __init__(self, fail: Sequence[str] = ()) -> None:
        """Create the converter; documents named in ``fail`` raise ConversionError."""
        self._fail = frozenset(fail)
        self._lock = threading.Lock()
        self._stats = ConverterStats()
        self.converted: list[str] = []

    @property
    def stats(self) -> ConverterStats:
        """Return a snapshot of the converter's statistics."""
        return self._stats

    def convert(self, docx: bytes, name: str) -> bytes:
        """Return a one-page PDF naming ``name`` (the Word bytes are only checked to be a zip)."""
        started = time.perf_counter()
        if name in self._fail or not docx.startswith(b"PK"):
            raise ConversionError(
                f"{name}: the fake converter refuses it", converter=self.name, returncode=1
            )
        pdf = fake_pdf(name)
        with self._lock:
            self.converted.append(name)
            s = self._stats
            self._stats = ConverterStats(
                documents=s.documents + 1,
                seconds=s.seconds + time.perf_counter() - started,
            )
        return pdf

    def convert_many(self, items: Sequence[tuple[str, bytes]]) -> list[bytes]:
        """Return the PDFs of ``(name, docx)`` items, in the same order."""
        return [self.convert(docx, name) for name, docx in items]

    def close(self) -> None:
        """Do nothing: the fake converter holds no process."""
