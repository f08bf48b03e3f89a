"""Suppressions an editor can audit: inline comments, unused-suppression findings, baselines."""

from __future__ import annotations

import json

STORY = "Troops crossed.\n\n<!-- factlint: disable-next-line TXT101 -->\nPrevious Article\n\nMarkets Rally Again\n"


def test_inline_disable_next_line_and_count(run_json, tmp_path):
    md = tmp_path / "a.md"
    md.write_text(STORY)
    _, report = run_json(md, "--select", "TXT")
    assert [f["excerpt"] for f in report["findings"]] == ["Markets Rally Again"]
    assert report["summary"]["suppressed"] == 1


def test_disable_range_and_unused_suppression(run_json, tmp_path):
    md = tmp_path / "a.md"
    md.write_text("<!-- factlint: disable TXT101 -->\nPrevious Article\n\nNext Article\n<!-- factlint: enable TXT101 -->\n\n"
                  "Troops crossed.\n\n<!-- factlint: disable NUM -->\nFine text.\n<!-- factlint: enable NUM -->\n")
    _, report = run_json(md, "--select", "TXT")
    assert [(f["code"], f["excerpt"]) for f in report["findings"]] == [("TXT102", "<!-- factlint: disable NUM -->")]
    assert report["summary"]["suppressed"] == 2


def test_baseline_survives_edits_elsewhere(run, tmp_path):
    story = tmp_path / "a.txt"
    story.write_text("Troops crossed.\n\nPrevious Article\n\nMarkets Rally Again\n")
    baseline = tmp_path / "baseline.json"
    code, _ = run("check", story, "--select", "TXT", "--fail-on", "info", "--write-baseline", baseline)
    assert code == 1 and len(json.loads(baseline.read_text())["findings"]) == 2
    story.write_text("A new first paragraph.\n\nTroops crossed again.\n\nPrevious Article\n\nMarkets Rally Again\n\nNext Article\n\nNew Headline Here\n")
    code, out = run("check", "--format", "json", story, "--select", "TXT", "--fail-on", "info", "--baseline", baseline)
    report = json.loads(out)
    assert [f["excerpt"] for f in report["findings"]] == ["Next Article", "New Headline Here"]
    assert report["summary"]["suppressed"] == 2 and report["summary"]["baseline_unmatched"] == 0
