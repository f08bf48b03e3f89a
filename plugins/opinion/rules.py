"""OPN rules: opinion sentences in news reports, and the opinion density of an article."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from factlint import Example, Rule, Severity
from factlint.document import Document
from factlint.models import OpinionCue

from .scoring import ScoredSentence, Scores, score

EXEMPT_TYPES = ("opinion", "analysis", "editorial", "column", "review")

FIXES = {
    "reader_address": "report in the third person; addressing the reader or speaking for 'we' belongs in an opinion piece",
    "first_person": "report in the third person, or attribute the view to a named source",
    "feeling": "say who is concerned, and why; the writer's own feelings are not the news",
    "evaluative": "replace the judgement with the facts behind it, or attribute it to a named source",
    "loaded_label": "use a neutral, descriptive name, or attribute the label to whoever uses it",
    "sensational": "describe the event in neutral terms and let the facts carry the weight",
    "booster": "drop the certainty marker, or cite the evidence or source behind the claim",
    "editorial_adverb": "drop the sentence adverb: it is the writer's attitude, not a fact",
    "exhortation": "attribute the recommendation to a source, or move it to an opinion piece",
    "judgement": "cut the verdict, or attribute it to a named source",
    "rhetorical_question": "state the point and its source instead of asking the reader",
    "exclamation": "end the sentence with a full stop and let the facts speak",
    "sarcasm": "drop the mark of doubt, or attribute the doubt to a named source",
    "scare_quote": "remove the quotation marks, or attribute the words to whoever said them",
    "partisan_jab": "name the party or group in neutral terms",
}
_GENERIC_FIX = "state the facts and attribute judgements to named sources, or label the piece as opinion"


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exempt_types: list[str] = Field(
        default_factory=lambda: list(EXEMPT_TYPES),
        description="article types (`type` metadata) that may carry the writer's opinion: no findings",
    )


class SentenceOptions(_Options):
    threshold: float = Field(1.0, gt=0, description="cue weight a sentence needs to count as opinion")


class DensityOptions(_Options):
    threshold: float = Field(0.15, gt=0, le=1, description="share of the writer's own sentences that are opinion")
    sentence_threshold: float = Field(1.0, gt=0, description="cue weight a sentence needs to count as opinion")
    min_sentences: int = Field(5, ge=1, description="own sentences an article needs before its density is judged")
    min_opinion: int = Field(2, ge=1, description="opinion sentences an article needs before it is flagged")


def _describe(cue: OpinionCue) -> str:
    return f"{cue.cue.replace('_', ' ')} “{' '.join(cue.text.split())}”"


def _exempt(doc: Document, options: _Options) -> bool:
    return doc.type is not None and doc.type in {t.lower() for t in options.exempt_types}


class OpinionInReporting(Rule):
    """A sentence of a news report that carries the writer's own judgement.

    ## What it flags
    A sentence in the writer's own words (outside quotations and reported speech)
    whose opinion cues reach the threshold: the writer addressing the reader or
    speaking for "we", the writer's feelings given as judgement, evaluative and
    loaded words, sensational framing, certainty boosters, editorial sentence
    adverbs, exhortation, rhetorical questions, exclamations, sarcasm and scare
    quotes, and partisan jabs. Each cue has a weight from the `opinion` rule pack;
    a single weak cue never flags a sentence. The finding sits on the strongest
    cue; the other cues are listed as related locations. Words that are neutral in
    news ("attack", "concern", "strong earthquake") do not count. Articles whose
    `type` is one of `exempt_types` (opinion, analysis, ...) are not checked.

    ## Why it matters
    Readers of news are owed a line between what happened and what the writer
    thinks. Opinion quoted from a named speaker is reporting; the same words in
    the writer's voice are editorializing.
    """

    code = "OPN001"
    name = "opinion-in-reporting"
    summary = "Writer's own judgement in a news report (evaluative, loaded or exhorting language)"
    severity = Severity.warning
    groups = ("opinion",)
    Options = SentenceOptions
    examples = (
        Example("In a shocking escalation, the army crossed the border on Monday.", True),
        Example("The government's response has been lackluster.", True),
        Example("It is essential for the international community to closely monitor the talks.", True),
        Example("The army crossed the border on Monday, the ministry said.", False),
        Example("“This is a disgrace and a shocking escalation,” the minister said.", False),
        Example("A strong earthquake struck the region, and a severe weather warning remains in place.", False),
        Example("The government's response has been lackluster.", False, meta={"type": "opinion"}),
    )

    def check(self, doc: Document):
        scores = score(doc, self.options.threshold)
        doc.stats["opinion_density"] = round(scores.density, 4)
        if _exempt(doc, self.options):
            return
        for s in scores.opinion:
            yield self._finding(doc, s)

    def _finding(self, doc: Document, s: ScoredSentence):
        lead = s.lead
        cues = ", ".join(_describe(c) for c in s.cues)
        message = f"opinion in a news report: {cues} (cue weight {s.score:.2f}, threshold {self.options.threshold:g})"
        related = [doc.location(c.start, c.end) for c in s.cues[1:]]
        return self.finding(doc, lead.start, lead.end, message, related=related, fix=FIXES.get(lead.cue, _GENERIC_FIX))


class OpinionDensity(Rule):
    """A news article in which a large share of the writer's own sentences are opinion.

    ## What it flags
    News articles (any `type` not in `exempt_types`) with at least `min_sentences`
    sentences of the writer's own and at least `min_opinion` opinion sentences
    (scored as in OPN001 with `sentence_threshold`), when the share of opinion
    sentences reaches `threshold` (15% by default). The finding sits on the first
    opinion sentence; the others are related locations. Every article's density
    is reported as `opinion_density` in the document summary.

    ## Why it matters
    One evaluative word can slip into any report; a story in which every few
    sentences editorialize is commentary presented as news, and should be edited
    or labelled as opinion or analysis.
    """

    code = "OPN002"
    name = "opinion-density"
    summary = "News article whose share of opinion sentences passes a threshold"
    severity = Severity.warning
    groups = ("opinion",)
    Options = DensityOptions
    examples = (
        Example(
            "The talks ended on Monday. Frankly, the outcome was a disaster and a farce. "
            "Officials met in Geneva for three days. Sadly, the response has been lackluster. "
            "The delegations will meet again in May. Both sides signed a short statement.",
            True,
        ),
        Example(
            "The talks ended on Monday. Officials met in Geneva for three days. "
            "The delegations will meet again in May. Both sides signed a short statement. "
            "Frankly, the outcome was a farce. The statement runs to two pages.",
            False,
        ),
    )

    def check(self, doc: Document):
        scores: Scores = score(doc, self.options.sentence_threshold)
        doc.stats["opinion_density"] = round(scores.density, 4)
        o = self.options
        if _exempt(doc, o) or scores.own_sentences < o.min_sentences or len(scores.opinion) < o.min_opinion:
            return
        if scores.density < o.threshold:
            return
        first, *rest = scores.opinion
        message = (f"opinion density {scores.density:.0%}: {len(scores.opinion)} of {scores.own_sentences} "
                   f"sentences in the writer's own words are opinion (threshold {o.threshold:.0%} for a news article)")
        related = [doc.location(s.sentence.start, s.sentence.end) for s in rest]
        fix = "edit the opinion sentences to neutral reporting, or label the article as opinion or analysis"
        yield self.finding(doc, first.sentence.start, first.sentence.end, message, related=related, fix=fix)
