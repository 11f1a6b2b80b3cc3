"""Build many communities at once through any ``concurrent.futures.Executor``.

Each community is built in a worker (a process of the default pool, or of a Dask cluster:
``distributed.Client(...).get_executor()``); each worker process keeps one LibreOffice
converter, started on its first PDF and reused for every community it builds, behind a PDF cache
(``.pdf-cache`` in the output folder), so an unchanged document is never converted twice. A
community whose inputs, formats, templates, fonts and library version are unchanged since its
last build is skipped (its ``manifest.json`` holds the fingerprint) unless ``force``. A failed
community is reported and the others go on. Rows are streamed to ``batch-report.jsonl`` as they
come in; ``batch-report.json`` and ``batch-report.xlsx`` are written at the end.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing
import multiprocessing.util
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from .errors import InputNotFound, SafeCommunityDocsError
from .fingerprint import input_fingerprint, outputs_intact
from .names import Format
from .render.pdf.cache import CachingConverter
from .write import write_atomic

REPORT = "batch-report"
CACHE = ".pdf-cache"
Status = Literal["built", "unchanged", "failed"]
WINDOW = 32
"""Communities submitted and not yet finished at most, on an executor the caller gave (a Dask
cluster's workers are not known here): enough to keep a cluster busy, few to hold."""


@dataclass(frozen=True)
class CommunityResult:
    """One community of a batch: what happened, its verdict and findings, and how long it took.

    ``converted`` counts the documents LibreOffice converted (PDFs from the cache not counted);
    ``error`` is ``category: message`` of a failed community.
    """

    community: str
    source: str
    output: str
    status: Status
    verdict: str = ""
    errors: int = 0
    warnings: int = 0
    pages: int | None = None
    seconds: float = 0.0
    converted: int = 0
    error: str = ""


@dataclass(frozen=True)
class BatchResult:
    """Counts of a batch and where its report is; :meth:`rows` reads the rows back."""

    out_dir: Path
    built: int
    unchanged: int
    failed: int
    seconds: float
    report_json: Path
    report_xlsx: Path
    _jsonl: Path = field(repr=False)

    @property
    def ok(self) -> bool:
        """True when no community failed."""
        return self.failed == 0

    def rows(self) -> list[CommunityResult]:
        """Every community's row, in the order the communities were given."""
        data = json.loads(self.report_json.read_text(encoding="utf-8"))
        return [CommunityResult(**row) for row in data["communities"]]


def communities(paths: Iterable[Path | str]) -> list[Path]:
    """The community folders ``paths`` name: a folder that holds no ``community.yaml`` but has
    sub-folders that do stands for those sub-folders; any other folder (or dossier file) is one
    community, whose problems its build reports. A path that does not exist raises
    :class:`InputNotFound`."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputNotFound(path)
        inside = (
            sorted(p for p in path.iterdir() if (p / "community.yaml").is_file())
            if path.is_dir() and not (path / "community.yaml").is_file()
            else []
        )
        found.extend(inside or [path])
    return found


def _output_names(folders: Sequence[Path]) -> list[str]:
    names: list[str] = []
    for folder in folders:
        base = folder.stem if folder.is_file() else folder.name
        name, n = base, 2
        while name in names:
            name, n = f"{base}-{n}", n + 1
        names.append(name)
    return names


_CONVERTERS: dict[str, CachingConverter] = {}


def _converter(cache_dir: str) -> CachingConverter:
    """This process's converter for ``cache_dir``: made once, reused by every community the
    process builds, closed when the process ends."""
    converter = _CONVERTERS.get(cache_dir)
    if converter is None:
        from .render.pdf import LibreOfficeConverter

        converter = CachingConverter(cache_dir, lambda: LibreOfficeConverter(workers=1))
        _CONVERTERS[cache_dir] = converter
        atexit.register(converter.close)
        multiprocessing.util.Finalize(None, converter.close, exitpriority=10)
    return converter


def close_converters() -> None:
    """Close the converters this process made (the batch does it for its own process)."""
    while _CONVERTERS:
        _CONVERTERS.popitem()[1].close()


def _template_dir(folder: Path) -> Path | None:
    from .io.options_file import template_dir_of  # io reads the file; imported when needed

    return template_dir_of(folder)


def _read_manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def build_community(
    source: str, output: str, formats: Sequence[str] | None, force: bool, cache_dir: str
) -> CommunityResult:
    """Build one community folder into ``output`` (a batch worker's task; never raises for a
    problem of the community: the row says what went wrong)."""
    started = time.perf_counter()
    folder, out = Path(source), Path(output)
    name = folder.name
    try:
        fingerprint = input_fingerprint(folder, formats, _template_dir(folder))
        unchanged = None if force else _unchanged(source, output, fingerprint, started)
        if unchanged is not None:
            return unchanged
        return _build(folder, out, formats, cache_dir, fingerprint, started)
    except SafeCommunityDocsError as exc:
        error = f"{exc.category}: {exc}"
    except Exception as exc:  # a bug must not stop the other communities
        error = f"internal: {exc!r}\n{traceback.format_exc(limit=5)}"
    return CommunityResult(
        name,
        source,
        output,
        "failed",
        seconds=round(time.perf_counter() - started, 3),
        error=error,
    )


def _unchanged(
    source: str, output: str, fingerprint: str, started: float
) -> CommunityResult | None:
    """The row of a community whose last build had the same ``fingerprint`` and whose files
    are all still there, unchanged; None when it must be built."""
    out = Path(output)
    previous = _read_manifest(out)
    if previous.get("fingerprint") != fingerprint or not outputs_intact(out, previous):
        return None
    summary = previous.get("batch", {})
    return CommunityResult(
        **{
            **summary,
            "source": source,
            "output": output,
            "status": "unchanged",
            "seconds": round(time.perf_counter() - started, 3),
            "converted": 0,
        },
    )


def _skipped(source: str, output: str, formats: Sequence[str] | None) -> CommunityResult | None:
    """Checked in the batch's own process before anything is submitted: the row of an
    unchanged community (a rerun with nothing changed starts no worker), else None (the worker
    builds it, and reports any problem reading it)."""
    started = time.perf_counter()
    folder = Path(source)
    try:
        fingerprint = input_fingerprint(folder, formats, _template_dir(folder))
        return _unchanged(source, output, fingerprint, started)
    except Exception:  # the build reports it, located
        return None


def _build(
    folder: Path,
    out: Path,
    formats: Sequence[str] | None,
    cache_dir: str,
    fingerprint: str,
    started: float,
) -> CommunityResult:
    from .api import score
    from .build import build
    from .io import load

    dossier = load(folder)
    # names from the command line or options.yaml: build() checks each against the registry
    wanted = cast(
        "list[Format]", list(formats) if formats is not None else list(dossier.options.formats)
    )
    converter = _converter(cache_dir) if "pdf" in wanted else None
    before = converter.misses if converter is not None else 0
    result = build(dossier, out, wanted, converter=converter)
    report = score(dossier) if dossier.assessment is not None else None
    pages = next((o.pages for o in result.outputs if o.kind == "dossier"), None)
    row = CommunityResult(
        community=dossier.community.name,
        source=str(folder),
        output=str(out),
        status="built",
        verdict=report.verdict.label if report is not None else "",
        errors=len(result.findings.errors),
        warnings=len(result.findings.filter(severity="warning")),
        pages=pages,
        seconds=round(time.perf_counter() - started, 3),
        converted=(converter.misses - before) if converter is not None else 0,
    )
    manifest = _read_manifest(out)
    manifest["fingerprint"] = fingerprint
    manifest["batch"] = {
        k: v
        for k, v in asdict(row).items()
        if k in ("community", "verdict", "errors", "warnings", "pages")
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    write_atomic(out / "manifest.json", text.encode("utf-8"))
    return row


def _pool(jobs: int | None) -> Executor:
    workers = jobs or os.cpu_count() or 1
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"))


class _Inline(Executor):
    """Runs each task at once in this process (``jobs=1``): no pool, same code path."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def batch(
    paths: Iterable[Path | str],
    out_dir: Path | str,
    formats: Sequence[Format] | None = None,
    executor: Executor | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[CommunityResult], None] | None = None,
) -> BatchResult:
    """Build every community folder of ``paths`` into ``out_dir/<folder name>/``.

    ``executor`` runs the communities (any ``concurrent.futures.Executor``; a Dask
    ``Client.get_executor()`` spreads them over a cluster); by default a process pool of
    ``jobs`` processes (the number of cores), or this process alone with ``jobs=1``.
    ``progress`` is called in this process with each community's row as it finishes. A
    community whose inputs did not change since its last build is ``unchanged`` (not built)
    unless ``force``.
    """
    started = time.perf_counter()
    folders = communities(paths)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cache = str(out / CACHE)
    names = _output_names(folders)
    wanted = tuple(formats) if formats is not None else None
    own = executor is None
    runner = executor if executor is not None else (_Inline() if jobs == 1 else _pool(jobs))
    jsonl = out / f"{REPORT}.jsonl"
    counts = {"built": 0, "unchanged": 0, "failed": 0}
    window = 2 * (jobs or os.cpu_count() or 1) if own else WINDOW
    tasks = _tasks(folders, names, out, wanted, force, cache)
    try:
        with jsonl.open("w", encoding="utf-8") as stream:
            for row in _finished(runner, tasks, window):
                counts[row.status] += 1
                stream.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
                stream.flush()
                if progress is not None:
                    progress(row)
    finally:
        if own:
            runner.shutdown(wait=True, cancel_futures=True)
        close_converters()
    order = {str(f): i for i, f in enumerate(folders)}
    seconds = round(time.perf_counter() - started, 3)
    report_json, report_xlsx = _write_reports(out, jsonl, order, counts, seconds)
    return BatchResult(
        out,
        counts["built"],
        counts["unchanged"],
        counts["failed"],
        seconds,
        report_json,
        report_xlsx,
        jsonl,
    )


def _tasks(
    folders: Sequence[Path],
    names: Sequence[str],
    out: Path,
    formats: Sequence[str] | None,
    force: bool,
    cache: str,
) -> Iterator[CommunityResult | tuple[str, tuple[Any, ...]]]:
    """For each community, its row when it is unchanged, else its task for the executor."""
    for folder, name in zip(folders, names, strict=True):
        source, output = str(folder), str(out / name)
        skipped = None if force else _skipped(source, output, formats)
        yield skipped or (source, (build_community, source, output, formats, force, cache))


def _finished(
    runner: Executor,
    tasks: Iterator[CommunityResult | tuple[str, tuple[Any, ...]]],
    window: int,
) -> Iterator[CommunityResult]:
    """Each community's row as it finishes (an unchanged one's at once); at most ``window``
    communities are submitted and not yet finished, and a finished one's future is dropped,
    so the parent holds nothing per community however many there are (rows go to disk)."""
    running: dict[Future[CommunityResult], str] = {}
    for task in tasks:
        if isinstance(task, CommunityResult):
            yield task
            continue
        source, (fn, *args) = task
        running[runner.submit(fn, *args)] = source
        if len(running) >= window:
            yield from _collect(running)
    while running:
        yield from _collect(running)


def _collect(running: dict[Future[CommunityResult], str]) -> Iterator[CommunityResult]:
    done, _ = wait(running, return_when=FIRST_COMPLETED)
    for future in done:
        source = running.pop(future)
        try:
            yield future.result()
        except BaseException as exc:  # the worker itself died (killed, out of memory …)
            if isinstance(exc, KeyboardInterrupt):
                raise
            yield CommunityResult(Path(source).name, source, "", "failed", error=f"worker: {exc!r}")


def _rows(jsonl: Path) -> Iterator[CommunityResult]:
    with jsonl.open(encoding="utf-8") as stream:
        for line in stream:
            yield CommunityResult(**json.loads(line))


def _write_reports(
    out: Path, jsonl: Path, order: dict[str, int], counts: dict[str, int], seconds: float
) -> tuple[Path, Path]:
    rows = sorted(_rows(jsonl), key=lambda r: order.get(r.source, len(order)))
    data = {"summary": {**counts, "seconds": seconds}, "communities": [asdict(r) for r in rows]}
    report_json = write_atomic(
        out / f"{REPORT}.json", (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    )
    from .render.xlsx.batch_report import batch_report_xlsx

    report_xlsx = write_atomic(out / f"{REPORT}.xlsx", batch_report_xlsx([asdict(r) for r in rows]))
    return report_json, report_xlsx
