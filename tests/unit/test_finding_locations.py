"""Findings of a dossier loaded from a community folder point at the file and line of their path."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from safecommunity_docs.compliance import check
from safecommunity_docs.io import load
from safecommunity_docs.models.base import format_loc, parse_loc
from tests.compliance_base import broken, dossier, yaml_line

FILES = {
    "community": "community.yaml",
    "work_plan": "plan.yaml",
    "diagnosis": "diagnosis.yaml",
    "assessment": "assessment.yaml",
    "application": "application.yaml",
}


@pytest.mark.parametrize(
    "loc",
    [("work_plan",), ("projects", 2, "targets", 0, "baseline"), ("a", 0, 1, "b"), ()],
)
def test_parse_loc_reads_back_format_loc(loc: tuple[str | int, ...]) -> None:
    assert parse_loc(format_loc(loc)) == loc


def _folder(tmp_path: Path) -> Path:
    """The broken dossier as a community folder: one file per part, one per project."""
    data = broken()
    folder = tmp_path / "street"
    (folder / "projects").mkdir(parents=True)
    for field, name in FILES.items():
        (folder / name).write_text(yaml.safe_dump(data[field], allow_unicode=True), "utf-8")
    for i, project in enumerate(data["projects"], start=1):
        (folder / "projects" / f"{i:02d}.yaml").write_text(
            yaml.safe_dump(project, allow_unicode=True), "utf-8"
        )
    return folder


def test_findings_point_into_the_file_that_holds_their_path(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    findings = {f.rule: f for f in check(load(folder))}
    plan = findings["SC-E4-007"]
    assert plan.path == "work_plan.objectives.targets[1].baseline"
    assert (plan.file, plan.line) == (
        str(folder / "plan.yaml"),
        yaml_line(folder / "plan.yaml", "objectives.targets[1].baseline"),
    )
    assert plan.location == f"{folder / 'plan.yaml'}:{plan.line}"
    # A missing value (the baseline left out) is located at its nearest enclosing item.
    project = findings["SC-E5-004"]
    assert project.path == "projects[2].targets[0].baseline"
    third = folder / "projects" / "03.yaml"
    assert (project.file, project.line) == (str(third), yaml_line(third, "targets[0]"))
    # A part no file holds (no injury records here) has no location.
    records = findings["SC-E9-001"]
    assert (records.file, records.line, records.location) == (None, None, "")


def test_a_dossier_made_in_memory_has_no_locations() -> None:
    made = dossier(broken())
    assert made.source_of("work_plan.objectives") is None
    assert all(f.file is None and f.line is None for f in check(made))
