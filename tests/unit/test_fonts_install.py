"""`fonts install` and the set-up's fetcher: one implementation, apt-get download + dpkg-deb.

apt-get is replaced by a script that hands out a small .deb built here with the real dpkg-deb
(same paths as Debian's texlive-lang-chinese), so the extraction runs for real without a mirror.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from safecommunity_docs.cli import main
from safecommunity_docs.render.pdf.fandol import FANDOL_PATH, LICENCE_PATH
from safecommunity_docs.render.pdf.fontconfig import fandol_dir, font_dir_candidates
from tests.conftest import ROOT

FONTS = {"FandolFang-Regular.otf": b"OTTO fang " * 50, "FandolKai-Regular.otf": b"OTTO kai " * 50}


def _deb(tmp_path: Path) -> Path:
    tree = tmp_path / "pkg"
    (tree / "DEBIAN").mkdir(parents=True)
    (tree / "DEBIAN" / "control").write_text(
        "Package: texlive-lang-chinese\nVersion: 2022.1-1\nArchitecture: all\n"
        "Maintainer: test <test@example.org>\nDescription: test package\n",
        encoding="utf-8",
    )
    fonts = tree / FANDOL_PATH
    fonts.mkdir(parents=True)
    for name, data in FONTS.items():
        (fonts / name).write_bytes(data)
    (fonts / "FandolSong-Regular.otf").write_bytes(b"not wanted")
    doc = tree / LICENCE_PATH
    doc.mkdir(parents=True)
    (doc / "README").write_text("Fandol fonts, GPL with font exception\n", encoding="utf-8")
    (doc / "COPYING.gz").write_bytes(b"\x1f\x8b licence")
    deb = tmp_path / "texlive-lang-chinese_2022.1-1_all.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "--build", str(tree), str(deb)],
        check=True,
        capture_output=True,
    )
    return deb


@pytest.fixture
def fake_apt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put an ``apt-get`` first on PATH whose ``download`` copies our .deb; returns its log."""
    deb = _deb(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    script = bin_dir / "apt-get"
    script.write_text(
        f'#!/bin/sh\necho "$@" >> {log}\n[ "$1" = download ] && cp {deb} . && exit 0\nexit 0\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log


def _assert_installed(dest: Path, log: Path) -> None:
    for name, data in FONTS.items():
        assert (dest / name).read_bytes() == data
    assert (dest / "README.fandol").read_text(encoding="utf-8").startswith("Fandol fonts")
    assert (dest / "COPYING.fandol.gz").read_bytes() == b"\x1f\x8b licence"
    assert sorted(p.name for p in dest.iterdir()) == sorted(
        [*FONTS, "README.fandol", "COPYING.fandol.gz"]
    ), "only the two fonts and their licence, nothing half-written"
    assert "download -qq texlive-lang-chinese" in log.read_text(encoding="utf-8")


def test_fonts_install_into_a_folder(
    tmp_path: Path, fake_apt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "my fonts"
    assert main(["fonts", "install", str(dest)]) == 0
    _assert_installed(dest, fake_apt)
    out, err = capsys.readouterr()
    assert str(dest / "FandolFang-Regular.otf") in out
    assert f"SAFECOMMUNITY_DOCS_FONT_DIR={dest}" in err, "says how to make the library use DIR"
    assert main(["fonts", "install", str(dest)]) == 0
    assert "already there" in capsys.readouterr().out


def test_fonts_install_defaults_to_the_user_data_dir_which_the_library_finds(
    tmp_path: Path, fake_apt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An installed wheel: the environment's share folder holds no fonts.
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SAFECOMMUNITY_DOCS_FONT_DIR", raising=False)
    assert fandol_dir() is None
    assert main(["fonts", "install"]) == 0
    dest = tmp_path / "data" / "safecommunity-docs" / "fonts"
    _assert_installed(dest, fake_apt)
    assert fandol_dir() == dest


def test_font_dir_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_FONT_DIR", str(tmp_path / "env"))
    env, venv, user = (
        tmp_path / "env",
        tmp_path / "venv" / "share" / "safecommunity-docs" / "fonts",
        tmp_path / "data" / "safecommunity-docs" / "fonts",
    )
    assert font_dir_candidates()[:3] == [env, venv, user]
    for folder in (user, venv, env):  # each one found beats the ones after it
        folder.mkdir(parents=True)
        for name, data in FONTS.items():
            (folder / name).write_bytes(data)
        assert fandol_dir() == folder


def test_fonts_install_reports_a_failed_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "apt-get"
    script.write_text("#!/bin/sh\necho 'E: Unable to locate package' >&2\nexit 100\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    dest = tmp_path / "fonts"
    assert main(["fonts", "install", str(dest)]) == 7
    assert "Unable to locate package" in capsys.readouterr().err
    assert not dest.exists()


def test_the_setup_script_fetches_with_the_same_code(tmp_path: Path, fake_apt: Path) -> None:
    # tools/setup-system.sh runs tools/fetch_fonts.py with the system's Python, before .venv.
    dest = tmp_path / "setup-fonts"
    done = subprocess.run(
        ["python3", "-I", str(ROOT / "tools" / "fetch_fonts.py"), str(dest)],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ.copy(),
    )
    assert done.returncode == 0, done.stderr
    _assert_installed(dest, fake_apt)
    script = (ROOT / "tools" / "setup-system.sh").read_text(encoding="utf-8")
    assert 'tools/fetch_fonts.py" "$FONT_DIR"' in script
