"""File names from document titles: safe on every common file system, unique in one folder,
short enough, and deterministic (the same titles always give the same names)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

MAX_NAME_BYTES = 200
"""Longest file name (stem + extension, UTF-8) the builder writes. File systems allow 255 bytes;
the rest is kept for the temporary names of atomic writes (``.<name>.XXXX.tmp``)."""

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)
"""Names Windows refuses whatever their extension."""


def _visible(text: str) -> str:
    """Drop format characters (bidi overrides, zero-width joiners …) and other invisibles."""
    text = unicodedata.normalize("NFC", text)
    return "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cf", "Cc", "Co", "Cn")
    )


def safe_stem(title: str) -> str:
    """A file name stem from a title: invisible characters dropped, characters no file system
    accepts replaced by ``_``, white space folded, no leading/trailing dots or spaces, and no
    Windows reserved name (``CON`` → ``_CON``)."""
    stem = _UNSAFE.sub("_", _visible(title))
    stem = re.sub(r"\s+", " ", stem).strip(" .")
    if not stem:
        return "document"
    return f"_{stem}" if _RESERVED.match(stem) else stem


def _fit(stem: str, suffix: str) -> tuple[str, bool]:
    """``stem`` cut (at a character boundary) with an 8-character hash of the whole stem, when
    stem + suffix is longer than :data:`MAX_NAME_BYTES`; else unchanged."""
    if len((stem + suffix).encode("utf-8")) <= MAX_NAME_BYTES:
        return stem, False
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    room = MAX_NAME_BYTES - len(f"-{digest}{suffix}".encode())
    cut = stem
    while len(cut.encode("utf-8")) > room:
        cut = cut[:-1]
    return f"{cut.rstrip(' .')}-{digest}", True


@dataclass
class NameBook:
    """Hands out the file names of one build folder: each unique (ignoring case), each noted
    when it had to be shortened or numbered."""

    used: set[str] = field(default_factory=set)
    notes: dict[str, str] = field(default_factory=dict)

    def name(self, title: str, extension: str) -> str:
        """The file name for a document titled ``title`` with ``extension`` (no dot)."""
        suffix = f".{extension}"
        stem, shortened = _fit(safe_stem(title), suffix)
        name, n = stem + suffix, 1
        while name.casefold() in self.used:
            n += 1
            numbered, _ = _fit(f"{stem}（{n}）", suffix)
            name = numbered + suffix
        self.used.add(name.casefold())
        why = []
        if shortened:
            why.append(f"shortened from a {len(title)}-character title")
        if n > 1:
            why.append(f"numbered ({n}): another document has the same title")
        if why:
            self.notes[name] = "; ".join(why)
        return name
