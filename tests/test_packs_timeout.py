"""A pathological pattern cannot hang the run: its rule is stopped and reported, the rest goes on."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from factlint.api import make_config
from factlint.document import Document
from factlint.pipeline import Engine

SLOW = Path(__file__).resolve().parent / "packs" / "slow.toml"


def test_catastrophic_pattern_on_a_100k_line_is_stopped_at_its_budget():
    line = "a" * 100_000 + "!"  # (a+)+$ backtracks through every split of the run before failing at "!"
    docs = [Document(id="long", text=line), Document(id="short", text="Say aaa")]
    slow = Engine(make_config({"rule_packs": [str(SLOW)], "select": ["SLOW", "TXT"]}))
    plain = Engine(make_config({"rule_packs": [str(SLOW)], "select": ["TXT"]}))  # the same run without the pattern
    for engine in (slow, plain):
        engine.warm_up()
    signal.signal(signal.SIGALRM, _hung)
    signal.alarm(10)  # fail, rather than hang the suite, if the budget does not hold
    try:
        report, cost = _cpu(slow, docs)
        baseline = min(_cpu(plain, docs)[1] for _ in range(2))
    finally:
        signal.alarm(0)
    # Unstopped, the pattern would take CPU minutes. The budget is 0.2 s of CPU (the `regex` module's
    # timeout counts CPU time): the run may cost that much more than the same run without the pattern.
    # CPU time, not wall time, so a busy machine does not fail the test.
    assert cost - baseline < 0.2 + 0.3, (cost, baseline)
    errors = [f for f in report.findings if f.document == "long"]
    assert [(f.code, f.severity.value) for f in errors] == [("TXT900", "error")]
    assert errors[0].message.startswith(f"rule SLOW001 (catastrophic-backtracking, {SLOW}:")
    assert "was stopped after 0.2 s" in errors[0].message
    assert [(f.code, f.excerpt) for f in report.findings if f.document == "short"] == [("SLOW001", "aaa")]


def _cpu(engine: Engine, docs: list[Document]):
    start = time.process_time()
    report = engine.check([Document(id=d.id, text=d.text) for d in docs], jobs=1)
    return report, time.process_time() - start


def _hung(signum, frame):
    raise AssertionError("the pattern was not stopped")


def test_the_budget_grows_with_the_document():
    from factlint.packs.match import Budget

    assert Budget(0.2, 10_000).limit == 0.2
    assert Budget(0.2, 3_000_000).limit == 0.2 * 3
