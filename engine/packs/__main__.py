"""`python -m factlint.packs` prints the JSON Schema of a rule pack (kept in docs/rule-pack.schema.json)."""

from .schema import json_schema

print(json_schema(), end="")
