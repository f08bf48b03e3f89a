"""Core: page furniture on the seeds (gold CHROME labels) and sentence splitting."""

from __future__ import annotations

import json

from factlint import check_paths

from . import REPO, SHARED


def main() -> None:
    gold = [json.loads(line) for line in (SHARED / "gold" / "seeds.jsonl").open()]
    chrome = [g for g in gold if g["check"] == "CHROME"]
    report = check_paths([REPO / "seeds"], config={"select": ["TXT101"]})
    spans = [(f.document.rsplit("/", 1)[-1], f.start, f.end) for f in report.findings]
    hit = sum(any(d == g["file"] and s < g["end"] and g["start"] < e for d, s, e in spans) for g in chrome)
    print(f"seeds page furniture (TXT101): {hit}/{len(chrome)} gold excerpts flagged, {len(spans)} findings")
