"""The `github` report: GitHub Actions workflow commands, one annotation per finding.

Each line is `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`;
GitHub shows them on the pull request's changed files and in the job's summary.
"""

from __future__ import annotations

from collections.abc import Iterator

from factlint import hookimpl
from factlint.models import Report, Severity
from factlint.positions import FilePositions

from ._formatting import span_end

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report, options: dict) -> Iterator[str]:
    where = FilePositions()
    for f in report.findings:
        path, line, column, exact = where(f)
        props = []
        if path is not None:
            props += [f"file={_property(path)}", f"line={line}", f"col={column}"]
            if exact:
                end_line, end_column = span_end(f)
                props += [f"endLine={end_line}", f"endColumn={end_column}"]
        props.append(f"title={_property(f'{f.code} {f.rule}')}")
        message = f.message
        if not exact:
            message = f"{f.document} (line {f.line}, column {f.column} of its text): {message}"
        for r in f.related:
            message += f"\nsee {r.document}:{r.line}:{r.column} “{' '.join(r.excerpt.split())}”"
        yield f"::{COMMANDS[f.severity]} {','.join(props)}::{_data(message)}\n"


@hookimpl
def factlint_formatters():
    return {"github": format_github}
