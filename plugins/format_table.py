"""The default `table` report: corpus summary, per-document table, findings per document."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from factlint import hookimpl
from factlint.models import Report

from ._formatting import per_document

TABLE_ROWS = 10_000  # documents per table: a longer corpus gets one table (with its header) per block
SOURCE_TYPES = ("person", "organization", "document", "anonymous", "collective", "none")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(report: Report, options: dict) -> Iterator[str]:
    from tabulate import tabulate  # here, not at import: most runs write another format

    fmt = options.get("table_format") or "simple"
    s = report.summary
    out = [
        f"factlint {report.factlint}: {s.documents} document(s), {s.words:,} words, "
        + ", ".join(f"{n} {sev}" for sev, n in sorted(s.findings.items())) if s.findings else
        f"factlint {report.factlint}: {s.documents} document(s), {s.words:,} words, no findings",
    ]
    if s.by_family:
        out.append("findings by family: " + ", ".join(f"{fam} {n}" for fam, n in s.by_family.items()))
    if s.suppressed or s.baseline_unmatched:
        out.append(f"suppressed: {s.suppressed}; baseline entries that matched nothing: {s.baseline_unmatched}")
    yield "\n".join(out) + "\n"
    headers = ["document", "words", "sents", "figures", "attributions", "opinion", "density", "err", "warn", "info"]
    rows = map(_document_row, report.documents)
    while block := list(islice(rows, TABLE_ROWS)):
        yield "\n" + tabulate(block, headers=headers, tablefmt=fmt) + "\n"
    if not report.documents:
        yield "\n" + tabulate([], headers=headers, tablefmt=fmt) + "\n"
    for name, section in report.sections.items():
        if isinstance(section, list) and section and all(isinstance(row, dict) for row in section):
            rows = [{k: _cell(v) for k, v in row.items()} for row in section]
            yield f"\n{name}:\n" + tabulate(rows, headers="keys", tablefmt=fmt) + "\n"
    for d, findings in per_document(report):
        if findings:
            rows = [[f"{f.line}:{f.column}", f.code, f.severity.value, _short(f.message, 70), _short(f.excerpt, 40)] for f in findings]
            yield f"\n{d.id}\n" + tabulate(rows, headers=["at", "code", "severity", "message", "excerpt"], tablefmt=fmt) + "\n"


def _document_row(d) -> list:
    sources = " ".join(f"{k[:4]}:{d.attributions[k]}" for k in SOURCE_TYPES if d.attributions.get(k))
    density = "" if d.opinion_density is None else f"{d.opinion_density:.0%}"
    return [
        _short(d.id, 40), d.words, d.sentences, d.figures, sources or "-", d.opinion_cues, density,
        d.findings.get("error", 0), d.findings.get("warning", 0), d.findings.get("info", 0),
    ]


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return " ".join(f"{k}={_cell(v)}" for k, v in value.items())
    return _short(str(value), 60) if value is not None else ""


@hookimpl
def factlint_formatters():
    return {"table": format_table}
