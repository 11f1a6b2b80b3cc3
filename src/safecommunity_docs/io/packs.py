"""Load jurisdiction packs: shipped ones by id or alias, a user's from a file or a pack folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..kinds import default_order
from ..models.pack import Pack
from ..models.rubric import Rubric
from ..rubrics import pack_id, pack_ids, pack_text, rubric_id, rubric_ids
from .assembly import Assembly

PACK_FILE = "pack.yaml"
"""The pack file of a pack folder (a folder holding pack.yaml and its rubric files)."""

SUFFIXES = (".yaml", ".yml", ".json")


def _pack_path(name: str, base: Path | None, pack_dir: Path | None) -> Path | None:
    """The file of a user's pack ``name``: ``<pack_dir>/<name>.yaml`` (or a folder
    ``<pack_dir>/<name>/pack.yaml``), else ``name`` as a path (a file or a pack folder)."""
    candidates: list[Path] = []
    if pack_dir is not None:
        candidates += [pack_dir / f"{name}{s}" for s in SUFFIXES] + [pack_dir / name / PACK_FILE]
    path = Path(name)
    if base is not None and not path.is_absolute():
        path = base / path
    candidates += [path, path / PACK_FILE]
    return next((p for p in candidates if p.is_file()), None)


def load_pack(
    pack: str | Path, base: Path | str | None = None, pack_dir: Path | str | None = None
) -> Pack:
    """Load a pack: a shipped pack's id or alias (``chongqing-municipal``, ``city``,
    ``national-field``, ``sichuan-township``, ``aqt9001-generic``), the id of a pack in
    ``pack_dir``, or the path of a pack file or pack folder (relative to ``base``).

    The pack's rubrics (shipped ids or files relative to the pack file) are loaded and attached.
    Every problem is raised together in one :class:`~safecommunity_docs.InputError`, located by
    file, line, column and field path.
    """
    from .loader import file_assembly  # the loader imports this module

    name = str(pack)
    folder = Path(pack_dir) if pack_dir is not None else None
    if folder is not None and base is not None and not folder.is_absolute():
        folder = Path(base) / folder
    path = _pack_path(name, Path(base) if base is not None else None, folder)
    if path is None:
        found = pack_id(name)
        if found is None:
            where = f" or in {folder}" if folder is not None else ""
            raise InputError(
                [
                    Problem(
                        path="pack",
                        message=f"unknown pack '{name}'; shipped packs: "
                        f"{', '.join(pack_ids())} (or a pack file{where})",
                    )
                ]
            )
        asm = Assembly(f"safecommunity_docs/rubrics/packs/{found}.yaml")
        from .source import parse_yaml

        data = asm.mount((), parse_yaml(pack_text(found), asm.label))
        return _validated(asm, data, None)
    asm, data = file_assembly(path)
    return _validated(asm, data, path.parent)


def _validated(asm: Assembly, data: Any, folder: Path | None) -> Pack:
    result = asm.validate(Pack, data)
    rubrics: list[Rubric] = []
    for i, name in enumerate(result.rubrics):
        try:
            rubrics.append(_rubric(name, folder))
        except InputError as exc:
            if exc.problems and exc.problems[0].file:
                asm.problems.extend(exc.problems)
            else:
                asm.problems.append(
                    asm.locate(
                        ("rubrics", i),
                        f"{exc.problems[0].message if exc.problems else name}; shipped "
                        f"rubrics: {', '.join(rubric_ids())} (or a rubric file next to the pack)",
                    )
                )
    known = default_order()
    for i, kind in enumerate(result.dossier_order):
        if kind not in known:
            asm.problems.append(
                asm.locate(
                    ("dossier_order", i),
                    f"unknown document kind {kind!r}; known: {', '.join(known)}",
                )
            )
    if asm.problems:
        raise InputError(asm.problems)
    return result.attach(rubrics)


def _rubric(name: str, folder: Path | None) -> Rubric:
    from .loader import load_file, load_rubric

    if folder is not None and name.endswith(SUFFIXES):
        if not (folder / name).is_file():
            raise InputError([Problem(path="rubric", message=f"no rubric file '{name}'")])
        return load_file(folder / name, Rubric)[0]
    if rubric_id(name) is None:
        raise InputError([Problem(path="rubric", message=f"unknown rubric '{name}'")])
    return load_rubric(name)
