"""Loaders: every error names file:line:col and the field path; all errors come at once."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook

from safecommunity_docs import InputError, InputNotFound, load, load_file
from safecommunity_docs.io.records import read_records
from safecommunity_docs.models import Community, WorkPlan
from tests.conftest import COMMUNITY, PLAN, PROJECT, RECORD

LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+) (?P<path>\S+): (?P<msg>.+)$")


def _dump(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "demo-street"
    _dump(folder / "community.yaml", COMMUNITY)
    _dump(folder / "plan.yaml", PLAN)
    _dump(folder / "projects" / "01-falls.yaml", PROJECT)
    return folder


def test_valid_folder_loads(tmp_path: Path) -> None:
    dossier = load(_folder(tmp_path))
    assert dossier.community.name == "测试街道"
    assert dossier.work_plan is not None
    assert len(dossier.work_plan.phases) == 3
    assert [p.id for p in dossier.projects] == ["elderly-falls"]
    assert dossier.text_changes == []


def test_error_names_file_line_column_and_path(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    # Break the second phase: end before start.
    text = text.replace("end: 2026-03", "end: 2025-02", 1)
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    line_no = next(i for i, line in enumerate(text.splitlines(), 1) if "end: 2025-02" in line)
    column = text.splitlines()[line_no - 1].index("end") + 1
    with pytest.raises(InputError) as info:
        load(folder)
    problem = next(p for p in info.value.problems if p.path == "phases[1].end")
    shown = str(problem)
    assert shown.startswith(f"{folder}/plan.yaml:{line_no}:{column} phases[1].end: ")
    assert "结束月份早于开始月份 (end 2025-02 is before start 2025-06)" in shown
    assert LOCATED.match(shown)


def test_all_errors_of_all_files_at_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    community = dict(COMMUNITY, households="many", colour="blue")
    _dump(folder / "community.yaml", community)
    plan = dict(PLAN, period_start="2025-13", issue_date="yesterday")
    _dump(folder / "plan.yaml", plan)
    with pytest.raises(InputError) as info:
        load(folder)
    paths = {(Path(p.file or "").name, p.path) for p in info.value.problems}
    assert {
        ("community.yaml", "households"),
        ("community.yaml", "colour"),
        ("plan.yaml", "period_start"),
        ("plan.yaml", "issue_date"),
    } <= paths
    for problem in info.value.problems:
        assert LOCATED.match(str(problem)), str(problem)
    # The message of the exception lists them all too.
    assert str(info.value).count("\n") == len(info.value.problems)


def test_missing_field_points_at_its_parent(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    drop = ("name: 王一", "position: 主任")
    lines = [ln for ln in text.splitlines() if ln.strip() not in drop]
    # The committee keeps its place and a name, but has no director now.
    lines = [ln.replace("director:", "name: 测试委员会") for ln in lines]
    (folder / "plan.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load(folder)
    problem = next(p for p in info.value.problems if p.path == "organisation.committee.director")
    assert "缺少必填字段「主任/组长」" in problem.message
    assert problem.line is not None
    assert problem.file is not None


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "plan.yaml").write_text("title: a\nphases: [\n  - x\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load(folder)
    problem = next(p for p in info.value.problems if (p.file or "").endswith("plan.yaml"))
    assert "YAML syntax error" in problem.message
    assert problem.line is not None


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    text = (folder / "community.yaml").read_text(encoding="utf-8")
    (folder / "community.yaml").write_text(text + "name: 另一个街道\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load(folder)
    problem = next(p for p in info.value.problems if p.path == "name")
    assert "appears twice" in problem.message
    assert problem.line == len(text.splitlines()) + 1


def test_single_json_dossier_file(tmp_path: Path) -> None:
    path = tmp_path / "dossier.json"
    path.write_text(
        json.dumps({"community": COMMUNITY, "work_plan": PLAN}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    dossier = load(path)
    assert dossier.work_plan is not None
    bad = json.loads(path.read_text(encoding="utf-8"))
    bad["work_plan"]["phases"][0]["end"] = "2025-01"
    path.write_text(json.dumps(bad, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load(path)
    problem = next(p for p in info.value.problems if p.path == "work_plan.phases[0].end")
    assert problem.file == str(path)
    assert problem.line is not None
    assert problem.line > 1


def test_load_file_with_a_part_model(tmp_path: Path) -> None:
    community, changes = load_file(_dump(tmp_path / "community.yaml", COMMUNITY), Community)
    assert community.population.total == 10000
    assert changes == []
    with pytest.raises(InputError):
        load_file(_dump(tmp_path / "plan.yaml", COMMUNITY), WorkPlan)


def test_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        load(tmp_path / "nowhere")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"community\.yaml is required"):
        load(empty)


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "community.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a mapping"):
        load_file(path, Community)


def _record_rows() -> list[dict[str, Any]]:
    good = {
        **RECORD,
        "nature": "骨折",
        "injury_time": "2024-01-05 08:30",
        "visit_time": "2024/01/05 09:40",
    }
    bad_age = {**good, "card_no": "T-0002", "age": "七十"}
    bad_place = {**good, "card_no": "T-0003", "cause": "1", "place": "家中"}
    return [good, bad_age, bad_place]


def test_csv_records_with_chinese_headers_codes_and_labels(tmp_path: Path) -> None:
    from safecommunity_docs.models import InjuryRecord

    folder = _folder(tmp_path)
    titles = {name: info.title for name, info in InjuryRecord.model_fields.items()}
    rows = _record_rows()
    columns = list(rows[0])
    with (folder / "injuries.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([titles[c] for c in columns])
        for row in rows:
            writer.writerow([row[c] for c in columns])
    with pytest.raises(InputError) as info:
        load(folder)
    found = {p.path: p for p in info.value.problems}
    age = found["[1].age"]
    assert age.file == f"{folder}/injuries.csv"
    assert age.line == 3
    assert age.column == columns.index("age") + 1
    place = found["[2].place"]
    assert "公路/街道" in place.message
    assert place.line == 4
    # Fix the bad rows: code 1 for the cause (机动车车祸) works once the place fits.
    rows[1].update(age=70)
    rows[2].update(place="5")
    with (folder / "injuries.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)  # field names work as headers too
        for row in rows:
            writer.writerow([row[c] for c in columns])
    dossier = load(folder)
    assert [r.cause.code for r in dossier.injury_records] == [3, 3, 1]
    assert dossier.injury_records[2].place.label == "公路/街道"


def test_xlsx_records_are_located_by_sheet_row_and_column(tmp_path: Path) -> None:
    rows = _record_rows()
    columns = list(rows[0])
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "伤害记录"
    sheet.append(columns)
    for row in rows:
        sheet.append([row[c] for c in columns])
    path = tmp_path / "injuries.xlsx"
    book.save(path)
    source = read_records(path)
    assert len(source.data) == 3
    assert source.problems == []
    problem = source.problem((1, "age"), "bad")
    assert problem.file == f"{path}[伤害记录]"
    assert (problem.line, problem.column) == (3, columns.index("age") + 1)


def test_unknown_record_column_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "injuries.csv"
    path.write_text("卡片编号,血型\nA1,O\n", encoding="utf-8")
    source = read_records(path)
    assert any("unknown column '血型'" in p.message for p in source.problems)
