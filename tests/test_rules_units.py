"""UNIT and FMT: 元/万元 slips, missing units, full-width figures."""

from .conftest import check_text


def findings(text, rule):
    return [f for f in check_text(text).findings if f.rule == rule]


def test_same_figure_in_two_units():
    text = "2021年度收、支总计11,492,964.29元，比上年减少1,073,164.39元。\n附：2021年度收、支总计11,492,964.29万元。"
    [f] = findings(text, "UNIT001")
    assert f.evidence == "11,492,964.29万元" and f.fix == "11,492,964.29元"
    assert f.line == 2
    assert f.related and f.related[0].evidence.startswith("11,492,964.29元")


def test_short_figures_in_two_units_are_a_coincidence():
    assert not findings("房屋120万元，设备120元，其他支出0元。", "UNIT001")


def test_part_ten_thousand_times_off():
    text = "基本支出242.34万元，其中：人员经费2,089,500.00万元，公用经费33.39万元。"
    [f] = findings(text, "UNIT001")
    assert f.evidence == "2,089,500.00万元"
    assert not findings(text, "SUM001")  # the slip explains the gap; one finding, not two


def test_amount_without_unit():
    result = check_text("本年收入合计9,964,644.70元，比上年减少   2,601,483.98 ，下降20.7%。")
    [f] = [f for f in result.findings if f.rule == "UNIT002"]
    assert f.evidence == "2,601,483.98" and f.expected == "2,601,483.98元"
    assert "CHG001" not in [g.rule for g in result.findings]  # the amount is still an amount


def test_rate_without_percent():
    [f] = findings("一般公共预算财政拨款支出9746.50万元。与2023年度相比，一般公共预算财政拨款支出增加1193.20万元，增长 13.95。", "UNIT002")
    assert f.fix == "13.95%"


def test_share_without_percent_is_a_share_not_an_amount():
    # "占 76.23;" lost its %: it is the share of its part, never an amount added into the list's sum
    text = (
        "一般公共预算财政拨款支出 20218.21 万元，主要用于以下方面：一般公共服务支出（类）207.40 万元，占 1.03%；"
        "城乡社区支出(类)15411.43 万元，占 76.23;住房保障支出(类)4599.38 万元，占 22.75%。"
    )
    result = check_text(text)
    assert [(f.rule, f.evidence, f.fix) for f in result.findings] == [("UNIT002", "76.23", "76.23%")]
    assert result.findings[0].message.startswith("占比 76.23 缺少“%”")
    wrong = text.replace("占 76.23;", "占 66.23;")  # now checked as the share it is
    assert sorted(f.rule for f in check_text(wrong).findings) == ["PCT001", "UNIT002"]


def test_an_area_after_zhan_di_is_no_share():
    assert findings("项目占地面积 35.50，建筑面积 120.00 平方米。", "UNIT002") == []


def test_amount_without_unit_in_a_list_joined_by_enumeration_commas():
    # a figure followed by 、 is an item of the list, not an item number like 1.1、
    text = "政府采购金额 2319.21 万元，其中：货物采购金额 122.43 万元、工程采购金额 1387.72、服务采购金额 809.07 万元。"
    [f] = findings(text, "UNIT002")
    assert f.evidence == "1387.72" and "应写作“1387.72万元”" in f.message
    [f] = findings("资金主要用于展厅建设42.60万元、展品更新31.20、讲解员培训14.52万元。", "UNIT002")
    assert f.evidence == "31.20"


def test_a_whole_amount_without_unit_after_a_money_item_s_name():
    # a figure with no decimals that ends its clause right after a money line item's name or a change in money
    text = "2017年度，本单位财政拨款收入1516.64万元，其中：一般公共预算财政拨款收入1486.64万元，政府性基金预算财政拨款收入30。"
    [f] = findings(text, "UNIT002")
    assert f.evidence == "30" and "应写作“30万元”" in f.message
    [f] = findings("全市一般公共预算支出完成372037万元，较上年同期增长9.66%，增支32770。", "UNIT002")
    assert f.evidence == "32770"
    # the budget or final figure of an item: "年初预算为 20，支出决算为 18.15 万元"
    [f] = findings("“统计信息事务（项）”18.15万元。年初预算为 20，支出决算为 18.15 万元，完成年初预算的 90.75%。", "UNIT002")
    assert f.evidence == "20" and "应写作“20万元”" in f.message
    assert not findings("“统计信息事务（项）”18.15万元。年初预算为 20 万元，支出决算为 18.15 万元。", "UNIT002")
    assert not findings("本年预算项目 20 个，预算金额 18.15 万元。", "UNIT002")


def test_whole_figures_that_are_no_amounts_stay_silent():
    for text in (
        "本单位一般公共预算财政拨款收入1486.64万元，涉及项目30个。",  # a count with its unit
        "本单位一般公共预算财政拨款收入1486.64万元，政府性基金预算财政拨款收入0。",  # nothing, however written
        "一般公共预算财政拨款支出1486.64万元，主要用于2080505机关事业单位基本养老保险缴费支出。",  # a 科目 code
        "本年收入1486.64万元，其中：财政拨款收入1400万元，其他收入86.64万元；2023年收入",  # a cut text
        "收、支总计各增加1412.7、2062.79万元。",  # one unit after the last of a list
    ):
        assert not findings(text, "UNIT002"), text


def test_dotted_item_numbers_stay_item_numbers():
    assert not findings("主要成效：1.1、完成展览12.00万元；1.2、培训教师支出30.00万元。\n1.3、其他支出5.00万元。", "UNIT002")


def test_wan_without_yuan_after_a_money_word():
    [f] = findings("武汉泰可电气股份有限公司入选项目，项目资金扶持共计 10 万。", "UNIT002")
    assert f.fix == "10 万元"


def test_wan_for_people_is_fine():
    assert not findings("参观人数5.23万人，其中青少年3.76万。", "UNIT002")


def test_year_and_codes_are_not_amounts():
    assert not findings("依据市委办发[2017]182号文件，2021年度支出合计474.49万元。", "UNIT002")


def test_fullwidth_comma_in_figure():
    [f] = findings("“一般公共服务支出（类）”2021年度决算478，297.24元。", "FMT001")
    assert f.fix == "478,297.24元"


def test_fullwidth_digits_and_missing_yuan_together():
    result = check_text("获得项目资金６万。")
    assert [f.rule for f in result.findings] == ["FMT001"]
    assert result.findings[0].fix == "6万元"


def test_enumeration_commas_are_not_thousands_separators():
    assert not findings("分别于1，2，3月开展活动。", "FMT001")


def test_a_total_ten_thousand_times_off():
    text = "基本支出2,420,000.00万元，其中：人员经费2,000,000.00元，公用经费420,000.00元。"
    [f] = findings(text, "UNIT001")
    assert f.evidence == "2,420,000.00万元" and f.expected == "2,420,000.00元"
    assert not findings(text, "SUM001")  # the slip explains the gap; one finding, not two
    # parts in both units: no single swap of the total explains them
    assert not findings("基本支出2,420,000.00万元，其中：人员经费2,000,000.00元，公用经费42.00万元。", "UNIT001")


def test_a_slip_that_explains_a_change_is_reported_as_a_slip():
    result = check_text("2023年度机关运行经费支出33.39元，比上年减少6.28万元，下降15.8%。")
    assert [(f.rule, f.evidence) for f in result.findings] == [("UNIT001", "33.39元")]


def test_of_two_figures_that_would_explain_a_slip_the_one_off_the_reports_unit_is_named():
    # 612,480.50 万元 with 58,230.00 万元 would hold too: but the report keeps its amounts in 元
    text = (
        "2023年度本年收入合计8,642,315.60元，其中：财政拨款收入8,400,000.00元，其他收入242,315.60元。\n"
        "2023年度本年支出合计8,642,315.60元，其中：基本支出6,125,400.00元，项目支出2,516,915.60元。\n"
        "2023年度机关运行经费支出612,480.50元，比上年减少58,230.00万元，下降8.7%。"
    )
    result = check_text(text)
    assert [(f.rule, f.evidence) for f in result.findings] == [("UNIT001", "58,230.00万元")]


def test_a_slip_that_explains_a_share_or_a_rate():
    text = (
        "本年支出合计474.49万元，其中：基本支出242.34万元，占51.1%；项目支出232.15元，占48.9%。\n"
        "一般公共预算财政拨款支出年初预算为400.46万元，支出决算为474.49元，完成年初预算的118.5%。"
    )
    found = [(f.rule, f.evidence) for f in check_text(text).findings]
    assert ("UNIT001", "232.15元") in found and ("UNIT001", "474.49元") in found
    assert not any(rule in ("PCT001", "EXE001") for rule, _ in found)


def test_a_whole_share_blames_the_figure_out_of_the_reports_unit():
    # 100%: either figure's unit swapped would do; the report keeps 万元, so the 元 one is the slip
    head = (
        "本部门2024年度收入合计100.00万元，支出合计100.00万元，其中：基本支出50.00万元，项目支出50.00万元。\n"
        "机关运行经费支出12.00万元，比上年增加2.00万元，增长20.0%。\n"
    )
    total_slip = head + "政府采购支出总额45.00元，授予中小企业合同金额45.00万元，占政府采购支出总额的100.0%。"
    [f] = findings(total_slip, "UNIT001")
    assert f.evidence == "45.00元" and f.message.startswith("单位疑似错写：政府采购支出总额的 45.00 元")
    part_slip = head + "政府采购支出总额45.00万元，授予中小企业合同金额45.00元，占政府采购支出总额的100.0%。"
    [f] = findings(part_slip, "UNIT001")
    assert f.evidence == "45.00元" and "授予中小企业合同金额" in f.message


def test_amounts_in_both_units_that_agree_are_fine():
    text = "本年支出合计474.49万元，其中：基本支出242.34万元，占51.1%；项目支出2,321,500.00元，占48.9%。"
    assert check_text(text).findings == []


def test_a_part_of_a_list_without_its_unit_takes_the_lists():
    # each part its own line and sentence: no other amount in the sentence, the list's in 万元
    text = (
        "一般公共预算财政拨款支出 19,044.27 万元，主要用于以下方面：\n"
        "1.“一般公共服务”306.90 万元，占 1.61%；\n2.“公共安全支出”350.56 万元，占 1.84%；\n"
        "3.“社会保障和就业支出”3,019.34，占 15.85%；\n4.“卫生健康支出”271.40 万元，占 1.43%。\n"
    )
    [f] = findings(text, "UNIT002")
    assert f.evidence == "3,019.34" and "同一列举中其他金额以“万元”计" in f.message
    # the list's own parts say nothing of the unit: no amount to hold the bare figure to
    assert not findings(text.replace("306.90 万元", "306.90").replace("350.56 万元", "350.56"), "UNIT002")
    # a list of rates is no list of amounts
    rates = "本年项目绩效自评情况如下：\n1.项目一完成率 98.50%；\n2.项目二完成率 97.25，评价为优。\n"
    assert not findings(rates, "UNIT002")


def test_an_items_final_amount_in_yuan_beside_its_budget_in_wan():
    head = (
        "2024年度部门决算\n本年收入合计 860.40 万元，其中：财政拨款收入 850.40 万元，其他收入 10.00 万元。本年支出合计"
        " 860.40 万元，其中：基本支出 700.40 万元，项目支出 160.00 万元。\n"
    )
    item = "“行政事业单位离退休（款）职业年金缴费支出（项）”。年初预算为 285.33 万元，支出决算为 {}。\n"
    [f] = findings(head + item.format("269.86 元"), "UNIT001")
    assert f.evidence == "269.86 元" and f.fix is None and "按“万元”计两者才相当" in f.message
    for honest in ("269.86 万元", "4,800.00 元"):  # the same unit; or 元 that is a fair share of the budget as written
        assert not findings(head + item.format(honest).replace("285.33 万元", "0.50 万元" if "4,800" in honest else "285.33 万元"), "UNIT001")
    # far apart in any unit: no slip explains it
    assert not findings(head + item.format("26.98 元"), "UNIT001")


def test_a_short_figure_written_in_both_units_in_one_sentence():
    # four digits are too few to call two figures in different places one amount; in one sentence they are
    text = (
        "2024年度部门决算\n本年收入合计 860.40 万元，其中：财政拨款收入 850.40 万元，其他收入 10.00 万元。本年支出合计"
        " 860.40 万元，其中：基本支出 700.40 万元，项目支出 160.00 万元。\n"
        "2024 年度本部门面向中小企业预留政府采购项目预算金额 21.07 万元，面向小微企业预留政府采购项目预算金额 21.07 {}。\n"
    )
    [f] = findings(text.format("元"), "UNIT001")
    assert f.evidence == "21.07 元" and f.fix == "21.07 万元"
    assert not findings(text.format("万元"), "UNIT001")
    # the same short figure in two sentences apart: a coincidence it may be
    apart = text.format("万元") + "公务接待费支出 21.07 元。\n"
    assert not findings(apart, "UNIT001")
