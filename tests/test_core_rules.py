"""Every rule, built-in or from a pack, carries its metadata and its examples, and the examples hold."""

from __future__ import annotations

import regex
import pytest

from factlint import CorpusRule, Rule, check_texts
from factlint.rule import DOC_HEADINGS
from factlint.pipeline import Engine

RULES = list(Engine().rule_classes.values())


def _checks(cls: type[Rule]) -> bool:
    return issubclass(cls, CorpusRule) or cls.check is not Rule.check


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.code)
def test_rule_metadata(cls):
    assert regex.fullmatch(r"[A-Z]{2,8}\d{3}", cls.code)
    assert regex.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", cls.name)
    assert cls.summary and cls.plugin
    for heading in DOC_HEADINGS:
        assert f"## {heading}" in cls.doc(), f"{cls.code} lacks '## {heading}'"
    for key, spec in cls.Options.model_json_schema().get("properties", {}).items():
        assert spec.get("description"), f"{cls.code} option {key} has no description"
    if _checks(cls):
        assert any(e.fails for e in cls.examples) and any(not e.fails for e in cls.examples), cls.code


EXAMPLES = [(cls, i, ex) for cls in RULES for i, ex in enumerate(cls.examples)]


@pytest.mark.parametrize(("cls", "i", "example"), EXAMPLES, ids=[f"{c.code}-{i}" for c, i, _ in EXAMPLES])
def test_rule_example(cls, i, example):
    texts = {"example": example.text, **{f"other-{n}": t for n, t in enumerate(example.texts)}}
    report = check_texts(texts, config={"select": [cls.code]}, meta={"example": example.meta})
    codes = [f.code for f in report.findings if f.code == cls.code]
    assert bool(codes) == example.fails, (cls.code, example.text, [f.message for f in report.findings])
