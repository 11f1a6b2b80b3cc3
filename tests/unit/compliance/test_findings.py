"""Findings are sorted, filterable, JSON-serialisable; acknowledgements carry their reason."""

from __future__ import annotations

import json
from pathlib import Path

from safecommunity_docs.analysis import analyse
from safecommunity_docs.compliance import Findings, Severity, check
from safecommunity_docs.io import load, load_rubric
from safecommunity_docs.models import Acknowledgement
from safecommunity_docs.scoring import score
from tests.compliance_base import clean, dossier
from tests.unit.compliance.cases import CASES


def _broken() -> Findings:
    data = clean()
    for rule in ("SC-E1-006", "SC-E4-007", "SC-E1-010", "SC-E5-004", "SC-E3-012"):
        CASES[rule][0](data)
    return check(dossier(data))


def test_findings_come_sorted_by_severity_element_rule_and_path() -> None:
    found = _broken()
    assert [(f.severity, f.rule) for f in found] == [
        (Severity.ERROR, "SC-E3-012"),
        (Severity.ERROR, "SC-E4-007"),
        (Severity.WARNING, "SC-E1-006"),
        (Severity.WARNING, "SC-E5-004"),
        (Severity.INFO, "SC-E1-010"),
    ]
    assert list(found.sorted()) == list(found)


def test_filter_by_severity_element_and_rule() -> None:
    found = _broken()
    assert found.errors.rules == ("SC-E3-012", "SC-E4-007")
    assert found.filter(severity="warning").rules == ("SC-E1-006", "SC-E5-004")
    assert found.filter(element=1).rules == ("SC-E1-006", "SC-E1-010")
    assert found.filter(element=[3, 5]).rules == ("SC-E3-012", "SC-E5-004")
    assert found.filter(rule="SC-E4-007").rules == ("SC-E4-007",)
    assert len(found.filter(severity=Severity.INFO, element=5)) == 0


def test_json_round_trip_keeps_every_field() -> None:
    found = _broken()
    data = json.loads(found.to_json())
    assert data[1]["rule"] == "SC-E4-007"
    assert data[1]["path"] == "work_plan.objectives.targets[1].baseline"
    assert data[1]["severity"] == "error"
    assert data[1]["message_zh"] == "基线值套用了目标的单位"
    assert data[1]["acknowledged"] is False
    assert Findings.from_json(found.to_json()) == found


def test_an_acknowledged_error_carries_its_reason_and_no_longer_blocks() -> None:
    data = clean()
    CASES["SC-E4-007"][0](data)
    ack = Acknowledgement(
        rule="SC-E4-007", path="work_plan.objectives.targets[1].baseline", reason="基线为百分比"
    )
    found = check(dossier(data), acknowledged=[ack])
    (hit,) = found.filter(rule="SC-E4-007")
    assert (hit.acknowledged, hit.reason) == (True, "基线为百分比")
    assert len(found.blocking) == 0
    assert len(check(dossier(data)).blocking) == 1


def test_acknowledgements_in_build_options_apply_to_every_path_of_a_rule() -> None:
    data = clean()
    CASES["SC-E3-012"][0](data)
    data["diagnosis"]["hazard_units"][0]["hazards"].append(
        {"description": "护栏缺失", "deadline": "2026-05-31"}
    )
    data["options"] = {"acknowledged": [{"rule": "SC-E3-012", "reason": "已列入整改清单"}]}
    found = check(dossier(data)).filter(rule="SC-E3-012")
    assert len(found) == 2
    assert all(f.acknowledged and f.reason == "已列入整改清单" for f in found)


def test_a_stale_acknowledgement_is_reported_but_an_acknowledgement_elsewhere_is_not_applied() -> (
    None
):
    data = clean()
    CASES["SC-E4-007"][0](data)
    ack = Acknowledgement(
        rule="SC-E4-007", path="work_plan.objectives.targets[0].baseline", reason="旧记录"
    )
    found = check(dossier(data), acknowledged=[ack])
    assert found.filter(rule="SC-E4-007")[0].acknowledged is False
    (stale,) = found.filter(rule="SC-E10-010")
    assert stale.path == "options.acknowledged[0]"
    assert "旧记录" in stale.detail


def test_precomputed_score_and_statistics_are_used_as_given() -> None:
    d = dossier()
    assert d.assessment is not None
    report = score(d.assessment, load_rubric("city"))
    stats = analyse(d.injury_records, d.community)
    assert len(check(d, report, stats)) == 0
    lower = report.model_copy(update={"total": report.total - 5})
    (hit,) = check(d, lower, stats)
    assert hit.rule == "SC-E12-005"
    assert "95.0" in hit.detail


def test_check_is_pure_it_leaves_the_dossier_unchanged() -> None:
    d = dossier()
    before = d.model_dump_json()
    check(d)
    assert d.model_dump_json() == before


def test_acknowledgements_load_from_a_dossier_file(tmp_path: Path) -> None:
    data = clean()
    CASES["SC-E3-012"][0](data)
    data["options"] = {
        "acknowledged": [
            {
                "rule": "SC-E3-012",
                "path": "diagnosis.hazard_units[0].hazards[0].deadline",
                "reason": "信号灯已立项",
            }
        ]
    }
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (hit,) = check(load(path)).filter(rule="SC-E3-012")
    assert (hit.acknowledged, hit.reason) == (True, "信号灯已立项")
