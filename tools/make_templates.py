"""Write the default Word templates (src/safecommunity_docs/templates/*.docx) from code.

Every style decision lives in src/safecommunity_docs/render/docx/ooxml.py; this script only
writes the files. A test checks that the committed templates equal a fresh generation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from safecommunity_docs.render.docx.template_body import TEMPLATE_KINDS, template_bytes

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "src" / "safecommunity_docs" / "templates"


def main(argv: Sequence[str] | None = None) -> int:
    """Write every default template into the folder given (default: the package's)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    for kind in TEMPLATE_KINDS:
        path = args.output / f"{kind}.docx"
        path.write_bytes(template_bytes(kind))
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
