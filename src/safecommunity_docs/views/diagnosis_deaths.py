"""The diagnosis report's 死亡病例 section: every death of the records, and what is done about it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..analysis.deaths import Death, deaths
from ..analysis.rounding import percent
from ..codes import InjuryPlace
from ..models.diagnosis_sources import DeathNote
from ..models.injury import InjuryRecord
from ..models.project import PromotionProject
from .builder import BlockBuilder, sentence
from .document import TableView
from .format import fmt_date, fmt_number, fmt_percent

EMPTY = "—"


def _person(record: InjuryRecord) -> str:
    job = f"，{record.occupation.label}" if record.occupation is not None else ""
    return f"{record.sex.label}，{record.age}岁{job}"


def _projects(death: Death) -> str:
    return "、".join(p.title if "“" in p.title else f"“{p.title}”" for p in death.projects)


def _at(record: InjuryRecord) -> str:
    """「在家中」; nothing for a place coded 其他 or 不清楚."""
    if record.place in (InjuryPlace.OTHER, InjuryPlace.UNKNOWN):
        return ""
    return f"在{record.place.label}"


def _reading(death: Death) -> str:
    r = death.record
    where = f"{r.sub_unit}" if r.sub_unit else ""
    job = f"（{r.occupation.label}）" if r.occupation is not None else ""
    text = (
        f"{fmt_date(r.injury_time)}，{where}一名{r.age}岁{r.sex.label}性{job}"
        f"{_at(r)}因{r.cause.label}死亡"
    )
    if r.description:
        text += f"（{r.description.rstrip('。')}）"
    if death.projects:
        text += f"，此类伤害已纳入{_projects(death)}"
    else:
        text += f"，现有安全促进项目尚未覆盖{_at(r).removeprefix('在')}{'的' if _at(r) else ''}{r.cause.label}"
    return sentence(text)


def deaths_section(
    b: BlockBuilder,
    records: Sequence[InjuryRecord],
    projects: Sequence[PromotionProject],
    notes: Sequence[DeathNote],
) -> None:
    """Add 死亡病例: a reading of all deaths, a table, then one paragraph per death (its cause,
    place, group and the projects that address it, or that none does) with the author's note."""
    b.h2("死亡病例")
    found = deaths(records, projects, notes)
    if not found:
        b.p("监测期内伤害报告卡中没有死亡病例。")
        return
    causes = Counter(d.record.cause.label for d in found)
    uncovered = sum(1 for d in found if not d.projects)
    text = (
        f"监测期内伤害死亡{fmt_number(len(found))}例，占全部病例的"
        f"{fmt_percent(percent(len(found), len(records)))}，死亡原因为"
        + "、".join(f"{cause}{n}例" for cause, n in causes.most_common())
    )
    if uncovered:
        text += f"；其中{uncovered}例的伤害类型尚无安全促进项目针对"
    else:
        text += "；每一例死亡的伤害类型都有安全促进项目针对"
    b.p(sentence(text))
    rows = tuple(
        (
            d.record.card_no,
            fmt_date(d.record.injury_time),
            _person(d.record),
            d.record.cause.label,
            d.record.place.label,
            _projects(d) or "无",
        )
        for d in found
    )
    b.table(
        "伤害死亡病例",
        TableView(
            columns=("卡片编号", "日期", "死者", "原因", "地点", "针对项目"),
            rows=rows,
            align=("center", "left", "left", "left", "left", "left"),
        ),
    )
    for death in found:
        b.p(_reading(death))
        if death.note is not None and death.note.note:
            b.p(sentence(death.note.note))
