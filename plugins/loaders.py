"""Built-in input loaders: plain text, Markdown with front matter, HTML, JSON Lines."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator
from html.parser import HTMLParser

import regex

from factlint import hookimpl
from factlint.document import Block, Document, blank
from factlint.loading import LoadError, Source, decode

_FRONT_MATTER = regex.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
_COMMENT = regex.compile(r"<!--.*?-->", regex.S)
_MD_SYNTAX = regex.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)|\*\*|__|(?<=\])\([^)\s]*\)|[\[\]]|^[ \t]*```.*$")


def _decoded(source: Source) -> tuple[str | None, LoadError | None]:
    return decode(source.read_bytes(), source.name)


def _document(source: Source, text: str, error: LoadError | None, **fields) -> Document:
    doc = Document(id=source.name, path=source.name, text=text, **fields)
    if error is not None:
        doc.load_errors.append(error)
    return doc


def _empty(source: Source) -> LoadError:
    return LoadError(code="TXT002", document=source.name, path=source.name, message="empty document: no text to check")


def load_text(source: Source) -> Iterator[Document | LoadError]:
    text, error = _decoded(source)
    if text is None:
        yield error
    elif not text.strip():
        yield _empty(source)
    else:
        yield _document(source, text, error)


def _front_matter(source: Source, text: str) -> tuple[dict, int, LoadError | None]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0, None
    import yaml  # imported here: most runs read no front matter (~20 ms)

    try:
        meta = yaml.safe_load(m.group(1)) or {}
        if not isinstance(meta, dict):
            raise yaml.YAMLError("front matter is not a mapping")
    except yaml.YAMLError as exc:
        err = LoadError(code="TXT003", document=source.name, path=source.name, line=1, end=m.end(),
                        excerpt=text[: min(m.end(), 80)], message=f"invalid YAML front matter ignored: {exc}")
        return {}, m.end(), err
    return {str(k): v for k, v in meta.items()}, m.end(), None


def load_markdown(source: Source) -> Iterator[Document | LoadError]:
    text, error = _decoded(source)
    if text is None:
        yield error
        return
    meta, body_start, fm_error = _front_matter(source, text)
    if not text[body_start:].strip():
        yield _empty(source)
        return
    hidden = [(0, body_start)] + [m.span() for m in _COMMENT.finditer(text, body_start)]
    hidden += [m.span() for m in _MD_SYNTAX.finditer(text, body_start)]
    view = blank(text, hidden)
    doc = _document(source, text, error, view=view, meta=meta, blocks=_markdown_blocks(text, view))
    if fm_error is not None:
        doc.load_errors.append(fm_error)
    yield doc


def _markdown_blocks(text: str, view: str) -> list[Block]:
    """Blocks from markdown-it's line maps: headings, list items, paragraphs (fences skipped)."""
    from markdown_it import MarkdownIt  # imported here: most runs read no Markdown (~30 ms)

    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    blocks: list[Block] = []
    in_item = 0
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type in ("heading_open", "paragraph_open") and token.map:
            first, last = token.map
            start = starts[first]
            end = starts[last] - 1 if last < len(starts) else len(text)
            chunk = view[start:end]
            lead, trail = len(chunk) - len(chunk.lstrip()), len(chunk) - len(chunk.rstrip())
            if end - trail > start + lead:
                kind = "heading" if token.type == "heading_open" else "list_item" if in_item else "paragraph"
                blocks.append(Block(start + lead, end - trail, kind))
    if blocks and blocks[0].kind == "heading":
        blocks[0] = Block(blocks[0].start, blocks[0].end, "title")
    return blocks


class _HTMLText(HTMLParser):
    """Marks which character ranges of an HTML source are article text, and where blocks break."""

    BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title", "blockquote", "td", "th",
             "tr", "section", "article", "header", "footer", "figcaption", "dd", "dt", "pre", "br", "ul", "ol", "main"}
    HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "form", "button", "select"}
    FURNITURE = {"nav", "aside", "footer"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.keep: list[tuple[int, int]] = []
        self.blocks: list[tuple[int, int, str]] = []
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.current: list[int] = []  # start, end of the block being gathered
        self.kind = "paragraph"

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self) -> None:
        if self.current:
            self.blocks.append((self.current[0], self.current[1], self.kind))
        self.current = []
        self.kind = "paragraph"

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self._flush()
        if tag == "meta":
            a = dict(attrs)
            key = a.get("name") or a.get("property") or ""
            if key in ("date", "article:published_time", "og:type", "description", "author") and a.get("content"):
                self.meta[key] = a["content"]
        if tag not in ("br", "meta", "img", "hr", "link", "input"):
            self.stack.append(tag)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title"):
            self.kind = "title" if tag in ("title", "h1") else "heading"
        elif tag == "li":
            self.kind = "list_item"

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if tag in self.BLOCK:
            self._flush()

    def _text(self, length: int) -> None:
        start = self._pos()
        if any(t in self.HIDDEN for t in self.stack) and "title" not in self.stack:
            return
        self.keep.append((start, start + length))
        if "title" in self.stack:
            self.meta.setdefault("title", self.text[start : start + length].strip())
            return
        if any(t in self.FURNITURE for t in self.stack):
            self.kind = "furniture"
        if self.text[start : start + length].strip():
            if not self.current:
                lead = len(self.text[start : start + length]) - len(self.text[start : start + length].lstrip())
                self.current = [start + lead, start + length]
            else:
                self.current[1] = start + length

    def handle_data(self, data):
        self._text(len(data))

    def handle_entityref(self, name):
        self._text(len(name) + 2)

    def handle_charref(self, name):
        self._text(len(name) + 3)


def load_html(source: Source) -> Iterator[Document | LoadError]:
    text, error = _decoded(source)
    if text is None:
        yield error
        return
    parser = _HTMLText(text)
    parser.feed(text)
    parser.close()
    parser._flush()
    keep = sorted(parser.keep)
    hidden, pos = [], 0
    for start, end in keep:
        if start > pos:
            hidden.append((pos, start))
        pos = max(pos, end)
    hidden.append((pos, len(text)))
    view = blank(text, hidden)
    blocks = [Block(s, e - (len(view[s:e]) - len(view[s:e].rstrip())), k) for s, e, k in parser.blocks if view[s:e].strip()]
    if not blocks:
        yield _empty(source)
        return
    meta = {"title": parser.meta.get("title")} if parser.meta.get("title") else {}
    if "date" in parser.meta or "article:published_time" in parser.meta:
        meta["date"] = parser.meta.get("date") or parser.meta["article:published_time"]
    if parser.meta.get("og:type") in ("article", "opinion", "analysis"):
        meta["type"] = parser.meta["og:type"] if parser.meta["og:type"] != "article" else None
    yield _document(source, text, error, view=view, meta={k: v for k, v in meta.items() if v}, blocks=blocks)


def load_jsonl(source: Source) -> Iterator[Document | LoadError]:
    """One article per line; a broken line is an error at that line, and the rest still load."""
    with source.open() as stream:
        for number, raw in enumerate(stream, source.line):
            if not raw.strip():
                continue
            where = f"{source.name}:{number}"

            def bad(message: str) -> LoadError:
                return LoadError(code="TXT003", document=where, path=source.name, line=number,
                                 message=f"JSON Lines record {number}: {message}; record skipped")

            line, error = decode(raw, where)
            if line is None:
                yield bad("binary data")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield bad(f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield bad("not a JSON object")
                continue
            if not isinstance(record.get("id"), (str, int)) or not isinstance(record.get("text"), str):
                yield bad("needs an `id` (string or number) and a `text` (string)")
                continue
            if not record["text"].strip():
                yield LoadError(code="TXT002", document=str(record["id"]), path=source.name, line=number,
                                message=f"JSON Lines record {number}: empty text")
                continue
            meta = {k: v for k, v in record.items() if k not in ("id", "text")}
            doc = Document(id=str(record["id"]), path=source.name, text=record["text"], meta=meta)
            if error is not None:
                doc.load_errors.append(bad("invalid UTF-8 replaced"))
            yield doc


load_jsonl.splittable = True  # one record per line: the engine may hand it byte ranges of a file


@hookimpl
def factlint_loaders():
    return {
        ".txt": load_text, ".text": load_text, ".md": load_markdown, ".markdown": load_markdown,
        ".html": load_html, ".htm": load_html, ".jsonl": load_jsonl, ".ndjson": load_jsonl,
    }
