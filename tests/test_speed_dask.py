"""Distributed mode: a Dask LocalCluster (one in-process worker) gives the local report."""

from __future__ import annotations

import json

import pytest
import speed_plugin
from click.testing import CliRunner

from factlint.api import make_config
from factlint.cache import ResultCache
from factlint.cli import main
from factlint.document import Document
from factlint.executors import DaskExecutor, InProcess
from factlint.pipeline import Engine
from factlint.registry import Registry

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

TEXTS = [
    "Police said {n} people were arrested.\n\nThe march drew {m} marchers, organisers said.",
    "\"We counted {m} marchers,\" said Ann Lee.\n\nAbout {n} people were held, officials said.",
]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        with distributed.Client(c) as client:
            yield c, client


def corpus():
    return [Document(id=f"d{i}", text=TEXTS[i % 2].format(n=100 + i % 3, m=5000 + i % 5)) for i in range(140)]


def test_dask_report_is_the_local_report(cluster):
    _, client = cluster
    eng = Engine(make_config({}), Registry((), [speed_plugin]))
    local = eng.check(corpus(), executor=InProcess()).to_json_dict()
    remote = eng.check(corpus(), executor=DaskExecutor(client)).to_json_dict()
    assert remote == local
    assert sum(f["code"] == "SPD901" for f in local["findings"]) > 10
    assert local["test_figures"]


def test_dask_with_the_cache(cluster, tmp_path):
    _, client = cluster
    local = Engine(make_config({}), Registry((), [speed_plugin])).check(corpus(), executor=InProcess()).to_json_dict()
    for hits in (0, 140):
        eng = Engine(make_config({}), Registry((), [speed_plugin]))
        cache = ResultCache(tmp_path, eng)
        assert eng.check(corpus(), executor=DaskExecutor(client), cache=cache).to_json_dict() == local
        assert (cache.hits, cache.misses) == (hits, 140 - hits)


def test_cli_dask_executor(cluster, tmp_path, monkeypatch):
    c, _ = cluster
    lines = [json.dumps({"id": d.id, "text": d.text}) for d in corpus()]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n{broken\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    local = runner.invoke(main, ["check", "--no-cache", "--format", "json", "corpus.jsonl"])
    remote = runner.invoke(main, ["check", "--no-cache", "--format", "json", "--executor", "dask",
                                  "--scheduler", c.scheduler_address, "corpus.jsonl"])
    assert remote.exit_code == local.exit_code == 1
    assert json.loads(remote.output) == json.loads(local.output)


def test_cli_executor_usage_errors():
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--executor", "dask", "x.txt"]).exit_code == 2
    assert runner.invoke(main, ["check", "--scheduler", "tcp://127.0.0.1:1", "x.txt"]).exit_code == 2
