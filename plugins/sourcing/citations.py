"""Citations outside the sentence: parenthetical citations and "Sources:" footers.

A parenthetical that stands as its own sentence and is made of source words
("(Policy outlook briefs.)", "(Source: ONS)") is a citation; it names a source
when it holds a name, an acronym, a date or a web address. A footer is a
"Sources:" (or "References:") label and the short blocks after it; its entries
are split on new lines, semicolons and bullets, and domains written together
("naturalnews.commeduza.iofoxnews.com") are taken apart at their top-level domains.
Citations cover no content span: what they cite is not marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factlint.document import Document

from .items import Item
from .lexicon import words
from .sources import SourceInfo

DOCUMENTS = words("document_nouns")
COLLECTIVE = words("collective_nouns")
NOT_NAMES = words("not_names") | words("place_adjectives") | DOCUMENTS | COLLECTIVE
FOOTER_LABELS = words("footer_labels")
TLDS = sorted(words("tlds"), key=len, reverse=True)
_TLD_SET = frozenset(TLDS)
_HOST_PREFIXES = frozenset({"www", "m", "en", "edition", "mobile", "amp"})
CITATION_WORDS = DOCUMENTS | COLLECTIVE | {"source", "sources", "cited", "citing", "via", "according", "courtesy", "credit"}

_PAREN = re.compile(r"\(([^()\n]{3,240})\)")
_LABEL = re.compile(r"\s*(?P<label>(?:" + "|".join(re.escape(w) for w in sorted(FOOTER_LABELS, key=len, reverse=True)) + r"))\s*:\s*", re.IGNORECASE)
# A web address, tried only where a word starts: a run of "a.a.a…" is read once, not from every dot
_DOMAIN = re.compile(r"(?<![\w.-])(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s;,]*)?", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:\n|;|\s\|\s|•|▪|·|(?<=\S)\s+-\s+)\s*")
_WORD = re.compile(r"[\w][\w'’.&-]*")
_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d", re.IGNORECASE)


@dataclass(slots=True)
class Entry:
    start: int
    end: int
    text: str
    parts: list[str] = field(default_factory=list)  # domains taken apart, when written together


@dataclass(slots=True)
class Footer:
    label: tuple[int, int]
    end: int
    entries: list[Entry]


def split_domains(host: str) -> list[str]:
    """Domains written together, taken apart: "naturalnews.commeduza.iofoxnews.com" →
    ["naturalnews.com", "meduza.io", "foxnews.com"]; a single domain comes back alone."""
    path = ""
    if "/" in host:
        host, _, path = host.partition("/")
        path = "/" + path
    labels = host.split(".")
    parts: list[str] = []
    current = [labels[0]]
    for label in labels[1:-1]:
        low = label.lower()
        cut = None
        if low not in _TLD_SET and not all(c.lower() in _HOST_PREFIXES for c in current):
            cut = next((t for t in TLDS if low.startswith(t) and len(low) - len(t) >= 3), None)
        if cut:
            parts.append(".".join([*current, label[: len(cut)]]))
            current = [label[len(cut) :]]
        else:
            current.append(label)
    current.append(labels[-1])
    parts.append(".".join(current) + path)
    return parts


def named(text: str) -> bool:
    """Whether a citation names its source: a web address, a date, an acronym or a proper name."""
    if _DOMAIN.search(text) or _DATE.search(text):
        return True
    tokens = _WORD.findall(text)
    for i, token in enumerate(tokens):
        bare = token.rstrip(".").lower()
        if token.isupper() and len(token) > 1 and bare not in NOT_NAMES:
            return True
        if i and token[:1].isupper() and bare not in NOT_NAMES:
            return True
    return False


def _entry_info(text: str) -> SourceInfo:
    if not named(text):
        return SourceInfo("collective")
    domain = _DOMAIN.fullmatch(text.strip())
    if domain and "/" not in text.split("//")[-1]:
        return SourceInfo("organization", named=True)
    return SourceInfo("document", named=True)


def parentheticals(doc: Document) -> list[Item]:
    text = doc.content
    out = []
    for m in _PAREN.finditer(text):
        start, end = m.span()
        sentence = doc.sentence_at(start)
        if sentence is None:
            continue
        lead = text[sentence.start : start].rstrip()
        if lead and lead[-1] not in ".!?":
            continue  # inside a sentence: an aside, not a citation
        inner = m.group(1).strip().rstrip(".").strip()
        label = _LABEL.match(inner)
        body = inner[label.end() :] if label else inner
        tokens = [t.lower() for t in _WORD.findall(body)]
        if not tokens or len(tokens) > 20:
            continue
        if not label and not any(t in CITATION_WORDS for t in tokens) and not _DOMAIN.search(body):
            continue
        body_start = m.start(1) + m.group(1).index(body) if body else m.start(1)
        source = (body_start, body_start + len(body))
        info = _entry_info(body)
        out.append(Item((start, end), None, source, None, info, sentence, "citation", "citation"))
    return out


def footers(doc: Document) -> list[Footer]:
    """The "Sources:" footers of a document, with their entries."""
    text = doc.content
    out = []
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        if block.kind == "furniture":
            continue
        m = _LABEL.match(text, block.start, block.end)
        if not m or (block.kind == "paragraph" and m.end() < block.end and len(text[m.end() : block.end].split()) > 30):
            continue
        end = block.end
        spans = [(m.end(), block.end)] if m.end() < block.end else []
        for nxt in blocks[index + 1 :]:
            chunk = text[nxt.start : nxt.end]
            if nxt.kind == "furniture" or len(chunk.split()) > 30 or _LABEL.match(chunk):
                break
            spans.append((nxt.start, nxt.end))
            end = nxt.end
        entries = []
        for s, e in spans:
            pos = s
            for piece in _SPLIT.split(text[s:e]) + [""]:
                if not piece:
                    continue
                at = text.find(piece, pos, e)
                pos = at + len(piece)
                cleaned = piece.strip(" -*–•,.")
                if not cleaned:
                    continue
                offset = at + piece.index(cleaned)
                domains = _DOMAIN.fullmatch(cleaned)
                parts = split_domains(cleaned.split("//")[-1]) if domains else []
                entries.append(Entry(offset, offset + len(cleaned), cleaned, parts if len(parts) > 1 else []))
        out.append(Footer((m.start("label"), m.end()), end, entries))
    return out


def footer_items(doc: Document) -> list[Item]:
    out = []
    for footer in footers(doc):
        sentence = doc.sentence_at(footer.label[0])
        for entry in footer.entries:
            out.append(Item(footer.label, None, (entry.start, entry.end), None, _entry_info(entry.text), sentence, "citation", "citation"))
    return out


def read(doc: Document) -> list[Item]:
    """Parenthetical citations and footer entries as attributions without content."""
    return parentheticals(doc) + footer_items(doc)
