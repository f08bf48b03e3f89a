"""Sources: finding input files, reading bytes, decoding text, reporting what cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SKIP_DIRS = {".git", ".hg", ".svn", ".factlint_cache", "__pycache__", "node_modules", ".venv"}


@dataclass(frozen=True)
class LoadError:
    """Input that could not be read as an article; it becomes a `TXT` error finding."""

    document: str
    message: str
    code: str = "TXT001"
    path: str | None = None
    line: int = 1
    column: int = 1
    start: int = 0
    end: int = 0
    excerpt: str = ""


@dataclass(frozen=True)
class Source:
    """One input: a file path as given (or `-` for stdin) and, for stdin, its bytes.

    A loader marked `splittable` (one record per line, such as JSON Lines) may be
    given a byte range of the input: `start`/`end` at line boundaries, `line` the
    number of its first line. `open()` reads just that range.
    """

    name: str
    suffix: str
    data: bytes | None = None
    start: int = 0
    end: int | None = None
    line: int = 1

    def read_bytes(self) -> bytes:
        return self.data if self.data is not None else Path(self.name).read_bytes()

    def open(self):
        import io

        if self.data is not None:
            return io.BytesIO(self.data[self.start : self.end])
        if self.start == 0 and self.end is None:
            return open(self.name, "rb")
        with open(self.name, "rb") as f:
            f.seek(self.start)
            return io.BytesIO(f.read() if self.end is None else f.read(self.end - self.start))


def split(source: Source, size: int) -> Iterator[Source]:
    """Byte ranges of about `size` bytes at line boundaries, each with its first line number."""
    stream = source.open()
    start, line = source.start, source.line
    carry = b""
    with stream:
        while True:
            block = stream.read(size)
            if not block:
                break
            block = carry + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:
                carry = block
                continue
            yield Source(source.name, source.suffix, source.data, start, start + cut, line)
            start += cut
            line += block.count(b"\n", 0, cut)
            carry = block[cut:]
    if carry:
        yield Source(source.name, source.suffix, source.data, start, start + len(carry), line)


def discover(paths: Iterable[str], suffixes: Iterable[str]) -> Iterator[str | LoadError]:
    """Expand paths in order: files as given, directories recursed (sorted, known suffixes only)."""
    known = set(suffixes)
    for given in paths:
        if given == "-":
            yield given
        elif os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if Path(name).suffix.lower() in known and not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(given):
            yield given
        else:
            yield LoadError(document=given, path=given, message="no such file or directory")


def decode(data: bytes, name: str) -> tuple[str | None, LoadError | None]:
    """UTF-8 text from bytes. Binary data gives no text; invalid bytes are replaced and reported."""
    if b"\x00" in data[:8192]:
        return None, LoadError(document=name, path=name, message="binary file (NUL bytes); not checked")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        line = prefix.count("\n") + 1
        column = len(prefix) - (prefix.rfind("\n") + 1) + 1
        return text, LoadError(
            document=name, path=name, line=line, column=column,
            start=len(prefix), end=len(prefix) + 1, excerpt=text[len(prefix) : len(prefix) + 1],
            message=f"invalid UTF-8 at byte {exc.start} ({exc.reason}); "
            "undecodable bytes were replaced with U+FFFD and the rest was checked",
        )
