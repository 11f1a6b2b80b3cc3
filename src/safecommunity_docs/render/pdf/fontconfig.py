"""The converter's own fontconfig file: open fonts for the declared Windows font names."""

from __future__ import annotations

import os
import sys
import tempfile
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from .fandol import FONT_DIR_ENV, has_fonts, user_data_dir
from .fontmap import FONT_MAP

_SYSTEM_FANDOL = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")


def font_dir_candidates() -> list[Path]:
    """Return the folders searched for the Fandol fonts, in order of preference.

    1. ``$SAFECOMMUNITY_DOCS_FONT_DIR`` when set;
    2. the Python environment's ``share/safecommunity-docs/fonts`` (``sys.prefix``: where
       ``tools/setup-system.sh`` puts them in a checkout's ``.venv``);
    3. this user's ``$XDG_DATA_HOME/safecommunity-docs/fonts`` (default
       ``~/.local/share/…``: where ``safecommunity-docs fonts install`` puts them);
    4. a TeX Live installation of the system.
    """
    candidates: list[Path] = []
    override = os.environ.get(FONT_DIR_ENV)
    if override:
        candidates.append(Path(override))
    candidates.append(Path(sys.prefix) / "share" / "safecommunity-docs" / "fonts")
    candidates.append(user_data_dir())
    candidates.append(_SYSTEM_FANDOL)
    return candidates


def fandol_dir() -> Path | None:
    """Return the first folder holding both Fandol fonts, or None when they are not installed."""
    for folder in font_dir_candidates():
        if has_fonts(folder):
            return folder
    return None


def user_cache_dir() -> Path:
    """Return this user's cache folder for the library (created), never a system folder.

    It follows ``XDG_CACHE_HOME`` (default ``~/.cache``) and falls back to a folder in the
    temporary directory when the home folder is not writable.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    for root in (Path(base), Path(tempfile.gettempdir()) / f"safecommunity-docs-{os.getuid()}"):
        folder = root / "safecommunity-docs"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError("no writable cache folder for safecommunity-docs")


def _matches() -> str:
    """One ``<match>`` per declared name of :data:`FONT_MAP`, its open fonts best first."""
    blocks = []
    for mapping in FONT_MAP:
        families = "".join(f"<string>{escape(f.family)}</string>" for f in mapping.fonts)
        weight = (
            '\n    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
            if mapping.bold
            else ""
        )
        blocks.append(
            '  <match target="pattern">\n'
            f'    <test name="family" compare="eq"><string>{escape(mapping.declared)}</string></test>\n'
            f'    <edit name="family" mode="assign" binding="strong">{families}</edit>{weight}\n'
            "  </match>"
        )
    return "\n".join(blocks)


def fontconfig_text(font_dirs: list[Path], cache_dir: Path) -> str:
    """Return the fontconfig XML for ``font_dirs`` with ``cache_dir`` as the first cache folder.

    The template ``safecommunity_docs/fonts/fonts.conf.in`` gets one match per name of
    :data:`~.fontmap.FONT_MAP` (仿宋_GB2312/仿宋/FangSong to FandolFang, else Noto Serif CJK SC;
    楷体_GB2312/楷体/KaiTi to FandolKai, else AR PL UKai CN; 黑体/SimHei to Noto Sans CJK SC;
    宋体/SimSun to Noto Serif CJK SC; 方正小标宋简体 to Noto Serif CJK SC Bold) and includes the
    system's ``/etc/fonts/fonts.conf`` after our cache folder.
    """
    template = resources.files("safecommunity_docs") / "fonts" / "fonts.conf.in"
    dirs = "\n".join(f"  <dir>{escape(str(d))}</dir>" for d in font_dirs)
    return (
        template.read_text(encoding="utf-8")
        .replace("@CACHEDIR@", escape(str(cache_dir)))
        .replace("@FONTDIRS@", dirs)
        .replace("@MATCHES@", _matches())
    )


def write_fontconfig(dest: Path, font_dir: Path | None = None) -> Path:
    """Write the converter's fontconfig file into folder ``dest`` and return its path.

    ``font_dir`` defaults to :func:`fandol_dir`; without Fandol fonts the file still maps every
    name, falling back to Noto Serif CJK SC for 仿宋 and AR PL UKai CN for 楷体. The file is only
    ever passed to the converter's processes through ``FONTCONFIG_FILE``.
    """
    folder = font_dir if font_dir is not None else fandol_dir()
    cache = user_cache_dir() / "fontconfig"
    cache.mkdir(parents=True, exist_ok=True)
    path = dest / "fonts.conf"
    path.write_text(
        fontconfig_text([folder] if folder is not None else [], cache), encoding="utf-8"
    )
    return path
