"""``safecommunity-docs validate``: every problem of a community folder or file, located."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from .app import examples
from .output import EXIT_INVALID, EXIT_OK, err, out, print_error


def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="community folders, YAML/JSON files or injury-record tables (.csv/.xlsx)",
            show_default=False,
        ),
    ],
) -> int:
    """Check community folders or files for input errors; exit 1 if any is invalid.

    Every problem is printed with its file, line, column and field path; a path that does not
    exist exits 3. Injury-record tables also say how many rows were read, imported and rejected."""
    from ..api import validate as validate_path
    from ..errors import InputNotFound

    stdout, stderr = out(), err()
    status = EXIT_OK
    for path in paths:
        try:
            report = validate_path(path)
        except InputNotFound as exc:
            status = max(status, print_error(exc, stderr))
            continue
        for change in report.text_changes:
            where = ":".join(str(x) for x in (change.file, change.line, change.column) if x)
            stderr.print(f"note: {where} {change.path}: text normalised: {change.description}")
        for warning in report.warnings:
            stderr.print(f"warning: {warning}")
        if report.records is not None:
            stdout.print(f"injury records: {report.records}")
        if report.ok:
            stdout.print(Text.assemble(("✓", "green"), f" {report.path} ({report.model}): valid"))
        else:
            for problem in report.problems:
                stdout.print(str(problem))
            stdout.print(
                Text.assemble(
                    ("✗", "red"),
                    f" {report.path} ({report.model}): {len(report.problems)} problem(s)",
                )
            )
            status = max(status, EXIT_INVALID)
    return status


def register(app: typer.Typer) -> None:
    """Add ``validate`` to ``app``."""
    app.command(
        epilog=examples(
            "safecommunity-docs validate examples/qinghe-street",
            "safecommunity-docs validate my-street/plan.yaml my-street/injuries.csv",
        )
    )(validate)
