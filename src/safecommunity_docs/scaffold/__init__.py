"""A new community folder (``safecommunity-docs init``): every part as commented YAML with
realistic placeholders for its community type, valid as written.

The text of each file is in ``files/`` (``string.Template``: ``$name``, ``$year`` …); the
self-assessment is written from the chosen rubric (:mod:`.assessment`). Functions in
:data:`AFTER_INIT` run once the files are written (the intake workbook is added there).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from string import Template

from ..codes import CommunityType
from ..errors import SafeCommunityDocsError
from ..io import load_rubric
from ..rubrics import pack_id, pack_of_rubric, shipped_pack
from ..write import write_atomic
from .assessment import assessment_yaml
from .types import PLACEHOLDERS, Placeholders

FILES: tuple[tuple[str, str], ...] = (
    ("community.yaml", "community.yaml"),
    ("plan.yaml", "plan.yaml"),
    ("diagnosis.yaml", "diagnosis.yaml"),
    ("project.yaml", "projects/01-{project_id}.yaml"),
    ("application.yaml", "application.yaml"),
    ("annual_summary.yaml", "annual_summary.yaml"),
    ("options.yaml", "options.yaml"),
    ("injuries.csv", "injuries.csv"),
)
"""Template in ``files/`` and the path it is written to in the new folder."""

AFTER_INIT: list[Callable[[Path], list[Path]]] = []
"""Run after the files are written, each given the folder; each returns the files it wrote.
The intake workbook is written by a function appended here."""


class FolderNotEmpty(SafeCommunityDocsError, FileExistsError):
    """``init`` refuses to write into a folder that already holds files (unless ``force``)."""

    category = "not-empty"
    exit_code = 1

    def __init__(self, folder: Path, entries: list[str]) -> None:
        self.folder = folder
        self.entries = entries
        shown = ", ".join(entries[:5]) + (" …" if len(entries) > 5 else "")
        super().__init__(f"{folder} is not empty ({shown})")


def _values(kind: CommunityType, p: Placeholders, today: date) -> dict[str, str]:
    male = sum(band[2] for band in p.age_bands)
    female = sum(band[3] for band in p.age_bands)
    total = male + female
    bands = []
    for start, end, men, women in p.age_bands:
        bands.append(f"    - from_age: {start}")
        if end is not None:
            bands.append(f"      to_age: {end}")
        bands.append(f"      male: {men}\n      female: {women}")
    word = {"街道": "社区", "乡镇": "村（社区）", "园区": "片区", "企业": "部门"}[kind.value]
    year = today.year
    values = {
        "name": p.name,
        "type": kind.value,
        "parent": p.parent,
        "office": p.office,
        "leader": p.leader,
        "addressee": p.addressee,
        "area_km2": p.area_km2,
        "households": str(p.households),
        "total": str(total),
        "male": str(male),
        "female": str(female),
        "registered": str(total - total // 5),
        "migrant": str(total // 5),
        "disabled": str(total // 50),
        "age_bands": "\n".join(bands),
        "sub_units": "\n".join(f"  - {unit}" for unit in p.sub_units),
        "sub_unit_count": str(len(p.sub_units)),
        "sub_unit_word": word,
        "sub_unit_list": "、".join(p.sub_units),
        "project_id": p.project_id,
        "project_title": p.project_title,
        "project_area": p.project_area,
        "project_group": p.project_group,
        "place": p.place,
        "year": str(year),
        "prev_year": str(year - 1),
        "prev2_year": str(year - 2),
        "next_year": str(year + 1),
    }
    values.update({f"unit{i}": unit for i, unit in enumerate(p.sub_units)})
    return values


def _community_type(value: CommunityType | str) -> CommunityType:
    for kind in CommunityType:
        if value in (kind, kind.value, kind.name):
            return kind
    names = ", ".join(kind.value for kind in CommunityType)
    raise ValueError(f"unknown community type {value!r}; expected one of {names}")


def _pack_and_rubric(name: str) -> tuple[str, str]:
    """(pack id, rubric id) of a shipped pack's id or alias, or of a shipped rubric (its pack);
    an unknown name raises :class:`~safecommunity_docs.InputError` (from the rubric loader)."""
    found = pack_id(name)
    pack = shipped_pack(found) if found is not None else None
    if pack is not None:
        return pack.id, pack.default_rubric
    rubric = load_rubric(name)  # not a pack: a rubric, or the located error
    return pack_of_rubric(rubric.id).id, rubric.id


def render_files(
    community_type: CommunityType | str, pack: str = "city", today: date | None = None
) -> dict[str, bytes]:
    """The files of a new community folder, by path inside it (nothing is written); ``pack``
    is a shipped pack (or one of its rubrics): options.yaml names it and the self-assessment
    lists every item of its rubric."""
    kind = _community_type(community_type)
    placeholders = PLACEHOLDERS[kind]
    pack_name, rubric = _pack_and_rubric(pack)
    values = _values(kind, placeholders, today or date.today())
    values["pack"] = pack_name
    folder = resources.files(__package__) / "files"
    rendered: dict[str, bytes] = {}
    for source, target in FILES:
        text = Template((folder / source).read_text(encoding="utf-8")).substitute(values)
        rendered[target.format(project_id=placeholders.project_id)] = text.encode("utf-8")
    year = int(values["next_year"])
    text = assessment_yaml(load_rubric(rubric), placeholders.name, f"{year}-10-20", year)
    rendered["assessment.yaml"] = text.encode("utf-8")
    return rendered


def init_community(
    folder: Path | str,
    community_type: CommunityType | str,
    pack: str = "city",
    force: bool = False,
    today: date | None = None,
) -> list[Path]:
    """Write a new community folder and return the files written.

    Raises :class:`FolderNotEmpty` when ``folder`` holds anything and ``force`` is false, and
    :class:`~safecommunity_docs.InputError` for an unknown pack; nothing is written then.
    With ``force`` the scaffold's files replace files of the same name; others are kept.
    """
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise FolderNotEmpty(target, [target.name])
    entries = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
    if entries and not force:
        raise FolderNotEmpty(target, entries)
    files = render_files(community_type, pack, today)
    written = [write_atomic(target / name, data) for name, data in files.items()]
    for after in AFTER_INIT:
        written.extend(after(target))
    return written
