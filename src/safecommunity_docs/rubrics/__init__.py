"""The rubrics and jurisdiction packs shipped with the library, as package data.

Rubrics are ``rubrics/<id>.yaml``; packs are ``rubrics/packs/<id>.yaml`` and name their rubrics by
id. One place says which exist (with their aliases, e.g. ``city`` for ``chongqing-municipal``) and
reads their text; ``io.load_rubric`` and ``io.load_pack`` validate them with located errors, and
the pure layers use :func:`shipped_rubric`, :func:`shipped_pack` and :func:`pack_for`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from ..models.pack import Pack
from ..models.rubric import Rubric

if TYPE_CHECKING:
    from ..models.dossier import Dossier

DEFAULT_PACK = "chongqing-municipal"
"""The pack of a dossier that names none and whose assessment names no other pack's rubric."""


def _ids(folder: str) -> list[str]:
    root = resources.files(__name__)
    place = root.joinpath(folder) if folder else root
    return sorted(p.name.removesuffix(".yaml") for p in place.iterdir() if p.name.endswith(".yaml"))


def rubric_ids() -> list[str]:
    """Return the ids of the rubrics shipped with the library (aliases not included)."""
    return _ids("")


def pack_ids() -> list[str]:
    """Return the ids of the jurisdiction packs shipped with the library (aliases not included)."""
    return _ids("packs")


@cache
def _aliases(folder: str) -> dict[str, str]:
    """Alias -> id of the shipped rubrics (``folder`` "") or packs (``folder`` "packs")."""
    found: dict[str, str] = {}
    for item_id in _ids(folder):
        data = yaml.safe_load(_text(folder, item_id))
        for alias in data.get("aliases", []) if isinstance(data, dict) else []:
            found[str(alias)] = item_id
    return found


def _text(folder: str, item_id: str) -> str:
    root = resources.files(__name__)
    place = root.joinpath(folder) if folder else root
    return place.joinpath(f"{item_id}.yaml").read_text(encoding="utf-8")


def rubric_id(name: str) -> str | None:
    """The id of the shipped rubric called ``name`` (its id or an alias), or ``None``."""
    return name if name in rubric_ids() else _aliases("").get(name)


def pack_id(name: str) -> str | None:
    """The id of the shipped pack called ``name`` (its id or an alias), or ``None``."""
    return name if name in pack_ids() else _aliases("packs").get(name)


def rubric_text(name: str) -> str:
    """The YAML text of the shipped rubric ``name`` (id or alias)."""
    return _text("", rubric_id(name) or name)


def pack_text(name: str) -> str:
    """The YAML text of the shipped pack ``name`` (id or alias)."""
    return _text("packs", pack_id(name) or name)


@cache
def shipped_rubric(name: str) -> Rubric | None:
    """Return the shipped rubric ``name`` (``chongqing-municipal`` or its alias ``city``,
    ``national-field`` …), or ``None``."""
    found = rubric_id(name)
    if found is None:
        return None
    return Rubric.model_validate(yaml.safe_load(_text("", found)))


@cache
def shipped_pack(name: str) -> Pack | None:
    """Return the shipped pack ``name`` (id or alias) with its rubrics attached, or ``None``."""
    found = pack_id(name)
    if found is None:
        return None
    pack = Pack.model_validate(yaml.safe_load(_text("packs", found)))
    return pack.attach([r for r in map(shipped_rubric, pack.rubrics) if r is not None])


def pack_of_rubric(name: str) -> Pack:
    """The shipped pack whose rubrics include ``name``, else the default pack."""
    for item_id in pack_ids():
        pack = shipped_pack(item_id)
        if pack is not None and name in pack.loaded_rubrics:
            return pack
    return default_pack()


def default_pack() -> Pack:
    """The default pack (``chongqing-municipal``)."""
    pack = shipped_pack(DEFAULT_PACK)
    assert pack is not None, "the default pack ships with the package"
    return pack


def pack_for(dossier: Dossier) -> Pack:
    """The pack ``dossier`` follows: the one the loader attached (a user's pack), else the shipped
    pack its options name, else the shipped pack of its assessment's rubric, else the default."""
    if dossier.pack is not None:
        return dossier.pack
    named = dossier.options.pack
    if named is not None and (pack := shipped_pack(named)) is not None:
        return pack
    if dossier.assessment is not None:
        return pack_of_rubric(dossier.assessment.rubric)
    return default_pack()
