"""XREF rules: the same figure, rate, score or count stated twice — and the near-misses that are not the same."""

from __future__ import annotations

from auditlint.extract import extract
from auditlint.sources import read_bytes

from .conftest import check_text


def found(text: str, rule: str = "XREF001") -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in check_text(text, select=(rule,)).findings]


def mentions(text: str) -> list[tuple[str, str, str]]:
    d = extract(read_bytes("report.txt", text.encode()))
    return [(m.item, m.basis, m.fact.quantity.text.strip()) for m in d.mentions]


EXPLANATION = "2023年度支出合计612.30万元，其中：基本支出420.10万元，项目支出192.20万元。\n"
WHOLE = (
    "一、部门整体绩效评价报告\n（一）部门整体绩效目标完成情况\n"
    "本部门2023年度调整后的预算数为634.50万元，包括基本支出432.30万元，项目支出202.20万元。"
    "2023年实际支出{actual}万元，包括基本支出420.10万元，项目支出192.20万元，执行率{rate}%。\n"
)


def test_figures_are_tied_to_their_line_item_and_basis():
    got = mentions(EXPLANATION + WHOLE.format(actual="612.30", rate="96.50"))
    assert ("本年支出合计", "actual", "612.30万元") in got
    assert ("本年支出合计", "调整", "634.50万元") in got
    assert ("项目支出", "调整", "202.20万元") in got
    assert ("本年支出合计", "rate:", "96.50%") in got


def test_the_whole_departments_spending_stated_twice():
    result = found(EXPLANATION + WHOLE.format(actual="598.30", rate="94.29"))
    assert len(result) == 1 and "实际支出 598.30 万元" in result[0][1] and "612.30 万元" in result[0][1]


def test_an_execution_rate_stated_twice():
    text = EXPLANATION + WHOLE.format(actual="612.30", rate="96.50") + "（二）自评结果\n本部门部门整体执行率100.0%。"
    result = found(text)
    assert len(result) == 1 and "执行率 100.0%" in result[0][1]


def test_budget_and_final_figures_are_different_quantities():
    text = EXPLANATION + WHOLE.format(actual="612.30", rate="96.50")
    assert found(text) == []  # 634.50 (调整预算) against 612.30 (实际支出) is no contradiction


def test_a_fiscal_grant_total_is_not_the_departments_total():
    text = EXPLANATION + "2023年度一般公共预算财政拨款支出580.00万元，其中：基本支出400.00万元，项目支出180.00万元。"
    assert found(text) == []


def test_a_sub_item_of_basic_spending_is_not_basic_spending():
    text = EXPLANATION + "使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出，合计57.01万元。"
    assert found(text) == []


def test_last_years_figure_is_not_this_years():
    text = EXPLANATION + "2022年度支出合计540.20万元。上年项目支出150.00万元。"
    assert found(text) == []


def test_funds_named_by_what_they_cover():
    text = EXPLANATION + WHOLE.format(actual="612.30", rate="96.50") + "本部门对1个部门开展整体支出绩效自评，资金192.20万元。"
    result = found(text)
    assert len(result) == 1 and "资金 192.20 万元" in result[0][1]


def test_funds_of_part_of_the_projects_need_not_match_the_total():
    text = EXPLANATION + "本部门选取2个重点项目开展项目支出绩效评价，涉及金额80.00万元。"
    assert found(text) == []


def test_the_same_total_score_stated_twice():
    text = "本部门对项目支出全面开展绩效自评，绩效自评得分91.5分。\n附件\n本部门项目支出绩效自评报告绩效评价综合得分 96 分。"
    assert len(found(text, "XREF002")) == 1


def test_scores_of_different_projects_are_different_scores():
    text = "（一）甲项目绩效自评综合得分 91 分。\n（二）乙项目绩效自评综合得分 96 分。"
    assert found(text, "XREF002") == []


def test_a_named_event_counted_twice():
    text = "举办“青少年科学节”主题活动 8 场。\n全年举办“青少年科学节”12 场次，参与学生2000余人次。"
    result = found(text, "XREF003")
    assert len(result) == 1 and result[0][0] == 2


def test_named_events_of_other_years_or_approximate_counts():
    assert found("2023年度工作报告\n2023年度举办“青少年科学节”8 场。2022年“青少年科学节”举办 6 场。", "XREF003") == []
    assert found("举办“青少年科学节”8 场。“青少年科学节”近 10 场。", "XREF003") == []


def test_one_project_larger_than_all_projects():
    text = EXPLANATION + "科普场馆改造项目预算2,300,000.00元，用于展厅改造。"
    result = found(text, "XREF004")
    assert len(result) == 1 and "230" in result[0][1] or "2,300,000.00" in result[0][1]
    assert found(EXPLANATION + "科普场馆改造项目预算1,300,000.00元。", "XREF004") == []


def test_a_count_for_the_whole_district_is_not_the_units_own():
    text = "举办“青少年科学节”主题活动 8 场。\n全区开展“青少年科学节”活动 30 场。"
    assert found(text, "XREF003") == []


def test_the_year_a_figure_belongs_to_is_the_last_one_named_before_it():
    base = EXPLANATION + "本部门项目支出共涉及项目6个，占全部项目6个的100%。\n"
    assert found(base + "2022年度，本部门项目支出168.40万元。") == []
    result = found(base + "2024年，本部门对2023年度项目支出开展绩效自评，评价项目6个，涉及金额150.00万元。")
    assert len(result) == 1 and "资金 150.00 万元" in result[0][1]


def test_rates_against_different_budgets_are_different_rates():
    text = EXPLANATION + WHOLE.format(actual="612.30", rate="96.50") + "（二）预算执行\n完成年初预算的 102.8%，执行率 96.50%。"
    assert ("本年支出合计", "rate:年初", "102.8%") in mentions(text)
    assert found(text) == []
