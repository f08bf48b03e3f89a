"""Built-in declarative rule packs (the TOML files beside this one); see docs/rule-packs.md."""
