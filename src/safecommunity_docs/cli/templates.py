"""``safecommunity-docs templates export``: the default Word templates, to edit in Word."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import examples
from .output import EXIT_INVALID, EXIT_OK, err, out

group = typer.Typer(
    help="Work with the Word templates.",
    no_args_is_help=True,
    epilog=examples("safecommunity-docs templates export my-templates/"),
)


@group.command(
    epilog=examples(
        "safecommunity-docs templates export my-templates/",
        "safecommunity-docs build my-street --templates my-templates/",
    )
)
def export(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="where to write <kind>.docx")],
    force: Annotated[bool, typer.Option("--force", help="overwrite existing files")] = False,
) -> int:
    """Copy the default templates into a folder, to edit in Word and build with --templates."""
    from ..kinds import all_kinds
    from ..render.docx.templates import default_template
    from ..write import write_atomic

    names = [kind.template for kind in all_kinds() if kind.template is not None]
    for name in names:
        target = folder / f"{name}.docx"
        if target.exists() and not force:
            err().print(f"exists: {target} is already there")
            err().print("remedy: choose an empty folder, or overwrite with --force")
            return EXIT_INVALID
    for name in names:
        target = folder / f"{name}.docx"
        write_atomic(target, default_template(name).read_bytes())
        out().print(str(target))
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add the ``templates`` group to ``app``."""
    app.add_typer(group, name="templates")
