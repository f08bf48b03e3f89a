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
from bisect import bisect_left, bisect_right
from itertools import accumulate, islice

from factlint.document import Document, Sentence
from factlint.models import Attribution

from . import citations
from .items import Item
from .lexicon import inflect, lowered, trie, verb_forms, words
from .sources import MEASURED_SHARE, NONE, SourceInfo, classify, described

# Cue classes of the verb lists, in order of precedence (a lemma belongs to the first list naming it).
VERB_CLASSES = {
    "speech_verbs": "speech", "quote_only_verbs": "speech", "belief_verbs": "belief", "stance_verbs": "stance",
    "intent_verbs": "intent", "decree_verbs": "decree", "perception_verbs": "perception",
    "publication_verbs": "publication", "seeming_verbs": "seeming", "fitted_verbs": "fitted",
}
VERBS = verb_forms(*VERB_CLASSES)  # form -> lemma
CLASS = {}  # lemma -> cue class
for _name, _class in VERB_CLASSES.items():
    for _lemma in words(_name):
        CLASS.setdefault(_lemma, _class)
TENSE = {form: tense for lemma in set(VERBS.values()) for form, tense in inflect(lemma).items()}
FRAMES = words("agentless_frames")
AFTER_CUES = words("source_after_cues")
FITTED_NOUNS = words("fitted_nouns")  # cue nouns fitted on PolNeAR train, read as cue nouns, class `fitted`
NOUNS = words("cue_nouns") | words("perspective_nouns") | FITTED_NOUNS
# Scanned over " " + text: the leading class consumes the character before the cue (a fast
# literal-set prefix for the `re` engine), so group 1 starts where the cue starts in the text.
POLLS = words("poll_nouns")
CUE = re.compile(r"[^\w'’-](" + trie(set(VERBS) | FRAMES | AFTER_CUES | NOUNS | POLLS) + r")(?![\w'’-])")
# "in" and up to seven words before a poll noun: "in a New York Times/CBS News survey"
IN_POLL = re.compile(r"(?<![\w'’-])in\s+((?:[^\s,.;:!?“”\"()]+\s+){0,7})\Z")
AUX = frozenset(w for w in words("verb_auxiliaries") if " " not in w)
AUX_PHRASES = frozenset(tuple(w.split()) for w in words("verb_auxiliaries") if " " in w)
BOUNDARY = words("subject_boundaries")
NOT_SUBJECT = words("noun_markers")
ROLE_ACCESS = words("access_adjectives")
BY_ACTION = re.compile(r"\s+by\s+[a-z]+ing\b")
INITIAL = re.compile(r"[A-Z]\.$")
CONTRACTED = re.compile(r"(?:he|she|it|they|we|i|you|who|that)['’](?:s|ve|d|ll|re|m)$", re.IGNORECASE)
DASH_CREDIT = re.compile(r"[”\"]\s*(?P<cue>[―—–])[ \t]*(?P<name>(?:[A-Z]\.|[A-Z][\w'’-]+)(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})")
# A speaker label: one to five capitalised words (a parenthesis such as "(R-S.C.)" allowed) and a
# colon before a capital or a quotation ("TRUMP: The deaths …", "Issa: Clinton's ‘Honesty …’").
# Colons are found first (they are rare); the name is then read back from the colon.
LABEL_COLON = re.compile(r":[ \t]*(?=[“\"‘'A-Z])")
LABEL_NAME = re.compile(
    r"[A-Z][\w.'’&-]*(?:[ \t]+(?:[A-Z][\w.'’&-]*|\([A-Z][\w.-]*\)|of|de|van|von|al|bin)){0,4}[ \t]*\Z"
)
NOT_LABELS = words("not_speaker_labels")
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
QUOTE_ONLY = words("quote_only_verbs")
SPEECH_LISTED = words("speech_verbs")
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
_NOUN_OPENERS = _NOUN_OWNERS | PREPOSITIONS
_ANTECEDENT_STOPS = BOUNDARY | PREPOSITIONS | {"with", "about", "without", "through", "across", "behind", "near"}
_NOT_INFINITIVE_CUE = frozenset({"authorized", "authorised", "anonymity", "permitted", "allowed", "cleared", "not"})
_LIGHT_VERBS = frozenset({"make", "makes", "made", "making", "has", "have", "had", "having", "take", "takes", "took", "get", "gets", "got", "do", "does", "did", "give", "gives", "gave"})
_NEAR, _FAR = 100, 240  # characters before a verb read for its subject: first, and when that is too few
_RETRY = object()
_OBJECT_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "this", "that", "some"})
_NOT_CLAUSE_SOURCES = frozenset({"preposition", "noun", "label"})  # their source is no clause's subject
_SILENT = frozenset({"fitted", "infinitive"})  # recorded, but no other reading leans on them (subjects, pronouns, `_settle`)
_GERUND_OPENERS = PARTICIPIAL | {"in", "on", "for", "to", "instead of"}  # "in addition to stating" (not "lack of understanding": a noun)
_NOUN_GERUND_OPENERS = _GERUND_OPENERS | {"of"}
_CLAUSE_OPENERS = PARTICIPIAL | PREPOSITIONS | {"instead", "rather", "despite", "besides"}  # "Instead of calling …, Mr. Trump said"
_MID_ADVERBS = frozenset({"since", "also", "then", "once", "even", "still", "again", "now", "already", "just", "never", "not"})
_OPENERS = frozenset({"then", "now", "later", "earlier", "still", "yet", "however", "meanwhile", "instead", "also", "so", "today", "yesterday", "recently", "though", "too", "moreover", "nevertheless", "indeed", "again", "in turn", "for example", "for instance", "in fact"})
MAX_CONTENT = 3000  # characters of reported content at most (about two long paragraphs)
_BACK_REFERENCES = frozenset({"they", "them", "their", "it", "its"})  # take the type of the source named before
_BE = frozenset({"is", "are", "was", "were", "be", "been", "am", "’s", "'s", "’re", "'re"})
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_NOUN_COMPLEMENTS = frozenset({"of", "for", "to", "about", "on", "over", "against", "that", "at", "behind"})
# Verbs whose object is an attitude their subject holds or shows ("threw her support behind").
_COPULAS = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "become", "becomes", "became",
    "seem", "seems", "seemed", "feel", "feels", "felt", "grew", "grown", "stay", "stays", "stayed",
})
_RAISING_VERBS = frozenset({"tend", "tends", "continue", "continues", "able", "begin", "begins", "began", "seek", "seeks"})
_DEGREE = frozenset({"most", "more", "very", "so", "too", "less", "quite", "all", "as", "ever", "not", "also", "still", "already", "now", "even"})
_HOLDING_VERBS = frozenset({
    "has", "have", "had", "made", "make", "makes", "gave", "give", "gives", "threw", "throw", "throws", "lent", "lend",
    "lends", "enjoys", "enjoyed", "won", "wins", "earned", "raised", "raises", "shares", "shared",
})
_NOUN_BLOCKERS = frozenset({"no", "any", "in", "case", "just", "a", "an", "this", "these", "those", "every", "each"})
_NOT_OWNERS = frozenset({"it's", "it’s", "that's", "that’s", "there's", "there’s", "what's", "what’s", "who's", "who’s"})
PERSPECTIVE_NOUNS = words("perspective_nouns")

_AUDIENCE = r"(?:" + trie(words("audience_words")) + r")"
_ADVERBIAL = r"(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:19|20)\d\d|yesterday|today|last (?:week|month|year|night)|this (?:week|month|year)|earlier|later|previously|again|recently|at the time|in (?:a|an|his|her|their|its) (?:statement|interview|speech|letter|report|tweet|post|email|note|briefing)(?: (?:to|with|on) [\w'’. -]{1,40}?)?|on (?:twitter|facebook|x|television|tv|radio)|in (?:parliament|court|congress)|publicly|privately|repeatedly|also|too)"
_SKIP_AFTER = re.compile(rf"(?:,?\s+{_ADVERBIAL}(?![\w'’]))*(?:\s+{_AUDIENCE}(?![\w'’]))?(?:,?\s+{_ADVERBIAL}(?![\w'’]))*(?:\s*,)?(?:\s+that(?![\w'’]))?[\s:,]*")
_INTRODUCED = re.compile(rf"(?:,?\s+{_ADVERBIAL}(?![\w'’]))*\s*(?:that(?![\w'’])|[:,]?\s*[“\"‘])")
_CLAUSE = re.compile(r"\s+(?:he|she|they|we|i|there)\s+[a-z]+[\s’']")  # a clause without "that": "shows he needs"

_TOLD_OBJECT = re.compile(r"(?:\s+[^\s,.;:!?“”\"]+){1,8}?\s+that(?![\w'’])\s*")
_BY_AGENT = re.compile(r"(?:\s+[^\s,.;:!?]+){0,5}?\s+by\s+")
_ABBREV = r"(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|sgt|prof|capt|u\.s|u\.k|u\.n|no|jr|sr|inc|co|corp|ltd)\."
_NP_TOKEN = rf"(?:{_ABBREV}|[^\s,.;:!?“”\"()—]+(?:\.[^\s,.;:!?“”\"()—]+)*)"
_NP_AFTER = re.compile(
    rf"\s*({_NP_TOKEN}(?:\s+{_NP_TOKEN}){{0,13}}?)"
    r"(?=\s*[,.;:!?()—]|\s+(?:who|which|in|on|at|adding|after|before|yesterday|last|as|when|while|told|said|says|that)\b"
    r"|\s+and\s+(?:could|would|will|may|might|can|must|should|has|have|had|is|are|was|were)\b|\s*$)"
)
_OWNER_AFTER = re.compile(
    r"(?:\s+(?:released|published|compiled|issued|conducted|produced|carried out|commissioned|seen))?"
    r"(?:\s+(?:on|in|last|this|earlier)\s+[\w-]+)?\s+by\s+"
)
_WORD = re.compile(r"[\w][\w'’.&-]*")
_PARENTHETICAL = re.compile(r"\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s*,")
_OPENING = re.compile(r"[\s“\"‘'(•▪*-]*")  # what may stand before a sentence's first word


def _opens(text: str, start: int, pos: int) -> bool:
    """Whether only spaces, quotation marks, brackets and bullets stand between `start` and `pos`."""
    return _OPENING.match(text, start, pos).end() == pos


# An adverbial clause opening a sentence ("While Trump has called for …, the response …").
_SUBORDINATE = re.compile(r"[\s“\"‘'(]*(?:" + trie(words("clause_subordinators")) + r")\s")
_DATELINE = re.compile(r"[\s“\"]*[A-Z][A-Z .'-]{1,60},[^,\n]{0,40}?(?:\([\w .]+\))?\s+[-—–―]+\s+")  # "ORLANDO, Fla. (Reuters) - "
_QUOTE_MARK = re.compile(r"[“”\"]|''")


class Reader:
    """Reads the cues of one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.content
        self.low = lowered(self.text)
        self.items: list[Item] = []
        self._skips: dict[tuple[int, int], int] = {}
        self._headlines: dict[int, bool] = {}
        self._described: dict[int, tuple[bool, bool]] = {}
        self._types: dict[tuple[str, bool], SourceInfo] = {}  # a phrase's type in this document

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
        if phrase.lower() in _BACK_REFERENCES:
            return self.previous(span[0], classify(phrase))
        initial = _opens(self.text, sentence.start, span[0])
        key = (phrase, initial)
        info = self._types.get(key)
        if info is None:
            info = self._types[key] = classify(phrase, initial, self.text)
        if info.type == "anonymous" and not (info.access and info.reason):
            access, reason = self.described(sentence)
            info = replace(info, access=info.access or access, reason=info.reason or reason)
        return info

    def described(self, sentence: Sentence) -> tuple[bool, bool]:
        """(access, reason): whether a sentence describes a source's access or gives a reason for its
        anonymity (read once per sentence)."""
        if sentence.start not in self._described:
            self._described[sentence.start] = described(self.low[sentence.start : sentence.end])
        return self._described[sentence.start]

    def previous(self, pos: int, default: SourceInfo = SourceInfo("organization", anaphoric=True)) -> SourceInfo:
        """The type of the source named in the 600 characters before `pos` (for "they", "it", "its
        claims"), else `default`."""
        for item in reversed(self.items):
            if not item.source or item.cls in _SILENT:
                continue
            if item.source[0] < pos - 600:
                break
            if self.low[item.source[0] : item.source[1]] not in PRONOUNS:
                return replace(item.info, anaphoric=True)
        return default

    # --- the source --------------------------------------------------------------
    def subject(self, lo: int, cue: int, antecedent: bool = False) -> tuple[int, int] | None:
        """The subject ending just before a verb at `cue` (auxiliaries skipped), or None;
        with `antecedent`, the noun phrase before a relative pronoun (no prepositions)."""
        low = self.low
        at = low.rfind(" ", max(lo, cue - 8), cue - 1) + 1
        if at and low[cue - 1 : cue] == " " and low[at : cue - 1] in PRONOUNS:
            return (at, cue - 1)  # "he said", "they believe": the pronoun alone (the common case, read at once)
        found = self._subject(lo, cue, antecedent, _NEAR)
        return self._subject(lo, cue, antecedent, _FAR) if found is _RETRY else found

    def _subject(self, lo: int, cue: int, antecedent: bool, reach: int):
        """`subject` read in the `reach` characters before the verb; `_RETRY` when the window was cut
        short and the reading came within three words of its start (its first word may be cut)."""
        stops = _ANTECEDENT_STOPS if antecedent else BOUNDARY
        window_start = max(lo, cue - reach)
        floor = 4 if window_start > lo else 0  # below this token index the short window cannot decide
        window = self.text[window_start:cue]
        toks = window.split()
        i = len(toks)
        while i:
            low = toks[i - 1].lower()
            if low in AUX or low.endswith("ly") and low.isalpha() and toks[i - 1][:1].islower():
                i -= 1
            elif low in _MID_ADVERBS and i >= 2 and toks[i - 2].lower() in AUX:
                i -= 1  # "has since said", "had also warned"
            elif i >= 2 and (toks[i - 2].lower(), low) in AUX_PHRASES:
                i -= 2
            elif i >= 3 and (toks[i - 3].lower(), toks[i - 2].lower(), low) in AUX_PHRASES:
                i -= 3
            else:
                break
        if i < floor:
            return _RETRY
        if i and CONTRACTED.match(toks[i - 1]):
            toks[i - 1] = re.split(r"['’]", toks[i - 1])[0]  # "he’s predicted": he + has
        end_i = i
        if not i:
            return None
        last = toks[i - 1]
        if last.lower() in RELATIVE:
            pos = window.rfind(last)
            return (window_start + pos, window_start + pos + len(last))
        if last[-1] == "," and i >= 2 and last[:-1].lower() in _OPENERS and toks[i - 2].endswith(","):
            i -= 1  # "NATO's secretary general, meanwhile, called on": a parenthetical adverb
            end_i = i
            toks[i - 1] = toks[i - 1][:-1]
            last = toks[i - 1]
        if last[-1] == ",":
            # an appositive: "Smith, the chief executive, said" / "The ministry, which ..., said"
            j = self._segment_start(toks, i)
            if j < floor:
                return _RETRY
            first = toks[j].strip("“\"‘(")
            age = j == i - 1 and first[:-1].isdigit()  # "Mr. Regalado, 69, said"
            tagged = j == i - 1 and not age and first[:1].isupper() and j > 0 and toks[j - 1].endswith(",")
            if tagged:
                # a state or party tag after a place or a name ("from Houston, Texas,", "Rand Paul, R-Ky.,"):
                # the appositive, if any, stands before it
                i = j
                j = self._segment_start(toks, i)
                if j < floor:
                    return _RETRY
                first = toks[j].strip("“\"‘(")
            if tagged and (j <= 0 or not toks[j - 1].endswith(",")):
                toks[i - 1] = toks[i - 1][:-1]  # "Sen. Rand Paul, R-Ky., told": no appositive, the name before the tag
            else:
                if j <= 0 or not toks[j - 1].endswith(",") or j == i - 1 and not age:
                    return None
                name_like = i - 1 - j <= 4 and all(t.strip(",")[:1].isupper() for t in toks[j:i])
                # "Jeff Weaver, Sanders’ campaign manager, said": an appositive after a name
                after_name = toks[j - 1][:1].isupper() and first[:1].isupper() and toks[j - 1][:-1].lower() not in NOT_NAMES
                if not (first[:1].islower() or first.lower() in ("the", "a", "an") or first[:1].isdigit() or name_like or age or after_name):
                    return None
                i = j
                toks[i - 1] = toks[i - 1][:-1]
                if i >= 2 and toks[i - 1].isdigit() and toks[i - 2].endswith(","):
                    i -= 1  # "Woodrow Benford, 58, who lives outside Minneapolis, says": the age too
                    toks[i - 1] = toks[i - 1][:-1]
        elif last in ("—", "–", "--") and (k := self._dash(toks, i, floor)):
            # a parenthesis between dashes: "Democratic leaders — and, in particular, Harry Reid — insisted"
            if k is _RETRY:
                return _RETRY
            i = k
            last = toks[i - 1]
            if last[-1] in ",;:”\"(" or last.lower() in BOUNDARY or last.lower() in NOT_SUBJECT:
                return None
        elif last[-1] in ";:”\"(—–" or last.endswith("''") or last.lower() in BOUNDARY or last.lower() in NOT_SUBJECT:
            return None
        if last.lower() in PRONOUNS and last[-1] not in ",;:":
            pos = window.rfind(last)
            return (window_start + pos, window_start + pos + len(last))  # "profits it expected": just "it"
        n = common = 0  # words taken; lower-case words among them (names do not count towards the limit)
        while i and common < 9 and n < 20:
            tok = toks[i - 1]
            if tok.startswith("(") and tok.endswith(")"):
                i -= 1
                continue
            if tok.endswith(")") and "(" not in tok[1:]:
                j = i - 1
                while j > 0 and not toks[j - 1].startswith("(") and i - j < 6:
                    j -= 1
                if j < floor:
                    return _RETRY
                if j > 0 and toks[j - 1].startswith("(") and j - 1 > 0:
                    i = j - 1  # "Sanders (I-Vt.) has criticized": skip the parenthesis
                    continue
            low = tok.lower().strip("“\"‘(")
            if n and low in PURE_AUX:
                break  # "people have started thinking": an auxiliary ends the subject
            if n and low in VERBS and i >= 2 and toks[i - 2].lower() == "to":
                # after an infinitive, a name is the subject of the clause it governs ("to hear Weld and Johnson
                # speak"); other words are its object ("to show the prime minister is", "to recognise an individual voice")
                if toks[i][:1].isupper():
                    break
                return None
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
            common += not tok[:1].isupper()
            if tok[:1] in "“\"‘(":
                break
        if i < floor:
            return _RETRY
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
            if j < floor:
                return _RETRY
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

    @staticmethod
    def _segment_start(toks: list[str], i: int) -> int:
        """The index of the first token of the comma-delimited segment ending with `toks[i - 1]` (30 at most)."""
        j = i - 1
        while j > 0 and j > i - 30 and not toks[j - 1].endswith((",", ";", ":", "”", '"')):
            j -= 1
        return j

    @staticmethod
    def _dash(toks: list[str], i: int, floor: int):
        """The index of the token after the dash opening the parenthesis closed by `toks[i - 1]`, or 0;
        `_RETRY` when the search reached the cut start of a short window."""
        k = next((k for k in range(i - 2, max(0, i - 30), -1) if toks[k] == toks[i - 1]), 0)
        return _RETRY if k < floor and (k or i - 30 < floor) else k

    def source_after(self, pos: int, end: int) -> tuple[int, int] | None:
        """The noun phrase after a cue ("according to the Pentagon", "…, said Mr Smith", "by the ONS");
        never a figure ("predicted to grow by 11%")."""
        m = _NP_AFTER.match(self.low, pos, end)
        if not m or not m.group(1).strip() or m.group(1)[:1].isdigit() or MEASURED_SHARE.match(m.group(1)):
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
        found = None
        for item in reversed(self.items):
            if item.sentence is not sentence:
                break
            if item.source and item.source[1] <= before and item.cls not in _NOT_CLAUSE_SOURCES and item.cls not in _SILENT:
                found = item
        if found is not None:
            return found.source, found.info
        # the subject: the words before the sentence's first auxiliary or verb form (at most six)
        begin = sentence.start
        opening = _OPENING.match(self.low, begin, before).end()
        first = _WORD.match(self.low, opening, before)
        if first is None or first.group() in _CLAUSE_OPENERS and self.low.find(",", first.end(), before) < 0 \
                and TENSE.get(self.low[before : before + 12].split(" ", 1)[0]) == "ing":
            # the participle opens the sentence ("Recalling …, Mr. Biden said", "After arguing …, he"):
            # the subject follows the participle clause's comma
            comma = self.text.find(",", before, min(sentence.end, before + 200))
            if comma < 0:
                return None, NONE
            begin, before = comma + 1, sentence.end
            first = _WORD.match(self.low, _OPENING.match(self.low, begin, before).end(), before)
        elif first.group() in BOUNDARY or first.group() in PREPOSITIONS or first.group() in _OPENERS:
            # "Then he cut into Bush, calling …", "At the time, Sanders …": skip the opener
            reach = 90 if first.group() in PREPOSITIONS else 50  # "In a victory speech in Westchester County on Tuesday night,"
            comma = self.text.find(",", first.end(), min(before, first.end() + reach))
            begin = comma + 1 if comma > 0 and first.group() not in _OPENERS else first.end()
        elif (dateline := _DATELINE.match(self.text, begin, before)) is not None:
            begin = dateline.end()  # "PARIS, Aug 31 (Reuters) - Marine Le Pen …": the dateline is no subject
        elif (first.group().endswith(("ing", "ly")) or first.group() == "having") and self.text[first.start()].isupper() \
                and (comma := self.text.find(",", first.end(), min(before, first.end() + 120))) > 0:
            begin = comma + 1  # "Walking to the next address, Ebeling …", "Shortly before the announcement, she …"
        toks = list(islice(_WORD.finditer(self.low, begin, before), 7))
        words_ = [t.group() for t in toks]
        if not words_ or words_[0] in BOUNDARY or words_[0] in PREPOSITIONS or words_[0] in NOT_SUBJECT and words_[0] not in ("the", "a", "an"):
            return None, NONE
        if words_[0] in PRONOUNS:
            verb_at = 1
        else:
            verb_at = next((k for k, w in enumerate(words_) if k and self.text[toks[k].start()].islower() and (
                w in PURE_AUX or w in VERBS or w.endswith("ed") and len(w) > 4
                or w.endswith("s") and self.text[toks[k - 1].start()].isupper()
            )), None)
            if verb_at and verb_at > 2 and words_[0] not in NOT_SUBJECT:
                # "Mr. Trump struck a measured tone": a name, then an unlisted verb before its object
                low_at = next((k for k in range(1, verb_at) if self.text[toks[k].start()].islower()), verb_at)
                if low_at < verb_at - 1 and words_[low_at + 1] in _OBJECT_DETERMINERS:
                    verb_at = low_at
        if verb_at is None:  # a name ("Hillary Clinton set out …"), else the words before a comma
            verb_at = next((k for k, t in enumerate(toks) if not self.text[t.start()].isupper()), 0)
            if 0 < verb_at <= 4 and toks[0].group() not in NOT_NAMES:
                source = self._source(toks[0].start(), toks[verb_at - 1].end())
                info = self.classify(source, sentence) if source else NONE
                return (None, NONE) if info.type == "none" else (source, info)
            comma = self.text.find(",", begin, min(before, begin + 60))
            verb_at = next((k for k, t in enumerate(toks) if t.start() > comma), 0) if comma > 0 else 0
            if not 0 < verb_at <= 5:
                return None, NONE  # "Other candidates, including …, have followed": the words before the comma
        source = self._source(toks[0].start(), toks[verb_at - 1].end())
        if source is None:
            return None, NONE
        info = self.classify(source, sentence)
        return (None, NONE) if info.type == "none" else (source, info)

    def earlier(self, sentence: Sentence, before: int) -> bool:
        """Whether an attribution with a source stands earlier in the sentence (a list of verbs)."""
        for item in reversed(self.items):
            if item.sentence is not sentence:
                return False
            if item.source and item.source[1] <= before and item.cls not in _SILENT:
                return True
        return False

    # --- the content ---------------------------------------------------------------
    def content_after(self, pos: int, sentence: Sentence, lemma: str | None) -> tuple[int, int] | None:
        end = sentence.end
        start = self.skip_after(pos, end)
        if lemma in TELL and start == pos:
            told = _TOLD_OBJECT.match(self.low, pos, min(end, pos + 80))
            if told:
                start = told.end()
        rest = self.text[start : min(end, start + 40)].strip(" .!?\n")
        if len(rest) < 3 or self.text[pos:start].count(",") and not rest[:1] in "“\"‘" and start == end:
            return None
        quote = self.doc.quote_at(start) if self.text[start : start + 1] in "“\"‘" else None
        if quote:
            return (quote.start, quote.end)
        inside = self.doc.quote_at(pos)
        if inside and inside.end > start:
            end = min(end, inside.end - 1)  # a cue inside a quotation reports no further than its end
        elif _SUBORDINATE.match(self.low, sentence.start, pos) and "," not in self.text[sentence.start : pos]:
            end = self.clause_end(start, end)  # "While X has called for …, [the main clause]"
        return self._strip(start, end)

    def holder(self, start: int, sentence: Sentence) -> tuple[int, int] | None:
        """Who holds an attitude named by an adjective or a noun with no owner: the subject of a copula
        ("Sanders’ allies have been eager to", "he is most proud of") or of a light verb a few words
        before ("he made the suggestion that", "both leaders gave diplomatic assurances that")."""
        low = self.low
        toks = low[max(sentence.start, start - 60) : start].split()
        k = len(toks)
        while k and (toks[k - 1] in _DEGREE or toks[k - 1].endswith("ly") and toks[k - 1].isalpha()):
            k -= 1
        if not (k and toks[k - 1] in _COPULAS):
            k = next((j for j in range(k, max(0, k - 3), -1) if toks[j - 1] in _HOLDING_VERBS or toks[j - 1] in _LIGHT_VERBS), 0)
            if not k or any(t in PREPOSITIONS or t in VERBS or not t.isalpha() for t in toks[k:]):
                return None
        at = start
        for tok in reversed(toks[k - 1 :]):
            at = low.rfind(tok, sentence.start, at)
        return self.subject(sentence.start, at) if at > sentence.start else None

    def subject_before(self, start: int, prev: str) -> bool:
        """Whether the word before a verb reads as its subject (a name, a pronoun, the end of a quotation):
        "Mr. Trump said by telephone" is no reduced passive."""
        return prev in PRONOUNS or prev.endswith(("”", "''", '"')) or self.text[self.low.rfind(" ", 0, start - 1) + 1 : start][:1].isupper()

    def controller(self, to: int, sentence: Sentence) -> tuple[int, int] | None:
        """The subject of an infinitive whose "to" stands at `to`, read next to it: the name just before
        "to" ("allows Rubio to offer", "force Sen. Bernie Sanders to acknowledge"), else the subject of the
        verb governing it ("Sanders continued to portray", "Verizon has been working to emphasize")."""
        toks = list(_WORD.finditer(self.text, max(sentence.start, to - 80), to))
        if not toks:
            return None
        last = toks[-1]
        if last.group()[:1].isupper():
            k = len(toks) - 1
            while k and len(toks) - k < 5 and toks[k - 1].group()[:1].isupper() and self.text[toks[k - 1].end() : toks[k].start()] == " ":
                k -= 1
            source = self._source(toks[k].start(), last.end())
            return None if source is None or self.low[source[0] : source[1]] in NOT_NAMES else source
        word = last.group().lower()
        if word == "on" and len(toks) > 1 and toks[-2].group().lower() in ("went", "go", "goes", "going", "gone"):
            last = toks[-2]
        elif not (word.endswith(("ed", "ing")) or word in _RAISING_VERBS):
            return None
        return self.subject(sentence.start, last.start())

    def clause_end(self, start: int, end: int) -> int:
        """Where an opening adverbial clause ends: its first comma outside quotation marks."""
        text, doc = self.text, self.doc
        comma = text.find(",", start, end)
        while comma >= 0:
            quote = doc.quote_at(comma) if doc.quotes else None
            if quote is None:
                return comma
            comma = text.find(",", max(quote.end, comma + 1), end)
        return end

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

    @staticmethod
    def conjunction(before: list[str]) -> str:
        """The word before a verb once auxiliaries and adverbials are skipped ("and on Tuesday wrote")."""
        i = len(before)
        while i:
            w = before[i - 1]
            if w in AUX or w.endswith("ly"):
                i -= 1
            elif i >= 2 and (before[i - 2], w) in AUX_PHRASES:
                i -= 2
            else:
                return w
        return ""

    def introduced(self, end: int, sentence: Sentence, cls: str) -> bool:
        """Whether reported content follows a verb: "that", a colon, a quotation or a clause opening
        with a subject pronoun ("shows he needs"); for a verb of intent, an infinitive ("vowed to")."""
        low = self.low
        return bool(_INTRODUCED.match(low, end, sentence.end) or _CLAUSE.match(low, end, sentence.end)) \
            or cls == "intent" and low.startswith(" to ", end)

    def skip_after(self, pos: int, end: int) -> int:
        """Where the reported content may start after a verb at `pos`: adverbials, audiences ("told
        reporters") and "that" skipped (read once per verb: the clause test and the content share it)."""
        key = (pos, end)
        if key not in self._skips:
            m = _SKIP_AFTER.match(self.low, pos, end)
            self._skips[key] = m.end() if m else pos
        return self._skips[key]

    def ends_clause(self, pos: int, end: int) -> bool:
        """Whether nothing but adverbials and punctuation follow a verb up to the end of its clause."""
        after = self.skip_after(pos, end)
        rest = self.low[after : min(end, after + 40)].lstrip()
        if not rest or rest[0] in ".;!?)":
            return True
        following = rest.split(None, 1)[0].strip(",")
        return self.text[pos : min(end, pos + 40)].lstrip()[:1] == "," and (following.endswith("ing") or following in ("according", "but", "and", "as"))

    def verb_like(self, prev: str, tense: str, start: int, end: int, sentence: Sentence) -> bool:
        """Whether a word that is also a noun ("support", "claims") is used as a verb here."""
        after = self.low[end : min(sentence.end, end + 24)].split()
        following = after[0].strip(",.;:") if after else ""
        if tense == "ing" and (prev in _GERUND_OPENERS or prev == "of" and self.low[max(sentence.start, start - 12) : start].split()[-2:-1] == ["instead"]):
            return True  # "for supporting", "in calling for", "instead of calling": a gerund
        if following in VERBS or following in ("itself", "themselves", "himself", "herself"):
            return False  # "intelligence reports hint", "finds itself"
        if prev[:1].isdigit() or prev.endswith("%") or MEASURED_SHARE.fullmatch(prev):
            return True  # "About three-quarters support", "52% said": a share of those asked
        if prev in _LIGHT_VERBS and not (prev in ("has", "have", "had", "having") and tense in ("past", "part")):
            return False  # "makes claims that", "has plans to": the object of a light verb (but "had backed")
        if prev.endswith("ed") and prev not in AUX:
            return False  # "the edited list", "revised estimates": a participle before a noun
        if prev.endswith((",", "”", '"', "''")) and tense in ("past", "s", "ing") or prev in ("and", "but"):
            return True  # "“…,” replied Sanders.", "…, hoping to", "… and called him"
        lemma = VERBS[self.low[start:end]]
        if following == "that" and lemma not in NOUNS and lemma + "s" not in NOUNS:
            return True  # "the results show that": only a noun of saying takes "that" ("its central claim that")
        if following == "to" and CLASS[lemma] == "intent" and tense == "s":
            return True  # "the governor plans to veto", "the firm hopes to": a wish with its infinitive
        before = self.low[max(sentence.start, start - 40) : start].split()
        two_back = before[-2] if len(before) > 1 else ""
        original = self.text[max(sentence.start, start - 40) : start].split()
        named = bool(original) and original[-1][:1].isupper()
        noun = prev in ROLES or prev in COLLECTIVE or prev in ORGS or prev in DOCUMENTS or named
        if tense == "past" and (named and two_back not in NOT_SUBJECT or prev.endswith(")")):
            return True  # "Fox News reported.", "Sanders (I-Vt.) called on": a name and a past tense
        if (two_back in PREPOSITIONS or two_back in ("below", "above", "than")) and not named or two_back in NOT_SUBJECT and not noun:
            return False  # "below analyst forecasts", "its central claim": a noun phrase (not "the University of Michigan reported")
        if following == "that" or after and after[0][:1] in "“\":":
            return True
        if tense == "ing":
            # "is touting" (progressive), "recent polls showing" (a reduced relative); else a gerund
            # or a noun ("Russia backing North Korea"); "is already claiming": the adverb skipped
            if not prev:
                return True  # "Listing …, she added": a participle opening the sentence
            if prev.endswith("ly") and two_back in _BE:
                return True
            named_subject = named and two_back not in PREPOSITIONS and two_back not in NOT_SUBJECT  # not "into TV viewing"
            return prev in _BE or prev in DOCUMENTS or prev in COLLECTIVE or prev in ROLES or named_subject or prev == "all" \
                or bool(CONTRACTED.match(prev)) and prev.endswith(("s", "re", "m"))  # (and "super PACs supporting")
        bare = prev.strip("“\"‘(,")
        if bare in QUANTIFIERS:
            return False  # "several suspects have been detained"
        if bare in AUX or bare in PERSON_PRONOUNS or bare in GROUP_PRONOUNS or bare in RELATIVE:
            return True
        if bare in COLLECTIVE or bare in ROLES or bare in ORGS or bare in DOCUMENTS:
            return True
        return bare.replace("-", "").isalpha() and bare not in NOT_NAMES and bare not in PLACES  # the subject's type decides

    # --- cues -----------------------------------------------------------------------
    def headline(self, sentence: Sentence) -> bool:
        """Whether a sentence is written in title case ("Glenn Beck Says Trump Poses A Threat"): most of
        its words capitalised (read once per sentence)."""
        key = sentence.start
        if key not in self._headlines:
            words_ = _WORD.findall(self.text, sentence.start, sentence.end)
            self._headlines[key] = len(words_) >= 3 and sum(w[0].isupper() or w[0].isdigit() for w in words_) >= 0.7 * len(words_)
        return self._headlines[key]

    def quoted(self, start: int, end: int) -> bool:
        """Whether a cue stands inside a quotation: not when a quotation mark comes just before it
        ("…,“ said Jim Clyburn" with a stray mark read as the quotation's opening)."""
        if not self.doc.quotes:
            return False
        quote = self.doc.quote_at(start, end)
        return quote is not None and _QUOTE_MARK.search(self.text, max(quote.start + 1, start - 40), start) is None

    def read(self) -> list[Item]:
        self.items = items = []
        doc, low, text = self.doc, self.low, self.text
        sentence_at, quoted = doc.sentence_at, (self.quoted if doc.quotes else None)
        for m in CUE.finditer(" " + low):
            start, end = m.start(1) - 1, m.end(1) - 1
            sentence = sentence_at(start)
            if sentence is None or end > sentence.end or quoted and quoted(start, end):
                continue  # a cue inside a quotation is the speaker's sourcing, not the writer's
            word = m.group(1)
            if text[start].isupper() and word not in POLLS and not _opens(text, sentence.start, start) \
                    and not self.headline(sentence):
                continue  # "Grand Slam", "the Post": a capitalised cue inside a sentence is a name
            if word in AFTER_CUES:
                item = self.according(start, end, word, sentence)
            elif word in POLLS:
                item = self.poll(start, end, sentence)
            elif word in FRAMES:
                item = self.frame(start, end, word, sentence)
            else:
                item = self.verb(start, end, word, sentence) if word in VERBS else None
                if item is None and word in NOUNS:
                    item = self.noun(start, end, word, sentence)
                    if item is not None and word in FITTED_NOUNS:
                        item.cls = "fitted"
                    if item is not None and item.source is None and (source := self.holder(start, sentence)) is not None:
                        item.source, item.info, item.form = source, self.classify(source, sentence), "after"
            if item is not None:
                items.append(item)
        return items + self.labels()

    def labels(self) -> list[Item]:
        """Speaker labels opening a line or a sentence ("TRUMP: The deaths of …", "Cruz: Trump Would Put
        …", "Clinton: “Our goal …”") and dash credits after a quotation ("…” ― Steve Quinlan")."""
        out = []
        text, doc = self.text, self.doc
        for colon in LABEL_COLON.finditer(text):
            m = LABEL_NAME.search(text, max(0, colon.start() - 80), colon.start())
            if m is None:
                continue
            name = m.group().rstrip(" \t")
            low = name.lower()
            if low in NOT_LABELS or low in FOOTER_LABELS or low in NOT_NAMES or len(name) < 3 or low.split()[0] in NOT_LABELS:
                continue
            sentence = doc.sentence_at(m.start())
            if sentence is None or doc.quote_at(m.start()) is not None:
                continue
            lead = not _opens(text, sentence.start, m.start())
            if lead and not text[max(sentence.start, m.start() - 12) : m.start()].rstrip(" \t“\"‘('•").endswith((" -", " –", " —", "\n")):
                continue  # a colon inside a sentence ("… in December 1992: …"), not a label
            block = doc.blocks[sentence.block]
            after = colon.end()
            quote = doc.quote_at(after) if text[after : after + 1] in "“\"‘" else None
            if quote:
                content = (quote.start, quote.end)
            else:
                content = self._strip(after, block.end if sentence.start == block.start and not lead else sentence.end)
            source = (m.start(), m.start() + len(name))
            info = classify(name, False, text)
            out.append(Item((colon.start(), colon.start() + 1), None, source, content, info, sentence, "after", "label"))
        for m in DASH_CREDIT.finditer(self.text):
            quote = self.doc.quote_at(m.start(), m.start() + 1)
            sentence = self.doc.sentence_at(m.start("name"))
            if quote is None or sentence is None:
                continue
            source = (m.start("name"), m.end("name"))
            info = classify(m.group("name"), False, self.text)
            out.append(Item(m.span("cue"), None, source, (quote.start, quote.end), info, sentence, "before", "label"))
        return out

    def according(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        if word in ("citing", "quoting"):
            before = self.low[max(sentence.start, start - 30) : start].split()
            prev = before[-1] if before else ""
            if prev.endswith(",") or prev in ("and", "by", "while", "often") or prev.endswith("ly") and prev.isalpha():
                # "…,” McCain said, citing low growth": the participle's subject cites; what it cites is
                # the content
                source, info = self.main_subject(sentence, start)
                if source is not None and source[1] <= start:
                    return Item((start, end), word, source, self._strip(end, sentence.end), info, sentence, "after", "according")
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
        return Item((start, end), word, source, content, info, sentence, form, "according")

    def poll(self, start: int, end: int, sentence: Sentence) -> Item | None:
        """"In a CBS News poll, 79 percent …": the poll is the source of the sentence's figures."""
        m = IN_POLL.search(self.low, max(sentence.start, start - 80), start)
        if m is None or " to " in m.group(1):
            return None  # no "in" before the noun, or "going to the polls"
        source = self._source(m.start(1), end)
        if source is None:
            return None
        at = m.start()
        content = self._strip(sentence.start, at) if at - sentence.start > 12 else self._strip(end, sentence.end)
        return Item((at, at + 2), "in", source, content, SourceInfo("document"), sentence, "after", "preposition")

    def noun(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        """A cue noun: a view held from a perspective ("in her view", "in the eyes of many"), or an
        attitude with its complement ("his criticism of", "Trump's support for", "questions about"),
        with its owner as the source. A noun that is the object of a cue verb ("expressed their
        support for") leaves the attribution to the verb."""
        low = self.low
        before = low[max(sentence.start, start - 40) : start].split()
        prev = before[-1] if before else ""
        owned = prev in _POSSESSIVE_DETERMINERS or prev.endswith(("'s", "’s", "s'", "s’")) and prev not in _NOT_OWNERS
        if word in PERSPECTIVE_NOUNS:
            if not (owned and len(before) > 1 and before[-2] == "in"):
                return None  # only "in his view", "in Mr. Connolly's eyes"
            content = self.content_before(start - len(prev) - 4, sentence) if start - len(prev) - 4 - sentence.start > 12 \
                else self._strip(end, sentence.end)
        else:
            after = low[end : min(sentence.end, end + 12)].split()
            if not after or after[0] not in _NOUN_COMPLEMENTS or prev in _NOUN_BLOCKERS:
                return None
            verb_before = before[-2] if owned and len(before) > 1 else prev
            if verb_before in VERBS:
                return None  # "expressed their support for": the verb carries the attribution
            content = self._strip(end, sentence.end)
            if verb_before in _HOLDING_VERBS:
                # "threw her support behind", "has concerns about": the attitude is the subject's
                at = low.rfind(" " + verb_before + " ", sentence.start, start) + 1
                source = self.subject(sentence.start, at) if at > sentence.start else None
                if source is None:
                    return None
                return Item((at, end), word, source, content, self.classify(source, sentence), sentence, "after", "noun")
        if prev in _POSSESSIVE_DETERMINERS:
            owner = (start - len(prev) - 1, start - 1)
            info = SourceInfo("person", anaphoric=True) if prev in ("his", "her", "my") else self.previous(start)
            return Item((start, end), word, owner, content, info, sentence, "after", "noun")
        if owned:
            owner = self.subject(sentence.start, start)
            if owner is None:
                return None
            return Item((start, end), word, owner, content, self.classify(owner, sentence), sentence, "after", "noun")
        return Item((start, end), word, None, content, NONE, sentence, "frame", "noun")

    def frame(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        low, text = self.low, self.text
        if word in NOUN_FRAMES:
            noun = word.split()[0]
            before = low[max(sentence.start, start - 30) : start].split()
            prev = before[-1] if before else ""
            if prev in ("its", "his", "her", "their", "our"):
                owner = (start - len(prev) - 1, start - 1)  # "with its claims that": an owner named before
                info = SourceInfo("person", anaphoric=True) if prev in ("his", "her") else self.previous(start)
                return Item((start, start + len(noun)), noun, owner, self._strip(end, sentence.end), info, sentence, "after", "noun")
            if prev.endswith(("'s", "’s", "s'", "s’")) and prev not in ("it's", "it’s", "that's", "that’s"):
                owner = self.subject(sentence.start, start)
                if owner:
                    info = self.classify(owner, sentence)
                    return Item((start, start + len(noun)), noun, owner, self._strip(end, sentence.end), info, sentence, "after", "noun")
            prev2 = before[-2] if len(before) > 1 else ""
            named = text[start - len(prev) - 1 : start - 1][:1].isupper()
            verb_reading = prev not in _NOUN_OWNERS and (prev2 not in _NOUN_OWNERS or named and prev2 in ("the", "a", "an"))
            if prev in _LIGHT_VERBS:
                # "McFadden makes claims that …", "she has fears that …": the claims are the subject's
                owner = self.subject(sentence.start, start - len(prev) - 1)
                if owner:
                    return Item((start, start + len(noun)), noun, owner, self._strip(end, sentence.end), self.classify(owner, sentence), sentence, "after", "noun")
            elif prev and verb_reading and noun in ("reports", "claims", "fears", "worries"):
                item = self.verb(start, start + len(noun), noun, sentence)
                if item is not None:
                    return item
            by = re.match(r"\s*(?:by|from)\s+", low[start + len(noun) : end + 40])
            if by:
                source = self.source_after(start + len(noun) + by.end(), sentence.end)
                if source:
                    return Item((start, start + len(noun)), noun, source, None, self.classify(source, sentence), sentence, "after", "noun")
            return Item((start, end), noun, None, self._strip(end, sentence.end), NONE, sentence, "frame", "agentless")
        if word in ADVERBS:
            return Item((start, end), word, None, self._strip(sentence.start, sentence.end), NONE, sentence, "frame", "agentless")
        cue_end = end - 3 if word in RAISING else end
        if word in RAISING and re.match(r"\s+(?:the|police|a|an|his|her|their|its|authorities|him|them)\b", low[end : end + 20]):
            return None
        by = _BY_AGENT.match(low, cue_end, min(sentence.end, cue_end + 60))
        if by and word not in RAISING:
            source = self.source_after(by.end(), sentence.end)
            if source:
                info = self.classify(source, sentence)
                return Item((start, cue_end), word, source, self._strip(sentence.start, start), info, sentence, "before", "speech")
        if word.startswith(("it ", "there ")):
            content = self.content_after(end, sentence, None)
        else:
            content = self._strip(sentence.start, sentence.end)
        return Item((start, cue_end), word, None, content, NONE, sentence, "frame", "agentless")

    def verb(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        low, text = self.low, self.text
        lemma = VERBS[word]
        cls = CLASS[lemma]
        if cls == "seeming":
            return self.seeming(start, end, word, sentence)
        if lemma in NOUN_LIKE:
            # cheap first look at the word before: most noun uses stop here ("the support", "a plan")
            cut = low.rfind(" ", max(sentence.start, start - 25), start - 1)
            before_word = low[cut + 1 : start - 1]
            if before_word in NOT_SUBJECT and (before_word != "to" or word != lemma) \
                    and not (before_word in _NOUN_GERUND_OPENERS and TENSE.get(word) == "ing"):
                return None  # (but "to claim": an infinitive; "for supporting": a gerund)
        tense = TENSE.get(word, "base")
        before = low[max(sentence.start, start - 40) : start].split()
        prev = before[-1] if before else ""
        prev_bare = prev.strip("“\"‘(")
        aux = before[-2] if len(before) > 1 and prev_bare in AUX and prev_bare not in PASSIVE else prev_bare
        if lemma in ("ask", "question") and tense in ("past", "part") and (not prev or prev_bare in ("when", "if", "once", "after", "as")):
            # "When asked whether …", "Asked about the plan, he said": a question put by no one named
            return Item((start, end), lemma, None, self.content_after(end, sentence, lemma), NONE, sentence, "frame", "passive")
        if tense in ("past", "part") and low.startswith(" by ", end) and aux not in PASSIVE \
                and not BY_ACTION.match(low, end, min(sentence.end, end + 30)) and not self.subject_before(start, prev_bare):
            # a reduced passive: "The bill, opposed by House Republicans, never became law"
            source = self.source_after(end + 4, sentence.end)
            if source is not None:
                return Item((start, end), lemma, source, self._strip(sentence.start, start), self.classify(source, sentence), sentence, "before", cls)
        if aux in PASSIVE and tense in ("past", "part"):
            by = _BY_AGENT.match(low, end, min(sentence.end, end + 60))
            source = self.source_after(by.end(), sentence.end) if by else None
            if source is not None:
                return Item((start, end), lemma, source, self._strip(sentence.start, start), self.classify(source, sentence), sentence, "before", cls)
            if cls in ("decree", "publication"):
                return None  # "was signed", "is released": an act, not a view held or voiced
            cue_start = low.rfind(aux, sentence.start, start)
            return Item((cue_start, end), lemma, None, self._strip(sentence.start, sentence.end), NONE, sentence, "frame", "passive")
        if prev_bare == "to" and tense == "base" and cls != "seeming":
            # an infinitive: "invoked Reagan's deficit to claim …": the clause's subject is the source;
            # not after a cue verb ("declined to comment": the cue is "declined") or a grant of anonymity
            governor = before[-2] if len(before) > 1 else ""
            if governor in VERBS and VERBS[governor] not in QUOTE_ONLY or governor in _NOT_INFINITIVE_CUE:
                return None
            source, info = self.main_subject(sentence, start)
            if source is None or info.guessed:
                # "led Republicans to say that …", "Sanders continued to portray": a subject read next to the
                # infinitive; else ("It's easy to criticize …") none
                source = self.controller(start - 3, sentence)
                info = self.classify(source, sentence) if source else NONE
                return Item((start, end), lemma, source, self.content_after(end, sentence, lemma), info, sentence,
                            "after" if source else "frame", "infinitive")
            return Item((start, end), lemma, source, self.content_after(end, sentence, lemma), info, sentence, "after", cls)
        adverb = prev.endswith("ly") and prev.isalpha() or prev in _MID_ADVERBS
        lead = before[-2] if adverb and len(before) > 1 else prev  # ", forcefully denouncing", "while also suggesting"
        opener = lead.strip("“\"‘(")
        if opener == "of" and before[-3 if adverb else -2 :][:1] == ["instead"]:
            opener = "instead of"
        gerund = tense == "ing" and opener in _GERUND_OPENERS  # "by saying", "in rejecting", "instead of calling"
        if prev_bare in NOT_SUBJECT and not prev.endswith(",") and not gerund or prev.endswith(("'s", "’s")) and not CONTRACTED.match(prev):
            return None
        if lemma in NOUN_LIKE and not self.verb_like(prev, tense, start, end, sentence):
            return None
        if tense in ("past", "part") and lemma in BELIEF and low.startswith((" to be ", " to have "), end):
            return None  # "Others thought to be in the running": a reduced passive, no one thinking
        if BY_ACTION.match(low, end, min(sentence.end, end + 30)):
            return None  # "responded by orchestrating": an action, not speech
        if tense == "ing" and (lead.rstrip("”’\"'").endswith(",") or gerund or not prev):
            source, info = self.main_subject(sentence, start)
            if source is None or info.guessed and lemma in NOUN_LIKE:
                return None
            content = self.content_after(end, sentence, lemma)
            if content and source[0] > end:  # an opening participle clause: it ends before its subject
                content = self._strip(content[0], min(content[1], self.clause_end(content[0], source[0])))
            return Item((start, end), lemma, source, content, info, sentence, "after", cls)
        if cls == "speech" and tense in ("past", "s", "base") and prev.endswith(",") and _PARENTHETICAL.match(text, end, sentence.end):
            # a parenthetical attribution: "the government, suggests Mr Davies, could act"
            source = self.source_after(end, sentence.end)
            if source is not None:
                return Item((start, end), lemma, source, self.content_before(start, sentence), self.classify(source, sentence), sentence, "before", cls)
        source = self.subject(sentence.start, start, antecedent=tense == "ing")  # "recent polls showing"
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
            if prev.endswith((",", "”", '"', "''")) and cls == "speech":
                # inverted: "…, said Mr Smith." / "“…,” said the minister."
                if tense not in ("past", "s", "base"):
                    return None
                source = self.source_after(end, sentence.end)
                if source is None or self.classify(source, sentence).type == "none":
                    return None
                content = self.content_before(start, sentence)
                if content is None:
                    content = self.content_after(source[1], sentence, lemma)
                return Item((start, end), lemma, source, content, self.classify(source, sentence), sentence, "before", cls)
            conjunction = self.conjunction(before)
            if conjunction in ("and", "but") and tense in ("past", "s", "ing", "base") or conjunction == "or" and tense in ("past", "s"):
                source, info = self.main_subject(sentence, start)
                if source is None:
                    return None
            elif prev.endswith(",") and tense in ("past", "s") and self.earlier(sentence, start):
                source, info = self.main_subject(sentence, start)  # "… joked about X, declined to affirm Y, and told"
            else:
                return None
        elif relative is None:
            info = self.classify(source, sentence)
        if info.guessed and lemma in NOUN_LIKE and not self.introduced(end, sentence, cls):
            return None
        if info.guessed and lemma in NOUN_LIKE and not _INTRODUCED.match(low, end, sentence.end) \
                and low[max(sentence.start, source[0] - 12) : source[0]].rstrip().rpartition(" ")[2] in _NOUN_OPENERS:
            return None  # "amid opposition claims he was": a noun after a preposition, not a subject
        if tense in ("past", "part") and info.type == "document" and not info.named and re.match(r"\s+(?:in|as|by|at|on|from)\b", low[end : end + 6]):
            return None  # "the document cited in various briefings": a participle, not the verb
        if self.ends_clause(end, sentence.end):
            content = self.content_before(source[0], sentence)
            form = "before"
            if lemma in QUOTE_ONLY and not (content and text[content[0] : content[0] + 1] in "“\"‘'"):
                return None
        else:
            if lemma in QUOTE_ONLY and not re.match(r"\s*(?::|,?\s*(?:[“\"‘]|''))", text[end : end + 5]) \
                    and not (lemma in SPEECH_LISTED and low.startswith(" that ", end)):
                return None  # ("concluded that …": a speech verb too)
            if lemma in THAT_VERBS and not self.introduced(end, sentence, cls):
                return None
            content = self.content_after(end, sentence, lemma)
            form = "after"
        return Item((start, end), lemma, source, content, info, sentence, form, cls)

    def seeming(self, start: int, end: int, word: str, sentence: Sentence) -> Item | None:
        """"seemed to", "appears to", "looks like": a view the writer holds for no one named."""
        following = self.low[end : min(sentence.end, end + 12)].split()
        nxt = following[0] if following else ""
        if VERBS[word] != "seem" and nxt not in ("to", "like", "that", "as"):
            return None  # "appeared on television", "look at": no view
        if TENSE[word] == "ing" or self.low[max(sentence.start, start - 5) : start].split()[-1:] in (["the"], ["a"]):
            return None
        return Item((start, end), VERBS[word], None, self._strip(sentence.start, sentence.end), NONE, sentence, "frame", "seeming")


def _answers(item: Item, frame: Item) -> bool:
    """Whether a sourced attribution answers an agentless frame in its sentence: not when the frame
    stands between its source and its verb ("X reportedly wants", "X was reported to have suggested"),
    where the source is what the report is about."""
    return not (item.cue and item.source and item.source[1] <= frame.cue[0] < item.cue[0])


def _settle(doc: Document, items: list[Item]) -> list[Item]:
    """Drop agentless frames a named source in the same sentence answers; extend
    paragraph-final attributions over their paragraph; give uncovered quotations their speaker.
    Fitted cues and source-less infinitives (`_SILENT`: acts PolNeAR marks, "pushed", "delivered";
    "it's easy to criticize") take no part: they answer no frame, stop no paragraph carry and lend no
    quotation a speaker."""
    silent = [i for i in items if i.cls in _SILENT]
    if silent:
        return _settle(doc, [i for i in items if i.cls not in _SILENT]) + silent
    sourced: dict[int, list[Item]] = {}
    for i in items:
        if i.info.type != "none" and not i.info.guessed and i.cls not in ("seeming", "noun", "agentless"):
            sourced.setdefault(id(i.sentence), []).append(i)
    items = [i for i in items if i.cls != "agentless" or not any(_answers(a, i) for a in sourced.get(id(i.sentence), ()))]
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
    if not doc.quotes:
        return items
    covered = sorted(i.content for i in items if i.content)
    reach = list(accumulate((c[1] for c in covered), max))  # the furthest end of the spans up to each
    starts = [c[0] for c in covered]
    ordered = sorted(items, key=lambda i: (i.cue or i.source or (0, 0))[0])
    anchors = [(i.cue or i.source or (0, 0))[0] for i in ordered]
    extra: list[Item] = []
    text = doc.content
    for quote in doc.quotes:
        span = (quote.start, quote.end)
        k = bisect_left(starts, quote.end)  # the spans starting before the quotation ends
        if k and reach[k - 1] > quote.start:
            continue  # a content span covers (part of) the quotation
        sentence = doc.sentence_at(quote.start)
        if sentence is None or len(text[quote.start : quote.end].split()) < 3:
            continue
        if not _opens(text, sentence.start, quote.start):
            continue  # a quoted phrase inside the writer's sentence, not a quotation of its own
        k = bisect_left(anchors, quote.start)
        previous = ordered[k - 1] if k else None
        if previous is not None and previous.source and previous.sentence is not None and (
            previous.sentence.block == sentence.block or previous.sentence.block == sentence.block - 1
        ):
            extra.append(Item(None, None, previous.source, span, previous.info, sentence, "quote", "quote"))
        elif quote.speaker_start is not None:
            source = (quote.speaker_start, quote.speaker_end)
            info = classify(text[source[0] : source[1]], False, text)
            extra.append(Item(None, None, source, span, info, sentence, "quote", "quote"))
    return items + extra


def type_source(doc: Document, start: int, end: int) -> SourceInfo:
    """The type of a given source span in a segmented document, read as the extractor reads the
    sources it finds: pronouns take the type of the source named before them, a relative pronoun
    that of its antecedent (used to measure typing apart from finding)."""
    reader = Reader(doc)
    items = reader.read()
    sentence = doc.sentence_at(start)
    if sentence is None:
        return NONE
    reader.items = sorted((i for i in items if i.source and i.source[1] <= start), key=lambda i: i.source[0])
    span = (start, end)
    if reader.low[start:end] in RELATIVE:
        k = start
        while k > sentence.start and reader.text[k - 1] in " ,":
            k -= 1
        antecedent = reader.subject(sentence.start, k, antecedent=True)
        span = antecedent or span
    return reader.classify(span, sentence)


def extract(doc: Document) -> list[Attribution]:
    """Every attribution in a segmented document, as contract `attribution` assertions."""
    if not doc.sentences:
        return []
    cited = citations.read(doc)
    boxes = sorted({c.cue for c in cited if c.cue})
    box_starts = [b[0] for b in boxes]
    box_reach = list(accumulate((b[1] for b in boxes), max))

    def in_citation(pos: int) -> bool:  # a cue inside a parenthetical citation or a footer is the citation's
        k = bisect_right(box_starts, pos)
        return bool(k) and box_reach[k - 1] > pos

    items = [i for i in Reader(doc).read() if not in_citation((i.cue or i.source)[0])]
    items = _settle(doc, items) + cited
    seen: set[tuple] = set()
    out = []
    for item in items:
        _cap(item)
        key = (item.cue, item.source, item.content)
        if key not in seen:
            seen.add(key)
            out.append(item.attribution(doc.text))
    return out


def _cap(item: Item) -> None:
    """Keep a content span to `MAX_CONTENT` characters, on the side nearest its cue: a reported clause
    is never longer, and an unbroken run of text must not make every attribution in it copy the run."""
    content, anchor = item.content, item.cue or item.source
    if content and content[1] - content[0] > MAX_CONTENT:
        if anchor and anchor[0] >= content[1]:
            item.content = (content[1] - MAX_CONTENT, content[1])
        else:
            item.content = (content[0], content[0] + MAX_CONTENT)
