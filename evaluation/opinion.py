"""Opinion in reporting (OPN): CheckThat! 2024, BASIL, the seeds, BBC, wiki-npov, and speed.

- CheckThat! 2024 English subjectivity: every sentence is checked as a one-sentence news
  article; SUBJ = an OPN001 finding. Tuned on train and dev; the test split is reported.
  Each cue list's firing count and SUBJ share on train + dev are printed too.
- BASIL: a bias span counts as flagged when it overlaps a cue of an OPN001 finding
  (its location or a related location).
- Seeds: gold `OPN` excerpts, flagged in the same way.
- BBC: share of sentences flagged, and precision judged by hand on 50 flags drawn by a seeded hash
  (`data/bbc_opn_judged.jsonl`: article id, finding offsets and the verdict; no corpus text).
- wiki-npov (Hube & Fetahu 2019): flag rate on neutral and biased statements.
- Speed: the opinion extractor and both OPN rules on BBC text, one core.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

from factlint import check_paths, check_texts
from factlint.document import Document
from factlint.models import Finding
from factlint.pipeline import Engine
from factlint.segment import segment

from . import REPO, SHARED, prf

CHECKTHAT = SHARED / "data" / "checkthat-subjectivity-en"
SPLITS = (("train", "train_en.tsv"), ("dev", "dev_en.tsv"), ("test", "dev_test_en.tsv"))
JUDGED = Path(__file__).parent / "data" / "bbc_opn_judged.jsonl"
SAMPLE_SEED = 20261126
SAMPLE_SIZE = 50
OPN001 = {"select": ["OPN001"]}


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    """(id, sentence, label) rows; the TSVs are read with quoting off, as distributed."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        i, s, lab = header.index("sentence_id"), header.index("sentence"), header.index("label")
        return [(r[i], r[s], r[lab]) for r in rows if r]


def cue_spans(findings: list[Finding]) -> dict[str, list[tuple[int, int]]]:
    """Per document, the spans of every cue that made a finding: its location and related locations."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        spans.setdefault(f.document, []).append((f.start, f.end))
        spans[f.document].extend((r.start, r.end) for r in f.related if r.document == f.document)
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def checkthat() -> None:
    print("CheckThat! 2024 English subjectivity (each sentence a one-sentence news article; SUBJ = OPN001 finding)")
    for split, name in SPLITS:
        rows = read_tsv(CHECKTHAT / name)
        report = check_texts({i: s for i, s, _ in rows}, config=OPN001)
        flagged = {f.document for f in report.findings}
        scores = {}
        for label in ("SUBJ", "OBJ"):
            tp = sum((i in flagged) == (label == "SUBJ") and lab == label for i, _, lab in rows)
            fp = sum((i in flagged) == (label == "SUBJ") and lab != label for i, _, lab in rows)
            fn = sum((i in flagged) != (label == "SUBJ") and lab == label for i, _, lab in rows)
            scores[label] = prf(tp, fp, fn)
        macro = (scores["SUBJ"][2] + scores["OBJ"][2]) / 2
        role = "tuned on" if split != "test" else "reported"
        per = "  ".join(f"{lab} P {p:.3f} R {r:.3f} F1 {f:.3f}" for lab, (p, r, f) in scores.items())
        print(f"  {split:5} ({name}, {len(rows)} sentences, {role}): macro-F1 {macro:.3f}  {per}")


def cue_lists() -> None:
    """How often each cue list fires on the tuning splits, and how often its sentences are SUBJ:
    the evidence for a list's tier (the weights themselves are set by tier, not fitted)."""
    from factlint.plugins.opinion.cues import extract, find

    others = [e for e in Engine().registry.extractors if e is not extract]
    fired: dict[str, Counter] = {}
    rows = [row for _, name in SPLITS[:2] for row in read_tsv(CHECKTHAT / name)]
    for _, text, label in rows:
        doc = Document(id="s", text=text)
        segment(doc)
        for extractor in others:
            doc.assertions.extend(extractor(doc))
        for name in {kind.name for kind, *_ in find(doc)}:
            fired.setdefault(name, Counter())[label] += 1
    subj = sum(label == "SUBJ" for *_, label in rows) / len(rows)
    print(f"cue lists on CheckThat! train + dev ({len(rows)} sentences, {subj:.0%} SUBJ): "
          "sentences with a cue of the list, share SUBJ")
    for name, counts in sorted(fired.items(), key=lambda item: -sum(item[1].values())):
        total = sum(counts.values())
        print(f"  {name:38} {total:4}  {counts['SUBJ'] / total:.2f}")


def _basil_articles():
    root = SHARED / "data" / "basil"
    for ann_file in sorted(glob.glob(str(root / "annotations" / "*" / "*_ann.json"))):
        article = json.loads(Path(ann_file.replace("annotations", "articles").replace("_ann.json", ".json")).read_text())
        ann = json.loads(Path(ann_file).read_text())
        parts, offsets, pos = [], {}, 0
        for i, paragraph in enumerate(article["body-paragraphs"]):
            for j, sentence in enumerate(paragraph):
                if j:
                    parts.append(" ")
                    pos += 1
                offsets[i, j] = pos
                parts.append(sentence)
                pos += len(sentence)
            parts.append("\n\n")
            pos += 2
        text = "".join(parts)
        spans = []
        for p in ann["phrase-level-annotations"]:
            where = [offsets[i, j] + p["start"] for i, par in enumerate(article["body-paragraphs"])
                     for j, s in enumerate(par) if s[p["start"] : p["end"]] == p["txt"]]
            spans.append((p["bias"], p["quote"], [(w, w + p["end"] - p["start"]) for w in where]))
        yield Path(ann_file).name, text, spans


def basil() -> None:
    articles = list(_basil_articles())
    report = check_texts({name: text for name, text, _ in articles}, config=OPN001)
    cues = cue_spans(report.findings)
    counts: Counter = Counter()
    for name, _, spans in articles:
        for bias, quote, where in spans:
            hit = any(_overlaps(cues.get(name, []), s, e) for s, e in where)
            counts[bias, quote, hit] += 1

    def share(bias: tuple[str, ...], quote: str) -> str:
        hit = sum(counts[b, quote, True] for b in bias)
        total = hit + sum(counts[b, quote, False] for b in bias)
        return f"{hit}/{total} = {hit / total:.1%}"

    print(f"BASIL ({len(articles)} articles, checked as news): spans overlapping an OPN001 cue")
    print(f"  author's own lexical bias (bias=lex, quote=no), recall: {share(('lex',), 'no')}")
    print(f"  quoted spans (quote=yes), flagged: {share(('lex', 'inf'), 'yes')}  (lexical only: {share(('lex',), 'yes')})")
    print(f"  author's informational bias (bias=inf, quote=no), flagged: {share(('inf',), 'no')}")


def seeds() -> None:
    gold = [json.loads(line) for line in (SHARED / "gold" / "seeds.jsonl").open()]
    gold = [g for g in gold if g["check"] == "OPN"]
    report = check_paths([REPO / "seeds"], config={"select": ["OPN"]})
    cues = {Path(doc).name: spans for doc, spans in
            cue_spans([f for f in report.findings if f.code == "OPN001"]).items()}
    print("seeds (gold OPN excerpts; flagged = overlaps a cue of an OPN001 finding)")
    for label in ("yes", "no"):
        items = [g for g in gold if g["label"] == label]
        hits = [g for g in items if _overlaps(cues.get(g["file"], []), g["start"], g["end"])]
        print(f"  {label}: {len(hits)}/{len(items)} flagged")
        wrong = [g for g in items if (g in hits) != (label == "yes")]
        for g in wrong:
            print(f"    {'missed' if label == 'yes' else 'flagged'}: {g['file']} {g['excerpt']!r}")
    densities = {Path(d.id).name: d.opinion_density for d in report.documents}
    flagged = sorted(Path(f.document).name for f in report.findings if f.code == "OPN002")
    print("  opinion density: " + ", ".join(f"{k[:3]} {v:.0%}" for k, v in sorted(densities.items()))
          + f"; OPN002 on: {', '.join(n[:3] for n in flagged) or 'none'}")


def _bbc() -> list[dict]:
    return [json.loads(line) for line in (SHARED / "data" / "bbc" / "bbc.jsonl").open()]


def bbc() -> None:
    records = _bbc()
    engine = Engine(Engine().config.model_copy(update={"select": ["OPN001", "OPN002"]}))
    docs = [Document(id=r["id"], text=r["text"], meta={"title": r["title"]}) for r in records]
    report = engine.check(docs, jobs=1)
    sentences = sum(d.sentences for d in report.documents)
    opn = [f for f in report.findings if f.code == "OPN001"]
    dense = [f for f in report.findings if f.code == "OPN002"]
    print(f"BBC ({len(records)} articles, checked as news): {len(opn)} OPN001 findings in {sentences} sentences "
          f"= {len(opn) / sentences:.2%} of sentences; {sum(1 for d in report.documents if d.opinion_cues)} articles "
          f"with cues; OPN002 on {len(dense)} articles")
    by_category = Counter(f.document.split("_")[0] for f in opn)
    print("  OPN001 by category: " + ", ".join(f"{k} {v}" for k, v in sorted(by_category.items())))
    texts = {r["id"]: r["text"] for r in records}
    sample = sorted(opn, key=_draw)[:SAMPLE_SIZE]
    judged = {}
    if JUDGED.exists():
        for line in JUDGED.open(encoding="utf-8"):
            j = json.loads(line)
            judged[j["document"], j["start"], j["end"]] = j["opinion"]
    verdicts = []
    print(f"  {len(sample)} random flags (seeded hash {SAMPLE_SEED}); judgements from {JUDGED.relative_to(REPO)}:")
    for f in sorted(sample, key=lambda f: (f.document, f.start)):
        sentence = _sentence(texts[f.document], f.start)
        verdict = judged.get((f.document, f.start, f.end))
        verdicts.append(verdict)
        mark = {True: "opinion", False: "NOT opinion", None: "unjudged"}[verdict]
        print(f"    [{mark}] {f.document} {f.excerpt!r}: {sentence}")
    known = [v for v in verdicts if v is not None]
    if known:
        print(f"  judged precision: {sum(known)}/{len(known)} = {sum(known) / len(known):.2f}"
              f" ({len(verdicts) - len(known)} unjudged)")
    else:
        print("  judged precision: no judgements recorded")


def _draw(f: Finding) -> str:
    """A seeded hash of the finding's place: the sample keeps its flags when other flags come or go."""
    return hashlib.sha1(f"{SAMPLE_SEED}:{f.document}:{f.start}:{f.end}".encode()).hexdigest()


def _sentence(text: str, offset: int) -> str:
    """The sentence around an offset, for printing and judging (segmented as factlint does)."""
    doc = Document(id="s", text=text)
    segment(doc)
    s = doc.sentence_at(offset)
    return " ".join(text[s.start : s.end].split()) if s else ""


def wiki_npov() -> None:
    root = SHARED / "data" / "wiki-npov-hube2019"
    print("wiki-npov (Hube & Fetahu 2019; each statement a one-sentence news article): share flagged by OPN001")
    for name in ("statements_neutral_featured", "statements_neutral_type_balanced", "statements_neutral_cw-hard",
                 "statements_biased"):
        lines = [line.strip() for line in (root / name).open(encoding="utf-8", errors="replace") if line.strip()]
        report = check_texts({str(i): s for i, s in enumerate(lines)}, config=OPN001)
        flagged = len({f.document for f in report.findings})
        kind = "false-positive rate" if "neutral" in name else "recall"
        print(f"  {name}: {flagged}/{len(lines)} = {flagged / len(lines):.1%} ({kind})")


def speed() -> None:
    """Words per CPU second of the opinion extractor and both OPN rules (segmentation and other extractors
    untimed; the quotation-free views are rebuilt inside the timing). CPU time, not wall time: the
    figure is for one core whatever else the machine is running."""
    from factlint.plugins.opinion import cues, extract, scoring
    from factlint.plugins.opinion.rules import OpinionDensity, OpinionInReporting

    engine = Engine()
    others = [e for e in engine.registry.extractors if e is not extract]
    docs = [Document(id=r["id"], text=r["text"]) for r in _bbc()]
    for doc in docs:
        segment(doc)
        for extractor in others:
            doc.assertions.extend(extractor(doc))
    rules = [OpinionInReporting(), OpinionDensity()]
    words = sum(d.words for d in docs)
    best = float("inf")
    for _ in range(3):
        cues._OWN_VIEWS.clear()
        scoring._SCORES.clear()
        for doc in docs:
            doc.assertions = [a for a in doc.assertions if a.kind != "opinion"]
            for view in ("content", "unquoted"):  # the quotation-free view is built inside the timing
                doc.__dict__.pop(view, None)
        start = time.process_time()
        for doc in docs:
            doc.assertions.extend(extract(doc))
            for rule in rules:
                for _ in rule.check(doc):
                    pass
        best = min(best, time.process_time() - start)
    print(f"speed: opinion extractor + OPN001 + OPN002 on BBC ({len(docs)} articles, {words:,} words), one core: "
          f"{words / best:,.0f} words per CPU second (best of 3)")


def main() -> None:
    checkthat()
    cue_lists()
    basil()
    seeds()
    bbc()
    wiki_npov()
    speed()
