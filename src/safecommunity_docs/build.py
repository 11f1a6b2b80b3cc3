"""Build a dossier's documents into a folder: which kinds, which formats, atomic writes."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem
from .kinds import Document, Kind, RenderContext, kinds
from .models.dossier import Dossier
from .render.docx.engine import render_docx
from .write import write_atomic

SUPPORTED_FORMATS = ("docx", "xlsx")
"""Formats the builder writes today (PDF comes with the LibreOffice converter)."""

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Output:
    """One written file."""

    kind: str
    format: str
    path: Path
    title: str


@dataclass
class BuildResult:
    """What a build wrote, what it warns about, and how long each step took (seconds)."""

    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

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
) -> BuildResult:
    """Write every document of ``dossier`` in every requested format into ``out_dir``.

    ``formats`` defaults to the dossier's build options (restricted to the formats available);
    ``template_dir`` (or the options' ``template_dir``) holds user templates named
    ``<kind>.docx``. Each file is written atomically. Text normalisations made while loading are
    reported as warnings.
    """
    wanted = (
        list(formats)
        if formats is not None
        else [f for f in dossier.options.formats if f in SUPPORTED_FORMATS]
    )
    unknown = [f for f in wanted if f not in SUPPORTED_FORMATS]
    if unknown:
        raise InputError(
            [
                Problem(
                    path="formats",
                    message=f"unsupported format(s) "
                    f"{', '.join(unknown)}; available: {', '.join(SUPPORTED_FORMATS)}"
                    + ("; PDF output is not available yet" if "pdf" in unknown else ""),
                )
            ]
        )
    folder = Path(out_dir)
    templates = (
        Path(template_dir)
        if template_dir is not None
        else (Path(dossier.options.template_dir) if dossier.options.template_dir else None)
    )
    context = RenderContext(dossier=dossier, template_dir=templates)
    result = BuildResult()
    for change in dossier.text_changes:
        where = ":".join(str(x) for x in (change.file, change.line, change.column) if x)
        result.warnings.append(f"{where} {change.path}: text normalised: {change.description}")
    result.warnings.extend(dossier.warnings)
    for kind in kinds(dossier.options.part_order):
        started = time.perf_counter()
        for document in kind.documents(dossier):
            for fmt in wanted:
                if fmt not in kind.formats:
                    continue
                data = render_document(kind, document, fmt, context)
                path = write_atomic(folder / f"{file_stem(document.stem_for(fmt))}.{fmt}", data)
                result.outputs.append(Output(kind.name, fmt, path, document.title))
        result.timings[kind.name] = time.perf_counter() - started
    return result
