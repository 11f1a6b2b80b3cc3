"""Thresholds of the compliance rules, configurable per jurisdiction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from ..codes import ProjectArea, TargetLevel
from ..models.pack import Pack

REQUIRED_AREAS: tuple[str, ...] = (
    "社会治安",
    "交通",
    "学校",
    "消防",
    "家居及老年人",
    "涉水",
    "工作场所",
    "公共场所",
)
"""The areas a diagnosis must cover (names of :data:`AREA_KEYWORDS`)."""

AREA_KEYWORDS: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {
        "社会治安": (("治安", "暴力", "斗殴", "故意伤害"),),
        "交通": (("交通", "车祸", "道路"),),
        "学校": (("学校", "校园", "学生", "幼儿园"),),
        "消防": (("消防", "火灾", "防火"),),
        "家居及老年人": (("家居", "居家", "家中"), ("老年", "老人")),
        "涉水": (("涉水", "溺水", "水域"),),
        "工作场所": (("工作场所", "生产", "作业", "工伤", "职业"),),
        "公共场所": (("公共场所", "人员密集", "商业街", "市场", "公园"),),
    }
)
"""Per area, groups of keywords: the diagnosis covers the area when every group has a hit."""

MIN_CREATION_MONTHS: Mapping[TargetLevel, int] = MappingProxyType(
    {
        TargetLevel.DISTRICT: 6,
        TargetLevel.COUNTY: 6,
        TargetLevel.CITY: 6,
        TargetLevel.PROVINCE: 6,
        TargetLevel.NATIONAL: 12,
        TargetLevel.INTERNATIONAL: 12,
    }
)


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Rule thresholds. The defaults follow the city/national practice of the standard."""

    min_creation_months: Mapping[TargetLevel, int] = field(
        default_factory=lambda: MIN_CREATION_MONTHS
    )
    """Months of creation work before the application, by the level applied for."""
    min_case_count: int = 10
    """Injury records needed to support a named 重点人群 / 重点场所."""
    min_project_areas: int = 5
    """Distinct project areas (交通, 消防 …) the projects must cover."""
    required_project_areas: tuple[ProjectArea, ...] = ()
    """Project areas that each need a project of their own (a pack's named areas)."""
    pack: str | None = None
    """The id of the jurisdiction pack the thresholds come from (named in findings)."""
    required_areas: tuple[str, ...] = REQUIRED_AREAS
    """Areas the diagnosis must cover; each a key of ``area_keywords``."""
    area_keywords: Mapping[str, tuple[tuple[str, ...], ...]] = field(
        default_factory=lambda: AREA_KEYWORDS
    )
    required_project_groups: tuple[str, ...] = ("老年人", "儿童")
    """Groups that need a project of their own (by area or by a target group naming them)."""
    min_data_years: int = 1
    """Full years of injury data below which the diagnosis is an error."""
    recommended_data_years: int = 3
    """Full years of injury data below which the diagnosis gets a warning."""
    min_committee_units: int = 5
    """Distinct units (departments, sectors) represented on the promotion committee."""

    def creation_months(self, level: TargetLevel) -> int:
        """Minimum months of creation work for ``level``."""
        return self.min_creation_months.get(level, 6)


DEFAULT_OPTIONS = CheckOptions()


def options_for(pack: Pack, base: CheckOptions = DEFAULT_OPTIONS) -> CheckOptions:
    """``base`` with the thresholds of ``pack``: its minimum creation period (never below the
    general minimum of the level applied for: half a year, a year for 国家级), its minimum
    number of project areas and its named areas."""
    months = {level: max(pack.min_creation_months, n) for level, n in MIN_CREATION_MONTHS.items()}
    return replace(
        base,
        min_creation_months=MappingProxyType(months),
        min_project_areas=pack.project_areas.min_count,
        required_project_areas=tuple(pack.project_areas.named),
        pack=pack.id,
    )
