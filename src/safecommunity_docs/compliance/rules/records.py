"""Rules on the injury records and how the diagnosis states them (element 9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ...codes import TRAFFIC_CAUSES, InjuryActivity
from ...codes.cards import CardVersion
from ..context import Context, months_between
from ..findings import Severity
from ..rule import Hit, rule

E, W = Severity.ERROR, Severity.WARNING
CARD_SOURCE = ("伤害监测", "报告卡", "首诊")


def _full_years(ctx: Context) -> int | None:
    d = ctx.dossier.diagnosis
    if d is None:
        return None
    return months_between(d.data_start, d.data_end + timedelta(days=1)) // 12


@rule(
    "SC-E9-001",
    E,
    "没有伤害监测记录",
    "The dossier has no injury records.",
    "AQ/T 9001 §9 事故与伤害记录",
)
def no_records(ctx: Context) -> Iterator[Hit]:
    if not ctx.dossier.injury_records:
        yield Hit("injury_records", "no injuries.csv / injuries.xlsx")


@rule(
    "SC-E9-002",
    E,
    "伤害数据不足一个完整年度",
    "The diagnosis covers less than the minimum full years of injury data.",
    "诊断报告: 至少一年完整伤害数据",
)
def too_short(ctx: Context) -> Iterator[Hit]:
    years = _full_years(ctx)
    if years is not None and years < ctx.options.min_data_years:
        d = ctx.dossier.diagnosis
        assert d is not None
        yield Hit("diagnosis.data_start", f"{d.data_start} to {d.data_end}: {years} full years")


@rule(
    "SC-E9-003",
    W,
    "伤害数据少于三年",
    "The diagnosis covers fewer full years of injury data than recommended (three).",
    "诊断报告: 近三年伤害数据",
)
def short(ctx: Context) -> Iterator[Hit]:
    years = _full_years(ctx)
    if (
        years is not None
        and ctx.options.min_data_years <= years < ctx.options.recommended_data_years
    ):
        d = ctx.dossier.diagnosis
        assert d is not None
        yield Hit("diagnosis.data_start", f"{d.data_start} to {d.data_end}: {years} full years")


@rule(
    "SC-E9-004",
    E,
    "数据来源中填写的记录数与伤害监测记录不符",
    "A data source states a record count that differs from the injury records imported.",
    "one set of numbers across documents",
)
def stated_count(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    have = len(ctx.dossier.injury_records)
    for i, source in enumerate(d.data_sources if d else []):
        is_card = any(word in source.name for word in CARD_SOURCE)
        if is_card and source.records is not None and source.records != have:
            yield Hit(
                f"diagnosis.data_sources[{i}].records",
                f"states {source.records}, {have} records imported",
            )


@rule(
    "SC-E9-005",
    E,
    "伤害记录不在诊断数据期间内",
    "An injury record falls outside the diagnosis's data period.",
    "诊断报告 数据起止日期",
)
def outside_period(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    if d is None:
        return
    for i, record in enumerate(ctx.dossier.injury_records):
        day = record.injury_time.date()
        if not d.data_start <= day <= d.data_end:
            yield Hit(
                f"injury_records[{i}].injury_time",
                f"card {record.card_no}: {day}, period {d.data_start} to {d.data_end}",
            )


@rule(
    "SC-E9-006",
    W,
    "疑似重复的伤害记录",
    "Two injury records look like the same injury.",
    "全国伤害监测报告卡: one card per injury",
)
def duplicates(ctx: Context) -> Iterator[Hit]:
    records = ctx.dossier.injury_records
    for first, later in ctx.stats.duplicates:
        yield Hit(
            f"injury_records[{later}]",
            f"card {records[later].card_no} repeats card {records[first].card_no}",
        )


@rule(
    "SC-E9-007",
    W,
    "2006版报告卡：车祸伤害的活动不是驾乘交通工具",
    "A traffic injury on a 2006 card is not coded as riding or driving a vehicle.",
    "2006版报告卡核查规则 (newer card: a pedestrian hit is 步行, so not checked there)",
)
def traffic_activity(ctx: Context) -> Iterator[Hit]:
    for i, record in enumerate(ctx.dossier.injury_records):
        if (
            record.card_version is CardVersion.V2006
            and record.cause in TRAFFIC_CAUSES
            and record.activity is not InjuryActivity.TRANSPORT
        ):
            yield Hit(
                f"injury_records[{i}].activity",
                f"card {record.card_no}: {record.cause.label}, activity {record.activity.label}",
            )


@rule(
    "SC-E9-008",
    W,
    "伤害涉及产品未填写品牌/型号",
    "A product named on a newer card has no brand or model.",
    "新版报告卡 伤害涉及产品信息: 填写产品名称时须填写品牌/型号",
)
def product_brand(ctx: Context) -> Iterator[Hit]:
    for i, record in enumerate(ctx.dossier.injury_records):
        for k, product in enumerate(record.products):
            if not product.brand_model:
                yield Hit(
                    f"injury_records[{i}].products[{k}].brand_model",
                    f"card {record.card_no}: {product.name}",
                )
