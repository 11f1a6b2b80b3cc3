"""LibreOffice workers: the common interface, and one cold soffice call per document."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from .profile import keep_profile, seed_profile

OFFICE_FLAGS = (
    "--headless",
    "--invisible",
    "--nocrashreport",
    "--nodefault",
    "--nologo",
    "--nofirststartwizard",
    "--norestore",
    "--nolockcheck",
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one conversion attempt ended: ``ok``, else why (``timed_out``, ``crashed``)."""

    ok: bool
    error: str = ""
    timed_out: bool = False
    crashed: bool = False
    returncode: int | None = None


class Worker(Protocol):
    """One office process slot with its own profile and scratch folder."""

    folder: Path
    documents: int

    @property
    def running(self) -> bool:
        """Return whether the worker holds a live office process."""
        ...

    def pids(self) -> list[int]:
        """Return the process-group ids of the office processes the worker holds now."""
        ...

    def start(self, timeout: float) -> None:
        """Start the office process (no-op for workers that start one per document)."""
        ...

    def convert(self, src: Path, dst: Path, timeout: float) -> Outcome:
        """Convert Word file (or workbook) ``src`` to PDF ``dst`` within ``timeout`` seconds."""
        ...

    def stop(self, grace: float = 5.0) -> None:
        """Let the office end cleanly within ``grace`` seconds, then kill what is left."""
        ...

    def kill(self) -> None:
        """Kill every process the worker holds; it can be started again."""
        ...

    def log_tail(self, size: int = 2000) -> str:
        """Return the last ``size`` characters of the worker's stderr log."""
        ...


def kill_group(proc: subprocess.Popen[Any] | None) -> int | None:
    """Kill ``proc``'s process group (it was started in a new session) and reap it."""
    if proc is None:
        return None
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
    return proc.returncode


class WorkerBase:
    """Shared parts: the worker folder, its profile, its log and its environment."""

    def __init__(self, soffice: str, folder: Path, env: dict[str, str]) -> None:
        self.soffice = soffice
        self.folder = folder
        self.profile = folder / "profile"
        self.log = folder / "stderr.log"
        self.env = env
        self.documents = 0
        folder.mkdir(parents=True, exist_ok=True)

    def log_tail(self, size: int = 2000) -> str:
        """Return the last ``size`` characters of the worker's stderr log."""
        try:
            data = self.log.read_bytes()[-size:]
        except OSError:
            return ""
        return data.decode("utf-8", "replace").strip()

    def _log_file(self) -> IO[bytes]:
        return self.log.open("ab")


class OneShotWorker(WorkerBase):
    """Runs one cold ``soffice --convert-to pdf`` per call (used without python3-uno).

    Input files must lie in the worker's folder: soffice writes each PDF into it.
    """

    def __init__(self, soffice: str, folder: Path, env: dict[str, str]) -> None:
        super().__init__(soffice, folder, env)
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def running(self) -> bool:
        """Return True: there is nothing to keep warm."""
        return True

    def pids(self) -> list[int]:
        """Return the process-group id of the soffice call in progress, if any."""
        proc = self.proc
        return [proc.pid] if proc is not None and proc.poll() is None else []

    def start(self, timeout: float) -> None:
        """Do nothing: each document starts its own soffice."""

    def convert(self, src: Path, dst: Path, timeout: float) -> Outcome:
        """Run soffice on ``src``; ``dst`` must be ``src`` with the suffix ``.pdf``."""
        outcome = self.convert_batch([src], timeout)
        if outcome.ok and not dst.is_file():
            return Outcome(False, "soffice wrote no PDF", returncode=outcome.returncode)
        return outcome

    def convert_batch(self, sources: list[Path], timeout: float) -> Outcome:
        """Run one soffice call converting every file of ``sources`` to PDF beside it.

        Which outputs exist is for the caller to check: a crash or timeout may leave some.
        """
        seed_profile(self.profile, self.soffice)
        with self._log_file() as log:
            self.proc = subprocess.Popen(
                [
                    self.soffice,
                    *OFFICE_FLAGS,
                    f"-env:UserInstallation={self.profile.as_uri()}",
                    "--convert-to",
                    "pdf",  # Writer's or Calc's PDF export, by the document's type
                    "--outdir",
                    str(self.folder),
                    *(str(src) for src in sources),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                env=self.env,
                start_new_session=True,
            )
        proc = self.proc
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            self.proc = None
            return Outcome(False, f"timed out after {timeout:g} s", timed_out=True)
        self.proc = None
        if code != 0:
            return Outcome(False, f"soffice exited with {code}", crashed=True, returncode=code)
        self.documents += len(sources)
        keep_profile(self.profile, self.soffice)
        return Outcome(True, returncode=code)

    def stop(self, grace: float = 5.0) -> None:
        """Kill the soffice call in progress, if any (there is nothing else to stop)."""
        self.kill()

    def kill(self) -> None:
        """Kill the soffice call in progress, if any."""
        kill_group(self.proc)
        self.proc = None
