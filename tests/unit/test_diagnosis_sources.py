"""Departmental statistics, household survey, deaths and data quality in the diagnosis."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import docx
import yaml

from safecommunity_docs import load, render, validate
from safecommunity_docs.analysis.deaths import deaths
from safecommunity_docs.analysis.sources import reporting, supported, trend
from safecommunity_docs.codes import Outcome
from safecommunity_docs.models.diagnosis_sources import DepartmentYear, HouseholdSurvey
from tests.conftest import EXAMPLES

D = Decimal


def _docx_text(folder: str) -> tuple[list[str], list[str]]:
    dossier = load(EXAMPLES / folder)
    assert dossier.diagnosis is not None
    document = docx.Document(io.BytesIO(render(dossier.diagnosis, "docx", dossier=dossier)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [p.text for p in document.paragraphs], cells


def test_trend_reads_first_last_and_peak() -> None:
    years = [
        DepartmentYear(year=2023, count=142, deaths=2, injuries=158),
        DepartmentYear(year=2024, count=151, deaths=3, injuries=167),
        DepartmentYear(year=2025, count=133, deaths=2),
    ]
    t = trend(years)
    assert (t.first, t.last, t.peak_year, t.total) == (142, 133, 2024, 426)
    assert t.change == D("-6.3")  # (133 - 142) / 142 = -6.34 %
    assert (t.deaths, t.injuries, t.direction) == (7, 325, "下降")


def test_household_survey_estimates_completeness() -> None:
    survey = HouseholdSurvey(
        method="随机抽样",
        conducted="2025-10-01",
        households=500,
        persons=2000,
        injured_persons=100,
        seen_at_hospital=60,
    )
    # 10,000 residents: 10,000 * 60 / 2,000 = 300 visits a year; 90 cases in 3 years = 30 a year
    found = reporting(survey, 10000, 90, 3)
    assert found is not None
    assert (found.survey_rate, found.hospital_share, found.expected_visits) == (
        D("50.0"),
        D("60.0"),
        300,
    )
    assert (found.completeness, found.unreported) == (D("10.0"), D("90.0"))


def test_bad_survey_and_statistics_are_located(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "qinghe-street" / "diagnosis.yaml").read_text("utf-8"))
    data["household_survey"]["seen_at_hospital"] = 500
    data["department_statistics"][1]["years"][2]["year"] = 2023
    bad = tmp_path / "diagnosis.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    problems = validate(bad).problems
    found = {p.path: p for p in problems}
    assert "household_survey.seen_at_hospital" in found
    assert "department_statistics[1].years[2].year" in found
    assert all(p.line for p in found.values())
    assert "就诊人数超过受伤人数" in found["household_survey.seen_at_hospital"].message


def test_findings_below_the_minimum_case_count_are_dropped() -> None:
    from safecommunity_docs.analysis import findings
    from safecommunity_docs.kinds import RenderContext
    from safecommunity_docs.views.diagnosis import diagnosis_view
    from tests.unit.test_analysis import COMMUNITY, RECORDS

    found = findings(RECORDS, COMMUNITY)
    assert any(f.count is not None and f.count < 10 for f in found)
    assert supported(found, 10) == [f for f in found if f.count is None or f.count >= 10]
    assert supported(found, 1) == list(found)
    # in the report: the 高危人群 data sentence goes when its groups have too few cases
    dossier = load(EXAMPLES / "jiangkou-park")
    assert dossier.diagnosis is not None
    stats = RenderContext(dossier).statistics
    for min_cases, shown in ((10, True), (100000, False)):
        report = dossier.diagnosis.model_copy(update={"min_cases": min_cases})
        texts = [b.text for b in diagnosis_view(report, dossier, stats).blocks]
        assert any(t.startswith("从伤害监测数据看") for t in texts) is shown
        assert any(f"病例数不足{min_cases}例的人群和地点不作判定" in t for t in texts)


def test_every_death_is_discussed_with_its_project() -> None:
    for folder in ("jiangkou-park", "qinghe-street", "dongshan-town"):
        dossier = load(EXAMPLES / folder)
        died = [r for r in dossier.injury_records if r.outcome is Outcome.DIED]
        paragraphs, cells = _docx_text(folder)
        assert died
        for record in died:
            assert record.card_no in cells, record.card_no
            assert any(record.description and record.description in p for p in paragraphs)
    # the two confined-space deaths of 江口: no project addresses them, and the text says so
    dossier = load(EXAMPLES / "jiangkou-park")
    confined = [
        d
        for d in deaths(dossier.injury_records, dossier.projects)
        if "污水井" in (d.record.description or "")
    ]
    assert len(confined) == 2
    assert all(not d.projects for d in confined)
    paragraphs, _ = _docx_text("jiangkou-park")
    assert sum("现有安全促进项目尚未覆盖工业和建筑场所的窒息/悬吊" in p for p in paragraphs) == 2


def test_a_section_per_departmental_source_and_a_quality_paragraph() -> None:
    for folder in ("jiangkou-park", "qinghe-street", "dongshan-town"):
        dossier = load(EXAMPLES / folder)
        assert dossier.diagnosis is not None
        paragraphs, _ = _docx_text(folder)
        for data in dossier.diagnosis.department_statistics:
            assert any(p.endswith(f"）{data.source.value}") for p in paragraphs), data.source
            total = sum(y.count for y in data.years)
            assert any(f"共{total:,}{data.source.unit}" in p for p in paragraphs), data.source
        assert any(p.endswith("数据质量与漏报评估") for p in paragraphs)
        assert any("报告完整率约为" in p for p in paragraphs)
        assert any("明显低于一般社区人群的伤害水平" in p for p in paragraphs)


def test_every_table_and_chart_has_a_sentence_beside_it() -> None:
    from safecommunity_docs.kinds import RenderContext
    from safecommunity_docs.views.diagnosis import diagnosis_view

    for folder in ("jiangkou-park", "qinghe-street", "dongshan-town"):
        dossier = load(EXAMPLES / folder)
        assert dossier.diagnosis is not None
        blocks = diagnosis_view(
            dossier.diagnosis, dossier, RenderContext(dossier).statistics
        ).blocks
        kinds = [b.kind for b in blocks if b.kind != "caption"]
        for i, kind in enumerate(kinds):
            if kind in ("table", "figure"):
                near = kinds[max(i - 1, 0) : i + 2]
                assert "p" in near, (folder, i, kinds[i - 2 : i + 2])
