"""What `pip install .` installs: every package of the source tree, so an installed auditlint imports what a checkout does."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_source_tree_is_installed():
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    declared = set(setup["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "auditlint").rglob("__init__.py")}
    assert found - declared == set(), "packages missing from [tool.setuptools] packages in pyproject.toml"
    assert "auditlint.rules" in declared and setup["package-dir"]["auditlint.rules"] == "rules"
