"""Source typing: who a source phrase names, and how well.

`classify` reads a source phrase ("a senior US official familiar with the
talks", "Intelligence sources", "Mr Shoigu", "a UN report") and returns its
type (person, organization, document, anonymous, collective, none) with the
facts the rules need: whether it names anyone, whether it refers back to an
earlier mention (pronouns, "the analyst") and whether a group is made specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import words

PERSON_PRONOUNS = words("person_pronouns")
GROUP_PRONOUNS = words("group_pronouns")
GROUP_NAMES = words("group_names")
COLLECTIVE = words("collective_nouns") | GROUP_NAMES
ROLES = words("anonymous_roles")
SPOKES = words("spokesperson_nouns")
DOCUMENTS = words("document_nouns")
ORGS = words("organization_nouns")
_ORG_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(ORGS, key=len, reverse=True)) + r")\b")
NOT_NAMES = words("not_names") | COLLECTIVE | ROLES | DOCUMENTS
PLACES = words("place_adjectives")
TITLES = words("person_titles")
COUNTS = words("group_restrictors")
VAGUE_MODIFIERS = words("vague_modifiers")
GOVERNMENT = words("government_heads")
EXPERTS = words("expert_roles")
HONORIFICS = words("honorifics")
REPRESENTATIVES = words("representative_roles")
_ACCESS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words("access_phrases"), key=len, reverse=True)) + r")\b")
_REASON = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words("anonymity_reasons"), key=len, reverse=True)) + r")\b")

_TOKEN = re.compile(r"[\w][\w'’.&-]*")
# A share of a group ("67 percent of voters", "about 6 in 10 white men", "half of Republicans",
# "a majority of"): the group is the source; a measured share is survey data, not a vague source.
_NUMBER_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten)"
_SHARE_WORD = r"(?:majority|minority|plurality|half|third|thirds|quarter|quarters|fifth|fifths|share|proportion|number|handful|bulk|percent|per cent|%)"
MEASURED_SHARE = re.compile(
    r"(?:(?:about|around|nearly|almost|roughly|only|just|over|under|more than|less than|fewer than|at least|an estimated)\s+)*"
    r"(?:(?:a|the)\s+)?(?:(?:\d[\d.,]*|" + _NUMBER_WORD + r")\s*(?:%|percent|per cent)|\d+\s+(?:in|of|out of)\s+\d+"
    r"|(?:\w+-)?" + _SHARE_WORD + r"|" + _NUMBER_WORD + r"(?=\s+of\s))"
    r"(?![\w'’-])\s*(?:of\s+(?:the\s+|those\s+|these\s+|all\s+)?)?",
    re.IGNORECASE,
)
_SINGLE = re.compile(r"[A-Z][\w'’-]+")
_NAME_TITLES = words("honorifics") | words("name_titles")  # "Mr. Trump … Trump said": a person
# Two to four capitalised words with initials allowed: "Ronald R. Fieldstone", "Mary J. Blige"
_PERSONAL_NAME = re.compile(r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}(?:\s+(?:Jr|Sr)\.?)?")
_POSSESSIVE = re.compile(r"['’]s?$")
_DEFINITE = ("the", "this", "that", "these", "those")
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "my"})
_PERSON_FORMS = PERSON_PRONOUNS | {"him", "me", "his", "her", "my"}
_INDEFINITE = ("a", "an", "one", "another", "some", "several", "many", "two", "three", "four", "five", "other")
# Document nouns that end the names of newspapers when capitalised after a capitalised word.
_MASTHEADS = frozenset({"post", "journal", "review", "record", "bulletin"})
# Documents that report findings: unowned ("a study found", "a report said") they hide who found what.
_CLAIMING_DOCUMENTS = frozenset({"report", "study", "survey", "analysis", "research", "assessment", "briefing", "estimate", "review", "inquiry", "investigation", "findings", "evidence", "intelligence", "data", "figures", "statistics"})
_POST_PARTICIPLES = frozenset({"released", "published", "conducted", "issued", "taken", "carried", "obtained", "seen", "filed", "posted", "compiled"})
_CUT = frozenset({"of", "by", "from", "for", "at", "in", "on", "with", "who", "which", "that", "to", "and", "or", ","})


@dataclass(frozen=True, slots=True)
class SourceInfo:
    type: str  # person, organization, document, anonymous, collective, none
    named: bool = False  # names a person, organisation or document
    anaphoric: bool = False  # a pronoun or "the analyst": refers back to an earlier mention
    restricted: bool = False  # a group made specific by a count, an institution or access
    access: bool = False
    reason: bool = False
    guessed: bool = False  # no word of the phrase says what it is: typed person by default


NONE = SourceInfo("none")


def described(text: str) -> tuple[bool, bool]:
    """(access, reason): whether lower-case text describes a source's access or gives a reason for anonymity."""
    return bool(_ACCESS.search(text)), bool(_REASON.search(text))


def _is_name(token: str, first: bool) -> bool:
    """A capitalised token that names someone (not an opener, adjective or common noun)."""
    if not token[:1].isupper() and not (token[:1].isalpha() and any(c.isupper() for c in token[1:])):
        return False  # lower case, except names such as "eBay" and "iTunes"
    bare = _POSSESSIVE.sub("", token).rstrip(".").lower()
    if bare in NOT_NAMES or bare in PLACES:
        return False
    if first and bare in TITLES:
        return False
    return True


def _head(tokens: list[str]) -> int:
    """Index of the head noun: the last token before a post-modifier (of, by, who, cited in, ...)."""
    end = len(tokens)
    for i, token in enumerate(tokens):
        if i and token.lower() in _CUT or i >= 2 and token in _POST_PARTICIPLES:
            end = i  # "a poll released last week": the participle starts a post-modifier
            break
    while end > 1 and tokens[end - 1].lower().endswith(("ed", "ing")) and tokens[end - 1][:1].islower():
        end -= 1
    return end - 1


def classify(phrase: str, sentence_initial: bool = False, text: str = "") -> SourceInfo:
    """The type of a source phrase.

    `sentence_initial`: the phrase opens its sentence, so its first word's capital
    says nothing. `text`, the document, serves to recognise a single name as a
    surname given with a first name elsewhere ("Sergei Shoigu ... Shoigu said"):
    a person; otherwise a single name is taken for an organisation ("Tesco said").
    """
    if "," in phrase:
        # "Ronald R. Fieldstone, a Miami lawyer who …", "Another RT America host, Abby Martin,": a
        # person's name beside a description of them
        parts = [part.strip() for part in phrase.split(",")]
        if any(_PERSONAL_NAME.fullmatch(part) and not _orgish(part) for part in parts[:2]):
            return SourceInfo("person", named=True)
    info, name = _classify(phrase, sentence_initial)
    if info.type != "person" and _SINGLE.fullmatch(phrase) and phrase.lower() not in NOT_NAMES and _surname(phrase, text):
        return SourceInfo("person", named=True)  # "Poll added": Graham Poll, introduced earlier
    if name is not None:
        return SourceInfo("person" if _surname(name, text) else "organization", named=True)
    return info


@lru_cache(maxsize=8192)
def _classify(phrase: str, sentence_initial: bool) -> tuple[SourceInfo, str | None]:
    """The type of a phrase, and its one name when that may be a surname or an organisation."""
    info = _type(phrase, sentence_initial)
    if info is not _MAYBE_SURNAME:
        return info, None
    tokens = _TOKEN.findall(phrase)
    return info, next(t for i, t in enumerate(tokens) if _is_name(t, i == 0 and sentence_initial))


_MAYBE_SURNAME = SourceInfo("organization", named=True)


def _type(phrase: str, sentence_initial: bool) -> SourceInfo:
    share = MEASURED_SHARE.match(phrase)
    if share:
        rest = phrase[share.end() :]
        group = _type(rest, False) if rest.strip() else NONE
        if group.type in ("anonymous", "organization") or group.named:
            return group
        if rest.split() and rest.split()[-1].lower() in ROLES:
            return SourceInfo("anonymous", restricted=True)  # "one of the docs", "two of the aides"
        return SourceInfo("collective", restricted=True)  # "67 percent of voters", "half of Republicans"
    tokens = _TOKEN.findall(phrase)
    if not tokens:
        return NONE
    lower = [t.lower() for t in tokens]
    low = " ".join(lower)
    access = bool(_ACCESS.search(low))
    reason = bool(_REASON.search(low))
    if lower[0] in _PERSON_FORMS and (len(tokens) == 1 or lower[0] in _POSSESSIVE_PRONOUNS and lower[-1] not in DOCUMENTS):
        return SourceInfo("person", anaphoric=True)  # "he", "his", "her eyes"
    if len(tokens) == 1 and lower[0] in GROUP_PRONOUNS:
        return SourceInfo("collective" if lower[0] in ("they", "you", "we") else "organization", anaphoric=True)
    if len(tokens) == 1 and lower[0] in ("we", "us", "you", "they", "them"):
        return SourceInfo("collective", anaphoric=True)  # the writer and readers, or a group named before
    for i, token in enumerate(tokens[:-1]):
        if lower[i].rstrip(".") in HONORIFICS and tokens[i + 1][:1].isupper():
            return SourceInfo("person", named=True)  # "Mr Cable", "Dr Smith": never a common noun
    head = _head(tokens)
    core = lower[: head + 1]
    head_word = _POSSESSIVE.sub("", core[-1])
    names = [t for i, t in enumerate(tokens) if _is_name(t, i == 0 and sentence_initial)]
    if sentence_initial and names and names[0] is tokens[0] and len(tokens) > 1 and tokens[1][:1].islower() \
            and not tokens[0].isupper():
        names = names[1:]  # "Legal experts said": an opener's capital, not a name (but "CML figures" is)
    if head_word in REPRESENTATIVES and (len(tokens) > head + 2 and lower[head + 1] in ("for", "of") or names):
        return SourceInfo("organization", named=bool(names))  # "lawyers for the pair": speaking for a client
    if any(w in SPOKES for w in lower):
        return SourceInfo("organization", named=bool(names), access=access, reason=reason)
    titled = any(w.rstrip(".") in TITLES for w in core) and bool(names) and lower[0] not in _INDEFINITE
    if head_word in _MASTHEADS and tokens[head][:1].isupper() and head and tokens[head - 1][:1].isupper():
        return SourceInfo("organization", named=True)  # "The Washington Post", "The Wall Street Journal"
    if head_word in DOCUMENTS and not any(w in SPOKES or w in ROLES for w in core[-1:]):
        owned = bool(names) or any(_POSSESSIVE.search(w) or w in ("his", "her", "their", "its", "our", "my", "your") for w in core[:-1]) \
            or any(_is_name(t, False) or t[:1].isupper() and t.lower() in GROUP_NAMES for t in tokens[head + 1 :]) \
            or any(w in ORGS or _POSSESSIVE.search(w) for w in core[:-1] + lower[head + 1 :])
        if owned:
            return SourceInfo("document", named=True)
        if any(w in VAGUE_MODIFIERS for w in lower):
            return SourceInfo("collective")
        if lower[0] in _DEFINITE and head_word == core[-1] and len(core) <= 3:
            return SourceInfo("document", anaphoric=True)  # "the report", "the results": named before
        if (not head_word.endswith("s") or lower[0] in ("one", "a", "an")) and head_word not in _CLAIMING_DOCUMENTS:
            return SourceInfo("document")  # "Video shows", "One tweet", "a memo": one document, unowned
        return SourceInfo("collective")  # "reports", "a study found", "studies show": unowned findings
    if lower[0] in ("those", "people", "someone", "somebody", "one") and access and not names:
        return SourceInfo("anonymous", access=True, reason=reason)  # "those close to him", "people familiar with"
    if lower[0] == "the" and len(core) <= 4 and head_word in TITLES and not names:
        return SourceInfo("person")  # "the president", "the rural affairs minister": one office, one person
    if names:
        orgish = bool(_ORG_PHRASE.search(low)) or any(n.isupper() and len(n.rstrip(".")) > 1 for n in names)
        if lower[0] in ("a", "an", "one", "another") and head_word in ROLES and not titled:
            return SourceInfo("anonymous", restricted=True, access=access, reason=reason)  # "a New York judge"
        after_head = all(tokens.index(n) > head for n in names)
        if (head_word in COLLECTIVE or head_word in ROLES) and head_word.endswith("s") and after_head and not titled:
            return SourceInfo("organization", named=True)  # "analysts at Goldman Sachs"
        if titled or (not orgish and len(names) >= 2 and not _all_caps(names)):
            return SourceInfo("person", named=True)
        if head_word in EXPERTS:
            return SourceInfo("organization", named=True)  # "CEA analysts": the body's own analysts
        if head_word in ROLES:
            # "a Pentagon official", "Labour officials", "the company's chief executive"
            if lower[0] in _INDEFINITE or head_word.endswith("s"):
                return SourceInfo("anonymous", restricted=True, access=access, reason=reason)
            return SourceInfo("person", named=True)
        if head_word in COLLECTIVE:
            # "North Korean state media", "Shell's US lawyers", "Liverpool fans"
            if orgish or any(_POSSESSIVE.search(n) for n in names):
                return SourceInfo("organization", named=True)
            return SourceInfo("collective", access=access, reason=reason)
        if orgish:
            return SourceInfo("organization", named=True)
        if len(names) == 1:
            return _MAYBE_SURNAME  # a surname introduced earlier, or an organisation
        return SourceInfo("person", named=True)
    org = _ORG_PHRASE.search(" ".join(core))
    if org and (head_word not in COLLECTIVE and head_word not in ROLES or head_word in org.group().split()):
        return SourceInfo("organization")
    if head_word in ROLES and head_word.endswith("s") and any(w in ORGS for w in core[:-1]):
        return SourceInfo("organization")  # "bank officials", "company executives": speaking for the body
    if head_word in GOVERNMENT and any(w in PLACES and w not in VAGUE_MODIFIERS for w in core[:-1]):
        return SourceInfo("organization")  # "Venezuelan authorities": that country's government
    if lower[0] == "the" and len(core) <= 3 and head_word.endswith("s") and (head_word in ROLES or head_word in COLLECTIVE) \
            and head_word not in DOCUMENTS and head_word not in ("sources", "people"):
        return SourceInfo("anonymous", anaphoric=True)  # "the researchers": people described earlier
    if low in COLLECTIVE or head_word in COLLECTIVE or head_word in ("many", "some", "others"):
        counted = any(w in COUNTS or w.isdigit() for w in core)
        placed = any(w in PLACES and w not in VAGUE_MODIFIERS for w in core[:-1])
        if (counted or placed or access) and head_word in ROLES:
            return SourceInfo("anonymous", restricted=True, access=access, reason=reason)
        return SourceInfo("collective", access=access, reason=reason)
    if head_word in ROLES or any(w in ROLES for w in core[-2:]):
        if lower[0] not in _INDEFINITE and not head_word.endswith("s") and any(
            _POSSESSIVE.search(w) or w in ("his", "her", "their", "its", "our", "my", "your") for w in core[:-1]
        ):
            return SourceInfo("person")  # "the UK's top judge": one person, identified by role
        if lower[0] == "the" and head_word in TITLES:
            return SourceInfo("person")  # "the rural affairs minister": one office, one person
        if lower[0] in _DEFINITE and not access and len(core) <= 3:
            return SourceInfo("anonymous", anaphoric=True)
        if head_word.endswith("s") and not access and lower[0] not in _INDEFINITE and len(core) == len(lower):
            return SourceInfo("collective")  # "lawmakers", "senior aides": a plural role with nothing to restrict it
        return SourceInfo("anonymous", access=access, reason=reason)
    return SourceInfo("person", anaphoric=lower[0] in _DEFINITE, guessed=True)


def _orgish(phrase: str) -> bool:
    """Whether capitalised words name an organisation or place rather than a person."""
    words_ = [w.lower().rstrip(".") for w in phrase.split()]
    return bool(_ORG_PHRASE.search(" ".join(words_))) or any(w in NOT_NAMES or w in PLACES or w in TITLES for w in words_)


_NOT_FIRST_NAMES = NOT_NAMES | PLACES | ORGS | TITLES | ROLES


def _all_caps(names: list[str]) -> bool:
    return all(n.isupper() for n in names)


def _surname(name: str, text: str) -> bool:
    """Whether a single capitalised word appears in the text after a first name or a personal title
    ("Sergei Shoigu", "Mr. Trump", "Sen. Cruz"); a transcript's capitals ("PENCE:") are read as the name."""
    if not text:
        return False
    bare = _POSSESSIVE.sub("", name)
    return _introduced(bare.title() if bare.isupper() and len(bare) > 3 else bare, text)


@lru_cache(maxsize=4096)
def _introduced(name: str, text: str) -> bool:
    """`_surname` for one name in one text: each occurrence of the name is looked at once."""
    pos = text.find(name)
    while pos >= 0:
        after = text[pos + len(name) : pos + len(name) + 1]
        if pos and not after.isalnum():
            before = text[max(0, pos - 25) : pos]
            if before[-1:] in (" ", "\t"):
                words_ = before.split()
                if len(words_) > 1 and len(words_[-1]) == 2 and words_[-1][1] == "." and words_[-1][0].isupper():
                    words_.pop()  # "Mary J. Blige": the initial before the surname
                first = words_[-1] if words_ else ""
                if first.rstrip(".").lower() in _NAME_TITLES:
                    return True  # "Mr. Trump", "Sen. Cruz"
                if first[:1].isupper() and first[1:].islower() and first.isalpha() and _first_name(first):
                    return True
        pos = text.find(name, pos + 1)
    return False


def _first_name(word: str) -> bool:
    return word.rstrip(".").lower() not in _NOT_FIRST_NAMES
