"""Project plans: baselines counted from the records, the target-equals-baseline warning,
形式及方法 in prose, no 状态 column (checked on the Word files the library writes)."""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from functools import cache
from typing import Any

import docx
import pytest

import safecommunity_docs as scd
from safecommunity_docs.analysis import project_baselines, record_baseline
from safecommunity_docs.compliance import check
from safecommunity_docs.models import Dossier, ProjectTarget, PromotionProject, TargetDirection
from safecommunity_docs.views.document import DocumentView
from safecommunity_docs.views.project import project_view
from tests.conftest import EXAMPLES, PROJECT
from tests.records import independent_count

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")


@cache
def _dossier(folder: str) -> Dossier:
    return scd.load(EXAMPLES / folder)


def _counted_targets() -> list[tuple[str, int, int]]:
    return [
        (folder, i, j)
        for folder in FOLDERS
        for i, p in enumerate(_dossier(folder).projects)
        for j, t in enumerate(p.targets)
        if t.counts is not None
    ]


COUNTED = _counted_targets()


def _independent(folder: str, target: ProjectTarget) -> int:
    counts = target.counts
    assert counts is not None
    assert target.baseline_year is not None
    return independent_count(
        folder,
        target.baseline_year,
        causes={c.label for c in counts.causes},
        places={p.label for p in counts.places},
        activities={a.label for a in counts.activities},
        min_age=counts.min_age,
        max_age=counts.max_age,
        deaths_only=counts.deaths_only,
    )


def test_every_example_has_targets_counted_from_its_records() -> None:
    assert {folder for folder, _, _ in COUNTED} == set(FOLDERS)


@pytest.mark.parametrize(("folder", "i", "j"), COUNTED)
def test_counted_baseline_equals_an_independent_count(folder: str, i: int, j: int) -> None:
    dossier = _dossier(folder)
    target = dossier.projects[i].targets[j]
    found = record_baseline(target, dossier.injury_records)
    assert found is not None
    assert found.value == _independent(folder, target)
    assert found.year == target.baseline_year


def _docx_table(data: bytes, first_header: str, second_header: str) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] == [first_header, second_header]:
            return [[c.text for c in row.cells] for row in table.rows]
    raise AssertionError(f"no table headed {first_header}, {second_header}")


@pytest.mark.parametrize("folder", FOLDERS)
def test_word_plans_print_the_counted_baselines_and_no_status_column(folder: str) -> None:
    dossier = _dossier(folder)
    for i, project in enumerate(dossier.projects):
        data = scd.render(project, "docx", dossier=dossier)
        targets = _docx_table(data, "序号", "指标")
        assert targets[0][2] == "基线值"
        for j, target in enumerate(project.targets):
            if target.counts is None or target.baseline is not None:
                continue
            unit = target.counts.unit or target.unit
            expected = f"{_independent(folder, target)}{unit}（{target.baseline_year}年）"
            assert targets[j + 1][2].replace("\n", "") == expected, (i, j)
        measures = _docx_table(data, "序号", "措施类型")
        assert "状态" not in measures[0]
        headers = [c.text for t in docx.Document(io.BytesIO(data)).tables for c in t.rows[0].cells]
        assert "状态" not in headers


def _project(**changes: Any) -> PromotionProject:
    data = copy.deepcopy(PROJECT)
    data.update(changes)
    return PromotionProject.model_validate(data)


def test_a_stated_baseline_wins_and_a_year_without_records_gives_none() -> None:
    dossier = _dossier("qinghe-street")
    target = dossier.projects[0].targets[0]
    stated = target.model_copy(update={"baseline": Decimal(99), "baseline_unit": "人次"})
    project = dossier.projects[0].model_copy(update={"targets": [stated]})
    counted = project_baselines([project], dossier.injury_records)[project.id]
    view = project_view(project, dossier.community, counted)
    rows = next(b.table for b in view.blocks if b.table is not None).rows
    assert rows[0][2] == "99人次（2024年）"
    years = sorted({r.injury_time.year for r in dossier.injury_records})
    outside = target.model_copy(update={"baseline_year": years[-1] + 1})
    assert record_baseline(outside, dossier.injury_records) is None


def test_counts_without_a_year_is_reported() -> None:
    data = copy.deepcopy(PROJECT)
    data["targets"][0]["counts"] = {"causes": ["跌倒/坠落"]}
    data["targets"][0].pop("baseline_year", None)
    with pytest.raises(ValueError, match="baseline_year"):
        PromotionProject.model_validate(data)


def _with_target(folder: str, i: int, j: int, **changes: Any) -> Dossier:
    dossier = _dossier(folder)
    projects = list(dossier.projects)
    targets = list(projects[i].targets)
    targets[j] = targets[j].model_copy(update=changes)
    projects[i] = projects[i].model_copy(update={"targets": targets})
    return dossier.model_copy(update={"projects": projects})


def test_a_target_equal_to_its_counted_baseline_is_a_warning() -> None:
    folder, i, j = next(c for c in COUNTED if c[0] == "qinghe-street")
    original = _dossier(folder)
    target = original.projects[i].targets[j]
    assert target.counts is not None
    n = Decimal(_independent(folder, target))
    assert "SC-E5-013" not in check(original).rules
    unit = target.counts.unit or target.unit
    same = _with_target(folder, i, j, direction=TargetDirection.AT_MOST, target=n, unit=unit)
    found = check(same).filter(rule="SC-E5-013")
    assert [f.path for f in found] == [f"projects[{i}].targets[{j}].target"]
    assert found[0].severity == "warning"


def test_zero_to_zero_is_a_warning() -> None:
    dossier = _with_target(
        "dongshan-town",
        4,
        0,
        baseline=Decimal(0),
        target=Decimal(0),
        unit="起",
        direction=TargetDirection.AT_MOST,
    )
    found = check(dossier).filter(rule="SC-E5-013")
    assert "projects[4].targets[0].target" in [f.path for f in found]


def test_a_stated_baseline_that_differs_from_the_count_is_an_error() -> None:
    folder, i, j = COUNTED[0]
    target = _dossier(folder).projects[i].targets[j]
    wrong = Decimal(_independent(folder, target) + 3)
    dossier = _with_target(folder, i, j, baseline=wrong)
    found = check(dossier).filter(rule="SC-E5-008")
    assert f"projects[{i}].targets[{j}].baseline" in [f.path for f in found]


def _approach_blocks(view: DocumentView) -> list[tuple[str, str]]:
    blocks = list(view.blocks)
    start = next(k for k, b in enumerate(blocks) if b.kind == "h1" and "形式及方法" in b.text)
    end = next(k for k in range(start + 1, len(blocks)) if blocks[k].kind == "h1")
    # the orientation markers around a landscape table are not content
    return [(b.kind, b.text) for b in blocks[start + 1 : end] if b.kind != "section"]


def test_approach_paragraphs_come_before_the_measures_table() -> None:
    dossier = _dossier("jiangkou-park")
    project = dossier.projects[0]
    assert project.approach
    got = _approach_blocks(project_view(project, dossier.community))
    kinds = [k for k, _ in got]
    assert kinds == ["p"] * (len(project.approach) + 1) + ["caption", "table"]
    assert [t for _, t in got[: len(project.approach)]] == project.approach
    number = got[-2][1].split(" ")[0]
    assert got[len(project.approach)][1].endswith(f"见{number}。")


def test_without_approach_the_measures_are_summarised_in_a_sentence() -> None:
    measures = [
        {
            "type": "宣传",
            "content": "讲座",
            "start": "2025-07-01",
            "end": "2025-09-30",
            "owner": "社区卫生服务中心",
        },
        {
            "type": "环境",
            "content": "加装扶手",
            "start": "2025-06-10",
            "end": "2025-12-31",
            "owner": "社区居委会",
        },
    ]
    view = project_view(_project(measures=measures))
    got = _approach_blocks(view)
    assert [k for k, _ in got] == ["p", "caption", "table"]
    text = got[0][1]
    assert "宣传和环境两类措施" in text
    assert "共2项" in text
    assert "自2025年6月至2025年12月" in text
    assert "社区卫生服务中心、社区居委会" in text
    assert text.endswith(f"见{got[1][1].split(' ')[0]}。")
