"""`safecommunity-docs doctor`: every part PDF needs, present or missing, and the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from safecommunity_docs.cli import main
from safecommunity_docs.render.pdf.fontmap import FONT_MAP, open_fonts


def test_doctor_on_the_set_up_machine_lists_every_part_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The set-up (make test) installs every part; a missing one is a failure, never a skip.
    assert main(["doctor"]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "✓ LibreOffice Writer" in out
    assert "✓ python3-uno" in out
    assert "✓ tcmalloc (faster LibreOffice): /" in out
    for font in open_fonts():
        assert f"✓ font {font.family} ({font.package})" in out
    assert {m.expected.family for m in FONT_MAP} == {
        "FandolFang",
        "FandolKai",
        "Noto Sans CJK SC",
        "Noto Serif CJK SC",
        "Liberation Serif",  # Times New Roman of the English ISCCC application
    }
    assert "PDF: ready" in out


def test_doctor_without_the_fandol_fonts_says_how_to_get_them_and_exits_7(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # What a user of the wheel sees before `fonts install`: no fonts in any searched folder.
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SAFECOMMUNITY_DOCS_FONT_DIR", raising=False)
    assert main(["doctor"]) == 7
    out = capsys.readouterr().out
    for family in ("FandolFang", "FandolKai"):
        assert f"✗ font {family} (texlive-lang-chinese): not in any of:" in out
    assert str(tmp_path / "data" / "safecommunity-docs" / "fonts") in out
    assert "missing; install with: safecommunity-docs fonts install" in out
    assert "✓ font Noto Serif CJK SC" in out
    assert "PDF: cannot be made correctly" in out


def test_doctor_without_libreoffice_exits_6_with_the_apt_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["doctor"]) == 6
    out = capsys.readouterr().out
    assert "✗ LibreOffice Writer: soffice is not on PATH" in out
    assert "sudo apt-get install --no-install-recommends libreoffice-writer-nogui" in out


def test_doctor_without_tcmalloc_says_how_to_get_it_and_still_exits_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """tcmalloc only speeds LibreOffice up: its absence is reported, not an error."""
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_OFFICE_MALLOC", str(tmp_path / "missing.so"))
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "libtcmalloc_minimal.so.4 not found: glibc's malloc" in out
    assert "libtcmalloc-minimal4" in out
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_OFFICE_MALLOC", "system")
    assert main(["doctor"]) == 0
    assert "✓ tcmalloc (faster LibreOffice): SAFECOMMUNITY_DOCS_OFFICE_MALLOC=system" in (
        capsys.readouterr().out
    )
