"""The numbers pack (`rules/numbers.toml`) read once into lookup tables.

Word lists live in the pack; this module only parses their small formats
("phrase = value", "phrase: low-high, low-high") and builds compiled patterns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import regex

from factlint.packs import pack_lists

PACK = Path(str(files("factlint.rules") / "numbers.toml"))
QUALIFIER_CLASSES = ("exact", "about", "over", "just_over", "at_least", "nearly", "under", "at_most", "up_to")
POSTFIX_CLASSES = ("at_least", "about", "at_most")


def _pairs(items: list[str], sep: str = "=") -> dict[str, str]:
    """ "phrase = value" → {phrase: value}."""
    out = {}
    for item in items:
        key, _, value = item.rpartition(sep)
        out[key.strip()] = value.strip()
    return out


def _ranges(items: list[str]) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """ "phrase: a-b, c-d" → {phrase: ((a, b), (c, d))}."""
    out = {}
    for item in items:
        phrase, _, spans = item.rpartition(":")
        pairs = []
        for span in spans.split(","):
            lo, hi = regex.split(r"(?<=\d)-", span.strip())
            pairs.append((float(lo), float(hi)))
        out[phrase.strip()] = (pairs[0], pairs[1])
    return out


def alternation(phrases) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of white space."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in parts)


@dataclass(frozen=True)
class Lexicon:
    lists: dict[str, list[str]]
    qualifiers: dict[str, str]  # phrase → class
    postfix: dict[str, str]
    vague: dict[str, tuple[tuple[float, float], tuple[float, float]]]
    shares: dict[str, tuple[tuple[float, float], tuple[float, float]]]
    measures: dict[str, str]  # phrase → measure name
    units: dict[str, str]  # as written → pint expression
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    scales: dict[str, float]
    demonyms: dict[str, str]

    def words(self, name: str) -> list[str]:
        return self.lists.get(name, [])


@cache
def lexicon() -> Lexicon:
    lists = pack_lists(PACK)
    qualifiers = {p: c for c in QUALIFIER_CLASSES for p in lists.get(f"qualifier_{c}", [])}
    postfix = {p: c for c in POSTFIX_CLASSES for p in lists.get(f"postfix_{c}", [])}
    measures = {}
    for name, phrases in lists.items():
        if name.startswith("measure_"):
            for p in phrases:
                measures.setdefault(p.lower(), name.removeprefix("measure_"))
    return Lexicon(
        lists=lists, qualifiers=qualifiers, postfix=postfix,
        vague=_ranges(lists.get("vague_quantities", [])), shares=_ranges(lists.get("share_words", [])),
        measures=measures, units=_pairs(lists.get("units", [])),
        currency_before=_pairs(lists.get("currency_before", [])), currency_after=_pairs(lists.get("currency_after", [])),
        scales={k: float(v) for k, v in _pairs(lists.get("scales", [])).items()},
        demonyms=_pairs(lists.get("demonyms", [])),
    )
