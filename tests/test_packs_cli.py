"""Pack rules on the command line: listed by `rules`, documented by `explain`, checked by `rules --check`."""

from __future__ import annotations

from pathlib import Path

import pytest

PACKS = Path(__file__).resolve().parent / "packs"
BUILT_IN = sorted((Path(__file__).resolve().parent.parent / "rules").glob("*.toml"))


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "factlint.toml"
    path.write_text(f'rule_packs = ["{PACKS / "house.toml"}"]\n', "utf-8")
    return path


def test_rules_lists_pack_rules(run, config):
    code, out = run("rules", "--config", config)
    assert code == 0
    rows = [line.split(None, 4) for line in out.splitlines() if line.startswith("HOUSE")]
    assert len(rows) == 11
    assert rows[2][:4] == ["HOUSE103", "loaded-verb", "warning", "pack:house"]


def test_explain_shows_a_pack_rule_with_its_docs_and_examples(run, config):
    code, out = run("explain", "house103", "--config", config)
    assert code == 0
    assert out.startswith("# HOUSE103 loaded-verb\n")
    for expected in ("Plugin: pack:house", "## What it flags", "“slam” → “criticize”", "## Why it matters",
                     "MOS:SAID", "Where: outside quotations; a match lies within one sentence.",
                     "Rule pack: house 1.0 (house.toml:", "https://example.org/style",
                     "Flagged:\n\n    Opposition leaders slammed the budget on Tuesday.",
                     "Not flagged:\n\n    He slammed the door and left."):
        assert expected in out, expected


def test_check_a_valid_pack(run):
    from factlint.packs import read_pack

    examples = sum(len(rule.examples) for rule in read_pack(PACKS / "house.toml").rules)
    code, out = run("rules", "--check", PACKS / "house.toml")
    expected = f"{PACKS / 'house.toml'}: 1 pack(s), 11 rules, {examples} examples: valid, every example holds\n"
    assert (code, out) == (0, expected)


def test_check_a_pack_the_engine_already_ships(run, monkeypatch):
    import factlint.plugins.packs

    monkeypatch.setattr(factlint.plugins.packs, "builtin_pack_dir", lambda: PACKS)
    code, out = run("rules")
    assert "pack:house" in out and "SLOW001" in out
    assert run("rules", "--check", PACKS / "house.toml")[0] == 0  # no clash with the copy already loaded


def test_built_in_packs_check_clean(run):
    for pack in BUILT_IN:  # rules/*.toml, checked in place: they are already loaded, so codes must not clash
        code, out = run("rules", "--check", pack)
        assert code == 0, (pack, out)


def test_explain_shows_the_other_articles_of_corpus_examples(run, config):
    code, out = run("explain", "HOUSE108", "--config", config)
    assert code == 0
    assert "## Examples checked with other articles" in out
    corpus = "Flagged: “Shoygu arrived in Pyongyang.” in a corpus with\n\n    Shoigu met Kim.\n    Shoigu flew home."
    assert corpus in out
