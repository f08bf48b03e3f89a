"""Bad input never stops a run: each problem is one TXT error, good documents are fully checked."""

from __future__ import annotations

import json

from conftest import SEEDS


def test_folder_of_bad_inputs(run_json, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners said 40 people came.\n".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "records.jsonl").write_text(
        '{"id": "r1", "text": "Troops crossed the border on Monday."}\n{broken\n{"id": "r3", "text": "Next Article"}\n'
    )
    (tmp_path / "huge.txt").write_text("word " * 1_100_000)
    (tmp_path / "good.txt").write_text((SEEDS / "002_4e71db827ca8863d.txt").read_text("utf-8"), "utf-8")
    code, report = run_json(tmp_path, "--select", "TXT")
    assert code == 1
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    by_doc = {f["document"].rsplit("/", 1)[-1]: f["code"] for f in errors}
    assert by_doc == {"binary.txt": "TXT001", "latin1.txt": "TXT001", "empty.txt": "TXT002",
                      "records.jsonl:2": "TXT003", "huge.txt": "TXT004"}
    latin = next(f for f in errors if f["document"].endswith("latin1.txt"))
    assert (latin["line"], latin["column"]) == (1, 4)
    good = [f for f in report["findings"] if f["document"].endswith("good.txt")]
    assert len(good) >= 4 and all(f["code"] == "TXT101" for f in good)
    ids = [d["id"].rsplit("/", 1)[-1] for d in report["documents"]]
    assert {"r1", "r3", "good.txt", "latin1.txt"} <= set(ids)
    assert next(d for d in report["documents"] if d["id"] == "r1")["words"] == 6


def test_huge_document_limit_is_configurable(run_json, tmp_path):
    (tmp_path / "factlint.toml").write_text("max_chars = 10\n")
    (tmp_path / "a.txt").write_text("Troops crossed the border on Monday.\n")
    code, report = run_json(tmp_path / "a.txt", "--config", tmp_path / "factlint.toml")
    assert [f["code"] for f in report["findings"]] == ["TXT004"]


def test_markdown_front_matter_and_structure(run, tmp_path):
    md = tmp_path / "story.md"
    md.write_text("---\ntitle: Pact signed\ndate: 2024-06-19\ntype: news\noutlet: Wire\n---\n# Pact signed\n\n"
                  "Putin and Kim **signed** a pact.\n\n- first point\n- second point\n")
    code, out = run("extract", "--format", "json", md)
    assert code == 0
    _, report = run("check", "--format", "json", md)
    doc = json.loads(report)["documents"][0]
    assert (doc["title"], doc["date"], doc["type"], doc["meta"]) == ("Pact signed", "2024-06-19", "news", {"outlet": "Wire"})
    assert doc["sentences"] == 4


def test_html_text_offsets_point_into_the_file(run_json, tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>T</title><style>p{}</style></head><body><nav><a>Next Article</a></nav>"
                    "<article><h1>Talks &amp; troops</h1><p>Troops crossed.</p><p>Previous Article</p></article></body></html>")
    code, report = run_json(page, "--select", "TXT")
    text = page.read_text()
    assert report["documents"][0]["title"] == "T"
    excerpts = [f["excerpt"] for f in report["findings"]]
    assert excerpts == ["Next Article", "Previous Article"]
    for f in report["findings"]:
        assert text[f["start"] : f["end"]] == f["excerpt"]


def test_jsonl_metadata_is_kept(run_json, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": 7, "text": "Troops left.", "title": "T", "type": "opinion", "category": "x"}) + "\n")
    _, report = run_json(corpus)
    doc = report["documents"][0]
    assert (doc["id"], doc["type"], doc["meta"]) == ("7", "opinion", {"category": "x"})
