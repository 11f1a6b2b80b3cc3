"""Assemble the dossier PDF with pypdf: cover, 目录, every part, outline, page labels, metadata."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, TextStringObject

if TYPE_CHECKING:
    from .stamp import PageNumbers


@dataclass(frozen=True)
class Part:
    """One document of the dossier: its outline title, its PDF, and the annexes it holds as
    (outline title, page index inside ``pdf``), bookmarked under it."""

    title: str
    pdf: bytes
    annexes: tuple[tuple[str, int], ...] = ()
    numbers: PageNumbers | None = None
    """Stamps the part's pages with their folios from :attr:`folio` on (a part converted
    without page numbers); None when ``pdf`` prints them itself."""
    folio: int = 1


@dataclass(frozen=True)
class DossierMeta:
    """Document information of the assembled PDF."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()


def read(pdf: bytes | PdfReader) -> PdfReader:
    """``pdf`` as a reader (a reader is returned as it is)."""
    return pdf if isinstance(pdf, PdfReader) else PdfReader(io.BytesIO(pdf))


class Readers:
    """One reader per PDF, for a stage that reads a PDF several times (its page count, its
    annex pages, its numbered copy, its pages in the dossier): each is parsed once. pypdf
    keeps what it parsed in the reader, and copying pages into a writer leaves the reader
    as it was."""

    def __init__(self) -> None:
        self._known: dict[bytes, PdfReader] = {}

    def __call__(self, pdf: bytes) -> PdfReader:
        reader = self._known.get(pdf)
        if reader is None:
            reader = self._known[pdf] = read(pdf)
        return reader


def page_count(pdf: bytes | PdfReader) -> int:
    """The number of pages of ``pdf``: the page tree's ``/Count`` (one object read, where
    listing the pages reads every page object), else the pages listed."""
    reader = read(pdf)
    pages = reader.root_object.get("/Pages")
    count = pages.get("/Count") if isinstance(pages, DictionaryObject) else None
    return count if isinstance(count, int) and count >= 0 else len(reader.pages)


def _text(page: PageObject) -> str:
    return "".join(page.extract_text().split())


def find_starts(pdf: bytes | PdfReader, heads: Sequence[str], first: int = 0) -> list[int | None]:
    """The page index on which each of ``heads`` starts, from page ``first`` on: the page whose
    text (white space removed) begins with the head (white space removed), each head on a
    later page than the one before it; None for a head found nowhere.

    The search runs from the last page back, the last head first, since annexes close a
    document: only their pages are read (reading a page's text is the costly part, about
    0.05 s a page). Of two pages that begin alike, the later one is taken.
    """
    pages = read(pdf).pages
    texts: dict[int, str] = {}

    def starts_with(index: int, wanted: str) -> bool:
        if index not in texts:
            texts[index] = _text(pages[index])
        return texts[index].startswith(wanted)

    found: list[int | None] = [None] * len(heads)
    below = len(pages)
    for k in reversed(range(len(heads))):
        wanted = "".join(heads[k].split())
        hit = next((i for i in range(below - 1, first - 1, -1) if starts_with(i, wanted)), None)
        found[k] = hit
        if hit is not None:
            below = hit
    return found


def assemble(
    cover: bytes,
    contents: bytes,
    parts: Sequence[Part],
    meta: DossierMeta,
    reader: Callable[[bytes], PdfReader] = read,
) -> bytes:
    """Merge cover, 目录 and parts into one PDF (each read with ``reader``).

    Each part becomes one outline entry with the part's own bookmarks (its headings) nested
    under it, followed there by its annexes; page labels read 封面, 目录 i, ii …, then 1, 2 …
    from the first part on: the folios printed in the footers (numbered continuously across
    the parts); the metadata carries title, author, subject, keywords and the language zh-CN.
    The page count is the sum of the inputs'.
    """
    writer = PdfWriter()
    writer.append(reader(cover), import_outline=False)
    cover_pages = len(writer.pages)
    writer.append(reader(contents), import_outline=False)
    front = len(writer.pages)
    writer.add_outline_item(title="目录", page_number=cover_pages)
    writer.set_page_label(0, cover_pages - 1, prefix="封面")
    writer.set_page_label(
        cover_pages, front - 1, style=PageLabelStyle.LOWERCASE_ROMAN, prefix="目录 "
    )
    for part in parts:
        first = len(writer.pages)
        writer.append(reader(part.pdf), outline_item=part.title, import_outline=True)
        if part.numbers is not None:
            part.numbers.stamp_pages(writer, writer.pages[first:], part.folio)
        parent = writer.get_outline_root().get("/Last")  # the part's own entry, just added
        assert isinstance(parent, IndirectObject)
        for title, page in part.annexes:
            writer.add_outline_item(title=title, page_number=first + page, parent=parent)
    if len(writer.pages) > front:
        writer.set_page_label(front, len(writer.pages) - 1, style=PageLabelStyle.DECIMAL, start=1)
    writer.add_metadata(
        {
            "/Title": meta.title,
            "/Author": meta.author,
            "/Subject": meta.subject,
            "/Keywords": "；".join(meta.keywords),
            "/Creator": "safecommunity-docs",
        }
    )
    writer._root_object[NameObject("/Lang")] = TextStringObject("zh-CN")
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
