"""The whole-document extraction and rules survive any text: no internal errors, whatever the numbering."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import check_text

PIECES = [
    "一、", "二、", "十一、", "（一）", "（二）", "(3)", "1.", "2、", "1.1 ", "1.4 ", "①", "㈡", "第二部分", "目录", "附件：",
    "年度目标 3 的产出指标", "得分为 ", "满分 ", "分，", "综合得分 ", "执行情况得分 ", "100", "97.5", "0", "12",
    "万元", "元", "%", "执行率", "支出合计", "项目支出", "全年预算数", "实际支出", "调整后的预算数为", "资金", "整体支出",
    "“活动”", "场", "场次", "次：", "、", "，", "。", "：", "\n", "XXX", "（部门全称）", "增加（减少）", "请核实",
    "2021年度", "2022年", "11月21日", "委托意见", "举办单位意见", "编制6名，实际", "人", "公务用车保有量", "辆",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=80))
def test_no_internal_errors_on_any_arrangement(pieces):
    result = check_text("".join(pieces), select=("DOC", "SCORE", "COUNT", "XREF"))
    assert result.error_code in (None, "not-a-disclosure")  # blank text is refused, never a crash
    assert result.internal_errors == []
