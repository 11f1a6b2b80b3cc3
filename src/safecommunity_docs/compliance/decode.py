"""Read a named group or place of the diagnosis as a filter over the injury records."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..codes import TRAFFIC_CAUSES, InjuryActivity, InjuryPlace, Occupation
from ..models import InjuryRecord

Predicate = Callable[[InjuryRecord], bool]

GROUP_WORDS: tuple[tuple[tuple[str, ...], Predicate], ...] = (
    (("老年", "老人", "60岁以上", "60岁及以上"), lambda r: r.age >= 60),
    (("儿童", "幼儿", "婴幼儿", "0—14岁", "0-14岁"), lambda r: r.age < 15),
    (("学生",), lambda r: r.occupation is Occupation.STUDENT or 6 <= r.age < 15),
    (("残疾",), lambda r: r.disabled),
    (("骑行", "驾驶人", "驾乘", "司机"), lambda r: r.cause in TRAFFIC_CAUSES),
    (
        ("操作工", "从业人员", "职工", "员工", "作业人员", "工人", "务工"),
        lambda r: r.activity is InjuryActivity.WORK,
    ),
)

PLACE_WORDS: tuple[tuple[tuple[str, ...], frozenset[InjuryPlace]], ...] = (
    (("家中", "居家", "家庭", "住户", "住宅", "出租屋", "宿舍"), frozenset({InjuryPlace.HOME})),
    (("小区", "楼道", "公共居住", "出租屋", "宿舍"), frozenset({InjuryPlace.RESIDENTIAL})),
    (
        ("学校", "校园", "幼儿园", "公共场所", "公园", "广场"),
        frozenset({InjuryPlace.SCHOOL_PUBLIC}),
    ),
    (("体育", "运动场"), frozenset({InjuryPlace.SPORTS})),
    (
        ("道路", "公路", "路口", "路段", "交叉口", "县道", "省道", "国道", "干道"),
        frozenset({InjuryPlace.ROAD}),
    ),
    (("商业", "市场", "商场", "餐饮", "商铺", "贸易"), frozenset({InjuryPlace.TRADE})),
    (
        ("工地", "车间", "企业", "工厂", "建筑", "工业", "作坊", "石料场", "化工", "厂区"),
        frozenset({InjuryPlace.INDUSTRIAL}),
    ),
    (("农田", "田间", "农场", "茶园"), frozenset({InjuryPlace.FARM})),
)


def group_count(text: str, records: Sequence[InjuryRecord]) -> int | None:
    """Records of the group ``text`` names (a union of the groups it mentions), or ``None``."""
    tests = [test for words, test in GROUP_WORDS if any(w in text for w in words)]
    if not tests:
        return None
    return sum(1 for r in records if any(test(r) for test in tests))


def place_count(text: str, records: Sequence[InjuryRecord], sub_units: Sequence[str]) -> int | None:
    """Records at the place ``text`` names (card places or the community's sub-units), or ``None``."""
    places: set[InjuryPlace] = set()
    for words, found in PLACE_WORDS:
        if any(w in text for w in words):
            places |= found
    units = {u for u in sub_units if u in text}
    if not places and not units:
        return None
    return sum(1 for r in records if r.place in places or r.sub_unit in units)
