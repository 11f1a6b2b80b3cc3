"""An injury-record file with twelve defects, one a row: all twelve are reported in one run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from safecommunity_docs import InputError, load, validate
from safecommunity_docs.cli import main
from tests.conftest import COMMUNITY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "injury_defects"

# line (header is line 1, a good card line 2), column, what is reported, and a fragment that
# shows the value as written and what was expected.
PROBLEMS = [
    (3, 5, "[1].injury_time", "应为日期时间 (expected a date and time like 2024-03-05 14:30) "
     "(got '2024/13/05 08:30')"),
    (4, 7, "[2].report_date", "应为日期 (expected a date like 2026-03-01) (got '2024-02-30')"),
    (5, 8, "[3].cause", "unknown value '跌到/坠落'; did you mean 3 跌倒/坠落? codes: "
     "1 机动车车祸, 2 非机动车车祸, 3 跌倒/坠落"),
    (6, 9, "[4].place", "unknown value '99'; codes: 1 家中, 2 公共居住场所"),
    (7, 3, "[5].age", "应为整数 (expected a whole number) (got '七十')"),
    (8, 2, "[6].sex", "缺少必填字段「性别」"),
    (9, 4, "[7].disabled", "应为是/否 (expected true or false) (got '也许')"),
    (10, 9, "[8].place", "车祸的发生地点应为公路/街道 (cause 机动车车祸 needs place 公路/街道, got"),
    (11, 1, "[9].card_no", "卡片编号重复 (card D-01 is also injury_records[0], on line 2)"),
    (12, 17, "[10]", "多出的值 (values beyond the header's 16 columns: '多余的值'"),
]  # fmt: skip
FORMULA = (13, 16, "injury_records[11].description", "kept as text '=A1+1'")
CONTROL = (14, 16, "[12].description", "1 XML-illegal control character(s) removed (U+0007)")


def _label(name: str) -> str:
    path = str(FIXTURES / name)
    return f"{path}[伤害记录]" if name.endswith(".xlsx") else path


@pytest.mark.parametrize("name", ["injuries.csv", "injuries.xlsx"])
def test_all_twelve_defects_are_reported_at_once(name: str) -> None:
    report = validate(FIXTURES / name)
    file = _label(name)
    assert report.model == "InjuryRecord"
    assert len(report.problems) == len(PROBLEMS)
    for (line, column, path, fragment), problem in zip(PROBLEMS, report.problems, strict=True):
        assert (problem.file, problem.line, problem.column, problem.path) == (
            file,
            line,
            column,
            path,
        ), str(problem)
        assert fragment in problem.message, str(problem)
    line, column, path, fragment = FORMULA
    [warning] = report.warnings
    assert warning.startswith(f"{file}:{line}:{column} {path}: ")
    assert fragment in warning
    line, column, path, fragment = CONTROL
    [change] = report.text_changes
    assert (change.file, change.line, change.column, change.path) == (file, line, column, path)
    assert fragment in change.description
    assert report.records is not None
    assert (report.records.read, report.records.imported, report.records.rejected) == (13, 3, 10)


def test_a_community_folder_reports_them_all_too(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_text(
        yaml.safe_dump(COMMUNITY, allow_unicode=True), encoding="utf-8"
    )
    shutil.copy(FIXTURES / "injuries.csv", folder / "injuries.csv")
    with pytest.raises(InputError) as info:
        load(folder)
    found = [(p.line, p.column, p.path) for p in info.value.problems]
    assert found == [(line, column, path) for line, column, path, _ in PROBLEMS]
    assert all(p.file == f"{folder}/injuries.csv" for p in info.value.problems)
    report = validate(folder)
    assert report.records is not None
    assert str(report.records) == f"{folder}/injuries.csv: 13 row(s) read, 3 imported, 10 rejected"
    assert any("kept as text '=A1+1'" in w for w in report.warnings)
    assert [c.line for c in report.text_changes] == [14]


def test_cli_prints_every_defect_and_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "injuries.csv")]) == 1
    captured = capsys.readouterr()
    file = _label("injuries.csv")
    for line, column, path, _ in PROBLEMS:
        assert f"{file}:{line}:{column} {path}: " in captured.out
    assert f"injury records: {file}: 13 row(s) read, 3 imported, 10 rejected" in captured.out
    assert "10 problem(s)" in captured.out
    assert f"warning: {file}:13:16 injury_records[11].description: " in captured.err
    assert f"note: {file}:14:16 [12].description: text normalised" in captured.err
