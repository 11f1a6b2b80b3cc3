"""``safecommunity-docs init``: a new community folder of commented YAML, valid as written."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .app import examples
from .output import EXIT_OK, err, out


class Type(StrEnum):
    """The community types (社区类型)."""

    street = "街道"
    township = "乡镇"
    park = "园区"
    enterprise = "企业"


def init(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="the new community folder (empty or absent)")
    ],
    community_type: Annotated[
        Type, typer.Option("--type", "-t", help="the community type (社区类型)")
    ],
    pack: Annotated[
        str,
        typer.Option(
            metavar="PACK",
            help="the jurisdiction pack (or one of its rubrics) the folder follows: standard, "
            "rubric, bands, cover (see 'packs')",
        ),
    ] = "city",
    force: Annotated[
        bool, typer.Option("--force", help="write into a folder that is not empty")
    ] = False,
) -> int:
    """Start a new community folder: every part as commented YAML, valid as written.

    Writes community.yaml, plan.yaml, diagnosis.yaml, projects/01-….yaml, assessment.yaml
    (every item of the rubric), application.yaml, annual_summary.yaml, options.yaml and
    injuries.csv with realistic placeholders, and intake.xlsx (the same in the Excel intake
    workbook); 'validate' passes and 'build' builds at once.
    A folder that is not empty is refused (exit 1) unless --force."""
    from .. import intake  # noqa: F401  (adds intake.xlsx to the new folder)
    from ..scaffold import init_community

    stdout = out()
    for path in init_community(folder, community_type.value, pack=pack, force=force):
        stdout.print(str(path))
    err().print(
        f"next: fill in the placeholders (某某), then 'safecommunity-docs validate {folder}' "
        f"and 'safecommunity-docs check {folder}'"
    )
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add ``init`` to ``app``."""
    app.command(
        epilog=examples(
            "safecommunity-docs init my-street --type 街道",
            "safecommunity-docs init my-park --type 园区 --pack national-field",
            "safecommunity-docs init my-town --type 乡镇 --force",
        )
    )(init)
