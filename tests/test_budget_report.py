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


# The item sentences of a budget report's 一般公共预算支出 explanation: last year's execution, this year's
# budget, and the change between them (the figures are invented, each line consistent).
ITEMS = (
    "青山区水务局2026年部门预算\n"
    "四、一般公共预算支出功能分类预算情况说明\n"
    "1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”：上年当年预算执行数为 120.00 万元，"
    "本年预算安排 132.00 万元，比上年执行数增加 12.00 万元，增长 10.0%。主要原因是人员增加。\n"
    "2.“城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）”：上年当年预算执行数为 80.00 万元，"
    "本年预算安排 60.00 万元，比上年执行数减少 20.00 万元，下降 25.0%。\n"
    "3.“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”：2025年预算执行数为 50.00 万元，2026年预算数为 55.00 万元，"
    "比2025年预算执行数增加 5.00 万元，增长 10.0%。\n"
    "4.“住房保障支出（类）住房改革支出（款）住房公积金（项）”2026年预算数为 44.00 万元，比2025年预算增加 4.00 万元，增长 10.0%。\n"
)


def test_last_years_execution_and_this_years_budget_are_read_and_checked():
    result = check_bytes("budget.txt", ITEMS.encode("utf-8"))
    assert result.findings == []
    assert result.claims["change"].checked == 4


@pytest.mark.parametrize(
    "old, new, rule, expected",
    [
        ("比上年执行数增加 12.00", "比上年执行数增加 15.00", "CHG004", "12.00"),  # D = C − B
        ("增长 10.0%。主要", "增长 12.0%。主要", "CHG001", "增长10.0%"),  # E = D ÷ B
        ("本年预算安排 60.00", "本年预算安排 66.00", "CHG004", "14.00"),  # C − B against D
        ("减少 20.00 万元，下降 25.0%", "增加 20.00 万元，下降 25.0%", "CHG002", None),  # 增加 with C below B
        ("比2025年预算执行数增加 5.00 万元，增长 10.0%", "比2025年预算执行数增加 5.00 万元，增长 9.1%", "CHG001", "增长10.0%"),
        ("比2025年预算增加 4.00 万元，增长 10.0%", "比2025年预算增加 4.00 万元，增长 11.0%", "CHG001", "增长10.0%"),
    ],
)
def test_one_wrong_figure_in_an_item_sentence_is_reported_once(old, new, rule, expected):
    assert old in ITEMS
    findings = check_bytes("budget.txt", ITEMS.replace(old, new).encode("utf-8")).findings
    assert [f.rule for f in findings] == [rule]
    if expected is not None:
        assert findings[0].expected == expected


def test_last_year_in_a_budget_report_is_named_last_year_not_the_initial_budget():
    text = ITEMS.replace("增加 4.00 万元，增长 10.0%", "增加 4.00 万元，增长 11.0%")
    [f] = check_bytes("budget.txt", text.encode("utf-8")).findings
    assert "上年" in f.message and "年初预算" not in f.message and "40.00 万元" in f.message


def test_a_change_of_a_total_is_the_sum_of_the_changes_of_its_parts():
    text = (
        "2026年部门预算编制说明\n"
        "支出预算328,661万元，其中：财政拨款支出预算328,661万元，比2025年预算增加115,649万元。财政拨款支出预算中，"
        "一般公共预算拨款支出预算49,376万元，比2025年预算减少5,965万元；政府性基金拨款支出预算279,285.70万元，"
        "比2025年预算增加119,614万元；国有资本经营预算拨款支出预算0万元，比2025年预算增加0万元。\n"
    )
    [f] = [f for f in check_bytes("budget.txt", text.encode("utf-8")).findings if f.rule == "SUM001"]
    assert f.evidence == "115,649万元" and f.expected == "113,649 万元" and "增减额" in f.message
    assert not check_bytes("budget.txt", text.replace("115,649", "113,649").encode("utf-8")).findings
