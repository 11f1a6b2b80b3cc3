"""The command line's set-up commands: ``doctor`` and ``fonts install``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..errors import FontNotFound
from .app import examples
from .output import EXIT_OK, err, out

fonts = typer.Typer(
    help="The open fonts the PDF font mapping expects.",
    no_args_is_help=True,
    epilog=examples("safecommunity-docs fonts install"),
)


def doctor() -> int:
    """List what PDF needs and what is missing, with the install commands.

    Checks LibreOffice, python3-uno, tcmalloc (optional) and every font of the PDF font
    mapping. Exit 6 without LibreOffice, 7 when a font the mapping expects is missing."""
    from ..doctor import diagnose

    stdout = out()

    diagnosis = diagnose()
    for check in diagnosis.checks:
        mark = ("✓", "green") if check.ok else (("✗", "red") if check.required else ("-", "yellow"))
        line = Text.assemble(mark, f" {check.name}: {check.detail}")
        if not check.ok:
            need = "" if check.required else " (optional)"
            line.append(f"\n    missing{need}; install with: {check.install}")
        stdout.print(line)
    if diagnosis.ok:
        stdout.print("PDF: ready")
    else:
        stdout.print("PDF: cannot be made correctly until the parts marked ✗ are installed")
    return diagnosis.exit_code


@fonts.command(
    epilog=examples(
        "safecommunity-docs fonts install",
        "safecommunity-docs fonts install /opt/fonts --force",
    )
)
def install(
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DIR]",
            help="default: $XDG_DATA_HOME/safecommunity-docs/fonts (~/.local/share/…)",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="fetch again when already there")] = False,
) -> int:
    """Fetch FandolFang/FandolKai (仿宋/楷体) into a folder.

    They come from Debian's texlive-lang-chinese (downloaded with apt-get, no root needed);
    exit 7 when they cannot be fetched."""
    from ..render.pdf.fandol import FONT_DIR_ENV, FetchError, has_fonts, user_data_dir
    from ..render.pdf.fandol import install as install_fonts
    from ..render.pdf.fontconfig import fandol_dir

    stdout, stderr = out(), err()
    dest = folder if folder else user_data_dir()
    if has_fonts(dest) and not force:
        stdout.print(f"{dest}: FandolFang and FandolKai are already there (--force to fetch again)")
    else:
        stderr.print("fetching FandolFang/FandolKai from Debian's texlive-lang-chinese …")
        try:
            for path in install_fonts(dest):
                stdout.print(str(path))
        except FetchError as exc:
            stderr.print(f"{FontNotFound.category}: {exc}")
            stderr.print("remedy: check apt's package lists ('apt-get update') and the network")
            return FontNotFound.exit_code
    found = fandol_dir()
    if found is None or found.resolve() != dest.resolve():
        stderr.print(
            f"note: the library looks in {found} first; to use {dest}, set {FONT_DIR_ENV}={dest}"
        )
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add ``doctor`` and the ``fonts`` group to ``app``."""
    app.command(epilog=examples("safecommunity-docs doctor"))(doctor)
    app.add_typer(fonts, name="fonts")
