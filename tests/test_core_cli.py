"""The commands and options fixed by CONTRACT.md."""

from __future__ import annotations

import json

from conftest import SEEDS

CONTRACT_FINDING_KEYS = {"code", "rule", "severity", "document", "path", "line", "column", "start", "end",
                         "excerpt", "message", "related"}


def test_check_seeds_json_follows_contract(run_json):
    code, report = run_json(SEEDS, "--fail-on", "never")
    assert code == 0
    assert report["factlint"] == "0.1.0"
    ids = [d["id"] for d in report["documents"]]
    assert ids == sorted(ids) and len(ids) == 5
    assert all({"id", "path", "title", "date", "type", "words"} <= d.keys() for d in report["documents"])
    texts = {p.name: p.read_text("utf-8") for p in SEEDS.iterdir()}
    for f in report["findings"]:
        assert CONTRACT_FINDING_KEYS <= f.keys()
        assert texts[f["document"].rsplit("/", 1)[-1]][f["start"] : f["end"]] == f["excerpt"]


def test_fail_on_levels(run):
    furniture = SEEDS / "002_4e71db827ca8863d.txt"
    assert run("check", furniture, "--select", "TXT", "--fail-on", "warning")[0] == 0
    assert run("check", furniture, "--select", "TXT", "--fail-on", "info")[0] == 1
    assert run("check", furniture, "--select", "TXT", "--fail-on", "never")[0] == 0


def test_select_and_ignore_take_families_and_repeat(run_json):
    furniture = SEEDS / "002_4e71db827ca8863d.txt"
    _, selected = run_json(furniture, "--select", "TXT101")
    assert {f["code"] for f in selected["findings"]} == {"TXT101"}
    _, ignored = run_json(furniture, "--select", "TXT", "--ignore", "NUM", "--ignore", "TXT1")
    assert ignored["findings"] == []


def test_stdin_with_filename(run_json):
    code, report = run_json("-", "--stdin-filename", "draft.md", "--select", "TXT",
                            stdin=b"---\ntitle: Draft\ntype: news\n---\nTroops left.\n\nNext Article\n\nOther Story Here\n")
    assert report["documents"][0]["id"] == "draft.md"
    assert report["documents"][0]["title"] == "Draft"
    assert [f["excerpt"] for f in report["findings"]] == ["Next Article", "Other Story Here"]


def test_several_outputs_in_one_run(run, tmp_path):
    out_json, out_table = tmp_path / "r.json", tmp_path / "r.txt"
    code, stdout = run("check", SEEDS, "--format", "json", "--output", out_json, "--format", "table",
                       "--output", out_table, "--fail-on", "never")
    assert code == 0 and stdout == ""
    assert json.loads(out_json.read_text())["documents"]
    assert "document" in out_table.read_text()


def test_usage_errors_exit_2(run):
    assert run("check", SEEDS, "--format", "nope")[0] == 2
    assert run("check", SEEDS, "--fail-on", "sometimes")[0] == 2
    assert run("explain", "ZZZ999")[0] == 2


def test_missing_path_is_an_error_finding(run_json, tmp_path):
    code, report = run_json(tmp_path / "nope.txt")
    assert code == 1
    assert [f["code"] for f in report["findings"]] == ["TXT001"]


def test_rules_lists_every_rule(run):
    code, out = run("rules")
    assert code == 0
    for needle in ("TXT101", "page-furniture", "info", "text"):
        assert needle in out


def test_explain_shows_doc_and_examples(run):
    code, out = run("explain", "txt101")
    assert code == 0
    assert "## What it flags" in out and "## Why it matters" in out and "## Examples" in out and "Not flagged:" in out


def test_extract_json(run):
    code, out = run("extract", "--format", "json", SEEDS / "004_5860c76c3eb9804b.txt")
    assert code == 0
    docs = json.loads(out)["documents"]
    assert docs[0]["id"].endswith("004_5860c76c3eb9804b.txt") and isinstance(docs[0]["assertions"], list)


def test_jobs_give_the_same_report(run_json):
    _, one = run_json(SEEDS, "--jobs", "1")
    _, two = run_json(SEEDS, "--jobs", "2")
    assert one == two


def test_table_is_default_and_deterministic(run):
    first = run("check", SEEDS)
    assert first == run("check", SEEDS)
    assert first[1].startswith("factlint 0.1.0: 5 document(s)")
