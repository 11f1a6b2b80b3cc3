"""The wording of the 两高一脆弱 / 三重点 findings: one analyst's sentence per category.

The thresholds behind the findings are stated once, in the method section
(:func:`criteria_text`); the sentences here give the numbers, not the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..analysis import Finding, FindingCategory, FindingRules
from ..analysis.sources import LOW_INCIDENCE
from .format import fmt_number, fmt_plain, fmt_rate

NUMERALS = "一两三四五六七八九十"


def _n(value: int | None) -> str:
    return fmt_number(value or 0)


def _pct(value: Decimal) -> str:
    """Shares always with one decimal (10.0%), as in the tables."""
    return f"{fmt_number(value, 1)}%"


def _rate(value: Decimal) -> str:
    """Rates per 1,000 always with two decimals (0.60‰)."""
    return f"{fmt_rate(value)}‰"


def _join(items: Sequence[str]) -> str:
    """「甲」, 「甲和乙」, 「甲、乙和丙」."""
    if len(items) < 2:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def _how_many(n: int) -> str:
    return NUMERALS[n - 1] if 0 < n <= len(NUMERALS) else fmt_number(n)


def _high_risk_groups(found: Sequence[Finding]) -> str:
    ref = _rate(found[0].reference)
    parts = [
        f"{f.subject}（{_rate(f.value)}，为总体的{fmt_number(f.ratio or 0)}倍）" for f in found
    ]
    return f"{_join(parts)}的年均伤害发生率明显高于社区总体水平（{ref}）"


def _environments(found: Sequence[Finding]) -> str:
    texts = []
    severe = [f for f in found if f.rule == "severe_share_max"]
    large = [f for f in found if f.rule == "share_threshold"]
    if severe:
        f = severe[0]
        texts.append(
            f"重度伤害最集中的是{f.subject}（{_n(f.count)}例，占全部重度伤害的{_pct(f.value)}）"
        )
    if large:
        parts = [f"{f.subject}（{_pct(f.value)}）" for f in large]
        total = sum(f.count or 0 for f in large)
        place = "这类场所" if len(large) == 1 else f"这{_how_many(len(large))}类场所"
        texts.append(f"{_join(parts)}发生的伤害较多，{place}共发生伤害{_n(total)}例")
    return "；".join(texts)


def _vulnerable(found: Sequence[Finding]) -> str:
    texts = []
    by_rate = [f for f in found if f.rule == "rate_above"]
    if by_rate:
        parts = [f"{f.subject}（{_rate(f.value)}）" for f in by_rate]
        texts.append(
            f"{_join(parts)}的年均伤害发生率高于社区总体水平（{_rate(by_rate[0].reference)}）"
        )
    for f in (f for f in found if f.rule == "severe_share_above"):
        texts.append(
            f"{f.subject}受伤后伤情较重，重度伤害占{_pct(f.value)}，"
            f"全部伤害中这一比例为{_pct(f.reference)}"
        )
    return "；".join(texts)


def _ranked(found: Sequence[Finding], what: str) -> str:
    parts = [f"{f.subject}（{_n(f.count)}例，{_pct(f.value)}）" for f in found]
    last = found[-1].reference
    if len(found) == 1:
        return f"{parts[0]}是最主要的{what}"
    return f"{_join(parts)}是居前{_how_many(len(found))}位的{what}，合计占全部伤害的{_pct(last)}"


def _key_groups(found: Sequence[Finding]) -> str:
    texts = []
    for f in found:
        if f.rule == "most_injuries":
            texts.append(f"{f.subject}伤害病例最多（{_n(f.count)}例，占{_pct(f.value)}）")
        elif f.rule == "highest_rate":
            texts.append(
                f"{f.subject}的年均伤害发生率最高（{_rate(f.value)}，社区总体{_rate(f.reference)}）"
            )
    return "，".join(texts)


def category_text(category: FindingCategory, found: Sequence[Finding]) -> str:
    """One sentence (without its final 。) stating the ``found`` findings of ``category``
    with the numbers behind them; empty without findings."""
    if not found:
        return ""
    if category is FindingCategory.HIGH_RISK_GROUP:
        return _high_risk_groups(found)
    if category is FindingCategory.HIGH_RISK_ENVIRONMENT:
        return _environments(found)
    if category is FindingCategory.VULNERABLE_GROUP:
        return _vulnerable(found)
    if category is FindingCategory.KEY_PROBLEM:
        return _ranked(found, "伤害原因")
    if category is FindingCategory.KEY_GROUP:
        return _key_groups(found)
    return _ranked(found, "伤害发生地点")


def criteria_text(rules: FindingRules, min_cases: int) -> str:
    """The method section's statement of every threshold, given once."""
    return (
        "伤害发生率按常住人口计算，以年均每千人口伤害人数（‰）表示。"
        f"年均伤害发生率达到社区总体{fmt_plain(rules.risk_ratio)}倍及以上的性别年龄组列为高危人群；"
        f"重度伤害最多的地点和伤害占全部伤害{fmt_plain(rules.place_share)}%及以上的地点列为高风险环境；"
        f"{rules.older_age}岁及以上老年人、{rules.child_age}岁以下儿童和残疾人中，"
        "伤害发生率高于社区总体（缺少人口数的，重度伤害比例高于总体）的列为脆弱群体；"
        f"按例数从多到少累计占全部伤害{fmt_plain(rules.problem_share)}%的伤害原因列为重点问题；"
        "病例最多的年龄组和发生率最高的性别年龄组列为重点人群；"
        f"病例数居前{rules.top_places}位的地点列为重点场所。"
        f"病例数不足{min_cases}例的人群和地点不作判定。"
        f"医院监测的年均伤害发生率每千人口不足{fmt_plain(LOW_INCIDENCE)}人时，视为可能存在较多漏报，"
        "并用入户调查估计漏报比例。"
    )
