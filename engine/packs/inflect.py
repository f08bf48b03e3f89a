"""Regular English inflections of a phrase, for `inflect = true` phrase rules.

Matching over-generates on purpose (a form that is not a word never occurs in
text); a suggestion is inflected with the single likeliest spelling. Irregular
forms (ran, went, children) are listed by the pack author.
"""

from __future__ import annotations

FORMS = ("s", "ed", "ing")
_VOWELS = frozenset("aeiou")


def _cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant, the shape that may double its last letter (slam → slammed)."""
    return (len(word) >= 3 and word[-1] not in _VOWELS and word[-1] not in "wxy"
            and word[-2] in _VOWELS and word[-3] not in _VOWELS)


def _one_syllable(word: str) -> bool:
    groups, previous = 0, False
    for char in word:
        vowel = char in _VOWELS or char == "y"
        groups += vowel and not previous
        previous = vowel
    return groups == 1


def word_forms(word: str, form: str) -> list[str]:
    """Candidate spellings of `word` + `form`, the likeliest first."""
    w = word.lower()
    if form == "s":
        if w.endswith("y") and w[-2:-1] not in _VOWELS:
            return [word[:-1] + "ies"]
        if w.endswith(("s", "x", "z", "ch", "sh")):
            return [word + "es"]
        return [word + "s", word + "es"] if w.endswith("o") else [word + "s"]
    stem = word
    if form == "ed":
        if w.endswith("e"):
            return [word + "d"]
        if w.endswith("y") and w[-2:-1] not in _VOWELS:
            return [word[:-1] + "ied"]
    elif w.endswith("ie"):
        return [word[:-2] + "ying"]
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        stem = word[:-1]
    suffix = form
    plain, doubled = stem + suffix, stem + stem[-1] + suffix
    if _cvc(w):
        return [doubled, plain] if _one_syllable(w) else [plain, doubled]
    return [plain]


def variants(phrase: str) -> dict[str, tuple[int, str] | None]:
    """`phrase` and its regular inflections: each spelling → (word position, form), None for the phrase itself.

    The first and the last word are inflected (one at a time), so phrasal verbs
    ("point out" → "pointed out") and noun phrases ("witch hunt" → "witch hunts") both work.
    """
    words = phrase.split(" ")
    out: dict[str, tuple[int, str] | None] = {phrase: None}
    for position in sorted({0, len(words) - 1}):
        for form in FORMS:
            for spelling in _inflected(words[position], form, last=position > 0 or len(words) == 1):
                out.setdefault(" ".join([*words[:position], spelling, *words[position + 1 :]]), (position, form))
    return out


def _inflected(word: str, form: str, last: bool) -> list[str]:
    """Spellings of a word + form; in a hyphenated word the last part (game-changers) or the first (passers-by)."""
    head, sep, tail = word.rpartition("-") if last else word.partition("-")
    part = tail if last else head
    if len(part) < 2 or not part.isalpha():
        return []
    return [head + sep + w if last else w + sep + tail for w in word_forms(part, form)]


def apply(phrase: str, inflection: tuple[int, str] | None) -> str:
    """`phrase` with the same inflection a matched variant had (for suggestions)."""
    if inflection is None:
        return phrase
    position, form = inflection
    words = phrase.split(" ")
    last = position > 0 or len(words) == 1
    position = len(words) - 1 if last else 0
    spellings = _inflected(words[position], form, last)
    if not spellings:
        return phrase
    words[position] = spellings[0]
    return " ".join(words)
