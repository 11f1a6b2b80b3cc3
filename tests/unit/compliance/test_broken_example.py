"""A deliberately broken copy of examples/qinghe-street: each targeted defect adds exactly one
finding of its own rule at its own field path, beyond what the intact example already has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any

from safecommunity_docs import load
from safecommunity_docs.compliance import Findings, check
from safecommunity_docs.models import Dossier
from tests.conftest import EXAMPLES

D = dict[str, Any]


@cache
def _intact() -> Dossier:
    return load(EXAMPLES / "qinghe-street")


def _copy() -> D:
    """A copy of the example as plain data (validating it back gives the same findings)."""
    data: D = _intact().model_dump(mode="json", exclude_unset=True)
    return data


def _org(d: D) -> D:
    org: D = d["work_plan"]["organisation"]
    return org


def _unrectified_due_hazard(d: D) -> None:
    # 1-1 was due 2025-12-31, before the application: now not rectified, and nothing said
    hazard = d["diagnosis"]["hazard_units"][1]["hazards"][1]
    assert hazard["deadline"] < d["application"]["submitted_on"]
    hazard.update(rectified=False)
    hazard.pop("note", None)


def _unanalysed_source(d: D) -> None:
    d["diagnosis"]["data_sources"].append({"name": "区医保结算伤害病例", "analysed": False})


def _owner_outside_duties(d: D) -> None:
    d["projects"][3]["measures"][0]["owner"] = "某某物业服务有限公司"


Defect = tuple[str, Callable[[D], object], str]

DEFECTS: list[Defect] = [
    (
        "SC-E1-003",
        lambda d: _org(d)["committee"]["members"][0].pop("unit"),
        "work_plan.organisation.committee.members[0].unit",
    ),
    (
        "SC-E1-005",
        lambda d: _org(d)["committee"].update(duties=[]),
        "work_plan.organisation.committee.duties",
    ),
    (
        "SC-E1-006",
        lambda d: _org(d)["committee"].pop("meeting_rule"),
        "work_plan.organisation.committee.meeting_rule",
    ),
    (
        "SC-E1-007",
        lambda d: _org(d)["working_groups"][0].update(members=[]),
        "work_plan.organisation.working_groups[0].members",
    ),
    ("SC-E1-009", lambda d: _org(d).update(office=None), "work_plan.organisation.office"),
    (
        "SC-E3-003",
        lambda d: d["diagnosis"]["conclusions"].update(vulnerable_groups=[]),
        "diagnosis.conclusions.vulnerable_groups",
    ),
    (
        "SC-E3-004",
        lambda d: d["diagnosis"]["conclusions"].update(safety_needs=[]),
        "diagnosis.conclusions.safety_needs",
    ),
    (
        "SC-E3-007",
        lambda d: d["diagnosis"]["methods"].append(
            "伤害监测数据时段为2023年1月1日至2025年12月30日。"
        ),
        "diagnosis.methods[{methods}]",
    ),
    ("SC-E3-008", _unanalysed_source, "diagnosis.data_sources[4].not_analysed_reason"),
    ("SC-E3-012", _unrectified_due_hazard, "diagnosis.hazard_units[1].hazards[1].deadline"),
    # The same hazard left open makes the 自评's quoted 整改率 (15 of 16 = 93.8 %) untrue.
    ("SC-E3-014", lambda d: None, "assessment.items[11].deductions"),
    (
        "SC-E4-006",
        lambda d: [
            d["work_plan"]["objectives"]["targets"][0].pop(k) for k in ("baseline", "baseline_year")
        ],
        "work_plan.objectives.targets[0].baseline",
    ),
    (
        "SC-E4-011",
        lambda d: d["work_plan"].update(title="清河街道安全社区创建工作计划（2025—2027年）"),
        "work_plan.title",
    ),
    (
        "SC-E4-016",
        lambda d: d["work_plan"]["budget"].update(
            total=10000, lines=[{"item": "宣传教育与培训", "amount": 10000}]
        ),
        "work_plan.budget",
    ),
    ("SC-E5-002", lambda d: d["projects"][5].update(resources={}), "projects[5].resources"),
    (
        "SC-E5-004",
        lambda d: d["projects"][2]["targets"][0].pop("baseline"),
        "projects[2].targets[0].baseline",
    ),
    (
        "SC-E5-011",
        lambda d: [m.update(type="宣传") for m in d["projects"][4]["measures"]],
        "projects[4].measures",
    ),
    ("SC-E5-012", _owner_outside_duties, "projects[3].measures[0].owner"),
    (
        "SC-E9-004",
        lambda d: d["diagnosis"]["data_sources"][0].update(records=421),
        "diagnosis.data_sources[0].records",
    ),
    (
        "SC-E10-003",
        lambda d: d["community"]["history"].append("街道常住人口70000人。"),
        "community.history[{history}]",
    ),
    (
        "SC-E10-009",
        lambda d: d["application"].update(applicant="清河街道安全社区促进委员会"),
        "application.applicant",
    ),
    (
        "SC-E10-011",
        lambda d: d["application"]["body"].append("现申请省级安全社区评定。"),
        "application.body[{body}]",
    ),
    (
        "SC-E12-005",
        lambda d: d["application"]["body"].append("自评总分95分。"),
        "application.body[{body2}]",
    ),
]


def _broken() -> tuple[D, list[tuple[str, str]]]:
    data = _copy()
    slots = {
        "methods": len(data["diagnosis"]["methods"]),
        "history": len(data["community"]["history"]),
        "body": len(data["application"]["body"]),
        "body2": len(data["application"]["body"]) + 1,
    }
    expected = []
    for rule, mutate, path in DEFECTS:
        mutate(data)
        expected.append((rule, path.format(**slots)))
    return data, expected


def _pairs(found: Findings) -> Counter[tuple[str, str]]:
    return Counter((f.rule, f.path) for f in found)


def test_the_copy_is_the_example() -> None:
    assert _pairs(check(Dossier.model_validate(_copy()))) == _pairs(check(_intact()))


def test_the_broken_example_triggers_each_rule_once_at_its_path() -> None:
    data, expected = _broken()
    before = _pairs(check(_intact()))
    after = _pairs(check(Dossier.model_validate(data)))
    added = after - before
    assert added == Counter(expected), sorted(set(added) ^ set(expected))
    assert not before - after  # nothing the intact example reported went missing
    rules = [rule for rule, _ in expected]
    assert len(set(rules)) == len(rules) >= 20
