"""Load a dossier from a community folder or a single YAML/JSON file, with located errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import InputError, InputNotFound, Problem
from ..kinds import all_kinds, default_order
from ..models.assessment import Assessment
from ..models.base import Loc, TextChange
from ..models.community import Community
from ..models.dossier import BuildOptions, Dossier
from ..models.injury import InjuryRecord
from ..models.pack import Pack
from ..models.reassessment import Reassessment
from ..models.rubric import Rubric
from ..rubrics import rubric_id, rubric_ids, rubric_text
from .assembly import Assembly
from .completeness import unexpected_files
from .packs import load_pack
from .records import read_records
from .source import Source, parse_yaml

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


INTAKE_WORKBOOK = "intake.xlsx"
"""The Excel intake workbook ``init`` writes into a community folder (the loader skips it)."""


def expected_names() -> list[str]:
    """The file names a community folder may hold (besides its part folders)."""
    parts = [f"{stem}{suffix}" for stem in PART_FILES for suffix in YAML_SUFFIXES]
    stems = [stem for group in RECORD_PARTS.values() for stem in group]
    records = [f"{stem}{suffix}" for stem in stems for suffix in RECORD_SUFFIXES]
    return [*parts, *records, INTAKE_WORKBOOK]


def validation_context(model: type[BaseModel], pack: Pack | None = None) -> dict[str, Any]:
    """The validation context of ``model``: for an assessment (and a
    re-assessment's field assessment), the shipped rubrics by id and
    alias, and the rubrics of ``pack`` (a user's pack may bring its own).

    Assessments are checked against their rubric while validating, so that rubric problems are
    reported together with every other problem of the input.
    """
    if model in (Dossier, Assessment, Reassessment):
        rubrics = {rid: load_rubric(rid) for rid in rubric_ids()}
        rubrics = {key: r for r in rubrics.values() for key in r.ids}
        if pack is not None:
            rubrics.update(pack.loaded_rubrics)
        return {"rubrics": rubrics}
    return {}


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

    Parts (as the document kinds declare them): ``plan.yaml``, ``diagnosis.yaml``,
    ``projects/*.yaml``, ``assessment.yaml``, ``application.yaml``, ``annual_summary.yaml``,
    ``options.yaml`` and injury records as ``injuries.csv`` or ``injuries.xlsx``. Every problem
    of every file is reported together in one :class:`InputError`.
    """
    dossier = dossier_from(*assemble_folder(folder))
    dossier._source_dir = Path(folder)
    return dossier


def assemble_folder(folder: Path | str) -> tuple[Assembly, dict[str, Any]]:
    """Read every file of a community folder; return the assembly and the dossier's data."""
    base = Path(folder)
    if not base.is_dir():
        raise InputNotFound(base)
    shown = str(folder)
    asm = Assembly(shown)
    asm.warnings.extend(unexpected_files(base, shown, expected_names()))
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
        asm.absent.add("community")
        asm.problems.append(
            Problem(
                path="community",
                file=str(Path(shown) / "community.yaml"),
                line=1,
                column=1,
                message=f"缺少社区概况 (community.yaml is required; {shown} has none)",
            )
        )
    for folder_name, (key, _) in PART_FOLDERS.items():
        part_dir = base / folder_name
        files = (
            sorted(p for p in part_dir.glob("*") if p.suffix in YAML_SUFFIXES)
            if part_dir.is_dir()
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
    asm.found.update(str(prefix[0]) for prefix, _, _ in sources)
    lists: dict[str, list[Any]] = {}
    for prefix, path, kind in sources:
        label = _label(path, base, shown)
        try:
            source = read_records(path, label) if kind == "records" else _read_yaml(path, label)
        except InputError as exc:
            asm.problems.extend(exc.problems)
            continue
        if kind == "records":
            data[str(prefix[0])] = asm.mount_records(prefix, source)
        elif len(prefix) == 2:  # one file of a part folder (projects/…)
            lists.setdefault(str(prefix[0]), []).append(asm.mount(prefix, source))
        else:
            data[str(prefix[0])] = asm.mount(prefix, source)
    data.update(lists)
    return asm, data


def dossier_from(asm: Assembly, data: Any) -> Dossier:
    """Validate ``data`` as a Dossier and attach the text changes and warnings."""
    pack = None
    if isinstance(data, dict):
        _check_part_order(asm, data)
        pack = _named_pack(asm, data)
    dossier = asm.validate(Dossier, data, validation_context(Dossier, pack))
    dossier._pack = pack
    dossier._text_changes = asm.changes
    dossier._warnings = list(asm.warnings)
    if asm.records is None:  # records written inline in a dossier file
        dossier._warnings.extend(_duplicate_warnings(dossier, asm))
    dossier._locator = asm.source_of
    return dossier


def _check_part_order(asm: Assembly, data: dict[str, Any]) -> None:
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


def _named_pack(asm: Assembly, data: dict[str, Any]) -> Pack | None:
    """The pack ``options.pack`` names (problems located at it); an assessment that names no
    rubric gets the pack's first one, and one naming a rubric outside the pack is a problem."""
    options = data.get("options")
    named = options.get("pack") if isinstance(options, dict) else None
    if not isinstance(named, str):
        return None
    base = Path(asm.label)
    base = base if base.is_dir() else base.parent
    pack_dir = options.get("pack_dir") if isinstance(options, dict) else None
    try:
        pack = load_pack(named, base, pack_dir if isinstance(pack_dir, str) else None)
    except InputError as exc:
        asm.problems.append(asm.locate(("options", "pack"), f"评定方案有误 (pack '{named}')"))
        asm.problems.extend(exc.problems)
        return None
    assessment = data.get("assessment")
    if isinstance(assessment, dict):
        rubric = assessment.setdefault("rubric", pack.default_rubric)
        if isinstance(rubric, str) and rubric not in pack.loaded_rubrics:
            asm.problems.append(
                asm.locate(
                    ("assessment", "rubric"),
                    f"评分标准不属于评定方案 (rubric '{rubric}' is not a rubric of pack "
                    f"'{pack.id}': {', '.join(pack.rubrics)})",
                )
            )
    return pack


def _duplicate_warnings(dossier: Dossier, asm: Assembly) -> list[str]:
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
    asm = Assembly(label)
    data = asm.mount((), parse_yaml(text, label))
    return asm.validate(model, data, validation_context(model)), asm.changes


def load_file(path: Path | str, model: type[M]) -> tuple[M, list[TextChange]]:
    """Load one YAML/JSON file as ``model``; return it with the text changes made."""
    asm, data = file_assembly(path)
    return asm.validate(model, data, validation_context(model)), asm.changes


def file_assembly(path: Path | str) -> tuple[Assembly, Any]:
    """Read one YAML/JSON file; return its assembly and its (normalised) data."""
    p = Path(path)
    if not p.is_file():
        raise InputNotFound(p)
    asm = Assembly(str(path))
    return asm, asm.mount((), _read_yaml(p, str(path)))


def model_for_file(path: Path | str) -> type[BaseModel]:
    """Guess the model of a single file: a part by its name, else a whole dossier.

    A ``.csv`` or ``.xlsx`` file holds injury records: its model is :class:`InjuryRecord`, one
    per row.
    """
    p = Path(path)
    if p.suffix.lower() in RECORD_SUFFIXES:
        return InjuryRecord
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
    dossier = dossier_from(*file_assembly(path))
    dossier._source_dir = p.parent
    return dossier


DEFAULT_RUBRIC = "city"


def load_rubric(rubric: str | Path = DEFAULT_RUBRIC) -> Rubric:
    """Load a shipped rubric by id or alias (``"chongqing-municipal"`` alias ``"city"``,
    ``"national-field"``, ``"sichuan-township"``, ``"aqt9001-generic"``) or a rubric YAML by path.

    A rubric whose points do not add up, whose bands overlap or leave a gap, or whose ids repeat
    raises :class:`~safecommunity_docs.InputError` naming the item.
    """
    if isinstance(rubric, Path) or rubric.endswith((".yaml", ".yml", ".json")):
        return load_file(rubric, Rubric)[0]
    found = rubric_id(rubric)
    if found is None:
        raise InputError(
            [
                Problem(
                    path="rubric",
                    message=f"unknown rubric '{rubric}'; shipped "
                    f"rubrics: {', '.join(rubric_ids())}",
                )
            ]
        )
    label = f"safecommunity_docs/rubrics/{found}.yaml"
    return load_text(rubric_text(found), label, Rubric)[0]
