"""Fetch FandolFang/FandolKai into a folder with the library's own code, before any virtualenv.

``tools/setup-system.sh`` runs this with the system's Python: it loads
``src/safecommunity_docs/render/pdf/fandol.py`` by its path (that module needs only the standard
library), the same code ``safecommunity-docs fonts install`` runs from an installed wheel.
Usage: ``python3 tools/fetch_fonts.py DIR``; exit 0 when both fonts are in DIR, 1 otherwise.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

FANDOL = Path(__file__).resolve().parents[1] / "src/safecommunity_docs/render/pdf/fandol.py"


def load_fandol() -> ModuleType:
    """Import ``fandol.py`` without importing the package (whose dependencies may be absent)."""
    spec = importlib.util.spec_from_file_location("scd_fandol", FANDOL)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {FANDOL}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and friends look their module up
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: fetch_fonts.py DIR", file=sys.stderr)
        return 2
    fandol = load_fandol()
    dest = Path(argv[0])
    try:
        for path in fandol.install(dest):
            print(f"setup: {path}")
    except fandol.FetchError as exc:
        print(f"setup: {exc}", file=sys.stderr)
        print(f"  by hand: {fandol.manual_steps(dest)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
