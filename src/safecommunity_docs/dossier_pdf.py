"""The PDF stage of a build: convert every Word document and bound workbook, number the
dossier's pages continuously, render cover and 目录, assemble the dossier PDF."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import ConversionError
from .kinds import Document, Kind, RenderContext, dossier_kinds
from .kinds.dossier_pages import CONTENTS, COVER, Contents, request_of
from .models.dossier import Dossier
from .views.document import DocumentView
from .views.dossier import ContentsEntry, annexes_in, dossier_subject, dossier_title

if TYPE_CHECKING:
    from .render.pdf.assemble import Part
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


@dataclass(frozen=True)
class _Piece:
    """One part of dossier.pdf: a converted document (``job``) or a bound workbook."""

    title: str
    source: bytes
    job: int | None = None
    label: str = ""
    annexes: tuple[tuple[str, str], ...] = ()
    sheets: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """「附件1　title」 for a bound workbook, else the title."""
        return f"{self.label}\u3000{self.title}" if self.label else self.title

    def numbered(self, folio: int) -> bytes:
        """The source with its pages numbered from ``folio``."""
        if self.sheets:
            from .render.xlsx.annex import bound_workbook

            return bound_workbook(self.source, self.sheets, self.heading, folio)
        from .render.docx.folio import number_from

        return self.source if folio == 1 else number_from(self.source, folio)


def _pieces(
    jobs: Sequence[PendingConversion], dossier: Dossier, context: RenderContext
) -> list[_Piece]:
    """The parts of dossier.pdf in the dossier's order: each kind's documents (titled as
    printed, with the annexes they hold), then its bound workbook (a numbered 附件)."""
    pieces: list[_Piece] = []
    taken: set[int] = set()
    bound = 0
    for kind in dossier_kinds(dossier):
        if not kind.bound:
            continue  # a file of its own (see Kind.bound), converted on its own
        for index, job in enumerate(jobs):
            if job.kind.name == kind.name and index not in taken:
                taken.add(index)
                view = kind.view("document", job.document.model, context)
                pieces.append(
                    _Piece(view.title, job.source, index, annexes=tuple(annexes_in(view)))
                )
        if kind.bound_workbook is None:
            continue
        for document in kind.documents(dossier):
            bound += 1
            workbook = kind.render(document.model, "xlsx", context, document.stem)
            pieces.append(
                _Piece(
                    kind.bound_workbook.title(dossier),
                    workbook,
                    label=f"附件{bound}",
                    sheets=kind.bound_workbook.sheets,
                )
            )
    for index, job in enumerate(jobs):  # documents of kinds outside the part order
        if index not in taken and job.kind.bound:
            view = job.kind.view("document", job.document.model, context)
            pieces.append(_Piece(view.title, job.source, index, annexes=tuple(annexes_in(view))))
    return pieces


@dataclass(frozen=True)
class _Converted:
    """The first conversion (standalone PDFs, numbered from 1) and the dossier's parts."""

    standalone: list[bytes]
    cover: bytes
    contents: bytes
    parts: list[Part]
    warnings: list[str]


def _convert(
    converter: Converter,
    jobs: Sequence[PendingConversion],
    dossier: Dossier,
    context: RenderContext,
) -> _Converted:
    """Convert every part and the cover; number the parts' pages continuously (folios) and
    convert them again with those folios in their footers, with the 目录 listing them."""
    from .render.pdf.assemble import Part, find_starts, page_count

    pieces = _pieces(jobs, dossier, context)
    loose = [i for i, job in enumerate(jobs) if not job.kind.bound]
    cover_docx = COVER.render(dossier, "docx", context)
    first = converter.convert_many(
        [
            *((p.title, p.numbered(1) if p.sheets else p.source) for p in pieces),
            ("封面", cover_docx),
            *((jobs[i].document.title, jobs[i].source) for i in loose),
        ]
    )
    pdfs, cover, unbound = first[: len(pieces)], first[len(pieces)], first[len(pieces) + 1 :]
    entries: list[ContentsEntry] = []
    folios: list[int] = []
    annexes: list[tuple[tuple[str, int], ...]] = []
    warnings: list[str] = []
    folio = 1
    for piece, pdf in zip(pieces, pdfs, strict=True):
        folios.append(folio)
        entries.append(ContentsEntry(piece.title, folio, label=piece.label))
        starts = find_starts(pdf, [label + title for label, title in piece.annexes], first=1)
        inside: list[tuple[str, int]] = []
        for (label, title), start in zip(piece.annexes, starts, strict=True):
            if start is None:
                warnings.append(f"《{piece.title}》: {label} not found in its PDF, not in the 目录")
                continue
            entry = ContentsEntry(title, folio + start, level=2, label=label)
            entries.append(entry)
            inside.append((entry.heading, start))
        annexes.append(tuple(inside))
        folio += page_count(pdf)
    renumber = [
        i for i, (p, f) in enumerate(zip(pieces, folios, strict=True)) if f != 1 or p.sheets
    ]
    contents_docx = CONTENTS.render(Contents(dossier, entries), "docx", context)
    second = converter.convert_many(
        [
            *((pieces[i].title, pieces[i].numbered(folios[i])) for i in renumber),
            ("目录", contents_docx),
        ]
    )
    final = list(pdfs)
    for i, pdf in zip(renumber, second[:-1], strict=True):
        if page_count(pdf) != page_count(pdfs[i]):
            raise ConversionError(
                f"{pieces[i].title}: its page count changed when its pages were numbered "
                f"from {folios[i]}",
                converter=converter.name,
            )
        final[i] = pdf
    parts = [
        Part(piece.heading, pdf, inside)
        for piece, pdf, inside in zip(pieces, final, annexes, strict=True)
    ]
    by_job = {
        piece.job: pdf for piece, pdf in zip(pieces, pdfs, strict=True) if piece.job is not None
    }
    by_job.update(zip(loose, unbound, strict=True))
    standalone = [by_job[i] for i in range(len(jobs))]
    return _Converted(standalone, cover, second[-1], parts, warnings)


def pdf_stage(
    dossier: Dossier, jobs: Sequence[PendingConversion], context: RenderContext
) -> PdfStage:
    """Convert the Word documents of ``jobs`` to PDF (with the context's converter, or two warm
    LibreOffice workers started and closed here) and assemble the dossier: cover, 目录, every
    part with its bookmarks, page labels, metadata."""
    from .errors import require

    require("pypdf", "a PDF")
    from .render.pdf import LibreOfficeConverter, declared_fonts, font_warnings
    from .render.pdf.assemble import DossierMeta, assemble
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
        converted = _convert(active, jobs, dossier, context)
        restarts = active.stats.restarts - restarts_before
    finally:
        if own:
            active.close()
    pdfs = converted.standalone
    community = dossier.community
    request = request_of(dossier, context)
    meta = DossierMeta(
        title=dossier_title(dossier, request),
        author=community.name,
        subject=dossier_subject(dossier, request),
        keywords=(community.name, "安全社区", community.target_level.label, request.value),
    )
    merged = assemble(converted.cover, converted.contents, converted.parts, meta)
    warnings = converted.warnings + [
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
