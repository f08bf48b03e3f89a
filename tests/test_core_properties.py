"""Properties for any text: no crash, spans inside the text naming their excerpt, deterministic output."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint import check_texts
from factlint.pipeline import Engine

ENGINE = Engine()

news_like = st.lists(
    st.sampled_from(["Troops", "crossed", "the", "border", "“quoted words,”", '"hi"', "said", "Kim.", "over", "10,000",
                     "\n", "\n\n", "Previous Article", "experts", "suggest", "$1.2bn", "?", "!", "—", "‘", "’", "1.5%"]),
    max_size=60,
).map(" ".join)
texts = st.one_of(st.text(max_size=400), news_like, st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFF), max_size=200))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_spans_are_exact_and_output_is_deterministic(text):
    first = ENGINE.check(_docs(text))
    second = ENGINE.check(_docs(text))
    assert first.model_dump() == second.model_dump()
    for f in first.findings:
        if f.document == "t":
            assert 0 <= f.start <= f.end <= len(text)
            assert text[f.start : f.end] == f.excerpt


def _docs(text):
    from factlint.document import Document

    return [Document(id="t", text=text)]


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=10_000, max_value=300_000), st.sampled_from(["a", "(a+)+", "9", "\t", "“"]))
def test_very_long_lines_do_not_crash(n, piece):
    report = check_texts({"long": piece * (n // len(piece))})
    assert all(f.end <= n for f in report.findings)
