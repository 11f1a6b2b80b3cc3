"""A PDF cache in front of a converter: a document whose bytes were converted before is read
back from disk instead of converted again.

The key is the SHA-256 of the document's bytes together with :func:`converter_identity` (the
fonts the converter would use and the library's version), so a font or library change converts
everything afresh. The inner converter is made only on the first cache miss: a rebuild whose
documents are all unchanged never starts LibreOffice.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ...errors import SafeCommunityDocsError
from ...write import write_atomic
from .base import ContextClosing, Converter, ConverterStats
from .fontconfig import fandol_dir


def converter_identity() -> str:
    """What, besides a document's bytes, decides its PDF: the 仿宋/楷体 fonts found (their
    names and sizes) and the library's version."""
    from ... import __version__

    folder = fandol_dir()
    fonts = (
        sorted((p.name, p.stat().st_size) for p in folder.iterdir() if p.is_file())
        if folder is not None
        else "fallback fonts"
    )
    return f"{__version__}|{fonts}"


class PdfStore:
    """A folder of converted PDFs, each under the SHA-256 of its document's bytes together
    with ``identity`` (what else decides the PDF). Files are written atomically: a reader
    never sees half a PDF, and one found damaged is dropped (:meth:`get`)."""

    def __init__(self, folder: Path | str, identity: str) -> None:
        self.folder = Path(folder)
        self.identity = identity

    def key(self, data: bytes) -> str:
        """The cache key of a document's bytes."""
        digest = hashlib.sha256(self.identity.encode("utf-8"))
        digest.update(data)
        return digest.hexdigest()

    def path(self, data: bytes) -> Path:
        """Where the PDF of ``data`` is kept."""
        key = self.key(data)
        return self.folder / key[:2] / f"{key}.pdf"

    def get(self, data: bytes) -> bytes | None:
        """The kept PDF of ``data``, or None; a file that is not a whole PDF (its header or
        its ``%%EOF`` missing: damaged outside the library, which writes atomically) is
        dropped and None returned, so the document is converted again."""
        try:
            pdf = self.path(data).read_bytes()
        except OSError:
            return None
        if pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]:
            return pdf
        self.forget(data)
        return None

    def put(self, data: bytes, pdf: bytes) -> None:
        """Keep ``pdf`` as the PDF of ``data``."""
        path = self.path(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pdf)

    def forget(self, data: bytes) -> None:
        """Drop the kept PDF of ``data``."""
        self.path(data).unlink(missing_ok=True)


class CachingConverter(ContextClosing):
    """Wraps the converter ``make()`` returns (made on the first miss) with a folder of PDFs.

    ``hits`` and ``misses`` count the documents read from the cache and converted; the inner
    converter's statistics are :attr:`stats`. Closing closes the inner converter when this one
    made it.
    """

    name = "cached"

    def __init__(self, folder: Path | str, make: Callable[[], Converter]) -> None:
        self.folder = Path(folder)
        self._store = PdfStore(self.folder, converter_identity())
        self._make = make
        self._inner: Converter | None = None
        self.hits = 0
        self.misses = 0

    def key(self, data: bytes) -> str:
        """The cache key of a document's bytes."""
        return self._store.key(data)

    @property
    def paginates(self) -> bool:
        """Whether the inner converter lays pages out as Word does (see LibreOfficeConverter);
        False when it cannot be made (then every document must come from the cache)."""
        try:
            inner = self._inner_converter()
        except SafeCommunityDocsError:
            return False
        return bool(getattr(inner, "paginates", False))

    def _inner_converter(self) -> Converter:
        if self._inner is None:
            self._inner = self._make()
        return self._inner

    def convert(self, docx: bytes, name: str) -> bytes:
        """The PDF of ``docx``: from the cache, else converted and kept."""
        return self.convert_many([(name, docx)])[0]

    def convert_many(self, items: Sequence[tuple[str, bytes]]) -> list[bytes]:
        """The PDFs of ``(name, document)`` items; only the uncached ones are converted (in one
        batch)."""
        found: dict[int, bytes] = {}
        for i, (_, data) in enumerate(items):
            pdf = self._store.get(data)
            if pdf is not None:
                found[i] = pdf
        missing = [i for i in range(len(items)) if i not in found]
        self.hits += len(found)
        self.misses += len(missing)
        if missing:
            converted = self._inner_converter().convert_many([items[i] for i in missing])
            for i, pdf in zip(missing, converted, strict=True):
                self._store.put(items[i][1], pdf)
                found[i] = pdf
        return [found[i] for i in range(len(items))]

    @property
    def stats(self) -> ConverterStats:
        """The inner converter's statistics (zero until it is made)."""
        return self._inner.stats if self._inner is not None else ConverterStats()

    def close(self) -> None:
        """Close the inner converter, if it was made."""
        if self._inner is not None:
            self._inner.close()
            self._inner = None


def cache_root() -> Path:
    """``$SAFECOMMUNITY_DOCS_CACHE`` or the user's cache folder for the library."""
    from .fontconfig import user_cache_dir

    given = os.environ.get("SAFECOMMUNITY_DOCS_CACHE")
    return Path(given) if given else user_cache_dir()


def default_cache_dir() -> Path:
    """``$SAFECOMMUNITY_DOCS_CACHE`` or the user's cache folder, ``…/pdf``."""
    return cache_root() / "pdf"


def furniture_store(converter: Converter) -> PdfStore | None:
    """The store shared by every build of this user for documents that carry no dossier's
    content (the page-number documents, ``…/furniture``), when ``converter`` is LibreOffice:
    the store's identity adds the soffice program (its path, size and time) to
    :func:`converter_identity`, so another LibreOffice converts them afresh. None for other
    converters (a test's, or a caching converter that keeps them itself)."""
    from .libreoffice import LibreOfficeConverter

    if not isinstance(converter, LibreOfficeConverter):
        return None
    try:
        program = Path(converter.soffice).resolve()
        stat = program.stat()
    except OSError:
        return None
    identity = f"{converter_identity()}|{program}|{stat.st_size}|{stat.st_mtime_ns}"
    return PdfStore(cache_root() / "furniture", identity)
