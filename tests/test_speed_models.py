"""Findings and locations built without validation are the models validation builds; other values are still validated."""

import pytest
from pydantic import ValidationError

from factlint import Finding, Location, Rule, Severity
from factlint.document import Document


class _Rule(Rule):
    code = "TST001"
    name = "test-rule"
    summary = "A rule for the tests"


DOC = Document(id="a", path="a.txt", text="One line.\nAnother line, with 5,000 words.\n")


def _validated(doc: Document, start: int, end: int) -> Location:
    line, column = doc.line_col(start)
    return Location(document=doc.id, path=doc.path, line=line, column=column, start=start, end=end, excerpt=doc.text[start:end])


def test_location_is_the_validated_model():
    for start, end in [(0, 3), (10, 17), (35, 40), (5, 5)]:
        loc = DOC.location(start, end)
        expected = _validated(DOC, start, end)
        assert loc == expected
        assert loc.model_dump() == expected.model_dump()
        assert loc.model_fields_set == expected.model_fields_set


def test_finding_is_the_validated_model():
    rule = _Rule()
    related = [DOC.location(0, 3)]
    finding = rule.finding(DOC, 10, 17, "a message", related=related, fix="do this")
    expected = Finding(**_validated(DOC, 10, 17).__dict__, code="TST001", rule="test-rule", severity=Severity.warning,
                       message="a message", related=related, fix="do this")
    assert finding == expected
    assert finding.model_dump(mode="json") == expected.model_dump(mode="json")
    assert finding.model_fields_set == expected.model_fields_set
    assert finding.related[0] is related[0]


def test_other_values_are_validated():
    rule = _Rule()
    loc = DOC.location(0, 3)
    assert rule.finding_at(loc, "m", severity="error").severity is Severity.error  # coerced, as before
    with pytest.raises(ValidationError):
        rule.finding_at(loc, 42)
    with pytest.raises(ValidationError):
        rule.finding_at(loc, "m", related=["not a location"])
    with pytest.raises(ValidationError):
        Document(id=7, path=None, text="abc").location(0, 2)  # an id that is not a string
