"""The sourcing extractor: cues, sources, source types and content spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import check_texts
from factlint.document import Document
from factlint.models import Attribution
from factlint.plugins.sourcing.citations import split_domains
from factlint.plugins.sourcing.extract import extract, type_source
from factlint.plugins.sourcing.sources import classify
from factlint.segment import segment


def attributions(text: str) -> list[Attribution]:
    doc = Document(id="t", text=text)
    segment(doc)
    return extract(doc)


def one(text: str, cue: str) -> Attribution:
    found = [a for a in attributions(text) if a.cue_start is not None and text[a.cue_start : a.cue_end] == cue]
    assert len(found) == 1, [(a.verb, a.source) for a in attributions(text)]
    return found[0]


def span(text: str, a: Attribution, part: str) -> str | None:
    start, end = getattr(a, f"{part}_start"), getattr(a, f"{part}_end")
    return None if start is None else text[start:end]


def test_source_before_verb_and_content_after():
    text = "Kyrylo Budanov, head of Ukraine's military intelligence, said that the troops had arrived in Kursk."
    a = one(text, "said")
    assert a.source_type == "person"
    assert span(text, a, "source") == "Kyrylo Budanov, head of Ukraine's military intelligence"
    assert span(text, a, "content") == "the troops had arrived in Kursk."


def test_source_after_content_and_inverted_verb():
    text = "The plan will cut 500 jobs, said Jane Smith, the chief executive."
    a = one(text, "said")
    assert span(text, a, "source").startswith("Jane Smith")
    assert span(text, a, "content") == "The plan will cut 500 jobs"


def test_paragraph_final_attribution_covers_the_paragraph():
    text = "The company will close two plants. The move will save £10m a year, the firm said.\n\nShares rose."
    a = one(text, "said")
    assert a.source_type == "organization"
    assert span(text, a, "content") == "The company will close two plants. The move will save £10m a year"


def test_quote_with_speaker_after_and_continuation():
    text = "“We are very happy with the deal,” Mr Shoigu said. “It is a great day for us.”"
    a = one(text, "said")
    assert span(text, a, "content") == "“We are very happy with the deal,”"
    continued = [x for x in attributions(text) if x.cue_start is None]
    assert [span(text, x, "content") for x in continued] == ["“It is a great day for us.”"]
    assert continued[0].source == "Mr Shoigu"


def test_quote_after_colon():
    text = "The minister told reporters: “We will not back down.”"
    a = one(text, "told")
    assert span(text, a, "content") == "“We will not back down.”"


def test_according_to_before_and_after():
    text = "Over 10,000 troops are fighting in Kursk, according to the Pentagon."
    a = one(text, "according to")
    assert (a.source, a.source_type) == ("the Pentagon", "organization")
    assert span(text, a, "content") == "Over 10,000 troops are fighting in Kursk"
    text = "According to a UN report, the toll has risen to 200."
    a = one(text, "According to")
    assert a.source_type == "document"
    assert span(text, a, "content") == "the toll has risen to 200."


@pytest.mark.parametrize(
    "text, cue",
    [
        ("It is believed the convoy crossed on Tuesday.", "It is believed"),
        ("A formal pact has been reported, officials in Seoul remained silent.", "has been reported"),
        ("North Korea has reportedly sent 12,000 troops.", "reportedly"),
        ("There is growing worry that the pact will hold.", "There is growing worry"),
        ("The talks stalled amid allegations that bribes were paid.", "allegations that"),
        ("The partners were reported to sign a framework.", "were reported"),
    ],
)
def test_agentless_frames(text, cue):
    a = one(text, cue)
    assert a.source_type == "none" and a.source is None and a.content_start is not None


def test_agentless_frame_answered_by_a_source_in_the_sentence_is_dropped():
    text = "It is believed the convoy crossed on Tuesday, police said."
    assert [a.source_type for a in attributions(text)] == ["organization"]


def test_anonymous_source_records_access_and_reason():
    text = "A senior official familiar with the talks, who was not authorised to speak publicly, said they had stalled."
    a = one(text, "said")
    assert (a.source_type, a.access_given, a.reason_given) == ("anonymous", True, True)
    a = one("A senior official said the talks had stalled.", "said")
    assert (a.source_type, a.access_given, a.reason_given) == ("anonymous", False, False)


def test_passive_with_agent():
    text = "The claim was first presented in a public forum by a former intelligence official."
    a = one(text, "presented")
    assert (a.source, a.source_type) == ("a former intelligence official", "anonymous")


def test_noun_uses_of_reporting_words_are_not_verb_cues():
    text = "Russian support for the plan grew. The report was long. Kim's recent pledge was vague."
    assert [(a.verb, a.cue_class) for a in attributions(text)] == [("support", "noun")]  # "support for": a noun cue


def test_cue_nouns_take_their_owner_as_source():
    text = "In her view, the plan will fail. Donald Trump's criticism of the deal grew louder. The Senate passed the plan."
    view, criticism = [a for a in attributions(text) if a.cue_class != "fitted"]  # ("passed": an act PolNeAR marks)
    assert (view.verb, view.source, view.cue_class) == ("view", "her", "noun")
    assert span(text, view, "content") == "the plan will fail."
    assert (criticism.verb, criticism.source, criticism.source_type) == ("criticism", "Donald Trump's", "person")


def test_parenthetical_citations_and_footers():
    text = "The alliance is a turning point. (Policy outlook briefs.)\n\nExports rose 4%. (Source: ONS, April 2024.)\n"
    cited = [a for a in attributions(text) if a.verb is None]
    assert [(a.source, a.source_type) for a in cited] == [
        ("Policy outlook briefs", "collective"), ("ONS, April 2024", "document"),
    ]
    assert all(a.content_start is None for a in cited)
    text = "Troops crossed the border.\nSources:\nnaturalnews.commeduza.iofoxnews.com\n"
    footer = [a for a in attributions(text) if a.verb is None]
    assert [(a.source, a.source_type) for a in footer] == [("naturalnews.commeduza.iofoxnews.com", "organization")]


@pytest.mark.parametrize(
    "host, parts",
    [
        ("naturalnews.commeduza.iofoxnews.com", ["naturalnews.com", "meduza.io", "foxnews.com"]),
        ("news.bbc.co.uk", ["news.bbc.co.uk"]),
        ("www.comedycentral.com", ["www.comedycentral.com"]),
        ("edition.cnn.com/2024/story", ["edition.cnn.com/2024/story"]),
    ],
)
def test_split_domains(host, parts):
    assert split_domains(host) == parts


@pytest.mark.parametrize(
    "phrase, initial, kind",
    [
        ("Intelligence sources", True, "collective"),
        ("Experts", True, "collective"),
        ("commentary from Western capitals", False, "collective"),
        ("a senior US official", False, "anonymous"),
        ("two officials familiar with the talks", False, "anonymous"),
        ("Mr Shoigu", False, "person"),
        ("Official North Korean news agency KCNA", True, "organization"),
        ("North Korean state media", True, "organization"),
        ("a UN report", False, "document"),
        ("Analysts at Goldman Sachs", True, "organization"),
        ("A Home Office spokesman", True, "organization"),
        ("Venezuelan authorities", True, "organization"),
        ("he", False, "person"),
    ],
)
def test_source_types(phrase, initial, kind):
    assert classify(phrase, initial).type == kind


def test_surname_introduced_earlier_is_a_person():
    text = "Sergei Shoigu visited Pyongyang. Shoigu said the talks went well."
    assert classify("Shoigu", True, text).type == "person"
    assert classify("Tesco", True, "Tesco said sales rose.").type == "organization"


def test_cues_inside_a_quotation_are_the_speakers_not_extracted():
    text = "“I think they had hoped to expect more,” he continued. “Critics say it will fail.”"
    assert [(a.verb, a.source) for a in attributions(text) if a.cue_start is not None] == [("continue", "he")]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "Experts said", "the minister", "“We will win,”", "he added.", "According to", "reports", "it is believed",
    "(Policy briefs.)", "Sources:", "said", ",", ".", "\n\n", "told reporters that", "Mr Smith", "officials",
    "a senior official familiar with the talks", "that", "the plan", "reportedly", "claims that",
]), max_size=40))
def test_spans_are_valid_for_any_text(parts):
    text = " ".join(parts)
    for a in attributions(text):
        assert 0 <= a.start <= a.end <= len(text) and a.text == text[a.start : a.end]
        for part in ("cue", "source", "content"):
            start, end = getattr(a, f"{part}_start"), getattr(a, f"{part}_end")
            assert (start is None) == (end is None)
            if start is not None:
                assert a.start <= start < end <= a.end
        assert a.source_type in ("person", "organization", "document", "anonymous", "collective", "none")
        assert (a.source is None) == (a.source_start is None)


def test_attributions_equal_validated_models():
    text = "Experts said the plan would fail. “It will not work,” he added, according to a UN report."
    for a in attributions(text):
        validated = Attribution.model_validate(a.model_dump())
        assert validated == a and validated.model_dump_json() == a.model_dump_json()
        assert a.model_fields_set == set(Attribution.model_fields)


@pytest.mark.parametrize(
    "text, cue, cls, source",
    [
        ("The minister said the plan had failed.", "said", "speech", "The minister"),
        ("Most economists believe rates will rise.", "believe", "belief", "Most economists"),
        ("Senator Collins endorsed the bill on Tuesday.", "endorsed", "stance", "Senator Collins"),
        ("He called the ruling a disgrace.", "called", "stance", "He"),
        ("The governor plans to veto the measure.", "plans", "intent", "The governor"),
        ("The court ruled that the law was valid.", "ruled", "decree", "The court"),
        ("She saw an opening in the polls.", "saw", "perception", "She"),
        ("The campaign released a memo on Monday.", "released", "publication", "The campaign"),
        ("According to the ONS, prices rose.", "According to", "according", "the ONS"),
        # appositives after a name, and ages
        ("Jeff Weaver, Sanders’ campaign manager, said the race was open.", "said", "speech", "Jeff Weaver, Sanders’ campaign manager"),
        ("Mr. Regalado, 69, said he had been inundated with email.", "said", "speech", "Mr. Regalado, 69"),
        # adverbs between the auxiliary and the verb; gerunds after a preposition
        ("Mrs. Clinton has since said she would support a wage increase.", "said", "speech", "Mrs. Clinton"),
        ("Sanders has soared in the polls by saying that the system is rigged.", "saying", "speech", "Sanders"),
        ("Recalling his weekly breakfasts with her, Mr. Biden praised Mrs. Clinton.", "Recalling", "speech", "Mr. Biden"),
        # "concluded that" (a quote-only verb that also reports a clause); a clause with no "that"
        ("The Halifax survey concluded that there were signs of a slowdown.", "concluded", "speech", "The Halifax survey"),
        ("Exit polling shows he won 83% of voters under 30.", "shows", "speech", "Exit polling"),
        # a list of verbs with commas; attitudes held with a light verb
        ("Trump joked about the deal, declined to affirm his support, and told reporters he would win.", "declined", "stance", "Trump"),
        ("Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday.", "threw her support", "noun", "Carly Fiorina"),
        # a parenthesis between dashes; a subject longer than the first window read before the verb
        ("Democratic leaders — and, in particular, Harry Reid — insisted the deal include a delay.", "insisted", "speech",
         "Democratic leaders — and, in particular, Harry Reid"),
        ("Arturo Sarukhan, Mexico's ambassador to the United States from 2007 to 2013 and for years a diplomat in "
         "Washington, said Mexico must answer.", "said", "speech",
         "Arturo Sarukhan, Mexico's ambassador to the United States from 2007 to 2013 and for years a diplomat in Washington"),
    ],
)
def test_cue_classes(text, cue, cls, source):
    a = one(text, cue)
    assert (a.cue_class, a.source) == (cls, source)


def test_seeming_verbs_and_when_asked_have_no_source():
    text = "The deal seemed to collapse overnight. When asked about it, the minister smiled."
    seemed, asked = (a for a in attributions(text) if a.cue_class in ("seeming", "passive"))
    assert (seemed.verb, seemed.source, seemed.source_type) == ("seem", None, "none")
    assert (asked.verb, asked.cue_class, asked.source) == ("ask", "passive", None)


def test_participles_infinitives_and_coordinated_verbs_take_the_clause_subject():
    text = "Then he cut into Bush, calling him a stiff and accusing him of bad faith."
    assert [(a.verb, a.source) for a in attributions(text)] == [("call", "he"), ("accuse", "he")]
    text = "Mr Manafort invoked Reagan's early polls to claim the deficit was temporary."
    assert one(text, "claim").source == "Mr Manafort"
    text = "Warren appeared with Maddow and officially endorsed Clinton."
    assert one(text, "endorsed").source == "Warren"


def test_speaker_labels_poll_sources_and_headlines():
    text = "Issa: Clinton's Honesty Is In Question.\n\nIn a CBS News poll released Sunday, 79 percent of voters were satisfied.\n"
    label = one(text, ":")
    assert (label.source, label.cue_class, span(text, label, "content")) == ("Issa", "label", "Clinton's Honesty Is In Question.")
    poll = one(text, "In")
    assert (poll.source, poll.source_type, poll.cue_class) == ("a CBS News poll", "document", "preposition")
    headline = one("Glenn Beck Says Trump Poses A Threat To Democracy.\n", "Says")
    assert headline.source == "Glenn Beck"


def test_measured_shares_and_appositive_names_are_typed():
    assert classify("67 percent of likely voters").type == "collective"
    assert classify("one of the aides").type == "anonymous"
    assert classify("Ronald R. Fieldstone, a Miami lawyer who works on EB-5 projects").type == "person"
    assert classify("A New York judge").type == "anonymous"
    assert classify("The Washington Post").type == "organization"


def test_type_source_reads_a_given_span_in_its_document():
    text = "Sergei Shoigu met officials in Pyongyang. They said the visit went well, and Shoigu agreed."
    doc = Document(id="t", text=text)
    segment(doc)
    assert type_source(doc, text.index("They"), text.index("They") + 4).type == "collective"
    assert type_source(doc, text.rindex("Shoigu"), text.rindex("Shoigu") + 6).type == "person"


def test_content_in_an_opening_adverbial_clause_ends_at_its_comma():
    # seed 003: the main clause after the "While …," clause is the writer's own words, not Trump's
    text = (
        "While President Trump has called for greater vigilance against threats from rogue states like "
        "North Korea, the Biden administration's response has been lackluster, leaving the door open."
    )
    a = one(text, "called for")
    assert span(text, a, "source") == "President Trump"
    assert span(text, a, "content") == "greater vigilance against threats from rogue states like North Korea"
    # a comma inside a quotation does not end the clause; without an opening conjunction, the
    # reported clause runs on past its commas
    quoted = 'Although Mr Smith said "we will act, and soon", the plan stalled.'
    assert span(quoted, one(quoted, "said"), "content") == '"we will act, and soon"'
    closing = 'While Mr Smith said "we will act", the plan stalled.'  # a comma just after the quotation
    assert span(closing, one(closing, "said"), "content") == '"we will act"'
    plain = "Mr Smith said that the plan, which cost millions, had stalled, and that he would resign."
    assert span(plain, one(plain, "said"), "content") == "the plan, which cost millions, had stalled, and that he would resign."


def test_opinion_in_the_main_clause_after_an_attribution_is_the_writers():
    from factlint import check_texts

    text = (
        "While President Trump has called for greater vigilance against threats from rogue states, the "
        "administration's response has been lackluster."
    )
    report = check_texts({"doc": text}, config={"select": ["OPN"]})
    assert any(text[f.start : f.end] == "lackluster" for f in report.findings)


def test_passives_of_reporting_verbs_are_sourceless_and_acts_are_not_cues():
    text = "Mr Reagan was criticized for the trade. The pact was signed in May."
    found = {(a.verb, a.cue_class, a.source) for a in attributions(text)}
    assert ("criticize", "passive", None) in found
    assert not any(a.verb == "sign" for a in attributions(text))


def test_opening_participle_clause_content_ends_before_the_subject():
    text = "Instead of calling himself conservative, Mr. Trump said he was a pragmatist."
    a = one(text, "calling")
    assert (a.source, span(text, a, "content")) == ("Mr. Trump", "himself conservative")


def test_an_agentless_frame_between_a_source_and_its_verb_stays():
    text = "Striker Nicolas Anelka reportedly wants to leave Manchester City."
    assert any(a.cue_class == "agentless" and a.verb == "reportedly" for a in attributions(text))
    text = "It is believed the convoy crossed the border, police said."
    assert not any(a.cue_class == "agentless" for a in attributions(text))


def test_fitted_cues_come_from_their_own_pack_and_no_other_list():
    from factlint.packs import pack_lists
    from factlint.plugins.sourcing.lexicon import FITTED_PACK, LISTS

    VERB_CLASSES = __import__("sys").modules["factlint.plugins.sourcing.extract"].VERB_CLASSES

    fitted = pack_lists(FITTED_PACK)
    assert set(fitted) == {"fitted_verbs", "fitted_nouns"} and fitted["fitted_verbs"]
    cue_lists = set(VERB_CLASSES) - set(fitted) | {"cue_nouns", "perspective_nouns"}
    listed = {w for name in cue_lists for w in LISTS[name]}
    assert not listed & set(fitted["fitted_verbs"] + fitted["fitted_nouns"])


def test_fitted_cues_are_recorded_but_lend_nothing_to_other_readings():
    module = __import__("sys").modules["factlint.plugins.sourcing.extract"]
    lemma = sorted(v for v, c in module.CLASS.items() if c == "fitted")[0]
    form = next(f for f, t in module.inflect(lemma).items() if t == "past" and f in module.VERBS)
    # a fitted act with a named subject answers no agentless frame and lends no quotation its speaker
    text = f"It is believed that Senator Jones {form} the plan on Monday.\n\n“This will never get through the House in any form.”"
    found = attributions(text)
    assert [(a.verb, a.source) for a in found if a.cue_class == "fitted"] == [(lemma, "Senator Jones")]
    assert any(a.cue_class == "agentless" and a.verb == "it is believed" for a in found)
    assert not any(a.cue_class == "quote" for a in found)


def test_infinitives_with_no_subject_in_reach_are_source_less_cues():
    text = "The trip led voters to say that he had won. The aim of the plan was to question the result."
    found = [(a.verb, a.cue_class, a.source) for a in attributions(text)]
    assert ("say", "infinitive", None) in found and ("question", "infinitive", None) in found
    assert check_texts({"t": text}, config={"select": ["SRC"]}).findings == []


@pytest.mark.parametrize(("text", "source"), [
    ("Christopher Harvey, a delegate from Houston, Texas, said the turmoil was real.", "Christopher Harvey, a delegate from Houston, Texas"),
    ("Sen. Rand Paul, R-Ky., told Fox News that polls could be wrong.", "Sen. Rand Paul, R-Ky"),
    ("Cory James, 22, of Flint, Mich., said he hadn't given up hope.", "Cory James, 22, of Flint, Mich"),
])
def test_subjects_with_a_state_or_party_tag(text, source):
    assert [a.source for a in attributions(text) if a.verb in ("say", "tell")] == [source]


@pytest.mark.parametrize(("text", "source"), [
    ("And he made the suggestion that Trump should receive only half.", "he"),
    ("Both Justin Trudeau and Enrique Pena Nieto gave diplomatic assurances that they would work with whoever won.", "Both Justin Trudeau and Enrique Pena Nieto"),
])
def test_cue_nouns_after_a_light_verb_take_its_subject(text, source):
    assert [a.source for a in attributions(text) if a.cue_class == "noun"] == [source]


@pytest.mark.parametrize(("text", "verb", "source"), [
    ("“It will be a hard race,” McCain said, citing low economic growth.", "citing", "McCain"),
    ("The Journal reported, citing internal documents, that the campaign was short of cash.", "citing", "The Journal"),
    ("“It's nonsense,” Mr. Trump said by telephone.", "say", "Mr. Trump"),
    ("And a quarter, 26 percent, say they will vote for someone else.", "say", "a quarter, 26 percent"),
])
def test_participle_and_by_readings_keep_the_subject(text, verb, source):
    assert [a.source for a in attributions(text) if a.verb == verb] == [source]


def test_gerund_after_to_takes_the_clause_subject():
    text = "In addition to stating that the plan was flawed, Clinton has called for a review."
    assert [(a.verb, a.source) for a in attributions(text) if a.verb == "state"] == [("state", "Clinton")]


def test_a_name_after_an_infinitive_is_the_subject_of_its_clause():
    text = "Some 300 people stood in the rain to hear Weld and Johnson speak about the highway."
    assert [a.source for a in attributions(text) if a.verb == "speak about"] == ["Weld and Johnson"]
    text = "Opera does not have to be trained to recognise an individual voice."
    assert not [a for a in attributions(text) if a.verb == "voice"]


@pytest.mark.parametrize(("text", "source"), [
    ("PARIS, Aug 31 (Reuters) - Marine Le Pen voiced support for Trump, saying he was right.", "Marine Le Pen"),
    ("Walking to the next address, Ebeling reminisced about Clinton, and said their views had diverged.", "Ebeling"),
])
def test_second_verbs_skip_datelines_and_opening_participle_clauses(text, source):
    assert [a.source for a in attributions(text) if a.verb == "say"] == [source]


@pytest.mark.parametrize(("text", "source"), [
    ("That tactic allows Rubio to offer two right answers.", "Rubio"),
    ("The timing of the debate led Republicans to say that Democrats were hiding.", "Republicans"),
])
def test_infinitives_read_their_subject_next_to_them(text, source):
    assert [a.source for a in attributions(text) if a.cue_class == "infinitive"] == [source]
    assert check_texts({"t": text}, config={"select": ["SRC"]}).findings == []
