"""Fitted weights for the OPN cues against the pack's tiers: the evidence for keeping the tiers.

Data: CheckThat! English tuning sentences only, in three parts — train (830), the 2024 dev split
(219) and the 2023 test split (243; `ct2024_split/`) — each sentence a one-sentence news article. The
2024 test split is never read. Models are compared by seeded 5-fold cross-validation and by
leave-one-part-out (fit on two parts, predict the third: the parts come from different years and
outlets, as the 2024 test does), macro-F1 over OBJ/SUBJ, and by the share of BBC sentences each
model flags when fitted on all tuning sentences (a fixed fifth of the BBC articles).

Features of a sentence, all in the writer's own words (quotations and attributed content blanked):
- `L:` the pack's cue lists, cues counted at most twice per list (as OPN001 counts them);
- `F:` sentence-form cues the pack does not hold (`FORMS`: "need to", superlatives, comparatives,
  negation, concessive "but", generalisations, "such a", an evaluative copula, "it is", "because",
  "can/could");
- `N:` lowering features (a figure, a date, a reporting verb), weight at most 0;
- `W:` lemmas seen in at least `LEMMA_SUPPORT` training documents, strongly regularised.

The scorer is linear with threshold 1.0 (OPN001's): `sum(weight * count) >= 1`, fitted as a logistic
model `scale * (sum - 1)`. Tier-constrained fits keep the strong lists at 1.0 or more and every
other positive feature below `WEAK_CAP`, so one weak cue never flags a sentence; the unconstrained fit
lets any feature weigh up to 5. SUBJ sentences weigh `SUBJ_WEIGHT` in the fit (macro-F1 rewards
SUBJ recall). The last model keeps the pack's tiers as a start and searches the weights of lists and
forms on a grid, maximising macro-F1 on the training folds without flagging more sentences than the
pack on another fifth of BBC (`bbc_budget`). Nothing is written; see docs/opinion.md.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from functools import cache

from factlint.document import Document
from factlint.pipeline import Engine
from factlint.plugins.opinion.cues import extract, find, own_view
from factlint.plugins.opinion.scoring import MAX_PER_LIST, not_own_sentences
from factlint.segment import segment

from . import SHARED
from .opinion import CHECKTHAT, read_tsv

PARTS = (("train", "train_en.tsv"), ("dev 2024", "ct2024_split/dev_en.tsv"),
         ("test 2023", "ct2024_split/dev_test_en.tsv"))
FOLDS = 5
SEED = 20240601
BBC_EVAL, BBC_FIT, BBC_EVERY = 0, 2, 5  # BBC articles n with n % 5 == 0 (shares) and == 2 (budget)
WEAK_CAP = 0.95
SUBJ_WEIGHT = 1.5
LEMMA_SUPPORT = 10
L2, LEMMA_L2 = 1.0, 20.0
FORMS = {name: re.compile(p) for name, p in {
    "need to": r"(?i)\b(?:needs? to|have to|has to|had better)\b",
    "superlative": r"(?i)\b(?:most|least|best|worst|greatest|finest|the only)\b",
    "comparative": r"(?i)\b(?:better|worse|more (?:important|dangerous|likely|difficult|serious)|less \w+)\b",
    "negation": r"(?i)\b(?:not|never|no|nothing|nobody|none|neither|nor|cannot)\b|n['’]t\b",
    "concessive": r"(?i)(?:^|[,;]\s*|\s)(?:but|yet|however|although|though|still)\b",
    "generalisation": r"(?i)\b(?:everyone|everybody|nobody|no one|anyone|anybody|always|never|whole|entire)\b",
    "such a": r"(?i)\b(?:such an?|what an?|quite an?)\b",
    "evaluative copula": r"(?i)\b(?:is|are|was|were|be|been|seems?|looks?|remains?)\s+(?:\w+ly\s+)?(?:an?\s+)?"
                         r"(?:good|bad|great|wrong|right|true|false|simple|clear|obvious|important|necessary|"
                         r"possible|impossible|hard|easy|difficult|fair|unfair|silly|stupid|wise|foolish|nice|"
                         r"terrible|awful|absurd|ridiculous|crazy|perfect|strange|odd|interesting|worth)\b",
    "it is": r"(?i)\b(?:it|this|that|there)\s*(?:is|['’]s|was|seems|would be|will be)\b",
    "because": r"(?i)\b(?:because|since|so that|therefore|thus|hence|which means)\b",
    "can/could": r"(?i)\b(?:can|could|may|might|would)\b",
}.items()}
LOWERING = {name: re.compile(p) for name, p in {
    "figure": r"\d",
    "reporting verb": r"(?i)\b(?:said|says|told|according to|announced|reported|added|stated)\b",
    "date": r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
            r"June|July|August|September|October|November|December|yesterday|last (?:year|week|month))\b",
}.items()}
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


@cache
def _other_extractors() -> list:
    return [e for e in Engine().registry.extractors if e is not extract]


def sentence_features(text: str) -> list[dict]:
    """Per own sentence: cue-list counts with the pack's weights, form and lowering cues, lemmas."""
    doc = Document(id="s", text=text)
    segment(doc)
    for extractor in _other_extractors():
        doc.assertions.extend(extractor(doc))
    hidden, view = not_own_sentences(doc), own_view(doc)
    cues: dict[int, list] = {}
    for kind, *_, sentence in find(doc):
        cues.setdefault(sentence.start, []).append(kind)
    out = []
    for s in doc.sentences:
        if s.start in hidden:
            continue
        own = view[s.start : s.end]
        lists = Counter(k.name for k in cues.get(s.start, ()))
        row = {f"L:{k}": min(n, MAX_PER_LIST) for k, n in lists.items()}
        row.update({f"F:{k}": min(len(rx.findall(own)), MAX_PER_LIST) for k, rx in FORMS.items() if rx.search(own)})
        row.update({f"N:{k}": 1 for k, rx in LOWERING.items() if rx.search(own)})
        out.append({"row": row, "pack": [(k.name, k.weight) for k in cues.get(s.start, ())],
                    "lists": {k.name: k.weight for k in cues.get(s.start, ())},
                    "lemmas": set(_WORD.findall(own.lower()))})
    return out


def tuning() -> list[dict]:
    """Tuning documents: summed features of their own sentences, the pack's verdict, label and part."""
    out = []
    for part, name in PARTS:
        for _, text, label in read_tsv(CHECKTHAT / name):
            sentences = sentence_features(text)
            row: Counter = Counter()
            for s in sentences:
                row.update(s["row"])
            out.append({"row": {k: min(v, MAX_PER_LIST) if k[0] != "N" else 1 for k, v in row.items()},
                        "lemmas": set().union(*(s["lemmas"] for s in sentences)),
                        "pack": any(_pack_opinion(s["pack"]) for s in sentences),
                        "subj": label == "SUBJ", "part": part})
    return out


def _pack_opinion(cues: list[tuple[str, float]]) -> bool:
    """OPN001's verdict with the pack's weights (lists counted at most twice, a lone weak cue never)."""
    if not cues or (len(cues) == 1 and cues[0][1] < 1.0):
        return False
    return sum(w * min(n, MAX_PER_LIST) for (_, w), n in Counter(cues).items()) >= 1.0


def bbc_sentences(offset: int) -> list[dict]:
    out = []
    for n, line in enumerate((SHARED / "data" / "bbc" / "bbc.jsonl").open(encoding="utf-8")):
        if n % BBC_EVERY == offset:
            out.extend(sentence_features(json.loads(line)["text"]))
    return out


def fit(rows: list[dict[str, float]], labels: list[bool], capped: bool, iters: int = 300) -> dict[str, float]:
    """Weights of `scale * (sum(w * x) - 1)` by projected Adam on the weighted logistic loss; boxes:
    lowering features <= 0, strong lists >= 1, other positive features in [0, WEAK_CAP] when `capped`."""
    keys = sorted({k for r in rows for k in r})
    index = {k: i for i, k in enumerate(keys)}
    sparse = [[(index[k], v) for k, v in r.items()] for r in rows]
    low = [-5.0 if k[0] == "N" else (1.0 if capped and _strong(k) else 0.0) for k in keys]
    high = [0.0 if k[0] == "N" else (WEAK_CAP if capped and not _strong(k) else 5.0) for k in keys]
    reg = [LEMMA_L2 if k[0] == "W" else L2 for k in keys]
    w = [min(max(0.5, lo), hi) for lo, hi in zip(low, high)]
    log_scale, n = 1.0, len(rows)
    m, v = [0.0] * (len(keys) + 1), [0.0] * (len(keys) + 1)
    for t in range(1, iters + 1):
        scale = math.exp(log_scale)
        grad = [0.0] * (len(keys) + 1)
        for row, y in zip(sparse, labels):
            u = sum(w[i] * x for i, x in row) - 1.0
            d = (1 / (1 + math.exp(-max(-30.0, min(30.0, scale * u)))) - y) * (SUBJ_WEIGHT if y else 1.0)
            for i, x in row:
                grad[i] += d * scale * x
            grad[-1] += d * u * scale
        for i in range(len(keys) + 1):
            g = grad[i] / n + (reg[i] * w[i] * scale * scale / n if i < len(keys) else 0.0)
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            step = 0.05 * (m[i] / (1 - 0.9**t)) / (math.sqrt(v[i] / (1 - 0.999**t)) + 1e-8)
            if i < len(keys):
                w[i] = min(max(w[i] - step, low[i]), high[i])
            else:
                log_scale -= step
    return dict(zip(keys, w))


def _strong(key: str) -> bool:
    return key.startswith("L:") and "_strong" in key


def flags(weights: dict[str, float], row: dict[str, float]) -> bool:
    return sum(weights.get(k, 0.0) * v for k, v in row.items()) >= 1.0 - 1e-9


def budget_search(rows: list[dict], labels: list[bool], bbc: list[dict], pack: dict[str, float]) -> dict[str, float]:
    """From the pack's weights, a coordinate search over a grid (strong lists 1.0-2.0, weak lists and
    forms 0-0.9) for the best macro-F1 on `rows` that flags no more of `bbc` than the pack does."""
    keys = sorted({k for r in rows for k in r if k[0] in "LF"})
    w = {k: pack.get(k, 0.0) for k in keys}
    scores = [sum(w.get(k, 0.0) * v for k, v in r.items()) for r in rows]
    bbc_scores = [sum(w.get(k, 0.0) * v for k, v in s["row"].items()) for s in bbc]
    budget = sum(s >= 1 - 1e-9 for s in bbc_scores)
    for _ in range(3):
        changed = False
        for k in keys:
            best, best_value = _macro(labels, scores), w[k]
            grid = (1.0, 1.2, 1.5, 2.0) if _strong(k) else (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
            for value in grid:
                d = value - w[k]
                if not d or sum((b + d * s["row"].get(k, 0)) >= 1 - 1e-9 for b, s in zip(bbc_scores, bbc)) > budget:
                    continue
                f = _macro(labels, [a + d * r.get(k, 0) for a, r in zip(scores, rows)])
                if f > best + 1e-4:
                    best, best_value = f, value
            if best_value != w[k]:
                d, w[k], changed = best_value - w[k], best_value, True
                scores = [a + d * r.get(k, 0) for a, r in zip(scores, rows)]
                bbc_scores = [b + d * s["row"].get(k, 0) for b, s in zip(bbc_scores, bbc)]
        if not changed:
            break
    return w


def _macro(labels: list[bool], scores: list[float]) -> float:
    return macro([(y, s >= 1 - 1e-9) for y, s in zip(labels, scores)])[0]


def macro(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    """Macro-F1 over OBJ/SUBJ, SUBJ precision and recall."""
    f1s, subj = [], (0.0, 0.0)
    for label in (True, False):
        tp = sum(y == label and p == label for y, p in pairs)
        fp = sum(y != label and p == label for y, p in pairs)
        fn = sum(y == label and p != label for y, p in pairs)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        if label:
            subj = (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
    return sum(f1s) / 2, *subj


def main() -> None:
    data = tuning()
    bbc_eval, bbc_fit = bbc_sentences(BBC_EVAL), bbc_sentences(BBC_FIT)
    pack = {f"L:{k}": w for s in bbc_eval + bbc_fit for k, w in s["lists"].items()}
    order = list(range(len(data)))
    random.Random(SEED).shuffle(order)
    splits = {"5-fold": [set(order[k::FOLDS]) for k in range(FOLDS)],
              "by part": [{i for i, d in enumerate(data) if d["part"] == p} for p, _ in PARTS]}

    def rows_of(docs: list[dict], model: str, vocab: frozenset[str]) -> list[dict[str, float]]:
        keep = {"lists": "L", "lists + lowering": "LN", "budget": "LF"}.get(model, "LFN")
        return [{**{k: v for k, v in d["row"].items() if k[0] in keep},
                 **({f"W:{w}": 1.0 for w in d["lemmas"] & vocab} if "lemmas" in model else {})} for d in docs]

    def trained(docs: list[dict], model: str) -> tuple[dict[str, float], frozenset[str]]:
        vocab = frozenset()
        if "lemmas" in model:
            support = Counter(w for d in docs for w in d["lemmas"])
            vocab = frozenset(w for w, n in support.items() if n >= LEMMA_SUPPORT)
        rows, labels = rows_of(docs, model, vocab), [d["subj"] for d in docs]
        if model == "budget":
            return budget_search(rows, labels, bbc_fit, pack), vocab
        return fit(rows, labels, capped=not model.startswith("unconstrained")), vocab

    print(f"CheckThat! English tuning sentences ({len(data)}: " + ", ".join(
        f"{p} {sum(d['part'] == p for d in data)}" for p, _ in PARTS) + "); macro-F1 (SUBJ P / R) out of fold; "
        f"BBC: sentences flagged in every {BBC_EVERY}th article, model fitted on all tuning sentences")
    models = ("lists", "lists + lowering", "lists + forms + lowering", "lists + forms + lowering + lemmas",
              "unconstrained: lists + forms + lowering", "budget")
    pack_flags = sum(_pack_opinion(s["pack"]) for s in bbc_eval)
    print(f"  {'tiers (the pack)':42} 5-fold {_fmt(macro([(d['subj'], d['pack']) for d in data]))}  by part "
          + "  ".join(f"{p} {macro([(d['subj'], d['pack']) for d in data if d['part'] == p])[0]:.3f}" for p, _ in PARTS)
          + f"  BBC {pack_flags}/{len(bbc_eval)} = {pack_flags / len(bbc_eval):.2%}")
    for model in models:
        line = []
        for name, folds in splits.items():
            pairs: list[tuple[bool, bool, str]] = []
            for held in folds:
                weights, vocab = trained([d for i, d in enumerate(data) if i not in held], model)
                held_docs = [data[i] for i in sorted(held)]
                pairs.extend((d["subj"], flags(weights, r), d["part"])
                             for d, r in zip(held_docs, rows_of(held_docs, model, vocab)))
            line.append(f"{name} {_fmt(macro([(y, p) for y, p, _ in pairs]))}" if name == "5-fold" else
                        f"{name} {macro([(y, p) for y, p, _ in pairs])[0]:.3f} (" + ", ".join(
                            f"{p} {macro([(y, q) for y, q, r in pairs if r == p])[0]:.3f}" for p, _ in PARTS) + ")")
        weights, vocab = trained(data, model)
        flagged = sum(flags(weights, {**s["row"], **{f"W:{w}": 1.0 for w in s["lemmas"] & vocab}})
                      for s in bbc_eval if any(k[0] != "N" for k in s["row"]))
        print(f"  {model:42} {'  '.join(line)}  BBC {flagged}/{len(bbc_eval)} = {flagged / len(bbc_eval):.2%}")
        if model == "lists + forms + lowering":
            print("    weights fitted on all tuning sentences: " + ", ".join(
                f"{k[2:]} {v:.2f}" for k, v in sorted(weights.items(), key=lambda kv: -kv[1]) if v))


def _fmt(scores: tuple[float, float, float]) -> str:
    return f"{scores[0]:.3f} ({scores[1]:.2f} / {scores[2]:.2f})"


if __name__ == "__main__":
    main()
