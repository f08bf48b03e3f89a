"""A small plugin and corpus for the report tests: a phrase rule and a cross-document figure conflict.

The plugin's rules are deliberately simple so the report tests do not depend on
the real checks: `QA101` flags "sources say"; `QB201` compares "N troops" across
articles, reports each disagreement on the later figure with the earlier one as
related, and publishes a `figures` ledger section like the numbers plugin's.
"""

from __future__ import annotations

import regex

from factlint import CorpusRule, Example, Rule, Severity, hookimpl
from factlint.api import make_config
from factlint.document import Document
from factlint.models import Location
from factlint.pipeline import Engine
from factlint.registry import Registry

_PHRASE = regex.compile(r"\bsources say\b", regex.I)
_TROOPS = regex.compile(r"\b(\d[\d,]*) troops\b")


class SourcesSay(Rule):
    """Unnamed plural sources.

    ## What it flags
    The phrase "sources say".

    ## Why it matters
    Readers cannot judge a source nobody names.
    """

    code = "QA101"
    name = "sources-say"
    summary = "Unnamed sources"
    severity = Severity.warning
    examples = (Example("Sources say it rained.", True), Example("The mayor said it rained.", False))

    def check(self, doc: Document):
        for m in _PHRASE.finditer(doc.unquoted):
            yield self.finding(doc, m.start(), m.end(), f"unnamed sources: {m.group()!r}; name the source",
                               fix="name the source")


class TroopConflict(CorpusRule):
    """Troop counts that disagree across articles.

    ## What it flags
    Two articles that give different numbers of troops.

    ## Why it matters
    Both cannot be true.
    """

    code = "QB201"
    name = "troop-conflict"
    summary = "Troop counts disagree"
    severity = Severity.error
    examples = (Example("10,000 troops.", True, texts=("6,000 troops.",)), Example("10,000 troops.", False))

    def collect(self, doc: Document):
        return [(int(m.group(1).replace(",", "")), doc.location(m.start(), m.end())) for m in _TROOPS.finditer(doc.text)]

    def finish(self, records):
        self._rows = []
        first = records[0] if records else None
        for value, loc in records:
            status = "consistent" if first is None or value == first[0] else "conflict"
            self._rows.append({"fact": "troops", "document": loc.document, "as written": loc.excerpt,
                               "interval": [value, value], "location": loc.model_dump(), "status": status,
                               "related": [first[1].model_dump()] if status == "conflict" else []})
            if status == "conflict":
                yield self.finding_at(loc, f"{value:,} troops here, {first[0]:,} in {first[1].document}",
                                      related=[first[1]])

    def sections(self):
        return {"figures": self._rows}


class Plugin:
    @staticmethod
    @hookimpl
    def factlint_rules():
        return [SourcesSay, TroopConflict]


ARTICLES = {
    "a.txt": "Troops on the move\n\nOfficials said 10,000 troops crossed on Monday.\n\nSources say more will follow.\n",
    "b.txt": "Border update\n\nAbout 6,000 troops crossed, sources say.\nThe <b>border</b> & the \"river\" stayed calm.\n",
    "c.txt": "Weather\n\nIt rained all day.\n",
}

# QA101 as a declarative rule pack, for runs that cannot register the Python plugin (pre-commit)
PACK = '''
[pack]
name = "test-pack"

[[rules]]
code = "QA101"
name = "sources-say"
kind = "existence"
summary = "Unnamed sources"
message = "unnamed sources: {match}; name the source"
tokens = ["sources say"]
'''


def engine(**config) -> Engine:
    return Engine(make_config({"jobs": 1, "select": ["QA", "QB", "TXT"], **config}), Registry((), plugins=[Plugin]))


def report(texts: dict[str, str] = ARTICLES, **config):
    docs = [Document(id=name, path=name, text=text) for name, text in texts.items()]
    eng = engine(**config)
    return eng.check(docs), eng.rule_classes


def location(report, code: str) -> Location:
    return next(f for f in report.findings if f.code == code)
