"""A rule as data-carrying code: id, element, severity, both messages, reference, and a check."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .context import Context
from .findings import Finding, Severity

ELEMENTS: dict[int, str] = {
    1: "安全社区创建机构与职责",
    2: "信息交流和全员参与",
    3: "事故与伤害风险辨识及其评价",
    4: "事故与伤害预防目标及计划",
    5: "安全促进项目",
    6: "宣传教育与培训",
    7: "应急预案和响应",
    8: "监测与监督",
    9: "事故与伤害记录",
    10: "安全社区创建档案",
    11: "预防与纠正措施",
    12: "评审与持续改进",
}
"""The twelve elements of AQ/T 9001-2006 (numbered as in the city rubric)."""

RULE_ID = re.compile(r"^SC-E(\d+)-(\d{3})$")


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a rule is broken and the specifics (values found, values expected)."""

    path: str
    detail: str


CheckFn = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One compliance rule."""

    id: str
    severity: Severity
    zh: str
    en: str
    reference: str
    check: CheckFn

    @property
    def element(self) -> int:
        """The AQ/T 9001 element the rule serves (the number in its id)."""
        match = RULE_ID.match(self.id)
        assert match is not None
        return int(match.group(1))

    @property
    def element_title(self) -> str:
        """The element's Chinese title."""
        return ELEMENTS[self.element]

    def run(self, ctx: Context) -> list[Finding]:
        """Return one finding per hit of the rule on ``ctx``."""
        return self.run_hits(ctx, self.check(ctx))

    def run_hits(self, ctx: Context, hits: Iterable[Hit]) -> list[Finding]:
        """Return one finding per hit (``ctx`` is unused; kept for symmetry)."""
        del ctx
        return [
            Finding(
                rule=self.id,
                element=self.element,
                element_title=self.element_title,
                severity=self.severity,
                path=hit.path,
                message_zh=self.zh,
                message_en=self.en,
                detail=hit.detail,
                reference=self.reference,
            )
            for hit in hits
        ]


REGISTRY: list[Rule] = []


def rule(
    id: str, severity: Severity | str, zh: str, en: str, reference: str
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated check function as a rule (ids are unique, checked here)."""
    if RULE_ID.match(id) is None or int(id.split("-")[1][1:]) not in ELEMENTS:
        raise ValueError(f"bad rule id {id!r}")
    if any(r.id == id for r in REGISTRY):
        raise ValueError(f"rule {id} is defined twice")

    def register(fn: CheckFn) -> CheckFn:
        REGISTRY.append(Rule(id, Severity(severity), zh, en, reference, fn))
        return fn

    return register
