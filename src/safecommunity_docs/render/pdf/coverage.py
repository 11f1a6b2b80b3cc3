"""Before conversion: characters of a document that the fonts its styles map to cannot draw.

LibreOffice drops a character that neither the mapped font nor a fallback has (CJK Extension B
such as 𠀀 and 𠮷 vanish from 仿宋 text). Each text of a view is checked against the character
map (fontconfig's, else fontTools') of the font file that our fontconfig file maps the text's declared family to,
and each missing character gives one warning per text, naming a font of the system that has it.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError  # type: ignore[import-untyped]

from ...models.isccc import CHINESE
from ...views.document import DocumentView
from ..docx.latin import SERIF
from ..docx.ooxml import (
    BLOCK_STYLES,
    FANGSONG,
    HEITI,
    KAITI,
    PARAGRAPH_STYLES,
    SONGTI,
    XIAOBIAOSONG,
)
from .fontconfig import fandol_dir
from .fontmap import FONT_MAP

_STYLE_FONT = {style.style_id: style.font for style in PARAGRAPH_STYLES}
_FIELD_LABEL = {"title": "标题", "subtitle": "副标题", "table": "表格", "head": "表头"}
_SNIPPET = 16


def font_map() -> dict[str, list[str]]:
    """Declared family -> the families our fontconfig file assigns it, first choice first
    (from the mapping the converter's fontconfig file is written from)."""
    return {m.declared: [font.family for font in m.fonts] for m in FONT_MAP}


def _fc(tool: str, *args: str) -> str | None:
    """The output of fontconfig's ``tool`` run with ``args``, or None without the tool or
    when it fails."""
    found = shutil.which(tool)
    if found is None:
        return None
    try:
        done = subprocess.run([found, *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _fc_list(pattern: str, fmt: str) -> list[str]:
    out = _fc("fc-list", "--format", fmt, pattern) or ""
    return sorted(line for line in out.splitlines() if line)


def font_file(family: str) -> tuple[Path, int] | None:
    """The file (and face index in a collection) of ``family``: the Fandol fonts from the
    set-up's folder, any other family as fontconfig lists it; None when not installed."""
    folder = fandol_dir()
    if family.startswith("Fandol") and folder is not None:
        path = folder / f"{family}-Regular.otf"
        return (path, 0) if path.is_file() else None
    return _system_font_file(family)


@functools.lru_cache(maxsize=64)
def _system_font_file(family: str) -> tuple[Path, int] | None:
    """:func:`font_file` for a family fontconfig lists (kept per process: two ``fc-list``
    runs each, and a dossier asks about its fonts some fifty times)."""
    for line in _fc_list(f"{family}:style=Regular", "%{file}|%{index}\n") or _fc_list(
        family, "%{file}|%{index}\n"
    ):
        name, _, index = line.partition("|")
        return Path(name), int(index or 0)
    return None


def _ranges(text: str) -> frozenset[int] | None:
    """The code points of fontconfig's charset notation (``20-7e a0 4e00-9fa5``), or None
    when ``text`` is not that."""
    points: set[int] = set()
    try:
        for item in text.split():
            first, _, last = item.partition("-")
            points.update(range(int(first, 16), int(last or first, 16) + 1))
    except ValueError:
        return None
    return frozenset(points) or None


def _fc_charset(path: Path, index: int) -> frozenset[int] | None:
    """The font's charset as fontconfig reads it (``fc-query``: milliseconds, where fontTools
    takes more than a second for a CJK collection), or None without fontconfig's tools."""
    out = _fc("fc-query", f"--index={index}", "--format=%{charset}", str(path))
    return _ranges(out) if out is not None else None


@functools.lru_cache(maxsize=32)
def charset(path: Path, index: int = 0) -> frozenset[int]:
    """The code points the font at ``path`` (face ``index``) maps to glyphs: fontconfig's
    view of it (what LibreOffice's font fallback goes by), else the font's cmap (fontTools)."""
    found = _fc_charset(path, index)
    if found is not None:
        return found
    try:
        with TTFont(str(path), fontNumber=index, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except (OSError, TTLibError):
        return frozenset()


def mapped_font(declared: str) -> tuple[str, frozenset[int]] | None:
    """The family our fontconfig uses for ``declared`` (the first installed one) and its
    character set; None when none is installed."""
    for family in font_map().get(declared, [declared]):
        found = font_file(family)
        if found is not None:
            return family, charset(*found)
    return None


@functools.lru_cache(maxsize=1024)
def font_with(char: str) -> str | None:
    """A family of the system that has ``char`` (fontconfig's ``:charset=``), or None."""
    families = _fc_list(f":charset={ord(char):x}", "%{family[0]}\n")
    return families[0] if families else None


def _texts(view: DocumentView) -> Iterator[tuple[str, str, str]]:
    """(where, declared family, text) for every text of ``view``."""
    yield _FIELD_LABEL["title"], XIAOBIAOSONG, view.title
    yield _FIELD_LABEL["subtitle"], KAITI, view.subtitle
    for number, block in enumerate(view.blocks, start=1):
        where = f"第{number}段（{block.kind}）"
        if block.text:
            yield (
                where,
                _STYLE_FONT.get(BLOCK_STYLES.get(block.kind, "Normal"), FANGSONG),
                block.text,
            )
        if block.table is not None:
            for cell in block.table.columns:
                yield f"{where}{_FIELD_LABEL['head']}", HEITI, cell
            for row in block.table.rows:
                for cell in row:
                    yield f"{where}{_FIELD_LABEL['table']}", FANGSONG, cell


def _latin_texts(view: DocumentView) -> Iterator[tuple[str, str, str]]:
    """(where, declared family, text) for a document in the Latin template (its language is
    not Chinese): Latin text in Times New Roman, Chinese names in 宋体 (see ``latin.rpr``)."""
    for where, _, text in _texts(view):
        yield where, SERIF, CHINESE.sub("", text)
        yield where, SONGTI, "".join(CHINESE.findall(text))


def _drawable(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"))


def coverage_warnings(
    view: DocumentView,
    fonts: Callable[[str], tuple[str, frozenset[int]] | None] = mapped_font,
    finder: Callable[[str], str | None] = font_with,
) -> list[str]:
    """Return one warning per character and text of ``view`` that the text's font cannot draw.

    ``fonts`` gives the font family and character set a declared family is mapped to
    (default: the converter's fontconfig mapping and the installed files); ``finder`` names a
    font that has a character. A declared family without any installed font is not checked.
    """
    warnings: list[str] = []
    known: dict[str, tuple[str, frozenset[int]] | None] = {}
    latin = not view.language.startswith("zh")
    for where, declared, text in _latin_texts(view) if latin else _texts(view):
        if declared not in known:
            known[declared] = fonts(declared)
        mapped = known[declared]
        if mapped is None:
            continue
        family, chars = mapped
        for char in dict.fromkeys(c for c in text if ord(c) not in chars and _drawable(c)):
            at = text.index(char)
            snippet = text[max(0, at - _SNIPPET // 2) : at + _SNIPPET // 2].replace("\n", " ")
            other = finder(char)
            has = f"; {other} has it" if other else "; no installed font has it"
            warnings.append(
                f"{where} 「{snippet}」: {char} (U+{ord(char):04X}) is not in {family} "
                f"(the font for {declared}) so the PDF may lack it{has}"
            )
    return warnings


__all__ = ["charset", "coverage_warnings", "font_file", "font_map", "font_with", "mapped_font"]
