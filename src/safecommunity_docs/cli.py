"""The command line: ``safecommunity-docs validate | check | build | score | templates | schema |
rubrics | doctor | fonts install``.

Everything printed that comes from input (names, paths, problems) is printed literally: the
consoles interpret neither rich markup nor ``:emoji:`` codes (``community.yaml:100:1`` stays as
it is, a community called ``[/]`` is just a name). Heavy modules are imported by the command
that needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__
from .cli_check import add_check_command
from .cli_setup import add_setup_commands
from .errors import InputError, InputNotFound, SafeCommunityDocsError

if TYPE_CHECKING:
    from .scoring import ScoreReport

EXIT_OK = 0
EXIT_INVALID = InputError.exit_code  # 1: invalid input, or a file that would be overwritten
EXIT_USAGE = 2  # argparse's own code for a usage error
EXIT_NOT_FOUND = InputNotFound.exit_code  # 3
EXIT_STRICT = 8  # build --strict and the build had warnings (e.g. a font fallback)
EXIT_SIGINT = 130  # 128 + SIGINT: stopped by Ctrl-C
EXIT_SIGTERM = 143  # 128 + SIGTERM


def console(stderr: bool = False) -> Console:
    """A console that prints text literally: no markup, no emoji codes, no highlighting."""
    return Console(stderr=stderr, soft_wrap=True, markup=False, emoji=False, highlight=False)


def _cmd_validate(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .api import validate

    status = EXIT_OK
    for path in args.paths:
        try:
            report = validate(path)
        except InputNotFound as exc:
            err.print(f"{exc}")
            status = max(status, EXIT_NOT_FOUND)
            continue
        for change in report.text_changes:
            where = ":".join(str(x) for x in (change.file, change.line, change.column) if x)
            err.print(f"note: {where} {change.path}: text normalised: {change.description}")
        for warning in report.warnings:
            err.print(f"warning: {warning}")
        if report.records is not None:
            out.print(f"injury records: {report.records}")
        if report.ok:
            out.print(Text.assemble(("✓", "green"), f" {report.path} ({report.model}): valid"))
        else:
            for problem in report.problems:
                out.print(str(problem))
            out.print(
                Text.assemble(
                    ("✗", "red"),
                    f" {report.path} ({report.model}): {len(report.problems)} problem(s)",
                )
            )
            status = max(status, EXIT_INVALID)
    return status


def _score_table(report: ScoreReport, title: str) -> Table:
    """The score table; every title and cell is a :class:`Text`, never parsed as markup."""
    table = Table(title=Text(title), show_lines=False)
    for head, justify in (
        ("一级指标", "left"),
        ("得分", "right"),
        ("适用分值", "right"),
        ("得分率", "right"),
    ):
        table.add_column(head, justify=justify)  # type: ignore[arg-type]
    for element in report.elements:
        table.add_row(
            Text(f"{element.id} {element.title}"),
            Text(f"{element.score.normalize():f}"),
            Text(f"{element.max.normalize():f}"),
            Text(f"{element.percent}%"),
        )
    table.add_section()
    table.add_row(Text("总分"), Text(f"{report.total}"), Text(f"{report.scale.normalize():f}"))
    return table


def _cmd_score(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .api import render_xlsx, score
    from .io import load
    from .write import write_atomic

    dossier = load(args.path)
    report = score(dossier, args.rubric)
    if args.xlsx:
        write_atomic(args.xlsx, render_xlsx(dossier, args.rubric))
        err.print(f"wrote {args.xlsx}")
    if args.json:
        out.print(report.model_dump_json(indent=2))
        return EXIT_OK
    out.print(_score_table(report, f"{dossier.community.name} 自评（{report.rubric_id}）"))
    out.print(f"结论：{report.verdict.label}")
    out.print(f"下一步：{report.verdict.next_step}")
    for veto in report.vetoes:
        out.print(f"否决/复评：{veto.message}")
    if report.priorities:
        out.print(
            "改进重点："
            + "；".join(
                f"{p.id} {p.text}（失{p.lost.normalize():f}分）" for p in report.priorities
            ),
        )
    for warning in report.warnings:
        err.print(f"warning: {warning}")
    return EXIT_OK


def _cmd_build(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .build import build
    from .io import load

    dossier = load(args.path)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()] if args.formats else None
    # A spinner on a terminal (PDF conversion takes seconds); nothing when output is piped.
    with err.status(Text(f"{dossier.community.name}: building …"), spinner="dots"):
        result = build(
            dossier, args.output, formats=formats, template_dir=args.templates, strict=args.strict
        )
    for output in result.outputs:
        out.print(f"{output.format}\t{output.path}")
    for warning in result.warnings:
        err.print(f"warning: {warning}")
    total = sum(result.timings.values())
    err.print(f"built {len(result.outputs)} file(s) in {total:.2f} s")
    if args.strict and result.warnings:
        err.print(f"error: --strict: {len(result.warnings)} warning(s)")
        return EXIT_STRICT
    return EXIT_OK


def _cmd_templates(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .kinds import all_kinds
    from .render.docx.templates import default_template
    from .write import write_atomic

    folder = Path(args.folder)
    names = [kind.template for kind in all_kinds() if kind.template is not None]
    for name in names:
        target = folder / f"{name}.docx"
        if target.exists() and not args.force:
            err.print(f"{target} exists; use --force to overwrite")
            return EXIT_INVALID
        write_atomic(target, default_template(name).read_bytes())
        out.print(str(target))
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.output):
        out.print(str(path))
    return EXIT_OK


def _cmd_rubrics(args: argparse.Namespace, out: Console, err: Console) -> int:
    from .io import load_rubric, rubric_ids

    for rubric_id in rubric_ids():
        rubric = load_rubric(rubric_id)
        items = sum(len(e.items) for e in rubric.elements)
        out.print(
            f"{rubric.id}\t{rubric.version}\t{rubric.scale} points\t{len(rubric.elements)} "
            f"elements\t{items} items\t{rubric.title}",
        )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``safecommunity-docs`` command."""
    parser = argparse.ArgumentParser(
        prog="safecommunity-docs",
        description="Build Chinese Safe Community (安全社区) dossiers from typed data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "validate", help="check a community folder or YAML/JSON file; exit 1 if invalid"
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=_cmd_validate)
    add_check_command(sub)
    p = sub.add_parser("schema", help="write the JSON Schema of every input model")
    p.add_argument("-o", "--output", default="schemas", metavar="DIR")
    p.set_defaults(func=_cmd_schema)
    p = sub.add_parser("build", help="write the dossier's documents (Word, Excel) into a folder")
    p.add_argument("path", metavar="PATH")
    p.add_argument("-o", "--output", default="out", metavar="DIR")
    p.add_argument(
        "--formats",
        default=None,
        metavar="LIST",
        help="comma-separated, e.g. docx,xlsx (default: the dossier's options)",
    )
    p.add_argument(
        "--templates",
        default=None,
        metavar="DIR",
        help="folder of your own templates (<kind>.docx), see 'templates export'",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="refuse to build (exit 1, nothing written) when a compliance error is not "
        f"acknowledged; exit {EXIT_STRICT} when the build has warnings (e.g. a font fallback)",
    )
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("templates", help="work with the Word templates")
    tsub = p.add_subparsers(dest="action", required=True)
    e = tsub.add_parser("export", help="copy the default templates into a folder to edit in Word")
    e.add_argument("folder", metavar="DIR")
    e.add_argument("--force", action="store_true", help="overwrite existing files")
    e.set_defaults(func=_cmd_templates)
    p = sub.add_parser("score", help="score a community's self-assessment against its rubric")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--rubric", default=None, help="rubric id or file (default: the assessment's)")
    p.add_argument("--json", action="store_true", help="print the ScoreReport as JSON")
    p.add_argument("--xlsx", metavar="FILE", help="also write the 自评表 workbook")
    p.set_defaults(func=_cmd_score)
    p = sub.add_parser("rubrics", help="list the shipped rubrics")
    p.set_defaults(func=_cmd_rubrics)
    add_setup_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (see :mod:`safecommunity_docs.errors`)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    out, err = console(), console(stderr=True)
    try:
        with _signals_stop_the_command():
            code: int = args.func(args, out, err)
    except InputError as exc:
        err.print(str(exc))
        code = exc.exit_code
    except SafeCommunityDocsError as exc:
        err.print(f"error: {exc}")
        code = exc.exit_code
    except KeyboardInterrupt:
        err.print("interrupted: stopped (SIGINT); the output folder is as it was")
        code = EXIT_SIGINT
    except _Terminated:
        err.print("terminated: stopped (SIGTERM); the output folder is as it was")
        code = EXIT_SIGTERM
    return code


class _Terminated(BaseException):
    """Raised in the main thread on SIGTERM, so that every ``finally`` runs: LibreOffice
    workers are stopped, temporary and staging folders removed."""


@contextlib.contextmanager
def _signals_stop_the_command() -> Iterator[None]:
    """SIGTERM unwinds the command like Ctrl-C (SIGINT) does, instead of killing the process
    with its LibreOffice workers and temporary folders left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
