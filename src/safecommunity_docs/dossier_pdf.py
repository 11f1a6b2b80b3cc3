"""The PDF stage of a build: convert every Word document, then assemble the dossier PDF."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .kinds import Document, Kind, RenderContext
from .models.dossier import Dossier
from .render.docx.engine import render_docx
from .render.pdf import Converter, LibreOfficeConverter, font_warnings
from .render.pdf.assemble import DossierMeta, Part, assemble, page_count, start_pages
from .render.pdf.coverage import coverage_warnings
from .views.dossier import contents_view, cover_view, dossier_title, part_labels

DOSSIER_FILE = "dossier.pdf"


@dataclass(frozen=True)
class WordDocument:
    """A rendered Word document waiting for conversion."""

    kind: Kind
    document: Document
    docx: bytes


@dataclass(frozen=True)
class PdfStage:
    """What the PDF stage produced: one PDF per document, the dossier, warnings, restarts."""

    pdfs: list[bytes]
    dossier: bytes
    warnings: list[str]
    restarts: int
    seconds: float


def _convert(
    converter: Converter, words: Sequence[WordDocument], dossier: Dossier
) -> tuple[list[bytes], bytes, bytes]:
    """Convert the parts and the cover; then the 目录 twice: once to count its pages, once
    with the real starting page of each part."""
    items = [(w.document.stem, w.docx) for w in words]
    cover_docx = render_docx(cover_view(dossier))
    titles = [w.document.stem for w in words]
    draft = render_docx(contents_view(dossier, [(t, 0) for t in titles]))
    converted = converter.convert_many([*items, ("封面", cover_docx), ("目录", draft)])
    pdfs, cover, draft_pdf = converted[:-2], converted[-2], converted[-1]
    front = page_count(cover) + page_count(draft_pdf)
    parts = [Part(t, "", pdf) for t, pdf in zip(titles, pdfs, strict=True)]
    entries = list(zip(titles, start_pages(front, parts), strict=True))
    contents = converter.convert(render_docx(contents_view(dossier, entries)), "目录")
    if page_count(contents) != page_count(draft_pdf):
        raise AssertionError("the 目录 changed its length when the page numbers were filled in")
    return pdfs, cover, contents


def pdf_stage(
    dossier: Dossier, words: Sequence[WordDocument], converter: Converter | None = None
) -> PdfStage:
    """Convert ``words`` to PDF (with ``converter``, or two warm LibreOffice workers) and
    assemble the dossier: cover, 目录, every part with its bookmarks, page labels, metadata."""
    started = time.perf_counter()
    context = RenderContext(dossier=dossier)  # fonts: characters no mapped font can draw
    missing = [
        f"{w.document.stem}: {warning}"
        for w in words
        if w.kind.view is not None
        for warning in coverage_warnings(w.kind.view(w.document.model, context))
    ]
    own = converter is None
    active: Converter = converter if converter is not None else LibreOfficeConverter()
    restarts_before = active.stats.restarts
    try:
        pdfs, cover, contents = _convert(active, words, dossier)
        restarts = active.stats.restarts - restarts_before
    finally:
        if own:
            active.close()
    parts = [
        Part(w.document.stem, label, pdf)
        for w, label, pdf in zip(
            words, part_labels([(w.kind.name, w.kind.label) for w in words]), pdfs, strict=True
        )
    ]
    community = dossier.community
    meta = DossierMeta(
        title=dossier_title(dossier),
        author=community.name,
        subject=f"{community.target_level.label}安全社区评定申报材料",
        keywords=(community.name, "安全社区", community.target_level.label),
    )
    merged = assemble(cover, contents, parts, meta)
    warnings = [
        f"{w.document.stem}.pdf: {warning}"
        for w, pdf in zip(words, pdfs, strict=True)
        for warning in font_warnings(pdf)
    ]
    return PdfStage(
        pdfs=pdfs,
        dossier=merged,
        warnings=missing + warnings,
        restarts=restarts,
        seconds=time.perf_counter() - started,
    )


def dossier_path(folder: Path) -> Path:
    """Where the assembled dossier goes."""
    return folder / DOSSIER_FILE
