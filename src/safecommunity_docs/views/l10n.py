"""Locale-aware numbers, dates and months (babel): zh_CN by default, en for English documents.

zh_CN keeps the Chinese documents' rule of no thousands separator (68240, 2026年11月5日);
en groups thousands and writes dates day-month-year in words (68,240, 5 November 2026).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

DEFAULT_LOCALE = "zh_CN"
LOCALES = ("zh_CN", "en")
"""The locales the documents are written in."""

_DATE = {"zh_CN": "y年M月d日", "en": "d MMMM y"}
_MONTH = {"zh_CN": "y年M月", "en": "MMMM y"}
_GROUPING = {"zh_CN": "", "en": "#,##"}
_RANGE = {"zh_CN": "—", "en": "\u2013"}


@dataclass(frozen=True, slots=True)
class Formatter:
    """Formats values for one locale (``zh_CN`` or ``en``)."""

    locale: str = DEFAULT_LOCALE

    def __post_init__(self) -> None:
        if self.locale not in LOCALES:
            raise ValueError(f"unsupported locale {self.locale!r}; known: {', '.join(LOCALES)}")

    def number(self, value: Decimal | int | float, places: int = 0) -> str:
        """68,240 (en) or 68240 (zh_CN); ``places`` fixed decimals (12.50)."""
        pattern = _GROUPING[self.locale] + "0" + ("." + "0" * places if places else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: Decimal | int | float, places: int = 1) -> str:
        """A value given in percent units: Decimal('22.04') -> 22.0%."""
        return f"{self.number(value, places)}%"

    def date(self, value: date) -> str:
        """5 November 2026 (en), 2026年11月5日 (zh_CN)."""
        return format_date(value, _DATE[self.locale], locale=self.locale)

    def month(self, value: str) -> str:
        """A ``YYYY-MM`` month: March 2025 (en), 2025年3月 (zh_CN)."""
        year, month = value.split("-")
        return format_date(date(int(year), int(month), 1), _MONTH[self.locale], locale=self.locale)

    def span(self, start: str, end: str) -> str:
        """Two texts as a range: March 2025 – December 2026 (en), with the em dash in zh_CN."""
        dash = _RANGE[self.locale]
        return f"{start} {dash} {end}" if self.locale == "en" else f"{start}{dash}{end}"


def formatter(locale: str = DEFAULT_LOCALE) -> Formatter:
    """The formatter of ``locale`` (default zh_CN)."""
    return Formatter(locale)
