"""Where each key of a TOML file is: key paths to line numbers, for error messages.

`tomllib` gives values without positions, so this reads the (already valid)
TOML once more for its structure only: table headers, arrays of tables,
dotted keys, and the elements of inline arrays and tables.
"""

from __future__ import annotations

from bisect import bisect_right

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class KeyLines:
    """Line numbers of the keys of one TOML text, by key path (``("rules", 2, "pattern")``)."""

    def __init__(self, text: str):
        self.text = text
        self.lines: dict[Path, int] = {}
        self._starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self._arrays: dict[Path, int] = {}
        try:
            self._document()
        except (IndexError, ValueError):  # best effort: keep what was found before the surprise
            pass

    def line(self, path: Path) -> int | None:
        """The line of `path`, else of its nearest enclosing key that has one."""
        for n in range(len(path), 0, -1):
            if path[:n] in self.lines:
                return self.lines[path[:n]]
        return None

    # --- scanning -----------------------------------------------------------------
    def _record(self, path: Path, pos: int) -> None:
        self.lines.setdefault(path, bisect_right(self._starts, pos))

    def _skip(self, i: int, newlines: bool = True) -> int:
        """Past white space and comments (and line breaks, if `newlines`)."""
        text = self.text
        while i < len(text):
            c = text[i]
            if c == "#":
                while i < len(text) and text[i] != "\n":
                    i += 1
            elif c in " \t\r" or (newlines and c == "\n"):
                i += 1
            else:
                break
        return i

    def _document(self) -> None:
        table: Path = ()
        i = self._skip(0)
        while i < len(self.text):
            if self.text.startswith("[[", i):
                keys, i = self._key(i + 2)
                parent = self._resolve(keys[:-1])
                path = (*parent, keys[-1])
                index = self._arrays.get(path, 0)
                self._arrays[path] = index + 1
                table = (*path, index)
                self._record(table, i)
                i = self.text.index("]]", i) + 2
            elif self.text[i] == "[":
                keys, i = self._key(i + 1)
                table = self._resolve(keys)
                self._record(table, i)
                i = self.text.index("]", i) + 1
            else:
                i = self._pair(i, table)
            i = self._skip(i)

    def _resolve(self, keys: list[str]) -> Path:
        """A header's key path, with the current index of each array of tables on the way."""
        path: Path = ()
        for key in keys:
            path = (*path, key)
            if path in self._arrays:
                path = (*path, self._arrays[path] - 1)
        return path

    def _key(self, i: int) -> tuple[list[str], int]:
        keys = []
        while True:
            i = self._skip(i, newlines=False)
            c = self.text[i]
            if c in "\"'":
                end = self._string_end(i)
                keys.append(self.text[i + 1 : end - 1])
                i = end
            else:
                start = i
                while self.text[i] in _BARE:
                    i += 1
                if i == start:
                    raise ValueError("no key")
                keys.append(self.text[start:i])
            i = self._skip(i, newlines=False)
            if self.text[i] != ".":
                return keys, i
            i += 1

    def _pair(self, i: int, table: Path) -> int:
        start = i
        keys, i = self._key(i)
        path = (*table, *keys)
        self._record(path, start)
        i = self._skip(i, newlines=False)
        if self.text[i] != "=":
            raise ValueError("no '='")
        return self._value(self._skip(i + 1, newlines=False), path)

    def _value(self, i: int, path: Path) -> int:
        text = self.text
        c = text[i]
        if c in "\"'":
            return self._string_end(i)
        if c == "[":
            i, index = self._skip(i + 1), 0
            while text[i] != "]":
                self._record((*path, index), i)
                i = self._skip(self._value(i, (*path, index)))
                if text[i] == ",":
                    i, index = self._skip(i + 1), index + 1
            return i + 1
        if c == "{":
            i = self._skip(i + 1, newlines=False)
            while text[i] != "}":
                i = self._skip(self._pair(i, path), newlines=False)
                if text[i] == ",":
                    i = self._skip(i + 1, newlines=False)
            return i + 1
        while i < len(text) and text[i] not in ",]}\n#":
            i += 1
        return i

    def _string_end(self, i: int) -> int:
        """The index just past the string that opens at `i` (basic, literal, or multi-line)."""
        text = self.text
        quote = text[i]
        if text.startswith(quote * 3, i):
            j = i + 3
            while True:
                if quote == '"' and text[j] == "\\":
                    j += 2
                elif text.startswith(quote * 3, j):
                    j += 3
                    while j < len(text) and text[j] == quote:  # up to two quotes may close the content
                        j += 1
                    return j
                else:
                    j += 1
        j = i + 1
        while text[j] != quote:
            j += 2 if quote == '"' and text[j] == "\\" else 1
        return j + 1
