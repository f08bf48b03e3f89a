"""The pre-commit hook: a repository whose .pre-commit-config.yaml uses this checkout as a local-path repo.

pre-commit builds the hook's environment from this repository at HEAD (so this
tests committed code), with pip and the package indexes the machine is set up
with; PRE_COMMIT_HOME is a temporary folder, so nothing is reused between runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reports_support import PACK

ROOT = Path(__file__).resolve().parent.parent

if not (ROOT / ".git").exists():
    pytest.skip("not a git checkout: pre-commit needs a commit of this repository", allow_module_level=True)



def test_commit_with_a_finding_fails_and_a_clean_one_passes(tmp_path):
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    assert pre_commit, "pre-commit is a test dependency (pip install -e '.[test]')"
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("VIRTUAL_ENV", None)
    repo = tmp_path / "newsroom"
    repo.mkdir()

    def sh(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=repo, env=env, check=check, capture_output=True, text=True)

    sh("git", "init", "-q", "-b", "main")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: factlint\n", "utf-8")
    (repo / "factlint.toml").write_text('rule_packs = ["house.toml"]\nselect = ["QA"]\n', "utf-8")
    (repo / "house.toml").write_text(PACK, "utf-8")
    sh("git", "add", ".")
    sh("git", "commit", "-q", "-m", "setup")
    sh(pre_commit, "install")

    (repo / "clean.md").write_text("# Bridge\n\nThe mayor said the bridge is shut.\n", "utf-8")
    sh("git", "add", "clean.md")
    ok = sh("git", "commit", "-m", "clean article", check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "factlint....." in ok.stderr and "Passed" in ok.stderr

    (repo / "draft.md").write_text("# Bridge\n\nSources say the bridge is shut.\n", "utf-8")
    sh("git", "add", "draft.md")
    bad = sh("git", "commit", "-m", "vague article", check=False)
    assert bad.returncode != 0
    output = bad.stdout + bad.stderr
    assert "Failed" in output and "QA101" in output and "draft.md" in output and "clean.md" not in output
    assert sh("git", "rev-list", "--count", "HEAD").stdout.strip() == "2"  # the bad commit did not happen
