"""The optional fields the checker relies on: baseline units (printed), not-analysed sources,
hazard notes and acknowledgements; existing input without them stays valid."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from pydantic import ValidationError

import safecommunity_docs as scd
from safecommunity_docs.models import (
    Acknowledgement,
    DataSource,
    Hazard,
    ProjectTarget,
    QuantTarget,
)
from tests.compliance_base import clean, dossier


def _cells(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    # word joiners (U+2060) keep dates and numbers with units on one line; a reader sees none
    return [
        cell.text.replace("\u2060", "")
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]


def _fire_target(baseline_unit: str | None) -> dict[str, Any]:
    target: dict[str, Any] = {
        "indicator": "火灾起数",
        "baseline": 14,
        "baseline_year": 2024,
        "target": 40,
        "unit": "%",
        "direction": "下降",
    }
    if baseline_unit is not None:
        target["baseline_unit"] = baseline_unit
    return target


@pytest.mark.parametrize(
    ("baseline_unit", "shown"), [("起", "14起（2024年）"), (None, "14%（2024年）")]
)
def test_project_baseline_is_printed_with_its_own_unit(
    baseline_unit: str | None, shown: str
) -> None:
    data = clean()
    data["projects"][2]["targets"][0] = _fire_target(baseline_unit)
    d = dossier(data)
    cells = _cells(scd.render(d.projects[2], "docx", dossier=d))
    assert shown in cells
    assert "下降40%" in cells


@pytest.mark.parametrize(
    ("baseline_unit", "shown"), [("起", "14起（2024年）"), (None, "14%（2024年）")]
)
def test_plan_baseline_is_printed_with_its_own_unit(baseline_unit: str | None, shown: str) -> None:
    data = clean()
    target = data["work_plan"]["objectives"]["targets"][1]
    target.pop("baseline_unit")
    if baseline_unit is not None:
        target["baseline_unit"] = baseline_unit
    d = dossier(data)
    assert d.work_plan is not None
    assert shown in _cells(scd.render(d.work_plan, "docx", dossier=d))


def test_a_baseline_in_its_own_unit_may_exceed_100() -> None:
    ProjectTarget.model_validate(dict(_fire_target("起"), baseline=140))
    QuantTarget.model_validate(
        {"indicator": "火灾起数", "value": 40, "unit": "%", "baseline": 140, "baseline_unit": "起"}
    )
    with pytest.raises(ValidationError, match="baseline"):
        ProjectTarget.model_validate(dict(_fire_target(None), baseline=140))
    with pytest.raises(ValidationError, match="baseline"):
        QuantTarget.model_validate(
            {"indicator": "火灾起数", "value": 40, "unit": "%", "baseline": 140}
        )


def test_the_new_fields_default_so_old_input_stays_valid() -> None:
    source = DataSource.model_validate({"name": "伤害监测报告卡"})
    assert (source.analysed, source.not_analysed_reason) == (True, None)
    assert Hazard.model_validate({"description": "路口无信号灯"}).note is None
    assert ProjectTarget.model_validate(_fire_target(None)).baseline_unit is None
    assert dossier().options.acknowledged == []


def test_an_acknowledgement_names_a_rule_id_and_a_reason() -> None:
    ack = Acknowledgement.model_validate({"rule": "SC-E5-003", "reason": "已说明"})
    assert ack.path is None
    with pytest.raises(ValidationError, match="rule"):
        Acknowledgement.model_validate({"rule": "E5-3", "reason": "已说明"})
    with pytest.raises(ValidationError, match="reason"):
        Acknowledgement.model_validate({"rule": "SC-E5-003", "reason": " "})
