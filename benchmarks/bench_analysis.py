"""Benchmark: analyse 100,000 injury records (every table, rates, findings, duplicates).

Run: .venv/bin/python benchmarks/bench_analysis.py [--records 100000] [--repeat 5]
Records are generated in memory (valid by the card rules, built with ``model_construct``) and
the community is the qinghe-street example's. Prints the median and the individual timings.
Target: median < 2 s for 100,000 records.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from safecommunity_docs import load
from safecommunity_docs.analysis import analyse
from safecommunity_docs.codes import (
    TRAFFIC_CAUSES,
    WHOLE_BODY_CAUSES,
    Alcohol,
    BodyPart,
    Education,
    Household,
    InjuryActivity,
    InjuryCause,
    InjuryIntent,
    InjuryNature,
    InjuryPlace,
    Occupation,
    Outcome,
    Severity,
    Sex,
)
from safecommunity_docs.models import InjuryRecord

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2021, 1, 1)
MINUTES = 5 * 365 * 24 * 60


def generate(n: int, sub_units: list[str], seed: int = 20260301) -> list[InjuryRecord]:
    """Return ``n`` valid records: the cause fixes place, body part and nature where it must."""
    rng = random.Random(seed)
    causes, places, parts = list(InjuryCause), list(InjuryPlace), list(BodyPart)
    natures, activities = list(InjuryNature), list(InjuryActivity)
    households = [None, *Household]
    educations = [None, *Education]
    occupations = [None, *Occupation]
    units = [None, *sub_units]
    records = []
    for i in range(n):
        cause = rng.choice(causes)
        injury = START + timedelta(minutes=rng.randrange(MINUTES))
        visit = injury + timedelta(minutes=rng.randrange(30, 600))
        records.append(
            InjuryRecord.model_construct(
                card_no=f"B{i:06d}",
                name=None,
                sex=Sex.MALE if rng.random() < 0.55 else Sex.FEMALE,
                age=rng.randrange(0, 100),
                birth_date=None,
                household=rng.choice(households),
                education=rng.choice(educations),
                occupation=rng.choice(occupations),
                disabled=rng.random() < 0.03,
                sub_unit=rng.choice(units),
                injury_time=injury,
                visit_time=visit,
                report_date=visit.date(),
                cause=cause,
                place=InjuryPlace.ROAD if cause in TRAFFIC_CAUSES else rng.choice(places),
                activity=rng.choice(activities),
                intent=InjuryIntent.UNINTENTIONAL,
                alcohol=Alcohol.UNKNOWN,
                nature=[InjuryNature.BURN] if cause is InjuryCause.BURN else [rng.choice(natures)],
                body_part=BodyPart.WHOLE_BODY if cause in WHOLE_BODY_CAUSES else rng.choice(parts),
                severity=rng.choice(
                    (Severity.MILD, Severity.MILD, Severity.MODERATE, Severity.SEVERE)
                ),
                outcome=Outcome.DISCHARGED,
                reporting_unit=None,
                description=None,
            )
        )
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    community = load(ROOT / "examples" / "qinghe-street").community
    t0 = time.perf_counter()
    records = generate(args.records, community.sub_units)
    generated = time.perf_counter() - t0
    times = []
    stats = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        stats = analyse(records, community)
        times.append(time.perf_counter() - t0)
    assert stats is not None
    sys.stdout.write(
        f"analyse {len(records):,} records: median {statistics.median(times):.3f} s "
        f"(runs: {', '.join(f'{t:.3f}' for t in times)}); "
        f"{len(stats.findings)} findings, {len(stats.duplicates)} duplicate pairs; "
        f"generation {generated:.2f} s\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
