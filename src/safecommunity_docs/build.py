"""Build a dossier into a folder: which kinds, which formats, atomic writes, manifest.json."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .dossier_pdf import WordDocument, dossier_path, pdf_stage
from .errors import InputError, Problem
from .kinds import Document, Kind, RenderContext, kinds
from .models.dossier import Dossier
from .render.docx.engine import render_docx
from .render.pdf import Converter
from .render.pdf.assemble import page_count
from .views.dossier import dossier_title
from .write import write_atomic

SUPPORTED_FORMATS = ("docx", "xlsx", "pdf")
"""Formats the builder writes; ``pdf`` also assembles ``dossier.pdf``."""
MANIFEST = "manifest.json"

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


def template_for(kind: Kind, template_dir: Path | None) -> Path | None:
    """The user's template of ``kind`` in ``template_dir`` if there is one, else None."""
    if template_dir is None:
        return None
    candidate = template_dir / f"{kind.name}.docx"
    return candidate if candidate.is_file() else None


def render_document(kind: Kind, document: Document, fmt: str, context: RenderContext) -> bytes:
    """Render one document of ``kind`` in format ``fmt``."""
    if fmt == "docx" and kind.view is not None:
        return render_docx(
            kind.view(document.model, context), template_for(kind, context.template_dir)
        )
    renderer = kind.extra.get(fmt)
    if renderer is None:
        raise InputError([Problem(path="formats", message=f"kind {kind.name} has no {fmt} output")])
    return renderer(document.model, context)


def build(
    dossier: Dossier,
    out_dir: Path | str,
    formats: Sequence[str] | None = None,
    template_dir: Path | str | None = None,
    converter: Converter | None = None,
) -> BuildResult:
    """Write every document of ``dossier`` in every requested format into ``out_dir``.

    ``formats`` defaults to the dossier's build options (docx, xlsx, pdf). With ``pdf`` every
    Word document is also converted (by ``converter``, else two warm LibreOffice workers) and the
    dossier is assembled into ``dossier.pdf``. ``template_dir`` (or the options' ``template_dir``)
    holds user templates named ``<kind>.docx``. Each file is written atomically; ``manifest.json``
    lists every file with its kind, format, pages and sha256, and the build's warnings.
    """
    wanted = list(formats) if formats is not None else list(dossier.options.formats)
    unknown = [f for f in wanted if f not in SUPPORTED_FORMATS]
    if unknown:
        raise InputError(
            [
                Problem(
                    path="formats",
                    message=f"unsupported format(s) "
                    f"{', '.join(unknown)}; available: {', '.join(SUPPORTED_FORMATS)}",
                )
            ]
        )
    folder = Path(out_dir)
    templates = (
        Path(template_dir)
        if template_dir is not None
        else Path(dossier.options.template_dir)
        if dossier.options.template_dir
        else None
    )
    context = RenderContext(dossier=dossier, template_dir=templates)
    result = BuildResult()
    for change in dossier.text_changes:
        where = ":".join(str(x) for x in (change.file, change.line, change.column) if x)
        result.warnings.append(f"{where} {change.path}: text normalised: {change.description}")
    result.warnings.extend(dossier.warnings)
    words: list[WordDocument] = []
    for kind in kinds(dossier.options.part_order):
        started = time.perf_counter()
        for document in kind.documents(dossier):
            for fmt in kind.formats:
                needed_for_pdf = fmt == "docx" and "pdf" in wanted
                if fmt not in wanted and not needed_for_pdf:
                    continue
                data = render_document(kind, document, fmt, context)
                if needed_for_pdf:
                    words.append(WordDocument(kind, document, data))
                if fmt in wanted:
                    _write(
                        result,
                        folder / f"{file_stem(document.stem_for(fmt))}.{fmt}",
                        data,
                        kind.name,
                        fmt,
                        document.title,
                    )
        result.timings[kind.name] = time.perf_counter() - started
    if "pdf" in wanted and words:
        stage = pdf_stage(dossier, words, converter)
        for word, pdf in zip(words, stage.pdfs, strict=True):
            _write(
                result,
                folder / f"{file_stem(word.document.stem_for('pdf'))}.pdf",
                pdf,
                word.kind.name,
                "pdf",
                word.document.title,
                page_count(pdf),
            )
        _write(
            result,
            dossier_path(folder),
            stage.dossier,
            "dossier",
            "pdf",
            dossier_title(dossier),
            page_count(stage.dossier),
        )
        result.warnings.extend(stage.warnings)
        result.converter_restarts = stage.restarts
        result.timings["pdf"] = stage.seconds
    result.manifest = write_manifest(folder, result)
    return result


def _write(
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
