"""The rubrics shipped with the library (city.yaml, national-field.yaml), as package data.

One place says which rubrics exist and reads their text; ``io.load_rubric`` validates them with
located errors, and the pure compliance checker uses :func:`shipped_rubric` when it is given no
rubric.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from ..models.rubric import Rubric


def rubric_ids() -> list[str]:
    """Return the ids of the rubrics shipped with the library."""
    folder = resources.files(__name__)
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


@cache
def rubric_text(rubric_id: str) -> str:
    """The YAML text of the shipped rubric ``rubric_id``."""
    return resources.files(__name__).joinpath(f"{rubric_id}.yaml").read_text(encoding="utf-8")


@cache
def shipped_rubric(rubric_id: str) -> Rubric | None:
    """Return the shipped rubric ``rubric_id`` (``city``, ``national-field``), or ``None``."""
    if rubric_id not in rubric_ids():
        return None
    return Rubric.model_validate(yaml.safe_load(rubric_text(rubric_id)))
