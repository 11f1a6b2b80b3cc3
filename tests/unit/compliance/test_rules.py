"""Every rule fires on the clean dossier broken its way, at the right path, and not otherwise."""

from __future__ import annotations

import pytest

from safecommunity_docs.compliance import RULES, Severity, check
from tests.compliance_base import clean, dossier
from tests.unit.compliance.cases import CASES, PACK_OPTIONS

IDS = [rule.id for rule in RULES]


def test_there_are_at_least_forty_rules_each_with_a_case() -> None:
    assert len(IDS) >= 40
    assert len(set(IDS)) == len(IDS)
    assert sorted(CASES) == sorted(IDS)


def test_the_clean_dossier_breaks_no_rule() -> None:
    assert [str(f) for f in check(dossier())] == []


@pytest.mark.parametrize("rule_id", IDS)
def test_rule_fires_at_its_path(rule_id: str) -> None:
    mutate, path = CASES[rule_id]
    data = clean()
    mutate(data)
    findings = check(dossier(data), options=PACK_OPTIONS.get(rule_id)).filter(rule=rule_id)
    assert path in [f.path for f in findings], [str(f) for f in findings]
    rule = next(r for r in RULES if r.id == rule_id)
    hit = next(f for f in findings if f.path == path)
    assert (hit.severity, hit.message_zh, hit.message_en) == (rule.severity, rule.zh, rule.en)
    assert hit.element == int(rule_id.split("-")[1][1:])
    assert hit.detail


@pytest.mark.parametrize("rule_id", IDS)
def test_rule_is_quiet_on_the_clean_dossier(rule_id: str) -> None:
    only = [r for r in RULES if r.id == rule_id]
    findings = check(dossier(), rules=only, options=PACK_OPTIONS.get(rule_id))
    assert len(findings) == 0


def test_every_severity_is_used() -> None:
    assert {r.severity for r in RULES} == set(Severity)
