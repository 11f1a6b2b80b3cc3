"""A deliberately broken copy of the clean dossier: two dozen rules, each found once, in place."""

from __future__ import annotations

from collections import Counter

from safecommunity_docs.compliance import check
from tests.compliance_base import clean, dossier
from tests.unit.compliance.cases import CASES

BROKEN = (
    "SC-E1-003",
    "SC-E1-005",
    "SC-E1-006",
    "SC-E1-007",
    "SC-E1-009",
    "SC-E1-010",
    "SC-E3-003",
    "SC-E3-004",
    "SC-E3-005",
    "SC-E3-006",
    "SC-E3-008",
    "SC-E3-013",
    "SC-E4-006",
    "SC-E4-007",
    "SC-E4-011",
    "SC-E4-016",
    "SC-E5-002",
    "SC-E5-004",
    "SC-E5-006",
    "SC-E5-008",
    "SC-E5-011",
    "SC-E5-012",
    "SC-E9-004",
    "SC-E10-003",
    "SC-E10-009",
    "SC-E10-011",
)


def test_the_broken_dossier_triggers_each_rule_once_at_its_path() -> None:
    data = clean()
    for rule_id in BROKEN:
        CASES[rule_id][0](data)
    found = check(dossier(data))
    assert Counter(f.rule for f in found) == Counter(BROKEN)
    for rule_id in BROKEN:
        (hit,) = found.filter(rule=rule_id)
        assert hit.path == CASES[rule_id][1]
    assert len(BROKEN) >= 20
