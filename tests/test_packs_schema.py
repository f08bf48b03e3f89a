"""The JSON Schema in docs/ is the pydantic schema's, accepts every valid pack, and every key is documented."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from factlint.packs.schema import RULE_MODELS, Pack, PackExample, PackMeta, json_schema

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "docs" / "rule-pack.schema.json"
DOC = REPO / "docs" / "rule-packs.md"
VALID = sorted((REPO / "rules").glob("*.toml")) + sorted((REPO / "tests" / "packs").glob("*.toml"))


def test_json_schema_file_is_up_to_date():
    assert SCHEMA.read_text("utf-8") == json_schema(), "run: python -m factlint.packs > docs/rule-pack.schema.json"


@pytest.mark.parametrize("pack", VALID, ids=lambda p: p.stem)
def test_json_schema_accepts_valid_packs(pack):
    jsonschema.validate(tomllib.loads(pack.read_text("utf-8")), json.loads(SCHEMA.read_text("utf-8")))


def test_json_schema_rejects_what_pydantic_rejects():
    schema = json.loads(SCHEMA.read_text("utf-8"))
    bad = tomllib.loads((REPO / "tests" / "packs" / "invalid" / "schema.toml").read_text("utf-8"))
    errors = " ".join(str(e.message) for e in jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert "'versoin' was unexpected" in errors




def test_every_key_is_documented():
    keys = set(Pack.model_fields) | set(PackMeta.model_fields) | set(PackExample.model_fields)
    for model in RULE_MODELS.values():
        keys |= set(model.model_fields)
    text = DOC.read_text("utf-8")
    missing = sorted(k for k in keys if not any(f"`{form}`" in text for form in (k, f"[{k}]", f"[[{k}]]")))
    assert not missing, f"docs/rule-packs.md does not describe: {missing}"
