"""The LibreOffice profile template: kept from a worker that stopped cleanly, copied into new ones."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from safecommunity_docs.render.pdf.profile import keep_profile, seed_profile, template_for


@pytest.fixture
def soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n")
    return str(program)


def _profile(folder: Path, marker: str = "a") -> Path:
    (folder / "user" / "config").mkdir(parents=True)
    (folder / "user" / "registrymodifications.xcu").write_text(marker)
    (folder / "user" / ".lock").write_text("held by a running office")
    return folder


def test_a_clean_profile_is_kept_once_without_its_lock(tmp_path: Path, soffice: str) -> None:
    template = template_for(soffice)
    assert template.is_relative_to(tmp_path / "cache" / "safecommunity-docs")
    assert not template.exists()
    assert keep_profile(_profile(tmp_path / "one"), soffice)
    assert (template / "user" / "registrymodifications.xcu").read_text() == "a"
    assert not (template / "user" / ".lock").exists()
    assert not keep_profile(_profile(tmp_path / "two", "b"), soffice), "the first one stays"
    assert (template / "user" / "registrymodifications.xcu").read_text() == "a"
    assert [p.name for p in template.parent.iterdir()] == [template.name], "no staging left"


def test_a_profile_that_never_started_is_not_kept(tmp_path: Path, soffice: str) -> None:
    (tmp_path / "empty" / "user").mkdir(parents=True)
    assert not keep_profile(tmp_path / "empty", soffice)
    assert not keep_profile(tmp_path / "missing", soffice)
    assert not template_for(soffice).exists()


def test_a_new_worker_starts_from_the_template(tmp_path: Path, soffice: str) -> None:
    assert not seed_profile(tmp_path / "w0", soffice), "no template yet: soffice builds one"
    assert not (tmp_path / "w0").exists()
    keep_profile(_profile(tmp_path / "first"), soffice)
    assert seed_profile(tmp_path / "w1" / "profile", soffice)
    assert (tmp_path / "w1" / "profile" / "user" / "registrymodifications.xcu").is_file()
    existing = _profile(tmp_path / "w2", "own")
    assert not seed_profile(existing, soffice), "a worker's own profile is never replaced"
    assert (existing / "user" / "registrymodifications.xcu").read_text() == "own"


def test_another_libreoffice_gets_another_template(tmp_path: Path, soffice: str) -> None:
    before = template_for(soffice)
    stat = os.stat(soffice)
    os.utime(soffice, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert template_for(soffice) != before, "an upgraded soffice builds its own profile"


def test_workers_keeping_at_once_leave_one_whole_template(tmp_path: Path, soffice: str) -> None:
    profiles = [_profile(tmp_path / f"p{i}", str(i)) for i in range(6)]
    kept: list[bool] = []
    threads = [
        threading.Thread(target=lambda p=p: kept.append(keep_profile(p, soffice))) for p in profiles
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert kept.count(True) == 1
    template = template_for(soffice)
    assert (template / "user" / "registrymodifications.xcu").read_text() in "012345"
    assert [p.name for p in template.parent.iterdir()] == [template.name]
