"""Bad input of every kind is a located problem (file:line:col path: message), never a traceback."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from safecommunity_docs import InputError, load, validate
from safecommunity_docs.cli import main
from safecommunity_docs.models import Community
from tests.conftest import COMMUNITY, PLAN

LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)( (?P<path>\S+))?: (?P<msg>.+)$")


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_text(_yaml(COMMUNITY), encoding="utf-8")
    return folder


def test_a_control_character_in_yaml_is_located_at_its_field(tmp_path: Path) -> None:
    path = tmp_path / "community.yaml"
    text = _yaml(COMMUNITY).replace("name: 测试街道", "name: 测试\x07街道")
    path.write_text(text, encoding="utf-8")
    report = validate(path)
    [problem] = report.problems
    assert (problem.file, problem.line, problem.column) == (str(path), 1, 9)
    assert problem.path == "name"
    assert "control character U+0007" in problem.message
    assert LOCATED.match(str(problem))


@pytest.mark.parametrize("day", ["2026-13-01", "2025-02-30"])
def test_an_impossible_unquoted_date_is_reported_as_written(tmp_path: Path, day: str) -> None:
    path = tmp_path / "community.yaml"
    path.write_text(_yaml(COMMUNITY).replace("'2025-03-01'", day), encoding="utf-8")
    assert day in path.read_text(encoding="utf-8")
    report = validate(path)
    [problem] = report.problems
    assert problem.path == "creation_start"
    assert problem.line == _yaml(COMMUNITY).count("\n")
    assert f"应为日期 (expected a date like 2026-03-01) (got '{day}')" in problem.message
    assert LOCATED.match(str(problem))


def test_an_impossible_date_in_a_dossier_file_does_not_hide_other_problems(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    plan = _yaml(dict(PLAN, issue_date="X", period_end="2026-13")).replace("X", "2025-02-30")
    (folder / "plan.yaml").write_text(plan, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load(folder)
    assert {p.path for p in info.value.problems} == {"issue_date", "period_end"}


def test_an_empty_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "community.yaml"
    path.write_text("", encoding="utf-8")
    [problem] = validate(path).problems
    assert (
        str(problem)
        == f"{path}:1:1: 文件为空 (the file is empty; expected a mapping of Community fields)"
    )


def test_a_folder_without_community_yaml_is_one_located_problem(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    [problem] = validate(folder).problems
    assert str(problem) == (
        f"{folder}/community.yaml:1:1 community: 缺少社区概况 (community.yaml is required; "
        f"{folder} has none)"
    )


def _records(path: Path, rows: list[list[object]]) -> None:
    header = ["卡片编号", "性别", "年龄", "伤害发生时间", "就诊时间", "填报日期", "伤害发生原因"]
    header += ["伤害发生地点", "伤害发生时活动", "伤害意图", "伤害性质", "伤害部位", "严重程度"]
    header += ["伤害结局", "伤害经过"]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])
        return
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [header, *rows]:
        sheet.append(row)
    book.save(path)


def _card(card: str, description: str = "在家中滑倒") -> list[object]:
    when = ["2024-01-05 08:30", "2024-01-05 09:40", "2024-01-06"]
    codes = ["跌倒/坠落", "家中", "家务", "非故意", "骨折", "上肢", "中度", "住院"]
    return [card, "女", 72, *when, *codes, description]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_record_file_passed_directly_is_validated_as_injury_records(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"伤害台账{suffix}"
    _records(path, [_card("A-1"), [*_card("A-2")[:6], "飞来横祸", *_card("A-2")[7:]]])
    report = validate(path)
    assert report.model == "InjuryRecord"
    [problem] = report.problems
    assert (problem.line, problem.column, problem.path) == (3, 7, "[1].cause")
    assert report.records is not None
    assert (report.records.read, report.records.imported, report.records.rejected) == (2, 1, 1)


def test_a_csv_cell_over_the_csv_module_limit_is_a_located_problem(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _records(folder / "injuries.csv", [_card("A-1"), _card("A-2", "很" * 140_000)])
    report = validate(folder / "injuries.csv")
    [problem] = report.problems
    assert (problem.line, problem.column, problem.path) == (3, 15, "[1].description")
    assert "文本过长 (text of 140,000 characters; at most 20,000 characters" in problem.message
    with pytest.raises(InputError) as info:  # score and build load the folder the same way
        load(folder)
    assert [p.path for p in info.value.problems] == ["[1].description"]
    assert main(["score", str(folder)]) == 1


def test_an_xlsx_cell_cut_at_excels_limit_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "injuries.xlsx"
    _records(path, [_card("A-1", "很" * 40_000)])  # openpyxl, like Excel, keeps 32,767
    [problem] = validate(path).problems
    assert (problem.file, problem.line, problem.column) == (f"{path}[Sheet]", 2, 15)
    assert "the cell holds 32,767 characters, Excel's limit" in problem.message


def test_text_up_to_the_limit_is_accepted_and_longer_is_located(tmp_path: Path) -> None:
    path = tmp_path / "community.yaml"
    path.write_text(_yaml(dict(COMMUNITY, name="街" * 10_000)), encoding="utf-8")
    assert validate(path).ok
    path.write_text(_yaml(dict(COMMUNITY, name="街" * 20_001)), encoding="utf-8")
    [problem] = validate(path).problems
    assert (problem.line, problem.path) == (1, "name")
    assert "text of 20,001 characters; at most 20,000" in problem.message
    assert Community.model_validate(dict(COMMUNITY, name="街" * 20_000)).name == "街" * 20_000


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "~", "2026-03-01", "12"])
def test_an_unquoted_yaml_word_in_a_text_field_says_to_quote_it(tmp_path: Path, word: str) -> None:
    path = tmp_path / "community.yaml"
    path.write_text(_yaml(COMMUNITY).replace("name: 测试街道", f"name: {word}"), encoding="utf-8")
    [problem] = validate(path).problems
    assert (problem.line, problem.column, problem.path) == (1, 1, "name")
    assert f'put it in quotes, "{word}"' in problem.message
    path.write_text(_yaml(COMMUNITY).replace("name: 测试街道", f'name: "{word}"'), encoding="utf-8")
    assert validate(path).ok


def test_crlf_in_text_is_reported_like_other_text_changes(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _records(folder / "injuries.csv", [_card("A-1", "第一行\r\n第二行")])
    [change] = validate(folder).text_changes
    assert (change.file, change.line, change.column) == (f"{folder}/injuries.csv", 2, 15)
    assert change.path == "[0].description"
    assert change.description == "1 × CR/CRLF line ending replaced by a line break (LF)"
    [record] = load(folder).injury_records
    assert record.description == "第一行\n第二行"
