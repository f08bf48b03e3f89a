"""The corpus pass judges the figures once for NUM001 and NUM002, as the engine hands them their records."""

import sys
from pathlib import Path

from factlint.plugins.numbers.facts import shared_analysis
from factlint.store import Records, Spill

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.figures_grouping import synthetic  # noqa: E402


def test_one_analysis_for_two_sequences_of_the_same_records():
    recs = synthetic(300)
    spill = Spill()
    for i in range(0, len(recs), 30):  # each document's records for both rules, as the engine spills them
        spill.append({"NUM001": recs[i : i + 30], "NUM002": recs[i : i + 30]})
    first = shared_analysis(Records(spill, "NUM001", len(recs)))
    assert shared_analysis(Records(spill, "NUM002", len(recs))) is first  # another sequence, the same records
    changed = [*recs[:-1], recs[-1]._replace(lo=recs[-1].lo - 1.0)]
    other = shared_analysis(changed)
    assert other is not first
    assert len(other.judgements) == len(first.judgements)
