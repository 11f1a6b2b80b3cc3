"""Generate community folders for benchmarks and tests: copies of the examples, each with its own
name and its injury records thinned or repeated, so no two dossiers are the same."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "community.yaml").is_file())


def make_communities(folder: Path, count: int) -> list[Path]:
    """``count`` community folders under ``folder``: example ``n % 3`` renamed with its number,
    and every record whose row number is a multiple of ``2 + n % 5`` dropped (varied data)."""
    made = []
    for n in range(count):
        source = EXAMPLES[n % len(EXAMPLES)]
        target = folder / f"c{n:03d}-{source.name}"
        shutil.copytree(source, target)
        community = target / "community.yaml"
        text = community.read_text(encoding="utf-8")
        first = next(line for line in text.splitlines() if line.startswith("name: "))
        community.write_text(text.replace(first, f"{first}{n:03d}", 1), encoding="utf-8")
        records = target / "injuries.csv"
        with records.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        step = 2 + n % 5
        kept = [rows[0], *(r for i, r in enumerate(rows[1:], 1) if i % step)]
        with records.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(kept)
        made.append(target)
    return made
