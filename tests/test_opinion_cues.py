"""Opinion cues are found in the writer's own words only, with exact offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import Document
from factlint.models import Attribution, OpinionCue
from factlint.plugins.opinion.cues import extract, own_view
from factlint.segment import segment


def _doc(text: str, *attributions: tuple[str, str, str]) -> Document:
    """A segmented document with hand-built attributions: (source, verb lemma, reported content)."""
    doc = Document(id="t", text=text)
    segment(doc)
    for source, verb, content in attributions:
        first, start = text.index(source), text.index(content)
        doc.assertions.append(Attribution(
            start=first, end=start + len(content), text=text[first : start + len(content)], source=source,
            source_type="person", verb=verb, content_start=start, content_end=start + len(content),
        ))
    return doc


def _cues(text: str, *attributions: tuple[str, str, str]) -> list[tuple[str, str]]:
    return [(c.cue, c.text) for c in extract(_doc(text, *attributions))]


def test_each_cue_class_fires():
    assert ("evaluative", "lackluster") in _cues("The response has been lackluster.")
    assert ("loaded_label", "unholy alliance") in _cues("This unholy alliance is growing.")
    assert ("sensational", "shocking escalation") in _cues("It was a shocking escalation on the border.")
    assert ("booster", "a clear indication") in _cues("This move is a clear indication of collaboration.")
    assert ("editorial_adverb", "Frankly") in _cues("Frankly, the talks failed.")
    assert ("exhortation", "should serve as a stark reminder") in _cues(
        "The pact should serve as a stark reminder of the risks.")
    assert ("feeling", "it is concerning to") in _cues("Sadly, it is concerning to think about the future.")
    assert ("reader_address", "Let's") in _cues("Let's delve into the complexities of this relationship.")
    assert ("judgement", "one thing remains clear") in _cues("As the world waits, one thing remains clear: the stakes are high.")
    assert ("partisan_jab", "radical left") in _cues("The radical left wants more.")
    assert ("sarcasm", "so-called") in _cues("The so-called reforms passed.")
    assert ("emphasis", "NOT") in _cues("Vaccine effectiveness is NOT a measure of anything.")


def test_questions_and_exclamations_cover_their_clause():
    cues = _cues("Troops crossed at dawn; how much longer will Kim sustain this costly war?")
    assert ("rhetorical_question", "how much longer will Kim sustain this costly war?") in cues
    assert ("exclamation", "What a mess!") in _cues("What a mess!")


def test_quotations_and_reported_speech_are_not_the_writers_words():
    assert _cues('"This is a disgrace and a shocking betrayal," the minister said.') == []
    text = "The minister said the plan was a disgrace and a shocking betrayal."
    assert _cues(text, ("The minister", "say", "the plan was a disgrace and a shocking betrayal")) == []
    assert ("evaluative", "disgrace") in _cues(text)  # no attribution known: the words count


def test_agentless_and_non_speech_attributions_leave_the_words_to_the_writer():
    text = "It is believed the plan was a disgrace."
    doc = _doc(text)
    start = text.index("the plan")
    doc.assertions.append(Attribution(start=0, end=len(text), text=text, source=None, source_type="none",
                                      verb="believe", content_start=start, content_end=len(text) - 1))
    assert [c.text for c in extract(doc)] == ["disgrace"]
    decided = "The council decided the scheme was a disgrace."
    assert [c for _, c in _cues(decided, ("The council", "decide", "the scheme was a disgrace"))] == ["disgrace"]



def test_the_writer_as_source_keeps_the_words():
    text = "I believe the plan was a disgrace."
    assert ("evaluative", "disgrace") in _cues(text, ("I", "believe", "the plan was a disgrace"))
    text = "We think the plan was a disgrace."
    assert ("evaluative", "disgrace") in _cues(text, ("We", "think", "the plan was a disgrace"))
    text = "US officials believe the plan was a disgrace."  # "US" is not "us"
    assert _cues(text, ("US officials", "believe", "the plan was a disgrace")) == []


def test_a_characterisation_is_the_speakers_label():
    text = "He branded it a dodgy budget from a shambolic government."
    assert _cues(text, ("He", "brand", "it a dodgy budget from a shambolic government")) == []


def test_scare_quotes_but_not_words_mentioned_as_words():
    assert ("scare_quote", '"reforms"') in _cues('The government\'s "reforms" cut the budget.')
    for text in ('Problem words such as "affect" and "effect" top the list.',
                 'The term "blog" was the most looked-up word.',
                 'The crash, dubbed "black monday" by traders, wiped out savings.'):
        assert [c for c in _cues(text) if c[0] == "scare_quote"] == [], text

def test_news_neutral_words_and_phrases_do_not_count():
    assert _cues("A strong earthquake hit the coast; a severe weather warning is in place.") == []
    assert _cues("The attack raised concern among residents.") == []
    assert _cues("Our correspondent in Kyiv reports heavy fighting.") == []
    assert _cues("Veterans of World War I gathered in the square.") == []
    # descriptive uses seen among BBC false alarms
    assert _cues("Rumours said Melcher - who knew Manson - was the real target.") == []
    assert _cues("Criminals use swarms of remotely controlled computers.") == []
    assert _cues("It remains to be seen if he will suffer the rash of call-offs.") == []
    assert _cues("A mistake in the way the code was written meant it spread slowly.") == []
    assert _cues("The hospital treats the criminally insane.") == []
    assert ("loaded_label", "swarms of migrants") in _cues("Ministers warned of swarms of migrants.")
    assert ("rhetorical_question", "Who knew?") in _cues("Who knew?")


def test_letter_case_separates_names_and_acronyms():
    assert _cues("The US and the UK signed the deal.") == []
    assert ("first_person", "us") in _cues("The deal is bad for us, officials added.")
    assert _cues("Shares in Just Add Monsters rose.") == []  # a listed word inside a name
    assert ("evaluative", "Brilliant") in _cues("Brilliant one minute, inept the next.")
    assert ("first_person", "I") in _cues("I was there when the plan collapsed.")


def test_titles_ending_in_a_mark_are_not_questions_or_exclamations():
    assert _cues("The comedy Shall We Dance? came third.") == []
    assert "exclamation" not in {c for c, _ in _cues("He hosted I'm A Celebrity, Get Me Out Of Here! last year.")}
    assert ("rhetorical_question", "Is it any wonder voters are angry?") in _cues("Is it any wonder voters are angry?")


def test_hyphenated_compounds_are_one_word():
    assert _cues("The best-selling album was released on Monday.") == []
    assert _cues("A well-known firm opened an office.") == []


def test_cues_are_tied_to_their_sentence():
    doc = _doc("The vote passed. Frankly, the outcome was a farce.")
    cues = extract(doc)
    second = doc.sentences[1].start
    assert {c.sentence_start for c in cues} == {second}


def test_own_view_keeps_length_and_blanks_attributed_content():
    text = "Critics said the plan was a farce. It passed."
    doc = _doc(text, ("Critics", "say", "the plan was a farce"))
    view = own_view(doc)
    assert len(view) == len(text)
    assert "farce" not in view and "It passed." in view


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "Frankly, the plan is a disaster.", '"It is a shocking betrayal," he said.', "Officials met on Monday.",
    "Is it any wonder voters are angry?", "What a mess!", "The US and we agree.", "It is believed it failed.",
    "“Brilliant”, she wrote.", "The so-called 'reforms' passed.", "World War I ended in 1918.", "\n\n",
]), min_size=1, max_size=12))
def test_cues_are_exact_spans_outside_quotations(pieces):
    text = " ".join(pieces)
    doc = Document(id="t", text=text)
    segment(doc)
    cues = extract(doc)
    for cue in cues:
        assert isinstance(cue, OpinionCue)
        assert text[cue.start : cue.end] == cue.text and cue.end > cue.start
        sentence = doc.sentence_at(cue.start)
        assert sentence is not None and sentence.start == cue.sentence_start
        if cue.cue != "scare_quote":
            assert doc.quote_at(cue.start, cue.end) is None
    assert cues == sorted(cues, key=lambda c: (c.start, c.end))
