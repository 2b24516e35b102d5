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


# ----------------------------------------------------------------------------- in Chinese first

BUILT_IN = sorted(r.id for r in RULES.values() if r.origin == "auditlint")


def _chinese(text: str, least: int = 4) -> bool:
    """Written in Chinese: at least `least` Chinese characters, and a quarter of the text or more."""
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= max(least, len(text) // 4)


@pytest.mark.parametrize("rule_id", BUILT_IN)
def test_every_rule_says_in_chinese_what_it_checks_and_why(rule_id):
    r = RULES[rule_id]
    zh, en = r.explanation("zh"), r.explanation("en")
    assert _chinese(zh["checks"]) and _chinese(zh["why"]), f"{rule_id} needs 检查：and 原因：sections in Chinese in its docstring"
    assert en["checks"] and en["why"], f"{rule_id} keeps its English Checks: and Why: sections"
    assert "检查" not in en["checks"] and "Checks" not in zh["checks"]  # each section ends where the next begins


def test_every_rule_has_a_short_chinese_name_of_its_own():
    names = {rule_id: RULES[rule_id].name_zh for rule_id in BUILT_IN}
    for rule_id, name in names.items():
        assert name and _chinese(name, least=2) and len(name) <= 14, f"{rule_id} needs name_zh=… in @rule: a short Chinese name"
    assert len(set(names.values())) == len(names), "two rules share a Chinese name"


def test_sections_are_cut_at_their_heads():
    from auditlint.engine import Rule, Severity

    doc = "总数不符。\n\n检查：总数\n等于各项之和。\n原因：读者引用总数。\n\nChecks: the total\nequals its parts.\n\nWhy: readers quote it.\n\nBad:  甲\nGood: 乙"
    r = Rule(id="ZZZ001", name="x", severity=Severity.ERROR, summary="总数不符。", doc=doc, fixable=False, check=lambda d: iter(()))
    assert r.explanation("zh") == {"checks": "总数\n等于各项之和。", "why": "读者引用总数。"}
    assert r.explanation("en") == {"checks": "the total\nequals its parts.", "why": "readers quote it."}
    assert r.examples() == {"bad": ["甲"], "good": ["乙"]}
