"""Which fonts a PDF embeds, and warnings about missing embedding or unexpected fallbacks."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from .fontmap import FONT_MAP, fallback_warnings

EXPECTED_FAMILIES = (
    "FandolFang",
    "FandolKai",
    "FandolSong",
    "FandolHei",
    "NotoSansCJK",
    "NotoSerifCJK",
    "UKai",
    "OpenSymbol",
)
"""PostScript-name prefixes of the open fonts our fontconfig maps to (plus LibreOffice's bullets).

Noto CJK faces appear as ``NotoSerifCJKjp-…``/``NotoSansCJKjp-…`` whatever the language: the
TTC shares one CFF table carrying the JP name, so "jp" is expected and not a fallback.
"""

CJK_FAMILIES = tuple(f for f in EXPECTED_FAMILIES if f != "OpenSymbol")
"""The expected fonts that have Chinese glyphs."""

LATIN_FALLBACKS = ("DejaVu", "Liberation", "Carlito", "Caladea", "FreeSans", "FreeSerif")
"""Fonts fontconfig falls back to when a declared family is unknown: a sign of a missing map."""

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_DECLARED = re.compile(rb'w:(?:eastAsia|ascii|hAnsi|cs)="([^"]+)"')
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True, order=True)
class FontInfo:
    """One font used by a PDF: its PostScript ``name`` (subset tag removed) and how it is stored."""

    name: str
    subset: bool
    embedded: bool
    font_type: str


def _base_name(font: DictionaryObject) -> str:
    return str(font.get("/BaseFont", font.get("/Name", "(unnamed)"))).lstrip("/")


def _is_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True
    if font.get("/Subtype") == "/Type0":
        return all(_is_embedded(d.get_object()) for d in font.get("/DescendantFonts", []))
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _dict(obj: Any) -> DictionaryObject:
    """Return ``obj`` resolved as a dictionary, or an empty one."""
    obj = obj.get_object() if obj is not None else None
    return obj if isinstance(obj, DictionaryObject) else DictionaryObject()


def _fonts_in(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    """Yield the font dictionaries of ``resources`` and of the form XObjects it uses."""
    if resources is None:
        return
    resources = resources.get_object()
    if id(resources) in seen:
        return
    seen.add(id(resources))
    for ref in _dict(resources.get("/Font")).values():
        yield _dict(ref)
    for ref in _dict(resources.get("/XObject")).values():
        xobject = _dict(ref)
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts_in(xobject.get("/Resources"), seen)


def _reader(pdf: bytes | PdfReader) -> PdfReader:
    return pdf if isinstance(pdf, PdfReader) else PdfReader(io.BytesIO(pdf))


def embedded_fonts(pdf: bytes | PdfReader) -> list[FontInfo]:
    """Return every distinct font the PDF's pages use, sorted by name.

    ``subset`` is True for names with a ``ABCDEF+`` tag; ``embedded`` is True when the font
    program is in the file (``FontFile``/``FontFile2``/``FontFile3``, Type 3 glyph procedures, or
    embedded descendant fonts of a Type 0 font).
    """
    found: set[FontInfo] = set()
    seen: set[int] = set()
    for page in _reader(pdf).pages:
        for font in _fonts_in(page.get("/Resources"), seen):
            base = _base_name(font)
            found.add(
                FontInfo(
                    name=_SUBSET.sub("", base),
                    subset=bool(_SUBSET.match(base)),
                    embedded=_is_embedded(font),
                    font_type=str(font.get("/Subtype", "")).lstrip("/"),
                )
            )
    return sorted(found)


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]")


def _unicode(hex_digits: bytes) -> str:
    raw = bytes.fromhex(re.sub(rb"\s", b"", hex_digits).decode("ascii"))
    return raw.decode("utf-16-be", "replace") if len(raw) % 2 == 0 else ""


def _maps_han(cmap: bytes) -> bool:
    """Whether a ToUnicode CMap maps any code to a Chinese character."""
    for section in _BFCHAR.findall(cmap):
        hexes = [m.group(1) for m in _TOKEN.finditer(section) if m.group(1) is not None]
        if any(_HAN.search(_unicode(dst)) for dst in hexes[1::2]):
            return True
    for section in _BFRANGE.findall(cmap):
        tokens = [
            m.group(1) if m.group(1) is not None else m.group(0) for m in _TOKEN.finditer(section)
        ]
        i = 0
        while i + 2 < len(tokens):
            low, high, dst = tokens[i], tokens[i + 1], tokens[i + 2]
            if dst == b"[":
                end = tokens.index(b"]", i + 3) if b"]" in tokens[i + 3 :] else len(tokens)
                if any(_HAN.search(_unicode(d)) for d in tokens[i + 3 : end]):
                    return True
                i = end + 1
                continue
            first = _unicode(dst)
            span = int(high or b"0", 16) - int(low or b"0", 16)
            if len(first) == 1 and any(
                _HAN.search(chr(c)) for c in range(ord(first), ord(first) + min(span, 0x10000) + 1)
            ):
                return True
            i += 3
    return False


def _fonts_with_han(reader: PdfReader) -> set[str]:
    """Return the names (subset tag removed) of the fonts that draw Chinese characters: those
    whose ToUnicode map has one (an embedded subset maps only the glyphs it draws). Each font
    is read once, however many pages use it."""
    names: set[str] = set()
    known: dict[int, bool] = {}
    seen: set[int] = set()
    for page in reader.pages:
        for font in _fonts_in(page.get("/Resources"), seen):
            if id(font) not in known:
                stream = font.get("/ToUnicode")
                data = stream.get_object().get_data() if stream is not None else b""
                known[id(font)] = _maps_han(data)
            if known[id(font)]:
                names.add(_SUBSET.sub("", _base_name(font)))
    return names


def declared_fonts(docx: bytes) -> set[str]:
    """Return the font names a Word document declares (``w:rFonts`` of its styles and body)."""
    names: set[str] = set()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        for part in ("word/styles.xml", "word/document.xml"):
            if part in archive.namelist():
                names.update(m.decode("utf-8") for m in _DECLARED.findall(archive.read(part)))
    return names


def font_warnings(
    pdf: bytes | PdfReader, expected: Sequence[str] = (), declared: set[str] | None = None
) -> list[str]:
    """Return human-readable warnings about the PDF's fonts (an empty list when all is well).

    It warns when a font is not embedded, when Chinese text is set in a font without Chinese
    glyphs, when a Latin fallback (DejaVu, Liberation, …) or any font outside the mapped open
    fonts appears (a declared family fell back), when a family in ``expected`` (a name
    prefix such as ``"FandolFang"``) is absent, and when a declared name of the font mapping is
    set in its fallback instead of the font the mapping expects (仿宋 in Noto Serif CJK SC
    because FandolFang is not installed). ``declared`` (see :func:`declared_fonts`) limits that
    last check to the names the Word document declares; by default every mapped name counts.
    """
    reader = _reader(pdf)
    mapped = tuple(  # Latin open fonts a declared name maps to (Times New Roman → Liberation)
        f.postscript
        for m in FONT_MAP
        if declared is None or m.declared in declared
        for f in m.fonts
    )
    fonts = embedded_fonts(reader)
    han = _fonts_with_han(reader)
    warnings: list[str] = []
    for font in fonts:
        if not font.embedded:
            warnings.append(f"font {font.name} is not embedded")
        if font.name in han and not font.name.startswith(CJK_FAMILIES):
            warnings.append(f"Chinese text is set in {font.name}, a font without Chinese glyphs")
        elif font.name.startswith(LATIN_FALLBACKS) and not font.name.startswith(mapped):
            warnings.append(
                f"font {font.name} is a fallback: a declared family was not mapped to an open font"
            )
        elif not font.name.startswith(EXPECTED_FAMILIES + mapped):
            warnings.append(f"unexpected font {font.name}: a declared family fell back to it")
    names = {font.name for font in fonts}
    for family in expected:
        if not any(name.startswith(family) for name in names):
            warnings.append(f"expected font {family} is not used")
    warnings.extend(fallback_warnings(names, declared))
    return warnings
