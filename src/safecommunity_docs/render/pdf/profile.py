"""A LibreOffice user profile kept as a template, so that a new worker does not build its own.

soffice creates a profile on its first start with a new ``-env:UserInstallation`` folder
(settings, registry, its graphics tests): about 0.45 s of CPU of a start of 1.5 s on this
machine. Every worker has a profile of its own, in a temporary folder; the first worker of a
user that stops cleanly leaves a copy of its profile in the user's cache, and the workers
that start after it begin from a copy of that. The template is kept for one soffice
installation (its path and modification time): an upgraded LibreOffice builds a new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .fontconfig import user_cache_dir

__all__ = ["keep_profile", "seed_profile", "template_for"]

_SKIPPED = shutil.ignore_patterns(".lock", "*.lock", "backup", "crash")
"""What a profile holds of its own run only: lock files, backups and crash data."""


def template_for(soffice: str) -> Path:
    """Where the profile template of the LibreOffice at ``soffice`` is kept (may not exist)."""
    real = Path(soffice).resolve()
    try:
        stamp = str(real.stat().st_mtime_ns)
    except OSError:
        stamp = ""
    key = hashlib.sha256(f"{real}\0{stamp}".encode()).hexdigest()[:16]
    return user_cache_dir() / "libreoffice-profile" / key


def seed_profile(profile: Path, soffice: str) -> bool:
    """Copy the template into ``profile`` when ``profile`` does not exist yet and a template
    does; return whether it did. Any failure leaves soffice to build the profile itself."""
    if profile.exists():
        return False
    try:
        template = template_for(soffice)
        if not template.is_dir():
            return False
        shutil.copytree(template, profile, ignore=_SKIPPED)
    except OSError:
        shutil.rmtree(profile, ignore_errors=True)
        return False
    return True


def keep_profile(profile: Path, soffice: str) -> bool:
    """Keep a copy of ``profile`` (of a worker that stopped cleanly) as the template, unless
    there is one; return whether it did. Safe when several processes try at once: each
    copies into a folder of its own and only the first rename wins."""
    if not (profile / "user" / "registrymodifications.xcu").is_file():
        return False
    try:
        template = template_for(soffice)
        if template.exists():
            return False
        template.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=template.parent))
    except OSError:
        return False
    try:
        shutil.copytree(profile, staging / "profile", ignore=_SKIPPED)
        os.rename(staging / "profile", template)
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    return True
