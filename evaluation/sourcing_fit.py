"""Fit the cue verbs of `rules/sourcing_fitted.toml` on PolNeAR train (never dev or test).

`python -m evaluation sourcing_fit` rewrites the pack and prints what it kept. Two steps:

1. candidates: every verb lemma (forms grouped by `lexicon.inflect`) that no list of `rules/sourcing.toml`
   holds, that is no function word, that has a past or -ing form in the corpus, and whose forms fall inside
   a gold attribution cue at least `MIN_GOLD` times and in at least `MIN_RATIO` of their occurrences;
2. selection: the extractor is run on train with every candidate as a cue of class `fitted` (read like
   any other verb: a subject is needed, noun readings are rejected); a lemma is kept when at least
   `MIN_PRECISION` of the cues it yields overlap a gold cue and at least `MIN_HITS` do.

Dev is measured afterwards with `python -m evaluation sourcing`, as held-out data.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter

from factlint.document import Document
from factlint.segment import segment

from .sourcing import polnear

MIN_GOLD = 5  # step 1: occurrences inside a gold cue
MIN_RATIO = 0.03  # step 1: share of a lemma's occurrences inside a gold cue
MIN_PRECISION = 0.2  # step 2: share of the extracted cues overlapping a gold cue
MIN_HITS = 3  # step 2: extracted cues overlapping a gold cue
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_IRREGULAR_PAST = re.compile(r"(?:ed|ing)$")


def _modules():
    lexicon = importlib.reload(importlib.import_module("factlint.plugins.sourcing.lexicon"))
    extract = importlib.reload(importlib.import_module("factlint.plugins.sourcing.extract"))
    return lexicon, extract


def _write(verbs: dict[str, str], nouns: dict[str, str], header: str) -> None:
    lexicon, _ = _modules()
    lists = "".join(f"{name} = [\n" + "".join(f'  "{w}",  # {note}\n' for w, note in sorted(found.items())) + "]\n"
                    for name, found in (("fitted_verbs", verbs), ("fitted_nouns", nouns)))
    lexicon.FITTED_PACK.write_text(
        header + '\n[pack]\nname = "sourcing-fitted"\nversion = "1"\n'
        'description = "Cue verbs and nouns fitted on PolNeAR train by python -m evaluation sourcing_fit"\n\n'
        f"[lists]\n{lists}", "utf-8")


def candidates(articles) -> tuple[dict[str, str], dict[str, str]]:
    """(verb lemmas, noun forms) worth measuring."""
    _write({}, {}, "# being refitted by python -m evaluation sourcing_fit")  # the candidates are read without it
    lexicon, extract = _modules()
    seen, in_cue = Counter(), Counter()
    for _name, text, gold in articles:
        mask = bytearray(len(text) + 1)
        for g in gold:
            for a, b in g.get("Cue", []):
                mask[a:b] = b"\1" * (b - a)
        for m in _WORD.finditer(text):
            w = m.group().lower()
            seen[w] += 1
            in_cue[w] += mask[m.start()]
    function_words = (extract.AUX | extract.PURE_AUX | extract.PREPOSITIONS | extract.NOT_SUBJECT | extract.PRONOUNS
                      | extract.BOUNDARY | extract.QUANTIFIERS | extract._OPENERS | extract._MID_ADVERBS
                      | extract._LIGHT_VERBS | {"be", "go", "get", "like", "than", "not", "out", "up", "off", "back"})
    listed = set(extract.VERBS) | set(extract.VERBS.values()) | extract.NOUNS | extract.FRAMES

    def lemma_of(word: str) -> str | None:
        best = None
        for cut in range(4):
            stem = word[: len(word) - cut]
            for lemma in {stem, stem + "e", stem[:-1] + "y", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}:
                if len(lemma) > 2 and word in lexicon.inflect(lemma):
                    score = (seen[lemma] > 0, sum(seen[f] for f in lexicon.inflect(lemma)))
                    best = max(best or (score, lemma), (score, lemma))
        return best[1] if best else None

    out, nouns = {}, {}
    for word, n in in_cue.items():
        if n < 2 or word in function_words or word in listed or len(word) < 3:
            continue
        if n >= MIN_GOLD and n >= MIN_RATIO * seen[word] and word not in extract.VERBS:
            nouns[word] = f"{n}/{seen[word]} in gold cues"  # read as a noun (after an owner, before "of", "for" ...)
        lemma = lemma_of(word)
        if lemma is None or lemma in out or lemma in function_words or lemma in listed:
            continue
        forms = [f for f in lexicon.inflect(lemma) if " " not in f]
        total, inside = sum(seen[f] for f in forms), sum(in_cue[f] for f in forms)
        verbal = any(seen[f] for f, tense in lexicon.inflect(lemma).items() if tense in ("past", "part", "ing"))
        if verbal and inside >= MIN_GOLD and inside >= MIN_RATIO * total:
            out[lemma] = f"{inside}/{total} in gold cues"
    verb_forms = {f for lemma in out for f in lexicon.inflect(lemma)}
    return out, {w: note for w, note in nouns.items() if w not in verb_forms}  # one reading per word


def select(articles, verbs: dict[str, str], nouns: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    _write(verbs, nouns, "# candidates being measured by python -m evaluation sourcing_fit")
    _, extract = _modules()
    hits, cues = Counter(), Counter()
    for name, text, gold in articles:
        doc = Document(id=name, text=text)
        segment(doc)
        spans = [s for g in gold for s in g.get("Cue", [])]
        for a in extract.extract(doc):
            if a.cue_class == "fitted":
                cues[a.verb] += 1
                hits[a.verb] += any(s < a.cue_end and a.cue_start < e for s, e in spans)
    def kept(found):
        return {w: f"{hits[w]}/{cues[w]} of its cues in gold cues" for w in found
                if hits[w] >= MIN_HITS and hits[w] >= MIN_PRECISION * cues[w]}

    return kept(verbs), kept(nouns)


def main() -> None:
    train = polnear("train")
    verbs, nouns = candidates(train)
    kept_verbs, kept_nouns = select(train, verbs, nouns)
    header = (f"# Cue verbs and nouns fitted on PolNeAR train (840 articles, first annotator) by\n"
              f"# `python -m evaluation sourcing_fit`; do not edit by hand. Candidates: verbs (lemmas) in no list of\n"
              f"# sourcing.toml, and other words, with >= {MIN_GOLD} occurrences inside a gold cue and >= {MIN_RATIO:.0%} of\n"
              f"# all; kept: >= {MIN_HITS} extracted cues overlapping a gold cue and >= {MIN_PRECISION:.0%} of them (the\n"
              f"# note after each word). Extracted with cue class `fitted`, never flagged.\n")
    _write(kept_verbs, kept_nouns, header)
    _modules()
    print(f"PolNeAR train: {len(verbs)} candidate verbs, {len(kept_verbs)} kept; {len(nouns)} candidate nouns, "
          f"{len(kept_nouns)} kept (rules/sourcing_fitted.toml)")


if __name__ == "__main__":
    main()
