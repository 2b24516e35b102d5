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


def test_a_share_of_a_budget_named_with_its_budget_word():
    text = (
        "青山区水务局2024年部门预算\n"
        "2024年支出预算总额为5,600.00万元，其中：基本支出2,100.00万元，项目支出3,500.00万元。\n"
        "2024年实行绩效目标管理的项目28个，涉及资金3,300.00万元，占项目支出预算的100%。\n"
    )
    [f] = [f for f in check_bytes("budget.txt", text.encode("utf-8")).findings if f.rule == "PCT001"]
    assert "3,500.00" in f.message
    assert not check_bytes("budget.txt", text.replace("3,300.00", "3,500.00").encode("utf-8")).findings


def test_in_a_final_account_a_budget_is_not_the_final_figure():
    # a 决算 report: 项目支出预算 is not the 项目支出 spent
    text = (
        "青山区水务局2023年度部门决算\n"
        "2023年度支出合计5,600.00万元，其中：基本支出2,100.00万元，项目支出3,500.00万元。\n"
        "实行绩效目标管理的项目28个，涉及资金3,300.00万元，占项目支出预算的100%。\n"
    )
    assert not [f for f in check_bytes("final.txt", text.encode("utf-8")).findings if f.rule == "PCT001"]


def test_a_budget_compared_with_last_years_budget_by_its_year():
    text = "青山区水务局2024年部门预算\n2024年一般公共预算当年拨款5,000.00万元，比2023年预算数减少250.00万元，下降5.8%。\n"
    [f] = [f for f in check_bytes("budget.txt", text.encode("utf-8")).findings if f.rule == "CHG001"]
    assert "上年数应为 5,250.00 万元" in f.message and f.expected == "下降4.8%"


def test_a_first_line_of_text_is_not_a_title():
    # one sentence, no title: "比年初预算" keeps its meaning
    text = "一般公共服务支出478,297.24元，比年初预算减少97,121.12元，下降19.9%。"
    [f] = [f for f in check_bytes("one.txt", text.encode("utf-8")).findings if f.rule == "CHG001"]
    assert "年初预算应为" in f.message
