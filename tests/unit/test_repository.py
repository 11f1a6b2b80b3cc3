"""The repository stands on its own: nothing in it points to material outside it."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT


def test_no_file_refers_to_the_developers_shared_folder() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    needle = b"../" + b"shared"
    offenders = [
        name.decode()
        for name in tracked
        if name
        and (ROOT / name.decode()).is_file()
        and needle in (ROOT / name.decode()).read_bytes()
    ]
    assert offenders == []
