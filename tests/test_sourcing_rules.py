"""The SRC rules: their examples, precision traps, messages and the per-document source counts."""

from __future__ import annotations

import pytest

from factlint import check_texts
from factlint.plugins.sourcing.rules import RULES


def findings(text: str, codes=("SRC",), meta=None):
    report = check_texts({"doc": text}, config={"select": list(codes)}, meta={"doc": meta or {}})
    return report.findings


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples(rule):
    assert any(e.fails for e in rule.examples) and any(not e.fails for e in rule.examples)
    for example in rule.examples:
        found = [f for f in findings(example.text, (rule.code,))]
        assert bool(found) == example.fails, (example.text, [f.message for f in found])


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_documentation(rule):
    doc = rule.doc()
    assert "## What it flags" in doc and "## Why it matters" in doc
    assert rule.code.startswith("SRC") and rule.summary


def test_every_finding_says_what_is_missing_and_how_to_fix_it():
    text = (
        "Experts suggest the alliance is driven by need. It is believed the convoy crossed. "
        "A senior official said the talks stalled. Democrats slammed the bill. (Policy outlook briefs.)\n\n"
        "North Korea is sending 6,000 engineers to Kursk.\n\n"
        "Sources:\nnaturalnews.commeduza.iofoxnews.com\n"
    )
    found = findings(text)
    assert sorted({f.code for f in found}) == ["SRC101", "SRC102", "SRC103", "SRC104", "SRC105", "SRC106", "SRC107"]
    for f in found:
        assert f.fix and f.message and f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Shoigu said the partnership would deepen.",
        "Official North Korean news agency KCNA criticized the visit.",
        "The Pentagon said 10,000 troops were in Kursk.",
        "According to the UN, 200 people were killed.",
        "Two officials familiar with the talks said they had stalled.",
        "A senior official, who spoke on condition of anonymity because he was not authorised to speak, said so.",
        "“Experts say it will fail,” Mr Smith said.",
        "The minister said that analysts believe the plan will fail.",
        "Analysts said growth would slow. “The data are weak,” said Jane Smith, an economist at HSBC.",
    ],
)
def test_named_or_described_sources_are_not_flagged(text):
    assert [(f.code, f.excerpt) for f in findings(text)] == []


def test_quoted_sourcing_is_the_speakers_not_the_writers():
    text = "“Reports confirm that it is believed the troops crossed,” the general said."
    assert findings(text) == []


def test_loaded_verb_suggests_the_neutral_verb_in_the_same_tense():
    (f,) = findings("The minister insists that the figures are wrong.", ("SRC106",))
    assert "“says”" in f.message and f.severity.value == "info"
    (f,) = findings("Democrats slammed the bill.", ("SRC106",))
    assert "criticised" in f.fix


def test_legal_allegedly_and_admissions_are_not_flagged():
    assert findings("The man allegedly stole a car and was charged with theft.", ("SRC102",)) == []
    assert findings("The bank neither admitted nor denied wrongdoing under the settlement.", ("SRC106",)) == []


def test_run_together_footer_is_split_in_the_message():
    (f,) = findings("Troops crossed.\nSources:\nnaturalnews.commeduza.iofoxnews.com\n", ("SRC107",))
    assert "naturalnews.com, meduza.io, foxnews.com" in f.message


def test_document_summary_counts_attributions_by_source_type():
    text = (
        "Experts said the pact was weak. Mr Blair said it was strong. The Pentagon said it was new. "
        "It is believed the pact was signed. A UN report said so. A senior official said so too."
    )
    report = check_texts({"doc": text}, config={"select": ["SRC"]})
    assert report.documents[0].attributions == {
        "anonymous": 1, "collective": 1, "document": 1, "none": 1, "organization": 1, "person": 1,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Critics want the plan scrapped.",  # a wish (intent), not a claim
        "Many voters backed the plan.",  # a stance
        "Some may criticise his talk, but the words are backed up with actions.",  # a possibility
        "About 52% said the chancellor had done a good job.",  # a measured share: survey data
        "Reports of the deal surfaced on Monday, the company said.",
    ],
)
def test_extracted_but_not_flagged(text):
    assert [(f.code, f.excerpt) for f in findings(text, ("SRC101", "SRC102", "SRC103"))] == []


def test_a_vague_source_is_flagged_once_however_many_verbs_it_has():
    text = "Critics said the plan would fail, adding that it cost too much."
    assert [f.excerpt for f in findings(text, ("SRC101",))] == ["Critics said"]


@pytest.mark.parametrize("text", [
    "Some will recall the news footage of angry farmers around the Capitol.",  # a forecast, not a report
    "First, Duff got round Thatcher and blasted in a shot that James parried.",  # an act, not speech
    # a sentence-initial owner the text also names inside a sentence: the owner's lawyers, not a vague group
    "Hours before the auction lawyers for Menatep said they would act. Menatep lawyers said they would retaliate.",
])
def test_precision_traps_forecasts_acts_and_sentence_initial_owners(text):
    assert findings(text) == []


def test_a_sentence_initial_capital_alone_makes_no_name():
    assert [f.code for f in findings("Legal experts said the ruling was flawed.")] == ["SRC101"]


def test_a_sentence_opening_the_is_no_name_that_answers_an_anonymous_source():
    text = ("The claim was first presented in a public forum by a former intelligence official. "
            "The speaker emphasized that the alliance centers on self-defense.")
    assert [f.code for f in findings(text)] == ["SRC103"]
    named = text.replace("The speaker emphasized", "Jose Barrionuevo, the speaker, emphasized")
    assert findings(named) == []
