"""Build a dossier into a folder: one loop over the documents, formats from the registry,
derived data computed once, the PDF stage, atomic writes and manifest.json."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dossier_pdf import PendingConversion
from .errors import InputError, Problem
from .io import load_rubric
from .kinds import Document, Kind, RenderContext, kinds, left_out
from .models.dossier import Dossier
from .render.formats import Format, RenderOptions, formats, get_format
from .views.dossier import dossier_title
from .write import write_atomic

if TYPE_CHECKING:
    from .render.pdf.base import Converter

MANIFEST = "manifest.json"
PDF = "pdf"
"""The format whose documents are also assembled into ``dossier.pdf`` (the PDF stage)."""

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Output:
    """One written file."""

    kind: str
    format: str
    path: Path
    title: str
    sha256: str = ""
    pages: int | None = None


@dataclass
class BuildResult:
    """What a build wrote, what it warns about, and how long each step took (seconds)."""

    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    converter_restarts: int = 0
    manifest: Path | None = None

    @property
    def paths(self) -> list[Path]:
        """The written files, in build order."""
        return [o.path for o in self.outputs]


def file_stem(title: str) -> str:
    """A file name stem from a document title: characters no file system accepts are replaced."""
    return _UNSAFE.sub("_", title).strip(" .") or "document"


def context_for(
    dossier: Dossier,
    template_dir: Path | None = None,
    converter: Converter | None = None,
) -> RenderContext:
    """The context every view of ``dossier`` shares: its rubric (the assessment's, else the
    default), and lazily, once, its score and its injury statistics."""
    rubric = load_rubric(dossier.assessment.rubric) if dossier.assessment else load_rubric()
    return RenderContext(dossier, template_dir, rubric=rubric, converter=converter)


def _wanted(dossier: Dossier, names: Sequence[str] | None) -> list[Format]:
    if isinstance(names, str):
        raise InputError(
            [Problem(path="formats", message=f"formats is a list of names, not {names!r}")]
        )
    names = list(names) if names is not None else list(dossier.options.formats)
    return [get_format(name) for name in dict.fromkeys(names)]


def _template_dir(dossier: Dossier, template_dir: Path | str | None) -> Path | None:
    if template_dir is not None:
        return Path(template_dir)
    if dossier.options.template_dir:
        return Path(dossier.options.template_dir)
    return None


def build(
    dossier: Dossier,
    out_dir: Path | str,
    formats: Sequence[str] | None = None,
    template_dir: Path | str | None = None,
    converter: Converter | None = None,
) -> BuildResult:
    """Write every document of ``dossier`` in every requested format into ``out_dir``.

    ``formats`` defaults to the dossier's build options (docx, xlsx, pdf); each is a format of
    the registry (:func:`safecommunity_docs.render.formats.formats`), and each document is
    written in those of its kind's formats that were asked for. The rubric, the score and the
    injury statistics are computed once and shared by every document. With ``pdf`` every Word
    document is also converted (by ``converter``, else two warm LibreOffice workers) and the
    dossier is assembled into ``dossier.pdf``. ``template_dir`` (or the options'
    ``template_dir``) holds user templates named ``<kind>.docx``. Each file is written
    atomically; ``manifest.json`` lists every file with its kind, format, pages and sha256, and
    the build's warnings.
    """
    wanted = _wanted(dossier, formats)
    folder = Path(out_dir)
    context = context_for(dossier, _template_dir(dossier, template_dir), converter)
    result = BuildResult(warnings=_input_warnings(dossier))
    pending: list[PendingConversion] = []
    for kind in kinds(dossier.options.part_order):
        started = time.perf_counter()
        for document in kind.documents(dossier):
            pending.extend(_build_document(result, folder, kind, document, wanted, context))
        result.timings[kind.name] = time.perf_counter() - started
    if pending:
        _pdf_stage(result, folder, dossier, pending, context)
    result.manifest = write_manifest(folder, result)
    return result


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
    result: BuildResult,
    folder: Path,
    kind: Kind,
    document: Document,
    wanted: Sequence[Format],
    context: RenderContext,
) -> list[PendingConversion]:
    """Render one document in every wanted format its kind offers; a derived format (PDF)
    waits for the conversion stage with its source bytes."""
    offered = [f for f in formats() if f in wanted and f.view in kind.views]
    views: dict[str, Any] = {}
    rendered: dict[str, bytes] = {}
    pending: list[PendingConversion] = []

    def render(fmt: Format) -> bytes:
        if fmt.name not in rendered:
            if fmt.view not in views:
                views[fmt.view] = kind.view(fmt.view, document.model, context)
            rendered[fmt.name] = kind.render_view(views[fmt.view], fmt.name, context, document.stem)
        return rendered[fmt.name]

    for fmt in offered:
        if fmt.source is None:
            _write(result, folder, document, kind.name, fmt, render(fmt))
            continue
        source = render(get_format(fmt.source))
        if fmt.name == PDF:
            pending.append(PendingConversion(kind, document, source))
        else:
            assert fmt.convert is not None
            options = RenderOptions(converter=context.converter, name=document.stem)
            _write(result, folder, document, kind.name, fmt, fmt.convert(source, options))
    return pending


def _pdf_stage(
    result: BuildResult,
    folder: Path,
    dossier: Dossier,
    pending: Sequence[PendingConversion],
    context: RenderContext,
) -> None:
    from .dossier_pdf import DOSSIER_FILE, pdf_stage
    from .render.pdf.assemble import page_count

    stage = pdf_stage(dossier, pending, context)
    pdf = get_format(PDF)
    for job, data in zip(pending, stage.pdfs, strict=True):
        _write(result, folder, job.document, job.kind.name, pdf, data, page_count(data))
    dossier_pdf = folder / DOSSIER_FILE
    title = dossier_title(dossier)
    _record(result, dossier_pdf, stage.dossier, "dossier", PDF, title, page_count(stage.dossier))
    result.warnings.extend(stage.warnings)
    result.converter_restarts = stage.restarts
    result.timings[PDF] = stage.seconds


def _write(
    result: BuildResult,
    folder: Path,
    document: Document,
    kind: str,
    fmt: Format,
    data: bytes,
    pages: int | None = None,
) -> None:
    path = folder / f"{file_stem(document.stem_for(fmt.name))}.{fmt.extension}"
    _record(result, path, data, kind, fmt.name, document.title, pages)


def _record(
    result: BuildResult,
    path: Path,
    data: bytes,
    kind: str,
    fmt: str,
    title: str,
    pages: int | None = None,
) -> None:
    write_atomic(path, data)
    digest = hashlib.sha256(data).hexdigest()
    result.outputs.append(Output(kind, fmt, path, title, digest, pages))


def write_manifest(folder: Path, result: BuildResult) -> Path:
    """Write ``manifest.json``: every file (relative path, kind, format, title, pages, sha256),
    the warnings and the timings of the build."""
    data = {
        "generator": "safecommunity-docs",
        "files": [
            {
                "path": o.path.relative_to(folder).as_posix(),
                "kind": o.kind,
                "format": o.format,
                "title": o.title,
                "pages": o.pages,
                "sha256": o.sha256,
            }
            for o in result.outputs
        ],
        "warnings": result.warnings,
        "converter_restarts": result.converter_restarts,
        "timings": {k: round(v, 3) for k, v in result.timings.items()},
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_atomic(folder / MANIFEST, text.encode("utf-8"))
