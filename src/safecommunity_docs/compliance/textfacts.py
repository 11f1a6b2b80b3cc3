"""Facts quoted in free text: numbers with their units, year ranges, levels and phase kinds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation

YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*[—–\-－~至到]+\s*((?:19|20)\d{2})\s*年")
DATE_RANGE = re.compile(
    r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*[—–\-－~至到]+\s*"
    r"(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日"
)
"""A full-date range 「2023年1月1日至2025年12月31日」 (the second year may be left out)."""
DATA_WORDS = ("数据", "监测", "伤害", "病例", "时段", "期间")
OTHER_PERIODS = ("调查", "排查", "辨识", "问卷", "走访", "检查")

PREPARATION = ("准备", "启动", "筹备", "动员", "宣传发动")
APPLICATION = ("申报", "申请", "评定", "验收", "命名")
EVALUATION = ("评估", "评价", "验收", "总结")
RATE_WORDS = ("率", "比例", "占比", "比重", "覆盖面", "满意度")
REAPPLICATION = ("复评", "重新申请", "再次申请", "复审", "重新申报")
_CLAUSE = re.compile(r"[。；;，,！!？?\n]")
_TITLE_REQUEST = re.compile(r"申请.{0,12}(?:评定|命名|验收)|申报.{0,12}安全社区")
_NOT_NOW = ("不申请", "暂缓", "暂不", "不申报", "后再", "再申请", "届时", "下一年度", "次年")
_WORK_ASSESSED = ("创建工作", "考核")


def number(text: str) -> Decimal | None:
    """Parse ``text`` as a decimal number (commas allowed), or ``None``."""
    try:
        return Decimal(text.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def quoted_values(text: str, lead: str, unit: str) -> list[tuple[Decimal, Decimal]]:
    """Numbers stated as ``{lead}…{n}[万]{unit}``: ``(value, precision)`` pairs.

    ``lead`` is a regex for the words before the number (e.g. ``常住人口``), ``unit`` one for the
    unit after it. A value in 万 is multiplied out; its precision is what a rounded quote allows.
    """
    found = []
    pattern = re.compile(
        rf"(?:{lead})(?:为|约|共|达|有|计|总数)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万)?\s*(?:{unit})"
    )
    for match in pattern.finditer(text):
        value = number(match.group(1))
        if value is None:
            continue
        step = Decimal(1).scaleb(value.as_tuple().exponent)  # type: ignore[arg-type]
        if match.group(2):
            value, step = value * 10000, step * 10000
        found.append((value, step))
    return found


def matches_quote(actual: Decimal, quoted: Decimal, step: Decimal) -> bool:
    """Whether ``quoted`` (given to ``step``) is ``actual`` written to that precision."""
    return abs(actual - quoted) <= step / 2


def is_rate(indicator: str) -> bool:
    """Whether an indicator is itself a rate or share (its baseline is naturally in %)."""
    return any(word in indicator for word in RATE_WORDS)


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``words``."""
    return any(word in text for word in words)


def asks_for_title(text: str) -> bool:
    """Whether ``text`` (an application's title and body) asks now to be named a safe community.

    A clause asks for the title when it requests 评定/命名/验收 of the community, unless it asks
    for the creation work to be assessed (创建工作…考核/评定), declines or postpones the request
    (不申请, 暂缓, …后再申请), or asks for a re-assessment (复评, 重新申请).
    """
    for clause in _CLAUSE.split(text):
        if not _TITLE_REQUEST.search(clause):
            continue
        if has_any(clause, _NOT_NOW + _WORK_ASSESSED + REAPPLICATION):
            continue
        return True
    return False


def data_date_ranges(text: str) -> Iterator[tuple[str, date, date]]:
    """Full-date ranges ``(as written, start, end)`` that ``text`` gives for its data: in a
    clause that speaks of data, records or the monitoring period, not of a survey's dates."""
    for clause in _CLAUSE.split(text):
        if not has_any(clause, DATA_WORDS) or has_any(clause, OTHER_PERIODS):
            continue
        for m in DATE_RANGE.finditer(clause):
            y1, m1, d1, y2, m2, d2 = m.groups()
            try:
                start = date(int(y1), int(m1), int(d1))
                end = date(int(y2 or y1), int(m2), int(d2))
            except ValueError:
                continue
            yield m.group(0), start, end
