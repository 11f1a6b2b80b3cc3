"""Write dossiers as community folders (the YAML parts and injuries.csv the loader reads),
staged beside the target and published at once: nothing half-written."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from ..filenames import safe_stem
from ..io.loader import INTAKE_WORKBOOK, PART_FILES, PART_FOLDERS, RECORD_PARTS, expected_names
from ..models.dossier import Dossier
from ..scaffold import FolderNotEmpty
from ..write import publish, staging_folder


class _Dumper(yaml.SafeDumper):
    """Decimals as numbers, enums as their labels, dates as YAML dates."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value, "f")
    tag = (
        "tag:yaml.org,2002:int"
        if value == value.to_integral_value() and "." not in text
        else "tag:yaml.org,2002:float"
    )
    return dumper.represent_scalar(tag, text)


def _enum(dumper: yaml.SafeDumper, value: Enum) -> yaml.Node:
    return dumper.represent_str(str(value.value))


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_multi_representer(Enum, _enum)


def _yaml(value: Any, source: str) -> bytes:
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"# 由填报表 {source} 导入 (imported from the intake workbook)\n{text}".encode()


def _csv(rows: list[dict[str, Any]]) -> bytes:
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row if k not in names)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value.value) if isinstance(value, Enum) else str(value)


def folder_files(dossier: Dossier, source: str) -> dict[str, bytes]:
    """The files of a community folder holding ``dossier``, by path inside it."""
    files: dict[str, bytes] = {}
    for stem, (key, _) in PART_FILES.items():
        value = getattr(dossier, key)
        if value is None:
            continue
        data = value.model_dump(mode="python", exclude_defaults=True)
        if key != "community" and not data:
            continue
        files[f"{stem}.yaml"] = _yaml(data, source)
    for folder, (key, _) in PART_FOLDERS.items():
        items = getattr(dossier, key)
        width = max(2, len(str(len(items))))
        for n, item in enumerate(items, start=1):
            name = safe_stem(f"{n:0{width}d}-{getattr(item, 'id', n)}")
            files[f"{folder}/{name}.yaml"] = _yaml(
                item.model_dump(mode="python", exclude_defaults=True), source
            )
    for key, stems in RECORD_PARTS.items():
        records = getattr(dossier, key)
        if records:
            rows = [r.model_dump(mode="python", exclude_defaults=True) for r in records]
            files[f"{stems[0]}.csv"] = _csv(rows)
    return files


def _readable(folder: Path) -> set[str]:
    """The files of ``folder`` the loader reads (relative paths): replaced by an import."""
    if not folder.is_dir():
        return set()
    names = set(expected_names()) - {INTAKE_WORKBOOK}
    found = {p.name for p in folder.iterdir() if p.is_file() and p.name in names}
    for part in PART_FOLDERS:
        if (folder / part).is_dir():
            found |= {f"{part}/{p.name}" for p in (folder / part).iterdir() if p.is_file()}
    return found


def write_folders(
    dossiers: list[Dossier], target: Path, source: str, force: bool = False
) -> list[Path]:
    """Write one community folder per dossier: ``target`` itself for one, ``target/<name>``
    for several. A folder holding files is refused unless ``force``; then the files the loader
    reads are replaced (a project left out of the workbook is removed) and the others kept."""
    single = len(dossiers) == 1
    names = [safe_stem(d.community.name) for d in dossiers]
    folders = [target] if single else [target / n for n in names]
    for folder in folders:
        entries = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        if entries and not force:
            raise FolderNotEmpty(folder, entries)
    stale: set[str] = set()
    for folder, name in zip(folders, names, strict=True):
        prefix = "" if single else f"{name}/"
        stale |= {prefix + p for p in _readable(folder)}
    staging = staging_folder(target)
    try:
        for dossier, name in zip(dossiers, names, strict=True):
            base = staging if single else staging / name
            for relative, data in folder_files(dossier, source).items():
                path = base / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        publish(staging, target, stale)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folders
