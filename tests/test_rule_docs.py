"""Every rule documents itself with Bad:/Good: examples, and those examples hold."""

from __future__ import annotations

import pytest

from auditlint.engine import load_rules

from .conftest import check_text, rules_of

RULES = load_rules()


def test_every_rule_has_examples_and_a_summary():
    for r in RULES.values():
        ex = r.examples()
        assert ex["bad"] and ex["good"], f"{r.id} needs Bad: and Good: examples in its docstring"
        assert r.summary and r.name == r.name.lower() and " " not in r.name


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_bad_example_fires_the_rule(rule_id):
    for text in RULES[rule_id].examples()["bad"]:
        found = rules_of(check_text(text))
        assert rule_id in found, f"{rule_id} should fire on its Bad example: {text}\nfound: {found}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_good_example_is_clean(rule_id):
    for text in RULES[rule_id].examples()["good"]:
        result = check_text(text)
        assert result.findings == [], f"{rule_id} Good example should be clean: {text}\nfound: {[f.message for f in result.findings]}"
