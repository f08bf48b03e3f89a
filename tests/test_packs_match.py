"""Phrase tries, named-list expansion, inflection, scopes and the key locator, unit by unit."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import check_texts
from factlint.document import Document
from factlint.packs import inflect
from factlint.locate import KeyLines
from factlint.packs.match import PhraseIndex, Scope, compile_pattern, trie
from factlint.segment import segment

WORDS = ["ab", "abc", "b", "ba", "c", "Ab", "x-y", "U.S."]
phrases = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8)
texts = st.lists(st.sampled_from([*WORDS, " ", "  ", "\n", ",", "a", "bc", "é"]), max_size=40).map("".join)


def naive(phrase_list: list[str], text: str, ignore_case: bool) -> list[tuple[int, int]]:
    """Leftmost-longest, non-overlapping whole-word matches, one regex per phrase tried at every position."""
    flags = re.IGNORECASE if ignore_case else 0
    patterns = [re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, p.split())) + r"(?!\w)", flags) for p in phrase_list]
    found = {m.span() for p in patterns for i in range(len(text) + 1) if (m := p.match(text, i))}
    out, end = [], -1
    for start, stop in sorted(found, key=lambda s: (s[0], -s[1])):
        if start >= end:
            out.append((start, stop))
            end = stop
    return out


@settings(max_examples=150, deadline=None)
@given(phrases, texts, st.booleans())
def test_one_trie_pass_finds_what_one_search_per_phrase_finds(phrase_list, text, ignore_case):
    index = PhraseIndex(ignore_case)
    for p in phrase_list:
        index.add("R001", p, p)
    index.compile()
    doc = Document(id="t", text=text)
    segment(doc)
    hits = [(s, e) for s, e, _ in index.hits(doc).get("R001", [])]
    assert hits == naive(phrase_list, doc.content, ignore_case)


@settings(max_examples=100, deadline=None)
@given(phrases, phrases, texts)
def test_rules_sharing_a_trie_each_get_their_own_hits(first, second, text):
    index = PhraseIndex(True)
    for p in first:
        index.add("R001", p, p)
    for p in second:
        index.add("R002", p, p)
    index.compile()
    doc = Document(id="t", text=text)
    segment(doc)
    hits = index.hits(doc)
    assert [(s, e) for s, e, _ in hits.get("R001", [])] == naive(first, doc.content, True)
    assert [(s, e) for s, e, _ in hits.get("R002", [])] == naive(second, doc.content, True)


def test_prefix_and_overlapping_phrases_of_different_rules():
    index = PhraseIndex(True)
    for code, phrase in [("A", "sources"), ("B", "sources said"), ("C", "New York"), ("D", "York Times")]:
        index.add(code, phrase, phrase)
    index.compile()
    doc = Document(id="t", text="Sources  said the New York Times was wrong.")
    segment(doc)
    spans = {code: [doc.text[s:e] for s, e, _ in hits] for code, hits in index.hits(doc).items()}
    assert spans == {"A": ["Sources"], "B": ["Sources  said"], "C": ["New York"], "D": ["York Times"]}


def test_lower_casing_that_changes_length_falls_back_to_ignorecase():
    index = PhraseIndex(True)
    index.add("A", "istanbul", None)
    index.compile()
    doc = Document(id="t", text="İzmir and ISTANBUL")  # "İ".lower() is two characters
    segment(doc)
    assert [doc.text[s:e] for s, e, _ in index.hits(doc)["A"]] == ["ISTANBUL"]


def test_trie_prefers_the_longest_phrase_and_spaces_match_any_white_space():
    pattern = re.compile(f"(?:{trie(['a b', 'a b c', 'a'], False)})")
    assert pattern.match("a\n  b c").group() == "a\n  b c"
    assert pattern.match("a b d").group() == "a b"


@settings(deadline=None)
@given(st.lists(st.text(alphabet="ab .", min_size=1, max_size=5).filter(str.strip), min_size=1, max_size=6),
       st.text(alphabet="aAb .", max_size=30).filter(lambda t: "  " not in t))
def test_named_list_expansion_matches_like_the_regex_named_list(items, text):
    items = [" ".join(i.split()) for i in items]
    ours = compile_pattern(r"\b\L<items>\b", {"items": items}, True)
    theirs = regex.compile(r"\b\L<items>\b", regex.IGNORECASE | regex.V1, items=items)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_a_space_in_a_listed_phrase_matches_any_white_space():
    pattern = compile_pattern(r"\b\L<items>\b", {"items": ["sources said"]}, True)
    assert [m.group() for m in pattern.finditer("Sources  said; sources\nsaid")] == ["Sources  said", "sources\nsaid"]


def test_escaped_list_reference_is_left_alone():
    assert compile_pattern(r"\\L<x>", {}, False).search(r"\L<x>")


def test_inflections():
    assert set(inflect.variants("slam")) >= {"slam", "slams", "slammed", "slamming"}
    assert set(inflect.variants("criticize")) >= {"criticizes", "criticized", "criticizing"}
    assert set(inflect.variants("deny")) >= {"denies", "denied", "denying"}
    assert set(inflect.variants("point out")) >= {"points out", "pointed out", "pointing out"}
    assert set(inflect.variants("witch hunt")) >= {"witch hunts"}
    assert set(inflect.variants("game-changer")) >= {"game-changers"}
    assert inflect.apply("criticize", (0, "ed")) == "criticized"
    assert inflect.apply("speak out against", (0, "ing")) == "speaking out against"
    assert inflect.apply("visit", (0, "ed")) == "visited" and inflect.apply("stop", (0, "ing")) == "stopping"


def test_scope_terms_and_the_two_old_values():
    assert Scope.of(["unquoted"], [], []) == Scope("unquoted", "", "sentence")
    assert Scope.of(["content"], [], []) == Scope("content", "", "sentence")
    assert Scope.of(["quoted", "headline", "paragraph"], ["News"], []) == Scope("quoted", "headline", "paragraph",
                                                                               frozenset({"news"}))


def test_old_style_packs_still_load(tmp_path):
    pack = tmp_path / "old.toml"
    pack.write_text('''
[pack]
name = "old"
description = "keys of the first pack format"

[lists]
verbs = ["say", "said"]

[[rules]]
code = "OLD001"
name = "bare-sources"
kind = "pattern"
summary = "Bare sources"
message = "bare sources: {match}"
severity = "info"
scope = "unquoted"
pattern = '\\bsources\\s+\\L<verbs>\\b'
why = "Say who."
examples = [{text = "Sources said so.", fails = true}, {text = "Aides said so.", fails = false}]

[[rules]]
code = "OLD002"
name = "weasel"
kind = "existence"
summary = "Weasel word"
scope = "content"
tokens = ["reportedly"]
examples = [{text = "He reportedly left.", fails = true}, {text = "He left.", fails = false}]
''', "utf-8")
    from factlint.packs import pack_lists

    assert pack_lists(pack) == {"verbs": ["say", "said"]}
    report = check_texts({"t": "Sources said he reportedly left. “Sources say,” he added, “it reportedly ended.”"},
                         config={"rule_packs": [str(pack)], "select": ["OLD"]})
    assert [(f.code, f.excerpt, f.message, f.severity.value) for f in report.findings] == [
        ("OLD001", "Sources said", "bare sources: Sources said", "info"),
        ("OLD002", "reportedly", "Weasel word: “reportedly”", "warning"),
        ("OLD002", "reportedly", "Weasel word: “reportedly”", "warning"),
    ]


def test_key_lines_follow_tables_arrays_and_inline_values():
    text = '''# comment
[pack]
name = "house"  # trailing comment
description = """two
lines with "quotes" """

[[rules]]
code = "H001"
examples = [
  {text = "a, b", fails = true},
  { text = 'x]', fails = false },
]
swap.slammed = "criticized"

[[rules]]
code = "H002"
[rules.swap]
"U.S." = "US"

[[rules.examples]]
text = "t"
[[rules.examples]]
text = "u"
'''
    lines = KeyLines(text)
    assert lines.line(("pack", "name")) == 3
    assert lines.line(("rules", 0, "examples", 1, "fails")) == 11
    assert lines.line(("rules", 0, "swap", "slammed")) == 13
    assert lines.line(("rules", 1, "swap", "U.S.")) == 18
    assert lines.line(("rules", 1, "examples", 1, "text")) == 23
    assert lines.line(("rules", 1, "examples", 1, "fails")) == 22  # missing key: its table's header
    assert lines.line(("nowhere",)) is None
