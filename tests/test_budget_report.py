"""A 部门预算 (budget) report: this year's figures are budgets, compared with last year's budget."""

from pathlib import Path

import pytest

from auditlint.api import check_bytes

TEXT = (Path(__file__).parent / "data" / "budget-2024.txt").read_text(encoding="utf-8")


def check(text):
    return check_bytes("budget-2024.txt", text.encode("utf-8"))


def test_the_consistent_budget_report_is_clean_and_checked():
    result = check(TEXT)
    assert result.findings == []
    assert sum(c.checked for c in result.claims.values()) >= 10


@pytest.mark.parametrize(
    "old, new, rule",
    [
        ("增长6.9%。其中", "增长9.6%。其中", "CHG001"),
        ("事业收入40.00万元", "事业收入44.00万元", "SUM001"),
        ("公务接待费4.60万元", "公务接待费6.40万元", "SUM001"),
        ("下降7.0%", "下降0.7%", "CHG001"),
        ("项目支出340.30万元，占25.8%", "项目支出340.30万元，占28.5%", "PCT001"),
    ],
)
def test_a_slip_in_a_budget_report_is_caught(old, new, rule):
    assert rule in [f.rule for f in check(TEXT.replace(old, new)).findings]


def test_last_years_budget_is_named_as_last_year():
    [f] = [f for f in check(TEXT.replace("增长6.9%。其中", "增长9.6%。其中")).findings if f.rule == "CHG001"]
    assert "上年" in f.message and "年初预算" not in f.message
