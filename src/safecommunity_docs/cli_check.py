"""The command line's ``check`` command: compliance findings grouped by element."""

from __future__ import annotations

import argparse
from itertools import groupby
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from .compliance import Finding, Findings

EXIT_OK = 0
EXIT_ERRORS = 1
"""``check`` found an error-level finding nobody acknowledged (the code of invalid input)."""
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _finding_lines(finding: Finding) -> Text:
    """One finding: severity, rule, field path and file:line, then both messages, the
    specifics, the reference and, when acknowledged, the reason. Input text stays literal."""
    from .views.compliance_report import SEVERITY_LABELS

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


def print_findings(findings: Findings, out: Console) -> None:
    """Print ``findings`` grouped by element (「要素 3 事故与伤害风险辨识及其评价」), elements in
    order, each group in the findings' order (severity, rule, path)."""
    ordered = sorted(findings, key=lambda f: f.element)  # stable: keeps severity order
    for (element, title), group in groupby(ordered, key=lambda f: (f.element, f.element_title)):
        items = list(group)
        out.print(Text.assemble((f"要素 {element} {title}", "bold"), f"（{len(items)} 条）"))
        for finding in items:
            out.print(_finding_lines(finding))


def _cmd_check(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .api import check
    from .compliance import Findings, Severity
    from .views.compliance_report import summary_line

    findings = check(args.path)
    floor = Severity(args.min_severity).rank
    shown = Findings(tuple(f for f in findings if f.severity.rank <= floor))
    blocking = len(findings.blocking)
    if args.json:
        out.print(shown.to_json())
    else:
        print_findings(shown, out)
        out.print(f"合计 {summary_line(shown)}")
    if blocking:
        err.print(
            f"{args.path}: {blocking} error(s) nobody acknowledged (see options.yaml: acknowledged)"
        )
        return EXIT_ERRORS
    return EXIT_OK


def add_check_command(sub: Any) -> None:
    """Add ``check`` to the command line's sub-parsers."""
    p = sub.add_parser(
        "check",
        help="check a dossier the way a reviewer would; exit 1 if an error is not acknowledged",
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument(
        "--min-severity",
        choices=("error", "warning", "info"),
        default="info",
        help="leave out findings below this severity (default: info, i.e. show all)",
    )
    p.set_defaults(func=_cmd_check)
