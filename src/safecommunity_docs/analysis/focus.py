"""Focus groups (older people, children, people with disabilities) and their leading causes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..codes import InjuryCause
from ..models.injury import InjuryRecord
from .tables import CountTable, count_values

Predicate = Callable[[InjuryRecord], bool]

OLDER_AGE = 60
CHILD_AGE = 15


@dataclass(frozen=True, slots=True)
class FocusGroup:
    """A group of injured people singled out by the standard: key, Chinese label and test."""

    key: str
    label: str
    predicate: Predicate


def older_people(age: int = OLDER_AGE) -> FocusGroup:
    """Return the group of older people: aged ``age`` (default 60) or more."""
    return FocusGroup("older", "老年人", lambda r: r.age >= age)


def children(age: int = CHILD_AGE) -> FocusGroup:
    """Return the group of children: younger than ``age`` (default 15, i.e. 0-14)."""
    return FocusGroup("children", "儿童", lambda r: r.age < age)


def disabled_people() -> FocusGroup:
    """Return the group of people with disabilities (records marked ``disabled``)."""
    return FocusGroup("disabled", "残疾人", lambda r: r.disabled)


def focus_groups(older_age: int = OLDER_AGE, child_age: int = CHILD_AGE) -> tuple[FocusGroup, ...]:
    """Return the three focus groups in their fixed order: older people, children, disabled."""
    return (older_people(older_age), children(child_age), disabled_people())


def top_causes(
    records: Sequence[InjuryRecord],
    predicate: Predicate,
    n: int = 3,
    *,
    dimension: str = "cause",
    title: str = "伤害发生原因",
) -> CountTable:
    """Return the ``n`` leading causes of injury among the records that satisfy ``predicate``.

    Rows are causes with at least one record, largest count first, ties in code order, at most
    ``n`` of them. ``total`` is the number of selected records and each share is a share of that
    total (by largest remainder over all causes), so a truncated table's rows need not add up
    to the total or to 100.
    """
    selected = [r for r in records if predicate(r)]
    table = count_values((r.cause for r in selected), InjuryCause, dimension, title)
    return CountTable(dimension, title, table.ranked()[:n], table.total)


def group_top_causes(records: Sequence[InjuryRecord], group: FocusGroup, n: int = 3) -> CountTable:
    """Return :func:`top_causes` for a focus group; the table's dimension is ``cause:<key>``."""
    return top_causes(
        records,
        group.predicate,
        n,
        dimension=f"cause:{group.key}",
        title=f"{group.label}伤害发生原因",
    )


def older_top_causes(
    records: Sequence[InjuryRecord], n: int = 3, age: int = OLDER_AGE
) -> CountTable:
    """Return the ``n`` leading causes of injury among people aged ``age`` (60) or more."""
    return group_top_causes(records, older_people(age), n)


def children_top_causes(
    records: Sequence[InjuryRecord], n: int = 3, age: int = CHILD_AGE
) -> CountTable:
    """Return the ``n`` leading causes of injury among children younger than ``age`` (15)."""
    return group_top_causes(records, children(age), n)


def disabled_top_causes(records: Sequence[InjuryRecord], n: int = 3) -> CountTable:
    """Return the ``n`` leading causes of injury among people with disabilities."""
    return group_top_causes(records, disabled_people(), n)
