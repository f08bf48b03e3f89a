"""Every report format parses back to the findings it was given (SARIF and JSON against their schemas)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.docsgen import report_schema
from factlint.models import Report
from factlint.plugins.format_csv import COLUMNS, format_csv
from factlint.plugins.format_github import format_github
from factlint.plugins.format_html import format_html
from factlint.plugins.format_json import format_json
from factlint.plugins.format_markdown import format_markdown
from factlint.plugins.format_sarif import format_sarif
from factlint.plugins.format_table import format_table
from reports_support import ARTICLES, report

SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def checked() -> tuple[Report, dict]:
    return report()


def options(rules) -> dict:
    return {"rules": rules, "texts": ARTICLES}


def test_sarif_is_valid_and_complete(checked):
    rep, rules = checked
    log = json.loads(format_sarif(rep, options(rules)))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    descriptors = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == sorted(rules)
    qb = next(d for d in descriptors if d["id"] == "QB201")
    assert "## Why it matters" in qb["fullDescription"]["text"] and "Both cannot be true." in qb["fullDescription"]["text"]
    assert qb["help"]["markdown"].startswith("# QB201 troop-conflict") and "## Examples" in qb["help"]["markdown"]
    assert qb["defaultConfiguration"]["level"] == "error"
    assert len(run["results"]) == len(rep.findings) == 3
    for result, finding in zip(run["results"], rep.findings):
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code
        region = result["locations"][0]["physicalLocation"]["region"]
        text = ARTICLES[finding.document]
        assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
        line = text.split("\n")[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == finding.excerpt
    conflict = next(r for r in run["results"] if r["ruleId"] == "QB201")
    assert conflict["level"] == "error"
    [related] = conflict["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert related["physicalLocation"]["region"]["snippet"]["text"] == "10,000 troops"
    unnamed = next(r for r in run["results"] if r["ruleId"] == "QA101")
    assert unnamed["level"] == "warning" and unnamed["properties"]["fix"] == "name the source"
    assert len({r["partialFingerprints"]["factlint/v1"] for r in run["results"]}) == 3


def test_sarif_places_json_lines_records_on_their_line(tmp_path, monkeypatch):
    from factlint.plugins.format_sarif import sarif_log
    from reports_support import engine

    monkeypatch.chdir(tmp_path)
    Path("feed.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Quiet day."}) + "\n" + json.dumps({"id": "x2", "text": "Note.\nSources say so."}) + "\n",
        "utf-8")
    eng = engine()
    rep = eng.check(eng.sources(["feed.jsonl", "missing.txt"]))
    log = sarif_log(rep, {"rules": eng.rule_classes})
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    record = by_rule["QA101"]["locations"][0]
    assert record["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 1}
    assert record["logicalLocations"] == [{"name": "x2", "kind": "object"}]
    assert "line 2, column 1 of its text" in record["message"]["text"]
    assert by_rule["TXT001"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"


GITHUB_LINE = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)$")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_annotations(checked):
    rep, rules = checked
    lines = "".join(format_github(rep, options(rules))).splitlines()
    assert len(lines) == len(rep.findings)
    for line, finding in zip(lines, rep.findings):
        m = GITHUB_LINE.match(line)
        assert m, line
        level, props, message = m.groups()
        props = dict(p.split("=", 1) for p in props.split(","))
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
        assert props["file"] == finding.path and int(props["line"]) == finding.line and int(props["col"]) == finding.column
        assert int(props["endColumn"]) - int(props["col"]) == len(finding.excerpt)
        assert _unescape(props["title"]) == f"{finding.code} {finding.rule}"
        assert _unescape(message).startswith(finding.message)
    conflict = _unescape(GITHUB_LINE.match(lines[1]).group(3))
    assert conflict == "6,000 troops here, 10,000 in a.txt\nsee a.txt:3:16 “10,000 troops”"


def test_github_escapes_what_would_break_a_command():
    from factlint.plugins.format_github import _data, _property

    assert _data("50% up\r\nnext") == "50%25 up%0D%0Anext"
    assert _property("a:b,c") == "a%3Ab%2Cc"


def _markdown_rows(text: str, heading: str) -> list[list[str]]:
    block = text.split(f"### {heading}\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert set(block[1]) <= {"|", "-"}
    return [[cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in block[2:]]


def test_markdown_tables(checked):
    rep, rules = checked
    rep = rep.model_copy(deep=True)
    rep.findings[0].message = "a | pipe and <b>markup</b>"
    text = format_markdown(rep, options(rules))
    assert text.startswith("## factlint report\n\n**3 document(s)")
    rows = _markdown_rows(text, "Findings")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        (f.severity.value, f.code, f.document, f"{f.line}:{f.column}") for f in rep.findings]
    assert rows[0][4] == r"a | pipe and \<b\>markup\</b\>"
    assert rows[1][6] == "a.txt:3:16"
    assert len(_markdown_rows(text, "Documents")) == 3
    figures = _markdown_rows(text, "Figures")
    assert [r[5] for r in figures] == ["consistent", "conflict"]


def test_csv_one_row_per_finding_with_stable_columns(checked):
    rep, rules = checked
    text = "".join(format_csv(rep, options(rules)))
    assert text.splitlines()[0] == ",".join(COLUMNS) == (
        "document,path,line,column,end_line,end_column,start,end,code,rule,family,severity,message,excerpt,fix,related")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(rep.findings)
    for row, f in zip(rows, rep.findings):
        body = ARTICLES[row["document"]]
        assert body[int(row["start"]):int(row["end"])] == row["excerpt"] == f.excerpt
        assert (row["code"], row["family"], row["severity"]) == (f.code, f.code[:2], f.severity.value)
        assert (int(row["line"]), int(row["end_line"]), int(row["end_column"])) == (f.line, f.line, f.column + len(f.excerpt))
    assert rows[1]["related"] == "a.txt:3:16" and rows[0]["fix"] == "name the source"


def test_csv_keeps_multiline_excerpts_in_one_row():
    from factlint.models import Finding

    finding = Finding(document="m.txt", line=3, column=5, start=12, end=23, excerpt="Sources,\n\"say\"", code="QA101",
                      rule="sources-say", severity="warning", message="unnamed")
    rows = list(csv.DictReader(io.StringIO("".join(format_csv(Report(factlint="0", findings=[finding]), {})), newline="")))
    assert len(rows) == 1 and rows[0]["excerpt"] == "Sources,\n\"say\""
    assert (rows[0]["line"], rows[0]["end_line"], rows[0]["end_column"]) == ("3", "4", "6")


@pytest.mark.parametrize(("fmt", "marker"), [
    ("grid", "+====="), ("pipe", "|:---"), ("github", "|----"), ("html", "<table>"), ("rst", "======"),
    ("tsv", "\t"), ("latex", "\\begin{tabular}"),
])
def test_table_format_passes_any_tabulate_format(checked, fmt, marker):
    rep, rules = checked
    text = "".join(format_table(rep, {"table_format": fmt}))
    assert marker in text
    assert "QB201" in text and "6,000 troops here" in text


def test_json_matches_the_generated_schema(checked):
    rep, rules = checked
    data = json.loads("".join(format_json(rep, {})))
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    assert data["figures"][1]["status"] == "conflict"
    bad = dict(data, findings=[{**data["findings"][0], "severity": "fatal"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(report_schema()).validate(bad)


class _Page(HTMLParser):
    """Collects what a self-contained page must not have, each article's text, and link targets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.external, self.ids, self.links, self.texts = [], set(), [], {}
        self.stack: list[str] = []
        self.depth = 0  # inside div.text
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("src", "href", "action", "srcset", "poster", "data"):
            value = a.get(key)
            if value is not None and not value.startswith("#"):
                self.external.append((tag, key, value))
        if tag == "link":
            self.external.append((tag, "link", a.get("href")))
        if a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        if tag == "details" and "article" in a.get("class", ""):
            self.current = a["id"]
        if self.depth:
            self.depth += 1
        elif tag == "div" and a.get("class") == "text":
            self.depth = 1
            self.texts[self.current] = ""

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[self.current] += data


def test_html_is_self_contained_and_keeps_each_text_exactly(checked):
    rep, rules = checked
    html = format_html(rep, options(rules))
    page = _Page()
    page.feed(html)
    assert page.external == []
    assert "@import" not in html and "url(" not in html and "http" not in html.split("<svg", 1)[0]
    assert page.texts == {f"doc{i}": ARTICLES[d.id] for i, d in enumerate(rep.documents)}
    assert set(page.links) <= page.ids, set(page.links) - page.ids
    assert "The &lt;b&gt;border&lt;/b&gt; &amp; the" in html  # article text is escaped, never markup
    assert {"d0-35-48", "f1", "fd1", "rd-QB201"} <= page.ids
    assert html.count('class="f fam-') == 3 and 'data-f="1" data-a="d1-21-33"' in html
    assert '<tr class="status-conflict">' in html


def test_html_without_texts_or_with_changed_sources_lists_findings_only(checked):
    rep, rules = checked
    html = format_html(rep, {"rules": rules})
    assert "The text is not available to this report." in html and "<mark" not in html
    changed = dict(ARTICLES, **{"b.txt": ARTICLES["b.txt"].replace("About", "Some")})
    html = format_html(rep, {"rules": rules, "texts": changed})
    assert "The source changed after it was checked" in html
    assert 'id="doc1"' in html and html.count("<mark") == 1  # a.txt keeps its highlight


def test_html_segments_overlapping_and_empty_spans():
    from factlint.models import Finding
    from factlint.plugins.format_html import segments

    def f(code, start, end, severity="warning"):
        return Finding(document="d", line=1, column=start + 1, start=start, end=end, excerpt="", code=code,
                       rule="r", severity=severity, message=code)

    text = "abcdefghij"
    findings = [(0, f("AA001", 2, 6)), (1, f("BB001", 4, 8, "error")), (2, f("CC001", 0, 0))]
    segs = segments(text, findings, {"d0-5-9": (5, 9)})
    assert "".join(s.text for s in segs if s.text != "⚑") == text
    assert [(s.text, s.findings, s.anchors, s.targets, s.family) for s in segs] == [
        ("⚑", [2], [], ["f2"], "CC"),
        ("ab", [], [], [], ""),
        ("cd", [0], [], ["f0"], "AA"),
        ("e", [0, 1], [], ["f1"], "BB"),
        ("f", [0, 1], ["d0-5-9"], ["d0-5-9"], "BB"),
        ("gh", [1], ["d0-5-9"], [], "BB"),
        ("i", [], ["d0-5-9"], [], ""),
        ("j", [], [], [], ""),
    ]


@given(st.text(alphabet="ab\n", max_size=30), st.lists(st.tuples(st.integers(0, 35), st.integers(0, 35)), max_size=8),
       st.lists(st.tuples(st.integers(0, 35), st.integers(0, 35)), max_size=4))
def test_html_segments_cover_the_text_once_with_the_right_spans(text, spans, anchored):
    from factlint.models import Finding
    from factlint.plugins.format_html import segments

    findings = [(k, Finding(document="d", line=1, column=1, start=min(s), end=max(s), excerpt="", code="AA001",
                            rule="r", severity="info", message="m")) for k, s in enumerate(spans)]
    anchors = {f"a{i}": (min(s), max(s)) for i, s in enumerate(anchored)}
    segs = segments(text, findings, anchors)
    n, pos = len(text), 0
    for seg in segs:
        if seg.text == "⚑":  # an empty span (spans past the end are cut at the end)
            assert seg.findings and all(min(f.start, n) == min(f.end, n) == pos for k, f in findings if k in seg.findings)
            continue
        assert seg.text == text[pos:pos + len(seg.text)]
        if seg.text:
            assert seg.findings == [k for k, f in findings if f.start <= pos < f.end]
            assert sorted(seg.anchors) == sorted(n for n, (s, e) in anchors.items() if s <= pos < e)
        pos += len(seg.text)
    assert pos == len(text)
    targets = [t for seg in segs for t in seg.targets]
    assert sorted(targets) == sorted([f"f{k}" for k, _ in findings] + list(anchors))
