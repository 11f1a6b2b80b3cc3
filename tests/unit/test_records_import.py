"""Importing injury records: both header styles, codes or labels, every kind of bad cell."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook

from safecommunity_docs import InputError, load
from safecommunity_docs.io.records import read_records
from safecommunity_docs.models import InjuryRecord
from tests.conftest import COMMUNITY

TITLES = {name: info.title for name, info in InjuryRecord.model_fields.items()}
GOOD: dict[str, Any] = {
    "card_no": "A-1",
    "sex": "女",
    "age": 72,
    "injury_time": "2024-01-05 08:30",
    "visit_time": "2024-01-05 09:40",
    "report_date": "2024-01-06",
    "cause": "跌倒/坠落",
    "place": "家中",
    "activity": "家务",
    "intent": "非故意",
    "nature": "骨折",
    "body_part": "上肢",
    "severity": "中度",
    "outcome": "住院",
    "disabled": "否",
}
COLUMNS = list(GOOD)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_text(
        yaml.safe_dump(COMMUNITY, allow_unicode=True), encoding="utf-8"
    )
    return folder


def _csv(path: Path, rows: list[dict[str, Any]], header: list[str]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in COLUMNS])


def test_chinese_headers_with_codes_load(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    coded = {
        **GOOD,
        "card_no": "A-2",
        "sex": "2",
        "cause": "3",
        "place": "1",
        "activity": "2",
        "intent": "1",
        "nature": "1；4",
        "body_part": "2",
        "severity": "2",
        "outcome": "4",
    }
    _csv(folder / "injuries.csv", [GOOD, coded], [TITLES[c] for c in COLUMNS])
    dossier = load(folder)
    first, second = dossier.injury_records
    assert first.cause == second.cause
    assert [n.label for n in second.nature] == ["骨折", "挫伤、擦伤"]
    assert second.injury_time == datetime(2024, 1, 5, 8, 30)


BAD_CELLS = [
    ("injury_time", "2024-13-01 08:00", "应为日期时间"),
    ("report_date", "下周", "应为日期"),
    ("cause", "飞来横祸", "跌倒/坠落"),
    ("place", "99", "家中"),
    ("age", "七十", "应为整数"),
    ("age", "130", "less than or equal to 120"),
    ("disabled", "也许", "应为是/否"),
    ("sex", "", "缺少必填字段「性别」"),
    ("nature", "骨头疼", "骨折"),
]


def test_every_bad_cell_is_reported_at_once_with_row_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    rows = [GOOD]
    for n, (field, value, _) in enumerate(BAD_CELLS, start=2):
        rows.append({**GOOD, "card_no": f"A-{n}", field: value})
    _csv(folder / "injuries.csv", rows, COLUMNS)
    with pytest.raises(InputError) as info:
        load(folder)
    problems = info.value.problems
    assert len(problems) == len(BAD_CELLS)
    for n, (field, _, fragment) in enumerate(BAD_CELLS, start=1):
        [problem] = [p for p in problems if p.path.startswith(f"[{n}].{field}")]
        assert problem.file == f"{folder}/injuries.csv"
        assert problem.line == n + 2, field  # header is line 1, the good row line 2
        if field != "sex":  # an empty cell is located at its row
            assert problem.column == COLUMNS.index(field) + 1
        assert fragment in problem.message, (field, problem.message)


def test_card_rules_are_reported_per_row(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    rows = [
        GOOD,
        {**GOOD, "card_no": "A-2", "cause": "机动车车祸"},
        {**GOOD, "card_no": "A-3", "visit_time": "2024-01-05 07:00"},
    ]
    _csv(folder / "injuries.csv", rows, COLUMNS)
    with pytest.raises(InputError) as info:
        load(folder)
    found = {p.path: p for p in info.value.problems}
    assert found["[1].place"].line == 3
    assert "公路/街道" in found["[1].place"].message
    assert found["[2].visit_time"].line == 4


def test_xlsx_with_excel_dates_and_numeric_codes(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "台账"
    sheet.append([TITLES[c] for c in COLUMNS])
    sheet.append(
        [
            *(GOOD[c] for c in COLUMNS[:3]),
            datetime(2024, 1, 5, 8, 30),
            datetime(2024, 1, 5, 9, 40),
            datetime(2024, 1, 6),
            3,
            1,
            2,
            1,
            1,
            2,
            2,
            4,
            "否",
        ]
    )
    bad = [*(GOOD[c] for c in COLUMNS)]
    bad[0], bad[COLUMNS.index("cause")] = "A-2", 77
    sheet.append(bad)
    book.save(folder / "injuries.xlsx")
    with pytest.raises(InputError) as info:
        load(folder)
    [problem] = info.value.problems
    assert problem.file == f"{folder}/injuries.xlsx[台账]"
    assert (problem.line, problem.column) == (3, COLUMNS.index("cause") + 1)
    sheet.delete_rows(3)
    book.save(folder / "injuries.xlsx")
    [record] = load(folder).injury_records
    assert record.cause.label == "跌倒/坠落"
    assert record.report_date.isoformat() == "2024-01-06"


def test_duplicates_are_flagged_not_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _csv(folder / "injuries.csv", [GOOD, {**GOOD, "card_no": "A-9"}], COLUMNS)
    dossier = load(folder)
    assert dossier.duplicate_records() == [(0, 1)]
    [warning] = dossier.warnings
    assert warning.startswith(f"{folder}/injuries.csv:3:1 injury_records[1]: 疑似重复记录")
    assert "A-9" in warning


def test_empty_and_unknown_columns(tmp_path: Path) -> None:
    path = tmp_path / "injuries.csv"
    path.write_text("卡片编号,血型,伤害原因\nA-1,O,3\n\n", encoding="utf-8")
    source = read_records(path)
    assert len(source.data) == 1
    [problem] = source.problems
    assert "unknown column '血型'" in problem.message
    assert problem.column == 2


def test_a_broken_workbook_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "injuries.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(InputError, match=r"cannot read as \.xlsx"):
        read_records(path)
