"""`check --diff REF`: keep the findings on lines changed since a git ref.

The whole corpus is still checked (corpus rules compare every document); only
the report is narrowed afterwards. A finding stays when its own span, or one of
its related spans, touches a line that `git diff REF` shows as added or changed
in the working tree, or lies in a file git does not track yet. A record of a
JSON Lines file counts as changed when its line changed. Findings with no file
(a corpus rule that failed) always stay.
"""

from __future__ import annotations

import codecs
import os
import subprocess
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import regex

from .config import ConfigError
from .models import Location, Report
from .positions import FilePositions

_HUNK = regex.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.M)

ALL = None  # an untracked file: every line is new


def _git(args: list[str], cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise ConfigError(f"--diff needs git: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        raise ConfigError(f"--diff: git {args[0]} failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout.decode("utf-8", errors="surrogateescape")


def _unquote(name: str) -> str:
    if name.startswith('"') and name.endswith('"'):
        raw = codecs.escape_decode(name[1:-1].encode("utf-8", errors="surrogateescape"))[0]
        return raw.decode("utf-8", errors="replace")
    return name


class ChangedLines:
    """The lines of the working tree that differ from `ref`, by real file path."""

    def __init__(self, ref: str, paths: Iterable[str]):
        top = Path(_git(["rev-parse", "--show-toplevel"]).strip())
        try:
            _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
        except ConfigError:
            raise ConfigError(f"--diff: {ref!r} is not a commit in this repository") from None
        specs = [os.path.abspath(p) for p in paths]
        self.files: dict[str, set[int] | None] = defaultdict(set)
        current: str | None = None
        diff = _git(["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", ref, "--", *specs], top)
        for line in diff.splitlines():
            if line.startswith("+++ "):
                name = _unquote(line[4:])
                current = None if name == "/dev/null" else os.path.realpath(top / name.removeprefix("b/"))
            elif line.startswith("@@") and current is not None:
                m = _HUNK.match(line)
                if m:
                    first, count = int(m.group(1)), int(m.group(2) or 1)
                    self.files[current].update(range(first, first + count))
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *specs], top)
        for name in filter(None, untracked.split("\0")):
            self.files[os.path.realpath(top / name)] = ALL

    def touches(self, loc: Location, where) -> bool:
        """Whether a span (placed in its file by `where`, a `FilePositions`) is on a changed line."""
        path, line, _, exact = where(loc)
        if path is None:
            return True
        lines = self.files.get(os.path.realpath(path), set())
        if lines is ALL:
            return True
        last = line + loc.excerpt.count("\n") if exact else line
        return any(n in lines for n in range(line, last + 1))


def restrict(report: Report, changed: ChangedLines) -> int:
    """Drop the findings away from the changed lines and recount the summaries; returns how many were dropped."""
    where = FilePositions()
    report.documents = list(report.documents)  # a spilled report is read back: its summaries are recounted here
    kept = [f for f in report.findings if any(changed.touches(loc, where) for loc in (f, *f.related))]
    dropped = len(report.findings) - len(kept)
    report.findings = kept
    per_doc: dict[str, Counter] = defaultdict(Counter)
    for f in kept:
        per_doc[f.document][f.severity.value] += 1
    for d in report.documents:
        d.findings = dict(sorted(per_doc[d.id].items()))
    report.summary.findings = dict(sorted(Counter(f.severity.value for f in kept).items()))
    report.summary.by_family = dict(sorted(Counter(f.code.rstrip("0123456789") for f in kept).items()))
    return dropped
