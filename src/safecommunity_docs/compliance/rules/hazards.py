"""Rules on what the dossier says about its hazards against the hazard data (element 3/11)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal

from ...models.diagnosis import Hazard
from ..context import Context
from ..findings import Severity
from ..rule import Hit, rule

RATE = re.compile(r"整改率(?:为|达到|达|是)?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]")
"""A rectification rate as written in prose: 整改率93.8%, 隐患整改率达到 90 ％ …"""
COUNT = re.compile(r"(\d+)\s*[项处个]")
TOLERANCE = Decimal("0.1")


def _percent(done: int, total: int) -> Decimal:
    return (Decimal(100) * done / total).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _rate(hazards: Sequence[Hazard]) -> Decimal:
    return _percent(sum(1 for h in hazards if h.rectified), len(hazards))


def _sentence(text: str, at: int) -> str:
    """The sentence (up to 。；;) around position ``at``."""
    start = max(text.rfind(mark, 0, at) for mark in "。；;") + 1
    ends = [i for i in (text.find(mark, at) for mark in "。；;") if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _why_wrong(text: str, at: int, quoted: Decimal, data: Sequence[Decimal]) -> str | None:
    """Why the rate quoted at ``at`` is wrong, or None: against the counts its sentence gives
    (the last two before the rate: total, then done), and against the hazard data when the
    sentence speaks of the diagnosis' hazards."""
    sentence = _sentence(text, at)
    counts = [int(c) for c in COUNT.findall(sentence[: sentence.find("整改率")])]
    if len(counts) >= 2 and counts[-2] > 0:
        total, done = counts[-2], counts[-1]
        computed = _percent(done, total)
        if abs(quoted - computed) > TOLERANCE:
            return f"quoted {quoted}%, but {done} of {total} is {computed}%"
    if "诊断" in sentence and data and all(abs(quoted - r) > TOLERANCE for r in data):
        shown = " / ".join(f"{r}%" for r in dict.fromkeys(data))
        return (
            f"quoted {quoted}% for the diagnosis' hazards; their data give {shown} "
            "(all hazards / those due by the self-assessment)"
        )
    return None


@rule(
    "SC-E3-014",
    Severity.WARNING,
    "自评所述隐患整改率与所列数字或隐患数据不符",
    "A rectification rate quoted in the self-assessment differs from the counts it gives or "
    "from the diagnosis' hazard data.",
    "AQ/T 9001 §11 预防与纠正措施; 自评表证明材料",
)
def quoted_rectification_rate(ctx: Context) -> Iterator[Hit]:
    d, a = ctx.dossier.diagnosis, ctx.dossier.assessment
    if a is None:
        return
    hazards = [h for unit in d.hazard_units for h in unit.hazards] if d is not None else []
    due = [h for h in hazards if h.deadline is not None and h.deadline <= a.assessed_on]
    rates = [_rate(group) for group in (hazards, due) if group]
    for path, text in ctx.texts("assessment"):
        for match in RATE.finditer(text):
            why = _why_wrong(text, match.start(), Decimal(match.group(1)), rates)
            if why is not None:
                yield Hit(path, why)
