"""Source typing: who a source phrase names, and how well.

`classify` reads a source phrase ("a senior US official familiar with the
talks", "Intelligence sources", "Mr Shoigu", "a UN report") and returns its
type (person, organization, document, anonymous, collective, none) with the
facts the rules need: whether it names anyone, whether it refers back to an
earlier mention (pronouns, "the analyst") and whether a group is made specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import words

PERSON_PRONOUNS = words("person_pronouns")
GROUP_PRONOUNS = words("group_pronouns")
GROUP_NAMES = words("group_names")
COLLECTIVE = words("collective_nouns") | GROUP_NAMES
ROLES = words("anonymous_roles")
SPOKES = words("spokesperson_nouns")
DOCUMENTS = words("document_nouns")
DOCUMENT_HEADS = DOCUMENTS | words("document_heads")
ORGS = words("organization_nouns") | words("organization_heads")
KIN = words("kin_nouns")
ROLE_ENDINGS = tuple(words("role_endings"))
_ORG_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(ORGS, key=len, reverse=True)) + r")\b")
_FUNCTION_WORDS = words("not_names")
NOT_NAMES = _FUNCTION_WORDS | COLLECTIVE | ROLES | DOCUMENTS
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
    r"(?:(?:a|the)\s+)?(?:(?:\d[\d.,]*|" + _NUMBER_WORD + r")\s*(?:%|percent|per cent)|(?:\d+|" + _NUMBER_WORD + r")(?:\s+|-)(?:in|of|out of)(?:\s+|-)(?:\d+|" + _NUMBER_WORD + r")"
    r"|(?:\w+-)?" + _SHARE_WORD + r"|" + _NUMBER_WORD + r"(?=\s+of\s))"
    r"(?![\w'’-])\s*(?:of\s+(?:the\s+|those\s+|these\s+|all\s+)?)?",
    re.IGNORECASE,
)
_COUNT_OF = re.compile(r"(?:\d+|" + _NUMBER_WORD + r")\s+of\b", re.IGNORECASE)
_PROPORTION = re.compile(r"%|percent|per cent|\bof\b|\bin\b|-in-|out of", re.IGNORECASE)
_SINGLE = re.compile(r"[A-Z][\w'’-]+")
_NAME_TITLES = words("honorifics") | words("name_titles")  # "Mr. Trump … Trump said": a person
# Two to four capitalised words with initials allowed: "Ronald R. Fieldstone", "Mary J. Blige",
# "Mark MacDougall", "Jean-Marie Le Pen"
_NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-?[A-Z][a-z'’]+)*|[A-Z]\.)"
_PERSONAL_NAME = re.compile(_NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3}(?:,?\s+(?:Jr|Sr)\.?)?")
# A lower-case word just before a name: "spokeswoman Melezia Figueroa", "columnist Michael Gerson",
# "his niece Marion"; `_role_like` says whether the word is a role or kin noun
_TITLED_NAME = re.compile(r"(?:^|\s)([a-z][a-z-]+)\s+(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,3})$")
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
_OWNER_PRONOUNS = frozenset({"his", "her", "my", "their", "its", "our", "your"})
_VAGUE_QUANTIFIERS = frozenset({"many", "some", "few", "several", "other", "others", "numerous", "various"})
_DEMONYM_ENDINGS = ("an", "ish", "ese", "ch", "i")
_NOT_PLURAL = ("ss", "us", "is", "'s", "’s", "news", "ways", "wards", "times")  # "boss", "census", "Sanders's", "afterwards"
_CUT = frozenset({"of", "by", "from", "for", "at", "in", "on", "with", "who", "which", "that", "to", "and", "or", "about", ","})


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
        if i and token.endswith("ing") and token[:1].islower() and _plural(tokens[i - 1]):
            end = i  # "Democrats leaving the meeting", "officials speaking on condition"
            break
    while end > 1 and tokens[end - 1].lower().endswith(("ed", "ing")) and tokens[end - 1][:1].islower():
        end -= 1
    return end - 1


def _plural(token: str) -> bool:
    """A plural noun by its shape ("officials", "Democrats"; not "Sanders's", "its", "news")."""
    low = token.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(_NOT_PLURAL)


def _people(plural: str) -> bool:
    """Whether a plural noun may name people rather than offices, bodies or documents ("backers", not
    "ministers", "clubs", "trials")."""
    singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    return not any(w in ROLES or w in ORGS or w in DOCUMENT_HEADS or w in GOVERNMENT for w in (plural, singular))


def _role_like(word: str) -> bool:
    """A lower-case noun for a person's role or kin ("spokeswoman", "columnist", "nominee", "niece")."""
    if word in ORGS or word in DOCUMENT_HEADS or word in _FUNCTION_WORDS or word in _CUT or word in COLLECTIVE:
        return False
    return word in KIN or word in TITLES or word in ROLES or word.endswith(ROLE_ENDINGS)


def _named_person(part: str) -> bool:
    """A personal name, alone or after a role or kin noun ("Ronald R. Fieldstone", "Stein spokeswoman
    Melezia Figueroa", "Republican nominee Donald Trump", "Le Pen's niece Marion")."""
    if _PERSONAL_NAME.fullmatch(part):
        return not _orgish(part)
    m = _TITLED_NAME.search(part)
    return bool(m) and _role_like(m.group(1)) and (" " in m.group(2) or m.group(1) in KIN) and not _orgish(m.group(2)) \
        and not any(w in _CUT for w in part[: m.start(1)].lower().split())  # not "a study by professor Justin Levitt"


PERSON = SourceInfo("person", named=True)
# Splits a phrase at appositive commas and dashes: "Whit Ayres, who was Rubio's pollster"
_APPOSITION = re.compile(r"\s*(?:,|\s[—–]\s|\s--\s)\s*")
# How an appositive or a relative clause opens (not a list: "media, technology and society"; not
# examples: "Some, such as …")
_APPOSITIVE = re.compile(
    r"(?!including\b|such as\b|like\b)(?:[A-Z0-9]|\w+(?:ing|ed)\b|(?:a|an|the|who|whose|which|his|her|their|its|our"
    r"|my|one|two|three|both|former|now|then|also|himself|herself|themselves)\b)"
)
_PERSON_CLAUSE = re.compile(r"(?:who|whose|\d+)\b")  # "Schiff, 56, who …": only people have an age or "who"


def classify(phrase: str, sentence_initial: bool = False, text: str = "") -> SourceInfo:
    """The type of a source phrase.

    `sentence_initial`: the phrase opens its sentence, so its first word's capital
    says nothing. `text`, the document, serves to recognise a single name as a
    surname given with a first name elsewhere ("Sergei Shoigu ... Shoigu said"):
    a person; otherwise a single name is taken for an organisation ("Tesco said").
    """
    phrase = phrase.strip()
    info, name = _classify(phrase, sentence_initial)
    if sentence_initial and text and info.type in ("collective", "anonymous") and _named_inside(phrase.split(None, 1)[0], text):
        named = _classify(phrase, False)  # "Menatep lawyers said" where the text has "lawyers for Menatep"
        if named[0].type in ("organization", "person"):
            info, name = named
    if name is None and info.type != "person" and _SINGLE.fullmatch(phrase) and phrase.lower() not in NOT_NAMES:
        name = phrase  # "Poll added": Graham Poll, introduced earlier
    if name is not None and _surname(name, text):
        return PERSON
    return info


def _named_inside(word: str, text: str) -> bool:
    """Whether a capitalised word opening a sentence is also written capitalised inside one (a name)."""
    if not word[:1].isupper() or word.isupper() or word.lower() in NOT_NAMES:
        return False
    return word in _inner_capitals(text)


@lru_cache(maxsize=4)
def _inner_capitals(text: str) -> frozenset[str]:
    """The capitalised words a document writes after a lower-case word or a comma (read once per document):
    each such run of non-spaces, and each of its prefixes that ends before a character no word holds
    ("U.S.," gives "U", "U.S", "U.S." and "U.S.,")."""
    found = set()
    for run in _INNER_CAPITAL.findall(text):
        found.add(run)
        found.update(run[:k] for k in range(1, len(run)) if not _WORD_CHAR.match(run, k))
    return frozenset(found)


_INNER_CAPITAL = re.compile(r"(?<=[a-z,])\s+([A-Z]\S*)")
_WORD_CHAR = re.compile(r"[\w'’-]")


@lru_cache(maxsize=8192)
def _classify(phrase: str, sentence_initial: bool) -> tuple[SourceInfo, str | None]:
    """The type of a phrase, and its one name when that may be a surname or an organisation.

    An apposition is typed by its first part ("The Ethiopian government, which had …"), unless a part
    is a person's name ("An attorney for Pagliano, Mark MacDougall"); a coordination whose first
    conjunct names a person is a person ("Donald Trump and the Obama administration")."""
    parts = _APPOSITION.split(phrase)
    if len(parts) > 1 and parts[0] and _APPOSITIVE.match(parts[1]):
        if any(_named_person(part) for part in parts[:2]):
            return PERSON, None
        info, name = _classify(parts[0], sentence_initial)
        if _PERSON_CLAUSE.match(parts[1]) and (name is not None or info.type == "anonymous" and info.anaphoric):
            return PERSON, None  # "Schiff, 56, who …", "The veteran lock, who is 36": one person, described
        if parts[0][:1].isupper() and info.type in ("collective", "organization") \
                and parts[1].lower().startswith(("a ", "an ", "the ")) and _classify(parts[1], False)[0].type == "organization":
            return SourceInfo("organization", named=True), None  # "American, the world's biggest airline"
        if info.type in ("anonymous", "collective"):
            access, reason = described(phrase.lower())
            info = replace(info, access=info.access or access, reason=info.reason or reason)
        return info, name
    if _named_person(phrase) or " and " in phrase and _named_person(phrase.split(" and ", 1)[0]):
        return PERSON, None
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
        count = _COUNT_OF.match(share.group())
        if not count and _PROPORTION.search(share.group()):
            return SourceInfo("collective", restricted=True)  # "Three-in-five GOP insiders", "67 percent of voters"
        if group.type == "organization" or group.named or group.type == "anonymous" and count:
            return group  # "one of the aides", "two of the officials": members of a described group
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
    if len(tokens) == 1 and lower[0] in _PERSON_FORMS:
        return SourceInfo("person", anaphoric=True)  # "he", "his"
    if len(tokens) == 1 and not sentence_initial and not tokens[0].isupper() and (
            lower[0] in PLACES and lower[0].endswith(_DEMONYM_ENDINGS) or lower[0] + "s" in GROUP_NAMES):
        return SourceInfo("collective")  # "European reluctance", "Republican attempts": a people or a party
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
    if lower[0] in _OWNER_PRONOUNS and len(core) > 1:  # "his campaign", "her eyes": the owner's organisation, or the owner
        if head_word in ORGS:
            return SourceInfo("organization", anaphoric=True)
        if lower[0] in _POSSESSIVE_PRONOUNS and head_word not in DOCUMENT_HEADS:
            return SourceInfo("person", anaphoric=True)
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
    if head_word in DOCUMENT_HEADS and not any(w in SPOKES or w in ROLES for w in core[-1:]):
        owned = bool(names) or any(_POSSESSIVE.search(w) or w in ("his", "her", "their", "its", "our", "my", "your") for w in core[:-1]) \
            or any(_is_name(t, False) or t[:1].isupper() and t.lower() in GROUP_NAMES for t in tokens[head + 1 :]) \
            or any(w in ORGS or _POSSESSIVE.search(w) for w in core[:-1] + lower[head + 1 :])
        if owned:
            return SourceInfo("document", named=True)
        if any(w in VAGUE_MODIFIERS for w in lower):
            return SourceInfo("collective")
        if lower[0] in _DEFINITE and head_word == core[-1] and len(core) <= 3:
            return SourceInfo("document", anaphoric=True)  # "the report", "the results": named before
        if (not head_word.endswith("s") or lower[0] in ("one", "a", "an") or head_word not in DOCUMENTS) \
                and head_word not in _CLAIMING_DOCUMENTS:
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
            if (head_word in _VAGUE_QUANTIFIERS or lower[0] in _VAGUE_QUANTIFIERS) and not {"including", "such"} & set(lower):
                return SourceInfo("collective", access=access, reason=reason)  # "others in the African-American community"
            return SourceInfo("organization", named=True)  # "analysts at Goldman Sachs", "officials at the Pentagon"
        before_head = all(tokens.index(n) < head for n in names)
        if not orgish and head and _plural(tokens[head]) and tokens[head][:1].islower() and _is_name(tokens[head - 1], False) \
                and not _POSSESSIVE.search(tokens[head - 1]) and all(w in _VAGUE_QUANTIFIERS for w in lower[: head - 1]) \
                and _people(head_word) and (head_word not in COLLECTIVE or head > 1):
            return SourceInfo("collective", access=access, reason=reason)  # "some Sanders backers": a person's followers
        if lower[0] in _VAGUE_QUANTIFIERS and len(tokens) == 2 and _plural(tokens[1]) and not orgish and not tokens[1].isupper():
            return SourceInfo("collective")  # "Many Millennials": a people, not a name
        if titled or (not orgish and len(names) >= 2 and not _all_caps(names)):
            return SourceInfo("person", named=True)
        if lower[0] == "the" and before_head and tokens[head][:1].islower() and not _plural(head_word) and _role_like(head_word):
            return SourceInfo("person", named=True)  # "the GOP front-runner", "the Fed governor": one office, one person
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
    if bare.isupper() and len(bare) > 2 and _labelled(bare, text):
        return True
    return _introduced(bare.title() if bare.isupper() and len(bare) > 3 else bare, text)


@lru_cache(maxsize=1024)
def _labelled(name: str, text: str) -> bool:
    """Whether capitals label a speaker's turns in a transcript: at least two lines open with "NAME:"."""
    return len(re.findall(r"(?m)^[\W_]{0,3}" + re.escape(name) + ":", text)) >= 2


@lru_cache(maxsize=4096)
def _introduced(name: str, text: str) -> bool:
    """`_surname` for one name in one text: each occurrence of the name is looked at once."""
    pos = text.find(name)
    while pos >= 0:
        after = text[pos + len(name) : pos + len(name) + 1]
        if pos and not after.isalnum():
            before = text[max(0, pos - 40) : pos]
            if before[-1:] in (" ", "\t"):
                words_ = before.split()
                if len(words_) > 1 and len(words_[-1]) == 2 and words_[-1][1] == "." and words_[-1][0].isupper():
                    words_.pop()  # "Mary J. Blige": the initial before the surname
                first = words_[-1] if words_ else ""
                if first.rstrip(".").lower() in _NAME_TITLES:
                    return True  # "Mr. Trump", "Sen. Cruz"
                if first[:1].isupper() and first[1:].islower() and first.isalpha() and _first_name(first) \
                        and not (len(words_) > 2 and _title_case_run(words_[-2]) and _title_case_run(words_[-3])) \
                        and not (_opens_sentence(words_) and _common_word(first.lower(), text)):
                    return True
        pos = text.find(name, pos + 1)
    return False


def _opens_sentence(words_: list[str]) -> bool:
    """Whether the last of some words opens a sentence (nothing before it, or end punctuation)."""
    return len(words_) < 2 or words_[-2][-1:] in ".!?:\"“”'’"


def _common_word(word: str, text: str) -> bool:
    """Whether a word also appears in lower case in the text (a sentence opener such as "Outside",
    "Maybe", not a first name such as "Sergei")."""
    return word in _lower_words(text)


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


@lru_cache(maxsize=64)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(text))


def _title_case_run(word: str) -> bool:
    """Whether a word before a first name shows a title-case headline ("Old Hands Help Russia"),
    not a title, party or place ("Sen. Bernie Sanders", "Democrat Hillary Clinton", "GOP nominee")."""
    if not word[:1].isupper() or word.isupper() or word[-1] in ".,!?:;\"”’'":
        return False
    low = word.lower()
    return low not in _NAME_TITLES and low not in TITLES and low + "s" not in GROUP_NAMES and low not in PLACES


def _first_name(word: str) -> bool:
    return word.rstrip(".").lower() not in _NOT_FIRST_NAMES
