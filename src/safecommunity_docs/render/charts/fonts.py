"""Locate Noto Sans CJK SC for matplotlib, or fail naming the Debian package that ships it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from matplotlib import font_manager

from ...errors import FontNotFound

FONT_FAMILY = "Noto Sans CJK SC"
"""The one family every chart text is set in (regular and bold faces)."""

FONT_PACKAGE = "fonts-noto-cjk"
"""The Debian package that installs ``NotoSansCJK-Regular.ttc`` and ``NotoSansCJK-Bold.ttc``."""

_SEARCH_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/noto-cjk"),
    Path("/usr/share/fonts/google-noto-cjk"),
    Path("/usr/local/share/fonts"),
)


ChartFontError = FontNotFound
"""Raised when the charts' CJK font is missing (an alias of :class:`FontNotFound`)."""


def _find(weight: str) -> str | None:
    """Return the file matplotlib resolves ``FONT_FAMILY`` at ``weight`` to, or ``None``."""
    props = font_manager.FontProperties(family=FONT_FAMILY, weight=weight)
    try:
        found = font_manager.fontManager.findfont(props, fallback_to_default=False)
    except ValueError:
        return None
    return str(found)


def _candidate_files() -> list[Path]:
    """Font files that may hold the family: fontconfig's answer, then the usual folders."""
    files: list[Path] = []
    fc_match = shutil.which("fc-match")
    if fc_match is not None:
        for style in ("Regular", "Bold"):
            try:
                out = subprocess.run(
                    [fc_match, "-f", "%{file}", f"{FONT_FAMILY}:style={style}"],
                    capture_output=True,
                    text=True,
                    timeout=10,
                    check=False,
                ).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                out = ""
            if "NotoSansCJK" in out and Path(out).is_file():
                files.append(Path(out))
    for folder in _SEARCH_DIRS:
        if folder.is_dir():
            files.extend(sorted(folder.glob("NotoSansCJK*.tt[cf]")))
            files.extend(sorted(folder.glob("NotoSansCJKsc-*.otf")))
    return list(dict.fromkeys(files))


def ensure_font() -> str:
    """Make sure matplotlib can draw ``Noto Sans CJK SC`` and return the regular face's file.

    matplotlib's font cache may predate the font's installation, so when the family is not
    found the font files are located through fontconfig or the usual folders and added.
    Raises ``ChartFontError`` naming the Debian package when the font is nowhere to be found.
    """
    found = _find("normal")
    if found is None:
        for path in _candidate_files():
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
        found = _find("normal")
    if found is None:
        raise ChartFontError(
            f"the charts need the font {FONT_FAMILY!r}, which is not installed; install the "
            f"Debian package {FONT_PACKAGE} (apt-get install {FONT_PACKAGE}) and run again"
        )
    return found


FONT_FILE = ensure_font()
"""The regular face's file, found when this module is first imported."""
