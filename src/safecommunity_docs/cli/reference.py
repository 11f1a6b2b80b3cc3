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
    """List the shipped scoring rubrics: id (aliases), version, points, elements, items, title."""
    from ..io import load_rubric, rubric_ids

    for rubric_id in rubric_ids():
        rubric = load_rubric(rubric_id)
        items = sum(len(e.items) for e in rubric.elements)
        aliases = f" (alias {', '.join(rubric.aliases)})" if rubric.aliases else ""
        out().print(
            f"{rubric.id}{aliases}\t{rubric.version}\t{rubric.scale} points\t"
            f"{len(rubric.elements)} elements\t{items} items\t{rubric.title}",
            markup=False,
        )
    return EXIT_OK


def packs() -> int:
    """List the shipped jurisdiction packs: id (aliases), standard, rubrics, title."""
    from ..io import load_pack, pack_ids

    for pack_id in pack_ids():
        pack = load_pack(pack_id)
        aliases = f" (alias {', '.join(pack.aliases)})" if pack.aliases else ""
        out().print(
            f"{pack.id}{aliases}\t{pack.standard.code}\t{', '.join(pack.rubrics)}\t"
            f"{pack.min_creation_months} months\t{pack.title}",
            markup=False,
        )
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add ``schema``, ``rubrics`` and ``packs`` to ``app``."""
    app.command(epilog=examples("safecommunity-docs schema -o schemas/"))(schema)
    app.command(epilog=examples("safecommunity-docs rubrics"))(rubrics)
    app.command(epilog=examples("safecommunity-docs packs"))(packs)
