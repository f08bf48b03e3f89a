"""The plugin manager: built-in plugins, entry-point plugins, and what they provide."""

from __future__ import annotations

import pkgutil
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import Any

import pluggy

from . import hookspecs
from .config import ConfigError
from .rule import Rule

ENTRY_POINT_GROUP = "factlint"


def builtin_modules() -> list[str]:
    """Modules of the built-in `factlint.plugins` package, in name order."""
    package = import_module("factlint.plugins")
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))


class Registry:
    """Everything the registered plugins provide; built once per run."""

    def __init__(self, disable: list[str] | tuple[str, ...] = (), plugins: list[Any] | tuple[Any, ...] = ()):
        self.pm = pluggy.PluginManager("factlint")
        self.pm.add_hookspecs(hookspecs)
        for name in disable:
            self.pm.set_blocked(name)
        for name in builtin_modules():
            if not self.pm.is_blocked(name):
                self.pm.register(import_module(f"factlint.plugins.{name}"), name=name)
        self.pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        for plugin in plugins:
            self.pm.register(plugin)

    def plugin_name(self, plugin: Any) -> str:
        return self.pm.get_name(plugin) or getattr(plugin, "__name__", repr(plugin))

    def _collect(self, hook: str) -> list[tuple[str, Any]]:
        """(plugin name, result) for each implementation, in registration order (built-ins first)."""
        caller = getattr(self.pm.hook, hook)
        out = []
        for impl in reversed(caller.get_hookimpls()):
            result = impl.function()
            if result:
                out.append((self.plugin_name(impl.plugin), result))
        return out

    @cached_property
    def loaders(self) -> dict[str, hookspecs.Loader]:
        return {k.lower(): v for _, mapping in self._collect("factlint_loaders") for k, v in mapping.items()}

    @cached_property
    def extractors(self) -> list[hookspecs.Extractor]:
        return [e for _, items in self._collect("factlint_extractors") for e in items]

    @cached_property
    def formatters(self) -> dict[str, hookspecs.Formatter]:
        return {k: v for _, mapping in self._collect("factlint_formatters") for k, v in mapping.items()}

    @cached_property
    def default_config(self) -> dict[str, Any]:
        from .config import deep_merge

        merged: dict[str, Any] = {}
        for _, fragment in self._collect("factlint_default_config"):
            merged = deep_merge(merged, fragment)
        return merged

    @cached_property
    def pack_paths(self) -> list[tuple[str, Path]]:
        return [(name, Path(p)) for name, paths in self._collect("factlint_rule_pack_paths") for p in paths]

    def rules(self, extra_packs: list[Path] = ()) -> dict[str, type[Rule]]:
        """Every rule class by code; duplicate codes are a configuration error."""
        from .packs import load_packs

        found: list[tuple[str, type[Rule]]] = []
        for name, classes in self._collect("factlint_rules"):
            for cls in classes:
                if not cls.plugin:
                    cls.plugin = name
                found.append((name, cls))
        for name, path in [*self.pack_paths, *(("config", Path(p)) for p in extra_packs)]:
            found.extend((name, cls) for cls in load_packs(path))
        rules: dict[str, type[Rule]] = {}
        for name, cls in found:
            if cls.code in rules and rules[cls.code] is not cls:
                raise ConfigError(f"rule code {cls.code} is defined twice ({rules[cls.code].plugin} and {name})")
            rules[cls.code] = cls
        return dict(sorted(rules.items()))
