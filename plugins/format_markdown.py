"""The `markdown` report: summary, findings, documents and corpus sections as GitHub-flavoured tables.

Fit for a pull-request comment, a CI job summary (`$GITHUB_STEP_SUMMARY`) or an audit file.
"""

from __future__ import annotations

import regex

from factlint import hookimpl
from factlint.models import Report

from ._formatting import cell_text, sections

_SPECIAL = regex.compile(r"([\\`*_\[\]<>|~#])")


def _cell(value) -> str:
    return _SPECIAL.sub(r"\\\1", cell_text(value))


def _table(headers: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return out


def format_markdown(report: Report, options: dict) -> str:
    s = report.summary
    counts = ", ".join(f"{s.findings[k]} {k}" for k in ("error", "warning", "info") if s.findings.get(k)) or "no findings"
    out = ["## factlint report", "", f"**{s.documents} document(s), {s.words:,} words: {counts}.**"]
    if s.by_family:
        out += ["", "Findings by family: " + ", ".join(f"{fam} {n}" for fam, n in s.by_family.items()) + "."]
    if s.suppressed or s.baseline_unmatched:
        out += ["", f"Suppressed: {s.suppressed}; baseline entries that matched nothing: {s.baseline_unmatched}."]
    if report.findings:
        rows = [
            [f.severity.value, f.code, f.document, f"{f.line}:{f.column}", f.message, f"“{f.excerpt}”",
             [f"{r.document}:{r.line}:{r.column}" for r in f.related]]
            for f in report.findings
        ]
        out += ["", "### Findings", "", *_table(["severity", "code", "document", "at", "message", "excerpt", "related"], rows)]
    docs = [
        [d.id, d.title, d.words, d.figures, d.findings.get("error", 0), d.findings.get("warning", 0),
         d.findings.get("info", 0), d.error]
        for d in report.documents
    ]
    headers = ["document", "title", "words", "figures", "errors", "warnings", "info", "problem"]
    out += ["", "### Documents", "", *_table(headers, docs)]
    for name, rows in sections(report).items():
        keys = list(dict.fromkeys(k for row in rows for k in row))
        out += ["", f"### {name.capitalize()}", "", *_table(keys, [[row.get(k) for k in keys] for row in rows])]
    return "\n".join(out) + "\n"


@hookimpl
def factlint_formatters():
    return {"markdown": format_markdown}
