"""Benchmark: the cross-article numeric pass over 1,000,000 synthetic figures.

    python benchmarks/figures_grouping.py [N]

Figures are spread over 50,000 fact keys (measure × holder × place) and 100,000
documents; about 1 in 20 is off by a factor, so conflicts exist. Prints, in CPU
seconds of one process (wall clock in brackets): grouping into facts, judging
them, building the figures ledger, and the whole corpus pass as the engine runs
it — NUM001's `finish` (group, judge, ledger, findings) then NUM002's (which
reuses NUM001's judgements), each handed its own `Records` sequence as the engine does.
"""

from __future__ import annotations

import random
import sys
import time
import zlib

from factlint.plugins.numbers.facts import Record, group, judge, ledger, shown
from factlint.plugins.numbers.rules import FigureConflict, FigureDivergence
from factlint.store import Records, Spill

MEASURES = ["troops", "deaths", "injured", "evacuated", "arrested", "jobs", "homes", "votes", "profit", "debt"]


def synthetic_fields(n: int, seed: int = 7) -> list[tuple]:
    """The fields of n synthetic records (the benchmark's input, not part of a real run)."""
    rng = random.Random(seed)
    holders = [f"country{i}" for i in range(100)]
    places = [f"town{i}" for i in range(50)]
    keys = {m: f"{m}||count|amount" for m in MEASURES}
    true: dict[tuple, int] = {}
    names = frozenset()
    out = []
    for i in range(n):
        m, h, p = rng.choice(MEASURES), rng.choice(holders), rng.choice(places)
        t = true.get((m, h, p))
        if t is None:
            t = true[m, h, p] = 1000 + zlib.crc32(f"{m}|{h}|{p}".encode()) % 50_000  # the same in every process
        value = t * (3 if rng.random() < 0.05 else rng.uniform(0.9, 1.1))
        half = value * 0.15  # "about N"
        out.append((keys[m], h, p, None, False, value - half, value + half, value - half, value + half, value,
                    f"{value:,.0f}", f"doc{i % 100_000}", None, i, i + 5, 1, 1, None, False, False, names, m))
    return out


def synthetic(n: int, seed: int = 7) -> list[Record]:
    return [Record(*f, shown(f[5], f[6])) for f in synthetic_fields(n, seed)]


class _Clock:
    def __init__(self) -> None:
        self.cpu, self.wall = time.process_time(), time.perf_counter()

    def lap(self) -> str:
        cpu, wall = time.process_time(), time.perf_counter()
        out = f"{cpu - self.cpu:.1f} s ({wall - self.wall:.1f} s wall)"
        self.cpu, self.wall = cpu, wall
        return out


def main(n: int) -> None:
    clock = _Clock()
    fields = synthetic_fields(n)
    generated = clock.lap()
    recs = [Record(*f, shown(f[5], f[6])) for f in fields]  # what collecting costs per record in a real run, beside reading the figure
    built = clock.lap()
    del fields
    facts = group(recs)
    grouped = clock.lap()
    judgements = [judge(f) for f in facts]
    judged = clock.lap()
    rows = ledger(judgements)
    ledgered = clock.lap()
    conflicts = sum(len(j.outliers) for j in judgements)
    del facts, judgements, rows
    clock.lap()
    spill = Spill()  # as the engine hands them over: each rule its own `Records` sequence (here in memory, 10,000 to an item)
    for i in range(0, len(recs), 10_000):
        spill.append({"NUM001": recs[i : i + 10_000], "NUM002": recs[i : i + 10_000]})
    rules = FigureConflict(), FigureDivergence()  # kept, as the engine keeps them: NUM002 reuses NUM001's judgements
    found = sum(len(list(rule.finish(Records(spill, rule.code, len(recs))))) for rule in rules)
    passed = clock.lap()
    print(f"{n:,} figures (synthetic fields generated in {generated}, Record tuples built in {built}): grouping {grouped}, judging {judged} ({conflicts:,} conflicting "
          f"figures), ledger {ledgered}; the corpus pass (NUM001 and NUM002 finish, {found:,} findings): {passed}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
