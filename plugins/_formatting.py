"""What several report formats share: rule metadata, span ends, per-document findings and section cells.

Formatters receive `options` from the command line. Besides their own settings,
the CLI passes `rules` (the run's rule classes by code) and `texts` (document
id → text, read lazily); callers of the Python API may pass either or neither.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from factlint.models import DocumentSummary, Finding, Location, Report
from factlint.store import Stored
from factlint.rule import Rule


def rule_classes(options: Mapping) -> dict[str, type[Rule]]:
    """The run's rule classes (from the CLI), else those the installed plugins provide by default."""
    rules = options.get("rules")
    if rules is None:
        from factlint.registry import Registry

        rules = Registry(()).rules()
    return dict(rules)


def family(code: str) -> str:
    return code.rstrip("0123456789")


def span_end(loc: Location) -> tuple[int, int]:
    """1-based line and column just after the span's last character (the column is exclusive)."""
    lines = loc.excerpt.split("\n")
    if len(lines) == 1:
        return loc.line, loc.column + len(loc.excerpt)
    return loc.line + len(lines) - 1, len(lines[-1]) + 1


def per_document(report: Report) -> Iterator[tuple[DocumentSummary, list[Finding]]]:
    """Each document's summary with its findings, in report order; a spilled report is read in one pass."""
    if isinstance(report.documents, Stored):
        yield from report.documents.with_findings()
        return
    by_doc: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_doc[f.document].append(f)
    for d in report.documents:
        yield d, by_doc.get(d.id, [])


def sections(report: Report) -> dict[str, list[dict]]:
    """The report's tabular sections: lists of objects (e.g. the figures ledger)."""
    return {
        name: value for name, value in report.sections.items()
        if isinstance(value, list) and value and all(isinstance(row, dict) for row in value)
    }


def is_location(value) -> bool:
    """Whether a section cell is a span (a dict with document, start and end)."""
    return isinstance(value, dict) and {"document", "start", "end"} <= value.keys()


def cell_text(value) -> str:
    """A section cell as one line of text: spans as `document:line:column`, lists joined with `; `."""
    if value is None:
        return ""
    if is_location(value):
        if "line" in value:
            return f"{value['document']}:{value['line']}:{value.get('column', 1)}"
        return f"{value['document']}@{value['start']}"
    if isinstance(value, list) and value and all(v is None or isinstance(v, (int, float)) for v in value):
        return "[" + ", ".join("…" if v is None else cell_text(v) for v in value) + "]"  # an interval; None is open
    if isinstance(value, list):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={cell_text(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())
