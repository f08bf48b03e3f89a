"""A small plugin for the speed tests: an extractor that counts the documents it parses, and a
corpus rule keyed by fact (a noun) that flags figures disagreeing across documents."""

from __future__ import annotations

import re
from collections import Counter

from factlint import CorpusRule, Severity, hookimpl

PARSED: Counter = Counter()  # document id -> times extracted in this process
_FIGURE = re.compile(r"\b(\d[\d,]*) (\w+?)s?\b")


def count_parses(doc):
    PARSED[doc.id] += 1
    return ()


class FigureDisagrees(CorpusRule):
    """Test rule: the same noun counted differently in different documents.

    ## What it flags
    Each figure whose noun has another value elsewhere in the corpus.

    ## Why it matters
    It exercises the corpus pass: records, fact keys, sections.
    """

    code = "SPD901"
    name = "figure-disagrees"
    summary = "Same noun, different figure"
    severity = Severity.warning

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ledger: list[dict] = []

    def collect(self, doc):
        return [(m.group(2).lower(), int(m.group(1).replace(",", "")), doc.location(m.start(), m.end()))
                for m in _FIGURE.finditer(doc.text)]

    @staticmethod
    def fact_key(record):
        return record[0]

    def finish(self, records):
        by_noun: dict[str, list] = {}
        for record in records:
            by_noun.setdefault(record[0], []).append(record)
        for noun, group in by_noun.items():
            values = sorted({value for _, value, _ in group})
            self._ledger.append({"noun": noun, "values": values})
            if len(values) < 2:
                continue
            for _, value, loc in group:
                others = [o for _, v, o in group if v != value]
                yield self.finding_at(loc, f"{noun}: {value} here, {', '.join(str(v) for v in values if v != value)} elsewhere",
                                      related=others)

    def sections(self):
        return {"test_figures": self._ledger}


@hookimpl
def factlint_extractors():
    return [count_parses]


@hookimpl
def factlint_rules():
    return [FigureDisagrees]
