"""The command line ``safecommunity-docs`` (typer + rich): one module per command or command
group, registered in :mod:`.app`; :func:`main` runs it and returns the exit code.

Importing this package is light: typer and the commands are imported by :func:`main`.
"""

from __future__ import annotations

from .output import (
    EXIT_INTERNAL,
    EXIT_INVALID,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    EXIT_STRICT,
    EXIT_USAGE,
    console,
)
from .runner import main

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_SIGINT",
    "EXIT_SIGTERM",
    "EXIT_STRICT",
    "EXIT_USAGE",
    "console",
    "main",
]
