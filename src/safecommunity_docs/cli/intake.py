"""``safecommunity-docs intake template|import|export``: the Excel intake workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import examples
from .output import EXIT_OK, err, out

group = typer.Typer(
    help="Fill in communities in Excel: the intake workbook (填报表).",
    no_args_is_help=True,
    epilog=examples(
        "safecommunity-docs intake template 填报表.xlsx",
        "safecommunity-docs intake import 填报表.xlsx -o communities/",
        "safecommunity-docs intake export examples/qinghe-street -o qinghe.xlsx",
    ),
)


@group.command(epilog=examples("safecommunity-docs intake template 填报表.xlsx"))
def template(
    workbook: Annotated[Path, typer.Argument(metavar="OUT.xlsx", help="the workbook to write")],
) -> int:
    """Write an empty intake workbook: one sheet per part, a grey example row on each, drop-downs
    from the code lists and an input message on every column; fill it in from row 3."""
    from ..intake import write_template

    out().print(str(write_template(workbook)))
    return EXIT_OK


@group.command(
    name="import",
    epilog=examples(
        "safecommunity-docs intake import 填报表.xlsx -o my-street",
        "safecommunity-docs intake import 全区.xlsx -o communities/   # one folder per 社区",
        "safecommunity-docs intake import 填报表.xlsx -o my-street --force",
    ),
)
def import_(
    workbook: Annotated[Path, typer.Argument(metavar="FILE.xlsx", help="a filled workbook")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="DIR", help="the community folder to write"),
    ],
    force: Annotated[
        bool,
        typer.Option("--force", help="replace the YAML and injuries.csv of a folder not empty"),
    ] = False,
) -> int:
    """Write a filled intake workbook as a community folder (several rows on 基本情况: one
    folder per community inside DIR). Every bad cell is listed with its sheet, row, column
    and value, and nothing is written (exit 1)."""
    from ..intake import import_workbook

    for folder in import_workbook(workbook, output, force=force):
        out().print(str(folder))
    err().print(f"next: 'safecommunity-docs validate {output}'")
    return EXIT_OK


@group.command(
    name="export",
    epilog=examples(
        "safecommunity-docs intake export my-street -o my-street.xlsx",
        "safecommunity-docs intake export street-a street-b -o 全区.xlsx",
    ),
)
def export(
    folders: Annotated[
        list[Path],
        typer.Argument(metavar="DIR...", help="community folders", show_default=False),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="OUT.xlsx", help="the workbook to write")
    ],
) -> int:
    """Write community folders into one intake workbook (one row per community on 基本情况);
    importing it again gives the same dossiers."""
    from ..intake import export_workbook

    out().print(str(export_workbook(folders, output)))
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add the ``intake`` group to ``app``."""
    app.add_typer(group, name="intake")
