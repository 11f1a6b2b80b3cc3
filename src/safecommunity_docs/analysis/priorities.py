"""The 三重点 findings (重点问题, 重点人群, 重点场所) and the complete, ordered list of findings."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..models.community import Community
from ..models.injury import InjuryRecord
from .findings import (
    DEFAULT_RULES,
    PERCENT,
    PERMILLE,
    Finding,
    FindingCategory,
    FindingRules,
    exact,
    group_rates,
    high_risk_environments,
    high_risk_groups,
    vulnerable_groups,
)
from .groups import DEFAULT_GROUPS, AgeGroups, by_age_group
from .rates import RateTable, rate_table
from .tables import CountTable, count_by


def _running(
    table: CountTable, category: FindingCategory, rule: str, stop: Decimal | None, limit: int
) -> list[Finding]:
    found: list[Finding] = []
    running, share = 0, Decimal("0.0")
    for rank, row in enumerate(table.ranked()[:limit], start=1):
        running += row.count
        share += row.share
        found.append(
            Finding(
                category,
                row.label,
                rule,
                row.share,
                share,
                PERCENT,
                count=row.count,
                rank=rank,
            )
        )
        if stop is not None and running * 100 >= stop * table.total:
            break
    return found


def key_problems(causes: CountTable, rules: FindingRules = DEFAULT_RULES) -> list[Finding]:
    """Return the 重点问题 findings: leading causes until they make up ``problem_share`` %."""
    return _running(
        causes,
        FindingCategory.KEY_PROBLEM,
        "cumulative_share",
        rules.problem_share,
        len(causes.rows),
    )


def key_places(places: CountTable, rules: FindingRules = DEFAULT_RULES) -> list[Finding]:
    """Return the 重点场所 findings: the ``top_places`` places with the most injuries."""
    return _running(places, FindingCategory.KEY_PLACE, "top_count", None, rules.top_places)


def key_groups(ages: CountTable, rates: RateTable) -> list[Finding]:
    """Return the 重点人群 findings: the age group with most injuries, the highest-rate group."""
    found = []
    ranked = ages.ranked()
    if ranked:
        top = ranked[0]
        runner_up = ranked[1].share if len(ranked) > 1 else Decimal("0.0")
        found.append(
            Finding(
                FindingCategory.KEY_GROUP,
                top.label,
                "most_injuries",
                top.share,
                runner_up,
                PERCENT,
                count=top.count,
            )
        )
    overall = rates.overall
    candidates = group_rates(rates)
    if candidates and overall.rate is not None:
        # max() keeps the first of equal maxima: ties go to the younger group, 男 before 女.
        subject, best = max(candidates, key=lambda c: exact(c[1]))
        assert best.rate is not None
        found.append(
            Finding(
                FindingCategory.KEY_GROUP,
                subject,
                "highest_rate",
                best.rate,
                overall.rate,
                PERMILLE,
                count=best.count,
            )
        )
    return found


def derive_findings(
    records: Sequence[InjuryRecord],
    community: Community,
    causes: CountTable,
    places: CountTable,
    ages: CountTable,
    rates: RateTable,
    rules: FindingRules = DEFAULT_RULES,
) -> tuple[Finding, ...]:
    """Return every finding, in the documented order, from tables already computed."""
    return (
        *high_risk_groups(rates, rules),
        *high_risk_environments(records, places, rules),
        *vulnerable_groups(records, community, rates.overall, rules),
        *key_problems(causes, rules),
        *key_groups(ages, rates),
        *key_places(places, rules),
    )


def findings(
    records: Sequence[InjuryRecord],
    community: Community,
    groups: AgeGroups = DEFAULT_GROUPS,
    rules: FindingRules = DEFAULT_RULES,
    years: int | None = None,
) -> tuple[Finding, ...]:
    """Return the 两高一脆弱 and 三重点 findings for the records, in the documented order.

    ``years`` defaults to the number of distinct calendar years covered by the records.
    """
    return derive_findings(
        records,
        community,
        count_by(records, "cause"),
        count_by(records, "place"),
        by_age_group(records, groups),
        rate_table(records, community, groups, years),
        rules,
    )
