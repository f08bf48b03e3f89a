"""Configuration: discovery, precedence, overrides, and exit 2 with file and key on errors."""

from __future__ import annotations

import json

import pytest

from factlint.config import ConfigError, find_config, load_config

FURNITURE = "Troops crossed the border.\n\nPrevious Article\n\nMarkets Rally Again\n"


def test_found_upward_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nselect = ['TXT']\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert load_config(find_config(deep), {}, {}).select == ["TXT"]


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n")
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path


def test_cli_wins_over_file_over_defaults(tmp_path):
    cfg = tmp_path / "factlint.toml"
    cfg.write_text("fail_on = 'error'\nselect = ['SRC']\n")
    config = load_config(cfg, {"fail_on": "info", "jobs": 3}, {"select": ["NUM"], "fail_on": None})
    assert (config.fail_on, config.select, config.jobs) == ("error", ["NUM"], 3)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("fail_on = 'sometimes'\n", "factlint.toml:1: fail_on"),
        ("\n\nbogus_key = 1\n", "factlint.toml:3: bogus_key"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_invalid_config_names_file_line_and_key(tmp_path, body, needle):
    cfg = tmp_path / "factlint.toml"
    cfg.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(cfg, {}, {})
    assert needle in str(err.value)


def test_cli_exit_2_on_bad_config(run, tmp_path):
    cfg = tmp_path / "factlint.toml"
    cfg.write_text("[severity]\nTXT101 = 'loud'\n")
    (tmp_path / "a.txt").write_text(FURNITURE)
    code, _ = run("check", tmp_path / "a.txt", "--config", cfg)
    assert code == 2


def test_unknown_rule_in_config_exits_2(run, tmp_path):
    cfg = tmp_path / "factlint.toml"
    cfg.write_text("[rules.ZZZ999]\nthreshold = 1\n")
    (tmp_path / "a.txt").write_text(FURNITURE)
    assert run("check", tmp_path / "a.txt", "--config", cfg)[0] == 2


def test_severity_and_per_path_overrides(run, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "news" / "a.txt").write_text(FURNITURE)
    (tmp_path / "drafts" / "b.txt").write_text(FURNITURE)
    cfg = tmp_path / "factlint.toml"
    cfg.write_text("select = ['TXT']\n[severity]\nTXT101 = 'warning'\n\n[[overrides]]\npaths = ['drafts/*']\nignore = ['TXT101']\n")
    code, out = run("check", "--format", "json", tmp_path, "--config", cfg)
    findings = json.loads(out)["findings"]
    assert code == 1
    assert {(f["document"].split("/")[-2], f["severity"]) for f in findings} == {("news", "warning")}


def test_pyproject_errors_name_the_line_of_the_key(tmp_path):
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text("[project]\nname = 'x'\n\n[tool.factlint]\nselect = ['NUM']\njobs = -3\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg, {}, {})
    assert "pyproject.toml:6: jobs" in str(err.value)
