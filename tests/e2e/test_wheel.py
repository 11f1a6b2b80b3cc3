"""The wheel, as a user gets it: built, installed into a fresh virtualenv outside the repository,
and run from there (``--help``, ``validate``, ``score``, ``build``, ``doctor``).

One virtualenv per test session. It is created without pip and filled by this environment's pip
(``pip --python``): the same install as running pip inside it, without the ensurepip step.
Dependencies come from the package index (the pip cache helps).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pytest

from safecommunity_docs.render.pdf import fandol_dir
from tests.compliance_base import acknowledge_blocking
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.wheel


@dataclass(frozen=True)
class Installed:
    """A fresh virtualenv with the wheel installed, and a clean environment to run it in."""

    venv: Path
    home: Path
    env: dict[str, str]

    def run(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.venv / "bin" / "safecommunity-docs"), *args],
            cwd=self.home,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    assert ROOT not in dist.parents, "the wheel and its virtualenvs live outside the repository"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(dist)],
        check=True,
        capture_output=True,
    )
    [built] = dist.glob("safecommunity_docs-*.whl")
    return built


def _install(base: Path, requirement: str) -> Installed:
    venv = base / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "-q",
            requirement,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    home = base / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "SAFECOMMUNITY_DOCS_FONT_DIR", "PYTHONHOME"}
    }
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["XDG_DATA_HOME"] = str(home / "data")  # an empty per-user data folder
    return Installed(venv, home, env)


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel with the ``pdf`` extra."""
    return _install(tmp_path_factory.mktemp("wheel"), f"{wheel}[pdf]")


def test_without_extras_import_help_validate_and_score_work(
    wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``pip install safecommunity-docs``, no extra: no pypdf, yet the package imports, ``--help``,
    ``validate`` and ``score`` work, and a PDF says which extra to install."""
    bare = _install(tmp_path_factory.mktemp("bare"), str(wheel))
    has_pypdf = subprocess.run(
        [str(bare.venv / "bin" / "python"), "-c", "import pypdf"], capture_output=True, check=False
    )
    assert has_pypdf.returncode != 0
    shutil.copytree(EXAMPLES / "qinghe-street", bare.home / "qinghe-street")
    assert bare.run("--help").returncode == 0
    valid = bare.run("validate", "qinghe-street")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    scored = bare.run("score", "qinghe-street")
    assert scored.returncode == 0, scored.stderr
    assert "结论：达到市级安全社区标准" in scored.stdout
    pdf = bare.run("build", "qinghe-street", "-o", "out", "--formats", "pdf")
    assert pdf.returncode == 9, pdf.stderr
    assert "pip install 'safecommunity-docs[pdf]'" in pdf.stderr
    assert not (bare.home / "out").exists()


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    done = subprocess.run(
        [
            str(installed.venv / "bin" / "python"),
            "-c",
            "import safecommunity_docs as s; print(s.__file__)",
        ],
        cwd=installed.home,
        env=installed.env,
        capture_output=True,
        text=True,
        check=True,
    )
    where = Path(done.stdout.strip())
    assert installed.venv in where.parents
    assert ROOT not in where.parents


def test_help_validate_score_and_build_from_the_wheel(installed: Installed) -> None:
    help_ = installed.run("--help")
    assert help_.returncode == 0
    for command in ("validate", "check", "build", "score", "doctor", "fonts"):
        assert command in help_.stdout
    example = installed.home / "qinghe-street"
    shutil.copytree(EXAMPLES / "qinghe-street", example)

    valid = installed.run("validate", "qinghe-street")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert "qinghe-street (Dossier): valid" in valid.stdout

    scored = installed.run("score", "qinghe-street")
    assert scored.returncode == 0, scored.stderr
    assert "总分" in scored.stdout
    assert "结论：达到市级安全社区标准" in scored.stdout

    checked = installed.run("check", "qinghe-street", "--json")
    findings = json.loads(checked.stdout)
    blocking = [f for f in findings if f["severity"] == "error" and not f["acknowledged"]]
    assert checked.returncode == (1 if blocking else 0), checked.stderr
    assert all(f["file"].startswith("qinghe-street/") for f in findings if f["file"])

    started = installed.run("init", "fresh", "--type", "乡镇")
    assert started.returncode == 0, started.stderr
    assert installed.run("validate", "fresh").returncode == 0
    assert "usage: " in installed.run("bogus").stderr

    built = installed.run("build", "qinghe-street", "-o", "out", "--formats", "docx,xlsx")
    assert built.returncode == 0, built.stderr
    paths = [Path(line.split(maxsplit=1)[1]) for line in built.stdout.splitlines() if line.strip()]
    docx_files = [p for p in paths if p.suffix == ".docx"]
    xlsx_files = [p for p in paths if p.suffix == ".xlsx"]
    assert len(docx_files) >= 5
    assert len(xlsx_files) == 3  # 自评表, 伤害监测台账, 合规检查报告
    for path in docx_files:
        document = docx.Document(str(installed.home / path))
        assert any(p.text.strip() for p in document.paragraphs), path
    for path in xlsx_files:
        book = openpyxl.load_workbook(installed.home / path)
        assert book.sheetnames, path
    plan = next(p for p in docx_files if "工作计划" in p.name)
    texts = [p.text for p in docx.Document(str(installed.home / plan)).paragraphs]
    assert any("清河街道" in text for text in texts)
    # the English application: its labels come from the gettext catalogue shipped in the wheel
    [english] = [p for p in docx_files if p.name.isascii()]
    words = " ".join(p.text for p in docx.Document(str(installed.home / english)).paragraphs)
    assert "Safe Community" in words
    assert "[English text missing" not in words

    intake = installed.run("intake", "template", "intake.xlsx")
    assert intake.returncode == 0, intake.stderr
    assert "基本情况" in openpyxl.load_workbook(installed.home / "intake.xlsx").sheetnames


def test_doctor_from_the_wheel_finds_the_fonts_only_where_it_looks(installed: Installed) -> None:
    missing = installed.run("doctor")
    assert missing.returncode == 7, missing.stdout
    assert "✗ font FandolFang" in missing.stdout
    assert str(installed.venv / "share" / "safecommunity-docs" / "fonts") in missing.stdout
    assert "install with: safecommunity-docs fonts install" in missing.stdout
    fonts = fandol_dir()
    assert fonts is not None, "the set-up installs FandolFang/FandolKai"
    found = installed.run("doctor", env={"SAFECOMMUNITY_DOCS_FONT_DIR": str(fonts)})
    assert found.returncode == 0, found.stdout
    assert f"✓ font FandolFang (texlive-lang-chinese): {fonts}" in found.stdout
    assert "PDF: ready" in found.stdout


@pytest.mark.libreoffice
def test_pdf_from_the_wheel_with_fonts_install_has_no_unexpected_font(
    installed: Installed,
) -> None:
    """The documented path for a user: ``fonts install`` (the real download from Debian), then a
    PDF build whose manifest reports no font fallback."""
    fonts = installed.home / "data" / "safecommunity-docs" / "fonts"
    fetched = installed.run("fonts", "install")
    assert fetched.returncode == 0, fetched.stdout + fetched.stderr
    assert sorted(p.name for p in fonts.glob("*.otf")) == [
        "FandolFang-Regular.otf",
        "FandolKai-Regular.otf",
    ]
    assert installed.run("doctor").returncode == 0
    example = installed.home / "plan-only"
    example.mkdir()
    for name in ("community.yaml", "plan.yaml"):
        shutil.copy(EXAMPLES / "qinghe-street" / name, example / name)
    acknowledge_blocking(example, "字体测试：只生成工作计划")
    built = installed.run("build", "plan-only", "-o", "pdf-out", "--formats", "pdf", "--strict")
    assert built.returncode == 0, built.stderr
    manifest = (installed.home / "pdf-out" / "manifest.json").read_text(encoding="utf-8")
    data = json.loads(manifest)
    assert [w for w in data["warnings"] if "font" in w] == []
    assert {f["kind"] for f in data["files"]} >= {"work_plan", "dossier"}
