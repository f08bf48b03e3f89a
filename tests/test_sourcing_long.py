"""Long unbroken input: the extractor and the SRC rules stay linear in the length of a line.

Each input is one 20,000-character line (one sentence, one paragraph), built to reach the places
where per-match work could grow with the text: title-case cues, pronouns resolved backwards,
anonymous sources described in their sentence, nested attributions, surnames, web addresses,
colons and figures. A quadratic step takes minutes here; the bound leaves room for a busy machine.
"""

from __future__ import annotations

import time

import pytest

from factlint.document import Document
from factlint.plugins.sourcing.extract import extract
from factlint.plugins.sourcing.rules import RULES
from factlint.segment import segment

N = 20_000
PIECES = [
    "9", "9,", "a", "\t", "“", "Said ", "said ", "they said ", "it said ", "A senior official said ",
    "Critics said ", "claims that ", "Shoigu said. ", "asked ", "Experts said that experts said that ",
    "in his view ", "allegedly ", "9 troops were killed ", "A:", "(Policy briefs.) said ",
    "ABC DEF and added ", "ABCD EFG, xx - ", "to hear Weld speak ", "they are eager to ", "he said, citing ",
]
BUILT = {
    "footer of dots": "Sources:\n" + "a." * (N // 2),
    "footer of domains": "Sources:\n" + "ab.com" * (N // 6),
    "long source": "according to " + "a" * N,
    "digits then a casualty": "9" * N + " killed",
    "distinct sentence-initial owners": "".join(f"Local{i} critics said it. " for i in range(N // 24)),
}


def _run(text: str) -> float:
    doc = Document(id="long", text=text)
    segment(doc)
    start = time.process_time()
    doc.assertions = extract(doc)
    for rule in RULES:
        for finding in rule().check(doc):
            assert 0 <= finding.start <= finding.end <= len(text)
    return time.process_time() - start


@pytest.mark.parametrize("piece", PIECES)
def test_repeated_piece_is_read_in_linear_time(piece):
    assert _run(piece * (N // len(piece))) < 3.0


@pytest.mark.parametrize("name", BUILT)
def test_built_line_is_read_in_linear_time(name):
    assert _run(BUILT[name]) < 3.0
