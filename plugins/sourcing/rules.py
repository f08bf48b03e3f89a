"""The SRC rules. They read the attributions the extractor left on the document
(`doc.assertions`), never quoted material (a source quoted inside a quotation is
the speaker's sourcing, not the writer's), and never flag a named person or
organisation."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from factlint import Example, Rule, Severity
from factlint.document import Document
from factlint.models import Attribution, Finding

from . import citations
from .lexicon import LISTS, inflect, lowered, trie, words
from .sources import MEASURED_SHARE

FRAMES = words("agentless_frames")
# Cue classes the rules check: reporting cues, where a vague or missing source is a sourcing fault.
# Stance, intent, decree, perception, seeming and noun cues ("backed the plan", "wants to",
# "critics' concerns") are extracted but never flagged: who backs or wants something is no claim
# the reader is asked to take on trust.
FLAGGED = frozenset({"speech", "belief", "according", "agentless", "citation", "quote"})
# Cues that source the facts of their paragraph (SRC105) and the content a named source answers for.
REPORTING = FLAGGED | {"label", "preposition", "passive"}
GROUP_NAMES = words("group_names")
CLAIM_OBJECTS = words("claim_objects")
GUILT = words("loaded_guilt")
GUILT_OPENERS = words("guilt_openers")
LEGAL = words("legal_context")
PRONOUNS = words("person_pronouns") | words("group_pronouns")
DOCUMENT_NOUNS = words("document_nouns")
NON_SPEECH = words("loaded_non_speech")
LOADED: dict[str, tuple[str, str]] = {}  # lemma -> (class, neutral lemma)
for _lemma in LISTS["loaded_distancing"]:
    LOADED[_lemma] = ("casts doubt on what was said", "say")
for _lemma in LISTS["loaded_guilt"]:
    LOADED[_lemma] = ("implies guilt or a reluctant confession", "say")
for _lemma in LISTS["loaded_emotive"]:
    LOADED[_lemma] = ("dramatises the speaker's tone", "criticise")
EMOTIVE = frozenset(LISTS["loaded_emotive"])

_WORD = r"[a-z][a-z'’-]*"
_LETTERS = re.compile(r"[a-z]+")
_NUMBER = r"(?:(?:\d[\d,.]*\d|\d)(?:\s+(?:thousand|million|hundred))?|(?:dozens|hundreds|thousands|scores))"
_COUNTED_TAIL = (
    rf"\s+(?:{_WORD}\s+){{0,4}}?(?:(?:were|have been|had been|are|was|being)\s+)?"
    rf"(?:(?P<casualty>{trie(words('casualty_words'))})|(?P<force>{trie(words('force_nouns'))})|(?P<deployed>{trie(words('deployed_nouns'))}))(?![\w'’-])"
)
# A figure starts a word ("b52", "1.5" do not). The pattern opens with a digit, so the engine skips to
# digits; the look-behind after the first digit rejects a start inside a digit run at once, which keeps
# the scan linear on long runs of digits.
COUNTED = re.compile(rf"\d(?<![\w.,'’-]\d)(?:[\d,.]*\d)?(?:\s+(?:thousand|million|hundred))?{_COUNTED_TAIL}")
# Counts in words and tolls open with a literal word; a start inside a word is rejected after the match.
COUNTED_WORDS = re.compile(rf"(?:dozens|hundreds|thousands|scores){_COUNTED_TAIL}")
TOLL = re.compile(rf"(?:death toll|casualties|fatalities|killing|killed)\s+(?:{_WORD}\s+){{0,4}}?{_NUMBER}(?![\w'’-])")
_GLUED = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.,-'’")
DEPLOYMENT = re.compile(r"\b(?:" + trie(words("deployment_verbs")) + r")\b")


def _quoted(doc: Document, a: Attribution) -> bool:
    start = a.cue_start if a.cue_start is not None else a.start
    return doc.quote_at(start, a.cue_end if a.cue_end is not None else start + 1) is not None


def _span(doc: Document, a: Attribution) -> tuple[int, int]:
    """The words to point at: the source and its verb, or the cue alone."""
    points = [p for p in (a.source_start, a.source_end, a.cue_start, a.cue_end) if p is not None]
    return (min(points), max(points)) if points else (a.start, a.end)


def _attributions(doc: Document) -> list[Attribution]:
    return [a for a in doc.assertions if isinstance(a, Attribution)]


class _Legal:
    """Whether the sentence at a position speaks of a charge, a court, the police or a lawsuit
    (`legal_context`): each sentence is read once per document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.low = ""
        self.sentences: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        sentence = self.doc.sentence_at(pos)
        if sentence is None:
            return False
        if sentence.start not in self.sentences:
            self.low = self.low or lowered(self.doc.text)
            self.sentences[sentence.start] = not LEGAL.isdisjoint(_LETTERS.findall(self.low, sentence.start, sentence.end))
        return self.sentences[sentence.start]


class _Answered:
    """The content spans of named reporting attributions, to ask whether an attribution sits inside
    what a named source is reported to say ("A study by the ONS found that many voters believe …"):
    that source answers for it. Built once per document; each question is a bisection."""

    def __init__(self, attributions: list[Attribution]):
        self.attributions = attributions
        self.spans: list[tuple[int, int, int]] | None = None  # built at the first question

    def _build(self) -> None:
        attributions = self.attributions
        self.spans = sorted(
            (b.content_start, b.content_end, id(b)) for b in attributions
            if b.content_start is not None and b.source_type not in ("collective", "none") and b.cue_class in REPORTING
        )
        self.starts = [s[0] for s in self.spans]
        # for each prefix of the spans, the two furthest ends with their attributions: an attribution
        # inside its own content span still finds out whether another span covers it
        self.reach: list[tuple[tuple[int, int], tuple[int, int]]] = []
        best = second = (-1, 0)
        for _, end, key in self.spans:
            if end > best[0]:
                best, second = (end, key), best
            elif end > second[0]:
                second = (end, key)
            self.reach.append((best, second))

    def __call__(self, a: Attribution) -> bool:
        if self.spans is None:
            self._build()
        at = a.cue_start if a.cue_start is not None else a.start
        k = bisect_right(self.starts, at)
        if not k:
            return False
        best, second = self.reach[k - 1]
        return (best if best[1] != id(a) else second)[0] > at


def _named_sources(attributions: list[Attribution]) -> list[int]:
    """Where named people are reported (person sources of reporting cues with a capitalised word that is
    not just a sentence's opening "The", "He" or "A"), in order."""
    return sorted(b.start for b in attributions if b.source_type == "person" and b.cue_class in REPORTING and _named(b.source))


def _named(source: str | None) -> bool:
    """A source opening with a capital that is a name's ("Mr Smith", "Jose Barrionuevo", "The Post's
    editor Jane Doe"), not only a sentence's ("The speaker", "He")."""
    words_ = (source or "").split()
    return bool(words_) and words_[0][:1].isupper() and (
        words_[0].lower() not in _OPENING_WORDS or any(w[:1].isupper() for w in words_[1:]))


_OPENING_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "one", "another", "his", "her", "their",
                            "its", "our", "my", "he", "she", "they", "it", "we", "i", "you", "who"})


def _named_next(doc: Document, a: Attribution, named: list[int], sentence_starts: list[int]) -> bool:
    """Whether a named source is reported from this attribution to the end of the next two sentences
    (a news lead's "…, a survey says." or "…, it has been suggested." answered at once)."""
    index = bisect_right(sentence_starts, a.cue_start if a.cue_start is not None else a.start) - 1
    if index < 0:
        return False
    horizon = doc.sentences[min(index + 2, len(doc.sentences) - 1)].end
    k = bisect_left(named, a.start + 1)
    return k < len(named) and named[k] < horizon


def _hypothetical(doc: Document, a: Attribution) -> bool:
    """Whether the cue is a possibility, not a report ("Some may criticise his talk", "critics could argue")."""
    if a.cue_start is None:
        return False
    before = doc.text[max(0, a.cue_start - 20) : a.cue_start].lower().split()
    return bool(before) and before[-1] in _MODALS


_MODALS = words("modal_verbs")


def _party(source: str) -> bool:
    """A party or people named as such ("Democrats", "the Conservatives"): an identified group."""
    words_ = source.split()
    if words_ and words_[0].lower() == "the":
        words_ = words_[1:]
    return bool(words_) and len(words_) <= 3 and words_[-1].lower() in GROUP_NAMES and all(w[:1].isupper() for w in words_)


def _is_citation(doc: Document, a: Attribution) -> bool:
    return a.cue_start is not None and a.verb is None and (
        doc.text[a.cue_start] == "(" or doc.text[a.cue_start : a.cue_end].rstrip(": ").lower() in citations.FOOTER_LABELS
    )


class VagueSource(Rule):
    """A vague collective stands in for a source: "experts say", "reports confirm", "observers noted".

    ## What it flags
    Attributions whose source is a generic group or an unowned body of material with
    no name, count, institution or access: experts, analysts, observers, critics,
    officials with no further description, reports, sources, intelligence reports,
    "commentary from Western capitals". Not flagged: named people and organisations,
    groups made specific ("three officials familiar with the talks", "analysts at
    Goldman Sachs"), a group whose member is named within the next two sentences,
    unowned findings ("surveys have shown") whose document is named within the next two,
    and a lead sentence ("…, figures show.") whose body is reported within the next two
    ("The Office for National Statistics said …").

    ## Why it matters
    AP, Reuters and the BBC ask for the most specific attribution possible; Wikipedia's
    MOS:WEASEL lists "experts declare" and "it is often reported". The reader cannot
    tell who is speaking or how close they are to the facts.
    """

    code = "SRC101"
    name = "vague-source"
    summary = "Vague collective source (experts, analysts, reports, sources) with no name"
    severity = Severity.warning
    groups = ("sourcing",)
    examples = (
        Example("Experts suggest the alliance is driven by North Korea's need for food.\n", True),
        Example("Intelligence sources indicate that the partnership may deepen.\n", True),
        Example("Reports confirm that the troops arrived in Kursk.\n", True),
        Example("Kyrylo Budanov, head of Ukraine's military intelligence, said the troops arrived.\n", False),
        Example("Analysts at Goldman Sachs said the rate cut was likely.\n", False),
        Example(
            "Analysts said growth would slow. \"The data are weak,\" said Jane Smith, an economist at HSBC.\n",
            False,
        ),
        Example("Surveys have shown that most PCs carry spyware. Research by Earthlink and Webroot found 90% did.\n", False),
        Example("UK retail sales rose in November, figures show. The Office for National Statistics said sales rose 0.6%.\n", False),
        Example("The bank may cut rates. Sales rose in November, figures show. The Office for National Statistics said "
                "sales rose 0.6%.\n", True),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        attributions = _attributions(doc)
        candidates = [a for a in attributions if a.source_type == "collective" and a.source and a.cue_class in FLAGGED]
        if not candidates:
            return
        nested = _Answered(attributions)
        named = _named_sources(attributions)
        documents = sorted(  # owned documents: "Research by technology firms Earthlink and Webroot revealed"
            b.start for b in attributions if b.source_type == "document" and b.cue_class in REPORTING
            and b.source and any(w[:1].isupper() for w in b.source.split()[1:])
        )
        lead_end = doc.sentences[0].end if doc.sentences else 0
        bodies = sorted(  # named bodies reported after a lead: "…, a survey says. The Chartered Institute … said"
            b.start for b in attributions if b.source_type == "organization" and b.cue_class in REPORTING
            and b.source and b.source[:1].isupper() and b.source.lower() not in PRONOUNS
        )
        sentence_starts = [s.start for s in doc.sentences]
        flagged: set[int] = set()
        for a in candidates:
            if _quoted(doc, a) or _is_citation(doc, a) or a.source_start in flagged:
                continue
            if _party(a.source) or MEASURED_SHARE.match(a.source) or nested(a) or _hypothetical(doc, a) \
                    or a.source.lower().endswith((" who", " which", " that")):
                continue  # a party named as such; a measured share of a group ("52% said"): survey data
            if a.source.lower() in PRONOUNS or _named_next(doc, a, named, sentence_starts):
                continue
            if a.source.lower().rsplit(None, 1)[-1] in DOCUMENT_NOUNS and (
                    _named_next(doc, a, documents, sentence_starts)
                    or a.start < lead_end and _named_next(doc, a, bodies, sentence_starts)):
                continue  # "Surveys have shown …. Research by Earthlink and Webroot revealed …": named next; a lead
                # ("…, a survey says.") whose body is named in the next two sentences: the news lead's form
            flagged.add(a.source_start)  # one finding per source, however many verbs it has
            start, end = _span(doc, a)
            yield self.finding(
                doc, start, end,
                f"vague source: “{a.source}” names no one; the reader cannot tell who says this or how they know",
                fix="name the people or the document (name, role, institution; or the report's author, title and date)",
            )


class AgentlessAttribution(Rule):
    """A claim attributed to nobody: "it is believed", "has been reported", "reportedly".

    ## What it flags
    Agentless frames from the pack list `agentless_frames`: impersonal passives ("it is
    believed", "it is implied", "has been reported", "were reported to"), existential
    frames ("there is growing worry that"), unowned allegations ("allegations that")
    and hearsay adverbs ("reportedly"). Not flagged: a frame answered by a source in the
    same sentence ("…, police said"), an agent after "by", "allegedly" beside a
    charge, a court or the police (the legally required form), and a frame closing a
    sentence when a named person is reported within the next two ("…, it has been
    suggested. Culture Secretary Tessa Jowell said …").

    ## Why it matters
    MOS:WEASEL and the BBC guidelines: claims that cannot be corroborated should be
    attributed. An agentless frame gives a claim the weight of a source without one.
    """

    code = "SRC102"
    name = "agentless-attribution"
    summary = "Agentless attribution (it is believed, has been reported, reportedly)"
    severity = Severity.warning
    groups = ("sourcing",)
    examples = (
        Example("It is believed the convoy crossed the border on Tuesday.\n", True),
        Example("A formal mutual defense pact has been reported, suggesting a deeper partnership.\n", True),
        Example("North Korea has reportedly sent approximately 12,000 troops.\n", True),
        Example("It is believed the convoy crossed the border on Tuesday, police said.\n", False),
        Example("The man allegedly stole £5,000 and was charged with theft, police said.\n", False),
        Example("New casinos will be barred from American tricks, it has been suggested. Culture Secretary Tessa "
                "Jowell said the casinos would be different.\n", False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        legal = _Legal(doc)
        attributions = _attributions(doc)
        named = sentence_starts = None
        for a in attributions:
            if a.source_type != "none" or a.cue_class != "agentless" or _quoted(doc, a):
                continue
            cue = doc.text[a.cue_start : a.cue_end]
            key = " ".join(cue.lower().split())
            if key not in FRAMES and key.split()[0] not in ("allegations", "claims", "reports", "rumours", "rumors", "speculation", "suggestions"):
                continue
            if (key == "allegedly" or key.startswith("allegations")) and legal(a.cue_start):
                continue
            if named is None:
                named, sentence_starts = _named_sources(attributions), [t.start for t in doc.sentences]
            if doc.text[a.cue_end : a.cue_end + 2].startswith(".") and _named_next(doc, a, named, sentence_starts):
                continue  # "…, it has been suggested. Culture Secretary Tessa Jowell said …": answered at once
            yield self.finding(
                doc, a.cue_start, a.cue_end,
                f"agentless attribution: “{cue}” does not say who believes, reports or alleges this",
                fix="name the source (“police believe …”, “Reuters reported …”) or state only what can be verified",
            )


class AnonymousSource(Rule):
    """An anonymous source with neither a reason for anonymity nor a description of access.

    ## What it flags
    Unnamed sources described only by role ("a senior official said", "a former
    intelligence official") when the sentence gives neither why they are not named
    ("not authorised to speak publicly") nor how they know ("familiar with the talks").
    Spokespeople speaking for a named body and later references ("the official") are
    not flagged; a source with access or a reason is not flagged, nor one followed by a
    named person within the next two sentences ("A leading expert says …. “…,” says
    Jose Barrionuevo").

    ## Why it matters
    AP and the NYT require anonymous sources to be described as precisely as possible
    and the grant of anonymity explained; the Washington Post found a third of its
    anonymous-source stories gave "no meaningful description".
    """

    code = "SRC103"
    name = "anonymous-source"
    summary = "Anonymous source with neither a reason for anonymity nor a description of access"
    severity = Severity.warning
    groups = ("sourcing",)
    examples = (
        Example("A senior official said the talks had collapsed.\n", True),
        Example("The claim was first presented in a public forum by a former intelligence official.\n", True),
        Example("A senior official familiar with the talks said they had collapsed.\n", False),
        Example(
            "A senior official, who was not authorised to speak publicly, said the talks had collapsed.\n", False
        ),
        Example("A Home Office spokesman said the rules would change.\n", False),
        Example("A leading expert on the Cuban economy says the plan is a desperate measure. “It is an effort to "
                "raise cash,” says Jose Barrionuevo, head of strategy at Barclays.\n", False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        attributions = _attributions(doc)
        nested = _Answered(attributions)
        named = sentence_starts = None
        for a in attributions:
            if a.source_type != "anonymous" or not a.source or a.cue_class not in FLAGGED or _quoted(doc, a) \
                    or a.access_given or a.reason_given:
                continue
            words_ = a.source.lower().split()
            if words_[0] in PRONOUNS or words_[-1] in ("who", "which", "that") or nested(a) or _hypothetical(doc, a):
                continue
            if words_[0] in ("the", "this", "that", "these", "those") and len(words_) <= 3:
                continue  # a later reference to a source described earlier
            if a.cue_start is None:
                continue  # a quotation continuing an attribution already checked
            if named is None:
                named, sentence_starts = _named_sources(attributions), [t.start for t in doc.sentences]
            if _named_next(doc, a, named, sentence_starts):
                continue  # "A leading expert on the Cuban economy says …. “…,” says Jose Barrionuevo": named at once
            start, end = _span(doc, a)
            yield self.finding(
                doc, start, end,
                f"anonymous source: “{a.source}” is given neither a reason for anonymity nor a description of access",
                fix="say how the source knows (“familiar with the talks”, “who attended”) and why they are not named "
                "(“not authorised to speak publicly”), or name them",
            )


class PseudoCitation(Rule):
    """A parenthetical or footer that looks like a citation but names no source.

    ## What it flags
    Parenthetical citations standing as their own sentence and source-footer entries
    made only of generic source words: "(Policy outlook briefs.)", "(Geopolitical
    analysis reports.)", "Sources: various reports". Not flagged: citations with a
    name, an acronym, a web address or a date ("(Source: ONS)", "(Reuters)").

    ## Why it matters
    A citation the reader cannot follow lends authority without accountability; it is
    worse than none, because it suggests the claim was checked.
    """

    code = "SRC104"
    name = "pseudo-citation"
    summary = "Parenthetical or footer citation that names no source"
    severity = Severity.warning
    groups = ("sourcing",)
    examples = (
        Example("The alliance is a turning point for the region. (Policy outlook briefs.)\n", True),
        Example("Exports rose 4% in March. (Source: Office for National Statistics, April 2024.)\n", False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for a in _attributions(doc):
            if a.source_type == "collective" and _is_citation(doc, a):
                start, end = (a.cue_start, a.cue_end) if doc.text[a.cue_start] == "(" else (a.source_start, a.source_end)
                yield self.finding(
                    doc, start, end,
                    f"pseudo-citation: “{a.source}” names no author, outlet, title or date",
                    fix="cite the actual source (author or outlet, title, date, link) or remove the citation",
                )


class UnattributedClaim(Rule):
    """A figure of casualties or forces stated with no source in its sentence or paragraph.

    ## What it flags
    Counts of the killed, wounded or missing, death tolls, and numbers of troops,
    weapons or deployed personnel ("6,000 engineers" beside "sending") in the writer's
    own words, when no attribution appears anywhere in the same paragraph. Plain
    statistics (prices, shares, results) are out of scope.

    ## Why it matters
    Casualty and troop figures are among the most contested facts in conflict
    reporting; the BBC asks that claims that cannot be corroborated be attributed.
    Lower severity: the source may be given elsewhere in the story.
    """

    code = "SRC105"
    name = "unattributed-claim"
    summary = "Casualty or troop figure with no attribution in its paragraph"
    severity = Severity.info
    groups = ("sourcing",)
    examples = (
        Example("North Korea is sending 6,000 engineers and construction workers to Kursk.\n", True),
        Example("At least 200 people were killed in the attack on Monday.\n", True),
        Example("At least 200 people were killed in the attack on Monday, the health ministry said.\n", False),
        Example("The firm said it would cut 3,000 jobs.\n", False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        attributed = self._attributed_blocks(doc)
        low = None
        matches = []
        for index, block in enumerate(doc.blocks):  # only paragraphs with no attribution are read
            if index in attributed or block.kind not in ("paragraph", "list_item"):
                continue
            low = low or lowered(doc.unquoted)
            a, b = block.start, block.end
            matches += [(m.start(), m.end(), m) for m in COUNTED.finditer(low, a, b)]
            matches += [(m.start(), m.end(), m) for m in COUNTED_WORDS.finditer(low, a, b) if not m.start() or low[m.start() - 1] not in _GLUED]
            matches += [(m.start(), m.end(), None) for m in TOLL.finditer(low, a, b) if not m.start() or low[m.start() - 1] not in _GLUED]
        for start, end, counted in sorted(matches, key=lambda x: x[0]):
            sentence = doc.sentence_at(start)
            if sentence is None:
                continue
            if counted and counted.group("deployed") and not DEPLOYMENT.search(low, sentence.start, sentence.end):
                continue
            kind = "casualty" if counted is None or counted.group("casualty") else "force"
            yield self.finding(
                doc, start, end,
                f"unattributed {kind} figure: “{doc.text[start:end]}” has no source in its paragraph",
                fix="say who gives the figure (“according to the UN”, “the health ministry said”) and when",
            )


    @staticmethod
    def _attributed_blocks(doc: Document) -> set[int]:
        blocks = set()
        for a in _attributions(doc):
            if a.cue_class in REPORTING:
                sentence = doc.sentence_at(a.cue_start if a.cue_start is not None else a.start)
                if sentence is not None:
                    blocks.add(sentence.block)
        return blocks


class LoadedReportingVerb(Rule):
    """A reporting verb that judges what it reports: claimed, insisted, admitted, slammed.

    ## What it flags
    Reporting verbs from the pack lists `loaded_distancing` (claim, insist, maintain,
    contend), `loaded_guilt` (admit, confess, concede) and `loaded_emotive` (slam,
    blast, hit out, lash out) used to report speech in the writer's words, with the
    neutral verb to use. Not flagged: non-speech uses ("slammed the door", "claimed
    the title", "admitted the charge"), quotations, and verbs with no source.

    ## Why it matters
    Wikipedia's MOS:SAID: "claimed" raises doubt, "admitted" implies guilt, "insisted"
    implies stubbornness; "said" is almost always neutral. Headline verbs such as
    "slammed" dramatise the speaker instead of reporting them.
    """

    code = "SRC106"
    name = "loaded-reporting-verb"
    summary = "Loaded reporting verb (claimed, insisted, admitted, slammed) where a neutral one fits"
    severity = Severity.info
    groups = ("sourcing",)
    examples = (
        Example("Democrats slammed the bill as a giveaway.\n", True),
        Example("The minister claimed that the figures were wrong.\n", True),
        Example("He slammed the door and left.\n", False),
        Example("The minister said that the figures were wrong.\n", False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        low = None
        legal = _Legal(doc)
        for a in _attributions(doc):
            if a.verb not in LOADED or a.cue_class != "speech" or a.source_type == "none" or _quoted(doc, a):
                continue
            low = low or lowered(doc.text)
            following = low[a.cue_end : a.cue_end + 40].split()[:3]
            after = " ".join(following[:2])
            if following[:1] and following[0] in NON_SPEECH or after in NON_SPEECH or " ".join(following[1:3]) in NON_SPEECH and following[0] == "in":
                continue  # "slammed the door", "blasted in a shot": an act, not speech
            if a.verb == "maintain" and not after.startswith("that"):
                continue  # "maintain the firm's lead": not speech
            if a.verb == "claim" and after.split(" ")[0].strip(",.;:") in CLAIM_OBJECTS:
                continue  # "claimed the runners-up spot"
            if a.verb in GUILT and after.split(" ")[0].strip(",:“\"") not in GUILT_OPENERS and after[:1] not in "“\":," and after:
                continue  # "admit foreigners", "admitted defeat": an object, not speech
            if a.verb not in EMOTIVE and legal(a.cue_start):
                continue  # "admitted fraud before a court", "claimed compensation": the legal sense
            cue = doc.text[a.cue_start : a.cue_end]
            why, neutral = LOADED[a.verb]
            replacement = _same_tense(cue.lower(), a.verb, neutral)
            yield self.finding(
                doc, a.cue_start, a.cue_end,
                f"loaded reporting verb “{cue}” {why}; use “{replacement}” unless the judgement is the point (MOS:SAID)",
                fix=f"replace “{cue}” with “{replacement}”",
            )


def _same_tense(form: str, lemma: str, neutral: str) -> str:
    forms = inflect(lemma)
    tense = forms.get(form, "past")
    by_tense = {t: f for f, t in inflect(neutral).items()}
    if neutral == "say":
        by_tense["part"] = "said"
    return by_tense.get(tense, by_tense["past"])


class MalformedSourceList(Rule):
    """A source footer that cannot be followed: entries run together, empty, or repeated.

    ## What it flags
    "Sources:" / "References:" footers whose entries are written together
    ("naturalnews.commeduza.iofoxnews.com"), that list nothing, or that repeat an entry.

    ## Why it matters
    A source list is only useful when each entry can be found; run-together domains
    look like a copy-paste accident and hide which outlets, let alone which articles,
    were used.
    """

    code = "SRC107"
    name = "malformed-source-list"
    summary = "Source footer with entries run together, empty, or repeated"
    severity = Severity.warning
    groups = ("sourcing",)
    examples = (
        Example("Troops crossed the border.\nSources:\nnaturalnews.commeduza.iofoxnews.com\n", True),
        Example("Troops crossed the border.\n\nSources:\n- reuters.com\n- apnews.com\n", False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for footer in citations.footers(doc):
            if not footer.entries:
                yield self.finding(
                    doc, footer.label[0], footer.label[1], "empty source list: the footer names no source",
                    fix="list each source (outlet, title, date, link) or remove the footer",
                )
                continue
            seen: set[str] = set()
            for entry in footer.entries:
                key = entry.text.lower()
                if entry.parts:
                    yield self.finding(
                        doc, entry.start, entry.end,
                        f"source list entries run together: “{entry.text}” reads as {', '.join(entry.parts)}",
                        fix="put one source per line, each with the article's title, date and full link",
                    )
                elif key in seen:
                    yield self.finding(
                        doc, entry.start, entry.end, f"repeated source list entry: “{entry.text}”",
                        fix="list each source once",
                    )
                seen.add(key)


RULES = [VagueSource, AgentlessAttribution, AnonymousSource, PseudoCitation, UnattributedClaim, LoadedReportingVerb, MalformedSourceList]
