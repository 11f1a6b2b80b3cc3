"""Generate the fictional injury-surveillance records of the three example communities.

Each example folder (``examples/qinghe-street``, ``examples/dongshan-town`` and
``examples/jiangkou-park``) gets an ``injuries.csv``: one row per card of the national
injury-surveillance report card (《全国伤害监测报告卡》), 2023-01-01 to 2025-12-31, with the
card's Chinese field titles as the header and Chinese labels in the cells (UTF-8 with BOM so
that Excel opens it). 姓名 and 出生日期 are left out for privacy.

The records are made up but plausible. Every community has a list of *scenarios* (older people
falling at home, e-bike crashes, pesticide poisoning, machine cuts ...), each with its cause,
an age risk profile, the sex ratio, places and activities (with fitting sentences for 伤害经过),
injuries (nature, body part and severity), seasonality and hour-of-day pattern. Ages are drawn
from the community's own age structure (``population.age_bands`` of ``community.yaml``)
weighted by the scenario's age risk; ``sub_units`` of ``community.yaml`` give 所在社区/村.
Each year's records are shared among the scenarios by their weights and trends (fewer cases
in 2025, after the safety promotion projects started), with some noise; a few rare scenarios
(drowning) have fixed yearly counts. The number of deaths and the share of 残疾人 are set per
community and drawn among the fitting records (deaths only among 重度 cases of injuries that
can kill; 残疾人 more often among older people). Every record is validated with
:class:`~safecommunity_docs.models.InjuryRecord` before it is written.

The generator uses ``random.Random`` with a fixed seed per community, so the same
``community.yaml`` always gives byte-for-byte the same CSV.

Usage::

    .venv/bin/python tools/make_injury_records.py [--examples DIR] [--community NAME ...]
"""

from __future__ import annotations

import argparse
import calendar
import csv
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal, TypeVar

from safecommunity_docs.codes import (
    Alcohol,
    BodyPart,
    Education,
    Household,
    InjuryActivity,
    InjuryCause,
    InjuryIntent,
    InjuryNature,
    InjuryPlace,
    Occupation,
    Outcome,
    Severity,
    Sex,
)
from safecommunity_docs.errors import InputError
from safecommunity_docs.io import load_file
from safecommunity_docs.models import AgeBand, Community, InjuryRecord

T = TypeVar("T")
Weighted = tuple[tuple[T, float], ...]
"""Items with relative weights."""
Steps = tuple[tuple[int, float], ...]
"""A step function of age: (first age, relative rate) pairs in increasing age order."""
Kind = Literal["urban", "rural", "park"]

REPO = Path(__file__).resolve().parent.parent
YEARS = (2023, 2024, 2025)
START = datetime(2023, 1, 1)
END = date(2025, 12, 31)
MAX_AGE = 100
COLUMNS = (
    "card_no", "sex", "age", "household", "education", "occupation", "disabled", "sub_unit",
    "injury_time", "visit_time", "report_date", "cause", "place", "activity", "intent",
    "alcohol", "nature", "body_part", "severity", "outcome", "reporting_unit", "description",
)
"""Fields written to the CSV, in order (姓名 and 出生日期 are left out)."""

# Short names for the code lists, to keep the scenario tables readable.
C = InjuryCause
P = InjuryPlace
A = InjuryActivity
N = InjuryNature
B = BodyPart
Job = Occupation

# ---------------------------------------------------------------------------------------------
# Seasonality (January..December) and hour-of-day (0..23) profiles: relative weights.
# ---------------------------------------------------------------------------------------------

M_FLAT = (1.0,) * 12
M_WINTER = (1.6, 1.45, 1.05, 0.85, 0.8, 0.75, 0.75, 0.75, 0.8, 0.95, 1.2, 1.55)
M_COLD = (1.8, 1.6, 1.2, 0.8, 0.6, 0.5, 0.5, 0.5, 0.6, 0.8, 1.2, 1.7)
M_SUMMER = (0.02, 0.02, 0.05, 0.2, 0.8, 2.5, 4.0, 3.5, 0.9, 0.2, 0.02, 0.02)
M_WARM = (0.3, 0.3, 0.6, 1.0, 1.4, 1.6, 1.8, 1.8, 1.5, 1.0, 0.5, 0.3)
M_SNAKE = (0.0, 0.0, 0.1, 0.5, 1.5, 2.5, 3.0, 3.0, 2.0, 0.6, 0.05, 0.0)
M_FARM = (0.4, 0.5, 0.9, 1.4, 1.6, 1.5, 1.1, 1.0, 1.3, 1.5, 1.0, 0.5)
M_SPRAY = (0.0, 0.0, 0.2, 0.8, 1.5, 2.0, 2.5, 2.2, 1.2, 0.4, 0.0, 0.0)
M_STRAW = (0.3, 0.3, 1.0, 1.5, 1.5, 1.0, 0.5, 0.5, 1.0, 2.0, 1.5, 0.6)
M_TEA = (0.3, 0.5, 2.5, 3.0, 2.5, 0.8, 0.6, 0.6, 0.6, 0.6, 0.4, 0.3)
M_TRAFFIC = (1.1, 1.2, 1.0, 1.0, 1.0, 0.95, 0.9, 0.9, 1.0, 1.1, 1.0, 1.05)
M_WORK = (1.0, 0.55, 1.0, 1.05, 1.1, 1.1, 1.15, 1.15, 1.1, 1.05, 1.05, 1.0)
M_HEAT = (0.0, 0.0, 0.0, 0.0, 0.3, 1.5, 3.0, 3.0, 0.8, 0.05, 0.0, 0.0)
M_CO = (3.0, 2.5, 1.0, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0, 0.3, 1.5, 3.0)
M_SCHOOL = (0.6, 0.5, 1.1, 1.2, 1.2, 1.1, 0.7, 0.7, 1.2, 1.2, 1.1, 1.0)

H_DAY = (0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.5, 1.6, 1.6, 1.6, 1.5,
         1.2, 1.2, 1.4, 1.6, 1.7, 1.8, 1.7, 1.4, 1.0, 0.7, 0.5, 0.3)
H_ELDER = (0.1, 0.1, 0.1, 0.1, 0.2, 0.8, 1.8, 2.0, 1.8, 1.6, 1.5, 1.4,
           1.0, 0.9, 1.0, 1.3, 1.5, 1.6, 1.5, 1.3, 1.0, 0.7, 0.4, 0.2)
H_OUT = (0.0, 0.0, 0.0, 0.0, 0.1, 0.8, 1.8, 2.0, 1.8, 1.6, 1.5, 1.3,
         1.0, 0.9, 1.0, 1.3, 1.5, 1.6, 1.4, 1.0, 0.6, 0.3, 0.0, 0.0)
H_NIGHT = (1.2, 1.5, 1.5, 1.5, 1.2, 1.0, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0,
           0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.1, 0.4, 0.8)
H_MORNING = (0.0, 0.0, 0.0, 0.0, 0.2, 1.5, 3.0, 2.5, 1.2, 0.6, 0.3, 0.1,
             0.0, 0.0, 0.0, 0.1, 0.3, 0.6, 0.8, 0.6, 0.2, 0.0, 0.0, 0.0)
H_CHILD = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2, 0.8, 1.0, 1.5, 1.8, 1.5,
           1.0, 0.8, 1.0, 1.5, 2.0, 2.2, 2.0, 1.6, 1.2, 0.6, 0.2, 0.0)
H_SCHOOL = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 1.5, 2.0, 2.2, 1.2,
            0.6, 0.6, 1.5, 2.0, 1.6, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
H_TRAFFIC = (0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 2.2, 1.3, 1.0, 1.2,
             1.3, 1.0, 1.0, 1.2, 1.5, 2.3, 2.5, 1.8, 1.3, 1.0, 0.8, 0.5)
H_WORK = (0.3, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 1.2, 2.2, 2.5, 2.4, 1.8,
          0.8, 1.2, 2.0, 2.4, 2.3, 1.8, 1.0, 0.8, 0.7, 0.6, 0.5, 0.4)
H_FARM = (0.0, 0.0, 0.0, 0.0, 0.2, 0.8, 1.8, 2.2, 2.2, 2.0, 1.8, 1.0,
          0.6, 0.8, 1.5, 2.0, 2.0, 1.6, 0.8, 0.3, 0.1, 0.0, 0.0, 0.0)
H_KITCHEN = (0.1, 0.0, 0.0, 0.0, 0.0, 0.3, 1.0, 1.2, 0.8, 0.8, 1.5, 2.2,
             1.2, 0.6, 0.5, 0.8, 1.5, 2.2, 2.2, 1.5, 0.8, 0.5, 0.3, 0.2)
H_EVENING = (1.5, 1.2, 0.8, 0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.4,
             0.5, 0.4, 0.4, 0.5, 0.6, 0.9, 1.4, 2.0, 2.4, 2.6, 2.4, 2.0)
H_SWIM = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2, 0.3, 0.5, 0.8, 1.0, 1.5,
          2.0, 2.5, 2.8, 3.0, 3.0, 2.5, 1.8, 0.8, 0.3, 0.0, 0.0, 0.0)
H_ANIMAL = (0.1, 0.0, 0.0, 0.0, 0.1, 0.5, 1.5, 1.8, 1.2, 1.0, 1.0, 0.8,
            0.6, 0.6, 0.8, 1.0, 1.5, 1.8, 1.8, 1.5, 1.0, 0.6, 0.3, 0.2)
H_SHIFT = (0.6, 0.5, 0.4, 0.3, 0.3, 0.4, 0.6, 1.2, 2.0, 2.3, 2.2, 1.6,
           0.8, 1.2, 1.9, 2.2, 2.1, 1.6, 1.0, 1.0, 1.0, 0.9, 0.8, 0.7)

# ---------------------------------------------------------------------------------------------
# Age risk profiles (relative incidence by age; the population structure is applied on top).
# ---------------------------------------------------------------------------------------------

R_ELDER: Steps = ((0, 0.0), (50, 0.25), (60, 1.0), (70, 2.2), (80, 4.0))
R_CHILD: Steps = ((0, 1.2), (1, 1.8), (3, 1.4), (7, 1.0), (12, 0.6), (15, 0.0))
R_ADULT: Steps = ((0, 0.0), (15, 0.7), (20, 1.0), (45, 1.15), (60, 0.0))
R_URBAN_WORK: Steps = ((0, 0.0), (18, 1.0), (45, 0.9), (60, 0.3), (65, 0.0))
R_RIDER: Steps = ((0, 0.0), (12, 0.3), (16, 1.0), (25, 1.3), (45, 1.1), (60, 0.8), (70, 0.4),
                  (80, 0.1), (86, 0.0))
R_ROAD_ALL: Steps = ((0, 0.3), (6, 0.6), (15, 0.9), (60, 1.3), (75, 1.5), (90, 0.5))
R_BURN_HOME: Steps = ((0, 0.0), (1, 3.5), (4, 1.2), (7, 0.5), (15, 0.45), (60, 0.9), (75, 1.3))
R_KNIFE: Steps = ((0, 0.0), (12, 0.3), (18, 1.0), (40, 1.2), (65, 0.9), (80, 0.5))
R_DOG: Steps = ((0, 0.0), (2, 1.4), (10, 1.0), (20, 0.9), (60, 1.0), (80, 0.6))
R_BLUNT: Steps = ((0, 0.6), (3, 1.0), (15, 1.0), (45, 0.9), (60, 0.7))
R_ASSAULT: Steps = ((0, 0.0), (16, 0.8), (20, 1.2), (30, 1.0), (45, 0.6), (60, 0.1), (70, 0.0))
R_SPORTS: Steps = ((0, 0.0), (8, 1.0), (13, 1.6), (18, 1.4), (30, 0.8), (45, 0.4), (60, 0.1),
                   (70, 0.0))
R_CHOKE: Steps = ((0, 0.0), (1, 1.0), (4, 0.2), (10, 0.0), (60, 0.8), (75, 2.0))
R_POISON_HOME: Steps = ((0, 0.0), (1, 2.5), (6, 0.0), (18, 0.6), (60, 1.0))
R_FARMER: Steps = ((0, 0.0), (18, 0.5), (30, 1.0), (50, 1.3), (65, 1.0), (75, 0.5), (86, 0.0))
R_RURAL_ADULT: Steps = ((0, 0.0), (15, 0.6), (25, 1.0), (45, 1.3), (60, 0.0))
R_RURAL_RIDER: Steps = ((0, 0.1), (10, 0.3), (16, 1.0), (25, 1.2), (45, 1.2), (60, 1.0),
                        (70, 0.6), (80, 0.2), (86, 0.0))
R_DROWN: Steps = ((0, 0.0), (2, 1.2), (5, 2.0), (10, 1.8), (15, 0.4), (18, 0.06), (60, 0.0))
R_SELF_HARM: Steps = ((0, 0.0), (15, 0.6), (25, 1.0), (45, 1.0), (60, 1.5), (75, 1.2),
                      (90, 0.0))
R_WORKER: Steps = ((0, 0.0), (18, 0.8), (22, 1.0), (30, 1.0), (45, 0.8), (55, 0.5), (60, 0.15),
                   (65, 0.0))
R_TRUCK: Steps = ((0, 0.05), (16, 0.6), (20, 1.0), (45, 0.9), (60, 0.4), (75, 0.1))
R_HEAT: Steps = ((0, 0.0), (18, 0.8), (30, 1.0), (45, 1.3), (60, 0.0))


@dataclass(frozen=True)
class Event:
    """Where and doing what the injury happened, with fitting 伤害经过 sentence openings."""

    place: InjuryPlace
    activity: InjuryActivity
    texts: tuple[str, ...]
    weight: float = 1.0
    ages: tuple[int, int] = (0, 120)
    parts: tuple[BodyPart, ...] = ()
    """Body parts the event can injure (empty: any of the scenario's lesions)."""
    hours: tuple[float, ...] | None = None
    months: tuple[float, ...] | None = None
    intent: InjuryIntent | None = None
    occupations: Weighted[Occupation] = ()
    lethal: bool = True
    """Whether the event can end in death (given a lethal 重度 injury)."""
    lesions: tuple[Lesion, ...] = ()
    """Injuries of this event only (empty: the scenario's)."""


@dataclass(frozen=True)
class Lesion:
    """What the injury did: nature(s), body part, severity odds and sentence endings."""

    natures: tuple[InjuryNature, ...]
    part: BodyPart
    texts: tuple[str, ...]
    severity: tuple[float, float, float] = (0.85, 0.14, 0.01)
    """Relative odds of 轻度, 中度, 重度."""
    weight: float = 1.0
    lethal: bool = False
    """Whether a 重度 case of this injury can end in death."""


@dataclass(frozen=True)
class Scenario:
    """One typical way people of a community get injured."""

    key: str
    cause: InjuryCause
    risk: Steps
    events: tuple[Event, ...]
    lesions: tuple[Lesion, ...]
    male: float = 1.0
    """Rate of males relative to females."""
    months: tuple[float, ...] = M_FLAT
    hours: tuple[float, ...] = H_DAY
    intent: InjuryIntent = InjuryIntent.UNINTENTIONAL
    alcohol: float = 0.03
    """Share of adult men who had been drinking (a quarter of that for women)."""
    death: float = 0.0
    """Odds of a 重度 case of a lethal injury being one of the community's deaths."""
    occupations: Weighted[Occupation] = ()
    """Occupations of the adults injured (empty: the community's usual mix)."""
    delay: tuple[float, float, float] = (12.0, 360.0, 45.0)
    """Minutes from injury to visit: lowest, highest, most common."""


@dataclass(frozen=True)
class Use:
    """A scenario's share of a community's records and its trend over 2023, 2024, 2025.

    Rare scenarios give ``fixed``, the exact number of records in each year, instead, so that
    a handful of cases is not left to chance.
    """

    scenario: Scenario
    weight: float
    trend: tuple[float, float, float] = (1.0, 1.0, 1.0)
    fixed: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class Site:
    """An example community: where its folder is and how its injuries look."""

    folder: str
    seed: int
    prefix: str
    total: int
    kind: Kind
    units: tuple[str, str]
    """First-visit unit (clinic, township hospital) and the referral hospital."""
    households: Weighted[Household]
    households_old: Weighted[Household]
    uses: tuple[Use, ...]
    disabled_share: float = 0.04
    """Share of the injured who are 残疾人 (more of them among older people)."""
    deaths: int = 3
    """Number of 死亡 outcomes, drawn among the 重度 cases of lethal injuries."""


def reweight(lesions: tuple[Lesion, ...], severe: float) -> tuple[Lesion, ...]:
    """Return ``lesions`` with the grave ones made more likely (``severe`` > 0) or less."""
    out = []
    for lesion in lesions:
        mild, moderate, grave = lesion.severity
        share = (moderate * 0.5 + grave) / (mild + moderate + grave)
        out.append(Lesion(lesion.natures, lesion.part, lesion.texts, lesion.severity,
                          lesion.weight * max(0.05, 1.0 + severe * share), lesion.lethal))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Lesion tables shared by several scenarios.
# ---------------------------------------------------------------------------------------------

FALL_ELDER = (
    Lesion((N.FRACTURE,), B.UPPER_LIMB,
           ("{side}手撑地，{side}腕部肿痛畸形", "{side}手腕着地", "{side}肩部着地，活动受限"),
           (0.04, 0.86, 0.10), 3.0),
    Lesion((N.FRACTURE,), B.LOWER_LIMB,
           ("{side}侧臀部着地，{side}髋部疼痛不能站立", "{side}髋部着地，不能行走"),
           (0.0, 0.65, 0.35), 2.0, lethal=True),
    Lesion((N.CONTUSION,), B.HEAD, ("额头着地，额部皮肤擦伤", "头部碰撞致头皮血肿"),
           (0.82, 0.17, 0.01), 2.0),
    Lesion((N.OPEN_WOUND,), B.HEAD, ("眉弓处磕破出血", "额部着地致皮肤裂伤"),
           (0.85, 0.15, 0.0), 1.2),
    Lesion((N.CONTUSION,), B.LOWER_LIMB, ("{side}膝着地，膝部擦伤肿痛", "{side}小腿擦伤"),
           (0.92, 0.08, 0.0), 2.5),
    Lesion((N.SPRAIN,), B.LOWER_LIMB, ("{side}踝关节扭伤",), (0.9, 0.1, 0.0), 1.0),
    Lesion((N.FRACTURE,), B.TRUNK, ("臀部着地致腰背部疼痛，活动受限",), (0.03, 0.8, 0.17), 1.0),
    Lesion((N.CONTUSION,), B.TRUNK, ("腰背部着地，局部软组织挫伤",), (0.92, 0.08, 0.0), 1.2),
    Lesion((N.CONCUSSION, N.CONTUSION), B.HEAD, ("后脑着地，伴意识不清",),
           (0.0, 0.45, 0.55), 0.6, lethal=True),
    Lesion((N.CONTUSION,), B.MULTIPLE, ("全身多处软组织挫伤",), (0.6, 0.37, 0.03), 1.0),
)

FALL_ADULT = (
    Lesion((N.SPRAIN,), B.LOWER_LIMB, ("{side}踝关节扭伤肿痛", "{side}脚踝内翻扭伤"),
           (0.92, 0.08, 0.0), 3.0),
    Lesion((N.CONTUSION,), B.LOWER_LIMB, ("{side}膝部擦伤", "{side}膝着地致膝部挫伤"),
           (0.95, 0.05, 0.0), 2.5),
    Lesion((N.CONTUSION,), B.UPPER_LIMB, ("{side}肘部擦伤", "{side}手掌擦伤"),
           (0.96, 0.04, 0.0), 2.0),
    Lesion((N.SPRAIN,), B.UPPER_LIMB, ("{side}手撑地致{side}腕关节扭伤",), (0.92, 0.08, 0.0), 1.0),
    Lesion((N.FRACTURE,), B.UPPER_LIMB, ("{side}手撑地致{side}桡骨远端骨折",),
           (0.02, 0.9, 0.08), 1.2),
    Lesion((N.FRACTURE,), B.LOWER_LIMB, ("{side}小腿着地致胫腓骨骨折", "{side}踝部骨折"),
           (0.0, 0.7, 0.3), 0.6),
    Lesion((N.CONTUSION,), B.HEAD, ("头部着地，头皮血肿",), (0.85, 0.15, 0.0), 1.0),
    Lesion((N.OPEN_WOUND,), B.HEAD, ("额部着地致皮肤裂伤", "下颌磕破出血"), (0.9, 0.1, 0.0), 0.8),
    Lesion((N.CONTUSION,), B.TRUNK, ("腰背部着地，软组织挫伤",), (0.9, 0.1, 0.0), 1.0),
)

FALL_HEIGHT = (
    Lesion((N.FRACTURE,), B.LOWER_LIMB, ("双足着地，{side}跟骨骨折", "{side}小腿着地致胫骨骨折"),
           (0.0, 0.6, 0.4), 2.0),
    Lesion((N.FRACTURE,), B.TRUNK, ("臀部着地致腰椎压缩性骨折", "背部着地致肋骨骨折"),
           (0.0, 0.5, 0.5), 1.5),
    Lesion((N.CONTUSION,), B.MULTIPLE, ("全身多处擦挫伤",), (0.65, 0.35, 0.0), 2.0),
    Lesion((N.SPRAIN,), B.LOWER_LIMB, ("{side}踝关节扭伤",), (0.9, 0.1, 0.0), 1.5),
    Lesion((N.FRACTURE,), B.UPPER_LIMB, ("{side}手撑地致{side}前臂骨折",), (0.02, 0.9, 0.08), 1.2),
    Lesion((N.CONCUSSION, N.FRACTURE), B.HEAD, ("头部着地，伴意识障碍",), (0.0, 0.3, 0.7), 0.6,
           lethal=True),
    Lesion((N.FRACTURE, N.ORGAN), B.MULTIPLE, ("多发骨折伴腹腔脏器损伤",), (0.0, 0.1, 0.9), 0.5,
           lethal=True),
)

FALL_CHILD = (
    Lesion((N.OPEN_WOUND,), B.HEAD, ("额头着地致皮肤裂伤", "下巴磕破出血", "额头磕到硬物致皮肤裂伤"),
           (0.9, 0.1, 0.0), 3.0),
    Lesion((N.CONTUSION,), B.HEAD, ("头部着地致头皮血肿",), (0.85, 0.15, 0.0), 2.0),
    Lesion((N.CONTUSION,), B.LOWER_LIMB, ("{side}膝部擦伤", "双膝擦伤"), (0.98, 0.02, 0.0), 2.5),
    Lesion((N.CONTUSION,), B.UPPER_LIMB, ("{side}肘部擦伤",), (0.98, 0.02, 0.0), 1.5),
    Lesion((N.FRACTURE,), B.UPPER_LIMB,
           ("{side}手撑地致{side}前臂骨折", "{side}肘部着地致肱骨髁上骨折"), (0.02, 0.9, 0.08), 1.2),
    Lesion((N.SPRAIN,), B.LOWER_LIMB, ("{side}踝关节扭伤",), (0.95, 0.05, 0.0), 1.0),
    Lesion((N.CONCUSSION,), B.HEAD, ("头部着地后呕吐，诊断为脑震荡",), (0.0, 0.75, 0.25), 0.4),
)

TRAFFIC = (
    Lesion((N.CONTUSION,), B.MULTIPLE, ("全身多处擦伤", "四肢多处擦挫伤"), (0.85, 0.15, 0.0), 3.0),
    Lesion((N.CONTUSION,), B.LOWER_LIMB, ("{side}膝部及小腿擦伤",), (0.95, 0.05, 0.0), 2.0),
    Lesion((N.CONTUSION,), B.UPPER_LIMB, ("{side}肘部擦伤",), (0.95, 0.05, 0.0), 1.5),
    Lesion((N.OPEN_WOUND,), B.HEAD, ("头面部擦伤伴皮肤裂伤",), (0.8, 0.2, 0.0), 1.0),
    Lesion((N.SPRAIN,), B.LOWER_LIMB, ("{side}踝关节扭伤",), (0.92, 0.08, 0.0), 1.0),
    Lesion((N.FRACTURE,), B.UPPER_LIMB, ("{side}肩部受撞击致{side}锁骨骨折", "{side}前臂受撞击致桡骨骨折"),
           (0.0, 0.85, 0.15), 1.0),
    Lesion((N.FRACTURE,), B.LOWER_LIMB, ("{side}小腿受撞击致胫腓骨骨折",),
           (0.0, 0.65, 0.35), 1.0),
    Lesion((N.FRACTURE,), B.TRUNK, ("胸部撞击致肋骨骨折",), (0.0, 0.7, 0.3), 0.6),
    Lesion((N.CONCUSSION, N.CONTUSION), B.HEAD, ("头部受撞击，伴意识障碍",), (0.0, 0.5, 0.5), 0.7,
           lethal=True),
    Lesion((N.FRACTURE, N.ORGAN), B.MULTIPLE, ("多发骨折伴内脏损伤",), (0.0, 0.1, 0.9), 0.35,
           lethal=True),
)

BURNS = (
    Lesion((N.BURN,), B.UPPER_LIMB, ("致{side}手背烫伤起水疱", "致{side}前臂烫伤"),
           (0.8, 0.2, 0.0), 3.0),
    Lesion((N.BURN,), B.LOWER_LIMB, ("致{side}小腿烫伤", "致{side}足背烫伤起水疱"),
           (0.7, 0.28, 0.02), 2.0),
    Lesion((N.BURN,), B.TRUNK, ("致胸腹部烫伤",), (0.4, 0.5, 0.1), 1.0),
    Lesion((N.BURN,), B.HEAD, ("致面颈部烫伤",), (0.6, 0.4, 0.0), 0.8),
    Lesion((N.BURN,), B.MULTIPLE, ("致多部位烫伤",), (0.2, 0.6, 0.2), 0.6, lethal=True),
)

CUTS = (
    Lesion((N.OPEN_WOUND,), B.UPPER_LIMB,
           ("{side}手食指切割伤", "{side}手掌划伤出血", "{side}手拇指皮肤裂伤"),
           (0.95, 0.05, 0.0), 5.0),
    Lesion((N.OPEN_WOUND,), B.UPPER_LIMB, ("{side}手中指切伤，伤及肌腱",), (0.1, 0.85, 0.05), 0.6),
    Lesion((N.OPEN_WOUND,), B.LOWER_LIMB, ("{side}小腿划伤出血", "{side}足底被划伤"),
           (0.95, 0.05, 0.0), 0.8),
)

BITES = (
    Lesion((N.OPEN_WOUND,), B.LOWER_LIMB, ("伤在{side}小腿，皮肤破损出血", "{side}脚踝处可见齿痕"),
           (0.95, 0.05, 0.0), 4.0),
    Lesion((N.OPEN_WOUND,), B.UPPER_LIMB, ("{side}手背皮肤破损出血", "{side}手指被咬破"),
           (0.97, 0.03, 0.0), 3.0),
    Lesion((N.OPEN_WOUND,), B.HEAD, ("伤在面部，皮肤撕裂",), (0.5, 0.5, 0.0), 0.4),
)

BLUNT_GENERAL = (
    Lesion((N.CONTUSION,), B.UPPER_LIMB, ("{side}手指挫伤肿胀", "{side}前臂挫伤"),
           (0.95, 0.05, 0.0), 3.0),
    Lesion((N.FRACTURE,), B.UPPER_LIMB, ("{side}手指骨折",), (0.2, 0.8, 0.0), 1.0),
    Lesion((N.CONTUSION,), B.LOWER_LIMB, ("{side}足背挫伤肿痛", "{side}小腿挫伤"),
           (0.95, 0.05, 0.0), 2.0),
    Lesion((N.CONTUSION,), B.HEAD, ("头部挫伤，头皮血肿",), (0.85, 0.15, 0.0), 1.5),
    Lesion((N.OPEN_WOUND,), B.HEAD, ("头皮裂伤出血",), (0.85, 0.15, 0.0), 1.0),
    Lesion((N.CONTUSION,), B.TRUNK, ("胸背部挫伤",), (0.9, 0.1, 0.0), 0.8),
)

ASSAULTS = (
    Lesion((N.CONTUSION,), B.HEAD, ("面部挫伤", "眼眶周围青紫肿胀"), (0.9, 0.1, 0.0), 3.0),
    Lesion((N.OPEN_WOUND,), B.HEAD, ("头皮裂伤出血",), (0.7, 0.3, 0.0), 2.0),
    Lesion((N.CONTUSION,), B.MULTIPLE, ("全身多处软组织挫伤",), (0.8, 0.2, 0.0), 2.0),
    Lesion((N.FRACTURE,), B.HEAD, ("鼻骨骨折",), (0.1, 0.85, 0.05), 0.8),
    Lesion((N.CONTUSION,), B.UPPER_LIMB, ("{side}前臂挫伤",), (0.95, 0.05, 0.0), 1.0),
)

STABS = (
    Lesion((N.OPEN_WOUND,), B.UPPER_LIMB, ("{side}前臂刀割伤", "{side}手掌划伤"),
           (0.6, 0.4, 0.0), 3.0),
    Lesion((N.OPEN_WOUND,), B.TRUNK, ("背部刺伤",), (0.2, 0.6, 0.2), 1.0),
    Lesion((N.OPEN_WOUND, N.ORGAN), B.TRUNK, ("腹部刺伤，伤及内脏",), (0.0, 0.2, 0.8), 0.4,
           lethal=True),
)

WHOLE_BODY_MILD = (
    Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("出现头晕、恶心、呕吐", "出现头痛、乏力"),
           (0.6, 0.38, 0.02), 3.0),
    Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("出现意识模糊，呼吸急促",), (0.0, 0.4, 0.6), 0.8,
           lethal=True),
)

SELF_POISON = (
    Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("被家人发现后送医，出现呕吐、腹痛",), (0.1, 0.65, 0.25), 2.0),
    Lesion((N.ORGAN,), B.WHOLE_BODY, ("被家人发现时已意识不清",), (0.0, 0.3, 0.7), 1.0,
           lethal=True),
)

CHOKING = (
    Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("出现呼吸困难、面色青紫", "出现剧烈呛咳、呼吸困难"),
           (0.3, 0.5, 0.2), 1.0, lethal=True),
)

DROWNED = (
    Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("被人发现救起后送医", "被同伴呼救后救起送医"),
           (0.1, 0.3, 0.6), 1.0, lethal=True),
)

SPRAINS = (
    Lesion((N.SPRAIN,), B.LOWER_LIMB, ("{side}踝关节扭伤肿痛", "{side}膝关节扭伤"),
           (0.9, 0.1, 0.0), 4.0),
    Lesion((N.SPRAIN,), B.UPPER_LIMB, ("{side}腕关节扭伤",), (0.95, 0.05, 0.0), 1.5),
    Lesion((N.SPRAIN,), B.TRUNK, ("腰部扭伤",), (0.95, 0.05, 0.0), 1.0),
)

# ---------------------------------------------------------------------------------------------
# Scenarios.
# ---------------------------------------------------------------------------------------------

ELDER_FALL_HOME = Scenario(
    "elder-fall-home", C.FALL, R_ELDER, (
        Event(P.HOME, A.VITAL, ("在家中卫生间滑倒", "如厕起身时在卫生间摔倒"), 3.0),
        Event(P.HOME, A.VITAL, ("洗澡时在浴室滑倒",), 2.0),
        Event(P.HOME, A.VITAL, ("夜间起床如厕时在卧室跌倒", "夜间起夜时未开灯被绊倒"), 2.0,
              hours=H_NIGHT),
        Event(P.HOME, A.VITAL, ("从床上起身时头晕跌倒", "从沙发上起身时跌倒"), 1.5),
        Event(P.HOME, A.HOUSEWORK, ("在家中拖地后地面湿滑摔倒", "在厨房做饭时转身跌倒"), 1.5),
        Event(P.HOME, A.HOUSEWORK, ("站在凳子上取高处物品时跌落", "站在椅子上晾衣服时跌落"), 1.0),
        Event(P.HOME, A.LEISURE, ("在客厅被地上的电线绊倒", "在家中行走时被门槛绊倒"), 1.0),
    ), FALL_ELDER, male=0.8, months=M_WINTER, hours=H_ELDER, death=0.15,
    delay=(20.0, 360.0, 90.0),
)

ELDER_FALL_OUT = Scenario(
    "elder-fall-out", C.FALL, R_ELDER, (
        Event(P.RESIDENTIAL, A.WALKING, ("在小区楼道下楼梯时踩空摔倒", "在小区内散步时被台阶绊倒"), 3.0),
        Event(P.ROAD, A.WALKING, ("雨天在人行道上滑倒", "过马路时被路沿石绊倒"), 2.0),
        Event(P.SCHOOL_PUBLIC, A.SPORTS, ("在公园晨练时摔倒", "在广场跳广场舞时摔倒"), 1.5,
              hours=H_MORNING),
        Event(P.TRADE, A.WALKING, ("在农贸市场购物时地面湿滑摔倒", "在超市购物时滑倒"), 1.0),
    ), FALL_ELDER, male=0.85, months=M_WINTER, hours=H_OUT, death=0.1,
)

ADULT_FALL = Scenario(
    "adult-fall", C.FALL, R_ADULT, (
        Event(P.HOME, A.HOUSEWORK, ("在家中擦窗户时从椅子上跌落", "在家中拖地时滑倒"), 1.5),
        Event(P.HOME, A.VITAL, ("洗澡时在浴室滑倒",), 1.0),
        Event(P.ROAD, A.WALKING, ("下雨天在路上行走时滑倒", "行走时看手机踩空台阶摔倒"), 2.0),
        Event(P.RESIDENTIAL, A.WALKING, ("在小区楼道下楼梯时踩空摔倒",), 1.5),
        Event(P.SPORTS, A.SPORTS, ("打篮球时与人碰撞摔倒", "在健身房跑步机上跑步时摔倒"), 1.5,
              ages=(15, 50)),
        Event(P.TRADE, A.WORK, ("在餐馆工作时后厨地面油滑摔倒", "在超市理货时从梯子上跌落"), 1.0,
              ages=(18, 59), occupations=((Job.SERVICE, 1.0),)),
        Event(P.INDUSTRIAL, A.WORK, ("在装修工地作业时从人字梯上跌落",), 0.8, ages=(20, 59),
              occupations=((Job.PRODUCTION, 1.0),)),
    ), FALL_ADULT, male=1.2, months=M_WINTER, hours=H_DAY,
)

CHILD_FALL = Scenario(
    "child-fall", C.FALL, R_CHILD, (
        Event(P.HOME, A.LEISURE, ("在家中沙发上玩耍时跌落",), 1.0, ages=(1, 8)),
        Event(P.HOME, A.LEISURE, ("在床上蹦跳时摔下床",), 1.0, ages=(3, 10)),
        Event(P.HOME, A.VITAL, ("从大人床上翻落", "从婴儿床上翻落"), 1.0, ages=(0, 1)),
        Event(P.HOME, A.VITAL, ("学步时在客厅摔倒",), 1.0, ages=(1, 2)),
        Event(P.HOME, A.LEISURE, ("在家中奔跑时滑倒",), 1.0, ages=(3, 14)),
        Event(P.SCHOOL_PUBLIC, A.STUDY, ("课间在学校走廊追逐时摔倒", "在教室座位上后仰摔倒"), 2.0,
              ages=(6, 14), hours=H_SCHOOL, months=M_SCHOOL),
        Event(P.SCHOOL_PUBLIC, A.SPORTS, ("上体育课跑步时摔倒",), 1.0, ages=(6, 14),
              hours=H_SCHOOL, months=M_SCHOOL),
        Event(P.SCHOOL_PUBLIC, A.LEISURE, ("在幼儿园户外活动时摔倒",), 1.0, ages=(3, 5),
              hours=H_SCHOOL, months=M_SCHOOL),
        Event(P.RESIDENTIAL, A.LEISURE, ("在小区游乐设施上玩耍时跌落", "在小区内骑儿童自行车时摔倒",
                                         "在小区内玩滑板车时摔倒"), 2.0, ages=(2, 14)),
        Event(P.ROAD, A.WALKING, ("放学途中在人行道上奔跑时摔倒",), 0.8, ages=(6, 14)),
    ), FALL_CHILD, male=1.4, months=M_FLAT, hours=H_CHILD,
)

EBIKE = Scenario(
    "ebike", C.NON_MOTOR_VEHICLE, R_RIDER, (
        Event(P.ROAD, A.TRANSPORT, ("骑电动自行车转弯时与对向电动自行车相撞",
                                    "骑电动自行车与路边停放车辆刮擦后摔倒"), 3.0, ages=(16, 85)),
        Event(P.ROAD, A.TRANSPORT, ("雨天骑电动自行车在路口滑倒", "骑电动自行车躲避行人时摔倒"),
              2.5, ages=(16, 85)),
        Event(P.ROAD, A.WORK, ("骑电动自行车送外卖时为避让行人摔倒", "送快递途中电动自行车侧滑摔倒"),
              2.0, ages=(18, 55), occupations=((Job.SERVICE, 1.0),)),
        Event(P.ROAD, A.TRANSPORT, ("乘坐家长的电动自行车时脚被卷入后轮",), 0.8, ages=(3, 12),
              parts=(B.LOWER_LIMB,)),
        Event(P.ROAD, A.TRANSPORT, ("骑自行车下坡时刹车不及摔倒",), 1.0, ages=(12, 70)),
        Event(P.ROAD, A.WALKING, ("步行过马路时被逆行的电动自行车撞倒",), 1.2),
    ), reweight(TRAFFIC, -0.5), male=1.5, months=M_TRAFFIC, hours=H_TRAFFIC, alcohol=0.06,
    death=0.5, delay=(12.0, 300.0, 35.0),
)

MOTOR_URBAN = Scenario(
    "motor-urban", C.MOTOR_VEHICLE, R_ROAD_ALL, (
        Event(P.ROAD, A.WALKING, ("步行过马路时被小轿车撞倒", "在路口等候时被转弯车辆剐倒"), 2.5),
        Event(P.ROAD, A.TRANSPORT, ("乘坐出租车时与前车追尾", "乘坐公交车时车辆急刹摔倒"), 1.5,
              ages=(3, 100), lethal=False),
        Event(P.ROAD, A.TRANSPORT, ("驾驶小轿车与货车发生碰撞",), 1.0, ages=(18, 75)),
        Event(P.ROAD, A.TRANSPORT, ("骑电动自行车被右转的货车刮倒", "骑电动自行车与小轿车相撞"),
              2.5, ages=(16, 80)),
    ), TRAFFIC, male=1.3, months=M_TRAFFIC, hours=H_TRAFFIC, alcohol=0.06, death=1.0,
    delay=(12.0, 240.0, 30.0),
)

BURN_HOME_URBAN = Scenario(
    "burn-home", C.BURN, R_BURN_HOME, (
        Event(P.HOME, A.LEISURE, ("在家中打翻桌上的热水杯", "碰倒刚烧开的水壶", "伸手抓取热汤碗"),
              3.0, ages=(1, 6)),
        Event(P.HOME, A.HOUSEWORK, ("在家中做饭时被热油溅到", "煮饭时被锅盖蒸汽"), 2.0,
              ages=(12, 95), parts=(B.UPPER_LIMB, B.HEAD)),
        Event(P.HOME, A.HOUSEWORK, ("倒开水时不慎", "端热汤时不慎洒出"), 1.5, ages=(12, 95)),
        Event(P.HOME, A.VITAL, ("睡觉时使用热水袋取暖", "使用电暖器取暖时距离过近"), 1.5,
              ages=(55, 100), parts=(B.LOWER_LIMB,), months=M_CO),
        Event(P.HOME, A.VITAL, ("洗澡时热水器出水过烫",), 0.8, ages=(7, 100)),
        Event(P.HOME, A.OTHER_UNKNOWN, ("楼道内电动自行车充电时起火，逃生途中",), 0.3, ages=(16, 90),
              parts=(B.UPPER_LIMB, B.HEAD, B.MULTIPLE)),
    ), BURNS, male=1.0, months=M_COLD, hours=H_KITCHEN, delay=(10.0, 240.0, 30.0),
)

KNIFE_HOME = Scenario(
    "knife-home", C.SHARP, R_KNIFE, (
        Event(P.HOME, A.HOUSEWORK, ("在家中切菜时不慎切伤", "削水果时刀具滑脱"), 4.0,
              parts=(B.UPPER_LIMB,)),
        Event(P.HOME, A.HOUSEWORK, ("清扫打碎的碗碟时被碎瓷片划伤", "开罐头时被铁皮划伤"), 1.5),
    ), CUTS, male=0.7, months=M_FLAT, hours=H_KITCHEN,
)

SHARP_URBAN_WORK = Scenario(
    "sharp-work", C.SHARP, R_URBAN_WORK, (
        Event(P.TRADE, A.WORK, ("在餐馆后厨切配时被刀切伤", "在超市拆包装时被美工刀划伤"), 2.0,
              parts=(B.UPPER_LIMB,), occupations=((Job.SERVICE, 1.0),)),
        Event(P.INDUSTRIAL, A.WORK, ("在装修工地切割板材时被切割机划伤",), 1.0,
              occupations=((Job.PRODUCTION, 1.0),)),
        Event(P.RESIDENTIAL, A.HOUSEWORK, ("在小区倒垃圾时被碎玻璃划伤",), 0.6),
    ), CUTS, male=1.3, months=M_FLAT, hours=H_WORK,
)

DOG_URBAN = Scenario(
    "dog-urban", C.ANIMAL, R_DOG, (
        Event(P.RESIDENTIAL, A.WALKING, ("在小区内散步时被未拴绳的犬只咬伤",), 3.0),
        Event(P.ROAD, A.WALKING, ("路过街边时被流浪狗咬伤",), 2.0),
        Event(P.HOME, A.LEISURE, ("在家中逗玩宠物狗时被咬伤", "给宠物猫洗澡时被抓伤"), 2.5,
              parts=(B.UPPER_LIMB, B.HEAD)),
        Event(P.RESIDENTIAL, A.LEISURE, ("在小区玩耍时被邻居家犬只咬伤",), 1.0, ages=(2, 12)),
    ), BITES, male=1.0, months=M_WARM, hours=H_ANIMAL, delay=(20.0, 360.0, 90.0),
)

BLUNT_URBAN = Scenario(
    "blunt-urban", C.BLUNT, R_BLUNT, (
        Event(P.HOME, A.HOUSEWORK, ("在家中搬家具时被柜子砸伤",), 1.5, ages=(18, 80)),
        Event(P.HOME, A.LEISURE, ("手指被房门夹伤",), 1.5, ages=(1, 10), parts=(B.UPPER_LIMB,)),
        Event(P.SPORTS, A.SPORTS, ("踢足球时被对方球员踢伤", "打篮球时被篮球砸伤手指"), 1.5,
              ages=(10, 45), parts=(B.LOWER_LIMB, B.UPPER_LIMB)),
        Event(P.TRADE, A.WORK, ("在商场搬运货物时被货箱砸伤",), 1.0, ages=(18, 59),
              occupations=((Job.SERVICE, 1.0),)),
        Event(P.SCHOOL_PUBLIC, A.STUDY, ("课间与同学相撞",), 1.0, ages=(6, 14),
              parts=(B.HEAD, B.UPPER_LIMB), hours=H_SCHOOL, months=M_SCHOOL),
        Event(P.RESIDENTIAL, A.WALKING, ("在楼下行走时被高空坠落的杂物砸伤",), 0.3, ages=(3, 90),
              parts=(B.HEAD, B.UPPER_LIMB)),
    ), BLUNT_GENERAL, male=1.3, months=M_FLAT, hours=H_DAY,
)

ASSAULT = Scenario(
    "assault", C.BLUNT, R_ASSAULT, (
        Event(P.TRADE, A.LEISURE, ("在烧烤店与人发生口角后被打伤", "在夜宵摊与人发生冲突被打伤"), 2.0),
        Event(P.ROAD, A.OTHER_UNKNOWN, ("在路边与人发生冲突被拳脚击伤",), 1.5),
        Event(P.HOME, A.OTHER_UNKNOWN, ("与家人争执时被推搡撞伤",), 0.8),
    ), ASSAULTS, male=4.0, months=M_FLAT, hours=H_EVENING, intent=InjuryIntent.ASSAULT,
    alcohol=0.5,
)

POISON_URBAN = Scenario(
    "poison-urban", C.POISONING, R_POISON_HOME, (
        Event(P.HOME, A.LEISURE, ("在家中误食家人的降压药片", "误服放在茶几上的感冒药"), 2.0,
              ages=(1, 5)),
        Event(P.HOME, A.VITAL, ("洗澡时燃气热水器通风不良致一氧化碳中毒",), 1.5, ages=(18, 95),
              months=M_CO),
        Event(P.HOME, A.HOUSEWORK, ("打扫卫生时混用84消毒液与洁厕剂吸入有害气体",), 1.0,
              ages=(25, 90), lethal=False),
        Event(P.HOME, A.OTHER_UNKNOWN, ("因情绪低落过量服用安眠药",), 0.6, ages=(18, 90),
              intent=InjuryIntent.SELF_HARM),
    ), WHOLE_BODY_MILD, male=0.9, months=M_FLAT, hours=H_DAY, death=0.3,
    delay=(15.0, 300.0, 60.0),
)

CHOKE = Scenario(
    "choke", C.SUFFOCATION, R_CHOKE, (
        Event(P.HOME, A.VITAL, ("在家中吃汤圆时被噎住", "进食时被食物卡住气道"), 2.0, ages=(60, 100)),
        Event(P.HOME, A.LEISURE, ("玩耍时将花生米吸入气道", "将玩具小零件放入口中误吸"), 1.0,
              ages=(1, 4)),
    ), CHOKING, male=1.0, months=M_FLAT, hours=H_KITCHEN, death=0.5, delay=(12.0, 120.0, 25.0),
)

SPORTS_SPRAIN = Scenario(
    "sports-sprain", C.OTHER, R_SPORTS, (
        Event(P.SPORTS, A.SPORTS, ("打篮球起跳落地时扭伤", "打羽毛球时扭伤", "跑步时扭伤"), 3.0,
              ages=(12, 70)),
        Event(P.SCHOOL_PUBLIC, A.SPORTS, ("上体育课跳远时扭伤", "课外活动跳绳时扭伤"), 1.5,
              ages=(8, 18), hours=H_SCHOOL, months=M_SCHOOL),
    ), SPRAINS, male=1.6, months=M_FLAT, hours=H_CHILD, delay=(30.0, 360.0, 120.0),
)

NEAR_DROWN_URBAN = Scenario(
    "near-drown-urban", C.DROWNING, R_DROWN, (
        Event(P.OTHER, A.LEISURE, ("在清河亲水步道旁嬉水时滑入河中",), 1.0, ages=(4, 16)),
        Event(P.SPORTS, A.SPORTS, ("在游泳馆游泳时呛水",), 1.0, ages=(6, 20)),
    ), (Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("被人救起后送医，呛咳明显",), (0.7, 0.3, 0.0), 1.0),),
    male=1.8, months=M_SUMMER, hours=H_SWIM, delay=(12.0, 120.0, 25.0),
)

# -- rural township ---------------------------------------------------------------------------

ELDER_FALL_RURAL = Scenario(
    "elder-fall-rural", C.FALL, R_ELDER, (
        Event(P.HOME, A.VITAL, ("在家中卫生间滑倒", "洗澡时在浴室滑倒"), 2.5),
        Event(P.HOME, A.VITAL, ("夜间起床如厕时跌倒", "夜间起夜时在院子里摔倒"), 2.0, hours=H_NIGHT),
        Event(P.HOME, A.WALKING, ("在院子里行走时被门槛绊倒", "下楼时楼梯无扶手踩空摔倒"), 2.0),
        Event(P.HOME, A.HOUSEWORK, ("在院子里晾晒谷物时滑倒", "爬梯子到阁楼取物时跌落"), 1.5),
        Event(P.ROAD, A.WALKING, ("雨后在村道上行走时滑倒", "赶集途中在路边摔倒"), 1.5),
        Event(P.FARM, A.WORK, ("在菜地干活时摔倒", "在田埂上行走时滑倒"), 1.5,
              occupations=((Job.FARMING, 1.0),)),
    ), FALL_ELDER, male=0.85, months=M_WINTER, hours=H_ELDER, death=0.08,
    delay=(20.0, 360.0, 100.0),
)

ADULT_FALL_RURAL = Scenario(
    "adult-fall-rural", C.FALL, R_RURAL_ADULT, (
        Event(P.FARM, A.WORK, ("采摘果子时从树上跌落", "在茶园采茶时从坡坎上摔下"), 2.0,
              occupations=((Job.FARMING, 1.0),)),
        Event(P.FARM, A.WORK, ("在田埂上挑担时滑倒",), 1.5, occupations=((Job.FARMING, 1.0),)),
        Event(P.HOME, A.HOUSEWORK, ("上房顶修补瓦片时跌落", "在家中爬梯子取物时跌落"), 1.0),
        Event(P.INDUSTRIAL, A.WORK, ("在村民自建房工地从脚手架上跌落",), 1.0,
              occupations=((Job.PRODUCTION, 1.0),)),
        Event(P.ROAD, A.WALKING, ("雨后在村道上行走时滑倒",), 1.5),
    ), reweight(FALL_ADULT + FALL_HEIGHT[:2], 0.3), male=1.6, months=M_FARM, hours=H_FARM,
    death=0.2,
)

CHILD_FALL_RURAL = Scenario(
    "child-fall-rural", C.FALL, R_CHILD, (
        Event(P.HOME, A.LEISURE, ("在家中床上玩耍时跌落",), 1.2, ages=(1, 10)),
        Event(P.HOME, A.LEISURE, ("在院子里奔跑时摔倒",), 1.3, ages=(3, 12)),
        Event(P.HOME, A.VITAL, ("从床上翻落",), 1.0, ages=(0, 1)),
        Event(P.HOME, A.VITAL, ("学步时在堂屋摔倒",), 1.0, ages=(1, 2)),
        Event(P.SCHOOL_PUBLIC, A.STUDY, ("课间在学校操场追逐时摔倒",), 2.0, ages=(6, 14),
              hours=H_SCHOOL, months=M_SCHOOL),
        Event(P.OTHER, A.LEISURE, ("在村里爬树玩耍时跌落", "在晒谷场玩耍时摔倒"), 1.5, ages=(5, 14)),
        Event(P.ROAD, A.WALKING, ("放学途中在村道上摔倒",), 1.0, ages=(6, 14)),
    ), FALL_CHILD, male=1.5, months=M_FLAT, hours=H_CHILD,
)

MOTOR_RURAL = Scenario(
    "motor-rural", C.MOTOR_VEHICLE, R_RURAL_RIDER, (
        Event(P.ROAD, A.TRANSPORT, ("驾驶摩托车在村道转弯时与三轮车相撞", "驾驶摩托车在乡道上摔倒",
                                    "驾驶摩托车在县道急弯处冲出路面"), 4.0, ages=(16, 80)),
        Event(P.ROAD, A.TRANSPORT, ("驾驶电动三轮车下坡时侧翻", "驾驶农用三轮车与货车相撞"), 2.5,
              ages=(18, 80)),
        Event(P.ROAD, A.TRANSPORT, ("乘坐三轮车时车辆侧翻被甩出", "乘坐家人驾驶的摩托车时摔倒"), 1.5,
              ages=(3, 90)),
        Event(P.ROAD, A.WALKING, ("在省道旁步行时被摩托车撞倒", "赶集途中过马路时被面包车撞倒"), 1.5),
    ), reweight(TRAFFIC, 0.8), male=2.2, months=M_TRAFFIC, hours=H_TRAFFIC, alcohol=0.12,
    death=3.0, delay=(15.0, 300.0, 50.0),
)

EBIKE_RURAL = Scenario(
    "ebike-rural", C.NON_MOTOR_VEHICLE, R_RURAL_RIDER, (
        Event(P.ROAD, A.TRANSPORT, ("骑电动自行车在村道上摔倒", "骑电动自行车与另一辆电动自行车相撞"),
              3.0, ages=(16, 80)),
        Event(P.ROAD, A.TRANSPORT, ("骑自行车上学途中摔倒",), 1.5, ages=(8, 16), hours=H_SCHOOL),
        Event(P.ROAD, A.WALKING, ("在村道上步行时被电动自行车撞倒",), 1.0),
    ), reweight(TRAFFIC, -0.5), male=1.5, months=M_TRAFFIC, hours=H_TRAFFIC, alcohol=0.08,
    death=0.4, delay=(15.0, 300.0, 50.0),
)

FARM_SHARP = Scenario(
    "farm-sharp", C.SHARP, R_FARMER, (
        Event(P.FARM, A.WORK, ("用镰刀割稻时割伤", "砍竹子时柴刀滑脱", "修剪果树时被枝剪夹伤"), 4.0),
        Event(P.FARM, A.WORK, ("在水田里劳作时被碎玻璃划伤",), 1.0, parts=(B.LOWER_LIMB,)),
        Event(P.HOME, A.HOUSEWORK, ("在家中劈柴时柴刀滑脱",), 1.5),
        Event(P.INDUSTRIAL, A.WORK, ("在茶叶加工厂清理揉捻机时被划伤",), 0.8, months=M_TEA,
              parts=(B.UPPER_LIMB,)),
    ), CUTS, male=1.3, months=M_FARM, hours=H_FARM, occupations=((Job.FARMING, 1.0),),
)

FARM_MACHINE = Scenario(
    "farm-machine", C.BLUNT, R_FARMER, (
        Event(P.FARM, A.WORK, ("操作微耕机时被机器带倒碾压", "使用脱粒机时手被卷入"), 2.0,
              parts=(B.UPPER_LIMB, B.LOWER_LIMB)),
        Event(P.FARM, A.WORK, ("搬运化肥袋时被砸伤", "扛木料下山时被木料砸伤"), 2.0),
        Event(P.INDUSTRIAL, A.WORK, ("在石料场作业时被滚落的石块砸伤",), 1.2,
              occupations=((Job.PRODUCTION, 1.0),)),
        Event(P.INDUSTRIAL, A.WORK, ("在茶叶加工厂操作揉捻机时手被卷入",), 0.8, months=M_TEA,
              parts=(B.UPPER_LIMB,)),
    ), (*BLUNT_GENERAL,
        Lesion((N.FRACTURE, N.OPEN_WOUND), B.UPPER_LIMB, ("{side}手指开放性骨折",),
               (0.0, 0.85, 0.15), 1.0),
        Lesion((N.FRACTURE,), B.LOWER_LIMB, ("{side}小腿骨折",), (0.0, 0.7, 0.3), 0.6),
    ), male=2.0, months=M_FARM, hours=H_FARM, occupations=((Job.FARMING, 1.0),),
)

BURN_RURAL = Scenario(
    "burn-rural", C.BURN, R_BURN_HOME, (
        Event(P.HOME, A.LEISURE, ("在灶台边玩耍时打翻热水瓶", "在火盆边玩耍时碰到炭火"), 3.0,
              ages=(1, 6)),
        Event(P.HOME, A.HOUSEWORK, ("烧柴火做饭时被灶口窜出的火苗燎伤",), 1.5, ages=(12, 95),
              parts=(B.UPPER_LIMB, B.HEAD)),
        Event(P.HOME, A.HOUSEWORK, ("倒开水时不慎", "从大锅里舀热水时不慎"), 2.0, ages=(12, 95)),
        Event(P.HOME, A.VITAL, ("冬天使用热水袋取暖", "烤火取暖时裤脚被引燃"), 1.5, ages=(55, 100),
              parts=(B.LOWER_LIMB,), months=M_CO),
        Event(P.FARM, A.WORK, ("在田间焚烧秸秆时被火烧伤",), 0.8, ages=(18, 85), months=M_STRAW,
              parts=(B.UPPER_LIMB, B.HEAD, B.LOWER_LIMB), occupations=((Job.FARMING, 1.0),)),
    ), BURNS, male=1.0, months=M_COLD, hours=H_KITCHEN, death=0.3, delay=(15.0, 300.0, 45.0),
)

DROWN_RURAL = Scenario(
    "drown-rural", C.DROWNING, R_DROWN, (
        Event(P.OTHER, A.LEISURE, ("与同伴到山塘游泳时溺水", "在青溪河边玩耍时失足落水", "到龙潭水库边捉鱼时溺水"), 3.0,
              ages=(6, 17)),
        Event(P.OTHER, A.LEISURE, ("在家附近水塘边玩耍时跌入水中",), 1.0, ages=(2, 6)),
        Event(P.FARM, A.WORK, ("在鱼塘捕鱼时失足落水",), 0.4, ages=(18, 59),
              occupations=((Job.FARMING, 1.0),)),
    ), DROWNED, male=2.5, months=M_SUMMER, hours=H_SWIM, death=2.0, delay=(12.0, 90.0, 25.0),
)

PESTICIDE_ACCIDENT = Scenario(
    "pesticide-accident", C.POISONING, R_FARMER, (
        Event(P.FARM, A.WORK, ("在稻田喷洒农药时未戴口罩，吸入农药", "高温天气打农药后出现不适"), 3.0,
              occupations=((Job.FARMING, 1.0),), lethal=False),
        Event(P.HOME, A.OTHER_UNKNOWN, ("误服家中分装在饮料瓶里的农药",), 1.0, months=M_FLAT,
              hours=H_DAY),
    ), WHOLE_BODY_MILD, male=1.5, months=M_SPRAY, hours=H_FARM, death=0.3,
    delay=(20.0, 300.0, 60.0),
)

PESTICIDE_CHILD = Scenario(
    "pesticide-child", C.POISONING, ((0, 0.0), (1, 1.0), (7, 0.0)), (
        Event(P.HOME, A.LEISURE, ("误服家中分装在饮料瓶里的农药", "误食放在厨房的灭鼠药"), 1.0),
    ), WHOLE_BODY_MILD, male=1.2, months=M_FLAT, hours=H_CHILD, death=0.5,
    delay=(15.0, 180.0, 40.0),
)

PESTICIDE_SELF_HARM = Scenario(
    "pesticide-self-harm", C.POISONING, R_SELF_HARM, (
        Event(P.HOME, A.OTHER_UNKNOWN, ("因家庭矛盾在家中自服农药", "与家人争吵后服下敌敌畏"), 3.0),
        Event(P.HOME, A.OTHER_UNKNOWN, ("因长期病痛困扰自服农药",), 1.5, ages=(50, 100)),
        Event(P.FARM, A.OTHER_UNKNOWN, ("在田间自服农药",), 0.8),
    ), SELF_POISON, male=0.9, months=M_FLAT, hours=H_DAY, intent=InjuryIntent.SELF_HARM,
    alcohol=0.1, death=1.0, delay=(20.0, 240.0, 50.0),
)

DOG_RURAL = Scenario(
    "dog-rural", C.ANIMAL, R_DOG, (
        Event(P.ROAD, A.WALKING, ("在村道上行走时被狗咬伤", "路过邻村时被散养的狗咬伤"), 2.5),
        Event(P.ROAD, A.WALKING, ("上学途中被村里的狗咬伤",), 0.8, ages=(6, 15)),
        Event(P.HOME, A.HOUSEWORK, ("给家里的狗喂食时被咬伤",), 1.5, parts=(B.UPPER_LIMB,)),
        Event(P.HOME, A.LEISURE, ("在邻居家门口被看家犬咬伤",), 1.5),
        Event(P.FARM, A.WORK, ("在田里干活时被野狗咬伤",), 1.0, ages=(18, 85),
              occupations=((Job.FARMING, 1.0),)),
    ), BITES, male=1.1, months=M_WARM, hours=H_ANIMAL, delay=(20.0, 360.0, 120.0),
)

SNAKE = Scenario(
    "snake", C.ANIMAL, R_FARMER, (
        Event(P.FARM, A.WORK, ("在田间劳作时被毒蛇咬伤", "在茶园采茶时被蛇咬伤"), 3.0,
              occupations=((Job.FARMING, 1.0),)),
        Event(P.HOME, A.LEISURE, ("夜间在院子里乘凉时被蛇咬伤",), 1.0, hours=H_EVENING),
    ), (
        Lesion((N.OPEN_WOUND,), B.LOWER_LIMB, ("{side}足踝处可见牙痕，局部肿胀",), (0.3, 0.6, 0.1), 3.0),
        Lesion((N.OPEN_WOUND,), B.UPPER_LIMB, ("{side}手指被咬，局部肿痛",), (0.3, 0.6, 0.1), 1.0),
    ), male=1.5, months=M_SNAKE, hours=H_FARM, delay=(20.0, 240.0, 50.0),
)

STING_LIVESTOCK = Scenario(
    "sting-livestock", C.ANIMAL, R_FARMER, (
        Event(P.FARM, A.WORK, ("在山上砍柴时被马蜂蜇伤",), 2.0, parts=(B.HEAD, B.MULTIPLE)),
        Event(P.FARM, A.WORK, ("放牛时被牛顶伤",), 1.0, parts=(B.TRUNK, B.LOWER_LIMB)),
    ), (
        Lesion((N.OTHER_UNKNOWN,), B.HEAD, ("头面部多处蜇伤，局部红肿",), (0.7, 0.3, 0.0), 2.0),
        Lesion((N.OTHER_UNKNOWN,), B.MULTIPLE, ("头颈部及双上肢多处蜇伤",), (0.3, 0.5, 0.2), 1.0),
        Lesion((N.CONTUSION,), B.TRUNK, ("腹部挫伤",), (0.7, 0.3, 0.0), 1.0),
        Lesion((N.CONTUSION,), B.LOWER_LIMB, ("{side}大腿挫伤",), (0.9, 0.1, 0.0), 1.0),
    ), male=1.6, months=M_WARM, hours=H_FARM, occupations=((Job.FARMING, 1.0),),
)

BLUNT_RURAL = Scenario(
    "blunt-rural", C.BLUNT, R_BLUNT, (
        Event(P.HOME, A.HOUSEWORK, ("在家中修理农具时被铁锤砸伤", "搬运粮食时被麻袋砸伤"), 1.5,
              ages=(18, 85)),
        Event(P.HOME, A.LEISURE, ("手指被房门夹伤",), 1.0, ages=(1, 10), parts=(B.UPPER_LIMB,)),
        Event(P.SCHOOL_PUBLIC, A.STUDY, ("课间与同学相撞",), 1.0, ages=(6, 14),
              parts=(B.HEAD, B.UPPER_LIMB), hours=H_SCHOOL, months=M_SCHOOL),
        Event(P.INDUSTRIAL, A.WORK, ("在自建房工地搬运砖块时被砸伤",), 1.0, ages=(18, 65),
              occupations=((Job.PRODUCTION, 1.0),)),
    ), BLUNT_GENERAL, male=1.5, months=M_FLAT, hours=H_DAY,
)

ASSAULT_RURAL = Scenario(
    "assault-rural", C.BLUNT, R_ASSAULT, (
        Event(P.TRADE, A.LEISURE, ("在镇上饭馆与人发生冲突被打伤",), 1.5),
        Event(P.HOME, A.OTHER_UNKNOWN, ("与邻居因宅基地纠纷发生争执被打伤", "与家人争执时被推搡撞伤"), 1.5),
        Event(P.ROAD, A.OTHER_UNKNOWN, ("赶集时与人发生口角被推倒",), 0.6),
    ), ASSAULTS, male=3.5, months=M_FLAT, hours=H_EVENING, intent=InjuryIntent.ASSAULT,
    alcohol=0.5,
)

CO_RURAL = Scenario(
    "co-rural", C.POISONING, ((0, 0.5), (15, 0.6), (60, 1.2)), (
        Event(P.HOME, A.VITAL, ("冬季在卧室用煤炉取暖，门窗紧闭致一氧化碳中毒",), 1.0,
              hours=H_NIGHT),
    ), WHOLE_BODY_MILD, male=1.0, months=M_CO, death=0.5, delay=(30.0, 360.0, 120.0),
)

# -- industrial park --------------------------------------------------------------------------

WORKERS = ((Job.PRODUCTION, 0.88), (Job.PROFESSIONAL, 0.05), (Job.OTHER, 0.07))

MACHINE_SHARP = Scenario(
    "machine-sharp", C.SHARP, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("操作切割机时被砂轮片划伤", "使用角磨机打磨工件时割伤"), 3.0,
              lesions=(*CUTS, Lesion((N.OPEN_WOUND, N.FRACTURE), B.UPPER_LIMB,
                                     ("{side}手中指开放性骨折",), (0.0, 0.85, 0.15), 1.5))),
        Event(P.INDUSTRIAL, A.WORK, ("清理机床铁屑时被划伤", "更换冲压模具时被刃口划伤",
                                     "搬运钢板时被锋利边缘割伤"), 3.0, parts=(B.UPPER_LIMB,)),
        Event(P.INDUSTRIAL, A.WORK, ("在车间拆卸包装时被美工刀划伤",), 1.0, parts=(B.UPPER_LIMB,)),
        Event(P.INDUSTRIAL, A.WORK, ("在工地被外露的钢筋头划伤",), 1.0, parts=(B.LOWER_LIMB,)),
    ), CUTS, male=1.8, months=M_WORK, hours=H_SHIFT, occupations=WORKERS, delay=(12.0, 180.0, 30.0),
)

BLUNT_WORK = Scenario(
    "blunt-work", C.BLUNT, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("操作冲床时手被模具压伤", "被传送带卷入"), 2.5,
              parts=(B.UPPER_LIMB,)),
        Event(P.INDUSTRIAL, A.WORK, ("搬运模具时被砸伤脚部", "卸货时被滑落的货箱砸中脚部"), 2.0,
              parts=(B.LOWER_LIMB,)),
        Event(P.INDUSTRIAL, A.WORK, ("被行车吊运的工件撞击", "在工地被高处坠落的钢管砸中"), 1.5,
              parts=(B.HEAD, B.TRUNK, B.UPPER_LIMB)),
        Event(P.INDUSTRIAL, A.WORK, ("在仓库被倒车的叉车挤压",), 1.0,
              parts=(B.LOWER_LIMB, B.TRUNK)),
    ), (*BLUNT_GENERAL,
        Lesion((N.FRACTURE,), B.LOWER_LIMB, ("{side}足趾骨折", "{side}足背骨折"),
               (0.15, 0.85, 0.0), 1.0),
        Lesion((N.FRACTURE, N.ORGAN), B.TRUNK, ("胸部受挤压致多发肋骨骨折",), (0.0, 0.3, 0.7), 0.4,
               lethal=True),
        Lesion((N.FRACTURE, N.OPEN_WOUND), B.UPPER_LIMB, ("{side}手指开放性骨折",),
               (0.0, 0.85, 0.15), 1.0),
    ), male=2.2, months=M_WORK, hours=H_SHIFT, occupations=WORKERS, death=0.6,
    delay=(12.0, 180.0, 30.0),
)

FALL_HEIGHT_WORK = Scenario(
    "fall-height-work", C.FALL, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("在建筑工地从脚手架上坠落", "在工地临边洞口处踏空坠落"), 3.0),
        Event(P.INDUSTRIAL, A.WORK, ("在仓库登高取货时从货架上跌落", "从人字梯上跌落"), 2.0),
        Event(P.INDUSTRIAL, A.WORK, ("在厂房屋顶检修时踩穿采光板坠落",), 0.7),
    ), FALL_HEIGHT, male=4.0, months=M_WORK, hours=H_WORK, occupations=WORKERS, death=0.7,
    delay=(12.0, 150.0, 25.0),
)

FALL_LEVEL_WORK = Scenario(
    "fall-level-work", C.FALL, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("在车间地面油污处滑倒", "被地上的电缆绊倒", "下车间楼梯时踩空"),
              3.0, occupations=WORKERS),
        Event(P.RESIDENTIAL, A.VITAL, ("在员工宿舍卫生间滑倒", "在宿舍从上铺下床时踩空跌落"), 2.0),
    ), FALL_ADULT, male=1.6, months=M_WINTER, hours=H_SHIFT,
)

BURN_WORK = Scenario(
    "burn-work", C.BURN, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("焊接作业时被焊渣", "熔炼炉旁作业时被高温铝液溅到"), 3.0),
        Event(P.INDUSTRIAL, A.WORK, ("配制酸洗液时被溅到", "拆卸管道时被残留的碱液喷溅"), 1.5),
        Event(P.INDUSTRIAL, A.WORK, ("检修蒸汽管道时被蒸汽", "电气检修时发生电弧灼伤"), 1.0),
    ), reweight(BURNS, 0.3), male=2.5, months=M_WORK, hours=H_SHIFT, occupations=WORKERS,
    death=0.3, delay=(12.0, 150.0, 30.0),
)

TRUCK = Scenario(
    "truck", C.MOTOR_VEHICLE, R_TRUCK, (
        Event(P.ROAD, A.TRANSPORT, ("骑电动自行车下班途中被右转重型货车刮倒",
                                    "骑电动自行车在路口与货车相撞"), 3.0, ages=(16, 70)),
        Event(P.ROAD, A.WORK, ("驾驶货车在港城路与前方货车追尾", "驾驶货车在工业大道避让时侧翻"),
              1.5, ages=(22, 60), occupations=((Job.PRODUCTION, 1.0),)),
        Event(P.ROAD, A.WALKING, ("步行横穿园区道路时被渣土车撞倒", "在厂区门口道路被倒车的货车撞倒"),
              1.5),
        Event(P.ROAD, A.TRANSPORT, ("驾驶电动摩托车与小货车相撞",), 1.0, ages=(18, 60)),
    ), reweight(TRAFFIC, 0.8), male=3.0, months=M_TRAFFIC, hours=H_TRAFFIC, alcohol=0.08,
    death=1.0, delay=(12.0, 180.0, 30.0),
)

EBIKE_PARK = Scenario(
    "ebike-park", C.NON_MOTOR_VEHICLE, R_TRUCK, (
        Event(P.ROAD, A.TRANSPORT, ("骑电动自行车上班途中摔倒", "骑电动自行车与另一辆电动自行车相撞"),
              3.0, ages=(16, 70)),
        Event(P.ROAD, A.TRANSPORT, ("夜班后骑电动自行车回宿舍途中撞上路边护栏",), 1.5,
              ages=(18, 60), hours=H_NIGHT),
        Event(P.ROAD, A.TRANSPORT, ("骑共享单车时摔倒",), 1.0, ages=(16, 60)),
        Event(P.ROAD, A.WALKING, ("在路边被逆行的电动自行车撞倒",), 1.0),
    ), reweight(TRAFFIC, -0.5), male=2.0, months=M_TRAFFIC, hours=H_TRAFFIC, alcohol=0.06,
    death=0.4, delay=(12.0, 240.0, 35.0),
)

CHEMICAL = Scenario(
    "chemical", C.POISONING, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("在喷漆车间作业时吸入有机溶剂", "在化工厂取样时吸入刺激性气体"),
              2.0),
        Event(P.INDUSTRIAL, A.WORK, ("搬运化学品时包装破裂吸入刺激性气体",), 1.0),
    ), WHOLE_BODY_MILD, male=2.0, months=M_WORK, hours=H_SHIFT, occupations=WORKERS, death=0.4,
    delay=(12.0, 150.0, 30.0),
)

CONFINED = Scenario(
    "confined", C.SUFFOCATION, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("进入储罐内清理作业时缺氧窒息", "在污水井下作业时窒息"), 1.0),
    ), (Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("被同事救出后送医", "被救援人员救出后送医"),
               (0.0, 0.4, 0.6), 1.0, lethal=True),),
    male=6.0, months=M_WORK, hours=H_WORK, occupations=WORKERS, death=1.5,
    delay=(12.0, 90.0, 25.0),
)

DORM_CUT = Scenario(
    "dorm-cut", C.SHARP, R_WORKER, (
        Event(P.HOME, A.HOUSEWORK, ("在出租屋做饭时切伤", "在出租屋削水果时刀具滑脱"), 2.0,
              parts=(B.UPPER_LIMB,)),
        Event(P.RESIDENTIAL, A.VITAL, ("在宿舍被碎玻璃划伤",), 1.0),
    ), CUTS, male=1.0, months=M_FLAT, hours=H_EVENING,
)

KITCHEN_WORK = Scenario(
    "kitchen-work", C.SHARP, R_WORKER, (
        Event(P.TRADE, A.WORK, ("在企业食堂切配时被刀切伤", "在餐馆洗碗时被碎碗划伤"), 1.0,
              parts=(B.UPPER_LIMB,)),
    ), CUTS, male=0.9, months=M_WORK, hours=H_KITCHEN, occupations=((Job.SERVICE, 1.0),),
)

SPORTS_PARK = Scenario(
    "sports-park", C.OTHER, R_WORKER, (
        Event(P.SPORTS, A.SPORTS, ("下班后打篮球时扭伤", "在职工活动中心打羽毛球时扭伤"), 1.0),
    ), SPRAINS, male=3.0, months=M_FLAT, hours=H_EVENING,
)

ASSAULT_PARK = Scenario(
    "assault-park", C.BLUNT, R_ASSAULT, (
        Event(P.TRADE, A.LEISURE, ("在夜宵摊与工友发生口角后被打伤",), 2.0),
        Event(P.RESIDENTIAL, A.OTHER_UNKNOWN, ("在宿舍与室友发生冲突被打伤",), 1.5),
        Event(P.ROAD, A.OTHER_UNKNOWN, ("在路边被人持木棍击伤",), 1.0),
    ), ASSAULTS, male=5.0, months=M_WORK, hours=H_EVENING, intent=InjuryIntent.ASSAULT,
    alcohol=0.55,
)

STAB_PARK = Scenario(
    "stab-park", C.SHARP, R_ASSAULT, (
        Event(P.TRADE, A.LEISURE, ("在夜宵摊与人发生冲突被水果刀刺伤",), 1.0),
        Event(P.RESIDENTIAL, A.OTHER_UNKNOWN, ("与同乡发生纠纷被人持刀划伤",), 1.0),
    ), STABS, male=5.0, months=M_FLAT, hours=H_EVENING, intent=InjuryIntent.ASSAULT,
    alcohol=0.5, death=0.5, delay=(12.0, 120.0, 25.0),
)

EYE_FOREIGN_BODY = Scenario(
    "eye-foreign-body", C.OTHER, R_WORKER, (
        Event(P.INDUSTRIAL, A.WORK, ("打磨工件时铁屑溅入眼内", "切割作业时未戴护目镜，碎屑飞入眼内"),
              1.0),
    ), (Lesion((N.OTHER_UNKNOWN,), B.HEAD, ("{side}眼角膜异物，眼部红肿疼痛",), (0.95, 0.05, 0.0), 1.0),),
    male=3.0, months=M_WORK, hours=H_SHIFT, occupations=WORKERS,
)

HEAT = Scenario(
    "heat", C.OTHER, R_HEAT, (
        Event(P.INDUSTRIAL, A.WORK, ("高温天气在工地作业时中暑", "在无空调车间连续作业后中暑"), 1.0),
    ), (Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("出现头晕、乏力、大量出汗",), (0.6, 0.35, 0.05), 1.0),),
    male=3.0, months=M_HEAT, hours=H_WORK, occupations=WORKERS, delay=(15.0, 120.0, 30.0),
)

CHILD_DROWN_PARK = Scenario(
    "child-drown-park", C.DROWNING, R_DROWN, (
        Event(P.OTHER, A.LEISURE, ("在城中村鱼塘边玩耍时落水", "在水沟边捉鱼时滑入水中"), 1.0,
              ages=(4, 16)),
    ), (Lesion((N.OTHER_UNKNOWN,), B.WHOLE_BODY, ("被附近村民救起后送医",), (0.5, 0.4, 0.1), 1.0),),
    male=2.0, months=M_SUMMER, hours=H_SWIM, delay=(12.0, 90.0, 25.0),
)

CHILD_BURN_PARK = Scenario(
    "child-burn-park", C.BURN, ((0, 0.0), (1, 3.0), (4, 1.0), (7, 0.3), (13, 0.0)), (
        Event(P.HOME, A.LEISURE, ("父母上班时在出租屋内碰倒热水壶", "在家中打翻刚泡好的方便面"), 1.0),
    ), BURNS, male=1.2, months=M_COLD, hours=H_KITCHEN, delay=(10.0, 240.0, 30.0),
)

DORM_FIRE = Scenario(
    "dorm-fire", C.BURN, R_WORKER, (
        Event(P.RESIDENTIAL, A.VITAL, ("宿舍内电动自行车电池充电时起火，逃生时", "出租屋私拉电线起火，扑救时"),
              1.0, parts=(B.UPPER_LIMB, B.HEAD, B.MULTIPLE)),
    ), BURNS, male=1.5, months=M_COLD, hours=H_NIGHT, death=0.6, delay=(12.0, 120.0, 25.0),
)

# ---------------------------------------------------------------------------------------------
# The three communities.
# ---------------------------------------------------------------------------------------------

LOCAL = Household.LOCAL
PROVINCE = Household.PROVINCE
ELSEWHERE = Household.OTHER_PROVINCE

DOWN = (1.0, 1.03, 0.78)
"""Trend of a scenario targeted by the 2025 safety promotion projects."""

SITES = (
    Site(
        "qinghe-street", 20231101, "QH", 420, "urban",
        ("清河街道社区卫生服务中心", "云州市第二人民医院"),
        ((LOCAL, 0.74), (PROVINCE, 0.15), (ELSEWHERE, 0.11)),
        ((LOCAL, 0.93), (PROVINCE, 0.05), (ELSEWHERE, 0.02)),
        (
            Use(ELDER_FALL_HOME, 26.0, DOWN),
            Use(ELDER_FALL_OUT, 8.0, DOWN),
            Use(ADULT_FALL, 7.0),
            Use(CHILD_FALL, 9.0, (1.0, 1.0, 0.9)),
            Use(EBIKE, 13.0, (0.95, 1.02, 0.82)),
            Use(MOTOR_URBAN, 5.0, (1.0, 1.0, 0.95)),
            Use(BURN_HOME_URBAN, 6.0, (1.0, 1.0, 0.9)),
            Use(KNIFE_HOME, 6.0),
            Use(SHARP_URBAN_WORK, 3.0),
            Use(DOG_URBAN, 8.0, (0.95, 1.0, 1.05)),
            Use(BLUNT_URBAN, 3.5),
            Use(ASSAULT, 1.5),
            Use(POISON_URBAN, 1.2),
            Use(CHOKE, 0.6),
            Use(SPORTS_SPRAIN, 1.5),
            Use(NEAR_DROWN_URBAN, 0.5, fixed=(1, 2, 1)),
        ),
        disabled_share=0.043, deaths=3,
    ),
    Site(
        "dongshan-town", 20231102, "DS", 360, "rural",
        ("东山镇卫生院", "青溪县人民医院"),
        ((LOCAL, 0.93), (PROVINCE, 0.05), (ELSEWHERE, 0.02)),
        ((LOCAL, 0.985), (PROVINCE, 0.01), (ELSEWHERE, 0.005)),
        (
            Use(ELDER_FALL_RURAL, 17.0, DOWN),
            Use(ADULT_FALL_RURAL, 7.0),
            Use(CHILD_FALL_RURAL, 6.0),
            Use(MOTOR_RURAL, 13.0, (1.0, 1.03, 0.88)),
            Use(EBIKE_RURAL, 5.0),
            Use(FARM_SHARP, 6.0),
            Use(FARM_MACHINE, 4.0),
            Use(BURN_RURAL, 6.0, (1.0, 1.0, 0.85)),
            Use(DROWN_RURAL, 2.0, fixed=(2, 3, 1)),
            Use(PESTICIDE_ACCIDENT, 1.8, (1.0, 1.0, 0.85)),
            Use(PESTICIDE_CHILD, 0.5),
            Use(PESTICIDE_SELF_HARM, 1.5),
            Use(DOG_RURAL, 7.0),
            Use(SNAKE, 2.0),
            Use(STING_LIVESTOCK, 1.5),
            Use(KNIFE_HOME, 3.0),
            Use(BLUNT_RURAL, 3.0),
            Use(ASSAULT_RURAL, 1.0),
            Use(CO_RURAL, 0.8),
        ),
        disabled_share=0.047, deaths=7,
    ),
    Site(
        "jiangkou-park", 20231103, "JK", 330, "park",
        ("江口开发区医院", "云州市第三人民医院"),
        ((LOCAL, 0.14), (PROVINCE, 0.33), (ELSEWHERE, 0.53)),
        ((LOCAL, 0.6), (PROVINCE, 0.18), (ELSEWHERE, 0.22)),
        (
            Use(MACHINE_SHARP, 17.0, (1.0, 1.02, 0.85)),
            Use(BLUNT_WORK, 17.0, (1.0, 1.0, 0.88)),
            Use(FALL_HEIGHT_WORK, 9.0, (1.05, 1.0, 0.78)),
            Use(FALL_LEVEL_WORK, 5.0),
            Use(BURN_WORK, 7.0, (1.0, 1.0, 0.82)),
            Use(TRUCK, 8.0, (1.0, 1.0, 0.88)),
            Use(EBIKE_PARK, 10.0, (0.95, 1.0, 0.88)),
            Use(CHEMICAL, 1.5),
            Use(CONFINED, 0.8),
            Use(DORM_CUT, 1.5),
            Use(KITCHEN_WORK, 2.5),
            Use(SPORTS_PARK, 2.0),
            Use(ASSAULT_PARK, 2.2),
            Use(STAB_PARK, 0.8),
            Use(EYE_FOREIGN_BODY, 3.0, (1.0, 1.0, 0.85)),
            Use(HEAT, 1.5),
            Use(DOG_URBAN, 2.5),
            Use(CHILD_FALL, 2.5),
            Use(CHILD_BURN_PARK, 1.0),
            Use(CHILD_DROWN_PARK, 0.4, fixed=(1, 0, 1)),
            Use(ELDER_FALL_HOME, 2.0),
            Use(KNIFE_HOME, 1.0),
            Use(DORM_FIRE, 0.5),
        ),
        disabled_share=0.033, deaths=4,
    ),
)

# ---------------------------------------------------------------------------------------------
# People: occupation, education, household.
# ---------------------------------------------------------------------------------------------

NOT_WORKING = frozenset({Job.STUDENT, Job.RETIRED, Job.UNEMPLOYED, Job.HOUSEWORK, Job.PRESCHOOL_CHILD})

ADULT_OCCUPATIONS: dict[Kind, tuple[tuple[int, Weighted[Occupation]], ...]] = {
    "urban": (
        (22, ((Job.STUDENT, 0.4), (Job.SERVICE, 0.3), (Job.PRODUCTION, 0.1), (Job.UNEMPLOYED, 0.1),
              (Job.OTHER, 0.1))),
        (54, ((Job.SERVICE, 0.3), (Job.CLERK, 0.15), (Job.PROFESSIONAL, 0.16), (Job.PRODUCTION, 0.12),
              (Job.HOUSEWORK, 0.09), (Job.UNEMPLOYED, 0.08), (Job.OTHER, 0.1))),
        (59, ((Job.RETIRED, 0.35), (Job.SERVICE, 0.15), (Job.HOUSEWORK, 0.2), (Job.PRODUCTION, 0.1),
              (Job.UNEMPLOYED, 0.1), (Job.OTHER, 0.1))),
        (MAX_AGE, ((Job.RETIRED, 0.82), (Job.HOUSEWORK, 0.12), (Job.OTHER, 0.06))),
    ),
    "rural": (
        (22, ((Job.STUDENT, 0.25), (Job.PRODUCTION, 0.3), (Job.SERVICE, 0.2), (Job.FARMING, 0.1),
              (Job.UNEMPLOYED, 0.1), (Job.OTHER, 0.05))),
        (59, ((Job.FARMING, 0.42), (Job.PRODUCTION, 0.18), (Job.SERVICE, 0.12), (Job.HOUSEWORK, 0.12),
              (Job.UNEMPLOYED, 0.05), (Job.CLERK, 0.03), (Job.PROFESSIONAL, 0.03), (Job.OTHER, 0.05))),
        (MAX_AGE, ((Job.FARMING, 0.55), (Job.HOUSEWORK, 0.3), (Job.RETIRED, 0.1), (Job.OTHER, 0.05))),
    ),
    "park": (
        (22, ((Job.PRODUCTION, 0.6), (Job.SERVICE, 0.2), (Job.STUDENT, 0.05), (Job.UNEMPLOYED, 0.1),
              (Job.OTHER, 0.05))),
        (59, ((Job.PRODUCTION, 0.58), (Job.SERVICE, 0.14), (Job.PROFESSIONAL, 0.08), (Job.CLERK, 0.06),
              (Job.HOUSEWORK, 0.06), (Job.UNEMPLOYED, 0.04), (Job.OTHER, 0.04))),
        (MAX_AGE, ((Job.HOUSEWORK, 0.5), (Job.RETIRED, 0.3), (Job.OTHER, 0.2))),
    ),
}

E = Education
ADULT_EDUCATION: dict[Kind, tuple[tuple[int, Weighted[Education]], ...]] = {
    "urban": (
        (44, ((E.PRIMARY, 0.02), (E.JUNIOR, 0.15), (E.SENIOR, 0.28), (E.COLLEGE, 0.25),
              (E.UNIVERSITY, 0.30))),
        (59, ((E.ILLITERATE, 0.01), (E.PRIMARY, 0.08), (E.JUNIOR, 0.35), (E.SENIOR, 0.33),
              (E.COLLEGE, 0.13), (E.UNIVERSITY, 0.10))),
        (74, ((E.ILLITERATE, 0.05), (E.PRIMARY, 0.22), (E.JUNIOR, 0.38), (E.SENIOR, 0.25),
              (E.COLLEGE, 0.06), (E.UNIVERSITY, 0.04))),
        (MAX_AGE, ((E.ILLITERATE, 0.2), (E.PRIMARY, 0.38), (E.JUNIOR, 0.25), (E.SENIOR, 0.12),
                   (E.COLLEGE, 0.03), (E.UNIVERSITY, 0.02))),
    ),
    "rural": (
        (44, ((E.ILLITERATE, 0.01), (E.PRIMARY, 0.08), (E.JUNIOR, 0.5), (E.SENIOR, 0.28),
              (E.COLLEGE, 0.09), (E.UNIVERSITY, 0.04))),
        (59, ((E.ILLITERATE, 0.04), (E.PRIMARY, 0.3), (E.JUNIOR, 0.5), (E.SENIOR, 0.14),
              (E.COLLEGE, 0.015), (E.UNIVERSITY, 0.005))),
        (74, ((E.ILLITERATE, 0.15), (E.PRIMARY, 0.5), (E.JUNIOR, 0.3), (E.SENIOR, 0.05))),
        (MAX_AGE, ((E.ILLITERATE, 0.45), (E.PRIMARY, 0.45), (E.JUNIOR, 0.09), (E.SENIOR, 0.01))),
    ),
    "park": (
        (44, ((E.ILLITERATE, 0.01), (E.PRIMARY, 0.07), (E.JUNIOR, 0.5), (E.SENIOR, 0.3),
              (E.COLLEGE, 0.08), (E.UNIVERSITY, 0.04))),
        (59, ((E.ILLITERATE, 0.03), (E.PRIMARY, 0.25), (E.JUNIOR, 0.52), (E.SENIOR, 0.17),
              (E.COLLEGE, 0.02), (E.UNIVERSITY, 0.01))),
        (MAX_AGE, ((E.ILLITERATE, 0.2), (E.PRIMARY, 0.5), (E.JUNIOR, 0.25), (E.SENIOR, 0.05))),
    ),
}

EDUCATION_BY_OCCUPATION: dict[Occupation, Weighted[Education]] = {
    Job.PROFESSIONAL: ((E.SENIOR, 0.12), (E.COLLEGE, 0.4), (E.UNIVERSITY, 0.48)),
    Job.CLERK: ((E.SENIOR, 0.3), (E.COLLEGE, 0.4), (E.UNIVERSITY, 0.3)),
    Job.STUDENT: ((E.SENIOR, 0.2), (E.COLLEGE, 0.4), (E.UNIVERSITY, 0.4)),
}

SEVERITIES = (Severity.MILD, Severity.MODERATE, Severity.SEVERE)
OUTCOMES: dict[Severity, Weighted[Outcome]] = {
    Severity.MILD: ((Outcome.DISCHARGED, 0.9), (Outcome.OBSERVATION, 0.08), (Outcome.OTHER, 0.02)),
    Severity.MODERATE: ((Outcome.ADMITTED, 0.45), (Outcome.OBSERVATION, 0.22),
                        (Outcome.DISCHARGED, 0.2), (Outcome.TRANSFERRED, 0.13)),
    Severity.SEVERE: ((Outcome.ADMITTED, 0.62), (Outcome.TRANSFERRED, 0.38)),
}
REPORT_DELAY = ((0, 0.55), (1, 0.25), (2, 0.12), (3, 0.08))


def pick(rng: random.Random, items: Sequence[tuple[T, float]]) -> T:
    """Draw one item by weight."""
    return rng.choices([item for item, _ in items], weights=[w for _, w in items])[0]


def rate(steps: Steps, age: int) -> float:
    """Value of the step function ``steps`` at ``age``."""
    value = 0.0
    for first, r in steps:
        if age >= first:
            value = r
    return value


def by_age(table: tuple[tuple[int, Weighted[T]], ...], age: int) -> Weighted[T]:
    """The weights of the first row whose upper age bound is at least ``age``."""
    for upper, weights in table:
        if age <= upper:
            return weights
    return table[-1][1]


def population(bands: Sequence[AgeBand]) -> dict[tuple[int, Sex], float]:
    """Residents by single year of age and sex, spreading each band over its ages.

    The open top band is spread over 20 years with fewer people at each older age.
    """
    pop: dict[tuple[int, Sex], float] = {}
    for band in bands:
        if band.to_age is not None:
            ages = list(range(band.from_age, min(band.to_age, MAX_AGE) + 1))
            shares = [1.0] * len(ages)
        else:
            ages = list(range(band.from_age, min(band.from_age + 20, MAX_AGE) + 1))
            shares = [0.88 ** k for k in range(len(ages))]
        total = sum(shares)
        for age, share in zip(ages, shares, strict=True):
            pop[(age, Sex.MALE)] = pop.get((age, Sex.MALE), 0.0) + band.male * share / total
            pop[(age, Sex.FEMALE)] = pop.get((age, Sex.FEMALE), 0.0) + band.female * share / total
    return pop


def occupation_for(rng: random.Random, site: Site, scenario: Scenario, event: Event,
                   age: int) -> Occupation:
    """An occupation that fits the age, the community and what the person was doing."""
    if age < 6:
        return Job.PRESCHOOL_CHILD
    if age < 18:
        return Job.STUDENT
    if event.occupations:
        return pick(rng, event.occupations)
    if scenario.occupations:
        return pick(rng, scenario.occupations)
    weights = by_age(ADULT_OCCUPATIONS[site.kind], age)
    if event.activity is A.WORK:
        working = tuple((o, w) for o, w in weights if o not in NOT_WORKING)
        weights = working or ((Job.OTHER, 1.0),)
    return pick(rng, weights)


def education_for(rng: random.Random, site: Site, age: int, occupation: Occupation) -> Education:
    """A level of education that fits the age, the occupation and the community."""
    if age < 6:
        return E.PRESCHOOL
    if age < 12:
        return E.PRIMARY
    if age < 15:
        return E.JUNIOR
    if age < 18:
        return pick(rng, ((E.SENIOR, 0.8), (E.JUNIOR, 0.2)))
    if occupation in EDUCATION_BY_OCCUPATION:
        return pick(rng, EDUCATION_BY_OCCUPATION[occupation])
    return pick(rng, by_age(ADULT_EDUCATION[site.kind], age))


def disabled_odds(age: int) -> float:
    """Relative odds that an injured person of ``age`` has a disability certificate."""
    if age >= 80:
        return 9.0
    if age >= 60:
        return 5.0
    if age >= 18:
        return 2.5
    return 1.0


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Share ``total`` in proportion to ``weights`` in whole numbers (largest remainder)."""
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def year_counts(site: Site) -> list[int]:
    """Records per year of the weighted scenarios: the total less the fixed records, shared
    by the scenarios' yearly weights."""
    fixed = sum(sum(u.fixed) for u in site.uses if u.fixed)
    sums = [sum(u.weight * u.trend[i] for u in site.uses if not u.fixed)
            for i in range(len(YEARS))]
    return allocate(site.total - fixed, sums)


@dataclass
class Draft:
    """A record before its card number is known."""

    fields: dict[str, object]
    injury_time: datetime
    age: int
    fatality: float
    """Relative odds of being one of the community's deaths (0: cannot die)."""


class Generator:
    """Draws the records of one community."""

    def __init__(self, site: Site, sub_units: Sequence[str], bands: Sequence[AgeBand]) -> None:
        self.site = site
        self.rng = random.Random(site.seed)
        self.sub_units: Weighted[str] = tuple(
            (name, self.rng.uniform(0.6, 1.4)) for name in sub_units)
        pop = population(bands)
        self.people: list[Weighted[tuple[int, Sex]]] = []
        for use in site.uses:
            s = use.scenario
            weights = tuple(
                (key, n * rate(s.risk, key[0]) * (s.male if key[1] is Sex.MALE else 1.0))
                for key, n in sorted(pop.items(), key=lambda kv: (kv[0][0], kv[0][1].code)))
            weights = tuple((k, w) for k, w in weights
                            if w > 0 and any(e.ages[0] <= k[0] <= e.ages[1] for e in s.events))
            if not weights:
                raise ValueError(f"{site.folder}: nobody of the right age for {s.key}")
            self.people.append(weights)
        self.seen: set[tuple[Sex, int, datetime, InjuryCause]] = set()

    def records(self) -> list[InjuryRecord]:
        """All records, sorted by injury time and numbered per year."""
        drafts: list[Draft] = []
        for i, (year, count) in enumerate(zip(YEARS, year_counts(self.site), strict=True)):
            # Each scenario's expected number of records this year, with Poisson-like noise.
            weighted = [n for n, u in enumerate(self.site.uses) if not u.fixed]
            shares = [self.site.uses[n].weight * self.site.uses[n].trend[i] for n in weighted]
            expected = [count * w / sum(shares) for w in shares]
            noisy = [max(0.05, e + self.rng.gauss(0.0, 0.25 * e ** 0.5)) for e in expected]
            for n, k in zip(weighted, allocate(count, noisy), strict=True):
                drafts.extend(self.draft(year, n) for _ in range(k))
            for n, u in enumerate(self.site.uses):
                drafts.extend(self.draft(year, n) for _ in range(u.fixed[i] if u.fixed else 0))
        drafts.sort(key=lambda d: (d.injury_time, str(d.fields["description"])))
        # Exactly the community's share of 残疾人, drawn by age-dependent odds (weighted
        # sampling without replacement: the largest random keys u ** (1 / odds)).
        keys = [self.rng.random() ** (1.0 / disabled_odds(d.age)) for d in drafts]
        wanted = round(self.site.disabled_share * len(drafts))
        for n in sorted(range(len(drafts)), key=lambda n: -keys[n])[:wanted]:
            drafts[n].fields["disabled"] = True
        # The same for the deaths, among the grave cases of injuries that can kill.
        keys = [self.rng.random() ** (1.0 / d.fatality) if d.fatality > 0 else -1.0
                for d in drafts]
        candidates = [n for n in range(len(drafts)) if drafts[n].fatality > 0]
        for n in sorted(candidates, key=lambda n: -keys[n])[: self.site.deaths]:
            drafts[n].fields["outcome"] = Outcome.DIED
            units = self.site.units
            drafts[n].fields["reporting_unit"] = units[1] if self.rng.random() < 0.9 else units[0]
        numbers: Counter[int] = Counter()
        out = []
        for d in drafts:
            year = d.injury_time.year
            numbers[year] += 1
            card = f"{self.site.prefix}{year}-{numbers[year]:04d}"
            out.append(InjuryRecord.model_validate({"card_no": card, **d.fields}))
        return out

    def draft(self, year: int, index: int) -> Draft:
        """One record of scenario ``index`` in ``year``."""
        rng, site = self.rng, self.site
        scenario = site.uses[index].scenario
        age, sex = pick(rng, self.people[index])
        events = tuple((e, e.weight) for e in scenario.events if e.ages[0] <= age <= e.ages[1])
        if not events:
            raise ValueError(f"{site.folder}: no event of {scenario.key} fits age {age}")
        event = pick(rng, events)
        lesions = tuple((les, les.weight) for les in event.lesions or scenario.lesions
                        if not event.parts or les.part in event.parts)
        if not lesions:
            raise ValueError(f"{site.folder}: no lesion of {scenario.key} fits {event.texts[0]}")
        lesion = pick(rng, lesions)
        severity = pick(rng, tuple(zip(SEVERITIES, lesion.severity, strict=True)))
        lethal = severity is Severity.SEVERE and lesion.lethal and event.lethal
        outcome = pick(rng, OUTCOMES[severity])
        injury, visit = self.times(year, scenario, event, sex, age)
        report = min(visit.date() + timedelta(days=pick(rng, REPORT_DELAY)), END)
        occupation = occupation_for(rng, site, scenario, event, age)
        education = education_for(rng, site, age, occupation)
        household = pick(rng, site.households_old if age >= 60 else site.households)
        if age < 18:
            alcohol = Alcohol.NO
        else:
            roll = rng.random()
            drinking = scenario.alcohol * (1.0 if sex is Sex.MALE else 0.25)
            alcohol = (Alcohol.YES if roll < drinking
                       else Alcohol.UNKNOWN if roll < drinking + 0.06 else Alcohol.NO)
        if outcome is Outcome.TRANSFERRED:
            first_visit = 0.85
        else:
            first_visit = {Severity.MILD: 0.68, Severity.MODERATE: 0.35, Severity.SEVERE: 0.15}[
                severity]
        unit = site.units[0] if rng.random() < first_visit else site.units[1]
        side = rng.choice(("左", "右"))
        opening = rng.choice(event.texts)
        if alcohol is Alcohol.YES and "酒" not in opening and not opening.startswith("乘坐"):
            opening = "酒后" + opening
        text = f"{opening}，{rng.choice(lesion.texts)}".replace("{side}", side)
        sub_unit = pick(rng, self.sub_units) if self.sub_units else None
        fields: dict[str, object] = {
            "sex": sex, "age": age, "household": household, "education": education,
            "occupation": occupation, "disabled": False, "sub_unit": sub_unit,
            "injury_time": injury, "visit_time": visit, "report_date": report,
            "cause": scenario.cause, "place": event.place, "activity": event.activity,
            "intent": event.intent or scenario.intent, "alcohol": alcohol,
            "nature": list(lesion.natures), "body_part": lesion.part, "severity": severity,
            "outcome": outcome, "reporting_unit": unit, "description": text,
        }
        return Draft(fields, injury, age, scenario.death if lethal else 0.0)

    def times(self, year: int, scenario: Scenario, event: Event, sex: Sex, age: int
              ) -> tuple[datetime, datetime]:
        """Injury and visit time: season, hour of day, and a visit 0.2-6 hours later."""
        rng = self.rng
        months = event.months or scenario.months
        hours = event.hours or scenario.hours
        low, high, mode = scenario.delay
        while True:
            month = pick(rng, tuple(zip(range(1, 13), months, strict=True)))
            day = rng.randint(1, calendar.monthrange(year, month)[1])
            hour = pick(rng, tuple(zip(range(24), hours, strict=True)))
            minute = rng.randrange(0, 60, 5) if rng.random() < 0.7 else rng.randrange(60)
            injury = datetime(year, month, day, hour, minute)
            delay = max(12, min(360, round(rng.triangular(low, high, mode))))
            visit = injury + timedelta(minutes=delay)
            key = (sex, age, injury, scenario.cause)
            if injury >= START and visit.date() <= END and key not in self.seen:
                self.seen.add(key)
                return injury, visit


def cell(value: object) -> str:
    """Render one value as the card writes it: labels, ``YYYY-MM-DD HH:MM``, 是/否."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(cell(v) for v in value)
    return str(value)


def write_csv(path: Path, records: Sequence[InjuryRecord]) -> None:
    """Write ``records`` as a UTF-8 (with BOM) CSV with the card's Chinese titles."""
    fields = InjuryRecord.model_fields
    header = [fields[name].title or name for name in COLUMNS]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for record in records:
            writer.writerow([cell(getattr(record, name)) for name in COLUMNS])


def summary(site: Site, records: Sequence[InjuryRecord]) -> str:
    """A few lines on what was written: counts per year, top causes, severity, deaths."""
    years = Counter(r.injury_time.year for r in records)
    causes = Counter(r.cause.label for r in records)
    severity = Counter(r.severity.label for r in records)
    deaths = sum(r.outcome is Outcome.DIED for r in records)
    disabled = sum(r.disabled for r in records)
    lines = [
        f"{site.folder}: {len(records)} records; "
        + ", ".join(f"{y}: {years[y]}" for y in YEARS),
        "  causes: " + ", ".join(f"{c} {n}" for c, n in causes.most_common()),
        "  severity: " + ", ".join(f"{s} {n}" for s, n in severity.most_common())
        + f"; deaths {deaths}; 残疾人 {disabled} ({disabled / len(records):.1%})",
    ]
    return "\n".join(lines)


def generate(site: Site, folder: Path) -> list[InjuryRecord]:
    """Read ``community.yaml`` of ``folder`` and draw the community's records."""
    community, _ = load_file(folder / "community.yaml", Community)
    if not community.population.age_bands:
        raise ValueError(f"{folder / 'community.yaml'}: population.age_bands is empty; the "
                         "ages of the injured are drawn from it")
    return Generator(site, community.sub_units, community.population.age_bands).records()


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``injuries.csv`` into each example folder; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--examples", type=Path, default=REPO / "examples",
                        help="folder holding the example communities (default: %(default)s)")
    parser.add_argument("--community", action="append", choices=[s.folder for s in SITES],
                        help="only this community (repeatable; default: all three)")
    parser.add_argument("--quiet", action="store_true", help="do not print a summary")
    args = parser.parse_args(argv)
    wanted = set(args.community or [s.folder for s in SITES])
    status = 0
    for site in SITES:
        if site.folder not in wanted:
            continue
        folder = args.examples / site.folder
        if not (folder / "community.yaml").is_file():
            print(f"{folder}: community.yaml not found", file=sys.stderr)
            status = 1
            continue
        try:
            records = generate(site, folder)
        except InputError as exc:
            print(f"{folder / 'community.yaml'}: {exc}", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            status = 1
            continue
        except ValueError as exc:
            print(exc, file=sys.stderr)
            status = 1
            continue
        write_csv(folder / "injuries.csv", records)
        if not args.quiet:
            print(summary(site, records))
    return status


if __name__ == "__main__":
    sys.exit(main())
