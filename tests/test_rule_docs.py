"""Every rule documents itself with Bad:/Good: examples, and those examples hold (a rule between reports: on the reports)."""

from __future__ import annotations

import pytest

from auditlint.api import cross_check
from auditlint.engine import load_rules
from auditlint.model import Finding

from .conftest import check_text

RULES = load_rules()


def test_every_rule_has_examples_and_a_summary():
    for r in RULES.values():
        ex = r.examples()
        assert ex["bad"] and ex["good"], f"{r.id} needs Bad: and Good: examples in its docstring"
        assert r.summary and r.name == r.name.lower() and " " not in r.name


def _findings(rule_id: str, text: str) -> list[Finding]:
    """The findings on an example: one report, or for a rule between reports, the reports " || " separates."""
    if not RULES[rule_id].cross:
        return check_text(text).findings
    results = [check_text(report, name=f"report-{i}.txt") for i, report in enumerate(text.split(" || "))]
    assert len(results) >= 2, f"{rule_id}: an example of a rule between reports is reports separated by ' || '"
    return [f for r in results for f in r.findings] + cross_check(results).findings


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_bad_example_fires_the_rule(rule_id):
    for text in RULES[rule_id].examples()["bad"]:
        found = [f.rule for f in _findings(rule_id, text)]
        assert rule_id in found, f"{rule_id} should fire on its Bad example: {text}\nfound: {found}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_good_example_is_clean(rule_id):
    for text in RULES[rule_id].examples()["good"]:
        found = _findings(rule_id, text)
        assert found == [], f"{rule_id} Good example should be clean: {text}\nfound: {[f.message for f in found]}"
