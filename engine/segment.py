"""Segmentation with exact offsets: blocks, page furniture, sentences, quotations, suppressions."""

from __future__ import annotations

import re

import regex
import sentencex

from .document import Block, Document, Quote, Sentence, Suppression

_TERMINAL = tuple('.!?;,"”’)…')
_LIST_ITEM = regex.compile(r"[ \t]*(?:[•▪●◦·‣\-*–]|\d{1,2}[.)])[ \t]+\S")
_BOLD_LINE = regex.compile(r"\s*(\*\*|__).+\1\s*")

# Whole-block patterns for navigation, widgets and prompts that are not the article.
FURNITURE = regex.compile(
    r"""(?ix)\s*(?:
        no\ time\ to\ read\??(?:\s*get\ a\ summary)? | get\ a\ summary
      | previous\ (?:article|story|post) | next\ (?:article|story|post)
      | (?:read|see)\ (?:more|also|next)\b.{0,80} | related(?:\ (?:articles|stories|content|coverage|topics))?:?
      | more\ (?:on\ this\ story|from\ \w+(?:\ \w+)?) | you\ (?:may|might)\ also\ like | recommended(?:\ for\ you)?
      | most\ (?:read|popular|viewed) | trending(?:\ now)? | top\ stories
      | share(?:\ (?:this|the)\ (?:article|story|page))?(?:\ on\ \w+)?:? | tweet | email | print(?:\ this\ (?:article|page))?
      | (?:follow|like)\ us\ on\ .{1,40} | subscribe\b.{0,80} | sign\ up\b.{0,80}newsletter.{0,40}
      | click\ here\b.{0,80} | skip\ to\ (?:main\ )?content | back\ to\ top | advertisement | sponsored(?:\ content)?
      | listen\ to\ (?:this\ )?article | \d{1,2}\ min(?:ute)?s?\ read | comments?(?:\ \(\d+\))?
      | (?:copyright\ )?©.{0,120} | all\ rights\ reserved.{0,40}
    )[\s.!]*""",
)
# Navigation after which short headline-like blocks are links to other articles.
_NAVIGATION = regex.compile(
    r"(?i)\s*(?:previous|next) (?:article|story|post)|related\b|read (?:more|next)|you (?:may|might) also like"
    r"|more (?:on this story|from)|most (?:read|popular|viewed)|recommended|trending|top stories"
)

_OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»", '"': '"', "''": "''"}
_QUOTE_CHARS = re.compile('[“”"‘’«»]')  # stdlib re: faster for a bare character class
_TWO_APOSTROPHES = re.compile("''")
# Titles before a name, after which sentencex sometimes splits ("said Ms. ", "Smith."): such a piece joins the next.
_TITLE_WORDS = (
    "Mr|Mrs|Ms|Mx|Messrs|Mmes|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Rev|Fr|Hon|Rt|Cllr|Insp|Supt|Det|Amb|Pres|Atty"
)
_TITLES = rf"(?<![\w.])(?:{_TITLE_WORDS})\."
_TITLE = regex.compile(rf"\.(?<={_TITLES})")  # tried at full stops only: `regex` allows the variable look-behind
_TITLE_END = regex.compile(_TITLES + r"\s*\Z")
_VERBS = (
    r"said|says|say|stated|states|told|tells|added|adds|wrote|writes|explained|noted|claimed|claims|claiming"
    r"|saying|adding|warned|warns|asked|replied|argued|insisted|declared|announced|remarked|continued"
    r"|posted|tweeted|commented|recalled|acknowledged|emphasized|emphasised|stressed|insists|argues|explains"
)
_NAME = (
    r"(?<!\w)(?:(?i:the|a|an)\s+(?:[\p{Ll}\-]+\s+){0,3}?[\p{Ll}\-]+"
    r"|[\p{Lu}][\p{L}'’.\-]*(?:\s+(?:of|de|al|bin|von|van)?\s*[\p{Lu}][\p{L}'’.\-]*)*"
    r"|he|she|they|officials?)(?!\w)"
)
_AFTER = regex.compile(
    rf"[\s,.]*(?:(?P<verb>{_VERBS})\s+(?P<name>(?:the\s+)?{_NAME})|(?P<name2>(?:the\s+)?{_NAME})\s+(?P<verb2>{_VERBS})\b)"
)
_BEFORE = regex.compile(rf"(?P<name>{_NAME})\s+(?:\w+\s+){{0,2}}?(?P<verb>{_VERBS})\b[^“\"]{{0,200}}?[,:]?\s*$")
_ANY_VERB = regex.compile(rf"\b(?:{_VERBS})\b")  # `_BEFORE` cannot match where no reporting verb is
_SUPPRESS = regex.compile(r"<!--\s*factlint:\s*(disable-next-line|disable|enable)\b([^>]*?)-->", regex.I)


def segment(doc: Document) -> None:
    """Fill in a loaded document's blocks (unless its loader did), sentences, quotations and suppressions."""
    if not doc.blocks:
        doc.blocks = text_blocks(doc.view)
    doc.blocks = mark_furniture(doc.view, doc.blocks)
    doc.sentences = sentences(doc.view, doc.blocks)
    doc.quotes = quotations(doc.view, doc.blocks)
    doc.suppressions = suppressions(doc.text)


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def _is_wrapped(lines: list[tuple[int, int, str]]) -> bool:
    """A run of lines is one hard-wrapped paragraph when most of them break mid-sentence."""
    inner = lines[:-1]
    broken = sum(1 for _, _, body in inner if len(body) > 40 and not body.rstrip().endswith(_TERMINAL + (":",)))
    return broken * 2 > len(inner)


def _kind(text: str) -> str:
    if _LIST_ITEM.match(text):
        return "list_item"
    stripped = text.strip()
    if stripped.startswith("#") or _BOLD_LINE.fullmatch(text):
        return "heading"
    if not stripped.endswith(_TERMINAL) and len(stripped.split()) <= 20:
        return "heading"
    return "paragraph"


def text_blocks(view: str) -> list[Block]:
    """Blocks of plain text: runs of non-blank lines, one block per line unless hard-wrapped."""
    blocks: list[Block] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not run:
            return
        if len(run) > 1 and _is_wrapped(run):
            text = view[run[0][0] : run[-1][1]]
            blocks.append(Block(run[0][0], run[-1][1], "paragraph" if _kind(text) == "heading" else _kind(text)))
        else:
            for start, end, body in run:
                lead = len(body) - len(body.lstrip())
                blocks.append(Block(start + lead, end - (len(body) - len(body.rstrip())), _kind(body)))
        run.clear()

    for start, end, body in _lines(view):
        if body.strip():
            run.append((start, end, body))
        else:
            flush()
    flush()
    if blocks and blocks[0].kind == "heading":
        blocks[0] = Block(blocks[0].start, blocks[0].end, "title")
    return blocks


def mark_furniture(view: str, blocks: list[Block]) -> list[Block]:
    """Reclassify navigation, widgets and prompts as furniture, and the headline-like blocks
    that follow navigation after the last paragraph (links to related articles)."""
    out: list[Block] = []
    after_nav = False
    last_paragraph = None  # found when first needed: most documents have no furniture
    for i, block in enumerate(blocks):
        text = view[block.start : block.end]
        if FURNITURE.fullmatch(text):
            out.append(Block(block.start, block.end, "furniture"))
            if not after_nav and _NAVIGATION.match(text):
                if last_paragraph is None:
                    last_paragraph = max((k for k, b in enumerate(blocks) if _kind(view[b.start : b.end]) == "paragraph"), default=-1)
                after_nav = i > last_paragraph
        elif after_nav and _kind(text) in ("heading", "list_item"):
            out.append(Block(block.start, block.end, "furniture"))
        else:
            after_nav = False
            out.append(block)
    return out


def sentences(view: str, blocks: list[Block]) -> list[Sentence]:
    out: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind == "furniture":
            continue
        text = view[block.start : block.end]
        pieces = sentencex.segment("en", text) if block.kind == "paragraph" else (text,)
        if block.kind == "paragraph" and _TITLE.search(text):
            pieces = _join_titles(pieces)
        start = block.start
        for piece in pieces:  # contiguous: the pieces join back into the block's text
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if len(piece) - trail > lead:
                out.append(Sentence(start + lead, start + len(piece) - trail, index))
            start += len(piece)
    return out


def _join_titles(pieces) -> list[str]:
    """Pieces with each piece that ends in a title ("Dr. ") joined to the next."""
    out: list[str] = []
    carry = ""
    for piece in pieces:
        piece = carry + piece
        carry = piece if _TITLE_END.search(piece) else ""
        if not carry:
            out.append(piece)
    if carry:
        out.append(carry)
    return out


def _opens(view: str, i: int, block_start: int) -> bool:
    char = view[i]
    if char == "'":  # two apostrophes: '' opens before a word, after a space or punctuation
        return (i == block_start or not view[i - 1].isalnum()) and i + 2 < len(view) and not view[i + 2].isspace()
    if char in "“«":
        return True
    before = view[i - 1] if i > block_start else " "
    if char == "‘":
        return not before.isalnum()
    return char == '"' and (not before.isalnum() or before in "([{—–-/")


def _reopens(view: str, i: int, closer: str, block_start: int) -> int:
    """Where the open quotation ends when the mark at `i` opens a new one (else -1): a curly or
    straight opening mark that starts a sentence (`... business. "I have`) while a quotation is
    open, as where a paragraph break was lost. Looks back at most 200 characters."""
    char = view[i]
    if not (char in "“«" and closer != "’" or char == '"' == closer or view.startswith("''", i) and closer == "''"):
        return -1
    after = i + (2 if char == "'" else 1)
    if after >= len(view) or i <= block_start or not view[after].isalnum() or not view[i - 1].isspace():
        return -1
    end = i - 1
    while end > max(block_start, i - 200) and view[end - 1].isspace():
        end -= 1
    return end if end > block_start and view[end - 1] in ".!?…" else -1


def quotations(view: str, blocks: list[Block]) -> list[Quote]:
    """Quotations, straight and curly, within a block; a quotation left open at a block's end
    runs to the block's end (a multi-paragraph quote reopens in the next block)."""
    spans: list[tuple[int, int, int]] = []  # start, end, block index
    marks = [(m.start(), m.group()) for m in _QUOTE_CHARS.finditer(view)]
    if "''" in view:
        marks = sorted(marks + [(m.start(), "''") for m in _TWO_APOSTROPHES.finditer(view)])
    k, count = 0, len(marks)
    for index, block in enumerate(blocks):
        block_start, block_end = block.start, block.end
        while k < count and marks[k][0] < block_start:
            k += 1
        if block.kind == "furniture":
            continue
        open_at, closer = -1, ""
        while k < count and marks[k][0] < block_end:
            i, char = marks[k]
            k += 1
            if open_at < 0:
                if char in _OPEN_CLOSE and _opens(view, i, block_start):
                    open_at, closer = i, _OPEN_CLOSE[char]
            elif (end := _reopens(view, i, closer, block_start)) >= 0:  # the open quotation lost its close
                spans.append((open_at, end, index))
                open_at, closer = i, _OPEN_CLOSE[char]
            elif char == closer and (closer != "’" or i + 1 >= block_end or not view[i + 1].isalpha()):
                spans.append((open_at, i + len(char), index))
                open_at = -1
        if open_at >= 0:
            spans.append((open_at, block_end, index))
    quotes = []
    for start, end, index in spans:
        block = blocks[index]
        quotes.append(Quote(start, end, *_speaker(view, block.start, block.end, start, end)))
    return quotes


def _speaker(view: str, block_start: int, block_end: int, start: int, end: int):
    after = _AFTER.match(view, end, min(block_end, end + 80))
    if after:
        group = "name" if after.group("name") else "name2"
        return _name(view, after.start(group), after.end(group))
    window = max(block_start, start - 300)  # a speaker is named close to the quotation
    stop = view.rfind(". ", window, start)
    sentence_start = window if stop < 0 else stop + 2
    before = _ANY_VERB.search(view, sentence_start, start) and _BEFORE.search(view, sentence_start, start)
    if before:
        return _name(view, before.start("name"), before.end("name"))
    return None, None, None


_NAME_END = regex.compile(rf"(?<![\p{{Lu}}.]|\b(?:{_TITLE_WORDS}))\.(?=\s|$)")  # not after an initial or a title


def _name(view: str, start: int, end: int) -> tuple[str, int, int]:
    """A speaker's name up to its first full stop that ends a word (not an initial or a title):
    "said McIlroy. He" names McIlroy."""
    stop = _NAME_END.search(view, start, end)
    if stop:
        end = stop.start()
    return view[start:end], start, end


def suppressions(text: str) -> list[Suppression]:
    """Inline `<!-- factlint: disable CODES -->` … `enable`, and `disable-next-line` ranges."""
    if "factlint" not in text:
        return []
    out: list[Suppression] = []
    open_ranges: dict[tuple[str, ...], tuple[int, int]] = {}
    for m in _SUPPRESS.finditer(text):
        action = m.group(1).lower()
        codes = tuple(sorted(c for c in regex.split(r"[\s,]+", m.group(2).strip()) if c))
        if action == "disable-next-line":
            line_start = text.find("\n", m.end())
            line_start = len(text) if line_start < 0 else line_start + 1
            while line_start < len(text) and text[line_start] == "\n":
                line_start += 1
            line_end = text.find("\n", line_start)
            out.append(Suppression(line_start, len(text) if line_end < 0 else line_end, codes, m.start(), m.end()))
        elif action == "disable":
            open_ranges.setdefault(codes, (m.start(), m.end()))
        elif codes in open_ranges:
            c_start, c_end = open_ranges.pop(codes)
            out.append(Suppression(c_end, m.start(), codes, c_start, c_end))
        elif not codes and open_ranges:
            for key, (c_start, c_end) in list(open_ranges.items()):
                out.append(Suppression(c_end, m.start(), key, c_start, c_end))
            open_ranges.clear()
    for codes, (c_start, c_end) in open_ranges.items():
        out.append(Suppression(c_end, len(text), codes, c_start, c_end))
    return sorted(out, key=lambda s: (s.start, s.codes))
