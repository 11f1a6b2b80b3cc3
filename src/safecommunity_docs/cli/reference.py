"""``safecommunity-docs schema`` and ``rubrics``: the JSON Schemas and the shipped rubrics."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import examples
from .output import EXIT_OK, out


def schema(
    output: Annotated[
        Path, typer.Option("-o", "--output", metavar="DIR", help="where to write the files")
    ] = Path("schemas"),
) -> int:
    """Write the JSON Schema of every input model.

    For editors that validate YAML as you type; every field has its Chinese title."""
    from ..schema import write_schemas

    for path in write_schemas(output):
        out().print(str(path))
    return EXIT_OK


def rubrics() -> int:
    """List the shipped scoring rubrics: id, version, points, elements, items, title."""
    from ..io import load_rubric, rubric_ids

    for rubric_id in rubric_ids():
        rubric = load_rubric(rubric_id)
        items = sum(len(e.items) for e in rubric.elements)
        out().print(
            f"{rubric.id}\t{rubric.version}\t{rubric.scale} points\t{len(rubric.elements)} "
            f"elements\t{items} items\t{rubric.title}",
        )
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add ``schema`` and ``rubrics`` to ``app``."""
    app.command(epilog=examples("safecommunity-docs schema -o schemas/"))(schema)
    app.command(epilog=examples("safecommunity-docs rubrics"))(rubrics)
