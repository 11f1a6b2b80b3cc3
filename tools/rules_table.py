"""Write docs/compliance-rules.md: every compliance rule's id, element, severity and message.

A test checks that the committed file equals a fresh generation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from safecommunity_docs.compliance.table import rules_markdown

DEFAULT = Path(__file__).resolve().parents[1] / "docs" / "compliance-rules.md"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the rules table to the file given (default: docs/compliance-rules.md)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(rules_markdown(), encoding="utf-8")
    sys.stdout.write(f"{args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
