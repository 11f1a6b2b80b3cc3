"""The wording of the 两高一脆弱 / 三重点 findings: one sentence per rule, from its numbers."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..analysis import Finding
from .format import fmt_number, fmt_rate


def _n(value: int | None) -> str:
    return fmt_number(value or 0)


def _d(value: Decimal | None) -> str:
    """Thresholds and ratios as given (1.5, 20, 2.92)."""
    return fmt_number(value if value is not None else Decimal(0))


def _pct(value: Decimal) -> str:
    """Shares always with one decimal (10.0), as in the tables."""
    return fmt_number(value, 1)


def _rate(value: Decimal) -> str:
    """Rates per 1,000 always with two decimals (0.60)."""
    return fmt_rate(value)


_SENTENCES: dict[str, Callable[[Finding], str]] = {
    "rate_ratio": lambda f: (
        f"{f.subject}伤害发生率为{_rate(f.value)}‰，是社区总体伤害发生率{_rate(f.reference)}‰的"
        f"{_d(f.ratio)}倍（标准为{_d(f.threshold)}倍以上）"
    ),
    "severe_share_max": lambda f: (
        f"{f.subject}发生重度伤害{_n(f.count)}例，占全部重度伤害（{_n(f.total)}例）的"
        f"{_pct(f.value)}%，居各地点之首"
    ),
    "share_threshold": lambda f: (
        f"{f.subject}发生伤害{_n(f.count)}例，占全部伤害的{_pct(f.value)}%，"
        f"达到{_d(f.threshold)}%以上"
    ),
    "rate_above": lambda f: (
        f"{f.subject}伤害发生率为{_rate(f.value)}‰，高于社区总体伤害发生率{_rate(f.reference)}‰"
    ),
    "severe_share_above": lambda f: (
        f"{f.subject}伤害中重度伤害占{_pct(f.value)}%，高于全部伤害中的{_pct(f.reference)}%"
        f"（缺少{f.subject}人口数，按重度伤害比例判断）"
    ),
    "cumulative_share": lambda f: (
        f"{f.subject}{_n(f.count)}例，占{_pct(f.value)}%，居第{f.rank}位，累计占{_pct(f.reference)}%"
    ),
    "most_injuries": lambda f: (
        f"{f.subject}伤害{_n(f.count)}例，占{_pct(f.value)}%，为各年龄组最多"
    ),
    "highest_rate": lambda f: (
        f"{f.subject}伤害发生率为{_rate(f.value)}‰，为各性别年龄组最高（社区总体{_rate(f.reference)}‰）"
    ),
}
_SENTENCES["top_count"] = _SENTENCES["cumulative_share"]


def finding_text(finding: Finding) -> str:
    """One sentence (without its final 。) stating ``finding`` with the numbers behind it."""
    sentence = _SENTENCES.get(finding.rule)
    if sentence is None:
        return f"{finding.subject}：{_d(finding.value)}{finding.unit}"
    return sentence(finding)
