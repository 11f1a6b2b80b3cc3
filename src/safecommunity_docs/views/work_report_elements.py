"""The work report's element sections as prose: what the dossier records for the element, the
work done with its quantities (场次、人次、投入), the evidence named briefly (the full list is the
档案目录)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ..models.assessment import ItemScore
from ..models.dossier import Dossier
from ..models.outcome import Activity
from ..models.rubric import RubricElement
from .archive_index import ArchivePart
from .builder import BlockBuilder, sentence
from .format import fmt_number
from .numbering import chinese_number
from .work_report_facts import amount, write_facts

EVENTS = ("次", "场", "期")
"""Units of activities the totals count as 场次 (not 份, 件, 家次 …)."""

BRIEF = 24
"""At most this many characters of an evidence text when the report names it."""


def brief(evidence: str) -> str:
    """A short name of an evidence text: its 《title》, else its text up to a bracket or comma."""
    titled = re.match(r"《[^》]+》", evidence)
    if titled:
        return titled.group(0)
    return re.split(r"[（(，,；;：:]", evidence, maxsplit=1)[0].strip() or evidence


def named(texts: Sequence[str], most: int = 3) -> list[str]:
    """Up to ``most`` distinct short names of evidence texts, those at most ``BRIEF``
    characters long first (in their order), a longer one only when no short one is left."""
    names = list(dict.fromkeys(brief(t) for t in texts))
    short = [n for n in names if len(n) <= BRIEF]
    return (short + [n for n in names if len(n) > BRIEF])[:most]


def activity_text(activity: Activity) -> str:
    """One piece of work with its quantities: 召开全体会议7次，参会210人次，投入经费2万元."""
    text = activity.text.rstrip("。；;")
    if activity.sessions is not None:
        text += f"{fmt_number(activity.sessions)}{activity.unit}"
    if activity.participants is not None:
        text += f"，参与{fmt_number(activity.participants)}人次"
    if activity.spent is not None:
        counted = activity.sessions is not None or activity.participants is not None
        text += f"，投入经费{amount(activity.spent)}" if counted else amount(activity.spent)
    return text


def totals_text(activities: Sequence[Activity]) -> str:
    """The element's totals when at least two activities give the same kind of quantity."""
    sessions = [a.sessions for a in activities if a.sessions is not None and a.unit in EVENTS]
    people = [a.participants for a in activities if a.participants is not None]
    spent = [a.spent for a in activities if a.spent is not None]
    parts = []
    if len(sessions) > 1:
        parts.append(f"组织会议和活动{fmt_number(sum(sessions))}场次")
    if len(people) > 1:
        parts.append(f"参与{fmt_number(sum(people))}人次")
    if len(spent) > 1:
        parts.append(f"投入经费{amount(sum(spent, Decimal(0)))}")
    return f"以上各项累计{'、'.join(parts)}。" if parts else ""


def write_element(
    b: BlockBuilder,
    element: RubricElement,
    dossier: Dossier,
    entries: dict[str, ItemScore],
    part: ArchivePart,
) -> None:
    """One element: its facts, the work done item by item, items not applicable, evidence."""
    write_facts(b, element, dossier)
    done: list[Activity] = []
    for item in element.items:
        entry = entries.get(item.id)
        if entry is None:
            continue
        if entry.not_applicable:
            b.p(f"“{item.text.rstrip('。')}”一项不适用于本社区：{sentence(entry.reason or '')}")
            continue
        if entry.activities:
            b.p("；".join(activity_text(a) for a in entry.activities) + "。")
            done.extend(entry.activities)
    totals = totals_text(done)
    if totals:
        b.p(totals)
    if part.entries:
        names = named([e.text for e in part.entries])
        count = len(part.entries)
        more = f"等{count}份" if count > len(names) else ""
        b.p(
            f"主要材料有{'、'.join(names)}{more}，已按档案目录第{chinese_number(part.number)}"
            "部分归档备查。"
        )
    elif not element.facts and not done:
        b.p("本项工作暂无可归档的证明材料。")
