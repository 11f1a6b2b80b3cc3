"""What every PDF converter offers: the Converter protocol, its statistics and the output check."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ...errors import ConversionError


@dataclass(frozen=True, slots=True)
class ConverterStats:
    """Counts of a converter's work so far.

    ``documents`` converted successfully, ``starts`` of office processes (first starts included),
    ``restarts`` after a crash or hang, ``retries`` of a document, ``recycles`` of a worker after
    its document quota, and ``seconds`` spent converting (wall time summed over documents).
    """

    documents: int = 0
    starts: int = 0
    restarts: int = 0
    retries: int = 0
    recycles: int = 0
    seconds: float = 0.0


class ContextClosing:
    """``with converter:`` closes the converter on the way out (mixed into the converters)."""

    def close(self) -> None:
        """Release what the converter holds."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def source_suffix(data: bytes) -> str:
    """The file suffix a converter gives ``data``: ``.xlsx`` for an Excel workbook (converted by
    Calc with the workbook's own print setup), else ``.docx``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError):
        return ".docx"
    return ".xlsx" if "xl/workbook.xml" in names else ".docx"


@runtime_checkable
class Converter(Protocol):
    """Turns Word documents (and Excel workbooks, printed with their own print setup) into PDF
    bytes; use it as a context manager or call :meth:`close`."""

    name: str

    def convert(self, docx: bytes, name: str) -> bytes:
        """Return the PDF of the Word document (or Excel workbook) ``docx``; ``name`` labels it
        in errors."""
        ...

    def convert_many(self, items: Sequence[tuple[str, bytes]]) -> list[bytes]:
        """Return the PDFs of ``(name, docx)`` items, in the same order."""
        ...

    @property
    def stats(self) -> ConverterStats:
        """Return a snapshot of the converter's statistics."""
        ...

    def close(self) -> None:
        """Stop every process the converter started and remove its temporary files."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def check_pdf(
    data: bytes | None,
    name: str,
    converter: str,
    returncode: int | None = None,
    stderr_tail: str = "",
) -> int:
    """Return the page count of ``data`` after checking it is a readable PDF with pages.

    Raises :class:`ConversionError` (with the converter's name, return code and stderr tail) when
    the output is missing, does not parse with pypdf, or has no page.
    """

    def fail(why: str) -> ConversionError:
        return ConversionError(
            f"{name}: {converter} produced {why}",
            converter=converter,
            returncode=returncode,
            stderr_tail=stderr_tail,
        )

    if not data:
        raise fail("no PDF")
    if not data.startswith(b"%PDF-"):
        raise fail("a file that is not a PDF")
    try:
        pages = len(PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise fail(f"a PDF that does not parse ({exc})") from exc
    if pages <= 0:
        raise fail("a PDF without pages")
    return pages
