"""A warm soffice worker: LibreOffice listening on a private pipe, driven by the UNO bridge."""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

from .profile import keep_profile, seed_profile
from .workers import OFFICE_FLAGS, Outcome, WorkerBase, kill_group

BRIDGE = Path(__file__).with_name("uno_bridge.py")
"""The UNO client script, run by the system Python that has python3-uno."""

_PIPE_DIR = Path("/tmp")  # LibreOffice's OSL pipes always live here, whatever TMPDIR says


def _office_sockets() -> set[Path]:
    """Return the single-instance pipe files of this user's LibreOffice processes."""
    return set(_PIPE_DIR.glob(f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_*"))


def _stale_socket(path: Path) -> bool:
    """Return whether ``path`` is a Unix socket nobody listens on any more."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
        except FileNotFoundError:
            return False
        except OSError:
            return True
    return False


def _remove_stale(paths: set[Path], wait: float = 2.0) -> None:
    """Remove the pipe files in ``paths`` once nobody listens on them.

    A killed office lingers for a moment; files still served after ``wait`` seconds are left.
    """
    deadline = time.monotonic() + wait
    pending = {p for p in paths if p.exists()}
    while pending:
        for path in list(pending):
            if not path.exists() or _stale_socket(path):
                path.unlink(missing_ok=True)
                pending.discard(path)
        if not pending or time.monotonic() > deadline:
            return
        time.sleep(0.02)


class UnoWorker(WorkerBase):
    """A warm soffice listening on a private pipe, driven by :mod:`.uno_bridge`."""

    def __init__(self, soffice: str, python: str, folder: Path, env: dict[str, str]) -> None:
        super().__init__(soffice, folder, env)
        self.python = python
        self.office: subprocess.Popen[bytes] | None = None
        self.bridge: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._sockets: set[Path] = set()

    @property
    def running(self) -> bool:
        """Return whether both the office and its bridge are alive."""
        return all(p is not None and p.poll() is None for p in (self.office, self.bridge))

    @property
    def died(self) -> bool:
        """Return whether the worker was started and has died without being stopped or killed
        by us (a crash, or killed from outside while it sat idle)."""
        return self.office is not None and not self.running

    def pids(self) -> list[int]:
        """Return the soffice process-group id while it runs."""
        return [self.office.pid] if self.office is not None and self.running else []

    def start(self, timeout: float) -> None:
        """Start soffice and the bridge; raise RuntimeError when they are not ready in time."""
        self.kill()
        seed_profile(self.profile, self.soffice)
        pipe = f"scd_{os.getpid()}_{uuid.uuid4().hex[:12]}"
        before = _office_sockets()
        self._sockets = {_PIPE_DIR / f"OSL_PIPE_{os.getuid()}_{pipe}"}
        with self._log_file() as log:
            self.office = subprocess.Popen(
                [
                    self.soffice,
                    *OFFICE_FLAGS,
                    f"-env:UserInstallation={self.profile.as_uri()}",
                    f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                env=self.env,
                start_new_session=True,
            )
            self.bridge = subprocess.Popen(
                [self.python, "-I", str(BRIDGE), pipe, str(timeout)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,
            )
        self._buffer = b""
        self.documents = 0
        reply = self._read_reply(timeout + 5)
        self._sockets |= _office_sockets() - before
        if reply is None or not reply.get("ready"):
            why = "no answer" if reply is None else str(reply.get("error", reply))
            self.kill()
            raise RuntimeError(f"LibreOffice did not start within {timeout:g} s: {why}")

    def convert(self, src: Path, dst: Path, timeout: float) -> Outcome:
        """Ask the bridge to convert ``src`` to ``dst``; a timeout or crash kills nothing here."""
        if self.bridge is None or self.bridge.stdin is None or not self.running:
            return Outcome(False, "the office is not running", crashed=True)
        request = json.dumps({"src": str(src), "dst": str(dst)}) + "\n"
        try:
            self.bridge.stdin.write(request.encode("utf-8"))
            self.bridge.stdin.flush()
        except OSError as exc:
            return Outcome(False, f"the bridge is gone: {exc}", crashed=True)
        reply = self._read_reply(timeout)
        if reply is None:
            if self.running:
                return Outcome(False, f"timed out after {timeout:g} s", timed_out=True)
            code = self.office.poll() if self.office is not None else None
            return Outcome(False, "the office process died", crashed=True, returncode=code)
        if reply.get("ok"):
            self.documents += 1
            return Outcome(True)
        fatal = bool(reply.get("fatal")) or not self.running
        code = self.office.poll() if self.office is not None else None
        return Outcome(False, str(reply.get("error", "")), crashed=fatal, returncode=code)

    def stop(self, grace: float = 5.0) -> None:
        """Ask the office to terminate (it then removes its pipes), then kill what is left."""
        clean = False
        if self.running and self.bridge is not None and self.bridge.stdin is not None:
            try:
                self.bridge.stdin.write(b'{"quit": true}\n')
                self.bridge.stdin.flush()
                reply = self._read_reply(grace)
                if self.office is not None:
                    clean = self.office.wait(timeout=grace) == 0 and bool(reply and reply.get("ok"))
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()
        if clean:
            keep_profile(self.profile, self.soffice)

    def kill(self) -> None:
        """Kill soffice and the bridge, reap them and remove the office's stale pipe files."""
        if self.bridge is not None and self.bridge.stdin is not None:
            with contextlib.suppress(OSError):
                self.bridge.stdin.close()
        for proc in (self.office, self.bridge):
            kill_group(proc)
            if proc is not None and proc.stdout is not None:
                proc.stdout.close()
        self.office = self.bridge = None
        _remove_stale(self._sockets)
        self._sockets = set()

    def _read_reply(self, timeout: float) -> dict[str, Any] | None:
        """Return the bridge's next JSON line, or None on timeout or end of output."""
        if self.bridge is None or self.bridge.stdout is None:
            return None
        fd = self.bridge.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            reply: dict[str, Any] = json.loads(line)
        except ValueError:
            return {"ok": False, "error": line.decode("utf-8", "replace"), "fatal": True}
        return reply
