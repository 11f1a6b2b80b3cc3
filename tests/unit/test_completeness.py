"""Completeness: unknown files name the nearest expected one; missing dossier parts are listed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from safecommunity_docs import load, validate
from safecommunity_docs.io import missing_parts
from tests.conftest import COMMUNITY, EXAMPLES, PLAN


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_text(
        yaml.safe_dump(COMMUNITY, allow_unicode=True), encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    ("name", "nearest"),
    [
        ("Injuries.csv", "injuries.csv"),
        ("work_plan.yaml", "plan.yaml"),
        ("assesment.yaml", "assessment.yaml"),
        ("diagnose.yml", "diagnosis.yml"),
    ],
)
def test_an_unknown_file_is_a_warning_naming_the_nearest_expected(
    tmp_path: Path, name: str, nearest: str
) -> None:
    folder = _folder(tmp_path)
    (folder / "plan.yaml").write_text(yaml.safe_dump(PLAN, allow_unicode=True), encoding="utf-8")
    (folder / name).write_text("x: 1\n", encoding="utf-8")
    report = validate(folder)
    assert report.ok
    unknown = [w for w in report.warnings if name in w]
    assert unknown == [
        f"{folder}/{name}: 未读取的文件 (unknown file {name} is ignored; did you mean {nearest}?)"
    ]
    assert unknown[0] in load(folder).warnings  # the build's manifest shows it too


def test_a_file_like_nothing_expected_lists_the_usual_names(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "README.txt").write_text("notes", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"")
    (folder / "~$injuries.xlsx").write_bytes(b"")
    [warning] = [w for w in validate(folder).warnings if "unknown" in w]
    assert warning.startswith(f"{folder}/README.txt: 未读取的文件 (unknown file README.txt is ")
    assert "the files read are " in warning
    assert "community.yaml" in warning
    assert "injuries.csv" in warning


def test_missing_parts_lists_every_absent_part_in_dossier_order(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert [p.path for p in missing_parts(load(folder))] == [
        "work_plan",
        "diagnosis",
        "projects",
        "assessment",
        "injury_records",
    ]
    (folder / "plan.yaml").write_text(yaml.safe_dump(PLAN, allow_unicode=True), encoding="utf-8")
    dossier = load(folder)
    [first, *_] = missing_parts(dossier)
    assert first.path == "diagnosis"
    assert first.message == (
        "缺少事故与伤害风险诊断报告 (the dossier has no injury risk diagnosis; add diagnosis.yaml)"
    )
    assert missing_parts(load(EXAMPLES / "qinghe-street")) == []


def test_validate_reports_missing_parts_as_warnings(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    report = validate(folder)
    # A profile alone builds nothing: validate says so, as build would.
    [problem] = report.problems
    assert problem.message.startswith("nothing to build")
    assert f"{folder} work_plan: 缺少工作计划 (the dossier has no work plan; add plan.yaml)" in (
        report.warnings
    )
    assert len([w for w in report.warnings if "缺少" in w]) == 5
    # Also when the dossier has problems; a part whose file is there but broken is not missing.
    (folder / "plan.yaml").write_text("title: [\n", encoding="utf-8")
    report = validate(folder)
    assert not report.ok
    missing = [w.split(" ")[1] for w in report.warnings if "缺少" in w]
    assert missing == ["diagnosis:", "projects:", "assessment:", "injury_records:"]
    assert validate(EXAMPLES / "qinghe-street").warnings == ()
