"""Where a finding's span sits as its file shows it: a whole file's own line, or a JSON Lines record's line."""

from __future__ import annotations

import json

from .models import Location


def record_lines(path: str) -> dict[str, int]:
    """Document id → 1-based line of its record, for a JSON Lines file (empty for anything else)."""
    out: dict[str, int] = {}
    try:
        with open(path, "rb") as stream:
            for number, raw in enumerate(stream, 1):
                if raw.lstrip().startswith(b"{"):
                    try:
                        record = json.loads(raw)
                    except ValueError:
                        continue
                    if isinstance(record, dict) and "id" in record:
                        out.setdefault(str(record["id"]), number)
    except OSError:
        pass
    return out


class FilePositions:
    """Where a span sits as its file shows it; reads each multi-record file once."""

    def __init__(self) -> None:
        self._records: dict[str, dict[str, int]] = {}

    def __call__(self, loc: Location) -> tuple[str | None, int, int, bool]:
        """(file, line, column, exact).

        For a document that is a whole file, the span's own line and column. For a
        record inside a file (a JSON Lines article), the record's line and column 1,
        with `exact` false: the span's line and column refer to the record's text.
        """
        path = loc.path
        if path is None or path == "-":
            return None, loc.line, loc.column, False
        if loc.document == path:
            return path, loc.line, loc.column, True
        if path not in self._records:
            self._records[path] = record_lines(path)
        return path, self._records[path].get(loc.document, 1), 1, False
