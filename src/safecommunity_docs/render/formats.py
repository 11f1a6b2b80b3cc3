"""The output formats as renderers in a registry: docx, xlsx, pdf and png (charts).

A format renders one kind of view: ``document`` views (:class:`DocumentView`) become Word
documents, and PDF through a converter; ``workbook`` views become Excel workbooks; ``chart``
specs become PNG images. Every library a renderer needs is imported when it renders, never when
this module is imported, and a missing one raises :class:`MissingDependency` naming the install
step. ``register_format`` adds a format (a test registers a fake one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import InputError, Problem, require

if TYPE_CHECKING:
    from .pdf.base import Converter

ViewRole = Literal["document", "workbook", "chart"]
"""What a kind hands a format: a Word-style document, a workbook, or a chart."""


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may use besides the view: the Word template and the PDF converter."""

    template: Path | None = None
    converter: Converter | None = None
    name: str = "document"
    """Labels the document in conversion errors."""


@dataclass(frozen=True)
class Format:
    """One output format: its name, the view it renders, and how.

    A format with ``source`` is converted from another format's bytes (PDF from Word):
    ``convert`` turns the source bytes into this format's; ``render`` does both for one view.
    """

    name: str
    view: ViewRole
    render: Callable[[Any, RenderOptions], bytes]
    source: str | None = None
    convert: Callable[[bytes, RenderOptions], bytes] | None = None
    suffix: str = ""

    @property
    def extension(self) -> str:
        """The file name extension, without the dot."""
        return self.suffix or self.name


_FORMATS: dict[str, Format] = {}


def register_format(fmt: Format) -> Format:
    """Add ``fmt`` to the registry (a second format of the same name is a programming error)."""
    if fmt.name in _FORMATS:
        raise ValueError(f"output format '{fmt.name}' is registered twice")
    _FORMATS[fmt.name] = fmt
    return fmt


def unregister_format(name: str) -> None:
    """Remove a format added with :func:`register_format` (for tests and plug-ins)."""
    _FORMATS.pop(name, None)


def formats() -> list[Format]:
    """Every registered format, in registration order."""
    return list(_FORMATS.values())


def get_format(name: str) -> Format:
    """The format called ``name``; an unknown name is an :class:`InputError`."""
    try:
        return _FORMATS[name]
    except KeyError:
        raise InputError(
            [
                Problem(
                    path="formats",
                    message=f"unknown format {name!r}; available: {', '.join(_FORMATS)}",
                )
            ]
        ) from None


def _docx(view: Any, options: RenderOptions) -> bytes:
    require("docxtpl", "a Word document")
    from .docx.engine import render_docx

    data: bytes = render_docx(view, options.template)
    return data


def _xlsx(view: Any, options: RenderOptions) -> bytes:
    require("openpyxl", "an Excel workbook")
    from .xlsx import render_workbook

    return render_workbook(view)


def _png(spec: Any, options: RenderOptions) -> bytes:
    require("matplotlib", "a chart")
    from .charts import render_chart

    return render_chart(spec)


def _pdf_from_docx(docx: bytes, options: RenderOptions) -> bytes:
    require("pypdf", "a PDF")
    if options.converter is not None:
        return options.converter.convert(docx, options.name)
    from .pdf import LibreOfficeConverter

    with LibreOfficeConverter(workers=1) as converter:
        return converter.convert(docx, options.name)


def _pdf(view: Any, options: RenderOptions) -> bytes:
    return _pdf_from_docx(_docx(view, options), options)


DOCX = register_format(Format("docx", "document", _docx))
XLSX = register_format(Format("xlsx", "workbook", _xlsx))
PDF = register_format(Format("pdf", "document", _pdf, source="docx", convert=_pdf_from_docx))
PNG = register_format(Format("png", "chart", _png))

__all__ = [
    "Format",
    "RenderOptions",
    "ViewRole",
    "formats",
    "get_format",
    "register_format",
    "unregister_format",
]
