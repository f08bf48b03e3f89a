"""The `sarif` report: SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps, VS Code's SARIF viewer).

One run; the driver lists every rule of the run with its summary, full
documentation and examples; each finding is a result with a physical location
(columns in Unicode code points), the other side of a conflict as related
locations, and the baseline fingerprint as a partial fingerprint.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from urllib.parse import quote

from factlint import __version__, hookimpl
from factlint.models import Finding, Location, Report, Severity
from factlint.pipeline import fingerprints
from factlint.positions import FilePositions

from ._formatting import family, rule_classes, span_end

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def _uri(path: str) -> dict:
    if PurePath(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(PurePath(path).as_posix()), "uriBaseId": "%SRCROOT%"}


def _location(loc: Location, where: FilePositions, **extra) -> dict:
    path, line, column, exact = where(loc)
    out: dict = dict(extra)
    if path is None:
        out["logicalLocations"] = [{"name": loc.document, "kind": "module"}]
        out.setdefault("message", {"text": f"{loc.document}, line {loc.line}, column {loc.column}: {loc.excerpt}"})
        return out
    region: dict = {"startLine": line, "startColumn": column}
    if exact:
        end_line, end_column = span_end(loc)
        region.update(endLine=end_line, endColumn=end_column, charOffset=loc.start, charLength=loc.end - loc.start)
        if loc.excerpt:
            region["snippet"] = {"text": loc.excerpt}
    else:
        out["logicalLocations"] = [{"name": loc.document, "kind": "object"}]
        where_in_text = f"record {loc.document}, line {loc.line}, column {loc.column} of its text"
        out.setdefault("message", {"text": f"{where_in_text}: {loc.excerpt}"})
    out["physicalLocation"] = {"artifactLocation": _uri(path), "region": region}
    return out


def _rule(cls) -> dict:
    help_text = cls.page()
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary},
        "fullDescription": {"text": cls.doc() or cls.summary, "markdown": cls.doc() or cls.summary},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[cls.severity]},
        "properties": {"tags": [cls.family(), *cls.groups], "plugin": cls.plugin},
    }


def _result(f: Finding, index: int | None, fingerprint: str, where: FilePositions) -> dict:
    result: dict = {"ruleId": f.code}
    if index is not None:
        result["ruleIndex"] = index
    result.update(level=LEVELS[f.severity], message={"text": f.message}, locations=[_location(f, where)])
    if f.related:
        result["relatedLocations"] = [
            _location(r, where, id=i, message={"text": f"{r.document}, line {r.line}: {r.excerpt}"})
            for i, r in enumerate(f.related, 1)
        ]
    result["partialFingerprints"] = {"factlint/v1": fingerprint}
    properties: dict = {"document": f.document, "rule": f.rule}
    if f.fix:
        properties["fix"] = f.fix
    result["properties"] = properties
    return result


def sarif_log(report: Report, options: dict) -> dict:
    classes = rule_classes(options)
    for code in sorted({f.code for f in report.findings} - set(classes)):
        classes[code] = None  # a finding whose rule is not in the run's registry (e.g. a removed plugin)
    codes = sorted(classes)
    index = {code: i for i, code in enumerate(codes)}
    descriptors = [
        _rule(classes[code]) if classes[code] is not None
        else {"id": code, "shortDescription": {"text": code}, "properties": {"tags": [family(code)]}}
        for code in codes
    ]
    where = FilePositions()
    results = [_result(f, index.get(f.code), fp, where) for f, fp in zip(report.findings, fingerprints(report.findings))]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint", "version": __version__, "semanticVersion": __version__, "rules": descriptors,
            }},
            "invocations": [{"executionSuccessful": True}],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"summary": report.summary.model_dump(mode="json")},
        }],
    }


def format_sarif(report: Report, options: dict) -> str:
    return json.dumps(sarif_log(report, options), indent=2, ensure_ascii=False) + "\n"


@hookimpl
def factlint_formatters():
    return {"sarif": format_sarif}
