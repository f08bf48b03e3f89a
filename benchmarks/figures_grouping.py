"""Benchmark: group 1,000,000 synthetic figures into facts and compare them (NUM001's corpus pass).

    python benchmarks/figures_grouping.py [N]

Figures are spread over 50,000 fact keys (measure × holder × place) and 100,000
documents; about 1 in 20 is off by a factor, so conflicts exist. Prints the
seconds taken to build the records, to group and judge them, and to build
the ledger.
"""

from __future__ import annotations

import random
import sys
import time

from factlint.plugins.numbers.facts import Record, group, judge, ledger

MEASURES = ["troops", "deaths", "injured", "evacuated", "arrested", "jobs", "homes", "votes", "profit", "debt"]


def synthetic(n: int, seed: int = 7) -> list[Record]:
    rng = random.Random(seed)
    holders = [f"country{i}" for i in range(100)]
    places = [f"town{i}" for i in range(50)]
    out = []
    for i in range(n):
        m, h, p = rng.choice(MEASURES), rng.choice(holders), rng.choice(places)
        true = 1000 + (hash((m, h, p)) % 50_000)
        value = true * (3 if rng.random() < 0.05 else rng.uniform(0.9, 1.1))
        half = value * 0.15  # "about N"
        out.append(Record(
            f"{m}||count|amount", h, p, None, False, value - half, value + half, value - half, value + half, value,
            f"{value:,.0f}", f"doc{i % 100_000}", None, i, i + 5, 1, 1, None, False, False, frozenset(), m,
        ))
    return out


def main(n: int) -> None:
    t0 = time.perf_counter()
    recs = synthetic(n)
    t1 = time.perf_counter()
    facts = group(recs)
    judgements = [judge(f) for f in facts]
    t2 = time.perf_counter()
    rows = ledger(judgements)
    t3 = time.perf_counter()
    conflicts = sum(len(j.outliers) for j in judgements)
    print(f"{n:,} figures: records built in {t1 - t0:.1f} s; grouped into {len(facts):,} facts and judged in {t2 - t1:.1f} s "
          f"({conflicts:,} conflicting figures); ledger of {len(rows):,} rows in {t3 - t2:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
