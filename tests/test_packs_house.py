"""The house pack in tests/packs/: every rule fires where it should and only there, on one article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint import check_texts
from factlint.api import make_config
from factlint.document import Document
from factlint.pipeline import Engine

PACKS = Path(__file__).resolve().parent / "packs"
HOUSE = PACKS / "house.toml"
ARTICLE = (PACKS / "house_article.md").read_text("utf-8")
OTHER = "Troops left Kiev on Friday. The cafe served Chicken Kiev.\n"
ENGINE = Engine(make_config({"rule_packs": [str(HOUSE)], "select": ["HOUSE"]}))


def at(text: str, phrase: str, nth: int = 1) -> tuple[int, int]:
    """The span of the nth occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(nth):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def house(texts: dict[str, str], meta: dict | None = None, pack: Path = HOUSE):
    return check_texts(texts, config={"rule_packs": [str(pack)], "select": ["HOUSE"]}, meta=meta)


@pytest.fixture(scope="module")
def report():
    return house({"article.md": ARTICLE, "other.md": OTHER})


def test_each_rule_fires_where_it_should_and_only_there(report):
    found = sorted((f.document, f.code, f.start, f.end) for f in report.findings)
    expected = sorted([
        ("article.md", "HOUSE109", *at(ARTICLE, "Here's why")),  # headline only, not in the body
        ("article.md", "HOUSE103", *at(ARTICLE, "slammed")),  # not "slammed the door"
        ("article.md", "HOUSE103", *at(ARTICLE, "Blasting")),
        ("article.md", "HOUSE101", *at(ARTICLE, "bombshell")),  # not the quoted one
        ("article.md", "HOUSE111", *at(ARTICLE, "U.S.")),  # case-sensitive: not "us"
        ("article.md", "HOUSE110", *at(ARTICLE, "gonna")),  # inside the quotation
        ("article.md", "HOUSE106", *at(ARTICLE, "Sources")),  # not "Sources familiar with", not "sources of income"
        ("article.md", "HOUSE102", *at(ARTICLE, "Satellite imagery shows")),  # not "Maxar satellite imagery shows"
        ("article.md", "HOUSE107", *at(ARTICLE, "allegedly")),  # not the paragraph that names prosecutors
        ("article.md", "HOUSE104", *at(ARTICLE, "reportedly")),  # the third hearsay adverb of the article
        ("article.md", "HOUSE105", *at(ARTICLE, "very", 4)),  # the fourth "very" in 131 words
        ("other.md", "HOUSE108", *at(OTHER, "Kiev")),  # minority spelling; not "Chicken Kiev"
    ])
    assert found == expected


def test_every_kind_is_covered(report):
    from factlint.packs import read_pack

    kinds = {rule.kind for rule in read_pack(HOUSE).rules}
    assert kinds == {"existence", "pattern", "substitution", "occurrence", "conditional", "consistency"}
    assert {f.code for f in report.findings} == {rule.code for rule in read_pack(HOUSE).rules}


def test_messages_fill_their_templates(report):
    by_code = {f.code: f for f in report.findings if f.code != "HOUSE103"}
    assert by_code["HOUSE102"].message == "“Satellite imagery shows”: say whose Satellite imagery this is"
    assert by_code["HOUSE104"].message == "3 hearsay adverbs in one article (house limit 2): find out, or attribute"
    assert [r.excerpt for r in by_code["HOUSE104"].related] == ["allegedly", "allegedly"]
    assert by_code["HOUSE105"].message == "“Very” used too often: used 4 times here, more than 3"
    assert by_code["HOUSE108"].message == ("“Kiev” here, but “Kyiv” elsewhere in the corpus (“Kyiv” ×2, “Kiev” ×1): "
                                            "use one spelling")
    assert [(r.document, r.excerpt) for r in by_code["HOUSE108"].related] == [("article.md", "Kyiv")]


def test_substitution_suggests_in_the_matched_form_and_case(report):
    fixes = [(f.excerpt, f.fix, f.message) for f in report.findings if f.code == "HOUSE103"]
    assert fixes == [("slammed", "criticized", "use “criticized” instead of “slammed”"),
                     ("Blasting", "Criticizing", "use “Criticizing” instead of “Blasting”")]
    shouted = house({"t": "UNIONS SLAM THE PLAN. The union lashes out at the board."}).findings
    assert [(f.excerpt, f.fix) for f in shouted] == [("SLAM", "CRITICIZE"), ("lashes out at", "criticizes")]


def test_article_types_and_skipped_types():
    text = "The report was a bombshell. Sources said it was late."
    news = {f.code for f in house({"t": text}).findings}
    opinion = {f.code for f in house({"t": text}, meta={"t": {"type": "Opinion"}}).findings}
    assert news == {"HOUSE101", "HOUSE106"}
    assert opinion == set()  # HOUSE101 skips opinion; HOUSE106 runs on news (and untyped) articles only


def test_sentence_and_paragraph_units():
    same_sentence = house({"t": "Sources familiar with the plan said it failed."}).findings
    next_sentence = house({"t": "Sources said it failed. They are familiar with the plan."}).findings
    assert [f.code for f in same_sentence] == [] and [f.code for f in next_sentence] == ["HOUSE106"]
    same_paragraph = house({"t": "The mayor allegedly lied. Police are looking into it."}).findings
    next_paragraph = house({"t": "The mayor allegedly lied.\n\nPolice are looking into it."}).findings
    assert [f.code for f in same_paragraph] == [] and [f.code for f in next_paragraph] == ["HOUSE107"]


def test_consistency_prefers_the_first_spelling_when_told(tmp_path):
    pack = tmp_path / "names.toml"
    house_text = HOUSE.read_text("utf-8")
    pack.write_text(house_text.replace('variants = [["Kyiv"', 'prefer = "first"\nvariants = [["Kyiv"'), "utf-8")
    texts = {"a": "Kiev was quiet. Kiev slept.", "b": "Kiev woke.", "c": "Kyiv said nothing."}
    majority = house(texts).findings
    first = house(texts, pack=pack).findings
    assert [(f.document, f.excerpt) for f in majority if f.code == "HOUSE108"] == [("c", "Kyiv")]
    assert [(f.document, f.excerpt) for f in first if f.code == "HOUSE108"] == [("a", "Kiev"), ("b", "Kiev")]


def test_one_spelling_alone_is_consistent():
    findings = house({"a": "Kiev was quiet.", "b": "In Kiev, shops opened. Shoigu left."}).findings
    assert [f for f in findings if f.code == "HOUSE108"] == []


words = st.sampled_from(["Sources", "said", "slammed", "the", "door", "Kiev", "Kyiv", "“", "”", '"', "very", "U.S.",
                         "allegedly", "police", "bombshell", "gonna", "\n\n", "\n", ".", ",", "Satellite imagery shows",
                         "Here's why", "İ", "sources of", "lashed out at", "é"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, max_size=40).map(" ".join), st.lists(words, max_size=15).map(" ".join))
def test_any_text_gives_exact_spans_and_no_rule_errors(text, other):
    report = ENGINE.check([Document(id="t", text=text), Document(id="o", text=other)])
    source = {"t": text, "o": other}
    for f in report.findings:
        assert not f.code.startswith("TXT9"), f.message
        assert source[f.document][f.start : f.end] == f.excerpt
        assert all(source[r.document][r.start : r.end] == r.excerpt for r in f.related)


def test_worker_processes_give_the_same_report():
    texts = {"article.md": ARTICLE, "other.md": OTHER}
    config = {"rule_packs": [str(HOUSE)], "select": ["HOUSE"]}
    parallel = check_texts(texts, config={**config, "jobs": 2})
    assert parallel.model_dump() == check_texts(texts, config=config).model_dump()
