"""The check command's workflow options: several outputs, --fail-on, --stdin-filename, --diff."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint import cli
from factlint.registry import Registry
from reports_support import ARTICLES, Plugin


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder with the support articles, the test plugin registered, and a clean git identity."""
    monkeypatch.setattr(cli, "Registry", lambda disable=(): Registry(disable, plugins=[Plugin]))
    monkeypatch.chdir(tmp_path)
    for key, value in {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t",
                       "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                       "GIT_COMMITTER_EMAIL": "t@example.org"}.items():
        monkeypatch.setenv(key, value)
    for name, text in ARTICLES.items():
        Path(name).write_text(text, "utf-8")
    Path("factlint.toml").write_text('select = ["QA", "QB", "TXT"]\n', "utf-8")  # the test plugin's rules only
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(cli.main, ["check", *args], input=input, catch_exceptions=False)


def test_several_outputs_in_one_run(corpus):
    result = run("a.txt", "b.txt", "c.txt", "--format", "json", "--output", "r.json", "--format", "html", "--output",
                 "r.html", "--format", "sarif", "--output", "r.sarif", "--format", "csv")
    assert result.exit_code == 1
    data = json.loads(Path("r.json").read_text("utf-8"))
    assert [f["code"] for f in data["findings"]] == ["QA101", "QB201", "QA101"]
    assert len(json.loads(Path("r.sarif").read_text("utf-8"))["runs"][0]["results"]) == 3
    html = Path("r.html").read_text("utf-8")
    assert html.count('class="f fam-') == 3 and "About 6,000 troops" not in html  # highlighted, so split by tags
    assert result.output.splitlines()[0].startswith("document,path,line")  # the last format had no --output: stdout
    assert len(result.output.splitlines()) == 4


def test_more_outputs_than_formats_is_a_usage_error(corpus):
    result = run("a.txt", "--format", "json", "--output", "a.json", "--output", "b.json")
    assert result.exit_code == 2 and "more --output than --format" in result.output


def test_unknown_format_is_a_usage_error(corpus):
    result = run("a.txt", "--format", "pdf")
    assert result.exit_code == 2 and "unknown format 'pdf'" in result.output


@pytest.mark.parametrize(("level", "paths", "code"), [
    ("error", ["a.txt"], 0),      # a warning only
    ("warning", ["a.txt"], 1),
    ("info", ["a.txt"], 1),
    ("never", ["a.txt", "b.txt"], 0),
    ("error", ["a.txt", "b.txt"], 1),  # the cross-article conflict is an error
    ("info", ["c.txt"], 0),       # nothing at all
])
def test_fail_on_gates_the_exit_code(corpus, level, paths, code):
    assert run(*paths, "--fail-on", level, "--format", "json").exit_code == code


def test_fail_on_from_configuration(corpus):
    Path("factlint.toml").write_text('fail_on = "error"\n', "utf-8")
    assert run("a.txt").exit_code == 0
    assert run("a.txt", "--fail-on", "warning").exit_code == 1  # the command line wins


def test_stdin_filename_names_the_document_and_picks_the_loader(corpus):
    draft = "---\ntitle: Draft\ntype: news\n---\n# Draft\n\nSources say the <b>bridge</b> is shut.\n"
    result = run("-", "--stdin-filename", "drafts/bridge.md", "--format", "json", input=draft)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["documents"][0]["id"] == "drafts/bridge.md" and data["documents"][0]["title"] == "Draft"
    [finding] = data["findings"]
    assert draft[finding["start"]:finding["end"]] == "Sources say" and finding["line"] == 7


def test_stdin_text_reaches_the_html_report(corpus):
    result = run("-", "--stdin-filename", "note.txt", "--format", "html", input="Quiet.\nSources say hello.\n")
    assert '<mark class="f fam-QA sev-warning" data-f="0"' in result.output
    assert "Quiet.\n" in result.output


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(corpus):
    """Two commits: a.txt and c.txt in the first; b.txt gains its conflicting figure in the second."""
    _git("init", "-q", "-b", "main")
    Path("b.txt").write_text("Border update\n\nAll quiet.\n", "utf-8")
    Path("feed.jsonl").write_text('{"id": "r1", "text": "Sources say one."}\n{"id": "r2", "text": "Calm."}\n', "utf-8")
    _git("add", ".")
    _git("commit", "-q", "-m", "first")
    Path("b.txt").write_text(ARTICLES["b.txt"], "utf-8")
    Path("feed.jsonl").write_text('{"id": "r1", "text": "Sources say one."}\n{"id": "r2", "text": "Sources say two."}\n', "utf-8")
    _git("commit", "-q", "-am", "second")
    return corpus


def _found(result) -> list[tuple[str, str, int]]:
    return [(f["code"], f["document"], f["line"]) for f in json.loads(result.output)["findings"]]


def test_diff_reports_only_changed_lines_while_corpus_rules_see_everything(repo):
    full = run(".", "--format", "json")
    assert ("QA101", "./a.txt", 5) in _found(full) and ("QA101", "r1", 1) in _found(full)
    result = run(".", "--diff", "HEAD~1", "--format", "json")
    # b.txt's changed line keeps both its findings; the conflict names the unchanged a.txt figure
    assert _found(result) == [("QB201", "./b.txt", 3), ("QA101", "./b.txt", 3), ("QA101", "r2", 1)]
    data = json.loads(result.output)
    assert data["findings"][0]["related"][0]["document"] == "./a.txt"
    assert data["diff"] == {"ref": "HEAD~1", "outside_diff": 2}
    assert data["summary"]["findings"] == {"error": 1, "warning": 2}
    assert {d["id"]: d["findings"] for d in data["documents"]}["./a.txt"] == {}
    assert result.exit_code == 1


def test_diff_sees_the_working_tree_and_untracked_files(repo):
    assert _found(run(".", "--diff", "HEAD", "--format", "json")) == []
    assert run(".", "--diff", "HEAD", "--format", "json").exit_code == 0
    Path("a.txt").write_text(ARTICLES["a.txt"] + "\nSources say again.\n", "utf-8")
    Path("new.txt").write_text("Sources say so.\n", "utf-8")
    assert _found(run(".", "--diff", "HEAD", "--format", "json")) == [("QA101", "./a.txt", 7), ("QA101", "./new.txt", 1)]


def test_diff_errors_are_usage_errors(repo):
    result = run(".", "--diff", "no-such-ref")
    assert result.exit_code == 2 and "'no-such-ref' is not a commit" in result.output
    result = run("-", "--diff", "HEAD", input="text")
    assert result.exit_code == 2 and "standard input" in result.output


def test_diff_outside_a_git_repository(corpus):
    result = run("a.txt", "--diff", "HEAD")
    assert result.exit_code == 2 and "--diff: git rev-parse failed" in result.output
