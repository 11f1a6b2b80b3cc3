"""The deaths of the injury records and the promotion projects that address each of them.

A project addresses a death when the person belongs to the project's group (老年人: 60 and
over; 儿童 and 学校: under 18; 工作场所: injured at work, in an industrial/building site or on
a farm; other areas: anyone) and the project's area covers the cause (交通: traffic crashes,
涉水: drowning, 消防: burns) or its title names the cause (跌倒, 溺水, 窒息 …). The author's
note on a death (``DeathNote.project``) wins over this rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..codes import TRAFFIC_CAUSES, InjuryActivity, InjuryCause, InjuryPlace, Outcome, ProjectArea
from ..models.diagnosis_sources import DeathNote
from ..models.injury import InjuryRecord
from ..models.project import PromotionProject

CAUSE_WORDS: dict[InjuryCause, tuple[str, ...]] = {
    InjuryCause.MOTOR_VEHICLE: ("交通", "车祸", "道路"),
    InjuryCause.NON_MOTOR_VEHICLE: ("交通", "车祸", "道路", "电动自行车骑行"),
    InjuryCause.FALL: ("跌倒", "坠落", "跌落"),
    InjuryCause.BLUNT: ("机械伤害", "物体打击"),
    InjuryCause.SHARP: ("切割", "锐器"),
    InjuryCause.BURN: ("烧烫", "烫伤", "灼伤"),
    InjuryCause.SUFFOCATION: ("窒息", "有限空间", "噎食"),
    InjuryCause.DROWNING: ("溺水", "涉水"),
    InjuryCause.POISONING: ("中毒", "农药"),
    InjuryCause.ANIMAL: ("动物", "犬伤"),
}
AREA_CAUSES: dict[ProjectArea, frozenset[InjuryCause]] = {
    ProjectArea.TRAFFIC: TRAFFIC_CAUSES,
    ProjectArea.WATER: frozenset({InjuryCause.DROWNING}),
    ProjectArea.FIRE: frozenset({InjuryCause.BURN}),
}
WORK_PLACES = frozenset({InjuryPlace.INDUSTRIAL, InjuryPlace.FARM})
OLDER_AGE = 60
MINOR_AGE = 18


@dataclass(frozen=True, slots=True)
class Death:
    """One death of the records, the projects addressing it and the author's note."""

    record: InjuryRecord
    projects: tuple[PromotionProject, ...]
    note: DeathNote | None


def _in_group(record: InjuryRecord, area: ProjectArea) -> bool:
    if area is ProjectArea.ELDERLY:
        return record.age >= OLDER_AGE
    if area in (ProjectArea.CHILDREN, ProjectArea.SCHOOL):
        return record.age < MINOR_AGE
    if area is ProjectArea.WORKPLACE:
        return record.place in WORK_PLACES or record.activity is InjuryActivity.WORK
    return True


def addresses(project: PromotionProject, record: InjuryRecord) -> bool:
    """Whether ``project`` addresses the injury of ``record`` (see the module docstring)."""
    if not _in_group(record, project.area):
        return False
    if record.cause in AREA_CAUSES.get(project.area, frozenset()):
        return True
    return any(word in project.title for word in CAUSE_WORDS.get(record.cause, ()))


def deaths(
    records: Sequence[InjuryRecord],
    projects: Sequence[PromotionProject],
    notes: Sequence[DeathNote] = (),
) -> list[Death]:
    """Every death of ``records`` in date order, with the projects that address it."""
    by_card = {n.card_no: n for n in notes}
    by_id = {p.id: p for p in projects}
    found = []
    for record in sorted(records, key=lambda r: r.injury_time):
        if record.outcome is not Outcome.DIED:
            continue
        note = by_card.get(record.card_no)
        if note is not None and note.project is not None and note.project in by_id:
            chosen: tuple[PromotionProject, ...] = (by_id[note.project],)
        else:
            chosen = tuple(p for p in projects if addresses(p, record))
        found.append(Death(record, chosen, note))
    return found
