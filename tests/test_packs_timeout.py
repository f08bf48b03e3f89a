"""A pathological pattern cannot hang the run: its rule is stopped and reported, the rest goes on."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from factlint.api import make_config
from factlint.document import Document
from factlint.pipeline import Engine

SLOW = Path(__file__).resolve().parent / "packs" / "slow.toml"


def test_catastrophic_pattern_on_a_100k_line_stops_within_a_second():
    engine = Engine(make_config({"rule_packs": [str(SLOW)], "select": ["SLOW", "TXT"]}))
    line = "a" * 100_000 + "!"  # (a+)+$ backtracks through every split of the run before failing at "!"
    docs = [Document(id="long", text=line), Document(id="short", text="Say aaa")]
    signal.signal(signal.SIGALRM, _hung)
    signal.alarm(10)  # fail, rather than hang the suite, if the budget does not hold
    try:
        start = time.perf_counter()
        report = engine.check(docs)
        elapsed = time.perf_counter() - start
    finally:
        signal.alarm(0)
    assert elapsed < 1.0
    errors = [f for f in report.findings if f.document == "long"]
    assert [(f.code, f.severity.value) for f in errors] == [("TXT900", "error")]
    assert errors[0].message.startswith(f"rule SLOW001 (catastrophic-backtracking, {SLOW}:")
    assert "was stopped after 0.2 s" in errors[0].message
    assert [(f.code, f.excerpt) for f in report.findings if f.document == "short"] == [("SLOW001", "aaa")]


def _hung(signum, frame):
    raise AssertionError("the pattern was not stopped")


def test_the_budget_grows_with_the_document():
    from factlint.packs.match import Budget

    assert Budget(0.2, 10_000).limit == 0.2
    assert Budget(0.2, 3_000_000).limit == 0.2 * 3
