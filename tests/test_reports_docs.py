"""Generated documentation is current, and the published workflow and hook definitions make sense."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import yaml

from factlint import cli
from factlint.docsgen import EXAMPLE, FENCES, builtin_rules, extract_schema, format_examples, report_schema, rules_markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
STALE = "is stale: run `python -m factlint.docsgen` and commit the result"


def test_rules_page_is_current():
    assert (DOCS / "rules.md").read_text("utf-8") == rules_markdown(builtin_rules()), f"docs/rules.md {STALE}"


def test_report_schema_is_current():
    published = json.loads((DOCS / "report.schema.json").read_text("utf-8"))
    assert published == report_schema(), f"docs/report.schema.json {STALE}"


def test_extract_schema_is_current_and_describes_every_field():
    published = json.loads((DOCS / "extract.schema.json").read_text("utf-8"))
    assert published == extract_schema(), f"docs/extract.schema.json {STALE}"
    for name, model in published["$defs"].items():
        for field, spec in model["properties"].items():
            if field not in ("kind", "cue_end", "source_end", "content_end"):
                assert spec.get("description"), f"{name}.{field} has no docstring in factlint.models"


def test_extract_output_matches_its_schema(tmp_path):
    import jsonschema
    from click.testing import CliRunner

    (tmp_path / "a.txt").write_text(
        "Over 10,000 troops were sent, officials said on Tuesday.\n\n"
        "It is believed the talks failed. Frankly, the response has been lackluster.\n", "utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00broken")
    result = CliRunner().invoke(cli.main, ["extract", "--format", "json", str(tmp_path)])
    data = json.loads(result.output)
    jsonschema.validate(data, json.loads((DOCS / "extract.schema.json").read_text("utf-8")))
    kinds = {a["kind"] for d in data["documents"] for a in d["assertions"]}
    assert {"quantity", "attribution", "opinion"} <= kinds
    assert any("error" in d for d in data["documents"])


def test_rules_page_covers_every_rule_with_its_documentation():
    rules = builtin_rules()
    page = rules_markdown(rules)
    for code, cls in rules.items():
        assert f"\n## {code} {cls.name}\n" in page
        assert f"| {cls.name} | {cls.severity.value} |" in page


def test_every_format_has_a_page_with_an_example():
    formats = sorted(cli.Registry(()).formatters)
    assert {"table", "json", "sarif", "github", "markdown", "csv", "html"} <= set(formats)
    for name in formats:
        page = (DOCS / "formats" / f"{name}.md").read_text("utf-8")
        if name in FENCES:
            block = EXAMPLE.search(page)
            assert block and block.group(0).count("```") == 2, f"docs/formats/{name}.md has no generated example"
        else:
            assert "../img/report.png" in page and (DOCS / "img" / "report.png").is_file()


def test_generated_examples_render_every_fenced_format():
    """docsgen renders formatters that return their text whole and those that return it in pieces."""
    examples = format_examples(sorted(FENCES))
    for name, block in examples.items():
        assert block.startswith(f"```{FENCES[name]}\n") and block.endswith("```\n")
    assert "seeds/003_924e777c30d92e42.txt" in examples["table"]
    json.loads(examples["json"].split("\n", 1)[1].rsplit("```", 1)[0].split("// lists cut")[0])


def test_github_workflow_uploads_the_sarif_it_writes():
    workflow = yaml.safe_load((DOCS / "github-actions.yml").read_text("utf-8"))
    steps = workflow["jobs"]["factlint"]["steps"]
    command = next(s["run"] for s in steps if "factlint check" in s.get("run", ""))
    args = shlex.split(command)[2:]
    ctx = cli.check.make_context("check", args)
    pairs = dict(zip(ctx.params["formats"], ctx.params["outputs"]))
    assert ctx.params["formats"][-1] == "github" and len(ctx.params["outputs"]) == len(ctx.params["formats"]) - 1
    assert ctx.params["diff_ref"] and ctx.params["fail_on"] == "error"
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == pairs["sarif"]
    assert workflow["permissions"]["security-events"] == "write"


def test_pre_commit_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "factlint" and hook["entry"] == "factlint check" and hook["language"] == "python"
    assert hook["require_serial"] is True
