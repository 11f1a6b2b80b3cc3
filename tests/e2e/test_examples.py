"""The three example communities are complete, valid and realistic in size."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecommunity_docs import load, load_rubric
from safecommunity_docs.codes import CommunityType, ProjectArea
from safecommunity_docs.models import Dossier
from tests.conftest import EXAMPLES, SHOWCASE

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "community.yaml").is_file())


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def dossier(request: pytest.FixtureRequest) -> Dossier:
    folder: Path = request.param
    return load(folder)


def test_three_examples_of_three_types() -> None:
    kinds = {load(folder).community.type for folder in FOLDERS}
    assert kinds == {CommunityType.STREET, CommunityType.TOWNSHIP, CommunityType.PARK}


def test_every_part_is_present(dossier: Dossier) -> None:
    assert dossier.work_plan is not None
    assert dossier.diagnosis is not None
    assert dossier.assessment is not None
    assert dossier.text_changes == []


def test_injury_records_cover_three_years(dossier: Dossier) -> None:
    records = dossier.injury_records
    assert len(records) >= 300
    years = {r.injury_time.year for r in records}
    assert years == {2023, 2024, 2025}
    assert dossier.diagnosis is not None
    assert dossier.diagnosis.data_start <= min(r.injury_time.date() for r in records)
    assert max(r.injury_time.date() for r in records) <= dossier.diagnosis.data_end
    sub_units = set(dossier.community.sub_units)
    assert {r.sub_unit for r in records} <= sub_units


def test_projects_include_older_people_and_children(dossier: Dossier) -> None:
    areas = {p.area for p in dossier.projects}
    assert len(dossier.projects) >= 4
    assert {ProjectArea.ELDERLY, ProjectArea.CHILDREN} <= areas
    assert any(p.key_project for p in dossier.projects)


def test_plan_is_complete(dossier: Dossier) -> None:
    plan = dossier.work_plan
    assert plan is not None
    assert plan.organisation is not None
    assert plan.objectives is not None
    assert len(plan.phases) >= 3
    assert all(group.leader.name for group in plan.organisation.working_groups)
    assert plan.objectives.targets
    if dossier.reassessment is None:  # a 复评's plan is the round after the designation
        assert plan.period_start <= f"{dossier.community.creation_start:%Y-%m}" <= plan.period_end
    else:
        designated = dossier.reassessment.designation.designated_on
        assert f"{designated:%Y-%m}" <= plan.period_start


def test_assessment_scores_every_rubric_item(dossier: Dossier) -> None:
    assert dossier.assessment is not None
    rubric = load_rubric(dossier.assessment.rubric)
    scored = {entry.item for entry in dossier.assessment.items}
    assert scored == {item.id for _, item in rubric.items()}
    # Self-assessed inside the plan period (江口 at the end of its 2025—2027 plan) and before
    # the letter that reports it.
    plan = dossier.work_plan
    assert plan is not None
    assert plan.period_start <= f"{dossier.assessment.assessed_on:%Y-%m}" <= plan.period_end
    assert dossier.application is not None
    assert dossier.assessment.assessed_on <= dossier.application.submitted_on


def test_example_verdicts_cover_every_band() -> None:
    from safecommunity_docs.api import score

    for name, report in {f.name: score(load(f)) for f in FOLDERS}.items():
        assert report.warnings == (), name
    # the showcase covers the three bands of the default (Chongqing-style) rubric
    reports = {folder.name: score(load(folder)) for folder in SHOWCASE}
    codes = {report.verdict.code for report in reports.values()}
    assert codes == {"city-standard", "creation-pass", "fail"}
    totals = sorted(report.total for report in reports.values())
    assert totals[0] < 70 <= totals[1] < 90 <= totals[2]
