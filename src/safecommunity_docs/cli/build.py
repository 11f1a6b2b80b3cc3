"""``safecommunity-docs build``: a dossier's documents written into a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, cast

import typer
from rich.text import Text

from .app import examples
from .output import EXIT_OK, EXIT_STRICT, err, out


def build(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="a community folder or dossier file")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", metavar="DIR", help="the output folder")
    ] = Path("out"),
    formats: Annotated[
        str | None,
        typer.Option(
            metavar="LIST",
            help="comma-separated, e.g. docx,xlsx,pdf (default: the dossier's options)",
            show_default=False,
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="folder of your own templates (<kind>.docx), see 'templates export'",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="refuse to build (exit 1, nothing written) when a compliance error is not "
            f"acknowledged; exit {EXIT_STRICT} when the build has warnings (e.g. a font fallback)",
        ),
    ] = False,
) -> int:
    """Write the dossier's documents (Word, Excel, PDF) into a folder.

    With pdf also dossier.pdf (cover, 目录, every part); always manifest.json and
    合规检查报告.xlsx. Nothing is half-written: on an error the folder stays as it was."""
    from ..build import build as build_dossier
    from ..io import load
    from ..names import Format

    stdout, stderr = out(), err()
    dossier = load(path)
    names = [f.strip() for f in formats.split(",") if f.strip()] if formats else None
    chosen = cast("list[Format] | None", names)  # build() checks each name against the registry
    # A spinner on a terminal (PDF conversion takes seconds); nothing when output is piped.
    with stderr.status(Text(f"{dossier.community.name}: building …"), spinner="dots"):
        result = build_dossier(
            dossier, output, formats=chosen, template_dir=templates, strict=strict
        )
    for written in result.outputs:
        stdout.print(f"{written.format}\t{written.path}")
    for warning in result.warnings:
        stderr.print(f"warning: {warning}")
    total = sum(result.timings.values())
    stderr.print(f"built {len(result.outputs)} file(s) in {total:.2f} s")
    if strict and result.warnings:
        stderr.print(f"strict: {len(result.warnings)} warning(s) with --strict")
        stderr.print("remedy: resolve the warnings above, or build without --strict")
        return EXIT_STRICT
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add ``build`` to ``app``."""
    app.command(
        epilog=examples(
            "safecommunity-docs build examples/qinghe-street -o out/qinghe",
            "safecommunity-docs build my-street -o out/my-street --formats docx,xlsx,pdf --strict",
            "safecommunity-docs build my-street --templates my-templates/",
        )
    )(build)
