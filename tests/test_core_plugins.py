"""The plugin API: hooks documented, third-party plugins found by entry point, failures contained."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from factlint import Rule, hookimpl, hookspecs
from factlint.config import Config
from factlint.document import Document
from factlint.pipeline import Engine
from factlint.registry import Registry

HOOKS = [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("factlint_")]


def test_every_hook_has_a_docstring_and_a_documented_section():
    doc = (REPO / "docs" / "plugin-hooks.md").read_text("utf-8")
    assert len(HOOKS) >= 6
    for name in HOOKS:
        fn = getattr(hookspecs, name)
        assert fn.__doc__ and "firstresult" in fn.__doc__.lower(), name
        assert f"## {name}" in doc, f"{name} is not documented in docs/plugin-hooks.md"


@pytest.fixture(scope="module")
def installed_example(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target",
         str(target), str(REPO / "tests" / "example_plugin")],
        check=True, capture_output=True,
    )
    return target


def _factlint(site: Path, *args: str, cwd: Path | None = None):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "factlint", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_installed_plugin_rule_in_rules_and_report(installed_example, tmp_path):
    listing = _factlint(installed_example, "rules")
    assert "EXA001" in listing.stdout and "example" in listing.stdout
    story = tmp_path / "story.txt"
    story.write_text('Democrats slammed the bill. "They slammed us," he said.\n')
    result = _factlint(installed_example, "check", "--format", "json", "--select", "EXA", str(story))
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["start"]) for f in findings] == [("EXA001", 10)]
    assert result.returncode == 1


def test_plugins_can_be_disabled(installed_example, tmp_path):
    (tmp_path / "factlint.toml").write_text('disable_plugins = ["example"]\n')
    listing = _factlint(installed_example, "rules", cwd=tmp_path)
    assert listing.returncode == 0 and "EXA001" not in listing.stdout


class Exploding(Rule):
    """Raises on purpose.

    ## What it flags
    Nothing.

    ## Why it matters
    Tests that a crash is contained.
    """

    code = "TST001"
    name = "exploding"
    summary = "Raises"

    def check(self, doc):
        raise RuntimeError("boom")


class _Plugin:
    @hookimpl
    def factlint_rules(self):
        return [Exploding]


def test_a_crashing_rule_becomes_an_error_finding():
    engine = Engine(Config(select=["TST", "TXT"]), Registry(plugins=[_Plugin()]))
    docs = [Document(id="a", text="One.\n"), Document(id="b", text="Two.\n")]
    report = engine.check(docs)
    assert [(f.code, f.document) for f in report.findings] == [("TXT900", "a"), ("TXT900", "b")]
    assert "TST001" in report.findings[0].message and "RuntimeError: boom" in report.findings[0].message


class EveryArticle(Rule):
    """Flags every word "Article", reading the raw text on purpose.

    ## What it flags
    The word "Article".

    ## Why it matters
    Tests that the engine keeps content rules out of page furniture.
    """

    code = "TST002"
    name = "every-article"
    summary = "Article"

    def check(self, doc):
        start = doc.text.find("Article")
        while start >= 0:
            yield self.finding(doc, start, start + 7, "article")
            start = doc.text.find("Article", start + 1)


class _RawPlugin:
    @hookimpl
    def factlint_rules(self):
        return [EveryArticle]


def test_content_rules_never_fire_inside_page_furniture():
    engine = Engine(Config(select=["TST", "TXT101"]), Registry(plugins=[_RawPlugin()]))
    text = "Article 5 was invoked on Monday, officials said.\n\nPrevious Article\n\nMarkets Rally Again\n"
    report = engine.check([Document(id="a", text=text)])
    assert [(f.code, f.start) for f in report.findings] == [("TST002", 0), ("TXT101", 50), ("TXT101", 68)]


def test_every_subpackage_is_listed_for_a_non_editable_install():
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    roots = {"factlint": REPO / "engine", "factlint.plugins": REPO / "plugins", "factlint.rules": REPO / "rules"}
    found = set()
    for name, root in roots.items():
        found |= {".".join([name, *p.parent.relative_to(root).parts]) for p in root.rglob("__init__.py")}
    assert found == listed
