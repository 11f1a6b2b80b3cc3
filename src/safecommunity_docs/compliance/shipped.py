"""The rubrics shipped with the library, read from package data (no file of the user's is read)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from ..models import Rubric


@cache
def shipped_rubric(rubric_id: str) -> Rubric | None:
    """Return the shipped rubric ``rubric_id`` (``city``, ``national-field``), or ``None``."""
    folder = resources.files("safecommunity_docs.rubrics")
    resource = folder.joinpath(f"{rubric_id}.yaml")
    if not resource.is_file():
        return None
    return Rubric.model_validate(yaml.safe_load(resource.read_text(encoding="utf-8")))
