"""Target measurement (衡量方式): validation, and what the 创建成效 says when a result cannot be
computed (no baseline year, no evaluation survey, no measurement) instead of inventing one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

import safecommunity_docs
from safecommunity_docs.analysis.outcomes import outcomes
from safecommunity_docs.models.outcome import Measurement
from safecommunity_docs.views.results import target_sentence
from tests.conftest import EXAMPLES


def test_a_measurement_names_exactly_one_source() -> None:
    with pytest.raises(ValidationError, match="records、survey、reported之一"):
        Measurement.model_validate({"records": {}, "reported": {"value": 1, "source": "台账"}})
    with pytest.raises(ValidationError, match="截止年龄小于起始年龄"):
        Measurement.model_validate({"records": {"age_from": 60, "age_to": 14}})


def _plan_target(update: dict[str, Any]) -> Any:
    dossier = safecommunity_docs.load(EXAMPLES / "qinghe-street")
    assert dossier.work_plan is not None
    assert dossier.work_plan.objectives is not None
    target = dossier.work_plan.objectives.targets[2]  # 60岁以上老年人跌倒 下降15%
    changed = target.model_validate({**target.model_dump(), **update})
    objectives = dossier.work_plan.objectives.model_copy(update={"targets": [changed]})
    plan = dossier.work_plan.model_copy(update={"objectives": objectives})
    return outcomes(dossier.model_copy(update={"work_plan": plan, "projects": []})).plan[0]


def test_a_change_without_a_baseline_year_is_not_evaluated() -> None:
    found = _plan_target({"baseline_year": None})
    assert found.met is None
    assert found.result == Decimal(37)
    assert "未填写基线年份，本报告不作评价。" in target_sentence(found)


def test_a_rate_is_per_thousand_of_the_age_group() -> None:
    measure = {"records": {"causes": ["跌倒/坠落"], "age_from": 60, "rate": True}}
    found = _plan_target({"measure": measure})
    dossier = safecommunity_docs.load(EXAMPLES / "qinghe-street")
    older = sum(b.total for b in dossier.community.population.age_bands if b.from_age >= 60)
    assert found.value_unit == "‰"
    assert found.result == (Decimal(37) * 1000 / older).quantize(Decimal("0.01"))
    assert found.met is True


def test_a_survey_target_without_an_evaluation_survey_is_not_evaluated() -> None:
    dossier = safecommunity_docs.load(EXAMPLES / "qinghe-street")
    assert dossier.assessment is not None
    bare = dossier.model_copy(
        update={"assessment": dossier.assessment.model_copy(update={"surveys": []})}
    )
    first = outcomes(bare).plan[0]
    assert first.met is None
    assert first.baseline == Decimal("63.5")
    assert target_sentence(first) == (
        "居民安全知识知晓率（目标为不低于85%，2025年7月基线调查为63.5%）："
        "尚无效果评估调查结果，本报告不作评价。"
    )


def test_no_measurement_no_verdict() -> None:
    found = _plan_target({"measure": None})
    assert found.met is None
    assert "没有可据以计算的监测、调查或台账数据" in target_sentence(found)
    assert found.source == "none"
