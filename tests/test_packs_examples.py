"""The examples of every rule pack hold: the built-in packs in rules/ and the test packs in tests/packs/.

Each example runs through the engine with its pack loaded, as `factlint check` would run it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from factlint.document import Document
from factlint.packs import load_packs
from factlint.pipeline import Engine
from factlint.api import make_config

REPO = Path(__file__).resolve().parent.parent
BUILT_IN = sorted((REPO / "rules").glob("*.toml"))
TEST_PACKS = sorted((REPO / "tests" / "packs").glob("*.toml"))
CASES = [(pack, cls, i) for pack in BUILT_IN + TEST_PACKS for cls in load_packs(pack) for i in range(len(cls.examples))]


@cache
def engine(pack: Path) -> Engine:
    extra = [] if pack in BUILT_IN else [str(pack)]
    return Engine(make_config({"rule_packs": extra}))


def test_there_are_packs_with_examples():
    assert TEST_PACKS and len(CASES) >= 20


@pytest.mark.parametrize(("pack", "cls", "i"), CASES, ids=[f"{p.stem}-{c.code}-{i}" for p, c, i in CASES])
def test_pack_example(pack, cls, i):
    example = cls.examples[i]
    docs = [Document(id="example", text=example.text, meta=dict(example.meta)),
            *(Document(id=f"other-{n}", text=t) for n, t in enumerate(example.texts, 1))]
    findings = engine(pack).check(docs).findings
    own = [f for f in findings if f.code == cls.code]
    assert not [f.message for f in findings if f.code.startswith("TXT9")]
    assert bool(own) == example.fails, (cls.code, example.text, [f.message for f in own])


@pytest.mark.parametrize("pack", BUILT_IN + TEST_PACKS, ids=lambda p: p.stem)
def test_every_pack_rule_has_a_failing_and_a_passing_example(pack):
    for cls in load_packs(pack):
        assert any(e.fails for e in cls.examples) and any(not e.fails for e in cls.examples), cls.code
