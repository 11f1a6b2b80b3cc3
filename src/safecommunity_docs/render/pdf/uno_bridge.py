"""A stand-alone UNO client run by the system Python: converts documents in a warm soffice.

It is started as ``/usr/bin/python3 -I uno_bridge.py PIPE_NAME STARTUP_TIMEOUT`` next to a
``soffice --accept=pipe,name=PIPE_NAME;urp;`` process, imports only the standard library and
Debian's ``python3-uno``, and speaks JSON lines: it prints ``{"ready": true}`` once connected,
then answers each request ``{"src": PATH, "dst": PATH}`` with ``{"ok": true, "seconds": S}`` or
``{"ok": false, "error": TEXT, "fatal": BOOL}``; after a fatal answer (the office is gone) it exits.
``{"quit": true}`` asks the office to terminate (so it removes its pipes) and ends the bridge.
It never imports the rest of the library, whose dependencies the system Python does not have.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path
from typing import Any

FILTERS = {".docx": "writer_pdf_Export", ".xlsx": "calc_pdf_Export"}


def _reply(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _props(uno: Any, **values: Any) -> tuple[Any, ...]:
    """Return a tuple of com.sun.star.beans.PropertyValue from keyword arguments."""
    result = []
    for key, value in values.items():
        prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        prop.Name = key
        prop.Value = value
        result.append(prop)
    return tuple(result)


def _connect(uno: Any, pipe: str, timeout: float) -> Any:
    """Return the office's Desktop, retrying until ``timeout`` seconds while soffice starts."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _convert(uno: Any, desktop: Any, src: str, dst: str) -> None:
    """Load ``src`` hidden and read-only, with macros disabled, and export it to PDF ``dst``
    (a workbook, ``.xlsx``, with Calc's export and its own print setup)."""
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(src),
        "_blank",
        0,
        _props(uno, Hidden=True, ReadOnly=True, MacroExecutionMode=0, UpdateDocMode=0),
    )
    if doc is None:
        raise RuntimeError(f"LibreOffice could not open {src}")
    try:
        doc.storeToURL(
            uno.systemPathToFileUrl(dst),
            _props(uno, FilterName=FILTERS.get(Path(src).suffix, "writer_pdf_Export")),
        )
    finally:
        try:
            doc.close(True)
        except Exception:
            doc.dispose()


def _alive(desktop: Any) -> bool:
    """Return whether the office still answers a cheap call."""
    try:
        desktop.getFrames()
    except Exception:
        return False
    return True


def main(argv: list[str]) -> int:
    """Connect to the office on pipe ``argv[1]`` and serve conversion requests from stdin."""
    import uno  # type: ignore[import-not-found]  # Debian's python3-uno, system Python only

    pipe, timeout = argv[1], float(argv[2])
    started = time.monotonic()
    try:
        desktop = _connect(uno, pipe, timeout)
    except Exception as exc:
        _reply({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 3
    _reply({"ready": True, "seconds": time.monotonic() - started})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get("quit"):
            with contextlib.suppress(Exception):
                desktop.terminate()
            _reply({"ok": True, "quit": True})
            return 0
        began = time.monotonic()
        try:
            _convert(uno, desktop, request["src"], request["dst"])
        except Exception as exc:
            fatal = not _alive(desktop)
            _reply({"ok": False, "error": f"{type(exc).__name__}: {exc}", "fatal": fatal})
            if fatal:
                return 4
            continue
        _reply({"ok": True, "seconds": time.monotonic() - began})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
