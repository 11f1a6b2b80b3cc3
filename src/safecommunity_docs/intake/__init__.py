"""The Excel intake workbook: a template a consultant fills in without YAML, the import of a
filled workbook into community folders, and the export of folders back into the workbook.

Importing this package also adds the workbook to ``init``'s new folders
(:data:`safecommunity_docs.scaffold.AFTER_INIT`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

from ..io.loader import INTAKE_WORKBOOK, load
from ..models.dossier import Dossier
from ..scaffold import AFTER_INIT, render_files
from ..write import write_atomic
from .assemble import Intake
from .book import workbook_bytes
from .export import Row, sheet_rows
from .folder import write_folders
from .layout import headers, placeholder
from .reader import read_workbook
from .sheets import OTHER, sheet_names


@cache
def _example_rows() -> dict[str, Row]:
    """The first row of each sheet for the placeholder street of ``init`` (the grey rows)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in render_files("街道", today=date(2026, 1, 1)).items():
            path = Path(tmp) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        rows = sheet_rows(load(tmp))
    examples = {name: found[0] for name, found in rows.items() if found}
    for name in [*sheet_names(), OTHER]:
        if name not in examples:
            examples[name] = {h.title: placeholder(h) for h in headers(name)}
    return examples


def _merge(dossiers: Sequence[Dossier]) -> dict[str, list[Row]]:
    merged: dict[str, list[Row]] = {}
    for dossier in dossiers:
        for name, rows in sheet_rows(dossier).items():
            merged.setdefault(name, []).extend(rows)
    return merged


def workbook(dossiers: Sequence[Dossier] = (), day: date | None = None) -> bytes:
    """The intake workbook (bytes) holding ``dossiers``, one row per community on 基本情况;
    without dossiers, the empty template (each sheet with its grey example row)."""
    return workbook_bytes(_merge(dossiers), _example_rows(), day or date.today())


def write_template(out: Path | str) -> Path:
    """Write the empty intake workbook to ``out`` (atomically); return its path."""
    return write_atomic(out, workbook())


def export_workbook(
    sources: Sequence[Path | str | Dossier] | Path | str | Dossier, out: Path | str
) -> Path:
    """Write community folders (or loaded dossiers) into one intake workbook at ``out``.

    Import of that workbook gives equal dossiers: every value without a column of its own is
    on the 其他内容 sheet. Bad input raises :class:`~safecommunity_docs.InputError`.
    """
    items = sources if isinstance(sources, Sequence) and not isinstance(sources, str) else [sources]
    dossiers = [s if isinstance(s, Dossier) else load(s) for s in items]
    return write_atomic(out, workbook(dossiers))


def read_intake(path: Path | str) -> list[Dossier]:
    """The dossiers of a filled intake workbook, one per row of 基本情况.

    Every bad cell of every sheet raises together in one
    :class:`~safecommunity_docs.InputError`: each problem names the sheet (``book.xlsx[隐患]``),
    the row, the column (its letter in the message, with the value) and what was expected.
    """
    return Intake(Path(path).name, read_workbook(path)).dossiers()


def import_workbook(path: Path | str, out: Path | str, force: bool = False) -> list[Path]:
    """Write the communities of an intake workbook as community folders; return them.

    One community is written to ``out`` itself, several to ``out/<社区名称>``. Nothing is
    written when any cell is bad; a folder that holds files is refused
    (:class:`~safecommunity_docs.scaffold.FolderNotEmpty`) unless ``force``.
    """
    dossiers = read_intake(path)
    return write_folders(dossiers, Path(out), Path(path).name, force)


def _after_init(folder: Path) -> list[Path]:
    return [export_workbook(folder, folder / INTAKE_WORKBOOK)]


if _after_init not in AFTER_INIT:
    AFTER_INIT.append(_after_init)

__all__ = [
    "INTAKE_WORKBOOK",
    "export_workbook",
    "import_workbook",
    "read_intake",
    "workbook",
    "write_template",
]
