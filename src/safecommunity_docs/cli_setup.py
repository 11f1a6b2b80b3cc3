"""The command line's set-up commands: ``doctor`` and ``fonts install``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from .errors import FontNotFound

EXIT_OK = 0


def _cmd_doctor(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .doctor import diagnose

    diagnosis = diagnose()
    for check in diagnosis.checks:
        mark = ("✓", "green") if check.ok else (("✗", "red") if check.required else ("-", "yellow"))
        line = Text.assemble(mark, f" {check.name}: {check.detail}")
        if not check.ok:
            need = "" if check.required else " (optional)"
            line.append(f"\n    missing{need}; install with: {check.install}")
        out.print(line)
    if diagnosis.ok:
        out.print("PDF: ready")
    else:
        out.print("PDF: cannot be made correctly until the parts marked ✗ are installed")
    return diagnosis.exit_code


def _cmd_fonts_install(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .render.pdf.fandol import FONT_DIR_ENV, FetchError, has_fonts, install, user_data_dir
    from .render.pdf.fontconfig import fandol_dir

    dest = Path(args.folder) if args.folder else user_data_dir()
    if has_fonts(dest) and not args.force:
        out.print(f"{dest}: FandolFang and FandolKai are already there (--force to fetch again)")
    else:
        err.print("fetching FandolFang/FandolKai from Debian's texlive-lang-chinese …")
        try:
            for path in install(dest):
                out.print(str(path))
        except FetchError as exc:
            err.print(f"error: {exc}")
            return FontNotFound.exit_code
    found = fandol_dir()
    if found is None or found.resolve() != dest.resolve():
        err.print(
            f"note: the library looks in {found} first; to use {dest}, set {FONT_DIR_ENV}={dest}"
        )
    return EXIT_OK


def add_setup_commands(sub: Any) -> None:
    """Add ``doctor`` and ``fonts install`` to the subcommands ``sub`` (argparse's action)."""
    p = sub.add_parser(
        "doctor", help="list what PDF needs (LibreOffice, python3-uno, fonts) and what is missing"
    )
    p.set_defaults(func=_cmd_doctor)
    p = sub.add_parser("fonts", help="the open fonts the PDF font mapping expects")
    fsub = p.add_subparsers(dest="action", required=True)
    f = fsub.add_parser(
        "install",
        help="fetch FandolFang/FandolKai from Debian's texlive-lang-chinese into a folder",
    )
    f.add_argument(
        "folder",
        nargs="?",
        default=None,
        metavar="DIR",
        help="default: $XDG_DATA_HOME/safecommunity-docs/fonts (~/.local/share/…)",
    )
    f.add_argument("--force", action="store_true", help="fetch again when already there")
    f.set_defaults(func=_cmd_fonts_install)
