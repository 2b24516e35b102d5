"""README's table of rules says what `auditlint rules` says: the same ids, with the same names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from auditlint.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_rules() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    table = text.split("### Rules", 1)[1].split("\n\n", 2)[1]
    return re.findall(r"^\| ([A-Z]+\d{3}) \| ([a-z0-9-]+) \|", table, re.M)


def test_readme_lists_every_rule_once_with_its_name():
    result = CliRunner().invoke(main, ["rules", "--format", "json", "--isolated"])
    assert result.exit_code == 0, result.output
    listed = {(r["id"], r["name"]) for r in json.loads(result.output) if r["origin"] == "auditlint"}
    rows = _readme_rules()
    assert len(rows) == len(set(rows)) > 30
    assert set(rows) == listed
