"""Sentence splitter candidates: boundary precision/recall on CheckThat! news sentences, speed on BBC.

Each CheckThat! English train sentence is a gold sentence from a news article;
runs of five are joined with a space and the splitter must recover the joins.
"""

from __future__ import annotations

import csv
import importlib
import json
import time

from . import SHARED, prf

CANDIDATES = {
    "nupunkt": lambda m: lambda t: [s for _, s in m.sent_spans(t)],
    "sentencex": lambda m: lambda t: _ends(t, m.segment("en", t)),
    "blingfire": lambda m: lambda t: [e for _, e in m.text_to_sentences_and_offsets(t)[1]],
    "pysbd": lambda m: lambda t: _ends(t, m.Segmenter(language="en", clean=False).segment(t)),
}


def _ends(text: str, pieces) -> list[int]:
    ends, pos = [], 0
    for piece in pieces:
        pos = text.find(piece.strip(), pos) + len(piece.strip())
        ends.append(pos)
    return ends


def _gold_texts(group: int = 5):
    with (SHARED / "data" / "checkthat-subjectivity-en" / "train_en.tsv").open(encoding="utf-8") as f:
        rows = [r["sentence"].strip() for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    for i in range(0, len(rows) - group + 1, group):
        parts = rows[i : i + group]
        text, ends = "", []
        for p in parts:
            text += ("" if not text else " ") + p
            ends.append(len(text))
        yield text, set(ends[:-1])


def main() -> None:
    gold = list(_gold_texts())
    bbc = [json.loads(line)["text"] for _, line in zip(range(500), (SHARED / "data" / "bbc" / "bbc.jsonl").open())]
    words = sum(len(t.split()) for t in bbc)
    for name, make in CANDIDATES.items():
        try:
            split = make(importlib.import_module(name))
        except ImportError:
            print(f"{name}: not installed")
            continue
        tp = fp = fn = 0
        for text, ends in gold:
            found = {e for e in split(text) if e < len(text.rstrip())}
            found = {e if text[e - 1 : e] != " " else e - 1 for e in found}
            tp += len(found & ends)
            fp += len(found - ends)
            fn += len(ends - found)
        p, r, f1 = prf(tp, fp, fn)
        start = time.perf_counter()
        for text in bbc:
            split(text)
        rate = words / (time.perf_counter() - start)
        print(f"{name:10s} boundaries P {p:.3f} R {r:.3f} F1 {f1:.3f} (CheckThat! train, {tp + fn} joins); "
              f"BBC {rate:,.0f} words/s")
