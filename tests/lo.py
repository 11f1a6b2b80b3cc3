"""LibreOffice helpers for tests: recalculate workbooks headless, in one soffice call."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook, load_workbook

from safecommunity_docs.render.pdf import LibreOfficeConverter


def soffice() -> str:
    """Return the soffice binary; fail (never skip) when the set-up did not install it."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        raise AssertionError(
            "LibreOffice is not installed: run `make test` (its set-up installs "
            "libreoffice-calc-nogui) or apt-get install libreoffice-calc-nogui"
        )
    return path


def recalc(files: dict[str, bytes], work: Path) -> dict[str, Workbook]:
    """Open each .xlsx in LibreOffice, let it compute every formula, and read the values back."""
    src, out, profile = work / "in", work / "out", work / "profile"
    for folder in (src, out):
        folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = src / f"{name}.xlsx"
        path.write_bytes(data)
        paths.append(str(path))
    subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            *paths,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {name: load_workbook(out / f"{name}.xlsx", data_only=True) for name in files}


def to_pdf(name: str, data: bytes, work: Path) -> bytes:
    """Convert one document (``name`` with its extension, e.g. ``report.xlsx``) to PDF with
    LibreOffice headless, as a user printing it would, and return the PDF bytes."""
    src, out, profile = work / "in", work / "out", work / "profile"
    for folder in (src, out):
        folder.mkdir(parents=True, exist_ok=True)
    path = src / name
    path.write_bytes(data)
    subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return (out / path.with_suffix(".pdf").name).read_bytes()


def named_value(book: Workbook, name: str) -> object:
    """Return the value of the cell a defined name points at."""
    [(sheet, address)] = list(book.defined_names[name].destinations)
    return book[sheet][address.replace("$", "")].value


@contextmanager
def worker_killed_after_first_document(converter: LibreOfficeConverter) -> Iterator[list[int]]:
    """While the block runs, kill one soffice worker (its process group) as soon as the
    converter has finished its first document; yields the list of killed pids."""
    killed: list[int] = []

    def kill() -> None:
        deadline = time.monotonic() + 120
        while converter.stats.documents < 1 and time.monotonic() < deadline:
            time.sleep(0.005)
        pid = converter.worker_pids()[0]
        os.killpg(pid, signal.SIGKILL)
        killed.append(pid)

    killer = threading.Thread(target=kill)
    killer.start()
    try:
        yield killed
    finally:
        killer.join()
