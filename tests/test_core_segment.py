"""Segmentation keeps exact offsets: blocks, furniture, sentences, quotations with speakers."""

from __future__ import annotations

from conftest import SEEDS

from factlint.document import Document
from factlint.segment import segment


def _doc(text: str) -> Document:
    doc = Document(id="t", text=text)
    segment(doc)
    return doc


def test_seed_002_furniture_blocks():
    doc = _doc((SEEDS / "002_4e71db827ca8863d.txt").read_text("utf-8"))
    furniture = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "furniture"]
    assert furniture == [
        "No time to read?", "Get a summary", "No time to read?", "Get a summary", "Previous Article",
        "Shein Considers London IPO as U.S. Hurdles Persist, London Watch Intensifies", "Next Article",
        "Ukraine Replaces Joint Forces Commander, Names New Leader",
    ]
    assert "Previous Article" not in doc.content and "Shein" not in doc.content
    assert all(doc.blocks[s.block].kind != "furniture" for s in doc.sentences)


def test_blocks_headings_list_items():
    doc = _doc((SEEDS / "004_5860c76c3eb9804b.txt").read_text("utf-8"))
    kinds = [(b.kind, doc.text[b.start : b.end][:20]) for b in doc.blocks]
    assert kinds[1] == ("heading", "At a glance:")
    assert [k for k, _ in kinds[2:7]] == ["list_item"] * 5
    assert ("heading", "Russia’s Diplomatic ") in kinds


def test_hard_wrapped_paragraph_is_one_block():
    text = ("The ministry said on Monday that the troops had crossed\nthe border near the river and that more would\n"
            "follow within the week, officials added.\n")
    doc = _doc(text)
    assert [b.kind for b in doc.blocks] == ["paragraph"]
    assert len(doc.sentences) == 1


def test_sentence_offsets_are_exact():
    doc = _doc("Mr. Smith went to Washington on Jan. 5. He met U.S. officials.\n")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Mr. Smith went to Washington on Jan. 5.", "He met U.S. officials."]


def test_curly_quote_with_speaker_after():
    doc = _doc((SEEDS / "004_5860c76c3eb9804b.txt").read_text("utf-8"))
    shoigu = next(q for q in doc.quotes if doc.text[q.start : q.end].startswith("“I would like"))
    assert shoigu.speaker == "Shoigu" and doc.text[shoigu.end - 1] == "”"
    assert "gratitude" not in doc.unquoted and "gratitude" in doc.content


def test_straight_quotes_and_speaker_before():
    doc = _doc('The minister said: "We will not retreat." Then he left.\n')
    (quote,) = doc.quotes
    assert doc.text[quote.start : quote.end] == '"We will not retreat."'
    assert quote.speaker == "The minister" or quote.speaker == "minister"


def test_multi_paragraph_quote_continues():
    text = '“We came to talk.\n\n“We leave with a deal,” the envoy said.\n'
    doc = _doc(text)
    assert [doc.text[q.start : q.end] for q in doc.quotes] == ["“We came to talk.", "“We leave with a deal,”"]
    assert doc.quotes[1].speaker == "the envoy"


def test_apostrophes_are_not_quotes():
    doc = _doc("Russia’s envoy said Kim’s visit was ‘historic’ and didn’t stop.\n")
    assert [doc.text[q.start : q.end] for q in doc.quotes] == ["‘historic’"]


def test_suppression_ranges():
    text = "<!-- factlint: disable SRC -->\nA.\n<!-- factlint: enable SRC -->\n<!-- factlint: disable-next-line -->\n\nB.\n"
    doc = _doc(text)
    first, second = doc.suppressions
    assert first.codes == ("SRC",) and text[first.start : first.end].strip().startswith("A.")
    assert second.codes == () and text[second.start : second.end] == "B."


def test_quotation_reopened_after_a_lost_paragraph_break():
    # BBC copy with its paragraph breaks lost: a quotation runs on into the next one, which opens
    # with a straight mark after a full stop; a mark that closes mid-sentence is still a close.
    text = ('"I have worked hard for this. "I always dreamt of a label. There is no loyalty." He left. '
            'She said "yes" and "no" twice. “One. “Two.”')
    doc = _doc(text)
    assert [text[q.start : q.end] for q in doc.quotes] == [
        '"I have worked hard for this.', '"I always dreamt of a label. There is no loyalty."', '"yes"', '"no"',
        "“One.", "“Two.”",
    ]
