"""zh-CN formatting of dates, months, numbers, amounts, percentages and rates (babel).

One rule for long numbers: **no thousands separator**, in running text and in tables alike
(常住人口68240人, a table cell 68240), so a page never shows 「15,010」 beside 「15010」. Ranges
take the em dash (0—4岁, 2025年3月—5月; :func:`fmt_span`). :func:`nobreak` keeps a number with
its unit, and a date, on one line.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from ..codes.ranges import RANGE_DASH
from ..codes.ranges import fmt_span as fmt_span

LOCALE = "zh_CN"

WORD_JOINER = "\u2060"
"""U+2060: forbids a line break between its neighbours and prints nothing (LibreOffice and
Word both honour it)."""

_UNIT = "(?:%|‰|万元|元|平方公里|公里|米|小时|分钟|人次|[岁年月日时分秒人例起户项个次处份名家所座辆条台套万亿天周倍])"
KEPT_TOGETHER = re.compile(
    rf"\d{{4}}年\d{{1,2}}月(?:\d{{1,2}}日)?{RANGE_DASH}?"  # 2026年6月30日, 2026年6月—
    rf"|\d{{1,2}}月\d{{1,2}}日"  # 6月30日
    rf"|\d+(?:\.\d+)?(?:{RANGE_DASH}\d+(?:\.\d+)?)?{_UNIT}?"  # 58%, 0—4岁, 12.5, 1260
)


def nobreak(text: str) -> str:
    """``text`` with every date (2026年6月30日), number with its unit (58%, 15010人, 0—4岁)
    and number held together by word joiners, so no line break falls inside them."""
    return KEPT_TOGETHER.sub(lambda m: WORD_JOINER.join(m.group(0)), text)


def fmt_date(value: date | datetime) -> str:
    """2026年3月1日: full year, no zero padding (GB/T 9704)."""
    return format_date(value, "y年M月d日", locale=LOCALE)


def fmt_month(value: str) -> str:
    """'2026-03' -> 2026年3月."""
    year, month = value.split("-")
    return f"{int(year)}年{int(month)}月"


def fmt_month_range(start: str, end: str) -> str:
    """2025年3月—2025年5月; a single month when start equals end."""
    if start == end:
        return fmt_month(start)
    return f"{fmt_month(start)}{RANGE_DASH}{fmt_month(end)}"


def fmt_date_range(start: date, end: date, *, stacked: bool = False) -> str:
    """2025年7月1日—2025年12月31日; ``stacked`` breaks the line after the dash (table cells)."""
    return f"{fmt_date(start)}{RANGE_DASH}{chr(10) if stacked else ''}{fmt_date(end)}"


def fmt_number(value: Decimal | int | float, places: int | None = None) -> str:
    """A number without thousands separator (68240, 15010.5); ``places`` fixes the decimals,
    else as given."""
    if places is None:
        number = Decimal(value) if not isinstance(value, Decimal) else value
        text = (
            format(number.normalize(), "f")
            if number == number.to_integral()
            else format(number, "f")
        )
        places = len(text.split(".")[1]) if "." in text else 0
    pattern = "0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def fmt_plain(value: Decimal | int) -> str:
    """A number without grouping or trailing zeros: 12.5, 90, 0.8."""
    number = Decimal(value)
    text = format(number.normalize(), "f")
    return text


def fmt_amount(value: Decimal, style: str = "yuan") -> str:
    """Money in 元: ``yuan`` -> 100000元; ``wan`` -> 10万元 (up to two decimals of 万)."""
    if style == "wan":
        wan = (value / Decimal(10000)).quantize(Decimal("0.01")).normalize()
        return f"{format(wan, 'f')}万元"
    places = 0 if value == value.to_integral() else 2
    return f"{fmt_number(value, places)}元"


def fmt_percent(value: Decimal, places: int = 1) -> str:
    """A percentage given in percent units: Decimal('93.75') -> 93.8%."""
    return f"{fmt_number(value, places)}%"


def fmt_rate(value: Decimal) -> str:
    """A rate per 1,000 always with two decimals, as computed: Decimal('4.2') -> 4.20."""
    return fmt_number(value, 2)


def fmt_value(value: Decimal, unit: str) -> str:
    """A target value with its unit: 90%, 12.5‰, 3起, 200人次."""
    return f"{fmt_plain(value)}{unit}"
