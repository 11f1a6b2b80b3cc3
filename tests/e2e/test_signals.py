"""SIGTERM and SIGINT during a real PDF build: every LibreOffice process of the build stops, its
temporary folders go, the output folder stays as it was, and one line is printed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.libreoffice


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(pid: int) -> set[int]:
    tree, found, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _command(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pids: set[int]) -> set[int]:
    return {p for p in pids if (Path("/proc") / str(p)).exists() and "soffice" in _command(p)}


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_build_cleanly(tmp_path: Path, signum: int, code: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.txt").write_text("from before", encoding="utf-8")
    tmp = tmp_path / "tmp"  # the build's own temporary folder, so nothing else writes there
    tmp.mkdir()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "safecommunity_docs.cli",
            "build",
            str(EXAMPLES / "qinghe-street"),
            "-o",
            str(out),
            "--formats",
            "pdf",
        ],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(tmp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        soffice = {p for p in _descendants(proc.pid) if "soffice" in _command(p)}
        seen |= soffice
        if soffice:
            time.sleep(1.0)  # let the workers get into a conversion
            seen |= {p for p in _descendants(proc.pid) if "soffice" in _command(p)}
            break
        time.sleep(0.1)
    assert seen, "the build never started LibreOffice"
    assert proc.poll() is None, "the build finished before it could be stopped"
    os.kill(proc.pid, signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert ("SIGTERM" if signum == signal.SIGTERM else "SIGINT") in lines[0]
    deadline = time.monotonic() + 10
    while _alive(seen) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _alive(seen) == set()
    assert list(tmp.iterdir()) == []  # the workers' profiles and files are gone
    assert sorted(p.name for p in out.iterdir()) == ["earlier.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tmp"]
