"""JSON Schema of every input model, as written to ``schemas/`` by ``safecommunity-docs schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .kinds import all_kinds
from .models import BuildOptions, Community, Dossier, Pack, Rubric
from .write import write_atomic


def _schema_models() -> dict[str, type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {"dossier": Dossier, "community": Community}
    for kind in all_kinds():
        if kind.part is not None and kind.part.schema is not None:
            models[kind.part.schema] = kind.part.row or kind.model
    models.update({"rubric": Rubric, "pack": Pack, "options": BuildOptions})
    return models


SCHEMA_MODELS: dict[str, type[BaseModel]] = _schema_models()
"""Schema file stem -> input model: the dossier, the community, every kind's part (from the
kinds' declarations), the rubric, the jurisdiction pack and the build options."""


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an input model."""
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_texts() -> dict[str, str]:
    """Return file name -> schema text (stable: same models, same bytes)."""
    return {
        f"{stem}.schema.json": json.dumps(json_schema(model), ensure_ascii=False, indent=2) + "\n"
        for stem, model in SCHEMA_MODELS.items()
    }


def write_schemas(folder: Path | str) -> list[Path]:
    """Write every input model's schema into ``folder`` (created if needed); return the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        target = out / name
        write_atomic(target, text.encode("utf-8"))
        written.append(target)
    return written
