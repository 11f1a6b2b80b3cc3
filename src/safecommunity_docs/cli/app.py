"""The typer application: global options and the one list of command modules.

A command or command group is one module of this package with a ``register(app)`` function;
listing its name in :data:`COMMAND_MODULES` is all that adds it to ``safecommunity-docs``
(``intake`` and ``batch`` are added that way).
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer

from .. import __version__
from .output import out
from .runner import Group

PROG = "safecommunity-docs"

COMMAND_MODULES: tuple[str, ...] = (
    "init",
    "validate",
    "check",
    "score",
    "build",
    "batch",
    "templates",
    "intake",
    "reference",
    "setup",
)
"""Modules of this package that add commands, in the order ``--help`` lists them."""

HELP = """Build Chinese Safe Community (安全社区) dossiers from typed data.

Every command has examples in its own [bold]--help[/bold]. Errors print
[italic]category: message[/italic] and the remedy; [bold]--traceback[/bold] shows where it
happened."""

EPILOG = """[bold]Examples[/bold]

  safecommunity-docs init my-street --type 街道
  safecommunity-docs validate my-street
  safecommunity-docs build my-street -o out/my-street --formats docx,xlsx,pdf
  safecommunity-docs build --help"""


def examples(*lines: str) -> str:
    """The epilog of a command: its example invocations, one a line."""
    return "[bold]Examples[/bold]\n\n" + "\n".join(f"  {line}" for line in lines)


def _version(value: bool) -> None:
    if value:
        out().print(f"{PROG} {__version__}")
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    traceback: Annotated[
        bool,
        typer.Option("--traceback", help="on an error, also print the Python traceback"),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="print the version and exit",
        ),
    ] = False,
) -> None:
    if isinstance(ctx.obj, dict):
        ctx.obj["traceback"] = traceback


def make_app() -> typer.Typer:
    """The ``safecommunity-docs`` application with every command of :data:`COMMAND_MODULES`."""
    app = typer.Typer(
        name=PROG,
        help=HELP,
        epilog=EPILOG,
        no_args_is_help=True,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        cls=Group,
    )
    app.callback()(_root)
    for name in COMMAND_MODULES:
        module: Any = importlib.import_module(f"{__package__}.{name}")
        module.register(app)
    return app
