"""Rules on the risk diagnosis: coverage, conclusions, sources, dates (element 3)."""

from __future__ import annotations

from collections.abc import Iterator

from ...codes import Outcome
from ..context import Context
from ..decode import group_count, place_count
from ..findings import Severity
from ..rule import Hit, rule
from ..textfacts import YEAR_RANGE, data_date_ranges

E, W = Severity.ERROR, Severity.WARNING
CONCLUSIONS = "diagnosis.conclusions"
TWO_HIGH = {
    "high_risk_groups": "高危人群",
    "high_risk_environments": "高风险环境",
    "vulnerable_groups": "脆弱群体",
}
THREE_KEY = {
    "key_problems": "重点问题",
    "key_groups": "重点人群",
    "key_places": "重点场所",
    "safety_needs": "安全需求",
}


@rule(
    "SC-E3-001",
    E,
    "缺少事故与伤害风险诊断报告",
    "The dossier has no risk diagnosis report.",
    "AQ/T 9001 §3 事故与伤害风险辨识及其评价",
)
def no_diagnosis(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.diagnosis is None:
        yield Hit("diagnosis", "no diagnosis.yaml")


@rule(
    "SC-E3-002",
    E,
    "诊断未覆盖规定领域",
    "The diagnosis does not cover a required area.",
    "AQ/T 9001 §3; 诊断范围（社会治安、交通、学校、消防、家居及老年人、涉水、工作场所、公共场所）",
)
def areas_covered(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.diagnosis is None:
        return
    text = ctx.text_of("diagnosis")
    for area in ctx.options.required_areas:
        groups = ctx.options.area_keywords.get(area, ((area,),))
        if not all(any(word in text for word in words) for words in groups):
            yield Hit("diagnosis.scope", f"area {area} is not covered")


def _lists(ctx: Context, names: dict[str, str]) -> Iterator[Hit]:
    diagnosis = ctx.dossier.diagnosis
    if diagnosis is None:
        return
    for field, label in names.items():
        if not getattr(diagnosis.conclusions, field):
            yield Hit(f"{CONCLUSIONS}.{field}", f"no {label}")


@rule(
    "SC-E3-003",
    E,
    "诊断结论未明确“两高一脆弱”",
    "The conclusions do not name the high-risk "
    "groups, high-risk environments and vulnerable groups.",
    "诊断报告 两高一脆弱",
)
def two_high(ctx: Context) -> Iterator[Hit]:
    yield from _lists(ctx, TWO_HIGH)


@rule(
    "SC-E3-004",
    W,
    "诊断结论未明确“三重点一需求”",
    "The conclusions do not name the key problems, groups, places and safety needs.",
    "诊断报告 三重点一需求",
)
def three_key(ctx: Context) -> Iterator[Hit]:
    yield from _lists(ctx, THREE_KEY)


@rule(
    "SC-E3-005",
    E,
    "重点人群缺少伤害数据支持",
    "A named key group has too few injury records to support it.",
    "诊断报告: 用数据说话; minimum case count",
)
def key_groups_supported(ctx: Context) -> Iterator[Hit]:
    diagnosis = ctx.dossier.diagnosis
    if diagnosis is None:
        return
    for i, text in enumerate(diagnosis.conclusions.key_groups):
        n = group_count(text, ctx.dossier.injury_records)
        if n is not None and n < ctx.options.min_case_count:
            yield Hit(
                f"{CONCLUSIONS}.key_groups[{i}]",
                f"{text}: {n} records, at least {ctx.options.min_case_count} expected",
            )


@rule(
    "SC-E3-006",
    E,
    "重点场所缺少伤害数据支持",
    "A named key place has too few injury records to support it.",
    "诊断报告: 用数据说话; minimum case count",
)
def key_places_supported(ctx: Context) -> Iterator[Hit]:
    diagnosis = ctx.dossier.diagnosis
    if diagnosis is None:
        return
    units = ctx.dossier.community.sub_units
    for i, text in enumerate(diagnosis.conclusions.key_places):
        n = place_count(text, ctx.dossier.injury_records, units)
        if n is not None and n < ctx.options.min_case_count:
            yield Hit(
                f"{CONCLUSIONS}.key_places[{i}]",
                f"{text}: {n} records, at least {ctx.options.min_case_count} expected",
            )


@rule(
    "SC-E3-007",
    E,
    "诊断报告中的数据期间与数据起止日期不符",
    "A period written in the diagnosis differs from its data_start/data_end.",
    "one set of dates across documents",
)
def period_text(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    if d is None:
        return
    expected = (str(d.data_start.year), str(d.data_end.year))
    for path, text in ctx.texts("diagnosis"):
        if path.split(".")[1].split("[")[0] not in ("title", "purpose", "scope", "methods"):
            continue
        for m in YEAR_RANGE.finditer(text):
            if (m.group(1), m.group(2)) != expected:
                yield Hit(path, f"text says {m.group(0)}, data {d.data_start} to {d.data_end}")
        for written, start, end in data_date_ranges(text):
            if (start, end) != (d.data_start, d.data_end):
                yield Hit(path, f"text says {written}, data {d.data_start} to {d.data_end}")


@rule(
    "SC-E3-008",
    E,
    "未分析的数据来源没有说明原因",
    "A data source marked as not analysed gives no reason.",
    "诊断报告 数据来源",
)
def source_reason(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    for i, source in enumerate(d.data_sources if d else []):
        if not source.analysed and source.not_analysed_reason is None:
            yield Hit(f"diagnosis.data_sources[{i}].not_analysed_reason", source.name)


@rule(
    "SC-E3-009",
    W,
    "诊断报告未分析伤害死亡情况",
    "The injury records contain deaths the diagnosis never discusses.",
    "诊断报告: 伤害结局",
)
def deaths_discussed(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    deaths = sum(1 for r in ctx.dossier.injury_records if r.outcome is Outcome.DIED)
    if d is not None and deaths and "死亡" not in ctx.text_of("diagnosis"):
        yield Hit(CONCLUSIONS, f"{deaths} deaths in the records")


@rule(
    "SC-E3-010",
    E,
    "诊断报告日期早于其引用的调查",
    "The diagnosis is dated before a survey it reports.",
    "档案真实性: no document dated before what it cites",
)
def report_before_survey(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    for i, survey in enumerate(d.surveys if d else []):
        assert d is not None
        if survey.conducted is not None and survey.conducted > d.report_date:
            yield Hit(
                f"diagnosis.surveys[{i}].conducted",
                f"{survey.name} held {survey.conducted}, report dated {d.report_date}",
            )


@rule(
    "SC-E3-011",
    W,
    "未开展危险源辨识和隐患排查",
    "The diagnosis lists no hazard survey.",
    "AQ/T 9001 §3 危险源辨识、隐患排查",
)
def no_hazards(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    if d is not None and not d.hazard_units:
        yield Hit("diagnosis.hazard_units", "no hazard unit")


@rule(
    "SC-E3-012",
    E,
    "申请前到期的隐患未整改也未说明",
    "A hazard whose deadline passed before the application is neither rectified nor explained.",
    "AQ/T 9001 §11 预防与纠正措施",
)
def overdue_hazards(ctx: Context) -> Iterator[Hit]:
    d, app = ctx.dossier.diagnosis, ctx.dossier.application
    if d is None or app is None:
        return
    for i, unit in enumerate(d.hazard_units):
        for j, hazard in enumerate(unit.hazards):
            late = hazard.deadline is not None and hazard.deadline < app.submitted_on
            if late and not hazard.rectified and hazard.note is None:
                yield Hit(
                    f"diagnosis.hazard_units[{i}].hazards[{j}].deadline",
                    f"{hazard.description[:30]}: deadline {hazard.deadline}, "
                    f"application {app.submitted_on}",
                )


@rule(
    "SC-E3-013",
    W,
    "未开展知信行调查",
    "The diagnosis reports no knowledge-attitude-practice survey.",
    "诊断报告 知信行及满意度调查",
)
def no_kap_survey(ctx: Context) -> Iterator[Hit]:
    d = ctx.dossier.diagnosis
    if d is not None and not any(s.kind == "知信行" or "知信行" in s.name for s in d.surveys):
        yield Hit("diagnosis.surveys", "no survey of kind 知信行")
