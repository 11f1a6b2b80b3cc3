"""Nothing heavy at import: the package, --help, validate and score work without matplotlib,
pypdf, openpyxl or the CJK fonts; a chart, a PDF and a workbook fail with MissingDependency."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

HEAVY = ("matplotlib", "openpyxl", "docx", "docxtpl", "pypdf")
HIDDEN = ("matplotlib", "pypdf", "openpyxl")

HIDE = """
import importlib.abc, sys
HIDDEN = {hidden!r}
class _Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in HIDDEN:
            raise ModuleNotFoundError(f"No module named {{name!r}} (hidden by the test)")
        return None
sys.meta_path.insert(0, _Hide())
"""


def _run(
    script: str, tmp_path: Path, hidden: tuple[str, ...] = HIDDEN
) -> subprocess.CompletedProcess[str]:
    # An empty fontconfig: no font directory, so no CJK font can be found either.
    fonts = tmp_path / "fonts.conf"
    fonts.write_text('<?xml version="1.0"?><fontconfig></fontconfig>\n', encoding="utf-8")
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(fonts),
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
        "PYTHONPATH": str(ROOT),
    }
    code = HIDE.format(hidden=hidden) + textwrap.dedent(script)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


def test_a_bare_import_loads_no_heavy_library(tmp_path: Path) -> None:
    done = _run(
        f"""
        import json, sys
        import safecommunity_docs
        print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r})))
        """,
        tmp_path,
        hidden=(),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_help_validate_and_score_work_without_optional_parts(tmp_path: Path) -> None:
    example = EXAMPLES / "qinghe-street"
    done = _run(
        f"""
        import contextlib, io, json
        from safecommunity_docs.cli import main
        codes = {{}}
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            codes["help"] = main(["--help"])
        codes["help_text"] = "validate" in out.getvalue()
        codes["validate"] = main(["validate", {str(example)!r}])
        codes["score"] = main(["score", {str(example)!r}, "--json"])
        print(json.dumps(codes))
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    codes = json.loads(done.stdout.strip().splitlines()[-1])
    assert codes == {"help": 0, "help_text": True, "validate": 0, "score": 0}


@pytest.mark.parametrize(
    ("what", "call", "module"),
    [
        (
            "a chart",
            "v = get_kind('diagnosis_report').view('document', d.diagnosis, context_for(d));"
            "render(next(b.chart for b in v.blocks if b.chart), 'png')",
            "matplotlib",
        ),
        ("a PDF", "render(d.work_plan, 'pdf', dossier=d)", "pypdf"),
        ("an Excel workbook", "render(d.assessment, 'xlsx', dossier=d)", "openpyxl"),
    ],
)
def test_optional_parts_fail_at_the_call_with_the_install_step(
    tmp_path: Path, what: str, call: str, module: str
) -> None:
    example = EXAMPLES / "qinghe-street"
    done = _run(
        f"""
        import json
        from safecommunity_docs import MissingDependency, load, render
        from safecommunity_docs.build import context_for
        from safecommunity_docs.kinds import get_kind
        d = load({str(example)!r})
        try:
            {call}
        except MissingDependency as exc:
            print(json.dumps([exc.module, exc.needed_for, exc.install, str(exc)]))
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    found, needed_for, install, message = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == module
    assert needed_for == what
    assert "pip install" in install
    assert install in message
