"""Build a dossier into a folder: one loop over the documents, formats from the registry,
derived data computed once, the PDF stage, atomic writes and manifest.json."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .compliance import Finding, Findings
from .dossier_pdf import DossierPdf, PendingConversion
from .errors import InputError, Problem, require
from .filenames import NameBook
from .gctuning import fewer_collections
from .io import load_rubric
from .kinds import Document, Kind, RenderContext, dossier_kinds, kinds, left_out
from .kinds.dossier_pages import request_of
from .models.dossier import Dossier
from .names import Format as FormatName
from .render.formats import Format, RenderOptions, formats, get_format
from .rubrics import pack_for
from .views.dossier import dossier_title
from .write import previous_files, publish, staging_folder, write_atomic

if TYPE_CHECKING:
    from .render.pdf.base import Converter

MANIFEST = "manifest.json"
PDF = "pdf"
"""The format whose documents are also assembled into ``dossier.pdf`` (the PDF stage)."""


@dataclass(frozen=True)
class Output:
    """One written file; ``note`` says why its name is not simply its title (shortened, or
    numbered because another document has the same title)."""

    kind: str
    format: str
    path: Path
    title: str
    sha256: str = ""
    pages: int | None = None
    note: str = ""
    data: bytes | None = field(default=None, repr=False)
    """The file's bytes, kept when the build wrote to memory (``build(dossier)`` without a
    folder); ``None`` when the file was written to disk."""

    def read(self) -> bytes:
        """The file's bytes: from memory, or read from :attr:`path`."""
        return self.data if self.data is not None else self.path.read_bytes()


@dataclass
class BuildResult:
    """What a build wrote, what it warns about, and how long each step took (seconds)."""

    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    converter_restarts: int = 0
    manifest: Path | None = None
    findings: Findings = field(default_factory=Findings)
    """The compliance findings of the dossier (acknowledged ones with their reason)."""

    @property
    def paths(self) -> list[Path]:
        """The written files, in build order (names only for a build to memory)."""
        return [o.path for o in self.outputs]

    def files(self) -> dict[str, bytes]:
        """Every file's name (relative to the output folder) and bytes, in build order."""
        return {o.path.name: o.read() for o in self.outputs}

    def _repr_html_(self) -> str:
        from .display.html import build_html

        return build_html(self)

    def __repr__(self) -> str:
        where = f" in {self.manifest.parent}" if self.manifest is not None else " in memory"
        return (
            f"<BuildResult {len(self.outputs)} file(s){where}, {len(self.warnings)} warning(s), "
            f"{len(self.findings)} finding(s)>"
        )


def context_for(
    dossier: Dossier,
    template_dir: Path | None = None,
    converter: Converter | None = None,
) -> RenderContext:
    """The context every view of ``dossier`` shares: its rubric (the assessment's, else its
    jurisdiction pack's), and lazily, once, its score and its injury statistics."""
    pack = pack_for(dossier)
    name = dossier.assessment.rubric if dossier.assessment else pack.default_rubric
    rubric = pack.loaded_rubrics.get(name) or load_rubric(name)
    return RenderContext(dossier, template_dir, rubric=rubric, converter=converter)


def _wanted(dossier: Dossier, names: Sequence[str] | None) -> list[Format]:
    if isinstance(names, str):
        raise InputError(
            [Problem(path="formats", message=f"formats is a list of names, not {names!r}")]
        )
    names = list(names) if names is not None else list(dossier.options.formats)
    return [get_format(name) for name in dict.fromkeys(names)]


def _template_dir(dossier: Dossier, template_dir: Path | str | None) -> Path | None:
    """The user's template folder: the argument, else the options' ``template_dir`` (relative
    to the community folder the dossier was loaded from). A folder that does not exist is an
    error, not a silent fall-back to the default templates."""
    if template_dir is not None:
        folder, where = Path(template_dir), "template_dir"
    elif dossier.options.template_dir:
        folder, where = Path(dossier.options.template_dir), "options.template_dir"
        if not folder.is_absolute() and dossier.source_dir is not None:
            folder = dossier.source_dir / folder
    else:
        return None
    if not folder.is_dir():
        raise InputError([Problem(path=where, message=f"no such template folder: {folder}")])
    return folder


@dataclass
class _Job:
    """One build in progress: files go to ``staging`` under the names ``book`` hands out and
    are recorded at their final place in ``folder``."""

    folder: Path | None
    """Where the files end up; ``None`` for a build to memory."""
    staging: Path | None
    result: BuildResult
    book: NameBook = field(default_factory=NameBook)

    def write(
        self, name: str, data: bytes, kind: str, fmt: str, title: str, pages: int | None = None
    ) -> None:
        if self.staging is not None:
            write_atomic(self.staging / name, data)
        note = self.book.notes.get(name, "")
        if note:
            self.result.warnings.append(f"{name}: file name {note}")
        digest = hashlib.sha256(data).hexdigest()
        path = self.folder / name if self.folder is not None else Path(name)
        kept = data if self.folder is None else None
        self.result.outputs.append(Output(kind, fmt, path, title, digest, pages, note, kept))

    def write_document(
        self, document: Document, kind: str, fmt: Format, data: bytes, pages: int | None = None
    ) -> None:
        name = self.book.name(document.stem_for(fmt.name), fmt.extension)
        self.write(name, data, kind, fmt.name, document.title, pages)


@fewer_collections()
def build(
    dossier: Dossier,
    out_dir: Path | str | None = None,
    formats: Sequence[FormatName] | None = None,
    template_dir: Path | str | None = None,
    converter: Converter | None = None,
    *,
    strict: bool = False,
) -> BuildResult:
    """Write every document of ``dossier`` in every requested format into ``out_dir``.

    ``formats`` defaults to the dossier's build options (docx, xlsx, pdf); each is a format of
    the registry (:func:`safecommunity_docs.render.formats.formats`), and each document is
    written in those of its kind's formats that were asked for. The rubric, the score and the
    injury statistics are computed once and shared by every document. With ``pdf`` every Word
    document is also converted (by ``converter``, else by warm LibreOffice workers: one for
    each core but one, at most two) and the dossier is assembled into ``dossier.pdf``.
    ``template_dir`` (or the options' ``template_dir``, relative to the community folder)
    holds user templates named ``<kind>.docx``.

    Without ``out_dir`` nothing is written to disk: each :class:`Output` holds its bytes
    (:meth:`Output.read`, :meth:`BuildResult.files`) and ``path`` is the file's name.

    Everything is written into a staging folder beside ``out_dir`` and moved into it only when
    the whole build succeeded: a failed or interrupted build leaves ``out_dir`` as it was.
    Files an earlier build listed in ``manifest.json`` that this one did not write are removed,
    so the manifest lists what the builds put there. File names are unique, shortened when too
    long, free of invisible characters and of characters file systems refuse; each change is a
    warning and a ``note`` in the manifest. Files are written with the user's umask.

    The garbage collector runs less often while it builds (:mod:`.gctuning`).

    The compliance check runs once (:attr:`BuildResult.findings`, ``manifest.json`` and the
    合规检查报告 workbook); every error-level finding nobody acknowledged is a build warning,
    and with ``strict`` an :class:`InputError` listing them, raised before anything is written.
    """
    wanted = _wanted(dossier, formats)
    if any(f.name == PDF for f in wanted):
        require("pypdf", "a PDF")  # before anything is rendered, not half-way
    folder = Path(out_dir) if out_dir is not None else None
    if folder is not None and folder.exists() and not folder.is_dir():
        raise InputError([Problem(path="out_dir", message=f"{folder} is a file, not a folder")])
    context = context_for(dossier, _template_dir(dossier, template_dir), converter)
    plan = dossier_kinds(dossier)
    if not any(kind.documents(dossier) for kind in plan):
        raise InputError([_nothing_to_build(dossier)])
    findings = context.findings
    if strict and findings.blocking:
        raise _refused(findings.blocking)
    warnings = _input_warnings(dossier) + [_finding_warning(f) for f in findings.blocking]
    warnings += [note for kind in plan if kind.notes is not None for note in kind.notes(dossier)]
    if folder is None:
        job = _Job(None, None, BuildResult(warnings=warnings, findings=findings))
        _run(job, dossier, plan, wanted, context)
        return job.result
    staging = staging_folder(folder)
    try:
        job = _Job(folder, staging, BuildResult(warnings=warnings, findings=findings))
        _run(job, dossier, plan, wanted, context)
        job.result.manifest = folder / MANIFEST
        write_manifest(staging, job.result, folder)
        publish(staging, folder, previous_files(folder, MANIFEST))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return job.result


def _finding_warning(finding: Finding) -> str:
    where = " ".join(p for p in (finding.location, finding.path) if p)
    return f"{where}: {finding.rule} {finding.message_zh} ({finding.message_en}); {finding.detail}"


def _refused(blocking: Findings) -> InputError:
    """The error of a strict build with compliance errors nobody acknowledged."""
    problems = [
        Problem(
            path=f.path,
            message=f"{f.rule} {f.message_zh} ({f.message_en}); {f.detail}",
            file=f.file,
            line=f.line,
        )
        for f in blocking
    ]
    return InputError(
        problems,
        f"strict build refused: {len(problems)} compliance error(s); fix them or acknowledge "
        "each with its reason (options.yaml: acknowledged)",
    )


def preflight(dossier: Dossier, template_dir: Path | str | None = None) -> list[Problem]:
    """Every problem :func:`build` would stop on, found without writing anything: the template
    folder, a dossier with nothing to build, and every document's views (tables, charts,
    numbers) built once. :func:`~safecommunity_docs.validate` runs it, so a dossier that
    validates also builds."""
    problems: list[Problem] = []
    try:
        _template_dir(dossier, template_dir)
    except InputError as exc:
        problems.extend(exc.problems)
    plan = dossier_kinds(dossier)
    if not any(kind.documents(dossier) for kind in plan):
        problems.append(_nothing_to_build(dossier))
    context = context_for(dossier)
    for kind in plan:
        for document in kind.documents(dossier):
            for role in kind.views:
                try:
                    kind.view(role, document.model, context)
                except InputError as exc:
                    problems.extend(exc.problems)
                except (ValueError, ArithmeticError, LookupError) as exc:
                    problems.append(
                        Problem(
                            path=kind.part.field if kind.part else kind.name,
                            message=f"《{document.title}》 cannot be written: {exc}",
                        )
                    )
    return problems


def _nothing_to_build(dossier: Dossier) -> Problem:
    files = [
        f"{k.part.file}.yaml" if k.part.file else f"{k.part.folder}/*.yaml"
        for k in kinds()
        if k.part is not None and (k.part.file or k.part.folder)
    ]
    return Problem(
        path="",
        message=f"nothing to build: the dossier of {dossier.community.name} holds no document; "
        f"add at least one of {', '.join(files)} (or injury records for the ledger)",
    )


def _run(
    job: _Job,
    dossier: Dossier,
    plan: Sequence[Kind],
    wanted: Sequence[Format],
    context: RenderContext,
) -> None:
    stage = _stage_for(dossier, plan, wanted, context)
    try:
        for kind in plan:
            started = time.perf_counter()
            for document in kind.documents(dossier):
                rendered = _build_document(job, kind, document, wanted, context, stage)
                if stage is not None and kind.bound and kind.bound_workbook is not None:
                    # the workbook the build wrote, else rendered for the dossier alone
                    workbook = rendered.get("xlsx") or kind.render(
                        document.model, "xlsx", context, document.stem
                    )
                    stage.add_workbook(kind, workbook)
            job.result.timings[kind.name] = time.perf_counter() - started
        if stage is not None:
            _pdf_stage(job, dossier, stage, context)
    finally:
        if stage is not None:
            stage.close()


def _stage_for(
    dossier: Dossier, plan: Sequence[Kind], wanted: Sequence[Format], context: RenderContext
) -> DossierPdf | None:
    """The PDF stage, started before the first document is rendered, when a PDF is wanted of
    at least one document."""
    pdf = next((f for f in wanted if f.name == PDF), None)
    if pdf is None or not any(pdf.view in k.views and k.documents(dossier) for k in plan):
        return None
    return DossierPdf(dossier, context)


def _input_warnings(dossier: Dossier) -> list[str]:
    warnings = []
    for change in dossier.text_changes:
        where = ":".join(str(x) for x in (change.file, change.line, change.column) if x)
        warnings.append(f"{where} {change.path}: text normalised: {change.description}")
    warnings.extend(dossier.warnings)
    for name in left_out(dossier.options.part_order):
        warnings.append(f"options.part_order leaves out {name}: its documents are not built")
    return warnings


def _build_document(
    job: _Job,
    kind: Kind,
    document: Document,
    wanted: Sequence[Format],
    context: RenderContext,
    stage: DossierPdf | None,
) -> dict[str, bytes]:
    """Render one document in every wanted format its kind offers; a derived format (PDF)
    goes to the PDF stage with its source bytes. Returns the bytes rendered, by format."""
    offered = [f for f in formats() if f in wanted and f.view in kind.views]
    views: dict[str, Any] = {}
    rendered: dict[str, bytes] = {}

    def render(fmt: Format) -> bytes:
        if fmt.name not in rendered:
            if fmt.view not in views:
                views[fmt.view] = kind.view(fmt.view, document.model, context)
            rendered[fmt.name] = kind.render_view(views[fmt.view], fmt.name, context, document.stem)
        return rendered[fmt.name]

    for fmt in offered:
        if fmt.source is None:
            job.write_document(document, kind.name, fmt, render(fmt))
            continue
        source = render(get_format(fmt.source))
        if fmt.name == PDF:
            assert stage is not None
            stage.add(PendingConversion(kind, document, source, views.get(fmt.view)))
        else:
            assert fmt.convert is not None
            options = RenderOptions(converter=context.converter, name=document.stem)
            job.write_document(document, kind.name, fmt, fmt.convert(source, options))
    return rendered


def _pdf_stage(job: _Job, dossier: Dossier, stage: DossierPdf, context: RenderContext) -> None:
    from .dossier_pdf import DOSSIER_FILE

    done = stage.finish()
    pdf = get_format(PDF)
    for item, data, count in zip(stage.jobs, done.pdfs, done.pages, strict=True):
        job.write_document(item.document, item.kind.name, pdf, data, count)
    title = dossier_title(dossier, request_of(dossier, context))
    job.write(DOSSIER_FILE, done.dossier, "dossier", PDF, title, done.dossier_pages)
    job.result.warnings.extend(done.warnings)
    job.result.converter_restarts = done.restarts
    job.result.timings[PDF] = done.seconds


def write_manifest(folder: Path, result: BuildResult, final: Path | None = None) -> Path:
    """Write ``manifest.json`` into ``folder``: every file (path relative to ``final``, the
    folder the files end up in, default ``folder``; kind, format, title, pages, sha256, and a
    note when its name had to change), the warnings, the compliance findings and the timings of
    the build."""
    base = final if final is not None else folder
    data = {
        "generator": "safecommunity-docs",
        "files": [
            {
                "path": o.path.relative_to(base).as_posix(),
                "kind": o.kind,
                "format": o.format,
                "title": o.title,
                "pages": o.pages,
                "sha256": o.sha256,
                **({"note": o.note} if o.note else {}),
            }
            for o in result.outputs
        ],
        "warnings": result.warnings,
        "findings": result.findings.to_list(),
        "converter_restarts": result.converter_restarts,
        "timings": {k: round(v, 3) for k, v in result.timings.items()},
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_atomic(folder / MANIFEST, text.encode("utf-8"))
