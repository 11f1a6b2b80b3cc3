"""Rules keeping one name, one population, one set of numbers across documents (element 10)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...codes import TargetLevel
from ..context import Context
from ..findings import Severity
from ..rule import Hit, rule
from ..textfacts import matches_quote, quoted_values

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SUB_UNITS = re.compile(r"下辖([^。；，]*)")
COUNT = re.compile(r"(\d+)\s*个")
LEVEL_WORDS = {
    TargetLevel.DISTRICT: ("区级",),
    TargetLevel.COUNTY: ("县级",),
    TargetLevel.CITY: ("市级",),
    TargetLevel.PROVINCE: ("省级",),
    TargetLevel.NATIONAL: ("国家级", "全国安全社区"),
    TargetLevel.INTERNATIONAL: ("国际安全社区",),
}
START = re.compile(
    r"((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?[，,]?([^。；]{0,30}?启动[^。；，]{0,12}创建)"
)


@rule(
    "SC-E10-002",
    E,
    "文件标题或署名单位与社区名称不一致",
    "A document's title or issuing body does not carry the community's name.",
    "one community name across documents",
)
def community_name(ctx: Context) -> Iterator[Hit]:
    d, name = ctx.dossier, ctx.dossier.community.name
    fields: list[tuple[str, str | None]] = []
    if d.work_plan is not None:
        fields += [
            ("work_plan.title", d.work_plan.title),
            ("work_plan.issuing_body", d.work_plan.issuing_body),
        ]
    if d.diagnosis is not None:
        fields += [("diagnosis.title", d.diagnosis.title), ("diagnosis.author", d.diagnosis.author)]
    if d.application is not None:
        fields += [
            ("application.title", d.application.title),
            ("application.applicant", d.application.applicant),
        ]
    for path, text in fields:
        if text is not None and name not in text:
            yield Hit(path, f"'{text}' does not name {name}")


@rule(
    "SC-E10-003",
    E,
    "文中的常住人口与社区概况不符",
    "A resident population quoted in the text differs from the community profile.",
    "one population across documents",
)
def population(ctx: Context) -> Iterator[Hit]:
    total = Decimal(ctx.dossier.community.population.total)
    for path, text in ctx.texts():
        for value, step in quoted_values(text, "常住人口", "人"):
            if not matches_quote(total, value, step):
                yield Hit(path, f"text says {value}, population.total is {total}")


@rule(
    "SC-E10-004",
    E,
    "文中的下辖社区/村数量与社区概况不符",
    "A number of sub-units quoted in the text differs from the community's sub_units.",
    "one set of numbers across documents",
)
def sub_unit_count(ctx: Context) -> Iterator[Hit]:
    have = len(ctx.dossier.community.sub_units)
    if not have:
        return
    for path, text in ctx.texts():
        for clause in SUB_UNITS.finditer(text):
            numbers = [int(n) for n in COUNT.findall(clause.group(1))]
            if numbers and sum(numbers) != have:
                yield Hit(path, f"text says 下辖{clause.group(1)}; sub_units lists {have}")


@rule(
    "SC-E10-005",
    E,
    "文中的辖区面积与社区概况不符",
    "An area quoted in the text differs from the community profile.",
    "one set of numbers across documents",
)
def area(ctx: Context) -> Iterator[Hit]:
    actual = ctx.dossier.community.area_km2
    for path, text in ctx.texts():
        for value, step in quoted_values(text, "面积", "平方公里|km2|km²"):
            if not matches_quote(actual, value, step):
                yield Hit(path, f"text says {value} 平方公里, area_km2 is {actual}")


@rule("SC-E10-008", INFO, "缺少评定申请书", "The dossier has no application.", "评定申请书")
def no_application(ctx: Context) -> Iterator[Hit]:
    if ctx.dossier.application is None:
        yield Hit("application", "no application.yaml")


@rule(
    "SC-E10-009",
    W,
    "申请单位与计划发文单位不一致",
    "The applicant differs from the body that issued the plan.",
    "one community name across documents",
)
def applicant(ctx: Context) -> Iterator[Hit]:
    app, plan = ctx.dossier.application, ctx.dossier.work_plan
    if app is not None and plan is not None and app.applicant != plan.issuing_body:
        yield Hit("application.applicant", f"'{app.applicant}' vs plan '{plan.issuing_body}'")


@rule(
    "SC-E10-011",
    E,
    "申请书中的申报级别与社区概况不符",
    "The application names a level other than the community's target level.",
    "评定申请书; 申报级别",
)
def application_level(ctx: Context) -> Iterator[Hit]:
    level = ctx.dossier.community.target_level
    for path, text in ctx.texts("application"):
        for other, words in LEVEL_WORDS.items():
            if other is not level and any(
                f"申请{w}" in text or f"评定{w}" in text or f"申报{w}" in text for w in words
            ):
                yield Hit(path, f"names {other.label}, target_level is {level.label}")


@rule(
    "SC-E10-012",
    W,
    "文中的创建启动时间与社区概况不符",
    "A creation start quoted in the text differs from community.creation_start.",
    "one set of dates across documents",
)
def creation_start(ctx: Context) -> Iterator[Hit]:
    start = ctx.dossier.community.creation_start
    for path, text in ctx.texts():
        for m in START.finditer(text):
            if any(w in m.group(3) for w in ("决定", "计划", "拟", "筹备")):
                continue
            if (int(m.group(1)), int(m.group(2))) != (start.year, start.month):
                yield Hit(path, f"text says {m.group(1)}年{m.group(2)}月, creation_start {start}")
