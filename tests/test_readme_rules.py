"""Both READMEs' tables of rules say what `auditlint rules` says: the same ids, with the same names
(and, in the Chinese README.md, the same Chinese names)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
#: each README and the heading of its table of rules
READMES = {"README.md": "### 规则", "README.en.md": "### Rules"}


def _readme_rules(name: str) -> list[tuple[str, ...]]:
    text = (ROOT / name).read_text(encoding="utf-8")
    table = text.split(READMES[name] + "\n\n", 1)[1].split("\n\n", 1)[0]
    if name == "README.md":  # | 规则 | 名称 | 中文名称 | 检查内容 |
        return re.findall(r"^\| ([A-Z]+\d{3}) \| ([a-z0-9-]+) \| ([^|]+?) \|", table, re.M)
    return re.findall(r"^\| ([A-Z]+\d{3}) \| ([a-z0-9-]+) \|", table, re.M)


@pytest.mark.parametrize("name", sorted(READMES))
def test_readme_lists_every_rule_once_with_its_name(name):
    result = CliRunner().invoke(main, ["rules", "--format", "json", "--isolated"])
    assert result.exit_code == 0, result.output
    rules = [r for r in json.loads(result.output) if r["origin"] == "auditlint"]
    listed = {(r["id"], r["name"], r["name_zh"]) if name == "README.md" else (r["id"], r["name"]) for r in rules}
    rows = _readme_rules(name)
    assert len(rows) == len(set(rows)) > 30
    assert set(rows) == listed
