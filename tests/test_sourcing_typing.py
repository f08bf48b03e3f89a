"""Source typing (`factlint.plugins.sourcing.sources.classify`): one case per general rule."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.plugins.sourcing.sources import MEASURED_SHARE, classify

TYPES = {"person", "organization", "document", "anonymous", "collective", "none"}


@pytest.mark.parametrize(
    "phrase, kind",
    [
        # a personal name after a role or kin noun, or with capitals inside a word
        ("Stein spokeswoman Melezia Figueroa", "person"),
        ("Washington Post columnist Michael Gerson", "person"),
        ("spokesman Stuart Roy", "person"),
        ("Le Pen's niece Marion", "person"),
        ("An attorney for Pagliano, Mark MacDougall,", "person"),
        # a name inside a post-modifier is not the source
        ("A 2014 study by Loyola Law School professor Justin Levitt", "document"),
        # appositions: typed by their first part
        ("The Ethiopian government, which had previously detained him,", "organization"),
        ("American, the world's biggest airline by some measures,", "organization"),
        ("A senior defence official, speaking to the BBC's defence correspondent Paul Adams", "anonymous"),
        # coordinations: a person named first
        ("Republican presidential nominee Donald Trump and the Obama administration", "person"),
        ("The New York Times and the Gannett newspaper chain", "organization"),
        # one office held by one person
        ("the GOP front-runner", "person"),
        # owners and heads
        ("his campaign", "organization"),
        ("her eyes", "person"),
        ("the fund", "organization"),
        ("USA TODAY's super PAC tally", "document"),
        ('A 2010 "playbook" published by Politico', "document"),
        ("A report about the integration of immigrants issued over the summer by the OECD", "document"),
        ("topless photos", "document"),
        # groups
        ("some Sanders backers", "collective"),
        ("Many Millennials", "collective"),
        ("Others in the African-American community", "collective"),
        ("Republican", "collective"),
        ("Three-in-five GOP voters", "collective"),
    ],
)
def test_source_types(phrase, kind):
    assert classify(phrase).type == kind


def test_a_name_in_a_relative_clause_names_no_source():
    assert not classify("superdelegates, the vast majority of whom support Hillary Clinton,").named


def test_a_group_named_for_a_person_is_not_an_adverb():
    assert classify("Gardener afterwards").type != "collective"


def test_a_lone_adjective_opening_a_sentence_is_not_read_as_a_people():
    assert classify("British", True).type != "collective"


def test_appositive_after_a_surname_makes_a_person():
    assert classify("Schiff, 56, who has served on the Intelligence Committee for a decade,").type == "person"
    assert classify("The veteran lock, who is 36 at the end of February,").type == "person"


def test_examples_are_not_an_apposition():
    assert classify("many experts, including the World Bank,").type == "organization"


_TRANSCRIPT = "WALLACE: Do you see them as equivalent?\nPENCE: I do not.\nWALLACE: Why not?\nPENCE: Because."


@pytest.mark.parametrize(
    "name, text, kind",
    [
        ("WALLACE", _TRANSCRIPT, "person"),  # capitals labelling a transcript's turns
        ("NATO", "NATO: allies meet. NATO said the talks went well.", "organization"),
        ("Russia", "Old Hands Help Russia Navigate the Talks.\n\nRussia said the talks went well.", "organization"),
        ("Navigate", "Sergei Navigate visited. Navigate said so.", "person"),
        ("Carrier", "Workers gathered outside the plant. Outside Carrier, the mood was grim. Carrier said it would move.",
         "organization"),  # a sentence opener that is also a lower-case word is no first name
        ("Shoigu", "Sergei Shoigu visited Pyongyang. Shoigu said the talks went well.", "person"),
    ],
)
def test_a_single_name_is_read_in_its_document(name, text, kind):
    assert classify(name, True, text).type == kind


def test_measured_share_reads_number_words():
    assert MEASURED_SHARE.match("Three-in-five GOP insiders")
    assert MEASURED_SHARE.match("six in 10 voters")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbBsS ,.'’-—:0123456789whoThe"), max_size=40), st.booleans())
def test_classify_always_gives_a_type_and_ignores_outer_spaces(phrase, initial):
    info = classify(phrase, initial)
    assert info.type in TYPES
    assert classify(f"  {phrase} ", initial) == info
