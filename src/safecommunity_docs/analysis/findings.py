"""Findings for 两高一脆弱 and 三重点一需求, each derived from the statistics by a documented rule.

Every :class:`Finding` names its category, its subject, the rule that produced it (an id from
the list below), a ``value`` and a ``reference`` that support it, and their ``unit`` (``‰`` for
rates per 1,000 residents per year, ``%`` for shares). Thresholds live in :class:`FindingRules`.
Comparisons are exact (integer and Decimal arithmetic on counts and populations); the values
shown are the rounded rates and the tables' largest-remainder shares.

The 两高一脆弱 rules live here, the 三重点 rules and the complete list in ``priorities``.
Findings come in this order, category by category:

1. 高危人群, rule ``rate_ratio``: each age group × sex whose rate exceeds ``risk_ratio`` (1.5)
   times the community's rate; value = its rate, reference = the community's rate. Highest
   rate first (ties in age-group order, 男 before 女). Groups without a rate are skipped.
2. 高风险环境, rule ``severe_share_max``: the place with the most 重度 injuries (ties by code);
   value = its share of severe injuries, reference = its share of all injuries. Then rule
   ``share_threshold``: every place with at least ``place_share`` (20) % of all injuries,
   largest first; value = its share, reference = the threshold. A place may appear under both.
3. 脆弱群体, for older people (age >= ``older_age``), children (age < ``child_age``) and people
   with disabilities, in that order. With the group's population (from the age bands, or
   ``population.disabled``) rule ``rate_above``: the group's rate exceeds the community's;
   value = its rate, reference = the community's. Without it, rule ``severe_share_above``: the
   share of 重度 among the group's injuries exceeds the share among all injuries (the same as the
   group's share of severe injuries exceeding its share of all injuries); value and reference
   are those two shares.
4. 重点问题, rule ``cumulative_share``: causes from the most frequent (ties by code) until their
   running share reaches ``problem_share`` (50) %; value = the cause's share, reference = the
   running share including it.
5. 重点人群, rule ``most_injuries``: the age group with the most injuries (ties by age); value =
   its share, reference = the share of the next group. Then rule ``highest_rate``: the age
   group × sex with the highest rate; value = its rate, reference = the community's rate.
6. 重点场所, rule ``top_count``: the ``top_places`` (3) places with the most injuries (ties by
   code); value = the share, reference = the running share including it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from ..codes import InjuryPlace, Severity, Sex
from ..models.community import Community
from ..models.injury import InjuryRecord
from .focus import FocusGroup, focus_groups
from .rates import Rate, RateTable, band_population, rate
from .rounding import quantize
from .tables import CountTable, count_values

PERMILLE = "‰"
PERCENT = "%"


class FindingCategory(StrEnum):
    """The six kinds of finding of the diagnosis report (两高一脆弱, 三重点)."""

    HIGH_RISK_GROUP = "高危人群"
    HIGH_RISK_ENVIRONMENT = "高风险环境"
    VULNERABLE_GROUP = "脆弱群体"
    KEY_PROBLEM = "重点问题"
    KEY_GROUP = "重点人群"
    KEY_PLACE = "重点场所"


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: category, subject, rule id, and the numbers that support it.

    ``value`` is the subject's figure and ``reference`` what it was compared with (both in
    ``unit``); ``count``, ``total``, ``rank``, ``ratio`` and ``threshold`` are filled where the
    rule has them. The wording is left to the views.
    """

    category: FindingCategory
    subject: str
    rule: str
    value: Decimal
    reference: Decimal
    unit: str
    count: int | None = None
    total: int | None = None
    rank: int | None = None
    ratio: Decimal | None = None
    threshold: Decimal | None = None


@dataclass(frozen=True, slots=True)
class FindingRules:
    """The thresholds of the rules (see the module docstring)."""

    risk_ratio: Decimal = Decimal("1.5")
    place_share: Decimal = Decimal(20)
    problem_share: Decimal = Decimal(50)
    top_places: int = 3
    older_age: int = 60
    child_age: int = 15


DEFAULT_RULES = FindingRules()


def exceeds(a: Rate, b: Rate, factor: Decimal = Decimal(1)) -> bool:
    """Return whether rate ``a`` exceeds ``factor`` times rate ``b``, compared exactly.

    Both rates must cover the same years; an unknown rate or population never exceeds.
    """
    if a.rate is None or b.rate is None or not a.population or not b.population:
        return False
    return a.count * b.population > factor * b.count * a.population


def exact(r: Rate) -> Fraction:
    """Return the unrounded ``count / population`` of a rate (0 without a population)."""
    return Fraction(r.count, r.population) if r.population else Fraction(0)


def group_rates(rates: RateTable) -> list[tuple[str, Rate]]:
    """Return ``(subject, rate)`` for every age group × sex with a known rate, 男 before 女."""
    return [
        (f"{row.label}{sex.label}性", r)
        for row in rates.rows
        for sex, r in ((Sex.MALE, row.male), (Sex.FEMALE, row.female))
        if r.rate is not None
    ]


def high_risk_groups(rates: RateTable, rules: FindingRules = DEFAULT_RULES) -> list[Finding]:
    """Return the 高危人群 findings: age × sex groups above ``risk_ratio`` × the community rate."""
    overall = rates.overall
    hits = [(s, r) for s, r in group_rates(rates) if exceeds(r, overall, rules.risk_ratio)]
    hits.sort(key=lambda hit: -exact(hit[1]))
    found = []
    for subject, r in hits:
        assert r.rate is not None
        assert overall.rate is not None
        assert r.population
        ratio = quantize(
            Decimal(r.count * (overall.population or 1)) / (overall.count * r.population), 2
        )
        found.append(
            Finding(
                FindingCategory.HIGH_RISK_GROUP,
                subject,
                "rate_ratio",
                r.rate,
                overall.rate,
                PERMILLE,
                count=r.count,
                ratio=ratio,
                threshold=rules.risk_ratio,
            )
        )
    return found


def high_risk_environments(
    records: Sequence[InjuryRecord], places: CountTable, rules: FindingRules = DEFAULT_RULES
) -> list[Finding]:
    """Return the 高风险环境 findings: the place with most severe injuries, then large places."""
    found = []
    severe = count_values(
        (r.place for r in records if r.severity is Severity.SEVERE), InjuryPlace, "place", ""
    )
    ranked = severe.ranked()
    if ranked:
        top = ranked[0]
        found.append(
            Finding(
                FindingCategory.HIGH_RISK_ENVIRONMENT,
                top.label,
                "severe_share_max",
                top.share,
                places.row(top.label).share,
                PERCENT,
                count=top.count,
                total=severe.total,
            )
        )
    for row in places.ranked():
        if row.count * 100 >= rules.place_share * places.total:
            found.append(
                Finding(
                    FindingCategory.HIGH_RISK_ENVIRONMENT,
                    row.label,
                    "share_threshold",
                    row.share,
                    rules.place_share,
                    PERCENT,
                    count=row.count,
                    total=places.total,
                    threshold=rules.place_share,
                )
            )
    return found


def _group_population(group: FocusGroup, community: Community, rules: FindingRules) -> int | None:
    pop = community.population
    if group.key == "disabled":
        return pop.disabled
    span = (rules.older_age, None) if group.key == "older" else (0, rules.child_age - 1)
    found = band_population(pop.age_bands, *span)
    return None if isinstance(found, str) else sum(found)


def _severe_share(records: Sequence[InjuryRecord]) -> Decimal:
    """The share of 重度 in the records' table by severity: largest remainder, as printed."""
    table = count_values((r.severity for r in records), Severity, "severity", "")
    return table.row(Severity.SEVERE.label).share


def vulnerable_groups(
    records: Sequence[InjuryRecord],
    community: Community,
    overall: Rate,
    rules: FindingRules = DEFAULT_RULES,
) -> list[Finding]:
    """Return the 脆弱群体 findings for older people, children and people with disabilities."""
    found = []
    severe_all = sum(1 for r in records if r.severity is Severity.SEVERE)
    all_share = _severe_share(records)
    for group in focus_groups(rules.older_age, rules.child_age):
        members = [r for r in records if group.predicate(r)]
        population = _group_population(group, community, rules)
        if population and overall.rate is not None:
            own = rate(len(members), population, overall.years)
            if exceeds(own, overall) and own.rate is not None:
                found.append(
                    Finding(
                        FindingCategory.VULNERABLE_GROUP,
                        group.label,
                        "rate_above",
                        own.rate,
                        overall.rate,
                        PERMILLE,
                        count=len(members),
                    )
                )
            continue
        severe = sum(1 for r in members if r.severity is Severity.SEVERE)
        if members and severe * len(records) > severe_all * len(members):
            value, reference = _severe_share(members), all_share
            found.append(
                Finding(
                    FindingCategory.VULNERABLE_GROUP,
                    group.label,
                    "severe_share_above",
                    value,
                    reference,
                    PERCENT,
                    count=severe,
                    total=len(members),
                )
            )
    return found
