"""The command line: ``safecommunity-docs validate | build | score | templates | schema | rubrics``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import __version__
from .api import render_xlsx, score, validate
from .build import build
from .errors import InputError, InputNotFound, SafeCommunityDocsError
from .io import load, load_rubric, rubric_ids
from .render.docx.engine import default_template
from .render.docx.template_body import TEMPLATE_KINDS
from .schema import write_schemas
from .scoring import ScoreReport
from .write import write_atomic

EXIT_OK, EXIT_INVALID, EXIT_NOT_FOUND = 0, 1, 2


def _cmd_validate(args: argparse.Namespace, out: Console, err: Console) -> int:
    status = EXIT_OK
    for path in args.paths:
        try:
            report = validate(path)
        except InputNotFound as exc:
            err.print(f"{exc}", markup=False, highlight=False)
            status = max(status, EXIT_NOT_FOUND)
            continue
        for change in report.text_changes:
            where = ":".join(str(x) for x in (change.file, change.line, change.column) if x)
            err.print(
                f"note: {where} {change.path}: text normalised: {change.description}",
                markup=False,
                highlight=False,
            )
        for warning in report.warnings:
            err.print(f"warning: {warning}", markup=False, highlight=False)
        if report.records is not None:
            out.print(f"injury records: {report.records}", markup=False, highlight=False)
        if report.ok:
            out.print(f"[green]✓[/green] {report.path} ({report.model}): valid", highlight=False)
        else:
            for problem in report.problems:
                out.print(str(problem), markup=False, highlight=False)
            out.print(
                f"[red]✗[/red] {report.path} ({report.model}): {len(report.problems)} problem(s)",
                highlight=False,
            )
            status = max(status, EXIT_INVALID)
    return status


def _score_table(report: ScoreReport, title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for head, justify in (
        ("一级指标", "left"),
        ("得分", "right"),
        ("适用分值", "right"),
        ("得分率", "right"),
    ):
        table.add_column(head, justify=justify)  # type: ignore[arg-type]
    for element in report.elements:
        table.add_row(
            f"{element.id} {element.title}",
            f"{element.score.normalize():f}",
            f"{element.max.normalize():f}",
            f"{element.percent}%",
        )
    table.add_section()
    table.add_row("总分", f"{report.total}", f"{report.scale.normalize():f}", "")
    return table


def _cmd_score(args: argparse.Namespace, out: Console, err: Console) -> int:
    dossier = load(args.path)
    report = score(dossier, args.rubric)
    if args.xlsx:
        write_atomic(args.xlsx, render_xlsx(dossier, args.rubric))
        err.print(f"wrote {args.xlsx}", markup=False, highlight=False)
    if args.json:
        out.print(report.model_dump_json(indent=2), markup=False, highlight=False)
        return EXIT_OK
    out.print(_score_table(report, f"{dossier.community.name} 自评（{report.rubric_id}）"))
    out.print(f"结论：{report.verdict.label}", markup=False, highlight=False)
    out.print(f"下一步：{report.verdict.next_step}", markup=False, highlight=False)
    for veto in report.vetoes:
        out.print(f"否决/复评：{veto.message}", markup=False, highlight=False)
    if report.priorities:
        out.print(
            "改进重点："
            + "；".join(
                f"{p.id} {p.text}（失{p.lost.normalize():f}分）" for p in report.priorities
            ),
            markup=False,
            highlight=False,
        )
    for warning in report.warnings:
        err.print(f"warning: {warning}", markup=False, highlight=False)
    return EXIT_OK


def _cmd_build(args: argparse.Namespace, out: Console, err: Console) -> int:
    dossier = load(args.path)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()] if args.formats else None
    # A spinner on a terminal (PDF conversion takes seconds); nothing when output is piped.
    with err.status(f"{dossier.community.name}: building …", spinner="dots"):
        result = build(dossier, args.output, formats=formats, template_dir=args.templates)
    for output in result.outputs:
        out.print(f"{output.format}\t{output.path}", markup=False, highlight=False)
    for warning in result.warnings:
        err.print(f"warning: {warning}", markup=False, highlight=False)
    total = sum(result.timings.values())
    err.print(
        f"built {len(result.outputs)} file(s) in {total:.2f} s", markup=False, highlight=False
    )
    return EXIT_OK


def _cmd_templates(args: argparse.Namespace, out: Console, err: Console) -> int:
    folder = Path(args.folder)
    for kind in TEMPLATE_KINDS:
        target = folder / f"{kind}.docx"
        if target.exists() and not args.force:
            err.print(f"{target} exists; use --force to overwrite", markup=False, highlight=False)
            return EXIT_INVALID
        write_atomic(target, default_template(kind).read_bytes())
        out.print(str(target), markup=False, highlight=False)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: Console, err: Console) -> int:
    for path in write_schemas(args.output):
        out.print(str(path), markup=False, highlight=False)
    return EXIT_OK


def _cmd_rubrics(args: argparse.Namespace, out: Console, err: Console) -> int:
    for rubric_id in rubric_ids():
        rubric = load_rubric(rubric_id)
        items = sum(len(e.items) for e in rubric.elements)
        out.print(
            f"{rubric.id}\t{rubric.version}\t{rubric.scale} points\t{len(rubric.elements)} "
            f"elements\t{items} items\t{rubric.title}",
            markup=False,
            highlight=False,
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = build_parser().parse_args(argv)
    out, err = Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)
    try:
        code: int = args.func(args, out, err)
    except InputError as exc:
        err.print(str(exc), markup=False, highlight=False)
        code = exc.exit_code
    except SafeCommunityDocsError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        code = exc.exit_code
    return code


if __name__ == "__main__":
    sys.exit(main())
