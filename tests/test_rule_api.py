"""The rule API: a rule module imports what it needs from auditlint.rulekit, and nothing else of auditlint."""

from __future__ import annotations

import ast
from pathlib import Path

import auditlint.rulekit as rulekit
from auditlint.extract import extract
from auditlint.sources import read_bytes

RULES = Path(__file__).resolve().parent.parent / "rules"


def _auditlint_imports(path: Path) -> list[str]:
    """Every module of auditlint (or of the rules package, by a relative import) a file imports."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                found.append("." * node.level + (node.module or ""))
            elif node.module and node.module.split(".")[0] == "auditlint":
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name.split(".")[0] == "auditlint")
    return found


def test_rule_modules_import_only_the_rulekit():
    modules = sorted(RULES.glob("*.py"))
    assert len(modules) > 5
    wrong = {p.name: others for p in modules if (others := [m for m in _auditlint_imports(p) if m != "auditlint.rulekit"])}
    assert wrong == {}, "a rule module imports auditlint.rulekit only (add what it needs there)"


def test_the_check_catches_an_import_past_the_rulekit(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text(
        "from auditlint.rulekit import rule\nfrom auditlint.extract.structure import list_key\nfrom .sum import x\nimport auditlint.model\n",
        encoding="utf-8",
    )
    assert _auditlint_imports(module) == ["auditlint.rulekit", "auditlint.extract.structure", ".sum", "auditlint.model"]


def test_what_the_rulekit_exports_exists():
    assert all(hasattr(rulekit, name) for name in rulekit.__all__)
    assert len(set(rulekit.__all__)) == len(rulekit.__all__)


def test_a_figure_copied_with_changes_as_rule_packs_copy_it():
    figure = extract(read_bytes("x.txt", "2023年度部门决算说明\n本年支出合计-1.00万元。\n".encode())).quantities[-1]
    positive = figure.model_copy(update={"value": abs(figure.value)})
    assert (positive.value, positive.unit, positive.start) == (1, "万元", figure.start) and figure.value == -1
