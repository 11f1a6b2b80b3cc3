"""The PDF stage of a build: convert every Word document and bound workbook, number the
dossier's pages continuously, render cover and 目录, assemble the dossier PDF."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import ConversionError
from .kinds import Document, Kind, RenderContext
from .kinds.dossier_pages import CONTENTS, COVER, Contents, request_of
from .models.dossier import Dossier
from .views.document import DocumentView
from .views.dossier import ContentsEntry, annexes_in, dossier_subject, dossier_title

if TYPE_CHECKING:
    from .render.docx.furniture import NumberingPlan
    from .render.pdf.assemble import Part
    from .render.pdf.base import Converter
    from .render.pdf.stamp import PageNumbers

DOSSIER_FILE = "dossier.pdf"
NUMBERS_PAGES = 200
"""The numbers a page-number document carries at first (each orientation; a dossier is
about 170–200 pages); a longer dossier gets one with room for all its pages."""
NUMBERS_KEPT = 8
_NUMBERS: dict[tuple[str, str, int], bytes] = {}
"""Converted page-number documents of this process, by converter, furniture and pages: the
dossiers of a batch worker share them (at most :data:`NUMBERS_KEPT`, the oldest go)."""


@dataclass(frozen=True)
class _Numbers:
    """A page-number document of ``pages`` numbers and its PDF (to come); ``docx``, its Word
    bytes, when it is being converted here (its PDF is then kept in the user's store)."""

    pages: int
    future: Future[bytes]
    docx: bytes | None = None


def _done(pdf: bytes) -> Future[bytes]:
    future: Future[bytes] = Future()
    future.set_result(pdf)
    return future


def own_workers() -> int:
    """How many LibreOffice workers a build starts for itself: one core is left to render.

    On two cores one worker converts a qinghe-street dossier in the same wall time as two
    (rendering and the second office compete for the cores) and saves the second office's
    start, about 2 s of CPU (``benchmarks/RESULTS.md``); from four cores on, two.
    """
    return max(1, min(2, (os.cpu_count() or 1) - 1))


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
    pages: list[int]
    """The page count of each of :attr:`pdfs`."""
    dossier_pages: int
    """The page count of :attr:`dossier`: cover, 目录 and every part."""


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
        if self.sheets:  # bound when it was added: only its folio is set here
            from .render.xlsx.annex import number_bound

            return number_bound(self.source, folio)
        from .render.docx.folio import number_from

        return self.source if folio == 1 else number_from(self.source, folio)


class DossierPdf:
    """The PDF stage, fed while the build renders: each Word document goes to the converter as
    soon as it is rendered (:meth:`add`), each bound workbook after its kind's documents
    (:meth:`add_workbook`), so LibreOffice converts while the next documents, charts and
    workbooks are rendered; :meth:`finish` numbers the dossier's pages continuously, renders
    the 目录 (once: the folios do not depend on its length) and assembles the dossier.

    A part is converted once, without its page numbers, when its furniture allows it
    (``render/docx/furniture.py``) and the converter lays pages out as Word does: its own PDF
    and its pages in the dossier get their numbers stamped from one converted page-number
    document. Any other part is converted with its numbers, and again with its folios as
    soon as the folios before it are known.

    The converter is the context's, else warm LibreOffice workers (:func:`own_workers`)
    started here and stopped by :meth:`close`.
    """

    def __init__(self, dossier: Dossier, context: RenderContext) -> None:
        from .errors import require

        require("pypdf", "a PDF")
        from .render.pdf import LibreOfficeConverter
        from .render.pdf.assemble import Readers
        from .render.pdf.feed import ConversionFeed

        self.dossier, self.context = dossier, context
        self._started = time.perf_counter()
        self._own = context.converter is None
        self.converter: Converter = (
            context.converter
            if context.converter is not None
            else LibreOfficeConverter(own_workers())
        )
        self._restarts = self.converter.stats.restarts
        self._feed = ConversionFeed(self.converter)
        self._jobs: list[PendingConversion] = []
        self._standalone: list[Future[bytes]] = []
        self._pieces: list[_Piece] = []
        self._read = Readers()
        """Each converted PDF's reader: it is parsed once, though read for its page count,
        its annexes, its numbered copy and its place in the dossier."""
        self._first: list[Future[bytes] | None] = []
        """Each part's first conversion; None for a bound workbook (converted once, when its
        folio is known: it has no PDF of its own)."""
        self._plans: list[NumberingPlan | None] = []
        """Each document's page-numbering plan; None for one converted with its numbers."""
        self._stamps = bool(getattr(self.converter, "paginates", False))
        self._numbers: dict[str, _Numbers] = {}
        """The page-number document of each furniture: its pages and its conversion."""
        from .render.pdf.cache import furniture_store

        self._furniture = furniture_store(self.converter)
        """The user's store of converted page-number documents (LibreOffice only)."""
        # The cover first: the converter starts while the documents are rendered.
        self._cover = self._feed.submit("封面", COVER.render(dossier, "docx", context))
        self._kept = contextlib.ExitStack()
        """Until :meth:`close`, the workbook saved last stays in memory, for
        :meth:`add_workbook` to bind without loading it again."""
        with contextlib.suppress(ImportError):  # without openpyxl there is no workbook
            from .render.xlsx.cells import keeping_saved

            self._kept.enter_context(keeping_saved())

    def add(self, job: PendingConversion) -> None:
        """Start converting a rendered document; a bound one is the dossier's next part."""
        plan = None
        if job.kind.bound and self._stamps:
            from .render.docx.furniture import numbering_plan

            plan = numbering_plan(job.source)
        future = self._feed.submit(job.document.title, plan.bare if plan else job.source)
        self._jobs.append(job)
        self._standalone.append(future)
        self._plans.append(plan)
        if plan is not None and plan.key not in self._numbers:
            self._numbers[plan.key] = self._submit_numbers(plan, NUMBERS_PAGES)
        if job.kind.bound:
            view = job.view
            if not isinstance(view, DocumentView):
                view = job.kind.view("document", job.document.model, self.context)
            annexes = tuple(annexes_in(view))
            self._pieces.append(
                _Piece(view.title, job.source, len(self._jobs) - 1, annexes=annexes)
            )
            self._first.append(future)

    def add_workbook(self, kind: Kind, workbook: bytes) -> None:
        """Bind ``kind``'s workbook (one of its documents') as the next numbered 附件: bound
        now, while LibreOffice converts, and numbered once its folio is known."""
        from .render.xlsx.annex import bind
        from .render.xlsx.cells import saved_workbook

        assert kind.bound_workbook is not None
        label = f"附件{sum(1 for p in self._pieces if p.sheets) + 1}"
        title, sheets = kind.bound_workbook.title(self.dossier), kind.bound_workbook.sheets
        piece = _Piece(title, workbook, label=label, sheets=sheets)
        bound = bind(saved_workbook(workbook), sheets, piece.heading)
        self._pieces.append(dataclasses.replace(piece, source=bound))
        self._first.append(None)

    @property
    def jobs(self) -> list[PendingConversion]:
        """The documents added, in order (:attr:`PdfStage.pdfs` follows it)."""
        return list(self._jobs)

    def close(self) -> None:
        """Stop converting, and stop the converter when this stage started it."""
        self._kept.close()
        self._feed.close()
        if self._own:
            self.converter.close()

    def finish(self) -> PdfStage:
        """Wait for the conversions and assemble the dossier (see the class)."""
        from .render.pdf import declared_fonts, font_warnings
        from .render.pdf.assemble import DossierMeta, assemble
        from .render.pdf.coverage import coverage_warnings

        waited = time.perf_counter()
        # Characters no mapped font can draw: found in the views, before conversion.
        missing = [
            f"{job.document.stem}: {warning}"
            for job in self._jobs
            if isinstance(job.view, DocumentView)
            for warning in coverage_warnings(job.view)
        ]
        converted = self._convert()
        restarts = self.converter.stats.restarts - self._restarts
        dossier = self.dossier
        community = dossier.community
        request = request_of(dossier, self.context)
        meta = DossierMeta(
            title=dossier_title(dossier, request),
            author=community.name,
            subject=dossier_subject(dossier, request),
            keywords=(community.name, "安全社区", community.target_level.label, request.value),
        )
        merged = assemble(converted.cover, converted.contents, converted.parts, meta, self._read)
        warnings = converted.warnings + [
            f"{job.document.stem}.pdf: {warning}"
            for job, pdf in zip(self._jobs, converted.standalone, strict=True)
            for warning in font_warnings(self._read(pdf), declared=declared_fonts(job.source))
        ]
        return PdfStage(
            pdfs=converted.standalone,
            dossier=merged,
            warnings=missing + warnings,
            restarts=restarts,
            seconds=time.perf_counter() - waited,
            pages=[self._count(pdf) for pdf in converted.standalone],
            dossier_pages=sum(
                self._count(pdf)
                for pdf in (converted.cover, converted.contents, *(p.pdf for p in converted.parts))
            ),
        )

    def _submit_numbers(self, plan: NumberingPlan, pages: int) -> _Numbers:
        """Have the page-number document of ``plan``'s furniture converted, or take this
        process's copy or the user's (:func:`.render.pdf.cache.furniture_store`)."""
        memo = (self.converter.name, plan.key, pages)
        known = _NUMBERS.get(memo)
        if known is not None:
            return _Numbers(pages, _done(known))
        from .render.docx.furniture import numbers_document

        docx = numbers_document(plan, pages)
        kept = self._furniture.get(docx) if self._furniture is not None else None
        if kept is not None:
            return _Numbers(pages, _done(kept))
        return _Numbers(pages, self._feed.submit("页码", docx), docx)

    def _page_numbers(self, needed: int) -> dict[str, PageNumbers]:
        """The converted page-number documents, each with room for ``needed`` numbers; one
        converted here is kept in the user's store and for this process's next dossier."""
        from .render.pdf.stamp import PageNumbers

        plans = {plan.key: plan for plan in self._plans if plan is not None}
        out: dict[str, PageNumbers] = {}
        for key, plan in plans.items():
            numbers = self._numbers[key]
            if numbers.pages < needed:
                numbers = self._submit_numbers(plan, -(-needed // 100) * 100)
            pdf = self._feed.result(numbers.future)
            out[key] = PageNumbers(pdf, numbers.pages, converter=self.converter.name)
            if numbers.docx is not None and self._furniture is not None:
                with contextlib.suppress(OSError):  # a read-only cache costs a conversion
                    self._furniture.put(numbers.docx, pdf)
            _NUMBERS[(self.converter.name, key, numbers.pages)] = pdf
            while len(_NUMBERS) > NUMBERS_KEPT:
                del _NUMBERS[next(iter(_NUMBERS))]
        return out

    def _plan(self, piece: _Piece) -> NumberingPlan | None:
        """How ``piece``'s pages are numbered by stamping (a document converted once, without
        them); None for a bound workbook or a part converted with its page numbers."""
        return self._plans[piece.job] if piece.job is not None else None

    def _count(self, pdf: bytes) -> int:
        """The page count of ``pdf``, parsed once however often it is asked for."""
        from .render.pdf.assemble import page_count

        return page_count(self._read(pdf))

    def _convert(self) -> _Converted:
        from .render.pdf.assemble import Part, find_starts

        feed, pieces = self._feed, self._pieces
        entries: list[ContentsEntry] = []
        folios: list[int] = []
        annexes: list[tuple[tuple[str, int], ...]] = []
        pdfs: list[bytes] = []
        second: dict[int, Future[bytes]] = {}
        warnings: list[str] = []
        folio = 1
        for i, (piece, future) in enumerate(zip(pieces, self._first, strict=True)):
            folios.append(folio)
            if future is None:  # a bound workbook: converted once, numbered from its folio
                future = feed.submit(piece.title, piece.numbered(folio))
            elif folio != 1 and self._plan(piece) is None:  # folios known: convert it again
                second[i] = feed.submit(piece.title, piece.numbered(folio))
            pdf = feed.result(future)
            pdfs.append(pdf)
            entries.append(ContentsEntry(piece.title, folio, label=piece.label))
            heads = [label + title for label, title in piece.annexes]
            starts = find_starts(self._read(pdf), heads, first=1)
            inside: list[tuple[str, int]] = []
            for (label, title), start in zip(piece.annexes, starts, strict=True):
                if start is None:
                    warnings.append(
                        f"《{piece.title}》: {label} not found in its PDF, not in the 目录"
                    )
                    continue
                entry = ContentsEntry(title, folio + start, level=2, label=label)
                entries.append(entry)
                inside.append((entry.heading, start))
            annexes.append(tuple(inside))
            folio += self._count(pdf)
        contents_docx = CONTENTS.render(Contents(self.dossier, entries), "docx", self.context)
        contents = feed.submit("目录", contents_docx)
        standalone = [feed.result(future) for future in self._standalone]
        needed = max([folio - 1, *(self._count(pdf) for pdf in standalone)])
        numbers = self._page_numbers(needed)
        final = list(pdfs)
        standalone = [
            numbers[plan.key].stamp(self._read(pdf), 1) if plan is not None else pdf
            for plan, pdf in zip(self._plans, standalone, strict=True)
        ]
        for i, future in second.items():
            pdf = feed.result(future)
            if self._count(pdf) != self._count(pdfs[i]):
                raise ConversionError(
                    f"{pieces[i].title}: its page count changed when its pages were numbered "
                    f"from {folios[i]}",
                    converter=self.converter.name,
                )
            final[i] = pdf
        parts = [
            Part(
                piece.heading,
                pdf,
                inside,
                numbers[plan.key] if (plan := self._plan(piece)) is not None else None,
                folio=start,
            )
            for piece, pdf, inside, start in zip(pieces, final, annexes, folios, strict=True)
        ]
        return _Converted(
            standalone, feed.result(self._cover), feed.result(contents), parts, warnings
        )


@dataclass(frozen=True)
class _Converted:
    """The standalone PDFs (numbered from 1), cover, 目录 and the dossier's parts."""

    standalone: list[bytes]
    cover: bytes
    contents: bytes
    parts: list[Part]
    warnings: list[str]
