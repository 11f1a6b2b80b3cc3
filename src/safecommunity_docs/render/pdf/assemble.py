"""Assemble the dossier PDF with pypdf: cover, 目录, every part, outline, page labels, metadata."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import NameObject, TextStringObject


@dataclass(frozen=True)
class Part:
    """One document of the dossier: its outline title, page-label prefix and PDF."""

    title: str
    label: str
    pdf: bytes


@dataclass(frozen=True)
class DossierMeta:
    """Document information of the assembled PDF."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()


def page_count(pdf: bytes) -> int:
    """The number of pages of ``pdf``."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def start_pages(front_pages: int, parts: Sequence[Part]) -> list[int]:
    """The 1-based page on which each part starts, after ``front_pages`` (cover and 目录)."""
    starts, page = [], front_pages + 1
    for part in parts:
        starts.append(page)
        page += page_count(part.pdf)
    return starts


def assemble(cover: bytes, contents: bytes, parts: Sequence[Part], meta: DossierMeta) -> bytes:
    """Merge cover, 目录 and parts into one PDF.

    Each part becomes one outline entry with the part's own bookmarks (its headings) nested
    under it; page labels read 封面, 目录 i, ii …, then per part its label and its own page
    numbers (as printed in the footer); the metadata carries title, author, subject, keywords
    and the language zh-CN. The page count is the sum of the inputs'.
    """
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover)), import_outline=False)
    cover_pages = len(writer.pages)
    writer.append(PdfReader(io.BytesIO(contents)), import_outline=False)
    front = len(writer.pages)
    writer.add_outline_item(title="目录", page_number=cover_pages)
    writer.set_page_label(0, cover_pages - 1, prefix="封面")
    writer.set_page_label(
        cover_pages, front - 1, style=PageLabelStyle.LOWERCASE_ROMAN, prefix="目录 "
    )
    for part in parts:
        first = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(part.pdf)), outline_item=part.title, import_outline=True)
        writer.set_page_label(
            first,
            len(writer.pages) - 1,
            style=PageLabelStyle.DECIMAL,
            prefix=f"{part.label} ",
            start=1,
        )
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
