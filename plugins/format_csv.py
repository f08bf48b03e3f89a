"""The `csv` report: one row per finding, RFC 4180 (comma-separated, CRLF, quoted where needed).

The columns are fixed and documented in docs/formats/csv.md; new columns are
only ever added at the end.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from factlint import hookimpl
from factlint.models import Report

from ._formatting import family, span_end

COLUMNS = (
    "document", "path", "line", "column", "end_line", "end_column", "start", "end",
    "code", "rule", "family", "severity", "message", "excerpt", "fix", "related",
)


def format_csv(report: Report, options: dict) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for k, f in enumerate(report.findings, 1):
        end_line, end_column = span_end(f)
        related = "; ".join(f"{r.document}:{r.line}:{r.column}" for r in f.related)
        writer.writerow([
            f.document, f.path or "", f.line, f.column, end_line, end_column, f.start, f.end,
            f.code, f.rule, family(f.code), f.severity.value, f.message, f.excerpt, f.fix or "", related,
        ])
        if k % 1024 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


@hookimpl
def factlint_formatters():
    return {"csv": format_csv}
