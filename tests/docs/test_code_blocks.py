"""Every code block of the README and of docs/ runs, as a reader would run it.

* ``python`` blocks run in order, one namespace per file, in a scratch folder that holds a copy
  of ``examples/`` (so relative paths work as they do in the repository);
* ``sh`` blocks: every ``safecommunity-docs`` command runs there and must exit 0. Installation
  lines (``pip``, ``sudo apt-get``, ``make``) and ``fonts install`` (a download from Debian's
  archive) are what ``make test`` itself does on a fresh machine, so they are not run again here;
* ``console`` blocks are transcripts: each ``$ safecommunity-docs …`` command must name a real
  command and real options (checked against its ``--help``);
* ``yaml`` blocks parse; one that starts with ``# <file>.yaml`` is validated as that file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import safecommunity_docs as scd

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)
CLI = str(Path(sys.executable).with_name("safecommunity-docs"))
NOT_RUN = ("pip ", "sudo ", "make ", "safecommunity-docs fonts install")


def blocks(page: Path, language: str) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [body for lang, body in BLOCK.findall(text) if lang == language]


def commands(block: str) -> list[str]:
    """The logical lines of a shell block (continuations joined), without comments."""
    joined = block.replace("\\\n", " ")
    out = []
    for line in joined.splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    return tmp_path


@contextlib.contextmanager
def working_in(folder: Path):  # type: ignore[no-untyped-def]
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


@pytest.mark.libreoffice
@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "python")], ids=_id)
def test_python_blocks_run(page: Path, scratch: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    with working_in(scratch):
        for n, code in enumerate(blocks(page, "python"), start=1):
            try:
                exec(compile(code, f"{_id(page)} python block {n}", "exec"), namespace)
            except Exception as exc:
                pytest.fail(f"{_id(page)} python block {n} failed: {exc!r}\n{code}")


@pytest.mark.libreoffice
@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "sh")], ids=_id)
def test_shell_commands_run(page: Path, scratch: Path) -> None:
    ran = 0
    for block in blocks(page, "sh"):
        for line in commands(block):
            if line.startswith(NOT_RUN):
                continue
            assert line.startswith("safecommunity-docs "), f"{_id(page)}: unexpected {line!r}"
            argv = [CLI, *shlex.split(line)[1:]]
            done = subprocess.run(argv, cwd=scratch, capture_output=True, text=True, check=False)
            assert done.returncode == 0, f"{_id(page)}: {line}\n{done.stdout}\n{done.stderr}"
            ran += 1
    assert ran, f"{_id(page)} has sh blocks but no command of the library in them"


def test_console_transcripts_use_real_commands_and_options() -> None:
    checked = 0
    for page in PAGES:
        for block in blocks(page, "console"):
            for line in block.splitlines():
                if not line.startswith("$ safecommunity-docs "):
                    continue
                words = shlex.split(line[2:])[1:]
                command = [w for w in words[:2] if not w.startswith("-")]
                shown = subprocess.run(
                    [CLI, command[0], "--help"], capture_output=True, text=True, check=False
                )
                assert shown.returncode == 0, f"{_id(page)}: {line}"
                for option in (w for w in words if w.startswith("--")):
                    assert option.split("=")[0] in shown.stdout, f"{_id(page)}: {option}"
                checked += 1
    assert checked


def test_yaml_blocks_parse_and_named_files_validate(tmp_path: Path) -> None:
    validated = 0
    for page in PAGES:
        for n, text in enumerate(blocks(page, "yaml"), start=1):
            data = yaml.safe_load(text)
            assert data is not None, f"{_id(page)} yaml block {n} is empty"
            first = text.splitlines()[0]
            named = re.fullmatch(r"#\s*(?:\S+/)?(\w+\.yaml)", first.strip())
            if named:
                path = tmp_path / f"{page.stem}-{n}" / named.group(1)
                path.parent.mkdir()
                path.write_text(text, encoding="utf-8")
                report = scd.validate(path)
                assert report.ok, f"{_id(page)} yaml block {n}: {report.problems}"
                validated += 1
    assert validated
