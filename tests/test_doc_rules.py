"""DOC rules on documents written for the purpose: numbering, empty sections, leftovers, dates, years, names."""

from __future__ import annotations

import re

import pytest

from .conftest import check_text


def found(text: str, rule: str) -> list[tuple[int, str]]:
    """(line, message) of each finding of one rule."""
    return [(f.line, f.message) for f in check_text(text, select=(rule,)).findings]


def lines(text: str, rule: str) -> list[int]:
    return [line for line, _ in found(text, rule)]


# ---------------------------------------------------------------- DOC001 numbering


def test_a_repeated_section_number_and_the_one_after_it_are_both_reported():
    text = "七、机关运行经费\n说明。\n八、政府采购\n说明。\n七、国有资产\n说明。\n八、绩效管理\n说明。"
    result = found(text, "DOC001")
    assert [line for line, _ in result] == [5, 7]
    assert "应为“九、”" in result[0][1] and "应为“十、”" in result[1][1]


def test_a_skipped_number_is_reported_where_the_list_jumps():
    text = "（一）组织\n内容。\n（二）宣传\n内容。\n（四）培训\n内容。"
    assert found(text, "DOC001") == [(5, "编号从“（二）”跳到“（四）”，缺少“（三）”")]


def test_an_unnumbered_heading_in_the_gap_is_named_as_the_one_that_lost_its_number():
    text = "一、项目概况\n内容。\n资金使用情况\n内容。\n三、绩效目标完成情况\n内容。"
    result = check_text(text, select=("DOC001",)).findings
    assert [(f.line, f.fix) for f in result] == [(3, "二、资金使用情况")]


def test_a_list_that_starts_at_two_is_reported_where_the_first_item_belongs():
    text = "一、基本情况\n（1）机构设置情况。\n（2）人员情况。\n（二）职责\n内容。"
    assert lines(text, "DOC001") == [2]


def test_an_inline_list_that_starts_at_two():
    text = "三、存在问题。主要有以下方面：人员不足，任务繁重。(二)场地受限，活动难以开展。(三)经费紧张。"
    result = found(text, "DOC001")
    assert len(result) == 1 and "缺少“(一)”" in result[0][1]


def test_the_contents_are_checked_on_their_own():
    text = "目录\n第一部分 概况\n第二部分 决算表\n第四部分 名词解释\n第一部分 概况\n内容。\n第二部分 决算表\n内容。\n第三部分 情况说明\n内容。\n第四部分 名词解释\n内容。"
    result = found(text, "DOC001")
    assert [line for line, _ in result] == [4] and result[0][1].startswith("目录中")


def test_the_body_after_dotted_contents_is_not_the_contents():
    # the body never repeats the contents' first entry ("一、"): it starts after the last dotted entry
    contents = "目 录\n一、部门主要职能 ……………………\n二、部门预算编制说明 ……………………\n\n"
    body = "部门主要职能\n本部门负责文化工作。\n1.“文化和旅游（款）”10.00万元。\n2.“文物（款）”5.00万元。\n4.“体育（款）”3.00万元。"
    result = found(contents + body, "DOC001")
    assert len(result) == 1 and result[0][1].startswith("编号从“2.”跳到“4.”")


def test_an_item_whose_number_lacks_its_full_stop_is_a_note_at_that_number():
    text = "主要内容如下：\n1.“文化和旅游（款）”10.00万元。\n2“文物（款）”5.00万元。\n3.“体育（款）”3.00万元。"
    result = check_text(text, select=("DOC001",)).findings
    assert [(f.line, f.severity.value, f.evidence, f.fix) for f in result] == [(3, "info", "2", "2.")]
    assert "编号“2”后缺少“.”" in result[0].message


def test_a_line_opening_with_the_missing_number_and_a_unit_is_no_item():
    text = "主要内容如下：\n1.文化和旅游10.00万元，其中人员经费\n2 万元。\n3.体育3.00万元。"
    result = check_text(text, select=("DOC001",)).findings
    assert len(result) == 1 and "跳到" in result[0].message


def test_a_heading_that_the_contents_number_otherwise_is_a_skip_not_a_section_left_out():
    contents = "目录\n一、收入决算情况说明\n二、支出决算情况说明\n三、其他重要事项说明\n"
    skipped = contents + "正文\n一、收入决算情况说明\n本年收入100万元。\n三、支出决算情况说明\n本年支出100万元。\n四、其他重要事项说明\n无。"
    result = found(skipped, "DOC001")
    assert [line for line, _ in result][:1] == [8] and "缺少“二、”" in result[0][1]


def test_a_section_the_contents_list_but_the_text_leaves_out_stays_silent():
    # a part made of tables has its title in the contents only: its number is not a gap in the body
    contents = "目录\n一、收入决算情况说明\n二、决算报表\n三、其他重要事项说明\n"
    body = contents + "正文\n一、收入决算情况说明\n本年收入100万元。\n三、其他重要事项说明\n无。"
    assert found(body, "DOC001") == []


def test_the_contents_of_another_part_do_not_excuse_a_gap():
    # the contents list 二、 under 第一部分 only: a gap in 第二部分’s definitions is a gap
    contents = "目录\n第一部分 概况\n一、主要职能\n二、单位构成\n第二部分 名词解释\n"
    body = (
        "第一部分 概况\n一、主要职能\n开展文化活动。\n二、单位构成\n本部门一个单位。\n"
        "第二部分 名词解释\n一、财政拨款收入：指本级财政拨款。\n三、事业收入：指事业单位的收入。\n四、其他收入：指其他收入。"
    )
    result = found(contents + body, "DOC001")
    assert len(result) == 1 and "缺少“二、”" in result[0][1]


def test_numbering_restarts_under_each_parent_and_in_each_attachment():
    text = (
        "一、主要工作\n（一）展览\n1.常设展览。\n2.临时展览。\n（二）培训\n1.教师培训。\n2.学生培训。\n二、存在问题\n1.场地不足。\n2.人员不足。\n"
        "附件1：整体支出绩效自评表\n一、基本情况\n内容。\n二、自评结论\n内容。\n附件2：项目支出绩效自评表\n一、项目概况\n内容。"
    )
    assert found(text, "DOC001") == []


def test_a_part_listed_in_the_contents_may_have_no_heading_in_the_text():
    text = "目录\n第一部分 概况\n第二部分 决算表\n第三部分 情况说明\n第一部分 概况\n内容。\n收入支出决算总表\n第三部分 情况说明\n内容。"
    assert found(text, "DOC001") == []


def test_an_item_written_inline_in_the_gap_counts_as_present():
    text = "五、存在的问题\n1.阵地建设滞后。2.宣传载体不够丰富。\n3.工作合力不够有力\n六、下一步工作计划\n内容。"
    assert found(text, "DOC001") == []


def test_an_excerpt_may_start_in_the_middle_of_a_list():
    assert found("三、支出情况\n内容。\n四、收入情况\n内容。", "DOC001") == []


# ---------------------------------------------------------------- DOC002 ordinals


def test_an_item_whose_target_number_was_not_updated():
    text = "1.1 年度目标 1 的产出指标得分为 20 分\n1.2 年度目标 2 的产出指标得分为 10 分\n1.3 年度目标 2 的产出指标得分为 8 分"
    result = found(text, "DOC002")
    assert len(result) == 1 and result[0][0] == 3 and "年度目标 3" in result[0][1]


def test_ordinals_that_do_not_follow_the_numbering_at_all_are_not_reported():
    text = "1.1 年度目标 2 的产出指标\n1.2 年度目标 4 的产出指标\n1.3 年度目标 6 的产出指标"
    assert found(text, "DOC002") == []


# ---------------------------------------------------------------- DOC003 empty sections


def test_a_section_with_no_text_before_its_sibling():
    text = "（一）阵地建设\n新建长廊2处。\n（二）科普进社区\n（三）志愿服务\n新增志愿者120人。\n（四）科普宣传\n发布信息300条。"
    assert lines(text, "DOC003") == [3]


def test_a_heading_followed_by_its_own_sub_items_is_not_empty():
    text = "（一）阵地建设\n1.新建长廊2处。\n2.改造展厅1个。\n（二）科普进社区\n举办活动18场。\n（三）志愿服务\n新增志愿者120人。"
    assert found(text, "DOC003") == []


def test_a_list_of_short_items_is_not_a_list_of_sections():
    text = "三、存在问题\n1. 阵地建设需要加强。\n2. 宣传形式较为单一。\n3. 人员力量不足。\n四、下步打算\n内容。"
    assert found(text, "DOC003") == []


def test_a_label_with_its_value_is_not_an_empty_heading():
    text = "（四）总体评价结论\n1.绩效自评总分：95分\n2.存在的问题\n宣传不足。\n3.改进措施\n加强宣传。"
    assert found(text, "DOC003") == []


# ---------------------------------------------------------------- DOC004 / DOC005 leftovers


def test_placeholders_and_template_headings():
    text = "一、重点工作事项标题\n内容。\n二、预算执行情况\n本单位（单位全称）年初预算XXX万元，实际支出××万元。"
    result = found(text, "DOC004")
    assert [line for line, _ in result] == [1, 4, 4, 4]


def test_an_unfilled_template_is_reported_once():
    text = "\n".join(f"{i}.本年度XX项目预算XXX万元。" for i in range(1, 15))
    result = found(text, "DOC004")
    assert len(result) == 1 and "未填写完成的模板" in result[0][1]


def test_ordinary_brackets_and_letters_are_not_placeholders():
    text = "收入支出决算总表（单位：万元）\n办公设备购置（含软件）12.00万元，型号XR-200。本项目（不含涉密项目）已完成。"
    assert found(text, "DOC004") == []


def test_the_templates_guidance_left_in_brackets():
    text = (
        "四、绩效目标设置情况\n本部门编报绩效目标的项目247个，涉及项目预算资金314,076.90万元。"
        "（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、预算金额等）\n"
        "本部门中，行政单位1家，事业单位4家，具体包括（列示至基层预算单位）：\n"
        "公务接待费0.46万元，与2025年预算持平（如持平作持平表述）。政府性基金支出0万元（不涉及的不列）。\n"
        "七、绩效目标\n（包括总目标、年度目标、分解目标等，具体见表格）\n财政项目支出绩效目标申报表\n"
        "公务用车运行维护费比上年减少2.00万元，主要原因是。\n"
    )
    assert [line for line, _ in found(text, "DOC004")] == [2, 3, 4, 4, 6, 8]
    assert "填写说明" in found(text, "DOC004")[0][1] and "没有写明原因" in found(text, "DOC004")[-1][1]


def test_the_templates_guidance_on_its_own_line_is_found_in_a_file_with_windows_line_ends():
    """A text saved on Windows ends its lines with CR LF: the CR is no character of the line, so guidance in
    brackets still stands on a line of its own."""
    text = "七、绩效目标\r\n（包括总目标、年度目标、分解目标等，具体见表格）\r\n财政项目支出绩效目标申报表\r\n"
    assert [line for line, _ in found(text, "DOC004")] == [2]
    assert found(text.replace("\r\n", "\n"), "DOC004") == found(text, "DOC004")


def test_brackets_that_inform_the_reader_are_not_guidance():
    text = (
        "政府采购金额（以合同签订为准）120.00万元。行政单位（包括实行公务员管理的事业单位）2家，在职人员（含离退休人员）30人。"
        "开展日常监督管理（具体可以通过第三方服务进行）。本年度收支情况（报表详见附件）如下，如需了解详情请致电办公室（不包括涉密项目）。\n"
        "本部门开展科普活动（包括讲座、展览等，具体见表格）12场。这是支出增加的主要原因。\n"
    )
    assert found(text, "DOC004") == []


def test_a_drafting_note_in_brackets():
    text = "一、部门主要职能\n（增加内容）\n二、机构设置\n本部门下设3个科室（待补充）。"
    assert lines(text, "DOC005") == [2, 4]


def test_instructions_and_review_notes_left_in():
    text = "三、项目支出绩效自评表\n请根据通知要求填写自评表，并于3月底前报送。\n上述数据需核实。\n减少后不用加负号。\n改1,234.56\n请核对"
    assert lines(text, "DOC005") == [2, 3, 4, 5, 6]


def test_sentences_that_ask_something_of_others_are_not_notes():
    text = "如有疑问，请与办公室联系。我们需修改完善内部制度，并加强宣传。"
    assert found(text, "DOC005") == []


# ---------------------------------------------------------------- DOC006 sign-off dates


def test_an_approval_dated_before_what_it_approves():
    text = (
        "2023年度事业单位法人年度报告书\n事业单位委托意见：我单位对报告内容负责。2024年3月20日\n"
        "主管部门审核意见：同意公示。2024年3月2日"
    )
    result = found(text, "DOC006")
    assert len(result) == 1 and result[0][0] == 3


def test_dates_in_order_and_dates_outside_sign_off_blocks():
    text = (
        "2023年9月，举办科普展览。2023年3月，举办科技周活动。\n事业单位委托意见：我单位对报告内容负责。2024年3月2日\n"
        "举办单位意见：同意公示。2024年3月20日"
    )
    assert found(text, "DOC006") == []


def test_an_approval_dated_before_the_legal_representatives_signature():
    text = (
        "事业单位法人年度报告书（2023年度）\n法定代表人签字：\n2024年3月20日\n"
        "举办单位（主管部门）审查意见：同意。\n（盖章）\n2024年3月12日\n"
    )
    result = found(text, "DOC006")
    assert len(result) == 1 and result[0][0] == 6
    assert found(text.replace("2024年3月12日", "2024年3月25日"), "DOC006") == []


# ---------------------------------------------------------------- DOC007 fiscal year


REPORT = "文化惠民经费绩效自评报告\n2023年度区财政下达文化惠民经费48万元，2023年度实际支出48万元。\n"


def test_last_years_funds_in_this_years_conclusion():
    result = found(REPORT + "项目资金使用规范，顺利完成了2022年度文化惠民经费的预算安排。", "DOC007")
    assert len(result) == 1 and "2022年度" in result[0][1]


def test_an_acquisition_attributed_to_last_year():
    assert len(found(REPORT + "争取省级2022年文化惠民项目1个。", "DOC007")) == 1


def test_comparisons_history_and_carry_overs_mention_earlier_years_rightly():
    text = REPORT + (
        "经费比2022年度增加6万元。自2019年以来持续开展。使用2022年结转资金3万元。"
        "截至2023年底完成全部任务。完成2020年启动的场馆改造工作。"
    )
    assert found(text, "DOC007") == []


def test_a_budget_speaks_of_last_years_execution():
    text = "2024年部门预算\n2024年度部门预算收入1,200万元，2024年度预算支出1,200万元。完成2023年度预算执行工作。"
    assert found(text, "DOC007") == []


FINAL = (
    "青山区卫生健康委员会2023年度部门决算\n"
    "2023年度收、支总计1,234.56万元，比上年增加123.45万元。\n"
    "2023年度一般公共预算财政拨款支出95.00万元。\n"
)


def test_a_template_sentence_left_with_last_years_year():
    text = FINAL + "2022年度机关运行经费支出30.00万元，比上年减少5.00万元，下降14.3%。\n"
    result = found(text, "DOC007")
    assert len(result) == 1 and result[0][0] == 4


def test_a_template_sentence_opened_by_the_body_with_last_years_year():
    text = FINAL + "本部门2022年度调整后的预算数为830.00万元，包括基本支出530.00万元，项目支出300.00万元。\n"
    assert len(found(text, "DOC007")) == 1


def test_an_opening_earlier_year_that_is_not_this_years_figure():
    text = FINAL + (
        "2022年度机关运行经费支出35.00万元，2023年度支出30.00万元。\n"  # both years: a comparison
        "2022年度部门决算公开工作按时完成。\n"  # last year's accounts, this year's work
        "2022年结转资金3.00万元已全部使用。\n"  # a carry-over
        "2022年度以来累计投入资金120万元。\n"
    )
    assert found(text, "DOC007") == []


def test_an_opening_earlier_year_in_a_report_that_does_not_open_with_its_year():
    text = "青山区卫生健康委员会2023年度部门决算\n本年度收入合计500.00万元。\n2022年度机关运行经费支出30.00万元。\n"
    assert found(text, "DOC007") == []


FINAL_ACCOUNTS = (
    "江州市文化馆2024年度部门决算\n江州市文化馆2024年度收入支出总计860.40万元。2024年度本年支出合计860.40万元。"
    "2024年度财政拨款支出860.40万元。\n"
)


def test_last_years_year_on_this_years_totals():
    text = FINAL_ACCOUNTS + (
        "2023年度本年收入合计860.40万元，其中：财政拨款收入860.40万元。\n2025年度政府采购支出总额45.00万元。"
        "2023 年度本部门面向中小企业预留政府采购项目预算金额 21.07 万元。"
    )
    result = found(text, "DOC007")
    assert [m.split("”")[0] for _, m in result] == ["年度“2023年度", "年度“2025年度", "年度“2023年度"]
    assert "应为“2024年度”" in result[0][1]


def test_the_reports_year_written_without_du_is_beyond_doubt_too():
    # a 决算 that writes "2020年" more than "2020年度": "2021年本年支出合计…" is a slip all the same
    text = (
        "某校2020年部门决算\n2020年收入总计500.00万元。2020年本年收入合计460.06万元，比2019年增加10.00万元。\n"
        "2020年度财政拨款收入460.06万元。\n{}年本年支出合计460.06万元，其中：基本支出380.06万元，项目支出80.00万元。\n"
    )
    result = found(text.format("2021"), "DOC007")
    assert len(result) == 1 and "应为“2020年”" in result[0][1]
    assert found(text.format("2020"), "DOC007") == []


def test_another_year_on_a_sentence_of_own_accounts_spread_by_the_layout():
    # pdftotext's raw layout keeps the gaps of a justified line: "本部门 面向中小企业预留 政府采购项目预算 金额"
    text = FINAL_ACCOUNTS + "{} 年度本部门 面向中小企业预留 政府采购项目预算 金额\n21.07 万元，面向小微企业预留政府采购项目预算金额 21.07 万元。"
    result = found(text.format("2025"), "DOC007")
    assert len(result) == 1 and "应为“2024年度”" in result[0][1]
    assert found(text.format("2024"), "DOC007") == []


def test_another_year_on_the_templates_total_sentence_that_names_its_carry_overs():
    # 年初结转和结余 / 使用非财政拨款结余 are lines of this year's accounts, not a look back
    text = FINAL_ACCOUNTS + (
        "2025年度收入总计434.72万元，其中：本年收入合计434.16万元，使用非财政拨款结余0.00万元，年初结转和结余0.56万元。"
    )
    result = found(text, "DOC007")
    assert len(result) == 1 and "年度“2025年度”" in result[0][1] and "应为“2024年度”" in result[0][1]


@pytest.mark.parametrize(
    "sentence",
    [
        "2025年度，本单位收入为860.40万元，其中：财政拨款收入860.40万元。",
        "2025年度收入总计860.95万元（含使用非财政拨款结转结余、年初结转和结余），支出总计860.95万元。",
    ],
)
def test_another_year_on_the_years_totals_written_other_ways(sentence):
    result = found(FINAL_ACCOUNTS + sentence, "DOC007")
    assert len(result) == 1 and "年度“2025年度”" in result[0][1]


@pytest.mark.parametrize(
    "sentence",
    [
        "与2023年度相比，收入支出总计增加20.00万元。",
        "2023年度结转和结余资金10.00万元已于本年使用。",
        "2023年度收入合计840.40万元，2024年度收入合计860.40万元。",
        "2025年度收入预计900.00万元。",
        "本部门对2023年度一般公共预算项目支出开展绩效评价，涉及资金50.00万元。",
        "2023年度财政拨款结转资金10.00万元已于本年使用。",
        "下一步，2025年度一般公共预算财政拨款安排支出900.00万元。",
        "2023年度财政拨款支出情况详见上年报告。",
    ],
)
def test_other_years_beside_comparisons_plans_and_evaluations_stay_silent(sentence):
    assert found(FINAL_ACCOUNTS + sentence, "DOC007") == []


# ---------------------------------------------------------------- DOC008 names


def test_a_garbled_name_of_the_reporting_body():
    text = "2023年度江州市东湖区科学技求协会部门决算\n江州市东湖区科学技术协会是人民团体。东湖区科学技术协会成立于1980年。"
    result = check_text(text, select=("DOC008",)).findings
    assert len(result) == 1 and result[0].fix == "江州市东湖区科学技术协会" and result[0].line == 1


def test_other_districts_and_shortened_names_are_not_garbles():
    text = (
        "2023年度江州市东湖区科学技术协会部门决算\n江州市东湖区科学技术协会联合江州市西湖区科学技术协会开展活动。"
        "江州东湖区科学技术协会成立于1980年。"
    )
    assert found(text, "DOC008") == []


# ---------------------------------------------------------------- DOC009 plans among results


def test_plans_written_where_results_are_due():
    text = "（二）绩效目标完成情况\n举办讲座12场，拟于明年开展评估。\n（三）存在问题\n无"
    assert lines(text, "DOC009") == [2]


def test_plans_in_a_plans_section_are_fine():
    text = "（二）绩效目标完成情况\n举办讲座12场，服务5000人次。\n（三）下一步工作计划\n预计明年举办讲座15场，拟于6月开展评估。"
    assert found(text, "DOC009") == []


def test_the_same_heading_twice_is_a_contents_list_or_a_page_header():
    text = "第一部分 概况\n第二部分 决算表\n第一部分 概况\n一、职能\n内容。\n第二部分 决算表\n内容。"
    assert found(text, "DOC001") == []


BUDGET = "上海市普陀区2026年区级部门预算\n2026年“三公”经费预算数为11.49万元，与2025年预算持平。\n"


def test_a_budget_reason_that_gives_last_years_plan():
    text = BUDGET + "公务用车购置费0万元，与2025年预算持平，主要原因是2025年无公车购置计划。"
    result = found(text, "DOC007")
    assert len(result) == 1 and "本预算年度（2026年）" in result[0][1]
    assert found(text.replace("2025年无公车", "2026年无公车"), "DOC007") == []


def test_a_letter_spaced_budget_reason_that_gives_last_years_plan():
    # WPS letter-spacing of justified lines, title included: the report is read as its words
    text = BUDGET + "公务用车购置费0万元，与2025年预算持平，主要原因是2025年无公车购置计划。"
    spaced = re.sub(r"(?<=\S)(?=\S)(?<![\x00-\x7f](?=[\x00-\x7f]))", " ", text)  # (not inside "2026", "11.49")
    assert "2025 年 无 公 车" in spaced
    result = found(spaced, "DOC007")
    assert len(result) == 1 and "本预算年度（2026年）" in result[0][1]


def test_a_budget_sentence_of_its_own_figures_opened_with_last_year():
    text = BUDGET + "{}年本部门面向中小企业预留政府采购项目预算金额343.49万元，其中，预留给小型和微型企业的政府采购项目预算为178.85万元。"
    result = found(text.format("2025"), "DOC007")
    assert len(result) == 1 and "2025年" in result[0][1]
    assert found(text.format("2026"), "DOC007") == []
    # last year's execution, or a comparison, is the budget's to state
    assert found(BUDGET + "2025年机关运行经费预算执行数为120.00万元。", "DOC007") == []
    assert found(BUDGET + "2025年政府采购预算金额为300.00万元，比上年增加20.00万元。", "DOC007") == []
    # the template's "2026年本部门政府采购预算595.28万元，其中：…": the figure straight after 预算
    text = BUDGET + "{}年本部门政府采购预算595.28万元，其中：政府采购货物预算77.10万元、政府采购服务预算518.18万元。"
    result = found(text.format("2025"), "DOC007")
    assert len(result) == 1 and "2025年" in result[0][1]
    assert found(text.format("2026"), "DOC007") == []
    assert found(BUDGET + "2025年政府采购预算300.00万元，执行数为280.00万元。", "DOC007") == []
    # a later year is as wrong in the budget's own sentence
    result = found(text.format("2027"), "DOC007")
    assert len(result) == 1 and "2027年" in result[0][1] and "笔误" in result[0][1]
    # (past the report's opening, where the words of a 绩效 report would make it one)
    duties = "一、部门主要职能\n" + "负责本区城市管理综合执法工作，组织查处违法建设行为。" * 25 + "\n"
    # "2026年部门预算安排购置车辆0辆，其中：…": the template's sentence on the budget's vehicles
    cars = BUDGET + "{}年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆、一般公务用车0辆。"
    assert len(found(cars.format("2025"), "DOC007")) == 1 and found(cars.format("2026"), "DOC007") == []
    work = BUDGET + duties + "本部门1个预算单位开展了{}年项目预算绩效目标编报工作，编报绩效目标的项目14个。"
    assert len(found(work.format("2027"), "DOC007")) == 1 and found(work.format("2026"), "DOC007") == []


def test_the_opening_of_the_years_performance_work_names_the_report_year():
    text = FINAL_ACCOUNTS + "十、预算绩效管理情况\n江州市文化馆{}年度预算绩效管理工作开展情况如下：本部门建立了预算绩效管理制度。\n"
    result = found(text.format("2023"), "DOC007")
    assert len(result) == 1 and "2023年度" in result[0][1] and "应为“2024年度”" in result[0][1]
    assert found(text.format("2024"), "DOC007") == []
    # another year's work named as such elsewhere in a sentence is not the opening
    assert found(FINAL_ACCOUNTS + "本部门继续推进2023年度预算绩效管理工作开展情况的整改。", "DOC007") == []


def test_the_parallel_clauses_on_the_years_projects_name_one_year():
    text = REPORT + (
        "全过程绩效管理实施情况：编报绩效目标的2023年度项目39个，涉及预算金额4415.48万元；"
        "绩效跟踪评价的2023年度项目39个，涉及预算金额4415.48万元；绩效自评的{}年度项目39个，涉及预算金额4415.48万元。"
    )
    result = found(text.format("2022"), "DOC007")
    assert len(result) == 1 and "2022年度" in result[0][1]
    assert found(text.format("2023"), "DOC007") == []


def test_a_part_title_naming_another_year():
    text = REPORT + "第三部分 上海市某某局 {} 年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
    assert len(found(text.format("2022"), "DOC007")) == 1
    assert found(text.format("2023"), "DOC007") == []


def test_a_budget_reason_may_speak_of_last_year():
    # last year's execution or its one-off spending explains this year's change: that is not a copied year
    text = BUDGET + (
        "项目支出比2025年预算减少120.00万元，主要原因是2025年有一次性设备购置支出。"
        "公务接待费比2025年预算减少0.50万元，主要原因是比2025年计划减少接待批次。"
    )
    assert found(text, "DOC007") == []


def test_this_years_work_on_last_years_accounts():
    text = REPORT + "完成了2022年度部门决算公开工作，完成2022年度项目绩效自评。"
    assert found(text, "DOC007") == []


def test_the_templates_alternatives_left_unchosen():
    text = "公务接待费支出0.15万元，比上年减少0.06万元，下降（增长）28.6%。其他支出增加（减少）0元。"
    result = found(text, "DOC004")
    assert [m.split("”")[0] for _, m in result] == ["模板中的备选用词“下降（增长）", "模板中的备选用词“增加（减少）"]
    assert found("费用（含税费）增长5%，支出（不含结转）下降3%。", "DOC004") == []


def test_a_repeat_is_renumbered_only_when_the_new_number_is_free():
    text = "七、甲\n内容。\n八、乙\n内容。\n七、丙\n内容。"
    assert [f.fix for f in check_text(text, select=("DOC001",)).findings] == ["九、丙"]
    text = "（一）甲\n内容。\n（二）乙\n1.1 条目\n（二）丙\n1.1 条目\n（三）丁\n内容。"
    assert [f.fix for f in check_text(text, select=("DOC001",)).findings] == [None]


def test_letter_spaced_sentences_are_items_not_empty_sections():
    # WPS letter-spacing puts a space before the full stop: "实 施 。" still ends a sentence
    text = (
        "一、主要职能\n主要职能包括：\n1. 贯 彻 执 行 有 关 法 律 法 规 并 组 织 实 施 。\n2. 拟 订 中 长 期 规 划 并 组 织 实 施 。\n"
        "3. 负 责 重 大 活 动 。 组 织 开 展 公 共 服 务 。\n4. 负 责 市 场 监 管 。 推 进 信 用 体 系 建 设 。\n"
    )
    assert found(text, "DOC003") == []


_ACCOUNTS_2022 = (
    "一、一般公共预算财政拨款“三公”经费支出决算总体情况\n"
    "2022年度财政拨款“三公”经费支出年初预算为6,283.70元，支出决算为6,283.70元，完成年初预算的100%。\n"
    "2022年度一般公共预算财政拨款“三公”经费支出决算数比上年减少1,200.00元，主要原因是严格控制公务接待。\n"
)


def test_a_title_naming_another_year_than_its_text_throughout():
    text = "某县委员会政法委员会2023年度“三公”经费决算情况说明\n" + _ACCOUNTS_2022
    [f] = [f for f in check_text(text).findings if f.rule == "DOC007"]
    assert f.line == 1 and f.evidence == "2023年度" and f.expected == "2022年度"


def test_a_title_whose_year_the_text_also_names_stays_silent():
    for title, extra in (
        ("某县委员会政法委员会2022年度“三公”经费决算情况说明\n", ""),  # the same year
        ("某县委员会政法委员会2023年度“三公”经费决算情况说明\n", "2023年度将继续严控“三公”经费。\n"),  # both years
        ("某县委员会政法委员会2023年度部门预算\n", ""),  # not a 决算's title
    ):
        findings = [f for f in check_text(title + _ACCOUNTS_2022 + extra).findings if f.rule == "DOC007" and f.line == 1]
        assert findings == [], title


def test_a_title_year_against_a_text_that_only_compares_with_last_year_stays_silent():
    # the text names no year of its own ("本年度"), only last year's in comparisons
    text = (
        "某局2023年度部门决算情况说明\n一、收入支出决算总体情况\n"
        "本年度收入总计860.40万元，与2022年度相比增加20.00万元。本年度支出总计860.40万元，比2022年度增加20.00万元。\n"
        "本年度财政拨款支出800.00万元，较2022年度减少5.00万元。\n"
    )
    assert [f for f in check_text(text).findings if f.rule == "DOC007" and f.line == 1] == []


class TestAPhraseWrittenTwice:
    def test_each_doubled_phrase_is_found_once_with_its_fix(self):
        text = (
            "本年支出合计100.00万元，其中：其中：基本支出60.00万元，项目支出40.00万元。\n"
            "项目经费3.15万元主要用于主要用于党员教育，比上年比上年增加0.15万元。\n"
        )
        result = check_text(text, select=("DOC010",))
        assert [(f.line, f.actual, f.expected) for f in result.findings] == [
            (1, "其中：其中", "其中"), (2, "主要用于主要用于", "主要用于"), (2, "比上年比上年", "比上年")
        ]

    def test_across_a_line_break_it_is_found_without_a_fix(self):
        [f] = check_text("项目经费比上年增加3.15万元，主要原因是，\n主要原因是党员教育增加。\n", select=("DOC010",)).findings
        assert f.fix is None and "主要原因是" in f.message

    def test_a_run_of_repeats_is_one_finding(self):
        [(_, message)] = found("收入合计100万元，其中：其中：其中：财政拨款收入100万元。\n", "DOC010")
        assert "连写了 3 遍" in message

    def test_words_said_once_or_repeated_apart_stay_silent(self):
        text = "本年收入100.00万元，其中：财政拨款收入80.00万元；其中：一般公共预算60.00万元。比上年增加，比上年多。\n"
        assert not found(text, "DOC010")


def test_placeholders_of_one_kind_on_one_line_are_one_finding():
    text = "一、概况\nXX县XX局2023年度部门预算编制说明，收入比上年下降（增长）5%，支出比上年下降（增长）3%。\n二、收支\n某某单位收入100万元。\n"
    assert [(line, message[:8]) for line, message in found(text, "DOC004")] == [
        (2, "此行有 2 处模"), (2, "模板中的备选用词"), (2, "模板中的备选用词"), (4, "模板占位符“某某")
    ]
