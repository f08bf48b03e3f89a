"""Per-document results kept compactly: as tuples between processes, in a temporary file during a run.

A `DocumentSummary` or a `Finding` is a pydantic model of a few kilobytes in
memory; as a tuple of its field values it pickles to a tenth of that and
unpickles several times faster. `DocResult`s cross process boundaries and enter
the cache in this form, and a run keeps its documents' summaries and findings in
a `Spill` (a temporary file of such tuples) rather than in memory, so a corpus
of any size is reported in bounded memory: the report's `documents` and
`findings` are then `Stored` sequences read back from the file as a formatter
walks them.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any

from .models import DocumentSummary, Finding, Location, Severity, construct

_LOCATION = tuple(Location.model_fields)
_FINDING = tuple(Finding.model_fields)
_SUMMARY = tuple(DocumentSummary.model_fields)
_RELATED = _FINDING.index("related")
_SEVERITY = _FINDING.index("severity")
_CODE = _FINDING.index("code")
_ORDER = itemgetter(*(_FINDING.index(k) for k in ("start", "end", "code", "message")))  # a document's findings' order
_WORDS = _SUMMARY.index("words")
_COUNTS = _SUMMARY.index("findings")


def _shared(memo: dict | None, obj: Any, make) -> Any:
    """`make(obj)`, once per object while `memo` lives: related spans that findings share (a corpus
    rule relating every figure of a fact to the others) stay shared, packed or unpacked."""
    if memo is None:
        return make(obj)
    hit = memo.get(id(obj))
    if hit is None or hit[0] is not obj:
        hit = memo[id(obj)] = (obj, make(obj))
    return hit[1]


def pack_location(loc: Location) -> tuple:
    d = loc.__dict__
    return tuple(d[k] for k in _LOCATION)


def unpack_location(values: tuple) -> Location:
    return construct(Location, dict(zip(_LOCATION, values)))


def pack_finding(f: Finding, memo: dict | None = None) -> tuple:
    d = f.__dict__
    values = [d[k] for k in _FINDING]
    values[_SEVERITY] = values[_SEVERITY].value
    values[_RELATED] = tuple(_shared(memo, r, pack_location) for r in values[_RELATED])
    return tuple(values)


def unpack_finding(values: tuple, memo: dict | None = None) -> Finding:
    values = list(values)
    values[_SEVERITY] = Severity(values[_SEVERITY])
    values[_RELATED] = [_shared(memo, r, unpack_location) for r in values[_RELATED]]
    return construct(Finding, dict(zip(_FINDING, values)))


def _location_dict(values: tuple) -> dict[str, Any]:
    return dict(zip(_LOCATION, values))


def pack_summary(s: DocumentSummary) -> tuple:
    d = s.__dict__
    return tuple(d[k] for k in _SUMMARY)


def unpack_summary(values: tuple) -> DocumentSummary:
    return construct(DocumentSummary, dict(zip(_SUMMARY, values)))


def packed_order(findings: list[tuple]) -> list[tuple]:
    """Packed findings in report order: start, end, code, message."""
    return sorted(findings, key=_ORDER)


def packed_counts(summary: tuple, findings: list[tuple]) -> tuple:
    """A packed summary with its findings counted by severity."""
    counts = dict(sorted(Counter(f[_SEVERITY] for f in findings).items()))
    return (*summary[:_COUNTS], counts, *summary[_COUNTS + 1:])


def packed_severities(findings: list[tuple]) -> Iterator[str]:
    return (f[_SEVERITY] for f in findings)


def packed_codes(findings: list[tuple]) -> Iterator[str]:
    return (f[_CODE] for f in findings)


def summary_words(summary: tuple) -> int:
    return summary[_WORDS]


KEEP = 4096  # items a spill holds in memory before it moves to a temporary file (a BBC-sized corpus never does)
_BLOCK = 1 << 20  # bytes read at a time when a spill is walked


class Spill:
    """An append-only sequence of picklable items: in memory up to `KEEP` items, then in a
    temporary file, read back by position or in order."""

    def __init__(self) -> None:
        self._items: list[Any] | None = []
        self._file = None
        self._offsets = array("q", [0])
        self._reading = False

    def __len__(self) -> int:
        return len(self._items) if self._items is not None else len(self._offsets) - 1

    def append(self, item: Any) -> int:
        if self._items is not None:
            if len(self._items) < KEEP:
                self._items.append(item)
                return len(self._items) - 1
            self._file = tempfile.TemporaryFile(prefix="factlint-")
            items, self._items = self._items, None
            for kept in items:
                self._write(kept)
        return self._write(item)

    def _write(self, item: Any) -> int:
        if self._reading:
            self._file.seek(0, 2)
            self._reading = False
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def __getitem__(self, position: int) -> Any:
        if self._items is not None:
            return self._items[position]
        start, end = self._offsets[position], self._offsets[position + 1]
        self._file.seek(start)
        self._reading = True
        return pickle.loads(self._file.read(end - start))

    def __iter__(self) -> Iterator[Any]:
        """The items in order, from the file in blocks of about 1 MiB. Each pass reads from positions
        of its own (it seeks before each block), so passes may run side by side, as `zip` runs two."""
        if self._items is not None:
            yield from self._items
            return
        offsets = self._offsets
        block, base = memoryview(b""), 0  # the block read last, and where in the file it starts
        for k in range(len(self)):
            start, end = offsets[k], offsets[k + 1]
            if end > base + len(block):
                self._file.seek(start)
                self._reading = True
                block, base = memoryview(self._file.read(max(end - start, _BLOCK))), start
            yield pickle.loads(block[start - base : end - base])

    def close(self) -> None:
        self._items = []
        if self._file is not None:
            self._file.close()


class Stored(Sequence):
    """The documents or the findings of a spilled report, unpacked as they are read.

    The spill holds one `(summary, findings)` entry per document, both packed;
    `part` 0 reads the summaries, 1 the findings (all documents' in order).
    """

    def __init__(self, spill: Spill, part: int, count: int):
        self._spill, self._part, self._count = spill, part, count
        self._starts: array | None = None  # first finding of each document, built on first indexing

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        if self._part == 0:
            for summary, _ in self._spill:
                yield unpack_summary(summary)
        else:
            memo: dict = {}
            for _, findings in self._spill:
                for values in findings:
                    yield unpack_finding(values, memo)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._count))]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        if self._part == 0:
            return unpack_summary(self._spill[i][0])
        if self._starts is None:
            self._starts = array("q", [0])
            for _, findings in self._spill:
                self._starts.append(self._starts[-1] + len(findings))
        from bisect import bisect_right

        doc = bisect_right(self._starts, i) - 1
        return unpack_finding(self._spill[doc][1][i - self._starts[doc]])

    def json_items(self) -> Iterator[dict[str, Any]]:
        """The items as `model_dump(mode="json")` gives them, straight from the packed tuples."""
        if self._part == 0:
            for summary, _ in self._spill:
                yield dict(zip(_SUMMARY, summary))
            return
        memo: dict = {}
        for _, findings in self._spill:
            for values in findings:
                item = dict(zip(_FINDING, values))
                item["related"] = [_shared(memo, r, _location_dict) for r in values[_RELATED]]
                yield item

    def with_findings(self) -> Iterator[tuple[DocumentSummary, list[Finding]]]:
        """Each document's summary with its findings, in one pass over the file."""
        memo: dict = {}
        for summary, findings in self._spill:
            yield unpack_summary(summary), [unpack_finding(f, memo) for f in findings]

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None


class Records(Sequence):
    """One corpus rule's records of every document, in document order, read back from a spill of
    each document's `{code: records}` as they are walked: a rule's `finish` that keeps only what it
    needs of them never holds them all. Indexing reads them into memory once."""

    def __init__(self, spill: Spill, code: str, count: int):
        self._spill, self._code, self._count = spill, code, count
        self._list: list[Any] | None = None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        if self._list is not None:
            yield from self._list
            return
        code = self._code
        for records in self._spill:
            yield from records.get(code, ())

    def __getitem__(self, i):
        if self._list is None:
            self._list = list(self)
        return self._list[i]

    def __eq__(self, other) -> bool:
        """The same records in the same order. Two rules' records in one spill (rules that collect the
        same records, as NUM001 and NUM002 do) are compared document by document in one pass over it."""
        if not isinstance(other, Sequence):
            return NotImplemented
        if len(self) != len(other):
            return False
        if isinstance(other, Records) and other._spill is self._spill:
            mine, theirs = self._code, other._code
            if all(_same_records(item.get(mine, ()), item.get(theirs, ())) for item in self._spill):
                return True
        return all(a == b for a, b in zip(self, other))

    __hash__ = None


def _same_records(a: Sequence[Any], b: Sequence[Any]) -> bool:
    return a is b or list(a) == list(b)
