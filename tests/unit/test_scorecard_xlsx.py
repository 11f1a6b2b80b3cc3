"""The 自评表 workbook: structure through openpyxl, and formulas recomputed by LibreOffice."""

from __future__ import annotations

import io
import random
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from safecommunity_docs import load, load_rubric
from safecommunity_docs.api import render_xlsx, score
from safecommunity_docs.models import Assessment, Rubric
from tests.conftest import EXAMPLES
from tests.lo import named_value, recalc

CITY = load_rubric("city")
NATIONAL = load_rubric("national-field")


def _random_assessment(rubric: Rubric, rng: random.Random, previous: bool) -> Assessment:
    entries: list[dict[str, Any]] = []
    na_used = False
    for _, item in rubric.items():
        if item.parts:
            entries.append(
                {
                    "item": item.id,
                    "grades": {p.name: rng.choice(list(rubric.grades)) for p in item.parts},
                }
            )
        elif rubric.not_applicable == "rescale" and not na_used and rng.random() < 0.05:
            na_used = True
            entries.append({"item": item.id, "not_applicable": True, "reason": "不适用"})
        elif rng.random() < 0.03:
            continue  # unscored: counts as zero, with a warning
        else:
            steps = int(item.points * 2)
            entries.append(
                {
                    "item": item.id,
                    "score": str(
                        Decimal(rng.randint(max(0, steps - rng.choice([0, 1, 2, steps])), steps))
                        / 2
                    ),
                }
            )
    extra: dict[str, Any] = {}
    if previous:
        extra["previous"] = {"year": 2025, "total": str(rng.choice([85, 88.5, 93]))}
    return Assessment.model_validate(
        {
            "rubric": rubric.id,
            "assessor": "随机",
            "assessed_on": date(2026, 10, 1),
            "items": entries,
            **extra,
        }
    )


@pytest.mark.libreoffice
def test_libreoffice_recalculation_equals_score(tmp_path: Path) -> None:
    rng = random.Random(20261128)
    cases: dict[str, tuple[Assessment, Rubric]] = {}
    for folder in sorted(EXAMPLES.iterdir()):
        if (folder / "assessment.yaml").is_file():
            dossier = load(folder)
            assert dossier.assessment is not None
            cases[folder.name] = (dossier.assessment, load_rubric(dossier.assessment.rubric))
    for n in range(16):
        cases[f"city-{n}"] = (_random_assessment(CITY, rng, previous=n % 3 == 0), CITY)
    for n in range(8):
        cases[f"national-{n}"] = (_random_assessment(NATIONAL, rng, previous=False), NATIONAL)
    books = recalc({name: render_xlsx(a, r) for name, (a, r) in cases.items()}, tmp_path)
    verdicts = set()
    for name, (assessment, rubric) in cases.items():
        report = score(assessment, rubric)
        book = books[name]
        assert Decimal(str(named_value(book, "sc_total"))) == report.total, name
        assert named_value(book, "sc_verdict") == report.verdict.label, name
        assert named_value(book, "sc_next_step") == report.verdict.next_step, name
        assert Decimal(str(named_value(book, "sc_applicable"))) == report.applicable_max, name
        verdicts.add((rubric.id, report.verdict.code))
    # The random cases reach more than one verdict on each rubric.
    assert len({v for r, v in verdicts if r == CITY.id}) >= 2
    assert len({v for r, v in verdicts if r == NATIONAL.id}) >= 2


def _sheet(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def test_workbook_structure() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    data = render_xlsx(dossier)
    book = _sheet(data)
    assert book.sheetnames == ["自评表", "汇总"]
    ws = book["自评表"]
    assert [c.value for c in ws[3]] == [
        "序号",
        "一级指标",
        "二级指标",
        "评分标准",
        "分值",
        "自评得分",
        "扣分说明",
        "证明材料",
    ]
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.data_validations.dataValidation, "score cells must be restricted"
    assert ws.conditional_formatting, "low scores must be highlighted"
    subtotal_formulas = [
        c.value for c in ws["F"] if isinstance(c.value, str) and c.value.startswith("=SUM(")
    ]
    assert len(subtotal_formulas) == len(CITY.elements)
    summary = book["汇总"]
    total_cell = summary[
        next(iter(book.defined_names["sc_total"].destinations))[1].replace("$", "")
    ]
    assert str(total_cell.value).startswith("=IF(")
    assert "ROUND(" in str(total_cell.value)
    assert book.properties.language == "zh-CN"
    time.sleep(1.1)  # writers stamp the saving time; a later second must not change the bytes
    assert render_xlsx(dossier) == data, "same input, same bytes"


def test_user_text_is_never_a_formula() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.assessment is not None
    data = dossier.assessment.model_dump(mode="json")
    for n, text in enumerate(['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)"]):
        data["items"][n]["deductions"] = text
        data["items"][n]["evidence"] = [text]
    assessment = Assessment.model_validate(data)
    book = _sheet(render_xlsx(assessment, community="=cmd|' /C calc'!A0"))
    ws = book["自评表"]
    texts = {
        c.value: c.data_type for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    }
    for text in ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)"]:
        assert texts[text] == "s"
    assert texts["=cmd|' /C calc'!A0安全社区自评表"] == "s"


def test_graded_rubric_has_grade_columns_and_lookup() -> None:
    rng = random.Random(1)
    book = _sheet(render_xlsx(_random_assessment(NATIONAL, rng, previous=False), NATIONAL))
    ws = book["自评表"]
    assert [c.value for c in ws[3]][5:9] == ["有无等级", "痕迹等级", "效果等级", "自评得分"]
    assert "GradeTable" in book.defined_names
    assert "VLOOKUP" in str(ws["I4"].value)
