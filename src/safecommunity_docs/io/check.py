"""Check any input path without raising for bad input: its problems, notes and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import InputError, InputNotFound, Problem
from ..kinds import kinds
from ..models.base import TextChange
from ..models.dossier import Dossier
from ..models.injury import InjuryRecord
from .assembly import Assembly, sorted_problems
from .completeness import missing_parts
from .loader import (
    assemble_folder,
    dossier_from,
    file_assembly,
    model_for_file,
    validation_context,
)
from .record_check import RecordSummary
from .records import read_records


@dataclass(frozen=True)
class Checked:
    """What checking one path found; ``problems`` is empty when the input is valid."""

    model: str
    problems: tuple[Problem, ...] = ()
    text_changes: tuple[TextChange, ...] = ()
    warnings: tuple[str, ...] = ()
    records: RecordSummary | None = None
    dossier: Dossier | None = None
    """The dossier, when the path held one that loaded without problems."""


def check(path: Path | str) -> Checked:
    """Check a community folder, a dossier file, a part file or an injury-record file.

    The model is chosen as :func:`~safecommunity_docs.io.model_for_file` does (a ``.csv`` or
    ``.xlsx`` file holds injury records, one per row). Bad input never raises; a missing path
    raises :class:`~safecommunity_docs.InputNotFound`. A dossier's missing parts (plan,
    diagnosis, projects, assessment, injury records) are warnings.
    """
    p = Path(path)
    if not p.exists():
        raise InputNotFound(p)
    model: type[BaseModel] = Dossier if p.is_dir() else model_for_file(p)
    asm = Assembly(str(path))
    dossier: Dossier | None = None
    data: Any = None
    problems: tuple[Problem, ...] = ()
    try:
        if model is InjuryRecord:
            asm.mount_records((), read_records(p, str(path)))
            problems = tuple(sorted_problems(asm.problems))
        elif model is Dossier:
            asm, data = assemble_folder(p) if p.is_dir() else file_assembly(p)
            dossier = dossier_from(asm, data)
        else:
            asm, data = file_assembly(p)
            asm.validate(model, data, validation_context(model))
    except InputError as exc:
        problems = exc.problems
    warnings = dossier.warnings if dossier is not None else list(asm.warnings)
    if model is Dossier:
        warnings.extend(
            f"{path} {part.path}: {part.message}" for part in _missing(dossier, asm, data)
        )
    if dossier is not None:
        order = dossier.options.part_order
        warnings.extend(n for kind in kinds(order) if kind.notes for n in kind.notes(dossier))
    return Checked(
        model.__name__, problems, tuple(asm.changes), tuple(warnings), asm.records, dossier
    )


def _missing(dossier: Dossier | None, asm: Assembly, data: Any) -> list[Problem]:
    if dossier is not None:
        return missing_parts(dossier)
    if not isinstance(data, dict):
        return []
    # A part whose file is there but wrong is not missing, only not yet right.
    return missing_parts({**data, **dict.fromkeys(asm.found, True)})
