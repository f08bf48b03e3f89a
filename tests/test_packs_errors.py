"""An invalid pack stops the run with exit 2, naming file, line and key of every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint import check_texts
from factlint.cli import main
from factlint.config import ConfigError
from factlint.packs import pack_lists, read_pack

INVALID = Path(__file__).resolve().parent / "packs" / "invalid"


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """The line number of the nth line of `path` that contains `needle`."""
    hits = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line]
    return hits[nth - 1]


def check(path: Path) -> tuple[int, list[str]]:
    """`factlint rules --check PATH`: exit code and the lines it printed on stderr."""
    result = CliRunner().invoke(main, ["rules", "--check", str(path)])
    return result.exit_code, result.stderr.removeprefix("factlint: ").splitlines()


def test_toml_syntax_error_names_the_line():
    path = INVALID / "syntax.toml"
    code, errors = check(path)
    assert code == 2
    assert errors == [f"{path}:{line_of(path, 'tokens = ')}: invalid TOML: Unclosed array"]


def test_every_schema_problem_is_reported_with_its_line_and_key():
    path = INVALID / "schema.toml"
    code, errors = check(path)
    assert code == 2
    assert errors == [
        f"{path}:{line_of(path, 'versoin')}: pack.versoin: unknown key; did you mean `version`?",
        f"{path}:{line_of(path, '[[rules]]', 1)}: rules[0] (BAD201).tokens: required key is missing",
        f"{path}:{line_of(path, 'tokns')}: rules[0] (BAD201).tokns: "
        "unknown key for kind `existence`; did you mean `tokens`?",
        f"{path}:{line_of(path, 'critical')}: rules[1] (BAD202).severity: "
        "Input should be 'info', 'warning' or 'error' (got 'critical')",
        f"{path}:{line_of(path, 'maybe')}: rules[1] (BAD202).examples[1].fails: "
        "Input should be a valid boolean, unable to interpret input (got 'maybe')",
        f"{path}:{line_of(path, '[[rules]]', 3)}: rules[2].code: required key is missing",
        f"{path}:{line_of(path, 'regex')}: rules[3] (BAD204).kind: "
        "'regex' is not one of existence, pattern, substitution, occurrence, conditional, consistency",
        f"{path}:{line_of(path, '[[rules]]', 5)}: rules[4] (BAD205): "
        "give exactly one of `max` and `max_per_1000_words`",
    ]


def test_patterns_that_do_not_compile_name_their_line():
    path = INVALID / "pattern.toml"
    code, errors = check(path)
    assert code == 2
    assert errors == [
        f"{path}:{line_of(path, '[unclosed')}: rules[0] (BAD101).exceptions[1]: "
        "pattern does not compile: unterminated character set at position 9",
        f"{path}:{line_of(path, 'pattern = ')}: rules[1] (BAD102).pattern: "
        "pattern does not compile: missing ) at position 29",
    ]


def test_unknown_lists_placeholders_and_duplicate_codes():
    path = INVALID / "reference.toml"
    code, errors = check(path)
    assert code == 2
    assert errors == [
        f"{path}:{line_of(path, 'pattern = ')}: rules[0] (BAD301).pattern: \\L<verb> names no list in [lists]",
        f"{path}:{line_of(path, 'message = ')}: rules[1] (BAD302).message: "
        "unknown placeholder {suggestion}; this rule offers {match}, {phrase}",
        f"{path}:{line_of(path, 'BAD301', 2)}: rules[2] (BAD301).code: code BAD301 is used twice in this pack",
    ]


def test_examples_that_do_not_hold_fail_the_check():
    path = INVALID / "examples.toml"
    code, errors = check(path)
    assert code == 2
    assert errors == [
        f"{path}:{line_of(path, 'Critics slammed')}: rules[0] (BAD401).examples[1]: should pass, but the rule "
        "flagged “slammed”: An example that does not hold: “slammed”",
        f"{path}:{line_of(path, '[[rules]]', 2)}: rules[1] (BAD402).examples: "
        "give at least one example that fails and one that passes",
    ]


def test_a_folder_of_valid_packs_checks_clean(tmp_path):
    packs = Path(__file__).resolve().parent / "packs"
    for name in ("house.toml", "slow.toml"):
        (tmp_path / name).write_text((packs / name).read_text("utf-8"), "utf-8")
    result = CliRunner().invoke(main, ["rules", "--check", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    rules = [rule for name in ("house.toml", "slow.toml") for rule in read_pack(packs / name).rules]
    examples = sum(len(rule.examples) for rule in rules)
    summary = f"{tmp_path}: 2 pack(s), {len(rules)} rules, {examples} examples: valid, every example holds\n"
    assert result.stdout == summary


def test_missing_and_empty_paths_exit_2(tmp_path):
    missing = tmp_path / "nope.toml"
    assert check(missing) == (2, [f"{missing}: cannot read rule pack: No such file or directory"])
    assert check(tmp_path) == (2, [f"{tmp_path}: no *.toml rule packs here"])


@pytest.mark.parametrize("name", ["syntax", "schema", "pattern", "reference"])
def test_an_invalid_pack_in_the_configuration_stops_check_with_exit_2(tmp_path, name):
    config = tmp_path / "factlint.toml"
    config.write_text(f'rule_packs = ["{INVALID / name}.toml"]\n', "utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Officials slammed the plan.\n", "utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(text)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"factlint: {INVALID / name}.toml:")
    with pytest.raises(ConfigError):
        check_texts({"t": "x"}, config={"rule_packs": [str(INVALID / f"{name}.toml")]})


def test_read_pack_and_pack_lists_report_problems_too():
    with pytest.raises(ConfigError, match=r"reference\.toml:\d+: rules\[2\] \(BAD301\)\.code"):
        read_pack(INVALID / "reference.toml")
    with pytest.raises(ConfigError, match=r"schema\.toml:3: pack\.versoin"):
        pack_lists(INVALID / "schema.toml")


def test_missing_pack_table_and_kind(tmp_path):
    path = tmp_path / "bare.toml"
    path.write_text('\n[[rules]]\ncode = "X001"\n', "utf-8")
    assert check(path) == (2, [
        f"{path}:1: pack: required key is missing",
        f"{path}:2: rules[0] (X001): key `kind` is missing: one of "
        "existence, pattern, substitution, occurrence, conditional, consistency",
    ])
