"""One way to break each rule of the clean dossier, and where the finding must point."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from safecommunity_docs.compliance import CheckOptions, options_for
from safecommunity_docs.rubrics import shipped_pack

D = dict[str, Any]
Mutation = Callable[[D], None]


def _org(d: D) -> D:
    org: D = d["work_plan"]["organisation"]
    return org


def _set(path: str, value: object) -> Mutation:
    """Set a dotted path (list indexes as numbers) to ``value``; ``None`` removes the key."""

    def mutate(d: D) -> None:
        *parents, last = path.split(".")
        node: Any = d
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is None and isinstance(node, dict):
            node.pop(last, None)
            if last in ("organisation", "budget", "objectives", "office"):
                node[last] = None
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _all(*mutations: Mutation) -> Mutation:
    def mutate(d: D) -> None:
        for m in mutations:
            m(d)

    return mutate


def _drop_evidence_of_element_1(d: D) -> None:
    for entry in d["assessment"]["items"]:
        if entry["item"].split(".")[0] == "1":
            entry["evidence"] = []


def _score_fraction(fraction: str) -> Mutation:
    def mutate(d: D) -> None:
        for entry in d["assessment"]["items"]:
            entry["score"] = str(Decimal(entry["score"]) * Decimal(fraction))
            entry["deductions"] = "部分工作不到位"

    return mutate


def _lose_one_point(d: D) -> None:
    entry = d["assessment"]["items"][0]
    entry["score"] = str(Decimal(entry["score"]) - 1)


def _over_score(d: D) -> None:
    entry = d["assessment"]["items"][0]
    entry["score"] = str(Decimal(entry["score"]) + 5)


def _duplicate_record(d: D) -> None:
    copy = dict(d["injury_records"][0], card_no="T9999")
    d["injury_records"].append(copy)


def _old_card_pedestrian(d: D) -> None:
    d["injury_records"][0].update(
        card_version="2006", cause="机动车车祸", place="公路/街道", activity="步行"
    )


def _product_without_brand(d: D) -> None:
    d["injury_records"][0].update(card_version="product", products=[{"name": "电动自行车"}])


def _early_record(d: D) -> None:
    d["injury_records"][0].update(
        injury_time="2022-12-30T10:00:00",
        visit_time="2022-12-30T11:00:00",
        report_date="2022-12-30",
    )


def _unanalysed_source(d: D) -> None:
    d["diagnosis"]["data_sources"].append({"name": "派出所警情", "analysed": False})


def _late_evaluation(d: D) -> None:
    project = d["projects"][0]
    project["end"] = "2026-10"
    project["schedule"][1]["end"] = "2026-10"


def _history(text: str) -> Mutation:
    return _set("community.history", [text])


def _relative_project_target(d: D) -> None:
    d["projects"][2]["targets"][0] = {
        "indicator": "火灾起数",
        "baseline": 14,
        "target": 40,
        "unit": "%",
        "direction": "下降",
    }


def _reassessed(field: D | None = None, followed: bool = True) -> Mutation:
    """A 复评 dossier: a designation three years back, every project followed up on each of its
    targets (unless ``followed`` is false for the first project), and ``field`` as its
    现场评定 when given."""

    def mutate(d: D) -> None:
        d["reassessment"] = {
            "designation": {
                "level": "市级",
                "title": "示例市安全社区",
                "designated_on": "2023-06-01",
                "issued_by": "示例市安全生产委员会",
            },
            "author": "测试街道办事处",
            "report_date": "2026-06-01",
            "work": ["保持促进委员会和工作组常态运行。"],
            "next_steps": ["继续实施安全促进项目。"],
        }
        if field is not None:
            d["reassessment"]["field_assessment"] = {
                "rubric": "national-field",
                "assessed_on": "2026-06-20",
                "assessed_by": "示例市复评评定组",
                **field,
            }
        for project in d["projects"]:
            project["follow_up"] = {
                "status": "持续实施",
                "as_of": "2026-05-31",
                "done": ["按计划实施。"],
                "results": [{"indicator": t["indicator"], "result": 1} for t in project["targets"]],
            }
        if not followed:
            del d["projects"][0]["follow_up"]

    return mutate


def _then(*mutations: Mutation) -> Mutation:
    def mutate(d: D) -> None:
        for m in mutations:
            m(d)

    return mutate


def _first_year_dropped(d: D) -> None:
    first = min(r["injury_time"][:4] for r in d["injury_records"])
    d["injury_records"] = [r for r in d["injury_records"] if not r["injury_time"].startswith(first)]


def _untracked(d: D) -> None:
    _reassessed()(d)
    d["projects"][0]["follow_up"]["results"].pop(0)


_ITEM = {"problem": "台账不全", "measure": "补齐台账", "responsible": "街道应急办"}


CASES: dict[str, tuple[Mutation, str]] = {
    "SC-E1-001": (_set("work_plan.organisation", None), "work_plan.organisation"),
    "SC-E1-002": (
        lambda d: _org(d)["committee"].update(members=_org(d)["committee"]["members"][:2]),
        "work_plan.organisation.committee.members",
    ),
    "SC-E1-003": (
        lambda d: _org(d)["committee"]["members"][0].pop("unit"),
        "work_plan.organisation.committee.members[0].unit",
    ),
    "SC-E1-004": (
        _set("work_plan.organisation.working_groups", []),
        "work_plan.organisation.working_groups",
    ),
    "SC-E1-005": (
        _set("work_plan.organisation.committee.duties", []),
        "work_plan.organisation.committee.duties",
    ),
    "SC-E1-006": (
        _set("work_plan.organisation.committee.meeting_rule", None),
        "work_plan.organisation.committee.meeting_rule",
    ),
    "SC-E1-007": (
        _set("work_plan.organisation.working_groups.0.members", []),
        "work_plan.organisation.working_groups[0].members",
    ),
    "SC-E1-008": (
        _set("work_plan.organisation.working_groups.4.area", "体育运动"),
        "projects[4].area",
    ),
    "SC-E1-009": (_set("work_plan.organisation.office", None), "work_plan.organisation.office"),
    "SC-E1-010": (
        _set("work_plan.organisation.working_groups.1.meeting_rule", None),
        "work_plan.organisation.working_groups[1].meeting_rule",
    ),
    "SC-E3-001": (_set("diagnosis", None), "diagnosis"),
    "SC-E3-002": (
        _set("diagnosis.scope", ["交通、学校、消防、居家及老年人、涉水、工作场所、公共场所。"]),
        "diagnosis.scope",
    ),
    "SC-E3-003": (
        _set("diagnosis.conclusions.vulnerable_groups", []),
        "diagnosis.conclusions.vulnerable_groups",
    ),
    "SC-E3-004": (
        _set("diagnosis.conclusions.safety_needs", []),
        "diagnosis.conclusions.safety_needs",
    ),
    "SC-E3-005": (
        _set("diagnosis.conclusions.key_groups", ["老年人", "残疾人"]),
        "diagnosis.conclusions.key_groups[1]",
    ),
    "SC-E3-006": (
        _set("diagnosis.conclusions.key_places", ["家中", "农田"]),
        "diagnosis.conclusions.key_places[1]",
    ),
    "SC-E3-007": (
        _set("diagnosis.purpose", ["分析2022—2025年伤害监测数据。"]),
        "diagnosis.purpose[0]",
    ),
    "SC-E3-008": (_unanalysed_source, "diagnosis.data_sources[1].not_analysed_reason"),
    "SC-E3-009": (
        _set("diagnosis.conclusions.key_problems", ["交通伤害"]),
        "diagnosis.conclusions",
    ),
    "SC-E3-010": (
        _set("diagnosis.surveys.0.conducted", "2026-02-01"),
        "diagnosis.surveys[0].conducted",
    ),
    "SC-E3-011": (_set("diagnosis.hazard_units", []), "diagnosis.hazard_units"),
    "SC-E3-012": (
        _set("diagnosis.hazard_units.0.hazards.0.rectified", False),
        "diagnosis.hazard_units[0].hazards[0].deadline",
    ),
    "SC-E3-014": (
        _set("assessment.items.0.evidence", ["诊断所列隐患已整改，整改率为50%"]),
        "assessment.items[0].evidence[0]",
    ),
    "SC-E3-013": (
        _all(
            _set("diagnosis.surveys.0.kind", "满意度"),
            _set("diagnosis.surveys.0.name", "居民满意度调查"),
        ),
        "diagnosis.surveys",
    ),
    "SC-E4-001": (_set("work_plan", None), "work_plan"),
    "SC-E4-002": (_set("work_plan.phases.0.name", "组织阶段"), "work_plan.phases"),
    "SC-E4-003": (_set("work_plan.phases.2.name", "总结阶段"), "work_plan.phases"),
    "SC-E4-004": (_set("work_plan.phases.1.start", "2025-07"), "work_plan.phases[1].start"),
    "SC-E4-005": (_set("work_plan.objectives", None), "work_plan.objectives.targets"),
    "SC-E4-006": (
        _all(
            _set("work_plan.objectives.targets.0.baseline", None),
            _set("work_plan.objectives.targets.0.baseline_year", None),
        ),
        "work_plan.objectives.targets[0].baseline",
    ),
    "SC-E4-007": (
        _set("work_plan.objectives.targets.1.baseline_unit", None),
        "work_plan.objectives.targets[1].baseline",
    ),
    "SC-E4-008": (_set("work_plan.budget", None), "work_plan.budget"),
    "SC-E4-009": (_set("application.submitted_on", "2025-08-25"), "community.creation_start"),
    "SC-E4-010": (
        _set("diagnosis.surveys.0.conducted", "2025-11-10"),
        "work_plan.objectives.targets[0].baseline",
    ),
    "SC-E4-011": (
        _set("work_plan.title", "测试街道安全社区创建工作计划（2025—2027年）"),
        "work_plan.title",
    ),
    "SC-E4-012": (_set("work_plan.phases.2.start", "2026-10"), "application.submitted_on"),
    "SC-E4-013": (_set("work_plan.preamble", ["实施6个安全促进项目。"]), "work_plan.preamble[0]"),
    "SC-E4-014": (_set("work_plan.closing", ["其中重点项目2个。"]), "work_plan.closing[0]"),
    "SC-E4-015": (_set("projects.2.title", "社区志愿服务"), "projects[2].title"),
    "SC-E4-016": (_set("work_plan.budget.total", 10000), "work_plan.budget"),
    "SC-E4-017": (
        _all(
            _set("work_plan.phases.0.marker", "（一）"), _set("work_plan.phases.1.marker", "（一）")
        ),
        "work_plan.phases[1].marker",
    ),
    "SC-E4-018": (_set("work_plan.phases.0.start", "20xx年3月"), "work_plan.phases[0].start"),
    "SC-E5-001": (_set("projects", []), "projects"),
    "SC-E5-002": (_set("projects.1.resources", {}), "projects[1].resources"),
    "SC-E5-003": (_set("projects.1.schedule", []), "projects[1].schedule"),
    "SC-E5-004": (_set("projects.2.targets.0.baseline", None), "projects[2].targets[0].baseline"),
    "SC-E5-005": (_relative_project_target, "projects[2].targets[0].baseline"),
    "SC-E5-006": (
        _set("projects.3.evaluation.0.indicator", "满意度"),
        "projects[3].targets[0].indicator",
    ),
    "SC-E5-007": (_set("projects.3.end", "2027-02"), "projects[3].end"),
    "SC-E5-008": (_set("projects.0.targets.0.baseline", 5), "projects[0].targets[0].baseline"),
    "SC-E5-009": (_set("projects.3.area", "交通"), "projects"),
    "SC-E5-010": (
        _all(
            _set("projects.1.area", "家居"),
            _set("projects.1.target_groups", [{"name": "家长"}]),
            _set("projects.4.target_groups", [{"name": "教职工"}]),
        ),
        "projects",
    ),
    "SC-E5-011": (_set("projects.1.measures.1.type", "宣传"), "projects[1].measures"),
    "SC-E5-012": (_set("projects.1.measures.0.owner", "某某公司"), "projects[1].measures[0].owner"),
    "SC-E5-013": (_set("projects.0.targets.0.target", 4), "projects[0].targets[0].target"),
    "SC-E5-014": (_set("projects.4.area", "涉水"), "projects"),
    "SC-E9-001": (_set("injury_records", []), "injury_records"),
    "SC-E9-002": (_set("diagnosis.data_start", "2025-06-01"), "diagnosis.data_start"),
    "SC-E9-003": (_set("diagnosis.data_start", "2024-01-01"), "diagnosis.data_start"),
    "SC-E9-004": (
        _set("diagnosis.data_sources.0.records", 61),
        "diagnosis.data_sources[0].records",
    ),
    "SC-E9-005": (_early_record, "injury_records[0].injury_time"),
    "SC-E9-006": (_duplicate_record, "injury_records[60]"),
    "SC-E9-007": (_old_card_pedestrian, "injury_records[0].activity"),
    "SC-E9-008": (_product_without_brand, "injury_records[0].products[0].brand_model"),
    "SC-E10-001": (_drop_evidence_of_element_1, "assessment.items"),
    "SC-E10-002": (
        _set("diagnosis.title", "某某镇事故与伤害风险诊断报告（2023—2025年）"),
        "diagnosis.title",
    ),
    "SC-E10-003": (_history("常住人口12000人。"), "community.history[0]"),
    "SC-E10-004": (_history("下辖3个社区。"), "community.history[0]"),
    "SC-E10-005": (_history("辖区面积4.5平方公里。"), "community.history[0]"),
    "SC-E10-006": (_set("assessment.assessed_on", "2026-09-30"), "application.submitted_on"),
    "SC-E10-007": (_late_evaluation, "projects[0].schedule[1].end"),
    "SC-E10-008": (_set("application", None), "application"),
    "SC-E10-009": (
        _set("application.applicant", "测试街道安全社区促进委员会"),
        "application.applicant",
    ),
    "SC-E10-010": (
        _set("options", {"acknowledged": [{"rule": "SC-E5-003", "reason": "见附件"}]}),
        "options.acknowledged[0]",
    ),
    "SC-E10-011": (_set("application.body", ["现申请省级安全社区评定。"]), "application.body[0]"),
    "SC-E10-012": (_history("2025年5月，街道启动安全社区创建工作。"), "community.history[0]"),
    "SC-E12-001": (_set("assessment", None), "assessment"),
    "SC-E12-002": (lambda d: d["assessment"]["items"].pop(0), "assessment.items"),
    "SC-E12-003": (_lose_one_point, "assessment.items[0].deductions"),
    "SC-E12-004": (_score_fraction("0.8"), "application.body[0]"),
    "SC-E12-005": (_set("application.body", ["自评总分95分。"]), "application.body[0]"),
    "SC-E12-006": (_over_score, "assessment.rubric"),
    "SC-E12-007": (_set("community.target_level", "国家级"), "assessment.rubric"),
    "SC-E9-021": (_then(_reassessed(), _first_year_dropped), "injury_records"),
    "SC-E12-021": (
        _then(_reassessed(), _set("reassessment.designation.designated_on", "2026-07-01")),
        "reassessment.designation.designated_on",
    ),
    "SC-E5-021": (_reassessed(followed=False), "projects[0].follow_up"),
    "SC-E5-022": (_untracked, "projects[0].targets[0]"),
    "SC-E12-022": (_reassessed({"total": 90}), "reassessment.field_assessment.items"),
    "SC-E12-023": (
        _reassessed({"total": 90, "items": [{**_ITEM, "deadline": "2026-09-30", "lost": 5}]}),
        "reassessment.field_assessment.items",
    ),
    "SC-E12-024": (
        _reassessed(
            {
                "total": 90,
                "report_date": "2026-10-31",
                "items": [{**_ITEM, "deadline": "2026-09-30"}],
            }
        ),
        "reassessment.field_assessment.items[0].status",
    ),
    "SC-E12-025": (
        _reassessed(
            {
                "total": 90,
                "deadline": "2026-09-30",
                "items": [{**_ITEM, "deadline": "2026-12-31"}],
            }
        ),
        "reassessment.field_assessment.items[0].deadline",
    ),
}


def _pack_naming_school() -> CheckOptions:
    """The thresholds of the default pack, with 学校 named as a required project area."""
    pack = shipped_pack("city")
    assert pack is not None
    data = pack.model_dump(mode="json")
    data["project_areas"] = {"min_count": 5, "named": ["学校"]}
    return options_for(type(pack).model_validate(data))


PACK_OPTIONS: dict[str, CheckOptions] = {"SC-E5-014": _pack_naming_school()}
"""Rules that a jurisdiction pack's thresholds switch on: the options their case is checked with
(a pack that names an area; the shipped packs name none)."""
