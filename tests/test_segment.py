"""Segmentation: every line read once as heading, paragraph, table, contents or page furniture.

The texts here are written the way PDF text extraction gives a report: tables
flattened into space-separated rows, labels wrapped above and below their row,
page breaks as form feeds. The figures are invented.
"""

from __future__ import annotations

from auditlint.model import Block, Document
from auditlint.segment import segment
from auditlint.segment.placement import RowPlacements, bounds, candidates, column_sums, settled
from auditlint.tables.grid import understand
from tests.conftest import check_text, rules_of

EXPENSE_TABLE = """支出决算表
单位：万元
项目
本年支出合计 基本支出 项目支出 上缴上级支出 经营支出
功能分类
科目名称
科目编码
合计 1,150.00 850.00 300.00
201 一般公共服务支出 400.00 250.00 150.00
20103 政府办公厅（室）及相关机构事务 400.00 250.00 150.00
2010301 行政运行 250.00 250.00
2010302 一般行政管理事务 150.00 150.00
其他城乡社区管理
212 750.00 600.00 150.00
事务支出
21201 城乡社区管理事务 750.00 600.00 150.00
2120101 行政运行 600.00 600.00
2120199 其他城乡社区管理事务支出 150.00 150.00
注：本表反映部门本年度各项支出情况。
"""


def _document(text: str) -> Document:
    return Document(path="report.txt", format="txt", text=text, content=text, blocks=[Block(kind="text", start=0, end=len(text))])


def _kinds(text: str) -> dict[str, str]:
    doc = _document(text)
    return {doc.text[a:b].strip(): kind for a, b, kind in segment(doc).lines if doc.text[a:b].strip()}


def _only_table(text: str):
    doc = _document(text)
    tables = segment(doc).tables
    assert len(tables) == 1, [t.name for t in tables]
    return tables[0]


def _row(table, code_or_label: str) -> list[str]:
    for row in table.rows:
        texts = [("?" + c.text if c.unknown else c.text) if c is not None else "" for c in row]
        if code_or_label in texts[:2]:
            return texts
    raise AssertionError(f"no row {code_or_label}")


def test_a_flattened_table_is_one_table_from_its_title_to_its_note():
    text = "三、支出决算情况说明\n本年支出合计 1,150.00 万元。\n" + EXPENSE_TABLE + "四、财政拨款收入支出决算总体情况说明\n"
    kinds = _kinds(text)
    assert kinds["支出决算表"] == "table" and kinds["注：本表反映部门本年度各项支出情况。"] == "table"
    assert kinds["212 750.00 600.00 150.00"] == "table" and kinds["事务支出"] == "table"
    assert kinds["三、支出决算情况说明"] == "heading" and kinds["四、财政拨款收入支出决算总体情况说明"] == "heading"
    assert kinds["本年支出合计 1,150.00 万元。"] == "paragraph"


def test_a_label_wrapped_around_its_row_comes_back_together():
    table = _only_table(EXPENSE_TABLE)
    assert _row(table, "212")[:3] == ["212", "其他城乡社区管理事务支出", "750.00"]
    assert table.name == "支出决算表"


def test_figures_go_to_the_columns_the_sums_allow_and_nowhere_else():
    table = _only_table(EXPENSE_TABLE)
    # a full row is certain
    assert _row(table, "201")[2:5] == ["400.00", "250.00", "150.00"]
    # 行政运行 250.00 250.00: its parent's 基本支出 (250.00) leaves room only there
    assert _row(table, "2010301")[2:5] == ["250.00", "250.00", ""]
    assert _row(table, "2010302")[2:5] == ["150.00", "", "150.00"]
    # the columns no sum speaks for (上缴上级支出, 经营支出) stay blank where every placement agrees
    assert _row(table, "2010301")[5:] == ["", "", ""]


def test_a_template_table_gets_the_template_columns():
    view = understand(_only_table(EXPENSE_TABLE), 0)
    names = [c.leaf for c in view.columns if c.role == "value"]
    assert names == ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    assert view.unit == "万元"


def test_a_consistent_flattened_table_has_no_findings():
    assert check_text("二、支出决算\n" + EXPENSE_TABLE).findings == []


def test_a_wrong_figure_in_a_full_row_is_found_at_its_row():
    text = EXPENSE_TABLE.replace("201 一般公共服务支出 400.00 250.00 150.00", "201 一般公共服务支出 400.00 205.00 150.00")
    result = check_text(text)
    assert "TAB001" in rules_of(result) or "TAB002" in rules_of(result)
    assert any(f.line == text.splitlines().index("201 一般公共服务支出 400.00 205.00 150.00") + 1 for f in result.findings)


def test_a_short_row_that_cannot_add_up_is_found_without_knowing_its_columns():
    text = EXPENSE_TABLE.replace("2120199 其他城乡社区管理事务支出 150.00 150.00", "2120199 其他城乡社区管理事务支出 150.00 105.00")
    result = check_text(text, select=("TAB001",))
    assert result.findings, "the row's 合计 150.00 cannot equal its one other figure 105.00"
    assert "同行其他栏 105.00" in result.findings[0].message


TWO_SIDED_BUDGET = """2026年部门财务收支预算总表
编制部门：上海市普陀区示例局 单位：元
本年收入 本年支出
项目 预算数 项目 预算数
一、财政拨款收入 5,000,000一、社会保障和就业支出 1,000,000
1. 一般公共预算 5,000,000二、城乡社区支出 4,000,000
2. 政府性基金预算
3. 国有资本经营预算
二、事业收入
三、事业单位经营收入
四、其他收入
收入总计 5,000,000 支出总计 5,000,000
"""


def test_the_rows_of_a_two_sided_table_are_not_headings():
    text = "四、部门预算编制说明\n本部门收入预算 500.00 万元。\n" + TWO_SIDED_BUDGET + "五、其他相关情况说明\n无。\n"
    kinds = _kinds(text)
    for row in ("二、事业收入", "三、事业单位经营收入", "四、其他收入"):
        assert kinds[row] == "table"
    assert check_text(text).findings == []


def test_sub_items_of_a_budget_income_line_are_its_parts_not_its_siblings():
    table = _only_table(TWO_SIDED_BUDGET)
    view = understand(table, 0)
    income = view.sides[0]
    parent = next(ln for ln in income.lines if ln.label == "财政拨款收入")
    assert [c.label for c in parent.children] == ["一般公共预算", "政府性基金预算", "国有资本经营预算"]


def test_a_table_of_contents_with_leader_dots_and_one_without():
    dotted = "目 录\n一、部门主要职能 ……………………\n二、部门预算表 ……………………\n一、部门主要职能\n本部门负责……。\n"
    kinds = _kinds(dotted)
    assert kinds["目 录"] == "toc" and kinds["二、部门预算表 ……………………"] == "toc"
    assert kinds["一、部门主要职能"] == "heading"
    plain = "目录\n第一部分 概况\n第二部分 决算表\n第一部分 概况\n一、主要职能\n"
    kinds = _kinds(plain)
    assert kinds["第二部分 决算表"] == "toc" and kinds["一、主要职能"] == "heading"


def test_a_table_of_contents_over_two_pages_ends_where_the_body_repeats_it():
    # a PDF gives a block per page: the contents run on to the next page, and the body repeats them a page later
    pages = ["目 录\n第一部分 概况\n一、主要职能\n", "第二部分 决算表\n第三部分 情况说明\n", "第一部分 概况\n一、主要职能\n本部门负责文化工作。\n"]
    text = "".join(pages)
    blocks, at = [], 0
    for page, body in enumerate(pages, 1):
        blocks.append(Block(kind="text", start=at, end=at + len(body) - 1, page=page))
        at += len(body)
    doc = Document(path="report.pdf", format="pdf", text=text, content=text, blocks=blocks)
    toc = [doc.text[a:b] for a, b, k in segment(doc).lines if k == "toc"]
    assert toc == ["目 录", "第一部分 概况", "一、主要职能", "第二部分 决算表", "第三部分 情况说明"]


def test_a_table_of_contents_at_the_end_of_a_file_is_its_title_lines():
    kinds = _kinds("一、概况\n本部门负责……。\n目录\n第一部分 概况\n第二部分 决算表\n第四部分 名词解释\n")
    assert kinds["第二部分 决算表"] == "toc" and kinds["第四部分 名词解释"] == "toc" and kinds["一、概况"] == "heading"


def test_page_numbers_and_a_block_a_page_repeats_are_furniture():
    text = "一、项目概述\n1.第一项工作。\n2.第二项工作。\n3.第三项工作。\n- 3 -\n\f2.第二项工作。\n3.第三项工作。\n4.第四项工作。\n"
    doc = _document(text)
    furniture = [doc.text[a:b].strip() for a, b, k in segment(doc).lines if k == "furniture"]
    assert "- 3 -" in furniture
    # the page repeats the last lines of the page before: the repeat is furniture, the original is not
    lines = [(doc.text[a:b].strip(), k) for a, b, k in segment(doc).lines]
    assert lines.count(("2.第二项工作。", "paragraph")) == 1 and lines.count(("3.第三项工作。", "furniture")) == 1
    assert check_text(text, select=("DOC001",)).findings == []


def test_a_form_full_of_numbered_sentences_is_not_the_outline():
    form = (
        "七、绩效目标\n财政项目支出绩效目标申报表\n项目名称 道路养护 项目性质 经常性项目\n"
        "项目资金总额 1,000,000.00 年度资金申请总额 500,000.00\n"
        "1.完成道路养护任务。 1.完成年度\n2.提升道路通行能力。 养护任务。\n2.提升通行能力。\n"
    )
    kinds = _kinds(form)
    assert kinds["2.提升通行能力。"] == "table"
    assert check_text(form, select=("DOC001",)).findings == []


def test_prose_is_not_mistaken_for_a_table():
    wrapped = "一般公共预算财政拨款支出决算为 2,345.60\n万元，比上年减少 12.30 万元。\n"
    assert set(_kinds(wrapped).values()) == {"paragraph"}
    spaced = "本 年 收 入 合 计 2946.25 万 元\n本 年 支 出 合 计 2946.25 万 元\n"
    assert "table" not in _kinds(spaced).values()
    listed = "1.1 年度目标 1 的产出指标得分为 20 分\n1.2 年度目标 2 的产出指标得分为 10 分\n"
    assert "table" not in _kinds(listed).values()


# ---------------------------------------------------------------- placement


THREE_PUBLIC = [
    ("财政拨款“三公”经费", "合计", "预算数"),
    ("财政拨款“三公”经费", "合计", "决算数"),
    ("财政拨款“三公”经费", "因公出国（境）费", "预算数"),
    ("财政拨款“三公”经费", "因公出国（境）费", "决算数"),
    ("财政拨款“三公”经费", "公务用车购置及运行维护费", "小计", "预算数"),
    ("财政拨款“三公”经费", "公务用车购置及运行维护费", "小计", "决算数"),
    ("财政拨款“三公”经费", "公务用车购置及运行维护费", "公务用车购置费", "预算数"),
    ("财政拨款“三公”经费", "公务用车购置及运行维护费", "公务用车购置费", "决算数"),
    ("财政拨款“三公”经费", "公务用车购置及运行维护费", "公务用车运行维护费", "预算数"),
    ("财政拨款“三公”经费", "公务用车购置及运行维护费", "公务用车运行维护费", "决算数"),
    ("财政拨款“三公”经费", "公务接待费", "预算数"),
    ("财政拨款“三公”经费", "公务接待费", "决算数"),
]


def test_a_header_declares_its_sums_per_measure():
    sums = column_sums(THREE_PUBLIC, total_first=False)
    assert ((0,), (2, 4, 10)) in sums and ((1,), (3, 5, 11)) in sums  # 合计 = 出国 + 公务用车 + 接待
    assert ((4,), (6, 8)) in sums and ((5,), (7, 9)) in sums  # 小计 = 购置 + 运行维护


def test_a_template_states_sums_its_header_does_not():
    paths = [("年初结转和结余",), ("本年收入",), ("本年支出", "合计"), ("本年支出", "基本支出"), ("本年支出", "项目支出"), ("年末结转和结余",)]
    sums = column_sums(paths, total_first=False, formulas=("年末结转和结余 = 年初结转和结余 + 本年收入 - 本年支出/合计",))
    assert ((2,), (3, 4)) in sums and ((5, 2), (0, 1)) in sums
    # 105.00 105.00 105.00: income, spending and one of its parts — whichever part, 本年支出 is placed
    options = candidates(["105.00", "105.00", "105.00"], 6, sums, total_first=False)
    held = settled(RowPlacements([bounds("105.00")] * 3, options), 6)
    assert held[2] == 1 and held[5] == "blank"


def test_a_short_row_is_placed_where_only_one_placement_adds_up():
    # no 因公出国, no 购置费: eight figures for twelve columns
    figures = ["31.40", "19.80", "30.60", "19.50", "30.60", "19.50", "0.80", "0.30"]
    options = candidates(figures, 12, column_sums(THREE_PUBLIC, total_first=False), total_first=False)
    held = settled(RowPlacements([bounds(f) for f in figures], options), 12)
    assert held[:6] == [0, 1, "blank", "blank", 2, 3]
    assert held[10:] == [6, 7]
    # 购置费 or 运行维护费: both add up, so neither is placed
    assert held[6:10] == ["unknown"] * 4


def test_a_row_no_placement_can_make_add_up_has_no_candidates():
    assert candidates(["100.00", "60.00"], 3, [((0,), (1, 2))], total_first=True) == []
    assert candidates(["100.00", "100.00"], 3, [((0,), (1, 2))], total_first=True) == [(0, 1), (0, 2)]
    # rounding is honoured: 100.0 may be 99.95 … 100.05
    assert candidates(["100.0", "60.02", "39.99"], 3, [((0,), (1, 2))], total_first=True) == [(0, 1, 2)]


# ------------------------------------------------------- between tables


def _class_tables(gpb_rows: str) -> str:
    return (
        "支出决算表\n单位：万元\n项目\n本年支出合计 基本支出 项目支出\n"
        "合计 90.00 60.00 30.00\n201 一般公共服务支出 50.00 30.00 20.00\n20101 人大事务 50.00 30.00 20.00\n"
        "2010101 行政运行 30.00 30.00\n2010102 一般行政管理事务 20.00 20.00\n"
        "208 社会保障和就业支出 40.00 30.00 10.00\n20805 行政事业单位养老支出 40.00 30.00 10.00\n"
        "2080501 行政单位离退休 30.00 30.00\n2080502 事业单位离退休 10.00 10.00\n"
        "注：本表反映部门本年度各项支出情况。\n"
        "收入决算表\n单位：万元\n项目\n本年收入合计 财政拨款收入\n"
        "合计 90.00 90.00\n201 一般公共服务支出 50.00 50.00\n20101 人大事务 50.00 50.00\n"
        "2010101 行政运行 30.00 30.00\n2010102 一般行政管理事务 20.00 20.00\n"
        "208 社会保障和就业支出 40.00 40.00\n20805 行政事业单位养老支出 40.00 40.00\n"
        "2080501 行政单位离退休 30.00 30.00\n2080502 事业单位离退休 10.00 10.00\n"
        "注：本表反映部门本年度取得的各项收入情况。\n"
        "一般公共预算财政拨款支出决算表\n单位：万元\n项目\n合计 基本支出 项目支出\n" + gpb_rows +
        "注：本表反映部门本年度一般公共预算财政拨款支出情况。\n"
    )


GPB_ROWS = (
    "201 一般公共服务支出 50.00 30.00 20.00\n20101 人大事务 50.00 30.00 20.00\n"
    "2010101 行政运行 30.00 30.00\n2010102 一般行政管理事务 20.00 20.00\n"
    "208 社会保障和就业支出 40.00 30.00 10.00\n20805 行政事业单位养老支出 40.00 30.00 10.00\n"
    "2080501 行政单位离退休 30.00 30.00\n2080502 事业单位离退休 10.00 10.00\n合计 90.00 60.00 30.00\n"
)


def test_tables_that_agree_have_no_findings():
    assert check_text(_class_tables(GPB_ROWS)).findings == []


def test_a_table_whose_amounts_slid_against_its_rows_is_reported_once():
    # from 20101 on, every amount is the one of the row below it in the other tables
    shifted = (
        "201 一般公共服务支出 50.00 30.00 20.00\n20101 人大事务 30.00 30.00\n"
        "2010101 行政运行 20.00 20.00\n2010102 一般行政管理事务 40.00 30.00 10.00\n"
        "208 社会保障和就业支出 40.00 30.00 10.00\n20805 行政事业单位养老支出 30.00 30.00\n"
        "2080501 行政单位离退休 10.00 10.00\n2080502 事业单位离退休 50.00 30.00 20.00\n合计 90.00 60.00 30.00\n"
    )
    result = check_text(_class_tables(shifted))
    assert rules_of(result).count("TAB006") == 1
    assert "TAB002" not in rules_of(result), "the sums the shift breaks are not reported one by one"
    shift = next(f for f in result.findings if f.rule == "TAB006")
    assert "20101" in shift.message and shift.evidence == "30.00"


def test_a_general_budget_amount_above_the_same_class_of_all_funds_is_found():
    over = GPB_ROWS.replace("2080502 事业单位离退休 10.00 10.00", "2080502 事业单位离退休 12.00 12.00")
    result = check_text(_class_tables(over), select=("TAB007",))
    assert [f.evidence for f in result.findings] == ["12.00"]
    assert "不超过" in result.findings[0].message or "超过" in result.findings[0].message


def test_a_basic_expenditure_item_above_the_three_public_table_is_found_in_any_unit():
    tables = (
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类科目编码 科目名称 决算数 科目编码 科目名称 决算数\n"
        "301 工资福利支出 10.00 302 商品和服务支出 5.00\n30101 基本工资 10.00 30217 公务接待费 {reception}\n"
        "30299 其他商品和服务支出 {other}\n人员经费合计 10.00 公用经费合计 5.00\n"
        "财政拨款“三公”经费支出决算表\n单位：元\n财政拨款“三公”经费\n公务用车购置及运行维护费\n因公出国\n"
        "合计 公务用车 公务用车 公务接待费\n（境）费 小计\n购置费 运行维护费\n"
        "预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数\n"
        "10,000.00 8,000.00 6,000.00 5,000.00 4,000.00 3,000.00 2,000.00 2,000.00 4,000.00 3,000.00\n"
    )
    fine = tables.format(reception="0.30", other="4.70")
    assert check_text(fine, select=("TAB007",)).findings == []
    over = tables.format(reception="1.30", other="3.70")
    result = check_text(over, select=("TAB007",))
    assert [f.evidence for f in result.findings] == ["1.30"]
    assert "3,000.00 元" in result.findings[0].message


def test_a_contents_title_spaced_over_two_lines_and_a_first_entry_wrapped_in_the_body():
    # plain pdftotext: "目" and "录" on lines of their own; the body's 第一部分 on a line, its title on the next
    text = "目\n\n录\n第一部分 本部门概况\n一、主要职能\n第二部分 部门决算表\n\n第一部分\n\n本部门概况\n一、主要职能\n本部门负责文化工作。\n"
    kinds = _kinds(text)
    assert kinds["目"] == "toc" and kinds["录"] == "toc" and kinds["第二部分 部门决算表"] == "toc"
    assert kinds["第一部分"] == "heading" and kinds["本部门负责文化工作。"] == "paragraph"


def test_a_numbered_heading_that_recurs_section_after_section_is_not_a_running_head():
    sections = ["（一）总体情况说明\n" + "".join(f"第{k}项工作已完成，情况{j}良好。\n" for k in range(16)) for j in range(3)]
    doc = _document("".join(sections))
    assert not [k for a, b, k in segment(doc).lines if k == "furniture"]


PAGE_DUMP = """一般公共预算财政拨款支出决算表
单位：万元
项目
合计 基本支出 项目支出 功能分类
科目编码
科目名称
208 社会保障和就
业支出
10.82 10.82
20805 行政事业单位
养老支出
10.82 10.82
2080505
机关事业单位
基本养老保险
缴费支出
6.18 6.18
2080506 机关事业单位职业
年金缴费支出 4.64 4.64
合计 10.82 10.82
注：本表反映部门本年度一般公共预算财政拨款支出情况。
"""


def test_a_page_dump_gives_a_wrapped_label_before_its_figures_and_they_come_back_together():
    table = _only_table(PAGE_DUMP)
    assert _row(table, "208")[1:3] == ["社会保障和就业支出", "10.82"]
    assert _row(table, "2080505")[1:3] == ["机关事业单位基本养老保险缴费支出", "6.18"]
    assert _row(table, "2080506")[1:3] == ["机关事业单位职业年金缴费支出", "4.64"]
    assert check_text(PAGE_DUMP).findings == []


BUDGET_ITEMS = """四、部门预算编制说明
财政拨款支出主要内容如下：
1.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”{amount}万元，主要用于离退休经费。
2026年部门支出预算总表
编制部门：上海市普陀区示例局 单位：元
项目 支出预算
功能分类科目编码
功能分类科目名称 合计 基本支出 项目支出
类 款 项
208 社会保障和就业支出 2,614,680 2,614,680
208 05 行政事业单位养老支出 2,614,680 2,614,680
208 05 01 行政单位离退休 2,614,680 2,614,680
合计 2,614,680 2,614,680
"""


def test_a_budget_item_is_held_to_the_budget_table_in_yuan():
    assert check_text(BUDGET_ITEMS.format(amount="261.47"), select=("TAB005",)).findings == []
    result = check_text(BUDGET_ITEMS.format(amount="216.47"), select=("TAB005",))
    assert [f.evidence for f in result.findings] == ["216.47万元"]


def test_a_budget_table_title_names_its_funds_without_saying_fiscal_grant():
    from auditlint.tables.crosscheck import _table_scope

    assert _table_scope("2026年部门一般公共预算支出功能分类预算表") == "一般公共预算财政拨款"
    assert _table_scope("一般公共预算财政拨款支出决算表") == "一般公共预算财政拨款"
    assert _table_scope("2026年部门支出预算总表") == ""


def test_text_without_a_tab_or_a_bar_is_not_read_line_by_line_for_delimited_tables(monkeypatch):
    """Every table written with tabs or pipes (or one tab-led cell per line) holds a tab or a bar: a block
    with neither is not split into lines for them; one with a tab still is, and its table is found."""
    from auditlint.segment import delimited

    calls = []
    original = delimited._lines
    monkeypatch.setattr(delimited, "_lines", lambda *a: calls.append(a) or original(*a))
    prose = "一、收入支出决算总体情况说明\n2023年度收、支总计100.00万元。\n" * 50
    assert delimited.text_tables_in(prose, 0, len(prose)) == []
    assert calls == []
    table = "项目\t金额\t占比\n基本支出\t60.00\t60.0%\n项目支出\t40.00\t40.0%\n合计\t100.00\t100.0%\n"
    text = prose + table
    assert len(delimited.text_tables_in(text, 0, len(text))) == 1
    assert calls


def test_a_unit_wrapped_to_the_next_line_is_told_apart_by_the_figure_ending_the_line():
    from auditlint.segment.lines import unit_wrapped

    assert unit_wrapped("2.“公共安全支出”350.56", "万元，占 1.84%；")
    assert unit_wrapped("支出合计 350.56 万", "元。")
    assert unit_wrapped("支出合计 350.56 ", "元。")
    assert not unit_wrapped("支出合计 350.56 万元", "元。")
    assert not unit_wrapped("支出合计", "万元")
    assert not unit_wrapped("", "万元")
    assert not unit_wrapped("350.56", "元旦")


# A PDF extraction that writes a tab wherever a gap parts two spans of a page: empty cells dropped, so rows hold
# different numbers of cells, a two-sided total table's unfilled rows have no tab at all, and a label wrapped in
# its cell stands on lines of its own between the rows.
SPAN_TABS_TOTALS = (
    "收入支出决算总表\n单位：万元\n收入\t支出\n项目\t决算数\t项目\t决算数\n"
    "一、一般公共预算财政拨款收入\t1,200.00\t一、一般公共服务支出\t300.00\n"
    "二、政府性基金预算财政拨款收入\t二、外交支出\n三、国有资本经营预算财政拨款收入\t三、国防支出\n"
    "四、上级补助收入\t四、公共安全支出\t100.00\n五、事业收入\t五、教育支出\n六、经营收入\t六、科学技术支出\n"
    "七、附属单位上缴收入\t七、文化旅游体育与传媒支出\t800.00\n八、其他收入\t八、社会保障和就业支出\n"
    "九、卫生健康支出\n十、节能环保支出\n十一、城乡社区支出\n"
    "本年收入合计\t1,200.00\t本年支出合计\t1,200.00\n总计\t1,200.00\t总计\t1,200.00\n"
    "注：本表反映部门本年度总收支情况。\n"
)
SPAN_TABS_EXPENSES = (
    "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "201\t一般公共服务支出\t300.00\t200.00\t100.00\n20103\t政府办公厅（室）及相关机构事务\t300.00\t200.00\t100.00\n"
    "2010301\t行政运行\t200.00\t200.00\n其他政府办公厅（室）及相关\n2010399\t100.00\t100.00\n机构事务支出\n"
    "合计\t{total}\t200.00\t100.00\n注：本表反映部门本年度一般公共预算财政拨款支出情况。\n"
)


def test_tabs_between_a_pages_spans_are_a_flattened_table_not_headings():
    """The rows "四、上级补助收入<tab>四、公共安全支出<tab>100.00" and "九、卫生健康支出" are a two-sided table's, not
    an outline whose "四、" repeats (DOC001) or whose items are empty (DOC003); the table is read whole."""
    layout = segment(_document(SPAN_TABS_TOTALS))
    assert not [line for line in layout.lines if line[2] == "heading"]
    assert check_text(SPAN_TABS_TOTALS).findings == []


def test_a_label_wrapped_between_tab_rows_keeps_the_table_whole():
    """A label wrapped above and below its row ("其他政府办公厅（室）及相关" / "2010399<tab>100.00<tab>100.00" /
    "机构事务支出") does not cut the table in two: the 款 keeps its 项 (no TAB002 on a half table), and a wrong
    合计 row under the wrap is found."""
    assert check_text(SPAN_TABS_EXPENSES.format(total="300.00")).findings == []
    assert rules_of(check_text(SPAN_TABS_EXPENSES.format(total="350.00"))) == ["TAB001"]


def test_a_copied_table_that_keeps_its_empty_cells_is_still_read_by_its_columns():
    """Tabs of a table copied from a spreadsheet or a document keep every column, empty cells included: such rows
    are read by their columns as before, even where their labels are short lines between them."""
    from auditlint.segment import delimited

    text = "项目\t预算数\t决算数\n基本支出\t60.00\t\n项目支出\t40.00\t38.00\n合计\t100.00\t38.00\n"
    tables = delimited.text_tables_in(text, 0, len(text))
    assert len(tables) == 1
    assert [c.text if c else None for c in tables[0].rows[1]] == ["基本支出", "60.00", ""]


def test_a_two_sided_tables_labels_one_per_line_numbered_in_pairs_are_no_outline():
    """Plain pdftotext writes a 收支总表 one cell per line; with no figure between (a template not filled in), the
    income and expenditure labels alternate, each number twice in a row, then the longer side's numbers alone. That
    is the table's labels, not an outline repeating 四、 (DOC001) or an empty section (DOC003)."""
    income = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入"]
    spending = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出"]
    numerals = "一二三四五六七"
    cells = []
    for k, name in enumerate(spending):
        if k < len(income):
            cells.append(f"{numerals[k]}、{income[k]}")
        cells.append(f"{numerals[k]}、{name}")
    text = "收入支出决算总表\n单位：万元\n\n项目\n\n" + "\n\n".join(cells) + "\n\n注：本表反映部门本年度总收支情况。\n一、收入支出决算总体情况说明\n本年收入合计 0.00 万元。\n"
    layout = segment(_document(text))
    heading = text.index("一、收入支出决算总体情况说明")
    assert [line for line in layout.lines if line[2] == "heading"] == [(heading, heading + 14, "heading")]
    assert check_text(text).findings == []


def test_a_running_head_on_short_pages_is_page_furniture():
    """The report's title printed at the top of every page is a running head however short the pages are (a table's
    pages of a few rows each); tests/test_page_layouts.py holds the real reports to it."""
    title = "某区2026年区级部门预算"
    pages = [f"{title}\n第{k}部分 说明\n本页内容{k}，见下表。\n" for k in range(1, 6)]
    text = "\f".join(pages)
    layout = segment(_document(text))
    heads = [text[a:b].strip("\f") for a, b, kind in layout.lines if kind == "furniture"]
    assert heads == [title] * 4  # the first page's title is the title, the others' a running head
