"""Fetch the open FandolFang/FandolKai fonts from Debian's texlive-lang-chinese (stdlib only).

This module imports nothing from the package, so that ``tools/setup-system.sh`` can run it with
the system's Python before the virtualenv exists (``tools/fetch_fonts.py``), and
``safecommunity-docs fonts install`` runs the very same code from an installed wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

FONT_DIR_ENV = "SAFECOMMUNITY_DOCS_FONT_DIR"
"""Environment variable naming the folder that holds FandolFang/FandolKai (searched first)."""

FANDOL_FILES = ("FandolFang-Regular.otf", "FandolKai-Regular.otf")
"""The two Fandol fonts the mapping expects for 仿宋 and 楷体."""

FANDOL_PACKAGE = "texlive-lang-chinese"
FANDOL_PATH = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
LICENCE_PATH = "usr/share/doc/texlive-doc/fonts/fandol"
LICENCE_FILES = {"README": "README.fandol", "COPYING.gz": "COPYING.fandol.gz"}


class FetchError(RuntimeError):
    """The fonts could not be fetched; the message says why and what to run by hand."""


def user_data_dir() -> Path:
    """Return this user's data folder for the fonts: ``$XDG_DATA_HOME`` (default
    ``~/.local/share``) ``/safecommunity-docs/fonts``; not created."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "safecommunity-docs" / "fonts"


def manual_steps(dest: Path) -> str:
    """The shell commands that do by hand what :func:`install` does."""
    return (
        f"apt-get download {FANDOL_PACKAGE} && dpkg-deb -x {FANDOL_PACKAGE}_*.deb x && "
        f"mkdir -p {dest} && cp x/{FANDOL_PATH}/Fandol{{Fang,Kai}}-Regular.otf {dest}/"
    )


def has_fonts(folder: Path) -> bool:
    """Whether ``folder`` holds both Fandol fonts."""
    return all(
        (folder / name).is_file() and (folder / name).stat().st_size > 0 for name in FANDOL_FILES
    )


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def _download(tmp: Path) -> Path:
    """Run ``apt-get download`` (once more after ``apt-get update`` when root) into ``tmp``."""
    done = _run(["apt-get", "download", "-qq", FANDOL_PACKAGE], tmp)
    if done.returncode != 0 and os.geteuid() == 0:
        _run(["apt-get", "update", "-qq"], tmp)
        done = _run(["apt-get", "download", "-qq", FANDOL_PACKAGE], tmp)
    debs = sorted(tmp.glob("*.deb"))
    if done.returncode != 0 or not debs:
        tail = " ".join((done.stderr or done.stdout).strip().splitlines()[-2:])
        raise FetchError(f"apt-get download {FANDOL_PACKAGE} failed: {tail or 'no .deb'}")
    return debs[0]


def _extract(deb: Path, tmp: Path) -> Path:
    """Unpack only the two fonts and their licence from ``deb`` (dpkg-deb --fsys-tarfile)."""
    tar_path = tmp / "data.tar"
    with tar_path.open("wb") as out:
        done = subprocess.run(
            ["dpkg-deb", "--fsys-tarfile", str(deb)],
            stdout=out,
            stderr=subprocess.PIPE,
            check=False,
        )
    if done.returncode != 0:
        raise FetchError(
            f"dpkg-deb could not read {deb.name}: {done.stderr.decode(errors='replace')}"
        )
    wanted = {f"{FANDOL_PATH}/{name}" for name in FANDOL_FILES}
    wanted |= {f"{LICENCE_PATH}/{name}" for name in LICENCE_FILES}
    root = tmp / "x"
    with tarfile.open(tar_path) as tar:
        for member in tar:
            name = member.name.removeprefix("./")
            source = tar.extractfile(member) if member.isfile() and name in wanted else None
            if source is not None:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                with source, (root / name).open("wb") as out_file:
                    shutil.copyfileobj(source, out_file)
    missing = [n for n in FANDOL_FILES if not (root / FANDOL_PATH / n).is_file()]
    if missing:
        raise FetchError(f"{deb.name} does not contain {', '.join(missing)}")
    return root


def install(dest: Path) -> list[Path]:
    """Download texlive-lang-chinese (TeX is not installed), extract FandolFang and FandolKai
    with their licence into ``dest`` and return the font files written.

    Each file is written under a temporary name and renamed, so ``dest`` never holds half a
    font. Raises :class:`FetchError` when apt-get or dpkg-deb is missing or fails.
    """
    for tool in ("apt-get", "dpkg-deb"):
        if shutil.which(tool) is None:
            raise FetchError(f"{tool} is not available (a Debian-based system is needed)")
    with tempfile.TemporaryDirectory(prefix="scd-fonts-") as name:
        tmp = Path(name)
        tmp.chmod(0o777)  # apt-get download runs as the unprivileged _apt user where it can
        root = _extract(_download(tmp), tmp)
        dest.mkdir(parents=True, exist_ok=True)
        sources = [(root / FANDOL_PATH / n, dest / n) for n in FANDOL_FILES]
        sources += [
            (root / LICENCE_PATH / n, dest / target)
            for n, target in LICENCE_FILES.items()
            if (root / LICENCE_PATH / n).is_file()
        ]
        for source, target in sources:
            part = target.with_name(target.name + ".part")
            shutil.copyfile(source, part)
            part.replace(target)
    return [dest / n for n in FANDOL_FILES]
