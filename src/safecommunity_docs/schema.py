"""JSON Schema of every input model, as written to ``schemas/`` by ``safecommunity-docs schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import (
    Application,
    Assessment,
    BuildOptions,
    Community,
    DiagnosisReport,
    Dossier,
    InjuryRecord,
    PromotionProject,
    Rubric,
    WorkPlan,
)
from .write import write_atomic

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "dossier": Dossier,
    "community": Community,
    "plan": WorkPlan,
    "diagnosis": DiagnosisReport,
    "project": PromotionProject,
    "assessment": Assessment,
    "application": Application,
    "injury-record": InjuryRecord,
    "rubric": Rubric,
    "options": BuildOptions,
}
"""Schema file stem -> input model. The stems match the part files of a community folder."""


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
