"""The diagnosis states its data period as data_start—data_end (as its title does), and says so
when the records' first and last dates differ; SC-E3-007 compares written dates with that period."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from safecommunity_docs import load
from safecommunity_docs.build import context_for
from safecommunity_docs.compliance import check
from safecommunity_docs.kinds.diagnosis_report import KIND
from safecommunity_docs.models import Dossier
from tests.compliance_base import clean, dossier
from tests.conftest import EXAMPLES


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _period_paragraph(d: Dossier) -> str:
    assert d.diagnosis is not None
    data = KIND.render(d.diagnosis, "docx", context_for(d))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    (text,) = [t for t in paragraphs if "共收集伤害病例" in t]
    return text


def test_the_example_states_its_period_and_the_records_dates() -> None:
    d = load(EXAMPLES / "qinghe-street")
    assert d.diagnosis is not None
    days = [r.injury_time.date() for r in d.injury_records]
    first, last = min(days), max(days)
    assert (first, last) != (d.diagnosis.data_start, d.diagnosis.data_end)
    text = _period_paragraph(d)
    assert text.startswith(
        f"监测数据时间范围为{_cn(d.diagnosis.data_start)}至{_cn(d.diagnosis.data_end)}，"
        f"共收集伤害病例{len(d.injury_records)}例（病例的伤害发生日期为{_cn(first)}至{_cn(last)}）"
    )


def test_records_spanning_the_period_need_no_second_range() -> None:
    data = clean()
    days = sorted(r.injury_time.date() for r in dossier(data).injury_records)
    data["diagnosis"]["data_start"] = days[0].isoformat()
    data["diagnosis"]["data_end"] = days[-1].isoformat()
    text = _period_paragraph(dossier(data))
    assert text.startswith(
        f"监测数据时间范围为{_cn(days[0])}至{_cn(days[-1])}，共收集伤害病例{len(days)}例，"
    )
    assert "伤害发生日期" not in text


@pytest.mark.parametrize(
    ("methods", "paths"),
    [
        (["伤害监测数据时段为2023年1月1日至2025年12月30日。"], ["diagnosis.methods[0]"]),
        (["伤害监测数据时段为2023年1月1日至2025年12月31日。"], []),
        (["问卷调查于2025年11月1日至11月15日进行。"], []),
    ],
)
def test_written_data_dates_must_be_the_stated_period(methods: list[str], paths: list[str]) -> None:
    data = clean()
    data["diagnosis"]["methods"] = methods
    found = check(dossier(data)).filter(rule="SC-E3-007")
    assert [f.path for f in found] == paths
