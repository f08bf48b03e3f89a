"""TXT: input problems, page furniture, unused suppressions and rules that failed."""

from __future__ import annotations

from factlint import Example, Rule, Severity, hookimpl
from factlint.document import Document


class UnreadableInput(Rule):
    """Input that could not be read as text.

    ## What it flags
    Binary files, files that are not valid UTF-8 (the rest is checked with the
    bad bytes replaced), paths that do not exist and files that cannot be opened.

    ## Why it matters
    A document that is silently skipped is a document nobody checked. The run
    goes on; this finding says which input was lost and where.
    """

    code = "TXT001"
    name = "unreadable-input"
    summary = "Input that cannot be read as UTF-8 text"
    severity = Severity.error


class EmptyDocument(Rule):
    """A document with no text.

    ## What it flags
    Empty files, files of white space only, and JSON Lines records whose `text` is empty.

    ## Why it matters
    An empty article in a corpus is usually an export or scraping failure.
    """

    code = "TXT002"
    name = "empty-document"
    summary = "Document has no text to check"
    severity = Severity.error


class MalformedRecord(Rule):
    """A record or header that does not parse.

    ## What it flags
    A JSON Lines line that is not a JSON object with `id` and `text`, and
    Markdown front matter that is not a YAML mapping.

    ## Why it matters
    One broken record must not hide the others: it is skipped, named by line,
    and every other record is checked.
    """

    code = "TXT003"
    name = "malformed-record"
    summary = "JSON Lines record or front matter that does not parse"
    severity = Severity.error


class OversizedDocument(Rule):
    """A document longer than the `max_chars` setting.

    ## What it flags
    Documents over `max_chars` characters (5,000,000 by default), such as a
    20 MB single-line dump; they are reported, not checked.

    ## Why it matters
    Such inputs are almost never one article, and checking them would hold up
    the rest of the corpus.
    """

    code = "TXT004"
    name = "oversized-document"
    summary = "Document too large to be one article; not checked"
    severity = Severity.error


class PageFurniture(Rule):
    """Navigation, widgets and links to other stories inside the article text.

    ## What it flags
    Blocks such as "Previous Article", "Next Article", "No time to read? Get a
    summary", share and subscribe prompts, and the headlines of related
    articles listed after navigation. Content rules never fire inside them.

    ## Why it matters
    Page furniture left in a scraped or pasted article is not part of the
    story; it skews word counts and can carry other stories' figures.
    """

    code = "TXT101"
    name = "page-furniture"
    summary = "Page furniture (navigation, widgets, related headlines) in the text"
    severity = Severity.info
    examples = (
        Example("Troops crossed the border on Monday.\n\nPrevious Article\n\nMarkets Rally on Rate Hopes\n", True),
        Example("Troops crossed the border on Monday.\n\nThe next article of the treaty covers trade.\n", False),
    )

    def check(self, doc: Document):
        for block in doc.blocks:
            if block.kind == "furniture":
                excerpt = " ".join(doc.text[block.start : block.end].split())
                yield self.finding(doc, block.start, block.end, f"page furniture, not article text: {excerpt[:60]!r}")


class UnusedSuppression(Rule):
    """An inline suppression that matched no finding.

    ## What it flags
    `<!-- factlint: disable ... -->` ranges and `disable-next-line` comments
    under which no finding of the named codes was found.

    ## Why it matters
    Stale suppressions hide future problems; an auditor wants each one to earn its place.
    """

    code = "TXT102"
    name = "unused-suppression"
    summary = "Suppression comment that matched no finding"
    severity = Severity.info


class RuleError(Rule):
    """A rule, extractor or corpus pass raised an error.

    ## What it flags
    The failure of one check on one document, naming the rule and the
    exception. The other checks and documents are unaffected.

    ## Why it matters
    A crash must never pass for a clean result.
    """

    code = "TXT900"
    name = "rule-error"
    summary = "A check failed on this document"
    severity = Severity.error


ERROR_RULES = {cls.code: cls for cls in (UnreadableInput, EmptyDocument, MalformedRecord, OversizedDocument)}


@hookimpl
def factlint_rules():
    return [*ERROR_RULES.values(), PageFurniture, UnusedSuppression, RuleError]
