"""Attribution extraction: who is reported to say, think or show what.

One pass of a trie pattern over the lower-cased content finds every cue:
reporting and belief verbs, "according to"-type phrases and agentless frames
("it is believed", "reportedly", "allegations that"). Each cue is then read
in its sentence: the source before the verb (with auxiliaries and appositives),
after it ("…, said Mr Smith") or after "by"; the content after the verb, or
before the source when the attribution closes its sentence (and then over the
whole paragraph when nothing else in it is attributed). Quotations that no cue
covers inherit the speaker of the attribution just before them. Parenthetical
citations and "Sources:" footers come from `citations`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factlint.document import Document, Sentence
from factlint.models import Attribution

from . import citations
from .items import Item
from .lexicon import inflect, lowered, trie, verb_forms, words
from .sources import NONE, SourceInfo, classify, described

VERBS = verb_forms("speech_verbs", "belief_verbs", "quote_only_verbs")  # form -> lemma
TENSE = {form: tense for lemma in set(VERBS.values()) for form, tense in inflect(lemma).items()}
FRAMES = words("agentless_frames")
AFTER_CUES = words("source_after_cues")
# Scanned over " " + text: the leading class consumes the character before the cue (a fast
# literal-set prefix for the `re` engine), so group 1 starts where the cue starts in the text.
CUE = re.compile(r"[^\w'’-](" + trie(set(VERBS) | FRAMES | AFTER_CUES) + r")(?![\w'’-])")

AUX = frozenset(w for w in words("verb_auxiliaries") if " " not in w)
AUX_PHRASES = frozenset(tuple(w.split()) for w in words("verb_auxiliaries") if " " in w)
BOUNDARY = words("subject_boundaries")
NOT_SUBJECT = words("noun_markers")
ROLE_ACCESS = words("access_adjectives")
BY_ACTION = re.compile(r"\s+by\s+[a-z]+ing\b")
INITIAL = re.compile(r"[A-Z]\.$")
CONTRACTED = re.compile(r"(?:he|she|it|they|we|i|you|who|that)['’](?:s|ve|d|ll|re|m)$", re.IGNORECASE)
DASH_CREDIT = re.compile(r"[”\"]\s*(?P<cue>[―—–])[ \t]*(?P<name>(?:[A-Z]\.|[A-Z][\w'’-]+)(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})")
SPEAKER_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){1,2})[ \t]*(?P<cue>:)[ \t]+(?=\S)"
)
PREPOSITIONS = words("prepositions")
ABBREVIATIONS = words("abbreviations")
PURE_AUX = words("auxiliaries")
PASSIVE = words("passive_markers")
PARTICIPIAL = words("participle_openers")
TELL = words("telling_verbs")
ADVERBS = frozenset(w for w in FRAMES if " " not in w)  # reportedly, allegedly, ...
NOUN_FRAMES = frozenset(w for w in FRAMES if w.split()[-1] in ("that", "of") and not w.startswith(("there ", "it ")))
RAISING = frozenset(w for w in FRAMES if w.endswith(" to"))
NOUN_LIKE = words("noun_like_verbs")
SAY = words("say_verbs")
PASSIVE_REPORTING = words("passive_reporting_verbs")
QUOTE_ONLY = words("quote_only_verbs")
THAT_VERBS = words("that_verbs")
BELIEF = words("belief_verbs")
QUANTIFIERS = words("quantifiers")
FOOTER_LABELS = words("footer_labels")
COLLECTIVE = words("collective_nouns")
DOCUMENTS = words("document_nouns")
RELATIVE = frozenset({"who", "which", "that"})
ORGS = words("organization_nouns")
NOT_NAMES = words("not_names")
PLACES = words("place_adjectives")
PERSON_PRONOUNS = words("person_pronouns")
GROUP_PRONOUNS = words("group_pronouns")
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS
ROLES = words("anonymous_roles")
_NOUN_OWNERS = words("noun_frame_openers")

_AUDIENCE = r"(?:" + trie(words("audience_words")) + r")"
_ADVERBIAL = r"(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|last (?:week|month|year|night)|this (?:week|month|year)|earlier|later|previously|again|recently|at the time|in (?:a|an|his|her|their|its) (?:statement|interview|speech|letter|report|tweet|post|email|note|briefing)(?: (?:to|with|on) [\w'’. -]{1,40}?)?|on (?:twitter|facebook|x|television|tv|radio)|in (?:parliament|court|congress)|publicly|privately|repeatedly|also|too)"
_SKIP_AFTER = re.compile(rf"(?:,?\s+{_ADVERBIAL}(?![\w'’]))*(?:\s+{_AUDIENCE}(?![\w'’]))?(?:,?\s+{_ADVERBIAL}(?![\w'’]))*(?:\s*,)?(?:\s+that(?![\w'’]))?[\s:,]*")
_INTRODUCED = re.compile(rf"(?:,?\s+{_ADVERBIAL}(?![\w'’]))*\s*(?:that(?![\w'’])|[:,]?\s*[“\"‘])")
_TOLD_OBJECT = re.compile(r"(?:\s+[^\s,.;:!?“”\"]+){1,8}?\s+that(?![\w'’])\s*")
_BY_AGENT = re.compile(r"(?:\s+[^\s,.;:!?]+){0,5}?\s+by\s+")
_ABBREV = r"(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|sgt|prof|capt|u\.s|u\.k|u\.n|no|jr|sr|inc|co|corp|ltd)\."
_NP_TOKEN = rf"(?:{_ABBREV}|[^\s,.;:!?“”\"()—]+(?:\.[^\s,.;:!?“”\"()—]+)*)"
_NP_AFTER = re.compile(
    rf"\s*({_NP_TOKEN}(?:\s+{_NP_TOKEN}){{0,13}}?)"
    r"(?=\s*[,.;:!?()—]|\s+(?:who|which|in|on|at|adding|after|before|yesterday|last|as|when|while|told|said|says|that)\b|\s*$)"
)
_OWNER_AFTER = re.compile(
    r"(?:\s+(?:released|published|compiled|issued|conducted|produced|carried out|commissioned|seen))?"
    r"(?:\s+(?:on|in|last|this|earlier)\s+[\w-]+)?\s+by\s+"
)
_SENTENCE_SUBJECT = re.compile(
    r"[“\"‘(]?\s*((?:(?:the|a|an)\s+)?(?:[\w'’.&-]+\s+){0,3}?(?:[\w'’.&-]+))(?=\s+(?:has |have |had |also |was |were |is |are |would |will |did )?[a-z]+(?:ed|s)?\b)",
    re.IGNORECASE,
)


class Reader:
    """Reads the cues of one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.content
        self.low = lowered(self.text)
        self.items: list[Item] = []

    # --- spans -------------------------------------------------------------------
    def _strip(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        while start < end and text[start] in " \t\n,;:—–-":
            start += 1
        while end > start and text[end - 1] in " \t\n,;:—–-":
            end -= 1
        return (start, end) if end > start else None

    def _source(self, start: int, end: int) -> tuple[int, int] | None:
        span = self._strip(start, end)
        if span:
            text = self.text
            s, e = span
            while s < e and text[s] in "“\"‘'(•▪*-–— ":
                s += 1
            while e > s and text[e - 1] in "”\"’')":
                e -= 1
            if e > s and text[e - 1] == "." and text[s:e].split()[-1].lower() not in ABBREVIATIONS:
                e -= 1
            span = (s, e) if e > s else None
        return span

    def classify(self, span: tuple[int, int] | None, sentence: Sentence) -> SourceInfo:
        if span is None:
            return NONE
        phrase = self.text[span[0] : span[1]]
        if phrase.lower() in ("they", "it", "we"):
            return self.previous(sentence, classify(phrase))
        initial = not self.text[sentence.start : span[0]].strip(" “\"‘(")
        info = classify(phrase, initial, self.text, span[0])
        if info.type == "anonymous" and not (info.access and info.reason):
            access, reason = described(self.low[sentence.start : sentence.end])
            info = replace(info, access=info.access or access, reason=info.reason or reason)
        return info

    def previous(self, sentence: Sentence, default: SourceInfo = SourceInfo("organization", anaphoric=True)) -> SourceInfo:
        """The type of the source named just before (for "they", "it", "its claims"), else `default`."""
        for item in reversed(self.items):
            if item.source and item.sentence is not None and item.sentence.start >= sentence.start - 600 \
                    and self.low[item.source[0] : item.source[1]] not in PRONOUNS:
                return replace(item.info, anaphoric=True)
        return default

    # --- the source --------------------------------------------------------------
    def subject(self, lo: int, cue: int, antecedent: bool = False) -> tuple[int, int] | None:
        """The subject ending just before a verb at `cue` (auxiliaries skipped), or None;
        with `antecedent`, the noun phrase before a relative pronoun (no prepositions)."""
        stops = BOUNDARY | PREPOSITIONS if antecedent else BOUNDARY
        window_start = max(lo, cue - 160)
        window = self.text[window_start:cue]
        toks = window.split()
        i = len(toks)
        while i:
            low = toks[i - 1].lower()
            if low in AUX or low.endswith("ly") and low.isalpha() and toks[i - 1][:1].islower():
                i -= 1
            elif i >= 2 and (toks[i - 2].lower(), low) in AUX_PHRASES:
                i -= 2
            elif i >= 3 and (toks[i - 3].lower(), toks[i - 2].lower(), low) in AUX_PHRASES:
                i -= 3
            else:
                break
        if i and CONTRACTED.match(toks[i - 1]):
            toks[i - 1] = re.split(r"['’]", toks[i - 1])[0]  # "he’s predicted": he + has
        end_i = i
        if not i:
            return None
        last = toks[i - 1]
        if last.lower() in RELATIVE:
            pos = window.rfind(last)
            return (window_start + pos, window_start + pos + len(last))
        if last[-1] == ",":
            # an appositive: "Smith, the chief executive, said" / "The ministry, which ..., said"
            j = i - 1
            while j > 0 and j > i - 14 and not toks[j - 1].endswith((",", ";", ":", "”", '"')):
                j -= 1
            if j <= 0 or not toks[j - 1].endswith(",") or j == i - 1:
                return None
            first = toks[j].strip("“\"‘(")
            name_like = i - 1 - j <= 4 and all(t.strip(",")[:1].isupper() for t in toks[j:i])
            if not (first[:1].islower() or first.lower() in ("the", "a", "an") or name_like):
                return None
            i = j
            toks[i - 1] = toks[i - 1][:-1]
        elif last[-1] in ";:”\"(—–" or last.endswith("''") or last.lower() in BOUNDARY or last.lower() in NOT_SUBJECT:
            return None
        if last.lower() in PRONOUNS and last[-1] not in ",;:":
            pos = window.rfind(last)
            return (window_start + pos, window_start + pos + len(last))  # "profits it expected": just "it"
        n = 0
        while i and n < 9:
            tok = toks[i - 1]
            if tok.startswith("(") and tok.endswith(")"):
                i -= 1
                continue
            if tok.endswith(")") and "(" not in tok[1:]:
                j = i - 1
                while j > 0 and not toks[j - 1].startswith("(") and i - j < 6:
                    j -= 1
                if j > 0 and toks[j - 1].startswith("(") and j - 1 > 0:
                    i = j - 1  # "Sanders (I-Vt.) has criticized": skip the parenthesis
                    continue
            low = tok.lower().strip("“\"‘(")
            if n and low in PURE_AUX:
                break  # "people have started thinking": an auxiliary ends the subject
            if n and (tok[-1] in ",;:”\"—–)" or tok.endswith("''") or tok[-1] in ".!?" and low not in ABBREVIATIONS and not INITIAL.match(tok)):
                break
            if low in stops:
                if low in ("and", "or") and n and i >= 2:
                    prev = toks[i - 2].rstrip(",").lower()
                    if (toks[i - 2][:1].isupper() or prev in COLLECTIVE or prev in ROLES) and toks[i][:1] != "":
                        i -= 1
                        n += 1
                        continue
                break
            i -= 1
            n += 1
            if tok[:1] in "“\"‘(":
                break
        if i < end_i - 1 and toks[i].lower() == "with" and toks[i - 1 : i] and toks[i - 1].lower() not in ROLE_ACCESS:
            i += 1  # "…, with experts stressing that": the absolute construction's subject
        if i == end_i or toks[i].lower().strip("“\"‘(") in PREPOSITIONS and toks[i + 1 : i + 2] != ["least"]:
            return None
        if i >= 2 and toks[i - 1].endswith(",") and toks[i].lower() in ("a", "an") and toks[i - 1][:1].isupper():
            # "Eva Lichtenberg, a Green member of the European Parliament said": the name before the appositive
            j = i - 1
            toks[j] = toks[j][:-1]
            while j > 0 and toks[j - 1][:1].isupper() and not toks[j - 1].endswith((",", ".", ";", ":", "”", '"')) and i - j < 4:
                j -= 1
            i = j
        # offsets: walk the tokens back from the end of the window
        pos = len(window)
        starts = [0] * len(toks)
        for k in range(len(toks) - 1, i - 1, -1):
            pos = window.rfind(toks[k], 0, pos)
            starts[k] = pos
        end = starts[end_i - 1] + len(toks[end_i - 1])
        if end_i - 1 < len(toks) and toks[end_i - 1] != window[starts[end_i - 1] : end]:
            return None
        return self._source(window_start + starts[i], window_start + end)

    def source_after(self, pos: int, end: int) -> tuple[int, int] | None:
        m = _NP_AFTER.match(self.low, pos, end)
        if not m or not m.group(1).strip():
            return None
        stop = m.end(1)
        owner = _OWNER_AFTER.match(self.low, stop, end)
        if owner:  # "new figures released on Tuesday by the ONS": the owner belongs to the source
            more = _NP_AFTER.match(self.low, owner.end(), end)
            if more and more.group(1).strip():
                stop = more.end(1)
        return self._source(m.start(1), stop)

    def main_subject(self, sentence: Sentence, before: int) -> tuple[tuple[int, int] | None, SourceInfo]:
        """The source of a participle or a second verb ("…, adding that", "… and said"): the source of
        an attribution earlier in the sentence, else the sentence's subject when it is recognisably a source."""
        for item in reversed(self.items):
            if item.sentence is sentence and item.source and item.source[1] <= before:
                return item.source, item.info
            if item.sentence is not sentence:
                break
        m = _SENTENCE_SUBJECT.match(self.text, sentence.start, before)
        if not m or m.group(1).split()[0].lower() in NOT_SUBJECT | BOUNDARY:
            return None, NONE
        source = self._source(m.start(1), m.end(1))
        if source is None:
            return None, NONE
        info = self.classify(source, sentence)
        return (None, NONE) if info.type == "none" else (source, info)

    # --- the content ---------------------------------------------------------------
    def content_after(self, pos: int, sentence: Sentence, lemma: str | None) -> tuple[int, int] | None:
        end = sentence.end
        m = _SKIP_AFTER.match(self.low, pos, end)
        start = m.end() if m else pos
        if lemma in TELL and start == pos:
            told = _TOLD_OBJECT.match(self.low, pos, min(end, pos + 80))
            if told:
                start = told.end()
        rest = self.text[start:end].strip(" .!?\n")
        if len(rest) < 3 or self.text[pos:start].count(",") and not rest[:1] in "“\"‘" and start == end:
            return None
        quote = self.doc.quote_at(start) if self.text[start : start + 1] in "“\"‘" else None
        if quote:
            return (quote.start, quote.end)
        inside = self.doc.quote_at(pos)
        if inside and inside.end > start:
            end = min(end, inside.end - 1)  # a cue inside a quotation reports no further than its end
        return self._strip(start, end)

    def content_before(self, source_start: int, sentence: Sentence) -> tuple[int, int] | None:
        text = self.text
        k = source_start
        while k > sentence.start and text[k - 1] in " ,\n":
            k -= 1
        if k > 0 and text[k - 1] in "”\"’":
            quote = self.doc.quote_at(k - 1, k)
            if quote:
                return (quote.start, quote.end)
        return self._strip(sentence.start, k)

    def ends_clause(self, pos: int, end: int) -> bool:
        """Whether nothing but adverbials and punctuation follow a verb up to the end of its clause."""
        m = _SKIP_AFTER.match(self.low, pos, end)
        rest = self.low[m.end() if m else pos : end].lstrip()
        if not rest or rest[0] in ".;!?)":
            return True
        following = rest.split(None, 1)[0].strip(",")
        return self.text[pos:end].lstrip()[:1] == "," and (following.endswith("ing") or following in ("according", "but", "and", "as"))

    def verb_like(self, prev: str, tense: str, start: int, end: int, sentence: Sentence) -> bool:
        """Whether a word that is also a noun ("support", "claims") is used as a verb here."""
        after = self.low[end : min(sentence.end, end + 24)].split()
        following = after[0].strip(",.;:") if after else ""
        if following in VERBS or following in ("itself", "themselves", "himself", "herself"):
            return False  # "intelligence reports hint", "finds itself"
        if prev.endswith((",", "”", '"', "''")) and tense in ("past", "s"):
            return True  # "“…,” replied Sanders."
        before = self.low[max(sentence.start, start - 40) : start].split()
        two_back = before[-2] if len(before) > 1 else ""
        original = self.text[max(sentence.start, start - 40) : start].split()
        noun = prev in ROLES or prev in COLLECTIVE or prev in ORGS or prev in DOCUMENTS or bool(original) and original[-1][:1].isupper()
        if two_back in PREPOSITIONS or two_back in ("below", "above", "than") or two_back in NOT_SUBJECT and not noun:
            return False  # "below analyst forecasts", "its central claim": a noun phrase
        if following == "that" or after and after[0][:1] in "“\":":
            return True
        if tense == "ing":
            return False  # "Russia backing North Korea": a gerund or a noun
        bare = prev.strip("“\"‘(,")
        if bare in QUANTIFIERS:
            return False  # "several suspects have been detained"
        if bare in AUX or bare in PERSON_PRONOUNS or bare in GROUP_PRONOUNS or bare in RELATIVE:
            return True
        if bare in COLLECTIVE or bare in ROLES or bare in ORGS or bare in DOCUMENTS:
            return True
        before = self.text[max(sentence.start, start - 40) : start].split()
        return bool(before) and before[-1].strip("“\"‘(,")[:1].isupper() and bare not in NOT_NAMES and bare not in PLACES

    # --- cues -----------------------------------------------------------------------
    def read(self) -> list[Item]:
        self.items = items = []
        doc, low = self.doc, self.low
        for m in CUE.finditer(" " + low):
            start, end = m.start(1) - 1, m.end(1) - 1
            sentence = doc.sentence_at(start)
            if sentence is None or end > sentence.end:
                continue
            word = m.group(1)
            if self.text[start].isupper() and self.text[sentence.start : start].strip(" “\"‘('•-"):
                continue  # "Grand Slam", "the Post": a capitalised cue inside a sentence is a name
            if word in AFTER_CUES:
                item = self.according(start, end, word, sentence)
            elif word in FRAMES:
                item = self.frame(start, end, word, sentence)
            else:
                item = self.verb(start, end, word, sentence)
            if item is not None:
                items.append(item)
        return items + self.labels()

    def labels(self) -> list[Item]:
        """Transcript speaker labels: "TRUMP: The deaths of …"."""
        out = []
        for m in SPEAKER_LABEL.finditer(self.text):
            name = m.group("name")
            if name.lower() in FOOTER_LABELS or name.lower() in NOT_NAMES or len(name) < 3:
                continue
            sentence = self.doc.sentence_at(m.start("name"))
            if sentence is None:
                continue
            block = self.doc.blocks[sentence.block]
            source = (m.start("name"), m.end("name"))
            info = classify(name, False, self.text, source[0])
            out.append(Item(m.span("cue"), None, source, self._strip(m.end(), block.end), info, sentence, "after"))
        for m in DASH_CREDIT.finditer(self.text):
            quote = self.doc.quote_at(m.start(), m.start() + 1)
            sentence = self.doc.sentence_at(m.start("name"))
            if quote is None or sentence is None:
                continue
            source = (m.start("name"), m.end("name"))
            info = classify(m.group("name"), False, self.text, source[0])
            out.append(Item(m.span("cue"), None, source, (quote.start, quote.end), info, sentence, "before"))
        return out

    def according(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        source = self.source_after(end, sentence.end)
        if source is None:
            return None
        info = self.classify(source, sentence)
        before = self._strip(sentence.start, start)
        if before and before[1] - before[0] > 12:
            content = self.content_before(start, sentence)
            form = "before"
        else:
            content = self._strip(source[1], sentence.end)
            form = "after"
        return Item((start, end), word, source, content, info, sentence, form)

    def frame(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        low, text = self.low, self.text
        if word in NOUN_FRAMES:
            noun = word.split()[0]
            before = low[max(sentence.start, start - 30) : start].split()
            prev = before[-1] if before else ""
            if prev in ("its", "his", "her", "their", "our"):
                owner = (start - len(prev) - 1, start - 1)  # "with its claims that": an owner named before
                info = SourceInfo("person", anaphoric=True) if prev in ("his", "her") else self.previous(sentence)
                return Item((start, start + len(noun)), noun, owner, self._strip(end, sentence.end), info, sentence, "after")
            if prev.endswith(("'s", "’s", "s'", "s’")) and prev not in ("it's", "it’s", "that's", "that’s"):
                owner = self.subject(sentence.start, start)
                if owner:
                    info = self.classify(owner, sentence)
                    return Item((start, start + len(noun)), noun, owner, self._strip(end, sentence.end), info, sentence, "after")
            prev2 = before[-2] if len(before) > 1 else ""
            named = text[start - len(prev) - 1 : start - 1][:1].isupper()
            verb_reading = prev not in _NOUN_OWNERS and (prev2 not in _NOUN_OWNERS or named and prev2 in ("the", "a", "an"))
            if prev and verb_reading and noun in ("reports", "claims", "fears", "worries"):
                return self.verb(start, start + len(noun), noun, sentence)
            by = re.match(r"\s*(?:by|from)\s+", low[start + len(noun) : end + 40])
            if by:
                source = self.source_after(start + len(noun) + by.end(), sentence.end)
                if source:
                    return Item((start, start + len(noun)), noun, source, None, self.classify(source, sentence), sentence, "after")
            return Item((start, end), noun, None, self._strip(end, sentence.end), NONE, sentence, "frame")
        if word in ADVERBS:
            return Item((start, end), word, None, self._strip(sentence.start, sentence.end), NONE, sentence, "frame")
        cue_end = end - 3 if word in RAISING else end
        if word in RAISING and re.match(r"\s+(?:the|police|a|an|his|her|their|its|authorities|him|them)\b", low[end : end + 20]):
            return None
        by = _BY_AGENT.match(low, cue_end, min(sentence.end, cue_end + 60))
        if by and word not in RAISING:
            source = self.source_after(by.end(), sentence.end)
            if source:
                info = self.classify(source, sentence)
                return Item((start, cue_end), word, source, self._strip(sentence.start, start), info, sentence, "before")
        if word.startswith(("it ", "there ")):
            content = self.content_after(end, sentence, None)
        else:
            content = self._strip(sentence.start, sentence.end)
        return Item((start, cue_end), word, None, content, NONE, sentence, "frame")

    def verb(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        low, text = self.low, self.text
        lemma = VERBS.get(word, word)
        if lemma in NOUN_LIKE:
            # cheap first look at the word before: most noun uses stop here ("the support", "a plan")
            cut = low.rfind(" ", max(sentence.start, start - 25), start - 1)
            if low[cut + 1 : start - 1] in NOT_SUBJECT:
                return None
        tense = TENSE.get(word, "base")
        before = low[max(sentence.start, start - 40) : start].split()
        prev = before[-1] if before else ""
        prev_bare = prev.strip("“\"‘(")
        aux = before[-2] if len(before) > 1 and prev_bare in AUX and prev_bare not in PASSIVE else prev_bare
        if aux in PASSIVE and tense in ("past", "part"):
            by = _BY_AGENT.match(low, end, min(sentence.end, end + 60))
            if not by:
                if lemma not in PASSIVE_REPORTING:
                    return None
                cue_start = low.rfind(aux, sentence.start, start)
                return Item((cue_start, end), lemma, None, self._strip(sentence.start, sentence.end), NONE, sentence, "frame")
            source = self.source_after(by.end(), sentence.end)
            if source is None:
                return None
            return Item((start, end), lemma, source, self._strip(sentence.start, start), self.classify(source, sentence), sentence, "before")
        if prev_bare in NOT_SUBJECT and not prev.endswith(",") or prev.endswith(("'s", "’s")) and not CONTRACTED.match(prev):
            return None
        if lemma in NOUN_LIKE and not self.verb_like(prev, tense, start, end, sentence):
            return None
        if tense in ("past", "part") and lemma in BELIEF and low.startswith((" to be ", " to have "), end):
            return None  # "Others thought to be in the running": a reduced passive, no one thinking
        if BY_ACTION.match(low, end, min(sentence.end, end + 30)):
            return None  # "responded by orchestrating": an action, not speech
        if tense == "ing" and (prev.endswith(",") or prev_bare in PARTICIPIAL or not prev):
            source, info = self.main_subject(sentence, start)
            if source is None or info.guessed and lemma in NOUN_LIKE:
                return None
            content = self.content_after(end, sentence, lemma)
            return Item((start, end), lemma, source, content, info, sentence, "after")
        source = self.subject(sentence.start, start)
        relative = None
        if source and self.low[source[0] : source[1]] in RELATIVE:
            k = source[0]
            while k > sentence.start and text[k - 1] in " ,":
                k -= 1
            relative = source
            source = self.subject(sentence.start, k, antecedent=True) if k < source[0] else None
            if source is None:
                return None
            info = self.classify(source, sentence)
            source = (source[0], relative[1])
        if source is None:
            if prev.endswith((",", "”", '"', "''")):
                # inverted: "…, said Mr Smith." / "“…,” said the minister."
                if tense not in ("past", "s"):
                    return None
                source = self.source_after(end, sentence.end)
                if source is None or self.classify(source, sentence).type == "none":
                    return None
                content = self.content_before(start, sentence)
                if content is None:
                    content = self.content_after(source[1], sentence, lemma)
                return Item((start, end), lemma, source, content, self.classify(source, sentence), sentence, "before")
            if prev_bare in ("and", "but") and tense in ("past", "s"):
                source, info = self.main_subject(sentence, start)
                if source is None:
                    return None
            else:
                return None
        elif relative is None:
            info = self.classify(source, sentence)
        if info.guessed and lemma in NOUN_LIKE:
            return None
        if tense in ("past", "part") and info.type == "document" and re.match(r"\s+(?:in|as|by|at|on|from)\b", low[end : end + 6]):
            return None  # "the document cited in various briefings": a participle, not the verb
        if self.ends_clause(end, sentence.end):
            content = self.content_before(source[0], sentence)
            form = "before"
            if lemma in QUOTE_ONLY and not (content and text[content[0] : content[0] + 1] in "“\"‘'"):
                return None
        else:
            if lemma in QUOTE_ONLY and not re.match(r"\s*[:,]?\s*[“\"‘]", text[end : end + 4]):
                return None
            if lemma in THAT_VERBS and not _INTRODUCED.match(low, end, sentence.end):
                return None
            if info.guessed and lemma not in SAY and not _INTRODUCED.match(low, end, sentence.end):
                return None  # "the exchanges add another layer": no reported content
            content = self.content_after(end, sentence, lemma)
            form = "after"
        return Item((start, end), lemma, source, content, info, sentence, form)


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def _settle(doc: Document, items: list[Item]) -> list[Item]:
    """Drop agentless frames a named source in the same sentence answers; extend
    paragraph-final attributions over their paragraph; give uncovered quotations their speaker."""
    sourced = {id(i.sentence) for i in items if i.info.type != "none"}
    items = [i for i in items if i.info.type != "none" or id(i.sentence) not in sourced]
    by_block: dict[int, list[Item]] = {}
    for item in items:
        if item.sentence is not None:
            by_block.setdefault(item.sentence.block, []).append(item)
    for block_index, block_items in by_block.items():
        block = doc.blocks[block_index]
        last = max(block_items, key=lambda i: i.sentence.start)
        if (
            last.form == "before" and last.content and last.info.type != "none"
            and last.content[0] == last.sentence.start and last.sentence.start > block.start
            and all(i is last or i.sentence.start == last.sentence.start for i in block_items)
        ):
            last.content = (block.start, last.content[1])
    covered = [i.content for i in items if i.content]
    covered.sort()
    extra: list[Item] = []
    ordered = sorted(items, key=lambda i: (i.cue or i.source or (0, 0))[0])
    text = doc.content
    for quote in doc.quotes:
        span = (quote.start, quote.end)
        if any(_overlaps(span, c) for c in covered):
            continue
        sentence = doc.sentence_at(quote.start)
        if sentence is None or len(text[quote.start : quote.end].split()) < 3:
            continue
        if text[sentence.start : quote.start].strip():
            continue  # a quoted phrase inside the writer's sentence, not a quotation of its own
        previous = None
        for item in ordered:
            anchor = (item.cue or item.source or (0, 0))[0]
            if anchor >= quote.start:
                break
            previous = item
        if previous is not None and previous.source and previous.sentence is not None and (
            previous.sentence.block == sentence.block or previous.sentence.block == sentence.block - 1
        ):
            extra.append(Item(None, None, previous.source, span, previous.info, sentence, "quote"))
        elif quote.speaker_start is not None:
            source = (quote.speaker_start, quote.speaker_end)
            info = classify(text[source[0] : source[1]], False, text, source[0])
            extra.append(Item(None, None, source, span, info, sentence, "quote"))
    return items + extra


def extract(doc: Document) -> list[Attribution]:
    """Every attribution in a segmented document, as contract `attribution` assertions."""
    if not doc.sentences:
        return []
    cited = citations.read(doc)
    boxes = [c.cue for c in cited if c.cue]
    items = [i for i in Reader(doc).read() if not any(b[0] <= (i.cue or i.source)[0] < b[1] for b in boxes)]
    items = _settle(doc, items) + cited
    seen: set[tuple] = set()
    out = []
    for item in items:
        key = (item.cue, item.source, item.content)
        if key not in seen:
            seen.add(key)
            out.append(item.attribution(doc.text))
    return out
