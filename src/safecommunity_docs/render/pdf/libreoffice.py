"""The LibreOffice converter: N warm workers, per-document timeout, restart and retry, checks."""

from __future__ import annotations

import functools
import itertools
import os
import queue
import shutil
import subprocess
import sysconfig
import tempfile
import threading
import time
import weakref
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Literal

from ...errors import ConversionError, ConverterNotFound
from .base import ContextClosing, ConverterStats, check_pdf, source_suffix
from .fontconfig import write_fontconfig
from .uno_worker import UnoWorker
from .workers import OneShotWorker, Outcome, Worker

INSTALL_HINT = "sudo apt-get install --no-install-recommends libreoffice-writer-nogui"
UNO_PYTHON_ENV = "SAFECOMMUNITY_DOCS_UNO_PYTHON"

Mode = Literal["auto", "uno", "oneshot"]


def find_soffice(soffice: str | None = None) -> str:
    """Return the path of LibreOffice's ``soffice``, or raise :class:`ConverterNotFound`."""
    for name in [soffice] if soffice else ["soffice", "libreoffice"]:
        path = shutil.which(name)
        if path is not None:
            return path
    raise ConverterNotFound(
        f"LibreOffice ({soffice or 'soffice'}) was not found on PATH; install it with: "
        f"{INSTALL_HINT}",
        converter="libreoffice",
    )


@functools.lru_cache(maxsize=8)
def _imports_uno(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-I", "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def find_uno_python(soffice: str | None = None) -> str | None:
    """Return a Python that can ``import uno`` (Debian's python3-uno), or None.

    ``SAFECOMMUNITY_DOCS_UNO_PYTHON`` names one explicitly; otherwise the system's
    ``/usr/bin/python3`` is tried (a virtualenv's Python cannot load python3-uno), then the
    ``python`` that LibreOffice's own builds ship next to ``soffice``.
    """
    bundled = str(Path(os.path.realpath(soffice)).parent / "python") if soffice else ""
    candidates = [os.environ.get(UNO_PYTHON_ENV) or "", "/usr/bin/python3", bundled]
    for python in candidates:
        if python and os.access(python, os.X_OK) and _imports_uno(python):
            return python
    return None


def _stop_all(workers: list[Worker], root: Path) -> None:
    """Stop every worker (in parallel) and remove the converter's temporary folder."""
    with ThreadPoolExecutor(max_workers=len(workers)) as pool:
        list(pool.map(lambda worker: worker.stop(), workers))
    shutil.rmtree(root, ignore_errors=True)


UNTUNED = ("MALLOC_TRIM_THRESHOLD_",)
"""Variables of this process that LibreOffice does not inherit. A Dask nanny sets glibc's
``MALLOC_TRIM_THRESHOLD_`` to 64 KiB for its workers, to hand memory back sooner; soffice run
under it spent more CPU on the same documents (one dossier's 19 documents, six alternating
runs each way: medians 6.4 s against 5.5 s, with a spread of about 1.5 s each way)."""


ALLOCATOR_ENV = "SAFECOMMUNITY_DOCS_OFFICE_MALLOC"
"""``system`` keeps glibc's malloc for soffice; a path names the allocator library to preload."""
TCMALLOC = "libtcmalloc_minimal.so.4"
"""gperftools' allocator (Debian's ``libtcmalloc-minimal4``). soffice preloaded with it started
on 0.44 s of CPU instead of 1.06 s, and converted one dossier's 19 documents on 4.39 s instead
of 4.88 s (medians of five alternating starts and of 15 passes each; ``benchmarks/RESULTS.md``).
jemalloc made no difference."""
_LIBRARY_DIRS = (
    f"/usr/lib/{sysconfig.get_config_var('MULTIARCH') or 'x86_64-linux-gnu'}",
    "/usr/lib64",
    "/usr/lib",
)


def allocator_opted_out() -> bool:
    """Whether ``$SAFECOMMUNITY_DOCS_OFFICE_MALLOC`` says ``system`` (glibc's malloc)."""
    return os.environ.get(ALLOCATOR_ENV, "").strip().lower() == "system"


def office_allocator() -> str | None:
    """The allocator library soffice is started with (``LD_PRELOAD``): ``$SAFECOMMUNITY_DOCS_
    OFFICE_MALLOC`` when it names a file, else :data:`TCMALLOC` when installed; None with
    ``system`` or without one (glibc's malloc, only slower)."""
    if allocator_opted_out():
        return None
    given = os.environ.get(ALLOCATOR_ENV, "").strip()
    candidates = [Path(given)] if given else [Path(d) / TCMALLOC for d in _LIBRARY_DIRS]
    return next((str(p) for p in candidates if p.is_file()), None)


def office_environment(fontconfig: Path) -> dict[str, str]:
    """The environment soffice runs in: this process's, seeing only ``fontconfig`` as its
    fontconfig file, without the :data:`UNTUNED` variables, and with the allocator of
    :func:`office_allocator` preloaded."""
    env = {k: v for k, v in os.environ.items() if k not in UNTUNED}
    env["FONTCONFIG_FILE"] = str(fontconfig)
    allocator = office_allocator()
    if allocator is not None:
        env["LD_PRELOAD"] = " ".join(p for p in (allocator, env.get("LD_PRELOAD", "")) if p)
    return env


class LibreOfficeConverter(ContextClosing):
    """Converts Word documents (and Excel workbooks) to PDF with LibreOffice headless, keeping ``workers`` soffice warm.

    Each worker has its own profile (``-env:UserInstallation``) in a temporary folder and sees
    only the library's fontconfig file (``FONTCONFIG_FILE``), nor any inherited
    ``MALLOC_TRIM_THRESHOLD_``, and runs on tcmalloc when it is installed
    (:func:`office_environment`). A document that times out after
    ``timeout`` seconds, or whose worker crashed, gets its worker killed and restarted and is tried
    once more; a worker is also recycled after ``max_documents`` documents. Every output is
    checked with pypdf. ``mode`` "uno" keeps soffice warm through Debian's python3-uno (about
    0.15 s a document once started, after about 1 s to start); "oneshot" runs one cold soffice
    per :meth:`convert` (about 1.1 s) and one per :meth:`convert_many` batch; "auto" picks "uno"
    when python3-uno is importable.
    """

    name = "libreoffice"
    paginates = True
    """Pages come out as Word lays them out: page numbers can be stamped on them
    (``dossier_pdf``); converters without this attribute get each part converted with its
    own page numbers."""

    def __init__(
        self,
        workers: int = 2,
        *,
        timeout: float = 120.0,
        startup_timeout: float = 60.0,
        max_documents: int = 200,
        mode: Mode = "auto",
        soffice: str | None = None,
        fontconfig: Path | None = None,
    ) -> None:
        """Find soffice (raising ConverterNotFound) and prepare, but not start, the workers."""
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.soffice = find_soffice(soffice)
        python = find_uno_python(self.soffice) if mode != "oneshot" else None
        if mode == "uno" and python is None:
            raise ConverterNotFound(
                "the warm LibreOffice converter needs python3-uno; install it with: "
                "sudo apt-get install --no-install-recommends python3-uno",
                converter=self.name,
            )
        self.mode: Literal["uno", "oneshot"] = "uno" if python is not None else "oneshot"
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.max_documents = max_documents
        self.root = Path(tempfile.mkdtemp(prefix="safecommunity-docs-lo-"))
        self.fontconfig = fontconfig if fontconfig is not None else write_fontconfig(self.root)
        env = office_environment(self.fontconfig)
        self._workers: list[Worker] = [
            UnoWorker(self.soffice, python, self.root / f"worker-{i}", env)
            if python is not None
            else OneShotWorker(self.soffice, self.root / f"worker-{i}", env)
            for i in range(workers)
        ]
        self._idle: queue.Queue[Worker] = queue.Queue()
        for worker in self._workers:
            self._idle.put(worker)
        self._lock = threading.Lock()
        self._stats = ConverterStats()
        self._jobs = itertools.count(1)
        self._closed = False
        self._finalizer = weakref.finalize(self, _stop_all, self._workers, self.root)

    @property
    def stats(self) -> ConverterStats:
        """Return a snapshot of the converter's statistics."""
        with self._lock:
            return self._stats

    @property
    def workers(self) -> int:
        """Return the number of workers."""
        return len(self._workers)

    def worker_pids(self) -> list[int]:
        """Return the process-group ids of the soffice processes running now (for diagnosis)."""
        return [pid for worker in self._workers for pid in worker.pids()]

    def start(self) -> None:
        """Start every worker now instead of at its first document (in parallel)."""
        with ThreadPoolExecutor(max_workers=len(self._workers)) as pool:
            list(pool.map(self._ensure_started, self._workers))

    def convert(self, docx: bytes, name: str) -> bytes:
        """Return the PDF of Word document ``docx``; ``name`` labels it in errors.

        Raises :class:`ConversionError` when the document fails twice (crash, timeout, or an
        output that is missing, unreadable or without pages).
        """
        if self._closed:
            raise ConversionError(f"{name}: the converter is closed", converter=self.name)
        worker = self._idle.get()
        try:
            return self._convert_on(worker, docx, name)
        finally:
            self._idle.put(worker)

    def convert_many(self, items: Sequence[tuple[str, bytes]]) -> list[bytes]:
        """Return the PDFs of ``(name, docx)`` items, in order, using the workers in parallel."""
        if self.mode == "oneshot" and len(items) > 1:
            return self._convert_batch(items)
        if len(items) <= 1 or len(self._workers) == 1:
            return [self.convert(docx, name) for name, docx in items]
        with ThreadPoolExecutor(max_workers=min(len(items), len(self._workers))) as pool:
            return list(pool.map(lambda item: self.convert(item[1], item[0]), items))

    def close(self) -> None:
        """Kill every worker and remove the temporary folder; the converter cannot be reused."""
        self._closed = True
        self._finalizer()

    def _count(self, **changes: float) -> None:
        with self._lock:
            values = {key: getattr(self._stats, key) + value for key, value in changes.items()}
            self._stats = replace(self._stats, **values)

    def _ensure_started(self, worker: Worker) -> None:
        if isinstance(worker, UnoWorker) and not worker.running:
            # A worker found dead before its next document crashed (or was killed) while idle:
            # starting it again is a restart, not a first start.
            died = worker.died
            worker.start(self.startup_timeout)
            self._count(starts=1, restarts=1 if died else 0)

    def _convert_on(self, worker: Worker, docx: bytes, name: str) -> bytes:
        started = time.perf_counter()
        job = next(self._jobs)
        src = worker.folder / f"job-{job}{source_suffix(docx)}"
        dst = src.with_suffix(".pdf")
        src.write_bytes(docx)
        outcome = Outcome(False, "not tried")
        try:
            for attempt in range(2):
                if attempt:
                    self._count(retries=1)
                dst.unlink(missing_ok=True)
                try:
                    self._ensure_started(worker)
                except RuntimeError as exc:
                    outcome = Outcome(False, str(exc), crashed=True)
                    self._count(restarts=1)
                    continue
                outcome = worker.convert(src, dst, self.timeout)
                if outcome.timed_out or outcome.crashed:
                    worker.kill()
                    self._count(restarts=1)
                if not outcome.ok:
                    continue
                data = dst.read_bytes() if dst.is_file() else b""
                try:
                    check_pdf(data, name, self.name, stderr_tail=worker.log_tail())
                except ConversionError as exc:
                    outcome = Outcome(False, str(exc))
                    continue
                self._count(documents=1, seconds=time.perf_counter() - started)
                if worker.documents >= self.max_documents:
                    worker.stop()
                    self._count(recycles=1)
                return data
        finally:
            src.unlink(missing_ok=True)
            dst.unlink(missing_ok=True)
        why = (
            f"LibreOffice did not finish converting it within {self.timeout:g} s, twice "
            "(a very long document or text field; the converter's timeout can be raised)"
            if outcome.timed_out
            else f"LibreOffice failed twice: {outcome.error}"
        )
        raise ConversionError(
            f"{name}: {why}",
            converter=self.name,
            returncode=outcome.returncode,
            stderr_tail=worker.log_tail(),
        )

    def _convert_batch(self, items: Sequence[tuple[str, bytes]]) -> list[bytes]:
        """Convert ``items`` in one cold soffice call (4-5x faster than one call each).

        Documents whose output is missing or broken after the call (a crash or a timeout of
        ``timeout`` seconds per document) are converted again one by one, with the usual retry.
        """
        started = time.perf_counter()
        worker = self._idle.get()
        results: list[bytes | None] = []
        try:
            if not isinstance(worker, OneShotWorker):
                raise TypeError("batch conversion needs one-shot workers")
            sources = [
                worker.folder / f"job-{next(self._jobs)}{source_suffix(docx)}" for _, docx in items
            ]
            for src, (_, docx) in zip(sources, items, strict=True):
                src.write_bytes(docx)
            outcome = worker.convert_batch(sources, self.timeout * len(items))
            if not outcome.ok:
                self._count(restarts=1)
            for src, (name, _) in zip(sources, items, strict=True):
                dst = src.with_suffix(".pdf")
                data = dst.read_bytes() if dst.is_file() else None
                try:
                    check_pdf(data, name, self.name)
                except ConversionError:
                    data = None
                results.append(data)
                src.unlink(missing_ok=True)
                dst.unlink(missing_ok=True)
        finally:
            self._idle.put(worker)
        done = sum(data is not None for data in results)
        self._count(documents=done, seconds=time.perf_counter() - started)
        output: list[bytes] = []
        for data, (name, docx) in zip(results, items, strict=True):
            if data is None:
                self._count(retries=1)
                data = self.convert(docx, name)
            output.append(data)
        return output
