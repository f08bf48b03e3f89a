"""Report formats: how fast each renders the BBC corpus's report (all 2,225 articles, built-in rules).

The check runs once; each format then renders the same report, the way the CLI
calls it (the `html` report re-reads the texts through the loader, as the CLI does).
Figures are words of the corpus per second of formatting, and findings per second.
"""

from __future__ import annotations

import time

from factlint.api import make_config
from factlint.cli import SourceTexts
from factlint.pipeline import Engine

from . import SHARED

FORMATS = ("json", "table", "csv", "markdown", "github", "sarif", "html")


def main() -> None:
    engine = Engine(make_config({"jobs": 1}))
    began = time.perf_counter()
    report = engine.check(engine.sources([str(SHARED / "data" / "bbc" / "bbc.jsonl")]))
    took = time.perf_counter() - began
    words, findings = report.summary.words, len(report.findings)
    print(f"bbc.jsonl: {len(report.documents)} documents, {words:,} words, {findings:,} findings; check {took:.1f} s")
    for name in FORMATS:
        options = {"rules": engine.rule_classes, "texts": SourceTexts(engine, report, None, None)}
        began = time.perf_counter()
        out = engine.registry.formatters[name](report, options)
        took = time.perf_counter() - began
        print(f"{name:9} {took:6.2f} s  {words / took:12,.0f} words/s  {findings / took:9,.0f} findings/s  "
              f"{len(out.encode()) / 1e6:5.1f} MB")
