"""The measuring tools: the stage clock and the benchmark's corpus and floor helpers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from factlint.api import make_config
from factlint.clock import STAGES, StageClock, rss_bytes
from factlint.document import Document
from factlint.pipeline import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import builtin_phrases, corpus_info, floor_pattern, repeat_corpus  # noqa: E402


def test_the_stage_clock_charges_every_stage_and_leaves_the_report_alone():
    texts = {f"d{i}": f"Police said {i} people were held.\n\n\"It was calm,\" said Ann Lee." for i in range(40)}
    engine = Engine(make_config({}))
    plain = engine.check([Document(id=k, text=v) for k, v in texts.items()], jobs=1).to_json_dict()
    clock = StageClock(every=4)
    engine.clock = clock
    timed = engine.check([Document(id=k, text=v) for k, v in texts.items()], jobs=1).to_json_dict()
    assert timed == plain
    assert set(clock.cpu) <= set(STAGES) and {"load", "segment", "extract", "rules", "report"} <= set(clock.cpu)
    assert clock.laps["segment"] == 40
    assert all(v >= 0 for v in clock.cpu.values()) and clock.wall["segment"] > 0
    assert clock.rss["segment"] > 0 and rss_bytes() > 0


def test_repeated_corpus_has_whole_copies_with_unique_ids(tmp_path):
    src = tmp_path / "src.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": "one two three"}) + "\n" for i in range(5)), "utf-8")
    info = repeat_corpus(src, tmp_path / "big.jsonl", 3 * src.stat().st_size - 10)
    records = [json.loads(line) for line in (tmp_path / "big.jsonl").read_text("utf-8").splitlines()]
    assert info["copies"] == 3 and len(records) == info["documents"] == 15
    assert len({r["id"] for r in records}) == 15
    assert corpus_info(tmp_path / "big.jsonl")["words"] == 45


def test_the_floor_pattern_finds_phrases_and_numbers_as_whole_words():
    pattern = floor_pattern(["it is believed", "sources say", "believe"])
    text = "It is believed that 1,200 people, or 3.5 per cent, and twenty others left, sources sayings say."
    assert [m.group() for m in pattern.finditer(text)] == ["It is believed", "1,200", "3.5 per cent", "twenty"]
    phrases = builtin_phrases()
    assert phrases == sorted(set(phrases)) and not any(" = " in p for p in phrases)
