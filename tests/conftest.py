"""Shared fixtures: minimal valid inputs for every model, as plain dicts a test can break."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHOWCASE = tuple(EXAMPLES / name for name in ("dongshan-town", "jiangkou-park", "qinghe-street"))
"""The examples whose whole PDF dossier and printed workbooks the layout suite measures page by
page (a street, a township, a park). The others (a jurisdiction pack's, a 复评's) are checked,
built and converted by their own tests: measuring every page of each would cost the suite
about six minutes an example."""

COMMUNITY: dict[str, Any] = {
    "name": "测试街道",
    "type": "街道",
    "parent_jurisdiction": "示例市示例区",
    "area_km2": "3.5",
    "households": 4000,
    "population": {
        "total": 10000,
        "male": 5000,
        "female": 5000,
        "migrant": 1200,
        "disabled": 150,
        "age_bands": [
            {"from_age": 0, "to_age": 14, "male": 800, "female": 750},
            {"from_age": 15, "to_age": 59, "male": 3200, "female": 3150},
            {"from_age": 60, "male": 1000, "female": 1100},
        ],
    },
    "sub_units": ["东社区", "西社区"],
    "target_level": "市级",
    "creation_start": "2025-03-01",
}

PLAN: dict[str, Any] = {
    "title": "测试街道安全社区创建工作计划",
    "issuing_body": "测试街道办事处",
    "issue_date": "2025-03-01",
    "period_start": "2025-03",
    "period_end": "2026-06",
    "organisation": {
        "committee": {"director": {"name": "王一", "position": "主任"}},
        "working_groups": [
            {"name": "交通安全工作组", "leader": {"name": "李二"}, "duties": ["排查道路隐患"]},
        ],
    },
    "phases": [
        {
            "name": "启动阶段",
            "start": "2025-03",
            "end": "2025-05",
            "tasks": [{"text": "成立促进委员会", "owner": "办公室", "deadline": "2025-04-15"}],
        },
        {"name": "实施阶段", "start": "2025-06", "end": "2026-03"},
        {"name": "评定阶段", "start": "2026-04", "end": "2026-06"},
    ],
}

PROJECT: dict[str, Any] = {
    "id": "elderly-falls",
    "title": "老年人防跌倒项目",
    "area": "老年人",
    "start": "2025-06",
    "end": "2026-05",
    "background": ["老年人跌倒占伤害首位。"],
    "purpose": ["降低老年人跌倒发生率。"],
    "target_groups": [{"name": "60岁以上老人", "size": 2100}],
    "targets": [
        {
            "indicator": "跌倒发生率",
            "baseline": "12.5",
            "target": "10",
            "unit": "‰",
            "direction": "不高于",
        }
    ],
    "measures": [
        {
            "type": "环境",
            "content": "加装扶手",
            "start": "2025-07-01",
            "end": "2025-12-31",
            "owner": "社区居委会",
        }
    ],
    "responsibilities": [{"unit": "社区卫生服务中心", "duties": ["开展评估"]}],
    "expected_effects": ["跌倒减少。"],
    "evaluation": [
        {"indicator": "跌倒发生率", "method": "伤害监测数据对比", "standard": "不高于10‰"}
    ],
}

RECORD: dict[str, Any] = {
    "card_no": "T-0001",
    "sex": "女",
    "age": 72,
    "injury_time": "2024-01-05T08:30:00",
    "visit_time": "2024-01-05T09:40:00",
    "report_date": "2024-01-06",
    "cause": "跌倒/坠落",
    "place": "家中",
    "activity": "家务",
    "intent": "非故意",
    "nature": ["骨折"],
    "body_part": "上肢",
    "severity": "中度",
    "outcome": "住院",
}

DIAGNOSIS: dict[str, Any] = {
    "title": "测试街道事故与伤害风险诊断报告",
    "author": "测试街道安全社区创建办公室",
    "report_date": "2026-02-01",
    "data_start": "2023-01-01",
    "data_end": "2025-12-31",
    "purpose": ["查找主要伤害问题。"],
    "scope": ["街道全域。"],
    "methods": ["伤害监测数据分析。"],
    "data_sources": [{"name": "医院首诊登记", "records": 300}],
}

ASSESSMENT: dict[str, Any] = {
    "rubric": "city",
    "assessor": "自评小组",
    "assessed_on": "2026-10-20",
    "items": [{"item": "1.1", "score": "1"}],
}


@pytest.fixture
def community() -> dict[str, Any]:
    """A valid Community as a dict."""
    return copy.deepcopy(COMMUNITY)


@pytest.fixture
def plan() -> dict[str, Any]:
    """A valid WorkPlan as a dict."""
    return copy.deepcopy(PLAN)


@pytest.fixture
def project() -> dict[str, Any]:
    """A valid PromotionProject as a dict."""
    return copy.deepcopy(PROJECT)


@pytest.fixture
def record() -> dict[str, Any]:
    """A valid InjuryRecord as a dict."""
    return copy.deepcopy(RECORD)


@pytest.fixture
def diagnosis() -> dict[str, Any]:
    """A valid DiagnosisReport as a dict."""
    return copy.deepcopy(DIAGNOSIS)


@pytest.fixture
def assessment() -> dict[str, Any]:
    """A valid Assessment (against the city rubric) as a dict."""
    return copy.deepcopy(ASSESSMENT)
