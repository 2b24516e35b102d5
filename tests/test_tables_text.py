"""Tables written into text, and how their lines are understood: codes, 其中 lines, totals, titles."""

from __future__ import annotations

from .conftest import check_text
from .office import Merged, TableSpec, build_docx
from .test_tables_office import TOTALS, check


def tab(text: str):
    return check_text(text, select=("TAB",))


def test_codes_split_into_class_item_and_section_columns_nest():
    table = (
        "单位：万元\n类 | 款 | 项 | 科目名称 | 决算数\n"
        "208 | | | 社会保障和就业支出 | 30.00\n"
        "| 05 | | 行政事业单位养老支出 | 30.00\n"
        "| | 05 | 机关事业单位基本养老保险缴费支出 | 20.00\n"
        "| | 06 | 机关事业单位职业年金缴费支出 | {x}\n"
    )
    assert tab(table.format(x="10.00")).findings == []
    result = tab(table.format(x="12.00"))
    assert [(f.rule, f.evidence) for f in result.findings] == [("TAB002", "30.00")]
    assert "20805 行政事业单位养老支出（款）应等于其所属项之和" in result.findings[0].message


def test_markdown_tables_lose_their_outer_pipes():
    md = "| 项目 | 决算数 |\n|---|---|\n| 基本支出 | 80.00 |\n| 项目支出 | 20.00 |\n| 合计 | {x} |\n"
    assert tab(md.format(x="100.00")).findings == []
    assert [f.evidence for f in tab(md.format(x="110.00")).findings] == ["110.00"]


def test_other_lines_named_under_a_line_are_not_summed():
    table = (
        "单位：万元\n项目 | 决算数\n一、财政拨款收入 | 100.00\n其中：一般公共预算财政拨款 | 80.00\n"
        "二、其他收入 | 10.00\n本年收入合计 | 110.00\n"
    )
    assert tab(table).findings == []


def test_a_detail_column_is_not_a_sibling_of_the_total():
    table = "单位：万元\n项目 | 本年收入合计 | 财政拨款收入 | 其中：教育收费 | 其他收入\n合计 | 110.00 | 100.00 | 30.00 | 10.00\n"
    result = tab(table)
    assert result.findings == [] and result.claims["table-total"].checked == 1


def test_a_total_named_first_totals_the_lines_below_only_when_it_is_a_bare_total():
    below = "单位：万元\n项目 | 决算数\n合计 | 100.00\n基本支出 | 80.00\n项目支出 | {x}\n"
    assert tab(below.format(x="20.00")).findings == []
    assert [f.evidence for f in tab(below.format(x="25.00")).findings] == ["100.00"]
    # "本年收入合计" first in a partial table totals lines it does not show: nothing to check
    partial = "单位：万元\n项目 | 决算数\n本年收入合计 | 100.00\n年初结转和结余 | 10.00\n"
    assert tab(partial).claims == {}


def test_a_parts_list_declared_in_identities_recovers_a_flattened_hierarchy():
    # 人员经费 and 公用经费 lost their indentation; rules/identities.toml says they make up 基本支出
    table = "单位：万元\n项目 | 决算数\n基本支出 | 90.00\n人员经费 | 80.00\n公用经费 | 10.00\n项目支出 | 10.00\n本年支出合计 | 100.00\n"
    result = tab(table)
    assert result.findings == []
    assert result.claims["table-code"].checked == 1 and result.claims["table-total"].checked == 1


def test_a_rate_written_without_percent_may_be_a_ratio():
    table = "单位：万元\n项目 | 预算数 | 决算数 | 执行率\n栏次 | 1 | 2 | 3=2/1\n总计 | 50.00 | 50.00 | 1\n基本支出 | 50.00 | 50.00 | 100\n"
    assert tab(table).findings == []


def test_a_blank_denominator_is_not_assessable():
    table = "单位：万元\n项目 | 预算数 | 决算数 | 执行率\n栏次 | 1 | 2 | 3=2/1\n结余 | | 3.50 | 0\n"
    result = tab(table)
    assert result.findings == [] and result.claims["table-formula"].not_assessable == 1


def test_placeholders_are_never_figures():
    table = "单位：万元\n项目 | 决算数\n基本支出 | XXX\n项目支出 | XX.XX\n合计 | 100.00\n"
    result = tab(table)
    assert result.findings == [] and result.claims["table-total"].not_assessable == 1


def test_title_and_unit_rows_inside_a_word_table_are_its_caption():
    rows = [[Merged("收入支出决算总表", colspan=4), None, None, None], [Merged("单位：万元", colspan=4), None, None, None], *TOTALS.rows]
    result = check("report.docx", build_docx([TableSpec(rows=rows, title="", unit="")]))
    assert result.findings == []
    assert result.claims["table-identity"].checked == 2  # 收入总计 = 支出总计 needs the 收入 / 支出 sides


def test_amounts_of_another_year_are_not_held_against_this_years_tables():
    text = (
        "示例单位2024年度部门决算（2024年度）\n一、收入支出决算总体情况说明\n"
        "2023年度收入支出总计90.00万元。2024年度收入支出总计{x}万元。上年支出合计80.00万元。本年支出合计100.00万元。\n"
        "收入支出决算总表\n单位：万元\n收入 | | 支出 |\n项目 | 决算数 | 项目 | 决算数\n"
        "本年收入合计 | 100.00 | 本年支出合计 | 100.00\n总计 | 100.00 | 总计 | 100.00\n"
    )
    result = tab(text.format(x="100.00"))
    assert result.findings == [] and result.claims["text-table"].checked == 2
    assert [f.evidence for f in tab(text.format(x="110.00")).findings] == ["110.00万元"]
