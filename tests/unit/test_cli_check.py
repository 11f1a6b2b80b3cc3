"""``safecommunity-docs check``: findings grouped by element, exit codes, --json, --min-severity."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import safecommunity_docs
from safecommunity_docs.cli import main
from safecommunity_docs.compliance import ELEMENTS, Findings, check, rule_by_id
from safecommunity_docs.io import load
from safecommunity_docs.models import BuildOptions
from tests.compliance_base import BROKEN_RULES, broken, clean, write_dossier, yaml_line
from tests.conftest import ROOT

ERRORS = ("SC-E3-012", "SC-E4-007")


def _acknowledging(data: dict[str, object], reason: str) -> dict[str, object]:
    data["options"] = {"acknowledged": [{"rule": rule, "reason": reason} for rule in ERRORS]}
    return data


def test_a_clean_dossier_exits_0_with_no_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dossier(tmp_path, clean())
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "要素" not in out
    assert "共 0 条" in out


def test_unacknowledged_errors_exit_1_and_findings_are_grouped_by_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dossier(tmp_path, broken())
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert "2 error(s) nobody acknowledged" in captured.err
    lines = captured.out.splitlines()
    headings = [line for line in lines if line.startswith("要素 ")]
    assert headings == [
        f"要素 1 {ELEMENTS[1]}（2 条）",
        f"要素 3 {ELEMENTS[3]}（1 条）",
        f"要素 4 {ELEMENTS[4]}（1 条）",
        f"要素 5 {ELEMENTS[5]}（1 条）",
    ]
    # Every finding is printed under its own element's heading, with its severity and rule.
    rule_lines = [line for line in lines if re.match(r"^  \S+ (error|warning|info)  SC-", line)]
    assert sorted(line.split()[2] for line in rule_lines) == sorted(BROKEN_RULES)
    current = 0
    for line in lines:
        if line.startswith("要素 "):
            current = int(line.split()[1])
        elif line in rule_lines:
            assert f"SC-E{current}-" in line, line
    assert "  错误 error  SC-E4-007  work_plan.objectives.targets[1].baseline" in captured.out
    assert lines[-1].startswith(
        "合计 共 5 条：错误 2 条（已确认 0 条，未确认 2 条）、警告 2 条、提示 1 条"
    )


def test_each_finding_shows_both_messages_reference_and_file_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dossier(tmp_path, broken())
    main(["check", str(path)])
    out = capsys.readouterr().out
    findings = check(load(path))
    target = next(f for f in findings if f.rule == "SC-E4-007")
    line = yaml_line(path, "work_plan.objectives.targets[1].baseline")
    first, *rest = out[out.index("SC-E4-007") :].splitlines()
    assert first.endswith(f"({path}:{line})")
    details = [t.strip() for t in rest[: next(i for i, t in enumerate(rest) if t[:6] != " " * 6)]]
    assert details == [
        target.message_zh,
        target.message_en,
        target.detail,
        f"依据 reference: {target.reference}",
    ]


def test_json_prints_every_finding_with_its_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dossier(tmp_path, broken())
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert Findings.from_json(json.dumps(data)) == check(load(path))
    assert sorted(d["rule"] for d in data) == sorted(BROKEN_RULES)
    deadline = next(d for d in data if d["rule"] == "SC-E3-012")
    assert deadline["file"] == str(path)
    assert deadline["line"] == yaml_line(path, "diagnosis.hazard_units[0].hazards[0].deadline")


@pytest.mark.parametrize(
    ("level", "severities"),
    [
        ("error", {"error"}),
        ("warning", {"error", "warning"}),
        ("info", {"error", "warning", "info"}),
    ],
)
def test_min_severity_leaves_out_lower_findings_but_not_the_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], level: str, severities: set[str]
) -> None:
    path = write_dossier(tmp_path, broken())
    assert main(["check", str(path), "--json", "--min-severity", level]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {d["severity"] for d in data} == severities
    assert main(["check", str(path), "--min-severity", level]) == 1
    out = capsys.readouterr().out
    shown = {s for s in ("error", "warning", "info") if re.search(rf"^  \S+ {s}  SC-", out, re.M)}
    assert shown == severities


def test_acknowledged_errors_exit_0_and_print_their_reason_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = "[bold]信号灯已立项[/bold] :fire: 2026年12月完工"
    path = write_dossier(tmp_path, _acknowledging(broken(), reason))
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count(f"已确认 acknowledged: {reason}") == 2
    assert "已确认 2 条，未确认 0 条" in out


def test_a_missing_path_exits_3_and_bad_input_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 3
    data = clean()
    data["community"]["population"]["total"] = "many"
    path = write_dossier(tmp_path, data)
    assert main(["check", str(path)]) == 1
    assert "community.population.total" in capsys.readouterr().err


def test_the_package_exports_check_for_a_path_or_a_dossier(tmp_path: Path) -> None:
    path = write_dossier(tmp_path, broken())
    from_path = safecommunity_docs.check(path)
    assert isinstance(from_path, safecommunity_docs.Findings)
    assert from_path == safecommunity_docs.check(load(path)) == check(load(path))
    assert from_path.blocking.rules == ERRORS


def test_the_readme_example_acknowledges_a_real_rule_and_validates() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n# my-street/options\.yaml\n(.*?)```", readme, re.S)
    assert block is not None
    options = BuildOptions.model_validate(yaml.safe_load(block.group(1)))
    [ack] = options.acknowledged
    assert rule_by_id(ack.rule).severity == "error"
    assert ack.reason
    commands = re.search(r"```sh\n(safecommunity-docs validate .*?)```", readme, re.S)
    assert commands is not None
    assert "safecommunity-docs check " in commands.group(1)
