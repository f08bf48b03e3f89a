"""The corpus pass judges the figures once for NUM001 and NUM002, as the engine hands them their records."""

import sys
from pathlib import Path

from factlint.plugins.numbers.facts import shared_analysis
from factlint.store import KEEP, Records, Spill

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


def test_records_compared_over_a_spill_on_disk():
    recs = synthetic(KEEP + 500)
    spill = Spill()
    for r in recs:  # one record a document: more documents than a spill keeps in memory
        spill.append({"NUM001": [r], "NUM002": [r]})
    first, second = Records(spill, "NUM001", len(recs)), Records(spill, "NUM002", len(recs))
    assert first == second and first == recs and recs == first
    assert [a for a, b in zip(first, second) if a == b] == recs  # two passes side by side over one file
    changed = Spill()
    for r in recs:
        changed.append({"NUM001": [r], "NUM002": [r._replace(lo=r.lo - 1.0) if r is recs[-1] else r]})
    assert Records(changed, "NUM001", len(recs)) != Records(changed, "NUM002", len(recs))


def test_records_equal_however_the_documents_split_them():
    a, b, c = synthetic(3)
    spill = Spill()
    spill.append({"NUM001": [a, b], "NUM002": [a]})
    spill.append({"NUM001": [c], "NUM002": [b, c]})
    assert Records(spill, "NUM001", 3) == Records(spill, "NUM002", 3)
    assert Records(spill, "NUM001", 3) != [a, c, b]
