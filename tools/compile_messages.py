"""Compile the message catalogues (locale/<locale>/LC_MESSAGES/*.po) to .mo files with babel.

Usage: python tools/compile_messages.py   (writes each .mo beside its .po). The .mo files are
committed, so the wheel ships them; a test checks each equals a fresh compilation.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "safecommunity_docs" / "locale"


def compiled(po: Path) -> bytes:
    """The .mo bytes of the catalogue ``po`` (fuzzy entries left out, as gettext does)."""
    with po.open("rb") as fp:
        catalog = read_po(fp)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def catalogues(folder: Path = LOCALE_DIR) -> list[Path]:
    """Every .po file under ``folder``."""
    return sorted(folder.glob("*/LC_MESSAGES/*.po"))


def main() -> int:
    for po in catalogues():
        mo = po.with_suffix(".mo")
        mo.write_bytes(compiled(po))
        sys.stdout.write(f"{mo}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
