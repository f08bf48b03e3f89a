"""The opinion pack compiles, and a broken pack says what is wrong with it."""

from __future__ import annotations

import pytest

from factlint.config import ConfigError
from factlint.document import Document
from factlint.plugins.opinion.cues import find
from factlint.plugins.opinion.lexicon import STRONG_WEIGHT, Lexicon, leads, lexicon
from factlint.segment import segment

MINIMAL = {
    "weights": ["evaluative_strong 1.1", "evaluative_weak 0.6", "judgement_strong_patterns 1.2", "first_person_weak_case 0.4"],
    "neutral_news": ["attack", "severe weather warning"],
    "evaluative_strong": ["lackluster", "attack"],
    "evaluative_weak": ["severe"],
    "judgement_strong_patterns": [r"the\s+stakes\s+are\s+high\b"],
    "first_person_weak_case": ["I", "we", "We"],
}


def _names(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    doc = Document(id="t", text=text)
    segment(doc)
    return [(kind.name, text[start:end]) for kind, start, end, _ in find(doc, lex)]


def test_builtin_pack_tiers_and_weights():
    lex = lexicon()
    assert lex.lists and all((c.weight >= STRONG_WEIGHT) == c.strong for c in lex.lists.values())
    assert "say" in lex.attribution_verbs
    assert lex.phrases["severe weather warning"] is None  # neutral
    assert lex.phrases["attack"] is None and lex.words.fullmatch(" attack") is None  # struck, not sought


def test_minimal_pack_finds_phrases_patterns_and_case_lists():
    lex = Lexicon(MINIMAL)
    found = _names(lex, "The response was lackluster; the stakes are high, we know. WE agree. A severe weather "
                        "warning and an attack followed. Severe flooding came.")
    assert found == [("evaluative_strong", "lackluster"), ("judgement_strong_patterns", "the stakes are high"),
                     ("first_person_weak_case", "we"), ("evaluative_weak", "Severe")]


@pytest.mark.parametrize(("change", "message"), [
    ({"evaluative_medium": ["x"]}, "a cue list is named"),
    ({"weights": MINIMAL["weights"][1:]}, "has no entry in `weights`"),
    ({"weights": [*MINIMAL["weights"], "boosters_weak 0.5"]}, "names lists that do not exist"),
    ({"weights": ["evaluative_strong 0.9", *MINIMAL["weights"][1:]]}, "a strong list must weigh at least"),
    ({"weights": [*MINIMAL["weights"][:1], "evaluative_weak 1.0", *MINIMAL["weights"][2:]]}, "a weak list must weigh less"),
    ({"weights": ["evaluative_strong heavy", *MINIMAL["weights"][1:]]}, "is not '<list> <weight>'"),
    ({"evaluative_weak": ["lackluster"]}, "is in 'evaluative_weak' and in 'evaluative_strong'"),
    ({"evaluative_weak": ["severe weather warning"]}, "and in 'a neutral list'"),
    ({"judgement_strong_patterns": [r"\bthe\s+stakes"]}, "starts with its first word"),
    ({"judgement_strong_patterns": [r"(?:stakes?|risk)\s+high"]}, "starts with its first word"),
    ({"judgement_strong_patterns": [r"The\s+stakes"]}, "write it in lower case"),
    ({"judgement_strong_patterns": [r"the\s+(stakes)"]}, "not capturing groups"),
    ({"judgement_strong_patterns": [r"the\s+stakes("]}, "does not compile"),
])
def test_broken_packs_are_configuration_errors(change, message):
    with pytest.raises(ConfigError, match=message):
        Lexicon({**MINIMAL, **change})


def test_leads_of_word_patterns():
    assert leads(r"the\s+(?:need|time)\s+for") == {"the need", "the time"}
    assert leads(r"(?:should|must|ought\s+to)\s+serve") == {"should serve", "must serve", "ought to"}
    assert leads(r"(?:that|this)['’]s\s+it") == {"that's", "that’s", "this's", "this’s"}
    assert leads(r"(?<=, )(?:right|no)\s*\?") == {"right", "no"}
    assert leads(r"it(?:\s+is|['’]s)\s+no") == {"it"}
    assert leads(r"the\s+stakes?") == {"the"}
    assert leads(r"\bthe") == set() and leads(r"[a-z]+ly") == set()
