"""Segmentation: linear on pathological lines, `''…''` quotations, no sentence break after a title."""

from __future__ import annotations

import time

import pytest

from factlint.document import Document
from factlint.segment import segment


def _doc(text: str) -> Document:
    doc = Document(id="t", text=text)
    segment(doc)
    return doc


def _cpu(text: str) -> float:
    """Least CPU time of three segmentations (the machine may be busy; CPU time ignores waiting)."""
    best = float("inf")
    for _ in range(3):
        doc = Document(id="t", text=text)
        start = time.process_time()
        segment(doc)
        best = min(best, time.process_time() - start)
    return best


SHAPES = {
    "straight quotes": lambda n: '"' * n,
    "straight quotes and words": lambda n: '"a ' * (n // 3),
    "quoted speakers in one sentence": lambda n: '"Yes," Smith said, ' * (n // 19) + ".",
    "speakers before quotes": lambda n: 'Smith said "yes" and Jones told reporters "no" and ' * (n // 52),
    "two apostrophes": lambda n: "''a ''" * (n // 6),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_long_lines_grow_linearly(shape):
    make = SHAPES[shape]
    small, large = _cpu(make(12_000)), _cpu(make(48_000))
    # 4× the text: linear work takes about 4× the time, quadratic work 16×
    assert large < 8 * max(small, 0.002), (shape, small, large)


def test_two_apostrophes_quote_with_speaker():
    text = "''I thought I might get close to the record,'' said McIlroy. ''Not today.'' He left."
    doc = _doc(text)
    quotes = [(text[q.start : q.end], q.speaker) for q in doc.quotes]
    assert quotes == [("''I thought I might get close to the record,''", "McIlroy"), ("''Not today.''", None)]


def test_two_apostrophes_need_a_word_after_the_opening():
    assert _doc("The value is '' here and '' there.").quotes == []


def test_two_apostrophe_quote_spans_a_paragraph_end():
    text = "He said: ''We will win.\n\n''It will be hard,'' he added."
    doc = _doc(text)
    assert [text[q.start : q.end] for q in doc.quotes] == ["''We will win.", "''It will be hard,''"]


@pytest.mark.parametrize("title", ["Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Cllr", "Gov", "Sen", "Rev"])
@pytest.mark.parametrize("frame", ['"I agree," said {t}. Smith. He left.', "It was {t}. O'Neill who came. He left.",
                                   "Both {t}. Smith and {t}. Jones came. He left."])
def test_no_sentence_break_after_a_title(title, frame):
    text = frame.format(t=title)
    doc = _doc(text)
    sentences = [text[s.start : s.end] for s in doc.sentences]
    assert sentences == [text[: text.rindex(" He left.")], "He left."]


def test_title_words_without_a_full_stop_or_inside_words_do_not_join():
    text = "The team beat Dr Pepper. Then came the Dr. Smith show. The Prefect Dr. He left."
    doc = _doc(text)
    assert len(doc.sentences) >= 3
    assert text[doc.sentences[0].start : doc.sentences[0].end] == "The team beat Dr Pepper."
