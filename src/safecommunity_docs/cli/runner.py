"""Run the command line: parse, run the command, turn every error into ``category: message``,
its remedy and an exit code (the traceback only with ``--traceback``); stop cleanly on a signal."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import SafeCommunityDocsError
from .output import EXIT_INTERNAL, EXIT_SIGINT, EXIT_SIGTERM, EXIT_USAGE, err, print_error


class _Stopped(BaseException):
    """Raised in the main thread on SIGINT or SIGTERM, so that every ``finally`` runs:
    LibreOffice workers are stopped, temporary and staging folders removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_stop_the_command() -> Iterator[None]:
    """SIGINT (Ctrl-C) and SIGTERM unwind the command instead of killing the process with its
    LibreOffice workers and temporary folders left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _Stopped(signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _usage(exc: Any) -> int:
    """A usage error (click's ``UsageError``): the message, the usage line and the remedy."""
    ctx = exc.ctx
    console = err()
    message = exc.format_message()
    if type(exc).__name__ == "NoArgsIsHelpError":  # a command group without its command
        message = f"a command is missing, one of: {', '.join(ctx.command.list_commands(ctx))}"
    console.print(f"usage: {message}")
    if ctx is not None:
        console.print(f"  {ctx.get_usage().removeprefix('Usage: ')}")
        console.print(f"remedy: '{ctx.command_path} --help' shows the options and examples")
    return EXIT_USAGE


def _error(exc: BaseException, show_traceback: bool) -> int:
    """Print ``category: message`` and the remedy of a library error, or of an unexpected one."""
    console = err()
    if show_traceback:
        console.print("".join(traceback.format_exception(exc)).rstrip())
    if isinstance(exc, SafeCommunityDocsError):
        return print_error(exc, console)
    if isinstance(exc, OSError):
        console.print(f"file system: {exc}")
        console.print("remedy: check the path, its permissions and the free space")
    else:
        console.print(f"internal error: {type(exc).__name__}: {exc}")
        console.print("remedy: run again with --traceback and report what it prints")
    return EXIT_INTERNAL


def run(command: TyperGroup, args: Sequence[str] | None, **extra: Any) -> int:
    """Run ``command`` (the application's group) on ``args`` and return the exit code."""
    state: dict[str, Any] = {"traceback": False}
    try:
        with _signals_stop_the_command():
            code = TyperGroup.main(
                command,
                args=list(args) if args is not None else None,
                standalone_mode=False,
                obj=state,
                **extra,
            )
    except typer.Abort:
        err().print("aborted: stopped; the output folder is as it was")
        return EXIT_SIGINT
    except _Stopped as exc:
        name = "SIGTERM" if exc.signum == signal.SIGTERM else "SIGINT"
        err().print(
            f"{'terminated' if name == 'SIGTERM' else 'interrupted'}: stopped ({name}); "
            "the output folder is as it was"
        )
        return EXIT_SIGTERM if exc.signum == signal.SIGTERM else EXIT_SIGINT
    except typer.TyperException as exc:  # click's errors: a usage error (2) or a file error
        if getattr(exc, "exit_code", None) == EXIT_USAGE:
            return _usage(exc)
        return _error(exc, bool(state.get("traceback")))
    except Exception as exc:
        return _error(exc, bool(state.get("traceback")))
    return code if isinstance(code, int) else 0


class Group(TyperGroup):
    """The application's group: every way of running it (the console script, :func:`main`,
    typer's ``CliRunner``) gets the same messages and exit codes (:func:`run`)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = run(self, args, prog_name=prog_name, complete_var=complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (see :mod:`safecommunity_docs.errors`)."""
    from .app import PROG, make_app

    command = typer.main.get_command(make_app())
    code: int = command.main(args=argv, prog_name=PROG, standalone_mode=False)
    return code
