"""Test helper: count an example's injury records straight from its CSV, without the library."""

from __future__ import annotations

import csv
from collections.abc import Collection

from tests.conftest import EXAMPLES


def independent_count(
    folder: str,
    year: int,
    *,
    causes: Collection[str] = (),
    places: Collection[str] = (),
    activities: Collection[str] = (),
    min_age: int | None = None,
    max_age: int | None = None,
    deaths_only: bool = False,
) -> int:
    """The number of rows of ``examples/<folder>/injuries.csv`` in ``year`` matching every
    criterion given (labels as written in the CSV)."""
    path = EXAMPLES / folder / "injuries.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return sum(
        1
        for row in rows
        if row["伤害发生时间"].startswith(str(year))
        and (not causes or row["伤害发生原因"] in causes)
        and (not places or row["伤害发生地点"] in places)
        and (not activities or row["伤害发生时活动"] in activities)
        and (min_age is None or int(row["年龄"]) >= min_age)
        and (max_age is None or int(row["年龄"]) <= max_age)
        and (not deaths_only or row["伤害结局"] == "死亡")
    )
