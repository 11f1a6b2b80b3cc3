"""Write the default Word templates (src/safecommunity_docs/templates/*.docx) from code.

Every style decision lives in src/safecommunity_docs/render/docx/ooxml.py; which templates exist
comes from the kinds' declarations. This script only writes the files. A test checks that the
committed templates equal a fresh generation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from safecommunity_docs.kinds import all_kinds
from safecommunity_docs.render.docx.template_body import template_bytes

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "src" / "safecommunity_docs" / "templates"


def templates() -> dict[str, bytes]:
    """File name -> bytes of every kind's default template."""
    return {
        f"{kind.template}.docx": template_bytes(
            kind.template_title or kind.label, kind.page_numbers, kind.typography
        )
        for kind in all_kinds()
        if kind.template is not None
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write every default template into the folder given (default: the package's)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    for name, data in templates().items():
        path = args.output / name
        path.write_bytes(data)
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
