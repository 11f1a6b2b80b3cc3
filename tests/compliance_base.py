"""A small dossier that breaks no compliance rule, as plain dicts a test can break one rule at a time."""

from __future__ import annotations

import copy
import re
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from safecommunity_docs.io import load_rubric
from safecommunity_docs.models import Dossier
from tests.conftest import COMMUNITY

UNITS = [
    "测试街道办事处",
    "测试派出所",
    "测试消防救援站",
    "测试小学",
    "测试社区卫生服务中心",
    "测试物业公司",
]

# (area, title, group word, cause, place, age of the cases)
PROJECTS = [
    ("老年人", "老年人居家防跌倒项目", "60岁以上老年人", "跌倒/坠落", "家中", 72),
    ("儿童", "儿童居家防烫伤项目", "0—14岁儿童", "烧烫伤", "家中", 6),
    ("交通", "电动自行车骑行安全项目", "电动自行车骑行者", "非机动车车祸", "公路/街道", 35),
    ("消防", "楼道火灾防控项目", "老旧小区居民", "刀/锐器伤", "公共居住场所", 40),
    ("学校", "平安校园项目", "在校学生", "钝器伤", "学校与公共场所", 12),
]
CASES_PER_YEAR = 4  # per project kind and year: 3 years x 5 kinds x 4 = 60 records


def _records() -> list[dict[str, Any]]:
    out = []
    n = 0
    for year in (2023, 2024, 2025):
        for k, (_, _, _, cause, place, age) in enumerate(PROJECTS):
            for i in range(CASES_PER_YEAR):
                n += 1
                when = datetime(year, 1 + (k * 2 + i) % 12, 3 + i * 5, 8 + k, 15)
                died = year == 2024 and k == 2 and i == 0
                out.append(
                    {
                        "card_no": f"T{n:04d}",
                        "sex": "男" if i % 2 else "女",
                        "age": age + i,
                        "injury_time": when.isoformat(),
                        "visit_time": (when + timedelta(hours=1)).isoformat(),
                        "report_date": when.date().isoformat(),
                        "cause": cause,
                        "place": place,
                        "activity": "休闲活动",
                        "intent": "非故意",
                        "nature": ["烧烫伤"] if cause == "烧烫伤" else ["挫伤、擦伤"],
                        "body_part": "上肢",
                        "severity": "重度" if died else "轻度",
                        "outcome": "死亡" if died else "处理后离院",
                    }
                )
    return out


def _project(k: int) -> dict[str, Any]:
    area, title, group, _, _, _ = PROJECTS[k]
    indicator = {0: "老年人跌倒伤害就诊人次", 1: "儿童烧烫伤伤害就诊人次"}.get(
        k, f"{title.removesuffix('项目')}知晓率"
    )
    baseline = CASES_PER_YEAR if k < 2 else 40
    unit = "人次" if k < 2 else "%"
    owner = UNITS[k + 1]
    return {
        "id": f"p{k + 1}",
        "title": title,
        "area": area,
        "key_project": k == 0,
        "lead_unit": owner,
        "start": "2025-06",
        "end": "2026-08",
        "background": [f"{group}伤害较多。"],
        "purpose": ["减少伤害。"],
        "target_groups": [{"name": group, "size": 500}],
        "targets": [
            {
                "indicator": indicator,
                "baseline": baseline,
                "baseline_year": 2024,
                "target": 2 if k < 2 else 80,
                "unit": unit,
                "direction": "不高于" if k < 2 else "达到",
            }
        ],
        "measures": [
            {
                "type": "宣传",
                "content": "入户宣传",
                "start": "2025-06-01",
                "end": "2025-12-31",
                "owner": owner,
            },
            {
                "type": "环境",
                "content": "改造环境",
                "start": "2025-07-01",
                "end": "2026-06-30",
                "owner": owner,
            },
        ],
        "responsibilities": [{"unit": owner, "duties": ["牵头实施"]}],
        "resources": {
            "personnel": ["专职人员2名"],
            "budget": [{"item": "宣传材料", "amount": 10000}],
        },
        "schedule": [
            {"start": "2025-06", "end": "2026-06", "work": "组织实施"},
            {"start": "2026-07", "end": "2026-08", "work": "效果评估"},
        ],
        "expected_effects": ["伤害减少。"],
        "evaluation": [{"indicator": indicator, "method": "前后对比", "standard": "达到目标"}],
    }


@cache
def _assessment_items() -> tuple[dict[str, Any], ...]:
    rubric = load_rubric("city")
    return tuple(
        {"item": item.id, "score": str(item.points), "evidence": ["会议纪要"]}
        for _, item in rubric.items()
    )


def clean() -> dict[str, Any]:
    """A fresh copy of the clean dossier as a dict."""
    names = "、".join(title.removesuffix("项目") for _, title, *_ in PROJECTS)
    person = [{"name": f"成员{i}", "position": "主任", "unit": u} for i, u in enumerate(UNITS)]
    groups = [
        {
            "name": f"{area}安全工作组",
            "area": area,
            "leader": {"name": f"组长{i}"},
            "members": [{"name": f"组员{i}"}],
            "duties": ["组织实施项目"],
            "meeting_rule": "每月召开例会",
        }
        for i, (area, *_) in enumerate(PROJECTS)
    ]
    return copy.deepcopy(
        {
            "community": {
                **COMMUNITY,
                "history": [
                    "2025年3月，街道启动安全社区创建工作。辖区面积3.5平方公里，下辖2个社区，"
                    "常住人口10000人。"
                ],
            },
            "work_plan": {
                "title": "测试街道安全社区创建工作计划（2025—2026年）",
                "issuing_body": "测试街道办事处",
                "issue_date": "2025-03-01",
                "period_start": "2025-03",
                "period_end": "2026-12",
                "preamble": [f"实施5个安全促进项目，其中重点项目1个：{names}。"],
                "objectives": {
                    "targets": [
                        {
                            "indicator": "居民安全知识知晓率",
                            "direction": "不低于",
                            "value": 85,
                            "unit": "%",
                            "baseline": 58,
                            "baseline_year": 2024,
                        },
                        {
                            "indicator": "火灾起数",
                            "direction": "下降",
                            "value": 40,
                            "unit": "%",
                            "baseline": 14,
                            "baseline_unit": "起",
                            "baseline_year": 2024,
                        },
                    ]
                },
                "organisation": {
                    "committee": {
                        "director": person[0],
                        "members": person[1:],
                        "duties": ["统筹创建工作"],
                        "meeting_rule": "每季度召开全体会议",
                    },
                    "office": {"director": {"name": "办公室主任"}},
                    "working_groups": groups,
                },
                "phases": [
                    {"name": "启动准备阶段", "start": "2025-03", "end": "2025-05"},
                    {"name": "组织实施阶段", "start": "2025-06", "end": "2026-08"},
                    {"name": "申报评定阶段", "start": "2026-09", "end": "2026-12"},
                ],
                "budget": {"total": 1000000},
            },
            "diagnosis": {
                "title": "测试街道事故与伤害风险诊断报告（2023—2025年）",
                "author": "测试街道安全社区创建办公室",
                "report_date": "2026-01-20",
                "data_start": "2023-01-01",
                "data_end": "2025-12-31",
                "purpose": ["分析2023—2025年伤害监测数据。"],
                "scope": ["社会治安、交通、学校、消防、居家及老年人、涉水、工作场所、公共场所。"],
                "methods": ["描述性统计。"],
                "data_sources": [{"name": "伤害监测报告卡", "records": 60}],
                "hazard_units": [
                    {
                        "unit": "道路交通",
                        "hazards": [
                            {
                                "description": "路口无信号灯",
                                "deadline": "2026-06-30",
                                "rectified": True,
                            }
                        ],
                    }
                ],
                "surveys": [
                    {
                        "name": "居民安全知信行问卷调查",
                        "kind": "知信行",
                        "method": "抽样",
                        "conducted": "2025-02-10",
                        "sample_size": 500,
                        "results": [{"indicator": "居民安全知识知晓率", "value": 58}],
                    }
                ],
                "conclusions": {
                    "high_risk_groups": ["老年人"],
                    "high_risk_environments": ["家中"],
                    "vulnerable_groups": ["儿童"],
                    "key_problems": ["交通伤害，有1人死亡"],
                    "key_groups": ["老年人", "儿童"],
                    "key_places": ["家中", "道路"],
                    "safety_needs": ["适老化改造"],
                },
            },
            "projects": [_project(k) for k in range(len(PROJECTS))],
            "assessment": {
                "assessor": "自评小组",
                "assessed_on": "2026-09-20",
                "items": list(_assessment_items()),
            },
            "application": {
                "addressee": "示例市安委办",
                "applicant": "测试街道办事处",
                "submitted_on": "2026-09-25",
                "body": ["自评总分100分，现申请市级安全社区评定。"],
            },
            "injury_records": _records(),
        }
    )


def dossier(data: dict[str, Any] | None = None) -> Dossier:
    """Validate ``data`` (default: the clean dossier) into a Dossier."""
    return Dossier.model_validate(clean() if data is None else data)


BROKEN_RULES = ("SC-E1-006", "SC-E1-010", "SC-E3-012", "SC-E4-007", "SC-E5-004")
"""Rules :func:`broken` breaks: errors in elements 3 and 4, warnings in 1 and 5, an info in 1."""


def broken() -> dict[str, Any]:
    """The clean dossier with :data:`BROKEN_RULES` broken, one finding each."""
    from tests.unit.compliance.cases import CASES

    data = clean()
    for rule in BROKEN_RULES:
        CASES[rule][0](data)
    return data


def write_dossier(folder: Path, data: dict[str, Any], name: str = "dossier.yaml") -> Path:
    """Write ``data`` as one dossier YAML file in ``folder`` (created) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def yaml_line(path: Path, field: str) -> int:
    """The 1-based line of the key or list item at field path ``field`` in the YAML file
    ``path``, read with PyYAML's own node marks (independent of the library's loader)."""
    node = yaml.compose(path.read_text(encoding="utf-8"))
    line = 1
    for index, key in re.findall(r"\[(\d+)\]|([^.\[\]]+)", field):
        if index:
            node = node.value[int(index)]
            line = node.start_mark.line + 1
        else:
            key_node, node = next((k, v) for k, v in node.value if k.value == key)
            line = key_node.start_mark.line + 1
    return line


def acknowledge_blocking(folder: Path, reason: str) -> None:
    """Write ``options.yaml`` into the community ``folder`` acknowledging, with ``reason``,
    every rule with an unacknowledged error in it: a partial dossier (a plan alone, for a font
    test) then builds with ``--strict``, its findings recorded as accepted."""
    from safecommunity_docs.compliance import check
    from safecommunity_docs.io import load

    rules = check(load(folder)).blocking.rules
    options = {"acknowledged": [{"rule": rule, "reason": reason} for rule in rules]}
    (folder / "options.yaml").write_text(
        yaml.safe_dump(options, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
