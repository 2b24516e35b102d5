"""TAB009: the items a text lists as spent on, against the basic expenditure table — in every layout."""

from __future__ import annotations

from tests.conftest import check_text

TABLE = (
    "一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类科目编码 | 科目名称 | 决算数\n"
    "30101 | 基本工资 | 10.00\n30102 | 津贴补贴 | 5.00\n30103 | 奖金 | \n30107 | 绩效工资 | 3.00\n"
)


def _tab009(text: str):
    return check_text(TABLE + text, select=("TAB009",)).findings


def test_an_item_blank_in_the_table_is_found():
    found = _tab009("人员经费 18.00 万元，主要包括：基本工资、津贴补贴、奖金、绩效工资。\n")
    assert [f.evidence for f in found] == ["奖金"]


def test_a_letter_spaced_list_is_read_as_the_same_list():
    # WPS letter-spacing of justified lines: "主 要 包 括 ：" and items spaced and wrapped
    found = _tab009("人 员 经 费 18.00 万 元 ， 主 要 包 括 ： 基 本 工 资 、 津 贴 补 贴 、 奖\n金 、 绩 效 工 资 。\n")
    assert len(found) == 1 and "30103 奖金" in found[0].message


def test_a_list_of_items_the_table_holds_passes_in_any_spacing():
    assert _tab009("人 员 经 费 18.00 万 元 ， 主 要 包 括 ： 基 本 工 资 、 津 贴 补 贴 、 绩 效 工 资 。\n") == []
