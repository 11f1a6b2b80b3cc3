"""docs/compliance-rules.md lists every rule and equals a fresh generation."""

from __future__ import annotations

from pathlib import Path

from tools.rules_table import main

from safecommunity_docs.compliance import RULES
from safecommunity_docs.compliance.table import rules_markdown
from tests.conftest import ROOT

COMMITTED = ROOT / "docs" / "compliance-rules.md"


def test_committed_rules_table_is_fresh() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == rules_markdown(), (
        "run: python tools/rules_table.py"
    )


def test_the_table_has_one_row_per_rule_with_its_fields() -> None:
    rows = [line for line in rules_markdown().splitlines() if line.startswith("| SC-")]
    assert len(rows) == len(RULES)
    for row, rule in zip(rows, RULES, strict=True):
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert cells[:4] == [
            rule.id,
            f"{rule.element} {rule.element_title}",
            rule.severity.value,
            rule.en,
        ]


def test_the_tool_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "rules.md"
    assert main(["-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == rules_markdown()
