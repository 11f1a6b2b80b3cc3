"""What the PDF stage needs on this machine: LibreOffice, python3-uno and each mapped CJK font."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ConverterNotFound, FontNotFound, SafeCommunityDocsError
from .render.pdf.fontconfig import fandol_dir, font_dir_candidates, write_fontconfig
from .render.pdf.fontmap import FANDOL_FANG, FANDOL_KAI, OpenFont, expected_fonts, open_fonts
from .render.pdf.libreoffice import (
    ALLOCATOR_ENV,
    TCMALLOC,
    allocator_opted_out,
    find_soffice,
    find_uno_python,
    office_allocator,
    office_environment,
)

_APT = "sudo apt-get install --no-install-recommends "


@dataclass(frozen=True, slots=True)
class Check:
    """One part the PDF stage uses: present or not, with where it was found or how to get it.

    A ``required`` part that is missing means PDFs cannot be made correctly; an optional one
    only makes them slower (python3-uno) or is a fallback the mapping does not expect.
    """

    name: str
    ok: bool
    required: bool
    detail: str
    install: str


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """Every check, and the exit code the command line uses for them."""

    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        """Whether every required part is present."""
        return all(c.ok for c in self.checks if c.required)

    @property
    def exit_code(self) -> int:
        """0 when PDFs can be made correctly; ConverterNotFound's code without LibreOffice,
        FontNotFound's code when a font the mapping expects is missing."""
        missing = [c for c in self.checks if c.required and not c.ok]
        if not missing:
            return 0
        if any(c.name.startswith("LibreOffice") for c in missing):
            return ConverterNotFound.exit_code
        return FontNotFound.exit_code


def _libreoffice() -> list[Check]:
    try:
        soffice: str | None = find_soffice()
    except SafeCommunityDocsError:
        soffice = None
    program = Path(os.path.realpath(soffice)).parent if soffice else None
    checks = [
        Check(
            "LibreOffice Writer",
            soffice is not None and program is not None and any(program.glob("libswlo*")),
            True,
            soffice or "soffice is not on PATH",
            _APT + "libreoffice-writer-nogui",
        ),
        Check(
            "LibreOffice Calc",
            program is not None and any(program.glob("libsclo*")),
            False,
            str(program) if program else "soffice is not on PATH",
            _APT + "libreoffice-calc-nogui",
        ),
    ]
    uno = find_uno_python(soffice) if soffice else None
    checks.append(
        Check(
            "python3-uno (warm LibreOffice workers)",
            uno is not None,
            False,
            uno or "no Python that imports uno: every document starts LibreOffice (slower)",
            _APT + "python3-uno",
        )
    )
    allocator = office_allocator()
    chosen = allocator_opted_out()
    checks.append(
        Check(
            "tcmalloc (faster LibreOffice)",
            allocator is not None or chosen,
            False,
            allocator
            or (f"{ALLOCATOR_ENV}=system" if chosen else f"{TCMALLOC} not found: glibc's malloc"),
            _APT + "libtcmalloc-minimal4",
        )
    )
    return checks


def _families() -> set[str] | None:
    """Return every font family fontconfig knows with the converter's own fontconfig file
    (so the Fandol folder counts), or None when fontconfig's ``fc-list`` is not installed."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    with tempfile.TemporaryDirectory(prefix="scd-doctor-") as tmp:
        conf = write_fontconfig(Path(tmp))
        done = subprocess.run(
            [fc_list, ":", "family"],
            env=office_environment(conf),
            capture_output=True,
            text=True,
            check=False,
        )
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",")}


def _font(font: OpenFont, families: set[str] | None, required: bool) -> Check:
    name = f"font {font.family} ({font.package})"
    if font in (FANDOL_FANG, FANDOL_KAI):
        folder = fandol_dir()
        where = ", ".join(str(p) for p in font_dir_candidates())
        detail = str(folder) if folder else f"not in any of: {where}"
        ok = folder is not None and (families is None or font.family in families)
        return Check(name, ok, required, detail, font.install)
    if families is None:
        return Check(name, False, required, "fc-list not found", _APT + "fontconfig")
    found = font.family in families
    return Check(name, found, required, "found" if found else "not found", font.install)


def diagnose() -> Diagnosis:
    """Check LibreOffice, python3-uno and every font of the mapping (never raises)."""
    families = _families()
    expected = {f.family for f in expected_fonts()}
    fonts = [_font(f, families, f.family in expected) for f in open_fonts()]
    return Diagnosis((*_libreoffice(), *fonts))
