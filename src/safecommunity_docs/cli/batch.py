"""``safecommunity-docs batch``: many community folders built at once, with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .app import examples
from .output import EXIT_INVALID, EXIT_OK, err, out

if TYPE_CHECKING:
    from ..batch import BatchResult, CommunityResult

STATUS = {
    "built": ("已生成 built", "green"),
    "unchanged": ("未变化 unchanged", "cyan"),
    "failed": ("失败 failed", "bold red"),
}


def batch(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="DIR...",
            help="community folders, or folders whose sub-folders are communities",
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", metavar="OUT", help="one sub-folder per community")
    ] = Path("out"),
    formats: Annotated[
        str | None,
        typer.Option(
            metavar="LIST",
            help="comma-separated, e.g. docx,xlsx,pdf (default: each community's options)",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="processes (default: one per core)", show_default=False
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="rebuild communities whose inputs did not change")
    ] = False,
) -> int:
    """Build many communities at once; a failed one does not stop the others.

    Each community goes to OUT/<folder name>/; one whose inputs are unchanged since its last
    build is skipped (unless --force). batch-report.json and batch-report.xlsx in OUT list every
    community: status, verdict, findings, pages, seconds, error. Exit 1 if any failed."""
    from ..batch import batch as run_batch
    from ..batch import communities
    from ..names import Format

    names = [f.strip() for f in formats.split(",") if f.strip()] if formats else None
    folders = communities(paths)
    stderr = err()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    ) as bar:
        task = bar.add_task("communities", total=len(folders))

        def advance(row: CommunityResult) -> None:
            label, style = STATUS[row.status]
            stderr.print(
                Text.assemble((f"{label:18}", style), f" {row.community}  {row.seconds:.1f} s")
            )
            bar.advance(task)

        result = run_batch(
            folders,
            output,
            cast("list[Format] | None", names),
            jobs=jobs,
            force=force,
            progress=advance,
        )
    _summary(result)
    return EXIT_INVALID if result.failed else EXIT_OK


def _summary(result: BatchResult) -> None:
    table = Table(
        title=f"batch: {result.built} built, {result.unchanged} unchanged, "
        f"{result.failed} failed in {result.seconds:.1f} s"
    )
    for column in ("community", "status", "verdict", "errors", "warnings", "pages", "seconds"):
        table.add_column(column)
    for row in result.rows():
        label, style = STATUS[row.status]
        table.add_row(
            Text(row.community),
            Text(label, style=style),
            Text(row.verdict),
            str(row.errors),
            str(row.warnings),
            str(row.pages or ""),
            f"{row.seconds:.1f}",
        )
    out().print(table)
    for row in result.rows():
        if row.status == "failed":
            err().print(Text(f"{row.community} ({row.source}): {row.error}"))
    out().print(f"report: {result.report_json}  {result.report_xlsx}")


def register(app: typer.Typer) -> None:
    """Add ``batch`` to ``app``."""
    app.command(
        epilog=examples(
            "safecommunity-docs batch communities/ -o out --jobs 2",
            "safecommunity-docs batch a-street b-town -o out --formats docx,xlsx,pdf",
            "safecommunity-docs batch communities/ -o out --force",
        )
    )(batch)
