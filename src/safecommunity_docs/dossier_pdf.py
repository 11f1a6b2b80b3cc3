"""The PDF stage of a build: convert every Word document, render cover and 目录, assemble the
dossier PDF."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .kinds import Document, Kind, RenderContext
from .kinds.dossier_pages import CONTENTS, COVER, Contents, request_of
from .models.dossier import Dossier
from .views.document import DocumentView
from .views.dossier import dossier_subject, dossier_title, part_labels

if TYPE_CHECKING:
    from .render.pdf.base import Converter

DOSSIER_FILE = "dossier.pdf"


@dataclass(frozen=True)
class PendingConversion:
    """A document whose Word bytes are rendered and whose PDF waits for the conversion stage."""

    kind: Kind
    document: Document
    source: bytes
    view: Any = None
    """The document view the source was rendered from (its text is checked against the
    fonts before conversion)."""


@dataclass(frozen=True)
class PdfStage:
    """What the PDF stage produced: one PDF per document, the dossier, warnings, restarts."""

    pdfs: list[bytes]
    dossier: bytes
    warnings: list[str]
    restarts: int
    seconds: float


def _convert(
    converter: Converter,
    jobs: Sequence[PendingConversion],
    dossier: Dossier,
    context: RenderContext,
) -> tuple[list[bytes], bytes, bytes]:
    """Convert the parts and the cover; then the 目录 twice: once to count its pages, once
    with the real starting page of each part."""
    from .render.pdf.assemble import Part, page_count, start_pages

    items = [(job.document.stem, job.source) for job in jobs]
    titles = [job.document.stem for job in jobs]
    cover_docx = COVER.render(dossier, "docx", context)
    draft = CONTENTS.render(Contents(dossier, [(t, 0) for t in titles]), "docx", context)
    converted = converter.convert_many([*items, ("封面", cover_docx), ("目录", draft)])
    pdfs, cover, draft_pdf = converted[:-2], converted[-2], converted[-1]
    front = page_count(cover) + page_count(draft_pdf)
    parts = [Part(t, "", pdf) for t, pdf in zip(titles, pdfs, strict=True)]
    entries = list(zip(titles, start_pages(front, parts), strict=True))
    contents = converter.convert(
        CONTENTS.render(Contents(dossier, entries), "docx", context), "目录"
    )
    if page_count(contents) != page_count(draft_pdf):
        raise AssertionError("the 目录 changed its length when the page numbers were filled in")
    return pdfs, cover, contents


def pdf_stage(
    dossier: Dossier, jobs: Sequence[PendingConversion], context: RenderContext
) -> PdfStage:
    """Convert the Word documents of ``jobs`` to PDF (with the context's converter, or two warm
    LibreOffice workers started and closed here) and assemble the dossier: cover, 目录, every
    part with its bookmarks, page labels, metadata."""
    from .errors import require

    require("pypdf", "a PDF")
    from .render.pdf import LibreOfficeConverter, declared_fonts, font_warnings
    from .render.pdf.assemble import DossierMeta, Part, assemble
    from .render.pdf.coverage import coverage_warnings

    started = time.perf_counter()
    # Characters no mapped font can draw: found in the views, before conversion.
    missing = [
        f"{job.document.stem}: {warning}"
        for job in jobs
        if isinstance(job.view, DocumentView)
        for warning in coverage_warnings(job.view)
    ]
    own = context.converter is None
    active: Converter = (
        context.converter if context.converter is not None else (LibreOfficeConverter())
    )
    restarts_before = active.stats.restarts
    try:
        pdfs, cover, contents = _convert(active, jobs, dossier, context)
        restarts = active.stats.restarts - restarts_before
    finally:
        if own:
            active.close()
    labels = part_labels([(job.kind.short_label or job.kind.label, job.kind.many) for job in jobs])
    parts = [
        Part(job.document.stem, label, pdf)
        for job, label, pdf in zip(jobs, labels, pdfs, strict=True)
    ]
    community = dossier.community
    request = request_of(dossier, context)
    meta = DossierMeta(
        title=dossier_title(dossier, request),
        author=community.name,
        subject=dossier_subject(dossier, request),
        keywords=(community.name, "安全社区", community.target_level.label, request.value),
    )
    merged = assemble(cover, contents, parts, meta)
    warnings = [
        f"{job.document.stem}.pdf: {warning}"
        for job, pdf in zip(jobs, pdfs, strict=True)
        for warning in font_warnings(pdf, declared=declared_fonts(job.source))
    ]
    return PdfStage(
        pdfs=pdfs,
        dossier=merged,
        warnings=missing + warnings,
        restarts=restarts,
        seconds=time.perf_counter() - started,
    )
