"""An example factlint plugin: flags the house-banned word "slammed" outside quotations."""

import regex

from factlint import Example, Rule, hookimpl

SLAMMED = regex.compile(r"\bslam(?:s|med|ming)?\b", regex.I)


class Slammed(Rule):
    """Flags "slammed" in the writer's own words.

    ## What it flags
    Forms of "slam" used as a reporting verb outside quotations.

    ## Why it matters
    House style: "slammed" takes sides; "criticized" reports.
    """

    code = "EXA001"
    name = "slammed"
    summary = "'Slammed' as a reporting verb"
    examples = (
        Example("Democrats slammed the bill on Tuesday.", fails=True),
        Example('"They slammed us," the senator said.', fails=False),
    )

    def check(self, doc):
        for m in SLAMMED.finditer(doc.unquoted):
            yield self.finding(doc, m.start(), m.end(), "say 'criticized' instead of 'slammed'", fix="criticized")


@hookimpl
def factlint_rules():
    return [Slammed]
