"""Long lines: reading figures stays linear in the length of the text, whatever it repeats."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import Document
from factlint.plugins.numbers.extract import extract
from factlint.plugins.numbers.facts import records
from factlint.plugins.numbers.reader import _TOKEN_SET, _TOKENS, _word_candidate, candidates
from factlint.segment import segment

# one sentence-less line each: the worst case for anything read per sentence or per run of words
PATTERNS = ["9,", "nine ", "one and a half ", "twenty-one ", "a hundred ", "9 troops died in Kursk, ", "over 9,000 people "]


def _cpu(text: str) -> float:
    """CPU seconds to extract a document's figures and their records (best of two)."""
    best = float("inf")
    for _ in range(2):
        doc = Document(id="long", text=text)
        segment(doc)
        t = time.process_time()
        doc.assertions.extend(extract(doc))
        records(doc)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("unit", PATTERNS)
def test_time_grows_linearly_with_the_line(unit):
    n = 2_000
    short, long = ((unit * (k // len(unit) + 1))[:k] for k in (n, 4 * n))
    t_short, t_long = _cpu(short), _cpu(long)
    # four times the text: about four times the time; quadratic work would take sixteen
    assert t_long < 8 * t_short + 0.05, (unit, t_short, t_long)


_WORDS = ["one", "two", "nine", "twenty", "hundred", "thousand", "million", "half", "quarter", "a", "and", "of",
          "third", "thirds", "dozen", "dozens", "several", "tens", "point", "first", "people", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), st.sampled_from([" ", "-", " - "]))
def test_word_runs_found_once_read_as_if_each_word_were_matched(words, sep):
    """Skipping the words inside a run already matched changes no candidate (no digits: words only)."""
    low = sep.join(words).replace(" ,", ",").replace(" .", ".")
    present = {_TOKENS[t] for t in _TOKEN_SET.intersection(low.replace("-", " ").split())}  # as `candidates` finds them
    fresh: list = []
    for pos, w in sorted(
        (pos, w) for w in present for pos in range(len(low)) if low.startswith(w, pos)
        and (pos == 0 or not low[pos - 1].isalpha()) and not low[pos + len(w) : pos + len(w) + 1].isalpha()
    ):
        _word_candidate(low, pos, w, fresh, [0, 0])  # no run remembered: every word matched afresh
    fresh.sort()
    kept, end = [], -1
    for cand in fresh:
        if cand[0] >= end:
            kept.append(cand)
            end = cand[1]
    words_found = [c for c in candidates(low) if c[2] in ("words", "vague")]
    assert words_found == kept
