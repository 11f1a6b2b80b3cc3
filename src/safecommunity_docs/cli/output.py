"""The command line's consoles and exit codes (light: no typer, no library module beyond errors).

Everything printed that comes from input (names, paths, problems) is printed literally: the
consoles interpret neither rich markup nor ``:emoji:`` codes (``community.yaml:100:1`` stays as
it is, a community called ``[/]`` is just a name).
"""

from __future__ import annotations

from rich.console import Console

from ..errors import InputError, InputNotFound, SafeCommunityDocsError

EXIT_OK = 0
EXIT_INVALID = InputError.exit_code  # 1: invalid input, or a file that would be overwritten
EXIT_USAGE = 2  # unknown command or option, missing argument
EXIT_NOT_FOUND = InputNotFound.exit_code  # 3
EXIT_STRICT = 8  # build --strict and the build had warnings (e.g. a font fallback)
EXIT_INTERNAL = 70  # an unexpected error (a bug, or the operating system refused): EX_SOFTWARE
EXIT_SIGINT = 130  # 128 + SIGINT: stopped by Ctrl-C
EXIT_SIGTERM = 143  # 128 + SIGTERM


def console(stderr: bool = False) -> Console:
    """A console that prints text literally: no markup, no emoji codes, no highlighting."""
    return Console(stderr=stderr, soft_wrap=True, markup=False, emoji=False, highlight=False)


def out() -> Console:
    """Standard output, literal (see :func:`console`)."""
    return console()


def err() -> Console:
    """Standard error, literal (see :func:`console`)."""
    return console(stderr=True)


REMEDIES: dict[str, str] = {
    "input": "correct the values listed above; 'safecommunity-docs validate PATH' lists every "
    "problem",
    "not-found": "check the path; 'safecommunity-docs init DIR --type 街道' starts a new "
    "community folder",
    "template": "fix the template named above, or start again from "
    "'safecommunity-docs templates export DIR'",
    "conversion": "run 'safecommunity-docs doctor', then build again (or leave out pdf: "
    "--formats docx,xlsx)",
    "converter-not-found": "install LibreOffice as 'safecommunity-docs doctor' shows, or leave "
    "out pdf (--formats docx,xlsx)",
    "font-not-found": "run 'safecommunity-docs doctor' and install the fonts it lists "
    "('safecommunity-docs fonts install' for FandolFang/FandolKai)",
    "missing-dependency": "install the package named above",
}
"""What to do about an error, by the error's ``category``."""


def print_error(exc: SafeCommunityDocsError, console: Console) -> int:
    """Print ``category: message`` and the remedy of a library error; return its exit code."""
    console.print(f"{exc.category}: {exc}")
    remedy = REMEDIES.get(exc.category)
    if remedy:
        console.print(f"remedy: {remedy}")
    return exc.exit_code
