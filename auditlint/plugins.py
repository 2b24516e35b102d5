"""Where rules come from: the built-in rules/ package, entry points, and --rules-dir folders."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def builtin_rules_package() -> ModuleType:
    """The built-in rules, installed as auditlint.rules (from the repository's top-level rules/)."""
    try:
        return importlib.import_module("auditlint.rules")
    except ModuleNotFoundError:
        # Running from a source checkout without installing: rules/ sits beside auditlint/.
        folder = Path(__file__).resolve().parent.parent / "rules"
        spec = importlib.util.spec_from_file_location(
            "auditlint.rules", folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        if spec is None or spec.loader is None:  # pragma: no cover
            raise
        module = importlib.util.module_from_spec(spec)
        sys.modules["auditlint.rules"] = module
        spec.loader.exec_module(module)
        return module


def builtin_rules_dir() -> Path:
    return Path(next(iter(builtin_rules_package().__path__)))
