"""Every reviewer rule of the models: a failing case naming the field path, and a passing case."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from safecommunity_docs.errors import Problem
from safecommunity_docs.io import load_rubric
from safecommunity_docs.models import (
    Assessment,
    Budget,
    Community,
    DiagnosisReport,
    Dossier,
    InjuryRecord,
    PromotionProject,
    QuantTarget,
    Rubric,
    Table,
    WorkPlan,
)
from safecommunity_docs.models.base import format_loc
from safecommunity_docs.models.problems import problems_from
from tests.conftest import ASSESSMENT, COMMUNITY, DIAGNOSIS, PLAN, PROJECT, RECORD

Mutation = Callable[[dict[str, Any]], None]


def problems(model: type[BaseModel], data: dict[str, Any]) -> list[Problem]:
    """Validate ``data`` and return the located problems (empty when valid)."""
    context = {"rubrics": {"city": load_rubric("city")}}
    try:
        model.model_validate(data, context=context)
    except ValidationError as exc:
        return problems_from(exc, model, lambda loc, msg: Problem(format_loc(loc), msg))
    return []


def _set(path: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _del(path: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return mutate


def _both(*mutations: Mutation) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        for m in mutations:
            m(data)

    return mutate


CASES: list[tuple[str, type[BaseModel], dict[str, Any], Mutation, str, str]] = [
    # Work plan
    (
        "phase end before start",
        WorkPlan,
        PLAN,
        _set("phases.1.end", "2025-05"),
        "phases[1].end",
        "结束月份早于开始月份",
    ),
    (
        "phase outside plan period",
        WorkPlan,
        PLAN,
        _set("phases.2.end", "2026-09"),
        "phases[2].end",
        "不在计划期内",
    ),
    (
        "phase starts before plan",
        WorkPlan,
        PLAN,
        _set("phases.0.start", "2025-01"),
        "phases[0].start",
        "不在计划期内",
    ),
    (
        "phases out of order",
        WorkPlan,
        PLAN,
        _set("phases.2.start", "2025-04"),
        "phases[2].start",
        "阶段顺序错误",
    ),
    (
        "task deadline outside its phase",
        WorkPlan,
        PLAN,
        _set("phases.0.tasks.0.deadline", "2025-08-01"),
        "phases[0].tasks[0].deadline",
        "不在本阶段内",
    ),
    (
        "plan period reversed",
        WorkPlan,
        PLAN,
        _set("period_end", "2024-12"),
        "period_end",
        "计划结束月份早于开始月份",
    ),
    (
        "phase with both dates and start",
        WorkPlan,
        PLAN,
        _set("phases.0.dates", "2025年3月—5月"),
        "phases[0].dates",
        "只能填一种",
    ),
    (
        "plan period with a start only",
        WorkPlan,
        PLAN,
        _del("period_end"),
        "period_end",
        "计划期需同时填写",
    ),
    (
        "duplicate working group",
        WorkPlan,
        PLAN,
        lambda d: d["organisation"]["working_groups"].append(
            copy.deepcopy(d["organisation"]["working_groups"][0])
        ),
        "organisation.working_groups[1].name",
        "工作组名称重复",
    ),
    (
        "unknown heading key",
        WorkPlan,
        PLAN,
        _set("headings", {"foo": "X"}),
        "headings.foo",
        "未知章节",
    ),
    (
        "section order misses a section",
        WorkPlan,
        PLAN,
        _set("section_order", ["organisation"]),
        "section_order",
        "遗漏",
    ),
    (
        "section order unknown key",
        WorkPlan,
        PLAN,
        _set("section_order", ["organisation", "phases", "nope"]),
        "section_order[2]",
        "未知章节",
    ),
    ("unknown intro key", WorkPlan, PLAN, _set("intros", {"foo": {}}), "intros.foo", "未知章节"),
    (
        "top-level phases with a phases heading",
        WorkPlan,
        PLAN,
        _both(_set("phases_layout", "top_level"), _set("headings", {"phases": "工作步骤"})),
        "headings.phases",
        "分阶段排版",
    ),
    (
        "month not YYYY-MM",
        WorkPlan,
        PLAN,
        _set("period_start", "2025-3"),
        "period_start",
        "YYYY-MM",
    ),
    ("unknown field", WorkPlan, PLAN, _set("colour", "red"), "colour", "未知字段"),
    # Community
    (
        "sexes do not add up",
        Community,
        COMMUNITY,
        _set("population.male", 5001),
        "population.total",
        "男女人数之和",
    ),
    (
        "age bands not contiguous",
        Community,
        COMMUNITY,
        _set("population.age_bands.1.from_age", 16),
        "population.age_bands[1].from_age",
        "不连续",
    ),
    (
        "open band not last",
        Community,
        COMMUNITY,
        _set("population.age_bands.1.to_age", None),
        "population.age_bands[1].to_age",
        "只有最后一个",
    ),
    (
        "age bands sum",
        Community,
        COMMUNITY,
        _set("population.age_bands.0.male", 801),
        "population.age_bands",
        "男性之和",
    ),
    (
        "migrants exceed population",
        Community,
        COMMUNITY,
        _set("population.migrant", 20000),
        "population.migrant",
        "流动人口超过",
    ),
    (
        "households exceed population",
        Community,
        COMMUNITY,
        _set("households", 20000),
        "households",
        "户数超过",
    ),
    ("unknown community type", Community, COMMUNITY, _set("type", "城区"), "type", "街道"),
    ("negative area", Community, COMMUNITY, _set("area_km2", "-1"), "area_km2", "greater than 0"),
    # Injury card
    (
        "traffic needs road",
        InjuryRecord,
        RECORD,
        _both(_set("cause", "机动车车祸"), _set("place", "家中")),
        "place",
        "公路/街道",
    ),
    (
        "drowning needs whole body",
        InjuryRecord,
        RECORD,
        _both(_set("cause", "溺水"), _set("body_part", "下肢")),
        "body_part",
        "全身广泛受伤",
    ),
    ("burn needs burn nature", InjuryRecord, RECORD, _set("cause", "烧烫伤"), "nature", "烧烫伤"),
    (
        "visit before injury",
        InjuryRecord,
        RECORD,
        _set("visit_time", "2024-01-05T07:00:00"),
        "visit_time",
        "就诊时间早于",
    ),
    (
        "report before visit",
        InjuryRecord,
        RECORD,
        _set("report_date", "2024-01-04"),
        "report_date",
        "填报日期早于",
    ),
    (
        "age contradicts birth date",
        InjuryRecord,
        RECORD,
        _set("birth_date", "1960-06-01"),
        "age",
        "年龄与出生日期不符",
    ),
    (
        "unknown cause code",
        InjuryRecord,
        RECORD,
        _set("cause", 99),
        "cause",
        "unknown value 99; codes: 1 机动车车祸, 2 非机动车车祸, 3 跌倒/坠落",
    ),
    ("no nature", InjuryRecord, RECORD, _set("nature", []), "nature", "at least 1"),
    # Promotion project
    (
        "target without unit",
        PromotionProject,
        PROJECT,
        _del("targets.0.unit"),
        "targets[0].unit",
        "单位",
    ),
    (
        "target not numeric",
        PromotionProject,
        PROJECT,
        _set("targets.0.target", "一半"),
        "targets[0].target",
        "expected a number",
    ),
    (
        "percentage above 100",
        PromotionProject,
        PROJECT,
        _both(_set("targets.0.unit", "%"), _set("targets.0.target", "120")),
        "targets[0].target",
        "0到100",
    ),
    (
        "measure outside project",
        PromotionProject,
        PROJECT,
        _set("measures.0.end", "2026-08-01"),
        "measures[0].end",
        "不在项目期内",
    ),
    (
        "measure end before start",
        PromotionProject,
        PROJECT,
        _set("measures.0.end", "2025-06-15"),
        "measures[0].end",
        "结束日期早于",
    ),
    (
        "unknown measure type",
        PromotionProject,
        PROJECT,
        _set("measures.0.type", "教育"),
        "measures[0].type",
        "政策",
    ),
    (
        "key project without lead unit",
        PromotionProject,
        PROJECT,
        _set("key_project", True),
        "lead_unit",
        "实施部门",
    ),
    (
        "key project without budget",
        PromotionProject,
        PROJECT,
        _both(_set("key_project", True), _set("lead_unit", "民政办")),
        "resources.budget",
        "资源保障",
    ),
    (
        "schedule outside project",
        PromotionProject,
        PROJECT,
        _set("schedule", [{"start": "2025-01", "end": "2025-08", "work": "调研"}]),
        "schedule[0]",
        "不在项目期内",
    ),
    ("bad project id", PromotionProject, PROJECT, _set("id", "Elderly Falls"), "id", "lower-case"),
    # Diagnosis
    (
        "data period reversed",
        DiagnosisReport,
        DIAGNOSIS,
        _set("data_end", "2022-12-31"),
        "data_end",
        "截止日期早于",
    ),
    (
        "report before data end",
        DiagnosisReport,
        DIAGNOSIS,
        _set("report_date", "2025-06-01"),
        "report_date",
        "报告日期早于",
    ),
    (
        "survey percentage",
        DiagnosisReport,
        DIAGNOSIS,
        _set(
            "surveys",
            [
                {
                    "name": "知信行调查",
                    "method": "问卷",
                    "sample_size": 400,
                    "results": [{"indicator": "知晓率", "value": "101"}],
                }
            ],
        ),
        "surveys[0].results[0].value",
        "0到100",
    ),
    (
        "valid above sample",
        DiagnosisReport,
        DIAGNOSIS,
        _set(
            "surveys",
            [{"name": "满意度调查", "method": "问卷", "sample_size": 400, "valid_responses": 401}],
        ),
        "surveys[0].valid_responses",
        "有效样本超过",
    ),
    # Assessment against the city rubric
    (
        "unknown rubric item",
        Assessment,
        ASSESSMENT,
        _set("items.0.item", "99.9"),
        "items[0].item",
        "未知指标编号",
    ),
    (
        "score above item points",
        Assessment,
        ASSESSMENT,
        _set("items.0.score", "50"),
        "items[0].score",
        "得分超过",
    ),
    (
        "negative score",
        Assessment,
        ASSESSMENT,
        _set("items.0.score", "-1"),
        "items[0].score",
        "greater than or equal to 0",
    ),
    (
        "score and N/A together",
        Assessment,
        ASSESSMENT,
        _set("items.0.not_applicable", True),
        "items[0].item",
        "只能填写",
    ),
    (
        "N/A without reason",
        Assessment,
        ASSESSMENT,
        _set("items.0", {"item": "1.1", "not_applicable": True}),
        "items[0].reason",
        "理由",
    ),
    (
        "grades on an item without parts",
        Assessment,
        ASSESSMENT,
        _set("items.0", {"item": "1.1", "grades": {"有无": "a"}}),
        "items[0].grades",
        "没有分项",
    ),
    (
        "item scored twice",
        Assessment,
        ASSESSMENT,
        lambda d: d["items"].append({"item": "1.1", "score": "1"}),
        "items[1].item",
        "重复评分",
    ),
    (
        "unknown rubric",
        Assessment,
        ASSESSMENT,
        _set("rubric", "provincial"),
        "rubric",
        "未知评分标准",
    ),
]


@pytest.mark.parametrize(
    ("name", "model", "base", "mutate", "path", "fragment"), CASES, ids=[c[0] for c in CASES]
)
def test_rule_fails_with_path(
    name: str,
    model: type[BaseModel],
    base: dict[str, Any],
    mutate: Mutation,
    path: str,
    fragment: str,
) -> None:
    data = copy.deepcopy(base)
    mutate(data)
    found = problems(model, data)
    assert found, f"{name}: no problem reported"
    matching = [p for p in found if p.path == path]
    assert matching, f"{name}: expected a problem at {path}, got {[str(p) for p in found]}"
    assert any(fragment in p.message for p in matching), [str(p) for p in matching]


@pytest.mark.parametrize(
    "base",
    [PLAN, COMMUNITY, RECORD, PROJECT, DIAGNOSIS, ASSESSMENT],
    ids=["plan", "community", "record", "project", "diagnosis", "assessment"],
)
def test_valid_baselines_pass(base: dict[str, Any]) -> None:
    model = {
        id(PLAN): WorkPlan,
        id(COMMUNITY): Community,
        id(RECORD): InjuryRecord,
        id(PROJECT): PromotionProject,
        id(DIAGNOSIS): DiagnosisReport,
        id(ASSESSMENT): Assessment,
    }[id(base)]
    assert problems(model, copy.deepcopy(base)) == []


def test_passing_variants_of_conditional_rules() -> None:
    # Each conditional rule with its condition met is accepted.
    ok_traffic = {
        **RECORD,
        "cause": "非机动车车祸",
        "place": "公路/街道",
        "activity": "驾乘交通工具",
    }
    ok_drown = {**RECORD, "cause": "溺水", "place": "其他", "body_part": "全身广泛受伤"}
    ok_burn = {**RECORD, "cause": "烧烫伤", "nature": ["烧烫伤", "其他/不清楚"]}
    ok_birth = {**RECORD, "birth_date": "1951-06-01"}
    for data in (ok_traffic, ok_drown, ok_burn, ok_birth):
        assert problems(InjuryRecord, data) == [], data
    key = {
        **PROJECT,
        "key_project": True,
        "lead_unit": "民政办",
        "resources": {"budget": [{"item": "扶手", "amount": "20000"}]},
        "schedule": [{"start": "2025-06", "end": "2025-12", "work": "改造"}],
    }
    assert problems(PromotionProject, key) == []
    na = {
        **ASSESSMENT,
        "items": [{"item": "1.1", "not_applicable": True, "reason": "辖区无此类单位"}],
    }
    assert problems(Assessment, na) == []


def test_budget_total_must_match_lines() -> None:
    with pytest.raises(ValidationError, match="预算合计与明细之和不符"):
        Budget.model_validate(
            {
                "total": "100",
                "lines": [{"item": "a", "amount": "60"}, {"item": "b", "amount": "30"}],
            }
        )
    ok = Budget.model_validate(
        {"total": "90", "lines": [{"item": "a", "amount": "60"}, {"item": "b", "amount": "30"}]}
    )
    assert ok.computed_total == 90


def test_table_rows_match_header() -> None:
    with pytest.raises(ValidationError, match="列数与表头不符"):
        Table.model_validate({"columns": ["a", "b"], "rows": [["1"]]})
    assert Table.model_validate({"columns": ["a", "b"], "rows": [["1", ""]]}).rows == [["1", ""]]


def test_quantified_target_percentage() -> None:
    with pytest.raises(ValidationError, match="0到100"):
        QuantTarget.model_validate({"indicator": "知晓率", "value": "101", "unit": "%"})
    QuantTarget.model_validate(
        {"indicator": "知晓率", "value": "90", "unit": "%", "baseline": "60"}
    )


def test_dossier_rejects_duplicate_ids() -> None:
    data = {
        "community": COMMUNITY,
        "projects": [PROJECT, PROJECT],
        "injury_records": [RECORD, RECORD],
    }
    found = {p.path: p.message for p in problems(Dossier, copy.deepcopy(data))}
    assert "项目标识重复" in found["projects[1].id"]
    assert "卡片编号重复" in found["injury_records[1].card_no"]


def test_rubric_model_refuses_inconsistent_rubrics() -> None:
    city = load_rubric("city").model_dump(mode="json")
    broken = copy.deepcopy(city)
    broken["elements"][0]["items"][0]["points"] = str(
        float(broken["elements"][0]["items"][0]["points"]) + 1
    )
    found = problems(Rubric, broken)
    assert any(p.path == "scale" and "各项分值之和" in p.message for p in found)
    dup = copy.deepcopy(city)
    dup["elements"][1]["items"][0]["id"] = dup["elements"][0]["items"][0]["id"]
    found = problems(Rubric, dup)
    assert any(p.path == "elements[1].items[0].id" and "编号重复" in p.message for p in found)
    gap = copy.deepcopy(city)
    gap["bands"] = [
        {"code": "fail", "label": "不合格", "min": 0, "max": 60, "next_step": "整改"},
        {"code": "ok", "label": "合格", "min": 70, "next_step": "保持"},
    ]
    assert any("空缺" in p.message for p in problems(Rubric, gap))
    overlap = copy.deepcopy(city)
    overlap["bands"] = [
        {"code": "fail", "label": "不合格", "min": 0, "max": 80, "next_step": "整改"},
        {"code": "ok", "label": "合格", "min": 70, "next_step": "保持"},
    ]
    assert any("重叠" in p.message for p in problems(Rubric, overlap))
