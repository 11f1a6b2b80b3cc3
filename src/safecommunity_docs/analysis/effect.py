"""Effect evaluation of a promotion project: the rate ratio of the follow-up period against the
baseline, with its 95 % confidence interval (WHO's evaluation indicator for Safe Communities).

The ratio is ``(a / Ta) / (b / Tb)`` for ``a`` injuries over ``Ta`` person-years after the
project started and ``b`` over ``Tb`` before; its interval is ``exp(ln RR ± z·√(1/a + 1/b))``
(the usual large-sample interval for a ratio of Poisson rates). With a zero count 0.5 is added
to both counts (Haldane's correction) and the result says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

Z95 = 1.959963984540054
"""The standard normal quantile of a two-sided 95 % interval."""


@dataclass(frozen=True, slots=True)
class RateRatio:
    """The follow-up rate over the baseline rate, its 95 % interval and what it supports.

    ``change`` is the change of the rate in % (negative: fewer injuries); ``significant`` is
    true when the interval excludes 1; ``corrected`` when a zero count needed the 0.5
    correction. Rates are per 1,000 person-years.
    """

    baseline_count: int
    baseline_person_years: Decimal
    followup_count: int
    followup_person_years: Decimal
    baseline_rate: Decimal
    followup_rate: Decimal
    ratio: Decimal
    low: Decimal
    high: Decimal
    change: Decimal
    significant: bool
    corrected: bool = False


def _q(value: float, places: str = "0.01") -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def rate_ratio(
    followup_count: int,
    followup_person_years: Decimal | int,
    baseline_count: int,
    baseline_person_years: Decimal | int,
    z: float = Z95,
) -> RateRatio:
    """The rate ratio of ``followup_count`` injuries over ``followup_person_years`` against
    ``baseline_count`` over ``baseline_person_years``; ``ValueError`` for a negative count or
    an exposure that is not positive."""
    if followup_count < 0 or baseline_count < 0:
        raise ValueError("injury counts cannot be negative")
    if followup_person_years <= 0 or baseline_person_years <= 0:
        raise ValueError("person-years must be positive")
    corrected = followup_count == 0 or baseline_count == 0
    a = followup_count + (0.5 if corrected else 0)
    b = baseline_count + (0.5 if corrected else 0)
    ta, tb = float(followup_person_years), float(baseline_person_years)
    ratio = (a / ta) / (b / tb)
    spread = z * math.sqrt(1 / a + 1 / b)
    low, high = ratio * math.exp(-spread), ratio * math.exp(spread)
    return RateRatio(
        baseline_count=baseline_count,
        baseline_person_years=Decimal(baseline_person_years),
        followup_count=followup_count,
        followup_person_years=Decimal(followup_person_years),
        baseline_rate=_q(baseline_count / tb * 1000),
        followup_rate=_q(followup_count / ta * 1000),
        ratio=_q(ratio),
        low=_q(low),
        high=_q(high),
        change=_q((ratio - 1) * 100, "0.1"),
        significant=high < 1 or low > 1,
        corrected=corrected,
    )
