"""The `html` report: one self-contained page (no fonts, scripts or styles from elsewhere).

Each article's text with its findings highlighted (colour = family, underline =
severity); a click or Enter on a highlight shows the message, the fix, links to
the related spans and the rule's documentation (hovering shows the message).
Filters by family and severity, summary charts as inline SVG, and every
tabular report section (the figures ledger) with links to the spans it names.

The texts come from `options["texts"]` (document id → text): the CLI re-reads
each source through its loader only when this format is asked for; API callers
pass the texts they checked. An article whose text is missing or changed since
the check is listed without its text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from markupsafe import Markup

from factlint import __version__, hookimpl
from factlint.models import Finding, Report

from ._formatting import cell_text, family, is_location, rule_classes, sections

SEVERITIES = ("error", "warning", "info")
# Fixed colours for the built-in families, then a palette for plugins' families (colour-blind safe, light).
FAMILY_COLOURS = {"NUM": "#ffd8a8", "SRC": "#b2f2bb", "OPN": "#d0bfff", "TXT": "#dee2e6"}
PALETTE = ("#a5d8ff", "#fcc2d7", "#ffec99", "#99e9f2", "#eebefa", "#c0eb75")
SEVERITY_COLOURS = {"error": "#c92a2a", "warning": "#e67700", "info": "#1971c2"}
TOP_ARTICLES = 25


# jinja2 and markdown-it are imported on first use: most runs write no HTML (~60 ms of start-up).
@cache
def _environment():
    from jinja2 import Environment, PackageLoader

    env = Environment(loader=PackageLoader("factlint.plugins", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["cell"] = cell_text
    return env


@cache
def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def anchor(doc_index: int, start: int, end: int) -> str:
    return f"d{doc_index}-{start}-{end}"


@dataclass
class Segment:
    text: str
    findings: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # spans (related, ledger) this piece belongs to
    targets: list[str] = field(default_factory=list)  # ids of spans that start here
    family: str = ""
    severity: str = ""
    title: str = ""


def segments(text: str, findings: list[tuple[int, Finding]], anchors: dict[str, tuple[int, int]]) -> list[Segment]:
    """The text cut at every span boundary; each piece knows the findings and anchored spans covering it.

    A finding's start carries the id `f<k>`, an anchored span's start its anchor id;
    a finding with an empty span shows as a pin (⚑) at its offset. One sweep over
    the boundaries, so the cost grows with the spans, not with their product.
    """
    n = len(text)
    spans = [(f"f{k}", min(f.start, n), min(f.end, n), k) for k, f in findings]
    spans += [(name, min(start, n), min(end, n), None) for name, (start, end) in anchors.items()]
    starts: dict[int, list[str]] = defaultdict(list)
    opens: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    pins: dict[int, list[int]] = defaultdict(list)
    for name, start, end, k in spans:
        starts[start].append(name)
        if end > start:
            opens[start].append((name, k))
            closes[end].append(name)
        elif k is not None:
            pins[start].append(k)
    by_k = dict(findings)
    active: dict[str, int | None] = {}
    points = sorted({0, n, *opens, *closes, *starts})
    out: list[Segment] = []
    for i, a in enumerate(points):
        for name in closes.get(a, ()):
            del active[name]
        active.update(opens.get(a, ()))
        targets = starts.get(a, [])
        if a in pins:
            out.append(_marked("⚑", [(k, by_k[k]) for k in pins[a]], [], targets))
            targets = []
        b = points[i + 1] if i + 1 < len(points) else a
        if a < b:
            covering = sorted((k, by_k[k]) for k in active.values() if k is not None)
            inside = [name for name, k in active.items() if k is None]
            out.append(_marked(text[a:b], covering, inside, targets))
        elif targets:
            out.append(Segment("", targets=targets))
    return out


def _marked(text: str, group: list[tuple[int, Finding]], anchors: list[str], targets: list[str]) -> Segment:
    seg = Segment(text, [k for k, _ in group], anchors, list(targets))
    if group:
        top = max((f for _, f in group), key=lambda f: f.severity.rank)
        seg.family, seg.severity = family(top.code), top.severity.value
        seg.title = "\n".join(f"{f.code} ({f.severity.value}): {f.message}" for _, f in group)
    return seg


def _locations(value):
    if is_location(value):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _locations(item)


def _bars(counts: list[tuple[str, str, dict[str, int]]], colours: dict[str, str], width: int = 320) -> dict:
    """Geometry of a horizontal stacked bar chart: rows of (label, link, {part: count})."""
    top = max((sum(parts.values()) for _, _, parts in counts), default=0) or 1
    rows = []
    for i, (label, link, parts) in enumerate(counts):
        x, pieces = 0.0, []
        for part, count in parts.items():
            w = count / top * width
            pieces.append({"x": round(x, 1), "w": round(w, 1), "colour": colours[part], "label": f"{part}: {count}"})
            x += w
        rows.append({"y": i * 18, "label": label, "link": link, "total": sum(parts.values()), "pieces": pieces})
    return {"rows": rows, "height": len(rows) * 18, "width": width}


def _rule_doc(cls) -> Markup:
    return Markup(_markdown().render(cls.page()))


def render(report: Report, texts: Mapping[str, str] | None, rules: dict) -> str:
    doc_index = {d.id: i for i, d in enumerate(report.documents)}
    families = sorted({family(f.code) for f in report.findings})
    colours = {fam: FAMILY_COLOURS.get(fam) or PALETTE[i % len(PALETTE)] for i, fam in enumerate(families)}

    # every span a link may point at: related spans and the spans named in report sections
    anchors: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    def register(loc) -> str | None:
        i = doc_index.get(loc["document"])
        if i is None:
            return None
        name = anchor(i, loc["start"], loc["end"])
        anchors[loc["document"]][name] = (loc["start"], loc["end"])
        return name

    findings = []
    by_doc: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for k, f in enumerate(report.findings):
        related = [{"loc": r, "anchor": register(r.model_dump())} for r in f.related]
        findings.append({"k": k, "f": f, "family": family(f.code), "related": related,
                         "doc": doc_index.get(f.document)})
        by_doc[f.document].append((k, f))

    tables = []
    for name, rows in sections(report).items():
        keys = list(dict.fromkeys(key for row in rows for key in row))
        body = []
        for row in rows:
            cells = [{"value": row.get(key), "links": [(register(loc), cell_text(loc)) for loc in _locations(row.get(key))]}
                     for key in keys]
            body.append({"cells": cells, "anchor": register(row) if is_location(row) else None,
                         "status": str(row.get("status", "")).lower()})
        tables.append({"name": name, "columns": keys, "rows": body})

    docs = []
    for i, d in enumerate(report.documents):
        mine = by_doc.get(d.id, [])
        text = texts.get(d.id) if texts is not None and d.error is None else None
        note = None
        if text is None:
            note = "The text is not available to this report." if d.error is None else d.error
        elif any(text[f.start:f.end] != f.excerpt for _, f in mine):
            text, note = None, "The source changed after it was checked; its text is not shown so no highlight is misplaced."
        docs.append({
            "i": i, "d": d, "findings": [k for k, _ in mine], "note": note,
            "segments": segments(text, mine, anchors.get(d.id, {})) if text is not None else [],
        })

    per_article = []
    for d in docs:
        counts = Counter(report.findings[k].severity.value for k in d["findings"])
        if counts:
            per_article.append((d["d"].title or d["d"].id, f"#doc{d['i']}", {s: counts[s] for s in SEVERITIES if counts[s]}))
    per_article.sort(key=lambda row: -sum(row[2].values()))
    per_family = [(fam, "", {fam: report.summary.by_family.get(fam, 0)}) for fam in families]
    codes = sorted({f.code for f in report.findings})
    return _environment().get_template("report.html.j2").render(
        version=__version__, report=report, summary=report.summary, docs=docs, findings=findings,
        families=families, colours=colours, severities=SEVERITIES, severity_colours=SEVERITY_COLOURS,
        articles_chart=_bars(per_article[:TOP_ARTICLES], SEVERITY_COLOURS), articles_with_findings=len(per_article),
        families_chart=_bars(per_family, colours), tables=tables,
        rules={c: {"cls": rules.get(c), "doc": _rule_doc(rules[c]) if c in rules else None} for c in codes},
    )


def format_html(report: Report, options: dict) -> str:
    """The whole page at once: it indexes every finding (a spilled report is read into memory here)."""
    report = report.model_copy(update={"documents": list(report.documents), "findings": list(report.findings)})
    return render(report, options.get("texts"), rule_classes(options))


@hookimpl
def factlint_formatters():
    return {"html": format_html}
