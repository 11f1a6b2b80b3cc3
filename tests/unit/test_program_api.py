"""The API a program uses: typed names, a build to memory, analyse, read_records, one error
family for models built in code, and short reprs."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

import safecommunity_docs as scd
from safecommunity_docs import (
    Community,
    InjuryRecords,
    InputError,
    InputNotFound,
    analyse,
    build,
    load,
    read_records,
)
from tests.conftest import COMMUNITY

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "qinghe-street"


@pytest.fixture(scope="module")
def dossier() -> scd.Dossier:
    return load(EXAMPLE)


def test_a_build_without_a_folder_keeps_every_file_in_memory(
    dossier: scd.Dossier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing may land in the working folder either
    result = build(dossier, formats=["docx", "xlsx"])
    assert result.manifest is None
    assert list(tmp_path.iterdir()) == []
    files = result.files()
    assert len(files) == len(result.outputs) > 10
    for output in result.outputs:
        data = output.read()
        assert output.data is data
        assert output.path == Path(output.path.name)
        if output.format == "docx":
            text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
            assert text.strip(), output.path
        else:
            assert load_workbook(io.BytesIO(data)).sheetnames, output.path
    plan = next(o for o in result.outputs if o.kind == "work_plan")
    assert dossier.work_plan is not None
    assert dossier.work_plan.title in "".join(
        p.text.replace("\n", "") for p in Document(io.BytesIO(plan.read())).paragraphs[:4]
    )
    assert "in memory" in repr(result)


def test_a_build_to_memory_writes_the_same_bytes_as_one_to_disk(
    dossier: scd.Dossier, tmp_path: Path
) -> None:
    in_memory = build(dossier, formats=["xlsx"])
    on_disk = build(dossier, tmp_path / "out", formats=["xlsx"])
    assert [o.sha256 for o in in_memory.outputs] == [o.sha256 for o in on_disk.outputs]
    assert in_memory.files() == {p.name: p.read_bytes() for p in on_disk.paths}


def test_analyse_takes_a_dossier_or_records_with_their_community(
    dossier: scd.Dossier, tmp_path: Path
) -> None:
    whole = analyse(dossier)
    assert whole.record_count == len(dossier.injury_records)
    records = read_records(str(EXAMPLE / "injuries.csv"))
    assert isinstance(records, InjuryRecords)
    assert len(records) == len(dossier.injury_records)
    assert records[0] == dossier.injury_records[0]
    assert records.summary.rejected == 0
    assert records.summary.imported == len(records)
    again = analyse(records, dossier.community)
    assert again == whole
    with pytest.raises(InputError, match="community"):
        analyse(records)


def test_read_records_reports_every_bad_row_at_once(tmp_path: Path) -> None:
    good = (EXAMPLE / "injuries.csv").read_text(encoding="utf-8-sig").splitlines()
    header = good[0].split(",")
    age = header.index(next(c for c in header if c in ("age", "年龄")))
    bad = [good[1].split(","), good[2].split(",")]
    bad[0][age] = "abc"
    bad[1][age] = "-3"
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([good[0], *(",".join(r) for r in bad)]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_records(path)
    lines = sorted((p.line, p.column) for p in caught.value.problems)
    assert lines == [(2, age + 1), (3, age + 1)]
    assert all(p.file == str(path) for p in caught.value.problems)
    with pytest.raises(InputNotFound):
        read_records(tmp_path / "missing.csv")


def test_a_model_built_in_code_raises_input_error_with_field_paths(
    community: dict[str, Any],
) -> None:
    community["population"]["total"] = -5
    del community["name"]
    with pytest.raises(InputError) as caught:
        Community(**community)
    paths = sorted(p.path for p in caught.value.problems)
    assert "name" in paths
    assert any(p.startswith("population") for p in paths)
    assert all(p.message for p in caught.value.problems)
    built = Community(**{**community, "name": "清河街道", "population": COMMUNITY["population"]})
    with pytest.raises(InputError, match="households"):
        built.households = "many"  # type: ignore[assignment]


def test_reprs_are_short(dossier: scd.Dossier) -> None:
    shown = repr(dossier)
    assert shown.startswith("<Dossier 清河街道")
    assert "420 injury record(s)" in shown
    for model in (
        dossier.community,
        dossier.work_plan,
        dossier.diagnosis,
        dossier.assessment,
        dossier.projects[0],
        dossier.injury_records[0],
    ):
        text = repr(model)
        assert len(text) <= 240, text
        assert text.startswith(type(model).__name__ + "("), text


CLIENT = """
from pathlib import Path
from safecommunity_docs import BuildResult, Format, build, load, render

dossier = load(Path("examples/qinghe-street"))
formats: list[Format] = ["docx", "pdf"]
result: BuildResult = build(dossier, formats=formats)
first: bytes = result.outputs[0].read()
if dossier.work_plan is not None:
    data: bytes = render(dossier.work_plan, "docx", dossier=dossier, kind="work_plan")
"""


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "client.py"
    script.write_text(source, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )


def test_a_client_script_type_checks_and_a_wrong_literal_does_not(tmp_path: Path) -> None:
    ok = _mypy(tmp_path, CLIENT)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    wrong = _mypy(
        tmp_path,
        CLIENT.replace('["docx", "pdf"]', '["docx", "pfd"]').replace(
            'kind="work_plan"', 'kind="work_pan"'
        )
        + '\nbuild(dossier, formats="docx")\n',
    )
    assert wrong.returncode == 1
    assert "'pfd'" in wrong.stdout
    assert "'work_pan'" in wrong.stdout
    assert wrong.stdout.count("error:") == 3, wrong.stdout
