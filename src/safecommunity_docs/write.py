"""Atomic file writes with the user's umask, and a build folder staged beside its target."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    with _UMASK_LOCK:
        mask = os.umask(0)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets under the process umask (0o644 under the usual 022)."""
    return 0o666 & ~_umask()


def dir_mode() -> int:
    """The mode a new folder gets under the process umask (0o755 under the usual 022)."""
    return 0o777 & ~_umask()


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one.

    The bytes go to a temporary file in the same folder, which is flushed, synced, given the
    mode the user's umask allows (not the private 0600 of temporary files) and renamed over
    ``path``; on any failure the temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), file_mode())
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def staging_folder(target: Path) -> Path:
    """A new empty folder beside ``target`` (same file system, so files move by rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.staging-", dir=target.parent))


def previous_files(folder: Path, manifest: str) -> set[str]:
    """The files an earlier build listed in ``folder``'s manifest (relative paths)."""
    try:
        data = json.loads((folder / manifest).read_text(encoding="utf-8"))
        return {str(f["path"]) for f in data.get("files", [])}
    except (OSError, ValueError, TypeError, KeyError):
        return set()


def publish(staging: Path, target: Path, stale: set[str]) -> None:
    """Move every file of ``staging`` into ``target`` (each by an atomic rename), remove the
    ``stale`` files of an earlier build that this one did not write, then remove ``staging``.
    A ``target`` that does not exist yet is made by renaming ``staging`` itself."""
    if not target.exists():
        os.chmod(staging, dir_mode())  # mkdtemp made it private
        os.replace(staging, target)
        return
    written = set()
    for path in sorted(staging.rglob("*")):
        if path.is_file():
            relative = path.relative_to(staging)
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
            written.add(relative.as_posix())
    for name in sorted(stale - written):
        old = target / name
        if old.is_file() and old.resolve().is_relative_to(target.resolve()):
            old.unlink()
    shutil.rmtree(staging, ignore_errors=True)
