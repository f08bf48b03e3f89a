"""Shared test helpers: run the CLI in-process and build small corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def run():
    """Run `factlint ARGS` in-process; returns (exit code, stdout)."""

    def _run(*args: str, stdin: bytes | None = None):
        result = CliRunner().invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=False)
        return result.exit_code, result.stdout

    return _run


@pytest.fixture
def run_json(run):
    def _run(*args: str, stdin: bytes | None = None):
        code, out = run("check", "--format", "json", *args, stdin=stdin)
        return code, json.loads(out)

    return _run
