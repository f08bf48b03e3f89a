"""The report streams: results spilled to a temporary file give the same report, the JSON writer
gives `json.dumps(indent=2)`'s text, and results cross processes packed."""

from __future__ import annotations

import json
import pickle

import pytest
import speed_plugin
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import store
from factlint.api import make_config
from factlint.document import Document
from factlint.loading import LoadError
from factlint.pipeline import Engine, write_baseline
from factlint.plugins.format_csv import format_csv
from factlint.plugins.format_json import _dumps, format_json
from factlint.plugins.format_table import format_table
from factlint.registry import Registry

CORPUS = {
    "a": "Police said 120 people were arrested on Monday.\n\nThe march drew 5,000 marchers.",
    "b": "Officials said 120 people were arrested.\n\nAbout 7 buses were damaged.",
    "c": "A total of 130 people were arrested, police said.",
    "d": "The council approved 40 homes.\n\n<!-- factlint: disable SPD901 -->\nIt later said 45 homes.\n"
         "<!-- factlint: disable TXT101 -->\nNothing to hide.",
}


def _docs():
    seeds = [Document(id=p.name, text=p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    unreadable = LoadError(code="TXT002", document="e", path="e", message="empty document: no text to check")
    return [*seeds, *(Document(id=i, text=t) for i, t in CORPUS.items()), unreadable]


def _outputs(engine: Engine, **options) -> tuple[dict, str, str, str]:
    report = engine.check(_docs(), jobs=1, stream=True, **options)
    return (report.to_json_dict(), "".join(format_json(report, {})), "".join(format_table(report, {})),
            "".join(format_csv(report, {})))


@pytest.fixture(scope="module")
def engine():
    return Engine(make_config({}), Registry((), [speed_plugin]))


def test_spilled_report_equals_the_report_in_memory(engine, monkeypatch, tmp_path):
    in_memory = engine.check(_docs(), jobs=1)
    assert isinstance(in_memory.findings, list)
    outputs = _outputs(engine)
    assert outputs[0] == in_memory.to_json_dict()
    assert outputs[1] == json.dumps(in_memory.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
    codes = {f["code"] for f in outputs[0]["findings"]}
    assert {"SPD901", "TXT002", "TXT102"} <= codes  # a corpus finding, an input error, an unused suppression
    monkeypatch.setattr(store, "KEEP", 2)  # every spill moves to its file after two items
    spilled = engine.check(_docs(), jobs=1, stream=True)
    assert isinstance(spilled.findings, store.Stored)
    assert _outputs(engine) == outputs
    baseline = tmp_path / "baseline.json"
    write_baseline(spilled, baseline)
    monkeypatch.setattr(store, "KEEP", 4096)
    assert engine.check(_docs(), jobs=1, baseline=baseline).findings == []


def test_stored_sequence_reads_back_in_order(engine, monkeypatch):
    monkeypatch.setattr(store, "KEEP", 3)
    report = engine.check(_docs(), jobs=1, stream=True)
    findings, documents = list(report.findings), list(report.documents)
    assert len(report.findings) == len(findings) > 3 and len(report.documents) == len(documents)
    assert [report.findings[i] for i in range(len(findings))] == findings
    assert report.findings[-1] == findings[-1] and report.findings[1:3] == findings[1:3]
    assert report.documents[2] == documents[2] and report.findings == findings
    with pytest.raises(IndexError):
        report.findings[len(findings)]
    assert list(report.documents) == documents  # walked again: read again


def test_results_pickle_packed_and_unpack_on_use(engine):
    docs = _docs()
    result = engine.process(docs[-2], (0, 0, 0))
    copy = pickle.loads(pickle.dumps(result))
    assert copy.packed is not None and copy.doc_id == "d"
    assert pickle.loads(pickle.dumps(copy)).packed == copy.packed  # passed on without unpacking
    assert copy.summary == result.summary and copy.findings == result.findings
    assert copy.suppressions == result.suppressions and copy.packed is None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_json_writer_matches_the_standard_library(value):
    assert _dumps(value, "") == json.dumps(value, indent=2, ensure_ascii=False)
    assert _dumps({"k": value}, "  ") == json.dumps({"k": value}, indent=2, ensure_ascii=False).replace("\n", "\n  ")
