"""The sourcing word lists (from `rules/sourcing.toml`, and the cue verbs fitted on PolNeAR train in
`rules/sourcing_fitted.toml`), verb inflection and fast trie patterns.

Cue patterns run on a lower-cased copy of the text with the standard `re`
module: a pattern built as a character trie scans news text several times
faster than a named list with case folding, and the lower-cased copy keeps
every offset.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from factlint.packs import pack_lists

PACK = Path(str(files("factlint.rules"))) / "sourcing.toml"
FITTED_PACK = PACK.with_name("sourcing_fitted.toml")  # written by `python -m evaluation sourcing_fit`
LISTS: dict[str, list[str]] = pack_lists(PACK) | pack_lists(FITTED_PACK)


def words(name: str) -> frozenset[str]:
    """A pack list as a set of lower-case entries."""
    return frozenset(w.lower() for w in LISTS[name])


_IRREGULAR = {parts[0]: parts[1:] for parts in (entry.split() for entry in LISTS["irregular_verbs"])}
_VOWELS = "aeiou"
# Verbs of more than one syllable stressed on the last, whose final consonant doubles (but offer → offered).
_STRESSED_LAST = frozenset({
    "refer", "prefer", "confer", "defer", "infer", "transfer", "begin", "forget", "upset", "permit", "omit",
    "submit", "commit", "admit", "regret", "rebut", "occur", "concur", "recur", "incur", "compel", "propel",
    "expel", "repel", "control", "patrol", "equip", "acquit", "abhor",
})


def _double(stem: str) -> bool:
    """Whether the last consonant doubles before -ed/-ing (admit → admitted, slam → slammed, quip → quipped)."""
    if len(stem) < 3 or stem[-1] in _VOWELS + "wxy" or stem[-2] not in _VOWELS:
        return False
    if stem[-3] in _VOWELS and stem[-4:-2] != "qu":
        return False
    return len(stem) <= 4 or stem in _STRESSED_LAST


def inflect(lemma: str) -> dict[str, str]:
    """Every form of a verb (or phrasal verb: only the first word inflects) → its tense:
    `base`, `s`, `past`, `part` (past participle), `ing`."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = head + "es"
    elif head.endswith("y") and head[-2] not in _VOWELS:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past, ing = head + "d", head[:-1] + "ing"
    elif head.endswith("y") and head[-2] not in _VOWELS:
        past, ing = head[:-1] + "ied", head + "ing"
    elif _double(head):
        past, ing = head + head[-1] + "ed", head + head[-1] + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    part = past
    if head in _IRREGULAR:
        past, part = _IRREGULAR[head]
    forms = {head: "base", third: "s", past: "past", ing: "ing"}
    forms.setdefault(part, "part")
    return {form + tail: tense for form, tense in forms.items()}


def verb_forms(*names: str) -> dict[str, str]:
    """Form → lemma for every verb in the named lists."""
    out: dict[str, str] = {}
    for name in names:
        for lemma in LISTS[name]:
            for form in inflect(lemma.lower()):
                out.setdefault(form, lemma.lower())
    return out


def trie(entries) -> str:
    """A regular expression matching exactly the given strings, as a character trie."""
    root: dict = {}
    for entry in entries:
        node = root
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        optional = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return build(root)


def phrase_pattern(entries, flags: int = 0) -> re.Pattern:
    """Whole-word matches of any of the phrases (lower-case text expected unless `flags` say otherwise)."""
    return re.compile(r"(?<![\w'’-])(?:" + trie(entries) + r")(?![\w'’-])", flags)


def lowered(text: str) -> str:
    """`text.lower()` with the same length (characters whose lower case is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
