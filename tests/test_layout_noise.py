"""Figures that survive layout: letter-spaced justified lines, units and numbers split by a wrap."""

from __future__ import annotations

from auditlint.segment import segment
from auditlint.sources import read_bytes
from tests.conftest import check_text, rules_of


def test_a_letter_spaced_line_reads_as_its_words():
    text = "一、收入决算情况说明\n本 年 收 入 合 计 2946.25 万 元 ， 其 中 ： 财 政 拨 款 收 入 2000.00 万 元 ， 占 67.9% 。\n"
    result = check_text(text)
    assert result.findings == [], [f.message for f in result.findings]
    assert result.claims["share"].checked == 1


def test_a_wrong_share_on_a_letter_spaced_line_is_found_at_its_place():
    text = "一、收入决算情况说明\n本 年 收 入 合 计 2946.25 万 元 ， 其 中 ： 财 政 拨 款 收 入 2000.00 万 元 ， 占 76.9% 。\n"
    result = check_text(text)
    assert rules_of(result) == ["PCT001"]
    finding = result.findings[0]
    assert finding.evidence == "76.9%" and finding.line == 2


def test_a_unit_wrapped_onto_the_next_line_is_the_figure_s_unit():
    text = "本年支出合计 2,946.25 万元，比上年增加 0.30 万\n元，增长 0.01%。\n"
    assert "UNIT002" not in rules_of(check_text(text))


def test_a_unit_really_missing_is_still_found():
    text = "三、“三公”经费支出决算情况说明\n公务接待费支出 0.30 万元。国内公务接待支出 0.3 万。\n"
    assert "UNIT002" in rules_of(check_text(text))


def test_a_unit_wrapped_away_from_a_numbered_item_is_its_unit():
    text = "2024年度部门决算\n一般公共预算财政拨款支出1,000.00万元，主要用于以下方面：\n1.一般公共服务支出600.00万\n元，占60.00%。\n"
    result = check_text(text)
    assert result.findings == [] and result.claims["share"].checked == 1


def test_the_end_of_a_letter_spaced_paragraph_is_spaced_the_same_way():
    text = "二、收入决算情况说明\n本 年 收 入 合 计 26538.47 万 元 ， 其 中 ： 财 政 拨 款 收 入 26538.47\n万 元 ， 占 100% 。\n"
    result = check_text(text)
    assert result.findings == [] and result.claims["share"].checked == 1


WRAPPED_ITEMS = """五、一般公共预算财政拨款支出决算情况说明
一般公共预算财政拨款支出年初预算为 435.00 万元，支出决算为
385.00 万元，完成年初预算的 88.51%。决算数小于预算数的主要原
因：人员变动，社保基数调整，部分项目按实际进度支付，年末尚
未结算的款项较多，相关支出相应减少，具体情况如下：其中：
1、社会保障和就业支出（类）行政事业单位养老支出（款）
机关事业单位职业年金缴费支出（项）。主要用于：在职职工职
业年金缴费。年初预算为 400.00 万元，支出决算为 350.00 万元。
决算数{word}预算数的主要原因：人员变动及社保基数调整。
2、社会保障和就业支出（类）行政事业单位养老支出（款）
其他行政事业单位养老支出（项）。主要用于：机关事业单位退休
人员活动费。年初预算为 5.00 万元，支出决算为 5.00 万元。
决算数与预算数持平。
3、社会保障和就业支出（类）抚恤（款）死亡抚恤（项）。
主要用于：死亡抚恤金。年初预算为 0 万元，支出决算为 30.00
万元。决算数大于预算数的主要原因：根据实际情况相应调整。
"""


def test_a_sentence_ending_at_the_wrap_goes_on_in_the_same_paragraph():
    # hard-wrapped text: a line that ends its sentence at the wrap does not end the paragraph
    assert "EXE002" not in rules_of(check_text(WRAPPED_ITEMS.format(word="小于")))
    assert "EXE002" in rules_of(check_text(WRAPPED_ITEMS.format(word="大于")))


def test_a_numbered_item_whose_unit_wrapped_away_is_not_a_heading():
    # "2.“公共安全支出”350.56 万" + "元，占 1.84%；": an item of the list, its share held to the list's total
    text = (
        "（二）一般公共预算财政拨款支出决算结构情况\n"
        "一般公共预算财政拨款支出 1,000.00 万元，主要用于以下方面：\n"
        "1.“一般公共服务”300.00 万元，占 30.00%；\n"
        "2.“公共安全支出”700.00 万\n"
        "元，占 {}%。\n"
    )
    layout = segment(read_bytes("a.txt", text.format("70.00").encode("utf-8")))
    kinds = {text.format("70.00")[s:e]: kind for s, e, kind in layout.lines}
    assert kinds["2.“公共安全支出”700.00 万"] == "paragraph"
    assert check_text(text.format("70.00")).findings == []
    assert rules_of(check_text(text.format("7.00"))) == ["PCT001"]


def test_a_comparison_after_a_paragraph_ending_in_its_wrapped_unit():
    # "…支出决算为 3,070.63 万" / "元。" / "决算数小于预算数的主要原因：…": the short line "元。" ends a paragraph
    text = (
        "1.“文化旅游体育与传媒支出（类）文化和旅游（款）图书馆（项）”。年初预算为 3,063.71 万元，支出决算为 3,070.63 万\n"
        "元。\n"
        "决算数{}预算数的主要原因：人员职级变动。\n"
    )
    assert check_text(text.format("大于"), select=("EXE002",)).findings == []
    assert rules_of(check_text(text.format("小于"), select=("EXE002",))) == ["EXE002"]


def test_a_comparison_with_two_budgets_stated_is_not_held_to_either():
    # 年初预算 and 全年预算 both given: which one "预算数" means the text does not say
    text = (
        "（三）一般公共预算财政拨款支出决算具体情况\n"
        "一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元。\n"
        "决算数小于预算数的主要原因：人员经费支出数小于预算数。\n"
    )
    assert check_text(text, select=("EXE002",)).findings == []


# A letter-spaced line of a text that uses ASCII punctuation (many web pages and exports): the spaces around
# , ; : ( ) spread the line as much as those around full-width ones.
_ASCII_SPACED = (
    "一、“三公”经费支出决算情况\n"
    "2022 年 度 一 般 公 共 预 算 财 政 拨 款 “ 三 公 ” 经 费 支 出 决 算 中 , 因 公 出 国 ( 境 ) 费 支 出 0 元 , 占 0%; "
    "公 务 用 车 购 置 及 运 行 维 护 费 支 出 34000.00 元 , 占 52.3%; 公 务 接 待 费 支 出 31000.00 元 , 占 47.7% 。\n"
)


def test_a_letter_spaced_line_with_ascii_punctuation_reads_as_its_words():
    from auditlint.extract import extract

    flow = extract(read_bytes("spaced.txt", _ASCII_SPACED.encode("utf-8")), ()).flow.text
    assert "决算中,因公出国(境)费支出0元,占0%;公务用车购置及运行维护费支出34000.00元,占52.3%;" in flow
    result = check_text(_ASCII_SPACED)
    assert result.findings == [], [f.message for f in result.findings]  # (a SUM001 once: 34000 taken as 公务接待费's part)


def test_shares_swapped_on_letter_spaced_lines_with_ascii_punctuation_are_found():
    # the total stated in the paragraph before ("支出决算为 1.71 万元"), its parts' shares swapped in the next
    text = (
        "一、“三公”经费支出决算情况\n"
        "某 县 文 化 馆 2023 年 度 “ 三 公 ” 经 费 支 出 预 算 为 3 万 元 , 支 出 决 算 为 1.71 万 元 , 完 成 预 算 的 57% 。\n"
        "( 一 ) “ 三 公 ” 经 费 支 出 决 算 具 体 情 况 说 明 。\n"
        "某 县 文 化 馆 2023 年 度 “ 三 公 ” 经 费 支 出 决 算 中 , 公 务 接 待 费 支 出 决 算 0.53 万 元 , 占 69%; "
        "公 务 用 车 购 置 及 运 行 维 护 费 支 出 决 算 1.18 万 元 , 占 31% 。\n"
    )
    result = check_text(text)
    assert rules_of(result) == ["PCT001", "PCT001"]
    assert sorted(f.evidence for f in result.findings) == ["31%", "69%"]


def test_shares_in_letter_spaced_clauses_of_another_period_are_not_held_together():
    # 预计 (an estimate) and 同比 written letter-spaced still say the clause is no share of this year's accounts
    text = (
        "一、2022年财政预算执行情况\n"
        "2022 年 ， 全 县 一 般 公 共 预 算 收 入 预 计 完 成 81000 万 元 ， 占 调 整 预 算 的 100% ， 同 比 下 降 6.8% 。\n"
        "二、县级预算执行情况\n"
        "2022 年 ， 县 级 一 般 公 共 预 算 收 入 预 计 完 成 64000 万 元 ， 占 调 整 预 算 的 100% ， 同 比 下 降 16.7% 。\n"
    )
    assert [f for f in check_text(text).findings if f.rule == "PCT001"] == []


def test_a_numbered_lists_lead_in_letter_spaced_still_names_what_it_lists():
    # "支 出 主 要 情 况 如 下 :" letter-spaced: the items are the 支出, not parts of the 结转结余 before it
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from mutation_layouts import plan  # the letter-spacing a PDF extraction of a justified page gives

    text = (
        "二、支出情况\n"
        "2023年某区一般公共预算支出52.30亿元,加上上解上级支出0.35亿元,总支出为52.65亿元。总收支相抵后,结转结余为0.62亿元。"
        "支出主要情况如下:\n1.一般公共服务支出8.12亿元,增长2.1%。\n2.公共安全支出1.35亿元,增长4.0%。\n3.教育支出9.06亿元,增长5.2%。\n"
    )
    spaced = plan("spaced", text, 1).render(text)[0]
    assert "支 出 主 要 情 况 如 下 :" in spaced
    assert [f for f in check_text(spaced).findings if f.rule == "SUM001"] == []
