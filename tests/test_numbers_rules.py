"""NUM rules and the figures ledger on small corpora written for the tests."""

from __future__ import annotations

from factlint import check_texts
from factlint.document import Document
from factlint.plugins.numbers.extract import extract
from factlint.plugins.numbers.facts import Record, analyse, shown
from factlint.segment import segment

TROOPS_A = "Reports confirm that over 10,000 North Korean troops are already fighting alongside Russian forces in Ukraine."
TROOPS_B = ("North Korea has reportedly sent approximately 12,000 troops to support Russia's military operations in Ukraine.\n\n"
            "Approximately 12,000 North Korean troops are currently involved in the Ukraine conflict in support of Russian forces.")
ENGINEERS = "North Korea is sending 6,000 engineers and construction workers to Kursk, alongside Russian forces."


def assertions(text: str):
    doc = Document(id="t", text=text)
    segment(doc)
    return list(extract(doc))


def test_quantity_contract_fields():
    q = next(a for a in assertions(TROOPS_A) if a.kind == "quantity")
    assert q.text == "over 10,000 North Korean troops"
    assert (q.value, q.low, q.high, q.qualifier, q.unit, q.noun) == (10000, 10000, None, "over", None, "troop")
    assert (q.soft_low, q.soft_high, q.measure, q.holder, q.figure_kind) == (10000, 20000, "troops", "north korea", "count")
    assert q.modifiers == ["north", "korean"]


def test_dates_are_date_mentions():
    kinds = [(a.kind, a.text) for a in assertions("In 2004 the company cut 300 jobs.")]
    assert ("date", "2004") in kinds and ("quantity", "300 jobs") in kinds


def test_troop_figures_form_one_divergent_fact():
    report = check_texts({"a": TROOPS_A, "b": TROOPS_B, "c": ENGINEERS}, config={"select": ["NUM"]})
    assert not [f for f in report.findings if f.code == "NUM001"]
    divergences = [f for f in report.findings if f.code == "NUM002"]
    assert len(divergences) == 1 and divergences[0].severity.value == "info" and divergences[0].related
    rows = report.sections["figures"]
    troops = [r for r in rows if r["fact"].startswith("troops")]
    assert {r["document"] for r in troops} == {"a", "b"} and {r["status"] for r in troops} == {"divergent"}
    assert not any("engineer" in r["as written"] for r in troops)
    assert all(isinstance(v, str) for r in rows for v in r.values())  # flat rows for the table report


def test_conflict_across_articles_sits_on_one_figure_with_the_others_related():
    report = check_texts({
        "a": "Officials said over 10,000 North Korean troops are in Kursk.",
        "b": "Officials said about 6,000 North Korean troops are in Kursk.",
        "c": "Officials said some 12,000 North Korean troops are in Kursk.",
    }, config={"select": ["NUM001"]})
    (finding,) = report.findings
    assert finding.document == "b" and finding.excerpt == "about 6,000 North Korean troops"
    assert {r.document for r in finding.related} == {"a", "c"}
    assert finding.severity.value in ("warning", "error") and finding.fix


def test_conflict_severity_scales_with_the_gap():
    def severity(b: str) -> str:
        report = check_texts({"a": "Police arrested 120 protesters in Nairobi.", "b": b}, config={"select": ["NUM001"]})
        return report.findings[0].severity.value

    assert severity("Police arrested 160 protesters in Nairobi.") == "warning"
    assert severity("Police arrested 900 protesters in Nairobi.") == "error"


def test_different_places_holders_and_times_are_different_facts():
    report = check_texts({
        "a": "About 300 people were evacuated from Leeds. Russian forces lost 300 tanks near Avdiivka.",
        "b": "About 900 people were evacuated from York. Ukrainian forces lost 40 tanks near Avdiivka.",
        "c": "Unemployment in Spain fell to 11.7% in June 2024. Unemployment in Spain was 14.2% in June 2022.",
    }, config={"select": ["NUM001"]})
    assert report.findings == []


def test_units_are_normalised_before_comparing():
    def conflicts(b: str) -> int:
        report = check_texts({"a": "The dam on the Nile is 145 metres tall.", "b": b}, config={"select": ["NUM001"]})
        return len(report.findings)

    assert conflicts("The dam on the Nile is 476 feet tall.") == 0
    assert conflicts("The dam on the Nile is 850 feet tall.") == 1


def test_cumulative_count_that_falls():
    texts = {"a": "On 2 November 2024 the death toll rose to 150 in Valencia.",
             "b": "The death toll reached 95 in Valencia."}
    report = check_texts(texts, config={"select": ["NUM003"]}, meta={"b": {"date": "2024-11-04"}})
    assert [f.document for f in report.findings] == ["b"]
    report = check_texts(texts, config={"select": ["NUM001"]}, meta={"b": {"date": "2024-11-04"}})
    assert report.findings == []  # a count that grows is NUM003's, not a plain conflict


def test_document_rules():
    cases = {
        "NUM004": "Unemployment rose 2% from 4% to 6% last year.",
        "NUM005": "The pipeline runs 300 km (250 miles) across the plain.",
        "NUM006": "The attack killed 1,200 people, including 800 soldiers and 600 civilians.",
        "NUM007": "# 25,000 North Korean troops in Kursk\n\nOfficials said about 6,000 North Korean troops are in Kursk.\n",
    }
    for code, text in cases.items():
        report = check_texts({"x": text}, config={"select": [code]})
        assert [f.code for f in report.findings] == [code], code


def test_ledger_statuses_from_judgement():
    def rec(doc, lo, hi, figure):
        return Record("troop||count|amount", None, "x", None, False, lo, hi, lo, hi, figure, str(figure), doc, None,
                      0, 1, 1, 1, None, False, False, frozenset(), "troop", shown(lo, hi))

    (j,) = analyse([rec("a", 11500, 12500, 12000), rec("b", 11500, 12500, 12000)])
    assert j.status == "consistent"
    (j,) = analyse([rec("a", 10000, float("inf"), 10000), rec("b", 9000, 15000, 12000)])
    assert j.status == "divergent"
    (j,) = analyse([rec("a", 10000, float("inf"), 10000), rec("b", 4500, 7500, 6000)])
    assert j.status == "conflict" and len(j.outliers) == 1
