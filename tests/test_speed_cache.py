"""The result cache: identical reports, only edited documents re-parsed, corpus rules recomputed."""

from __future__ import annotations

import json
import sqlite3

import speed_plugin
from click.testing import CliRunner

from factlint.api import make_config
from factlint.cache import ResultCache
from factlint.cli import main
from factlint.document import Document
from factlint.pipeline import Engine
from factlint.registry import Registry

CORPUS = {
    "a": "Police said 120 people were arrested on Monday.\n\nThe march drew 5,000 marchers.",
    "b": "Officials said 120 people were arrested.\n\nAbout 7 buses were damaged.",
    "c": "A total of 120 people were arrested, police said.",
    "d": "The council approved 40 homes.\n\n<!-- factlint: disable SPD901 -->\nIt later said 45 homes.",
}


def engine(config=None) -> Engine:
    return Engine(make_config(config or {}), Registry((), [speed_plugin]))


def docs(texts):
    return [Document(id=i, text=t) for i, t in texts.items()]


def run(texts, cache_dir=None, config=None):
    eng = engine(config)
    cache = ResultCache(cache_dir, eng) if cache_dir is not None else None
    speed_plugin.PARSED.clear()
    report = eng.check(docs(texts), jobs=1, cache=cache)
    return report.to_json_dict(), dict(speed_plugin.PARSED), cache


def test_cached_and_uncached_reports_are_identical(tmp_path):
    uncached, parsed, _ = run(CORPUS)
    assert parsed == dict.fromkeys(CORPUS, 1)
    first, parsed, cache = run(CORPUS, tmp_path)
    assert parsed == dict.fromkeys(CORPUS, 1) and cache.misses == len(CORPUS)
    second, parsed, cache = run(CORPUS, tmp_path)
    assert parsed == {} and cache.hits == len(CORPUS)
    assert first == uncached and second == uncached
    assert any(f["code"] == "SPD901" for f in uncached["findings"])
    assert uncached["test_figures"]


def test_editing_one_document_reparses_only_it_and_recomputes_corpus_rules(tmp_path):
    before, _, _ = run(CORPUS, tmp_path)
    conflicts = {f["document"] for f in before["findings"] if f["code"] == "SPD901" and "people" in f["message"]}
    assert conflicts == set()  # 120 people everywhere
    edited = {**CORPUS, "b": CORPUS["b"].replace("120 people", "150 people")}
    after, parsed, cache = run(edited, tmp_path)
    assert parsed == {"b": 1}
    assert cache.hits == len(CORPUS) - 1
    uncached, _, _ = run(edited)
    assert after == uncached
    conflicts = {f["document"] for f in after["findings"] if f["code"] == "SPD901" and "people" in f["message"]}
    assert conflicts == {"a", "b", "c"}  # the cached documents take part in the new conflict


def test_configuration_and_metadata_are_part_of_the_key(tmp_path):
    run(CORPUS, tmp_path)
    _, parsed, _ = run(CORPUS, tmp_path, {"severity": {"SPD901": "error"}})
    assert parsed == dict.fromkeys(CORPUS, 1)
    _, parsed, _ = run(CORPUS, tmp_path, {"severity": {"SPD901": "error"}, "jobs": 2, "fail_on": "error"})
    assert parsed == {}  # how the run is carried out is not part of the key
    eng = engine()
    cache = ResultCache(tmp_path, eng)
    plain, typed = Document(id="a", text=CORPUS["a"]), Document(id="a", text=CORPUS["a"], meta={"type": "opinion"})
    assert cache.key(plain) != cache.key(typed)
    assert cache.key(plain) != cache.key(Document(id="z", text=CORPUS["a"]))
    assert cache.key(plain) == cache.key(Document(id="a", text=CORPUS["a"]))
    cache.close()


def test_a_broken_cache_file_is_replaced_not_fatal(tmp_path):
    (tmp_path / "results.sqlite3").write_bytes(b"this is not a database" * 100)
    report, parsed, _ = run(CORPUS, tmp_path)
    assert parsed == dict.fromkeys(CORPUS, 1)
    assert report == run(CORPUS)[0]
    assert sqlite3.connect(tmp_path / "results.sqlite3").execute("SELECT count(*) FROM results").fetchone() == (len(CORPUS),)


def test_cli_caches_beside_the_configuration_unless_told_not_to(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in CORPUS.items():
        (corpus / f"{name}.txt").write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    fresh = runner.invoke(main, ["check", "--no-cache", "--format", "json", "corpus"])
    assert not (tmp_path / ".factlint_cache").exists()
    first = runner.invoke(main, ["check", "--format", "json", "corpus"])
    assert (tmp_path / ".factlint_cache" / "results.sqlite3").is_file()
    assert (tmp_path / ".factlint_cache" / ".gitignore").read_text("utf-8").strip().endswith("*")
    second = runner.invoke(main, ["check", "--format", "json", "corpus"])
    assert fresh.exit_code == first.exit_code == second.exit_code
    assert json.loads(fresh.output) == json.loads(first.output) == json.loads(second.output)
