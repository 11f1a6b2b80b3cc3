"""Load a dossier from a community folder or a single YAML/JSON file, with located errors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import InputError, InputNotFound, Problem
from ..kinds import all_kinds, default_order
from ..models.assessment import Assessment
from ..models.base import Loc, TextChange
from ..models.community import Community
from ..models.dossier import BuildOptions, Dossier
from ..models.rubric import Rubric
from .problems import problems_from
from .records import read_records
from .source import Source, normalise_data, parse_yaml

M = TypeVar("M", bound=BaseModel)

YAML_SUFFIXES = (".yaml", ".yml", ".json")
RECORD_SUFFIXES = (".csv", ".xlsx")

def _part_files() -> dict[str, tuple[str, type[BaseModel]]]:
    """File stem in a community folder -> (Dossier field, model), from the kinds' declarations
    plus the two files that are no document's: ``community`` and ``options``."""
    parts: dict[str, tuple[str, type[BaseModel]]] = {"community": ("community", Community)}
    for kind in all_kinds():
        if kind.part is not None and kind.part.file is not None:
            parts[kind.part.file] = (kind.part.field, kind.model)
    parts["options"] = ("options", BuildOptions)
    return parts


PART_FILES = _part_files()
"""File stem in a community folder -> (Dossier field, model)."""

PART_FOLDERS: dict[str, tuple[str, type[BaseModel]]] = {
    kind.part.folder: (kind.part.field, kind.model)
    for kind in all_kinds()
    if kind.part is not None and kind.part.folder is not None
}
"""Folder in a community folder -> (Dossier field, model of each of its files)."""

RECORD_PARTS: dict[str, tuple[str, ...]] = {
    kind.part.field: kind.part.records
    for kind in all_kinds()
    if kind.part is not None and kind.part.records
}
"""Dossier field -> the stems of its record table (.csv or .xlsx)."""


@dataclass
class _Mounted:
    """A parsed file and where its data sits inside the document being validated."""

    prefix: Loc
    source: Source


class _Assembly:
    """Collects parsed files into one document and maps problems back to their files."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.mounted: list[_Mounted] = []
        self.problems: list[Problem] = []
        self.changes: list[TextChange] = []

    def mount(self, prefix: Loc, source: Source) -> Any:
        self.mounted.append(_Mounted(prefix, source))
        self.problems.extend(source.problems)
        return normalise_data(source.data, (), source, self.changes)

    def _mounted_at(self, loc: Loc) -> _Mounted | None:
        """The file that holds ``loc``: the mounted file with the longest matching prefix."""
        best: _Mounted | None = None
        for m in self.mounted:
            if loc[: len(m.prefix)] == m.prefix and (
                best is None or len(m.prefix) > len(best.prefix)
            ):
                best = m
        return best

    def locate(self, loc: Loc, message: str) -> Problem:
        best = self._mounted_at(loc)
        if best is None:
            return Problem(path=".".join(str(p) for p in loc), message=message, file=self.label)
        return best.source.problem(loc[len(best.prefix) :], message)

    def source_of(self, loc: Loc) -> tuple[str, int | None] | None:
        """The file (and line) ``loc`` came from, or None when no file held it."""
        if self._mounted_at(loc) is None:
            return None
        problem = self.locate(loc, "")
        return (problem.file or self.label), problem.line

    def validate(self, model: type[M], data: Any) -> M:
        # Assessments are checked against their rubric while validating, so that rubric
        # problems are reported together with every other problem of the input.
        needs_rubrics = model in (Dossier, Assessment)
        context = (
            {"rubrics": {rid: load_rubric(rid) for rid in rubric_ids()}} if needs_rubrics else {}
        )
        if not isinstance(data, dict):
            self.problems.append(
                self.locate(
                    (), f"expected a mapping of {model.__name__} fields, got {type(data).__name__}"
                )
            )
        else:
            try:
                result = model.model_validate(data, context=context)
            except ValidationError as exc:
                self.problems.extend(problems_from(exc, model, self.locate))
            else:
                if not self.problems:
                    return result
        raise InputError(_sorted(self.problems), f"{self.label}: {len(self.problems)} problem(s)")


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.column or 0, p.path))


def _read_yaml(path: Path, label: str) -> Source:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem(path="", file=label, message=f"not UTF-8 text ({exc.reason})")]
        ) from exc
    return parse_yaml(text, label)


def _find(folder: Path, stem: str, suffixes: tuple[str, ...]) -> list[Path]:
    return [folder / f"{stem}{s}" for s in suffixes if (folder / f"{stem}{s}").is_file()]


def _label(path: Path, base: Path, shown: str) -> str:
    return str(Path(shown) / path.relative_to(base))


def load_folder(folder: Path | str) -> Dossier:
    """Load a community folder: ``community.yaml`` plus whichever parts are present.

    Parts: ``plan.yaml``, ``diagnosis.yaml``, ``projects/*.yaml``, ``assessment.yaml``,
    ``options.yaml`` and injury records as ``injuries.csv`` or ``injuries.xlsx``. Every problem
    of every file is reported together in one :class:`InputError`.
    """
    base = Path(folder)
    if not base.is_dir():
        raise InputNotFound(base)
    shown = str(folder)
    asm = _Assembly(shown)
    data: dict[str, Any] = {}
    sources: list[tuple[Loc, Path, str]] = []
    for stem, (key, _) in PART_FILES.items():
        found = _find(base, stem, YAML_SUFFIXES)
        if len(found) > 1:
            asm.problems.append(
                Problem(
                    path=key,
                    file=shown,
                    message="several files for one part: " + ", ".join(p.name for p in found),
                )
            )
        if found:
            sources.append(((key,), found[0], "yaml"))
    if not _find(base, "community", YAML_SUFFIXES):
        asm.problems.append(
            Problem(
                path="community", file=shown, message="缺少社区概况 (community.yaml is required)"
            )
        )
    for folder_name, (key, _) in PART_FOLDERS.items():
        folder_path = base / folder_name
        files = (
            sorted(p for p in folder_path.glob("*") if p.suffix in YAML_SUFFIXES)
            if folder_path.is_dir()
            else []
        )
        for i, p in enumerate(files):
            sources.append(((key, i), p, "yaml"))
    for key, stems in RECORD_PARTS.items():
        record_files = [p for stem in stems for p in _find(base, stem, RECORD_SUFFIXES)]
        if len(record_files) > 1:
            asm.problems.append(
                Problem(
                    path=key,
                    file=shown,
                    message="several injury record files: "
                    + ", ".join(p.name for p in record_files),
                )
            )
        for p in record_files[:1]:
            sources.append(((key,), p, "records"))
    lists: dict[str, list[Any]] = {}
    for prefix, path, kind in sources:
        label = _label(path, base, shown)
        try:
            source = read_records(path, label) if kind == "records" else _read_yaml(path, label)
        except InputError as exc:
            asm.problems.extend(exc.problems)
            continue
        value = asm.mount(prefix, source)
        if len(prefix) == 2:  # one file of a part folder (projects/…)
            lists.setdefault(str(prefix[0]), []).append(value)
        else:
            data[str(prefix[0])] = value
    data.update(lists)
    dossier = _dossier(asm, data)
    dossier._source_dir = base
    return dossier


def _dossier(asm: _Assembly, data: Any) -> Dossier:
    """Validate ``data`` as a Dossier and attach the text changes and duplicate warnings."""
    if isinstance(data, dict):
        _check_part_order(asm, data)
    dossier = asm.validate(Dossier, data)
    dossier._text_changes = asm.changes
    dossier._locator = asm.source_of
    dossier._warnings = _duplicate_warnings(dossier, asm)
    return dossier


def _check_part_order(asm: _Assembly, data: dict[str, Any]) -> None:
    """A part order may name only the declared dossier kinds."""
    options = data.get("options")
    order = options.get("part_order") if isinstance(options, dict) else None
    if not isinstance(order, list):
        return
    known = default_order()
    for i, name in enumerate(order):
        if name not in known:
            asm.problems.append(
                asm.locate(
                    ("options", "part_order", i),
                    f"unknown document kind {name!r}; known: {', '.join(known)}",
                )
            )


def _duplicate_warnings(dossier: Dossier, asm: _Assembly) -> list[str]:
    warnings = []
    for first, later in dossier.duplicate_records():
        where = asm.locate(("injury_records", later), "")
        record = dossier.injury_records[later]
        warnings.append(
            f"{where.location} injury_records[{later}]: 疑似重复记录 (card {record.card_no} has "
            f"the same person, time and cause as card {dossier.injury_records[first].card_no})"
        )
    return warnings


def load_text(text: str, label: str, model: type[M]) -> tuple[M, list[TextChange]]:
    """Validate YAML/JSON ``text`` as ``model``; ``label`` names the source in errors."""
    asm = _Assembly(label)
    data = asm.mount((), parse_yaml(text, label))
    return asm.validate(model, data), asm.changes


def load_file(path: Path | str, model: type[M]) -> tuple[M, list[TextChange]]:
    """Load one YAML/JSON file as ``model``; return it with the text changes made."""
    asm, data = _file_assembly(path)
    return asm.validate(model, data), asm.changes


def _file_assembly(path: Path | str) -> tuple[_Assembly, Any]:
    p = Path(path)
    if not p.is_file():
        raise InputNotFound(p)
    asm = _Assembly(str(path))
    return asm, asm.mount((), _read_yaml(p, str(path)))


def model_for_file(path: Path | str) -> type[BaseModel]:
    """Guess the model of a single file: a part by its name, else a whole dossier."""
    p = Path(path)
    if p.parent.name in PART_FOLDERS:
        return PART_FOLDERS[p.parent.name][1]
    if p.stem in PART_FILES:
        return PART_FILES[p.stem][1]
    return Dossier


def load(path: Path | str) -> Dossier:
    """Load a dossier from a community folder or from one YAML/JSON file holding every part.

    Raises :class:`~safecommunity_docs.InputError` listing every problem (file:line:col, field
    path, what was expected) and :class:`~safecommunity_docs.InputNotFound` for a missing path.
    """
    p = Path(path)
    if p.is_dir():
        return load_folder(path)
    dossier = _dossier(*_file_assembly(path))
    dossier._source_dir = p.parent
    return dossier


DEFAULT_RUBRIC = "city"


def rubric_ids() -> list[str]:
    """Return the ids of the rubrics shipped with the library."""
    folder = resources.files("safecommunity_docs.rubrics")
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


@cache
def _rubric_text(rubric_id: str) -> str:
    resource = resources.files("safecommunity_docs.rubrics").joinpath(f"{rubric_id}.yaml")
    return resource.read_text(encoding="utf-8")


def load_rubric(rubric: str | Path = DEFAULT_RUBRIC) -> Rubric:
    """Load a shipped rubric by id (``"city"``, ``"national-field"``) or a rubric YAML by path.

    A rubric whose points do not add up, whose bands overlap or leave a gap, or whose ids repeat
    raises :class:`~safecommunity_docs.InputError` naming the item.
    """
    if isinstance(rubric, Path) or rubric.endswith((".yaml", ".yml", ".json")):
        return load_file(rubric, Rubric)[0]
    if rubric not in rubric_ids():
        raise InputError(
            [
                Problem(
                    path="rubric",
                    message=f"unknown rubric '{rubric}'; shipped "
                    f"rubrics: {', '.join(rubric_ids())}",
                )
            ]
        )
    label = f"safecommunity_docs/rubrics/{rubric}.yaml"
    return load_text(_rubric_text(rubric), label, Rubric)[0]
