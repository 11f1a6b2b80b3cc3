"""No silent font substitution: a PDF whose 仿宋/楷体 fell back to another face gets a warning."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from safecommunity_docs.cli import main
from safecommunity_docs.render.pdf import (
    LibreOfficeConverter,
    declared_fonts,
    embedded_fonts,
    fandol_dir,
    font_warnings,
)
from safecommunity_docs.render.pdf.fontmap import fallback_warnings
from tests.compliance_base import acknowledge_blocking
from tests.conftest import COMMUNITY, PLAN


def test_fallback_warnings_name_the_declared_font_its_stand_in_and_the_fix() -> None:
    used = {"NotoSerifCJKjp-Regular", "NotoSerifCJKjp-Bold", "NotoSansCJKjp-Regular", "UKaiCN"}
    warnings = fallback_warnings(used)
    assert warnings == [
        "font fallback: 仿宋_GB2312 is set in Noto Serif CJK SC instead of FandolFang (not found;"
        " install it with: safecommunity-docs fonts install); page breaks differ",
        "font fallback: 楷体_GB2312 is set in AR PL UKai CN instead of FandolKai (not found;"
        " install it with: safecommunity-docs fonts install); page breaks differ",
    ]
    assert fallback_warnings(used | {"FandolFang-Regular", "FandolKai-Regular"}) == []
    # Only the names a document declares count: 宋体 alone in Noto Serif is what it should be.
    assert fallback_warnings({"NotoSerifCJKjp-Regular"}, declared={"宋体"}) == []


def _hide_fandol(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make this process look like an installed wheel before `fonts install`."""
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SAFECOMMUNITY_DOCS_FONT_DIR", raising=False)
    assert fandol_dir() is None


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "street"
    folder.mkdir()
    for name, data in (("community.yaml", COMMUNITY), ("plan.yaml", PLAN)):
        (folder / name).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return folder


def _plan_only(tmp_path: Path) -> Path:
    """The folder, with the compliance errors of a dossier that is only a plan acknowledged:
    ``--strict`` then fails for fonts alone."""
    folder = _folder(tmp_path)
    acknowledge_blocking(folder, "字体测试：只生成工作计划")
    return folder


@pytest.mark.libreoffice
def test_a_pdf_converted_without_fandol_warns_that_fangsong_fell_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safecommunity_docs

    dossier = safecommunity_docs.load(_folder(tmp_path))
    assert dossier.work_plan is not None
    docx = safecommunity_docs.render(dossier.work_plan, "docx", dossier=dossier)
    assert {"仿宋_GB2312", "黑体", "方正小标宋简体"} <= declared_fonts(docx)
    _hide_fandol(tmp_path, monkeypatch)
    with LibreOfficeConverter(workers=1) as converter:
        pdf = converter.convert(docx, "plan")
    names = {font.name for font in embedded_fonts(pdf)}
    assert not any(name.startswith("FandolFang") for name in names)
    warnings = font_warnings(pdf, declared=declared_fonts(docx))
    assert any(
        w.startswith("font fallback: 仿宋_GB2312 is set in Noto Serif CJK SC instead of FandolFang")
        for w in warnings
    ), warnings


@pytest.mark.libreoffice
def test_build_strict_fails_on_a_font_fallback_and_passes_with_the_fonts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _plan_only(tmp_path)
    good = tmp_path / "good"
    assert main(["build", str(folder), "-o", str(good), "--formats", "pdf", "--strict"]) == 0
    assert "font fallback" not in capsys.readouterr().err
    _hide_fandol(tmp_path, monkeypatch)
    bad = tmp_path / "bad"
    assert main(["build", str(folder), "-o", str(bad), "--formats", "pdf", "--strict"]) == 8
    err = capsys.readouterr().err
    assert "font fallback: 仿宋_GB2312 is set in Noto Serif CJK SC instead of FandolFang" in err
    assert "warning(s) with --strict\nremedy: " in err
    manifest = (bad / "manifest.json").read_text(encoding="utf-8")
    assert "font fallback" in manifest
