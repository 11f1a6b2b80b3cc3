"""The placeholders of a new community folder, by community type (街道/乡镇/园区/企业)."""

from __future__ import annotations

from dataclasses import dataclass

from ..codes import CommunityType


@dataclass(frozen=True, slots=True)
class Placeholders:
    """Realistic, obviously fictional names and numbers for one community type."""

    name: str  # 社区名称
    parent: str  # 上级行政区
    office: str  # the issuing body (办事处 / 人民政府 / 管委会 / 公司)
    sub_units: tuple[str, ...]  # 下辖社区/村/片区/车间
    leader: str  # the committee director's position
    addressee: str  # 申请书主送机关
    area_km2: str
    households: int
    project_id: str
    project_title: str
    project_area: str  # a ProjectArea value
    project_group: str  # the project's target group
    place: str  # the place of the sample injury records (a code-list label)
    age_bands: tuple[tuple[int, int | None, int, int], ...]  # from, to, male, female


PLACEHOLDERS: dict[CommunityType, Placeholders] = {
    CommunityType.STREET: Placeholders(
        name="某某街道",
        parent="某某市某某区",
        office="某某市某某区某某街道办事处",
        sub_units=("东园社区", "西园社区", "南苑社区", "北苑社区"),
        leader="街道党工委副书记、办事处主任",
        addressee="某某市安全生产委员会办公室",
        area_km2="5.200",
        households=9800,
        project_id="elderly-falls",
        project_title="老年人居家防跌倒项目",
        project_area="老年人",
        project_group="辖区80岁以上独居和空巢老人",
        place="家中",
        age_bands=(
            (0, 14, 1650, 1540),
            (15, 59, 8800, 8600),
            (60, 69, 1900, 2010),
            (70, None, 1450, 1850),
        ),
    ),
    CommunityType.TOWNSHIP: Placeholders(
        name="某某镇",
        parent="某某市某某县",
        office="某某县某某镇人民政府",
        sub_units=("某某社区", "上村", "中村", "下村"),
        leader="镇党委副书记、镇长",
        addressee="某某市安全生产委员会办公室",
        area_km2="86.000",
        households=9800,
        project_id="rural-road",
        project_title="农村道路交通安全项目",
        project_area="交通",
        project_group="骑电动自行车和摩托车出行的村民",
        place="公路/街道",
        age_bands=(
            (0, 14, 1720, 1580),
            (15, 59, 8300, 7900),
            (60, 69, 2300, 2280),
            (70, None, 1800, 2120),
        ),
    ),
    CommunityType.PARK: Placeholders(
        name="某某工业园区",
        parent="某某市",
        office="某某工业园区管理委员会",
        sub_units=("东片区", "西片区", "物流片区", "生活配套区"),
        leader="管委会主任",
        addressee="某某市安全生产委员会办公室",
        area_km2="12.500",
        households=3200,
        project_id="machine-injury",
        project_title="企业机械伤害防控项目",
        project_area="工作场所",
        project_group="园区机械加工企业一线职工",
        place="工业和建筑场所",
        age_bands=(
            (0, 14, 420, 390),
            (15, 59, 6900, 4300),
            (60, 69, 260, 240),
            (70, None, 90, 110),
        ),
    ),
    CommunityType.ENTERPRISE: Placeholders(
        name="某某有限公司",
        parent="某某市某某区",
        office="某某有限公司",
        sub_units=("一车间", "二车间", "仓储物流部", "职工生活区"),
        leader="总经理",
        addressee="某某市安全生产委员会办公室",
        area_km2="1.200",
        households=1500,
        project_id="machine-injury",
        project_title="车间机械伤害防控项目",
        project_area="工作场所",
        project_group="各车间一线操作工",
        place="工业和建筑场所",
        age_bands=((0, 17, 0, 0), (18, 44, 1650, 780), (45, 59, 520, 230), (60, None, 15, 5)),
    ),
}
"""Placeholders of each community type."""
