"""``safecommunity-docs intake template|import|export`` through typer's runner."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner, Result

from safecommunity_docs.cli.app import make_app
from safecommunity_docs.io import load
from tests.conftest import EXAMPLES


def invoke(*args: str) -> Result:
    return CliRunner().invoke(make_app(), list(args))


def test_template_export_and_import(tmp_path: Path) -> None:
    template = invoke("intake", "template", str(tmp_path / "t.xlsx"))
    assert template.exit_code == 0, template.output
    assert "基本情况" in openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames
    book = tmp_path / "d.xlsx"
    exported = invoke("intake", "export", str(EXAMPLES / "dongshan-town"), "-o", str(book))
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.strip() == str(book)
    imported = invoke("intake", "import", str(book), "-o", str(tmp_path / "town"))
    assert imported.exit_code == 0, imported.output
    assert load(tmp_path / "town").model_dump() == load(EXAMPLES / "dongshan-town").model_dump()
    again = invoke("intake", "import", str(book), "-o", str(tmp_path / "town"))
    assert again.exit_code == 1
    assert again.stderr.startswith("not-empty: ")
    forced = invoke("intake", "import", str(book), "-o", str(tmp_path / "town"), "--force")
    assert forced.exit_code == 0, forced.output
    assert invoke("intake", "--help").exit_code == 0


def test_a_bad_workbook_exits_1_listing_each_cell(tmp_path: Path) -> None:
    book = tmp_path / "d.xlsx"
    assert (
        invoke("intake", "export", str(EXAMPLES / "dongshan-town"), "-o", str(book)).exit_code == 0
    )
    wb = openpyxl.load_workbook(book)
    wb["人口"]["D3"].value = "很多"
    wb["伤害记录"]["E4"].value = -3
    wb.save(book)
    result = invoke("intake", "import", str(book), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "d.xlsx[人口]:3:4" in result.stderr
    assert "D3 '很多'" in result.stderr
    assert "d.xlsx[伤害记录]:4:5" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_workbook_exits_3(tmp_path: Path) -> None:
    result = invoke("intake", "import", str(tmp_path / "no.xlsx"), "-o", str(tmp_path / "x"))
    assert result.exit_code == 3
    assert result.stderr.startswith("not-found: ")
