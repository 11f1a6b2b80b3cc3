"""``safecommunity-docs score``: the self-assessment scored against its rubric."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from .app import examples
from .output import EXIT_OK, err, out

if TYPE_CHECKING:
    from ..scoring import ScoreReport


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


def score(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="a community folder or dossier file")
    ],
    rubric: Annotated[
        str | None,
        typer.Option(help="rubric id or file (default: the assessment's)", show_default=False),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="print the ScoreReport as JSON")] = False,
    xlsx: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="also write the 自评表 workbook", show_default=False),
    ] = None,
) -> int:
    """Score a community's self-assessment against its rubric.

    Prints the table by element, the total, the verdict, the next step and the items that lost
    the most points."""
    from ..api import render_xlsx
    from ..api import score as score_dossier
    from ..io import load
    from ..write import write_atomic

    stdout, stderr = out(), err()
    dossier = load(path)
    report = score_dossier(dossier, rubric)
    if xlsx:
        write_atomic(xlsx, render_xlsx(dossier, rubric))
        stderr.print(f"wrote {xlsx}")
    if json:
        stdout.print(report.model_dump_json(indent=2))
        return EXIT_OK
    stdout.print(_score_table(report, f"{dossier.community.name} 自评（{report.rubric_id}）"))
    stdout.print(f"结论：{report.verdict.label}")
    stdout.print(f"下一步：{report.verdict.next_step}")
    for veto in report.vetoes:
        stdout.print(f"否决/复评：{veto.message}")
    if report.priorities:
        stdout.print(
            "改进重点："
            + "；".join(
                f"{p.id} {p.text}（失{p.lost.normalize():f}分）" for p in report.priorities
            ),
        )
    for warning in report.warnings:
        stderr.print(f"warning: {warning}")
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add ``score`` to ``app``."""
    app.command(
        epilog=examples(
            "safecommunity-docs score examples/qinghe-street",
            "safecommunity-docs score my-street --rubric national-field --json",
            "safecommunity-docs score my-street --xlsx 自评表.xlsx",
        )
    )(score)
