"""OPN001 and OPN002: sentence scores, thresholds, exempt article types, density, findings."""

from __future__ import annotations

from conftest import SEEDS

from factlint import check_paths, check_texts

NEWS = (
    "The talks ended on Monday. Frankly, the outcome was a disaster and a farce. "
    "Officials met in Geneva for three days. Sadly, the response has been lackluster. "
    "The delegations will meet again in May. Both sides signed a short statement."
)


def _findings(text: str, code: str = "OPN001", meta: dict | None = None, **options):
    config = {"select": [code], "rules": {code: options} if options else {}}
    report = check_texts({"a": text}, config=config, meta={"a": meta or {}})
    return [f for f in report.findings if f.code == code], report.documents[0]


def test_a_single_weak_cue_never_flags():
    assert _findings("The plan is very large.")[0] == []  # one intensifier
    assert _findings("The plan was amateurish.")[0] == []  # one weak evaluative word
    assert _findings("The plan was amateurish.", threshold=0.1)[0] == []  # whatever the threshold
    assert len(_findings("The plan was very amateurish.")[0]) == 1  # 0.4 + 0.6 reach 1.0
    assert _findings("The plan was very controversial.")[0] == []  # a charged word needs more: 0.4 + 0.4


def test_threshold_is_an_option():
    assert len(_findings("The response has been lackluster.")[0]) == 1
    assert _findings("The response has been lackluster.", threshold=1.5)[0] == []


def test_finding_sits_on_the_strongest_cue_and_names_every_cue():
    (finding,), _ = _findings("Frankly, the very outcome was lackluster.")
    assert finding.excerpt == "Frankly"  # editorial adverb 1.1, first of the strong cues
    assert "editorial adverb “Frankly”" in finding.message and "evaluative “lackluster”" in finding.message
    assert "intensifier “very”" in finding.message
    assert [r.excerpt for r in finding.related] == ["very", "lackluster"] or \
        sorted(r.excerpt for r in finding.related) == ["lackluster", "very"]
    assert finding.fix


def test_opinion_and_analysis_articles_are_exempt_but_still_measured():
    for kind in ("opinion", "analysis", "Opinion"):
        findings, summary = _findings(NEWS, meta={"type": kind})
        assert findings == [] and summary.opinion_density == 0.3333
    findings, _ = _findings(NEWS, meta={"type": "opinion"}, exempt_types=["analysis"])
    assert len(findings) == 2


def test_density_is_the_share_of_own_sentences():
    findings, summary = _findings(NEWS)
    assert len(findings) == 2 and summary.opinion_density == round(2 / 6, 4)
    quoted = NEWS + '\n\n"It is a disaster and a shocking betrayal," the minister said.\n'
    _, summary = _findings(quoted)
    assert summary.opinion_density == round(2 / 6, 4)  # the quotation is not an own sentence


def test_density_rule_needs_enough_sentences_and_share():
    findings, _ = _findings(NEWS, "OPN002")
    assert len(findings) == 1 and "2 of 6" in findings[0].message
    assert len(findings[0].related) == 1
    assert _findings(NEWS, "OPN002", threshold=0.5)[0] == []
    assert _findings(NEWS, "OPN002", min_sentences=7)[0] == []
    assert _findings(NEWS, "OPN002", min_opinion=3)[0] == []
    assert _findings(NEWS, "OPN002", meta={"type": "analysis"})[0] == []


def test_seeds_flag_the_writer_and_spare_the_quoted_speakers():
    report = check_paths([SEEDS], config={"select": ["OPN001"]})
    spans = {(f.document.rsplit("/", 1)[-1][:3], f.start, f.end) for f in report.findings}
    text3 = (SEEDS / "003_924e777c30d92e42.txt").read_text("utf-8")
    text4 = (SEEDS / "004_5860c76c3eb9804b.txt").read_text("utf-8")
    assert ("003", text3.index("shocking"), text3.index("shocking") + len("shocking escalation")) in spans or any(
        d == "003" and s <= text3.index("shocking") < e for d, s, e in spans)
    quoted = text4.index("“During his visit")
    quoted_end = text4.index("shameless behavior.”") + len("shameless behavior.”")
    assert not any(d == "004" and s < quoted_end and quoted < e for d, s, e in spans)
    honestly = text4.index("It’s honestly the last thing we need")
    assert any(d == "004" and honestly <= s < honestly + 40 for d, s, e in spans)
