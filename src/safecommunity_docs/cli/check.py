"""The command line's ``check`` command: compliance findings grouped by element."""

from __future__ import annotations

from enum import StrEnum
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from .app import examples
from .output import err, out

if TYPE_CHECKING:
    from ..compliance import Finding, Findings

EXIT_OK = 0
EXIT_ERRORS = 1
"""``check`` found an error-level finding nobody acknowledged (the code of invalid input)."""
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class MinSeverity(StrEnum):
    """The lowest severity ``check`` shows."""

    error = "error"
    warning = "warning"
    info = "info"


def _finding_lines(finding: Finding) -> Text:
    """One finding: severity, rule, field path and file:line, then both messages, the
    specifics, the reference and, when acknowledged, the reason. Input text stays literal."""
    from ..views.compliance_report import SEVERITY_LABELS

    label = f"{SEVERITY_LABELS[finding.severity]} {finding.severity.value}"
    line = Text.assemble(
        "  ", (label, SEVERITY_STYLES[finding.severity.value]), f"  {finding.rule}  {finding.path}"
    )
    if finding.location:
        line.append(f"  ({finding.location})")
    for text in (finding.message_zh, finding.message_en, finding.detail):
        if text:
            line.append(f"\n      {text}")
    line.append(f"\n      依据 reference: {finding.reference}")
    if finding.acknowledged:
        line.append(f"\n      已确认 acknowledged: {finding.reason}")
    return line


def print_findings(findings: Findings, console: Console) -> None:
    """Print ``findings`` grouped by element (「要素 3 事故与伤害风险辨识及其评价」), elements in
    order, each group in the findings' order (severity, rule, path)."""
    ordered = sorted(findings, key=lambda f: f.element)  # stable: keeps severity order
    for (element, title), group in groupby(ordered, key=lambda f: (f.element, f.element_title)):
        items = list(group)
        console.print(Text.assemble((f"要素 {element} {title}", "bold"), f"（{len(items)} 条）"))
        for finding in items:
            console.print(_finding_lines(finding))


def check(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="a community folder or dossier file")
    ],
    json: Annotated[bool, typer.Option("--json", help="print the findings as JSON")] = False,
    min_severity: Annotated[
        MinSeverity,
        typer.Option(help="leave out findings below this severity (info: show all)"),
    ] = MinSeverity.info,
) -> int:
    """Check a dossier the way a reviewer would; exit 1 on an unacknowledged error.

    Findings are grouped by element (要素), each with its rule, field path, file and line, both
    messages and the reference. Accept one with its reason under 'acknowledged:' in
    options.yaml."""
    from ..api import check as check_dossier
    from ..compliance import Findings, Severity
    from ..views.compliance_report import summary_line

    stdout = out()
    findings = check_dossier(path)
    floor = Severity(min_severity.value).rank
    shown = Findings(tuple(f for f in findings if f.severity.rank <= floor))
    blocking = len(findings.blocking)
    if json:
        stdout.print(shown.to_json())
    else:
        print_findings(shown, stdout)
        stdout.print(f"合计 {summary_line(shown)}")
    if blocking:
        err().print(
            f"compliance: {path}: {blocking} error(s) nobody acknowledged (see options.yaml: "
            "acknowledged)"
        )
        err().print(
            "remedy: fix them, or acknowledge each with its reason under 'acknowledged:' in "
            "options.yaml"
        )
        return EXIT_ERRORS
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add ``check`` to ``app``."""
    app.command(
        epilog=examples(
            "safecommunity-docs check examples/qinghe-street",
            "safecommunity-docs check my-street --min-severity error",
            "safecommunity-docs check my-street --json > findings.json",
        )
    )(check)
