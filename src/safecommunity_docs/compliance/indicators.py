"""Read a project target's indicator (e.g. 老年人跌倒伤害就诊人次) as a count over the records."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..codes import TRAFFIC_CAUSES, InjuryCause, Outcome
from ..models import InjuryRecord

Predicate = Callable[[InjuryRecord], bool]

CAUSES: tuple[tuple[tuple[str, ...], frozenset[InjuryCause]], ...] = (
    (("跌倒", "坠落"), frozenset({InjuryCause.FALL})),
    (("溺水",), frozenset({InjuryCause.DROWNING})),
    (("烧烫伤", "烫伤", "烧伤"), frozenset({InjuryCause.BURN})),
    (("中毒",), frozenset({InjuryCause.POISONING})),
    (("交通", "车祸"), TRAFFIC_CAUSES),
    (("刀", "锐器"), frozenset({InjuryCause.SHARP})),
    (("动物", "犬"), frozenset({InjuryCause.ANIMAL})),
)
GROUPS: tuple[tuple[tuple[str, ...], Predicate], ...] = (
    (("60岁以上老年人", "60岁及以上老年人", "老年人", "老人"), lambda r: r.age >= 60),
    (("0—14岁儿童", "0-14岁儿童", "儿童"), lambda r: r.age < 15),
)
GENERIC = (
    "伤害",
    "就诊",
    "人次",
    "人数",
    "例数",
    "病例",
    "死亡",
    "发生",
    "事故",
    "道路",
    "数",
    "的",
    "人",
    "例",
)
PARENS = re.compile(r"[（(][^）)]*[）)]")


def _cause_in(causes: frozenset[InjuryCause]) -> Predicate:
    return lambda r: r.cause in causes


def indicator_filter(indicator: str) -> Predicate | None:
    """A predicate counting the records the indicator is about, or ``None`` when the indicator
    says more than the injury card can tell (e.g. 电动自行车, 上学途中)."""
    text = PARENS.sub("", indicator)
    if "伤害" not in text and "死亡" not in text:
        return None
    tests: list[Predicate] = []
    for words, causes in CAUSES:
        hit = next((w for w in words if w in text), None)
        if hit is not None:
            tests.append(_cause_in(causes))
            text = text.replace(hit, "")
    for words, test in GROUPS:
        hit = next((w for w in words if w in text), None)
        if hit is not None:
            tests.append(test)
            text = text.replace(hit, "")
    if "死亡" in text:
        tests.append(lambda r: r.outcome is Outcome.DIED)
    for word in GENERIC:
        text = text.replace(word, "")
    if text.strip():
        return None
    return lambda r: all(test(r) for test in tests)
