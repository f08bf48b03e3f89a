"""Local executors: the process pool gives the local report, streams with a bounded window,
and corpus rules with a fact key give the same findings per key group as over all records."""

from __future__ import annotations

import speed_plugin

from factlint.api import make_config
from factlint.document import Document
import json

from factlint.cache import ResultCache
from factlint.executors import PARTITION_DOCS, InProcess, ProcessPool, partitions
from factlint.loading import LoadError, Source, split
from factlint.pipeline import Engine
from factlint.registry import Registry

TEXTS = [
    "Police said {n} people were arrested.\n\nThe march drew {m} marchers, organisers said.",
    "\"We counted {m} marchers,\" said Ann Lee, a spokeswoman.\n\nAbout {n} people were held.",
    "Previous Article\n\nA total of {n} people were arrested.",
]


def corpus(size: int) -> list:
    items: list = [Document(id=f"d{i}", text=TEXTS[i % 3].format(n=100 + i % 4, m=5000 + i % 7)) for i in range(size)]
    items.insert(size // 2, LoadError(document="missing.txt", path="missing.txt", message="no such file or directory"))
    return items


def engine() -> Engine:
    return Engine(make_config({}), Registry((), [speed_plugin]))


def test_two_processes_give_the_single_process_report():
    items = corpus(150)
    single = engine().check(items, executor=InProcess()).to_json_dict()
    double = engine().check(corpus(150), executor=ProcessPool(2)).to_json_dict()
    assert double == single
    assert single["summary"]["documents"] == 151
    assert any(f["code"] == "SPD901" for f in single["findings"])


def test_the_pool_reads_ahead_a_bounded_window_only():
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(3000):
            pulled += 1
            yield i, Document(id=f"d{i}", text="About 12 people were there.")

    pool = ProcessPool(2, window=2)
    results = pool.map(engine(), items())
    first = next(results)
    assert first.result.index == (0, 0, 0)
    assert pulled <= (2 * 2 + 1) * PARTITION_DOCS
    assert [o.result.index[0] for o in results] == list(range(1, 3000))


def test_partitions_cut_on_documents_and_characters():
    items = [(i, Document(id=str(i), text="x" * 100)) for i in range(10)]
    assert [len(p) for p in partitions(items, docs=4, chars=10_000)] == [4, 4, 2]
    assert [len(p) for p in partitions(items, docs=100, chars=250)] == [3, 3, 3, 1]
    ranged = [(0, 0, Source("a.jsonl", ".jsonl", None, 0, 10)), (0, 1, Source("a.jsonl", ".jsonl", None, 10, 20))]
    assert [len(p) for p in partitions(items[:3] + ranged + items[3:5], docs=4)] == [3, 1, 1, 2]


def test_fact_key_groups_give_the_findings_of_one_finish():
    eng = engine()
    rule = next(r for r in eng.rules_for() if r.code == "SPD901")
    records = [rec for item in corpus(30) if isinstance(item, Document) for rec in _collect(eng, rule, item)]
    whole = list(type(rule)().finish(records))
    grouped, sections = eng._finish(rule, records, InProcess())
    key = lambda f: (f.document, f.start, f.message)  # noqa: E731
    assert sorted(grouped, key=key) == sorted(whole, key=key) and whole
    assert {row["noun"] for row in sections["test_figures"]} == {"people", "marcher"}


def _collect(eng, rule, doc):
    from factlint.segment import segment

    segment(doc)
    return rule.collect(doc)


def jsonl(tmp_path, count: int):
    lines = [json.dumps({"id": f"r{i}", "text": TEXTS[i % 3].format(n=100 + i % 4, m=5000 + i % 7)}) for i in range(count)]
    lines.insert(count // 3, "{not json")
    lines.insert(count // 2, "")
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_byte_ranges_cover_the_file_at_line_boundaries(tmp_path):
    path = jsonl(tmp_path, 300)
    data = path.read_bytes()
    pieces = list(split(Source(str(path), ".jsonl"), 1000))
    assert len(pieces) > 10
    assert b"".join(p.open().read() for p in pieces) == data
    for piece in pieces:
        assert piece.start == 0 or data[piece.start - 1 : piece.start] == b"\n"
        assert piece.line == data.count(b"\n", 0, piece.start) + 1
    assert list(split(Source("-", ".jsonl", data), 1000)) == [
        Source("-", ".jsonl", data, p.start, p.end, p.line) for p in pieces
    ]


def test_workers_read_a_split_file_and_give_the_single_process_report(tmp_path):
    path = jsonl(tmp_path, 2000)
    eng = engine()
    single = eng.check(eng.inputs([str(path)]), executor=InProcess()).to_json_dict()
    double = engine().check(engine().inputs([str(path)]), executor=ProcessPool(2)).to_json_dict()
    assert double == single
    broken = [f for f in single["findings"] if f["code"] == "TXT003"]
    assert [(f["line"], f["document"]) for f in broken] == [(667, f"{path}:667")]


def test_workers_use_the_cache(tmp_path):
    path = jsonl(tmp_path, 400)
    uncached = engine().check(engine().inputs([str(path)]), executor=InProcess()).to_json_dict()
    for expected_hits in (0, 400):
        eng = engine()
        cache = ResultCache(tmp_path / "cache", eng)
        report = eng.check(eng.inputs([str(path)]), executor=ProcessPool(2), cache=cache).to_json_dict()
        assert report == uncached
        assert (cache.hits, cache.misses) == (expected_hits, 400 - expected_hits)
