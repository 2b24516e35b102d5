"""Phrasings of other regions' templates and layouts, each a false alarm once met in a published report
(Guangdong, Sichuan, Guangxi, Inner Mongolia …): the sentences here are written in their style, not copied."""

import re

from .conftest import check_text


def findings(text, rule=None):
    return [f for f in check_text(text).findings if rule is None or f.rule == rule]


def letter_spaced(text):
    """The text as a justified PDF line gives it: a space between each two of its letters and marks."""
    return re.sub(r"(?<=[\u4e00-\u9fff，。；：、“”])(?=[\u4e00-\u9fff，。；：、“”])", " ", text)


class TestCompletedAgainstABudgetNamedInline:
    """Guangdong's 三公 wording: "决算为 A 万元，完成全年预算 B 万元的 R%，比上年决算数增加 D 万元，增长 G%"."""

    TEXT = (
        "某厅2023年度“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的73.2%，"
        "比上年决算数增加38.97万元，增长168.7%。其中：公务接待费支出决算为22.59万元，"
        "完成预算43.2万元的52.3%，比上年决算数增加20.63万元，增长1,055.4%。"
    )

    def test_the_change_is_the_final_amounts_not_the_budgets(self):
        assert not findings(self.TEXT)

    def test_a_wrong_rate_of_change_is_still_found(self):
        [f] = findings(self.TEXT.replace("168.7%", "68.7%"), "CHG001")
        assert "62.07" in f.message and f.expected == "增长168.70%"

    def test_the_completion_rate_is_checked_against_the_budget_named_inline(self):
        [f] = findings(self.TEXT.replace("73.2%", "75.2%"), "EXE001")
        assert "62.07" in f.message and "84.82" in f.message and f.expected == "73.2%"
        [f] = findings(self.TEXT.replace("52.3%", "50.3%"), "EXE001")
        assert f.expected == "52.29%"


class TestExpectedRateOfWholeFigures:
    def test_a_whole_budget_gives_the_quotient_as_written(self):
        # 3 万元 stands for 2.5 to 3.5: the range's middle (58.7%) is no division a reader can redo
        [f] = findings("某中心2023年度“三公”经费支出预算为3万元，支出决算为1.71万元，完成预算的43%。", "EXE001")
        assert f.expected == "57.0%" and "= 57.0%" in f.message

    def test_a_change_rate_from_a_figure_of_one_decimal_gives_the_quotient_as_written(self):
        # 2.4 万元 stands for 2.35 to 2.45: the expected rate is shown as 2.4 ÷ 1.06, not the middle of its range
        [f] = findings("2022年“三公”经费财政拨款支出决算为3.46万元，较上年增加2.4万元，增长0.24%。", "CHG001")
        assert f.expected == "增长226.415%"


class TestFiguresEachToOneName:
    """Sichuan's wording: "收、支总计各是 A、B 万元 … 各减少 C、D 万元，各下降 E%、F%" — one figure to each name."""

    TEXT = (
        "2022年度收、支总计各是4125.49{sep}4143.91万元。与2021年相比，收、支总计各减少1267.86{sep}2570.97万元，"
        "各下降{rate}%、38.29%。主要变动原因是项目收入减少。"
    )

    def test_the_lists_pair_in_order_and_one_unit_serves_the_list(self):
        for sep in (",", "，", "、"):
            assert not findings(self.TEXT.format(sep=sep, rate="23.51")), sep

    def test_the_first_of_each_list_is_still_checked(self):
        [f] = findings(self.TEXT.format(sep="、", rate="25.51"))
        assert f.rule == "CHG001" and "4125.49" in f.message and f.expected == "下降23.51%"

    def test_a_figure_of_a_list_without_each_keeps_its_own_unit_check(self):
        assert findings("本年收入合计9,964,644.70元，比上年减少2,601,483.98，下降20.7%。", "UNIT002")
        assert findings("基本支出120.00，项目支出50.00万元。", "UNIT002")


class TestPartsOfAnotherWhole:
    """A list whose parts give their share of a named whole is that whole's breakdown, not the last amount's."""

    def test_the_parts_of_the_total_budget_after_one_of_them(self):
        text = (
            "基本支出预算 1037103.63 元，占支出总预算的 95.57%；项目支出预算 48100 元，占支出总预算的 4.43%。\n"
            "其中：\n"
            "（一）文化旅游体育与传媒支出类科目 850088.3 元，占支出总预算 78.33%。\n"
            "（二）社会保障和就业支出类科目 116433.12 元，占支出总预算 10.73%。\n"
            "（三）卫生健康支出类科目 43897.73 元，占支出总预算 4.04%。\n"
            "（四）住房保障支出类科目 74784.48 元，占支出总预算 6.90%。\n"
        )
        assert not findings(text, "SUM001")

    def test_a_list_after_a_sentence_that_names_its_classification(self):
        text = (
            "按政府采购资金类型划分，一般公共预算拨款 17000 元，财政专户管理的资金安排 0 元，上年结转结余资金 0 元。"
            "按政府采购项目类型，分为货物类采购、工程类采购和服务类采购三种类型。其中：货物类采购 10000 元，"
            "占政府采购预算 58.8%；工程类采购 0 元，占政府采购预算 0%；服务类采购 7000 元，占政府采购预算 41.2%。"
        )
        assert not findings(text, "SUM001")

    def test_parts_that_name_the_total_as_their_whole_are_still_summed(self):
        text = "本年支出合计500.00万元，其中：基本支出360.00万元，占本年支出合计的72.0%；项目支出120.00万元，占本年支出合计的24.0%。"
        assert findings(text, "SUM001")


class TestLastYearsAccountsInABudget:
    """A budget's section on last year's 决算 ("二、2021年“三公”经费决算情况"), and the change after it."""

    TEXT = (
        "一、2022年“三公”经费预算安排情况\n"
        "2022年度“三公”经费预算总计21.8万元，其中：因公出国（境）经费0万元，公务接待11.8万元，公务用车运行费用10万元。\n"
        "二、2021年“三公”经费决算情况\n"
        "2021年度“三公”经费合计支出20.12万元，其中：因公出国（境）经费0万元，公务接待12.39万元，公务用车运行费用7.73万元。\n"
        "2022年度“三公”经费预算较2021年度增加1.68万元，其中公务接待较上年同期减少0.58万元，减少4.68%。"
        "公务用车运行费用较上年同期增加2.27万元，增长29.37%。\n"
    )

    def test_a_section_titled_with_last_year_states_last_years_figures(self):
        assert not findings(self.TEXT, "DOC007")

    def test_the_change_of_this_years_budget_is_not_held_to_last_years_amount(self):
        assert not findings(self.TEXT, "CHG001")

    def test_a_year_left_over_in_a_sentence_of_this_years_section_is_still_found(self):
        text = (
            "2023年度部门决算情况说明\n一、收入支出决算总体情况说明\n2023年度本年收入合计800.00万元。"
            "2023年度本年支出合计780.00万元。\n2022年度机关运行经费支出30.00万元。\n"
        )
        assert findings(text, "DOC007")


class TestTextThatBeginsInsideASection:
    TEXT = (
        "19816.81 元，项目支出 0 元。主要用于人员经费保障。\n"
        "（二）按支出结构分类划分，分为基本支出预算和项目支出预算。\n"
        "1. 基本支出预算 2476260.58 元。\n"
        "2. 项目支出 469500 元。\n"
        "六、一般公共预算基本支出情况说明\n"
        "2024 年本年一般公共预算基本支出 2476260.58 元。\n"
        "七、“三公”经费预算情况说明\n"
        "本单位无“三公”经费预算。\n"
    )

    def test_a_higher_number_after_only_lower_ranked_items_is_no_gap(self):
        assert not findings(self.TEXT, "DOC001")

    def test_a_gap_after_the_first_of_its_rank_is_still_one(self):
        [f] = findings(self.TEXT.replace("七、", "八、", 1), "DOC001")
        assert "缺少“七、”" in f.message


class TestLastYearsFigureNamedAsItsSpending:
    TEXT = (
        "2020年“三公”经费支出431万元，比上年累计支出433万元减少2万元，下降0.46%。其中，公务用车及运行维护费支出"
        "251万元，比上年累计支出285万元下降34万元，下降{rate}%；公务用车购置支出56万元，比上年增加56万元；公务接待支出124万元，比上年累计支出148万元下降24万元，下降16%。"
    )

    def test_last_years_cumulative_spending_is_the_prior_figure(self):
        assert not findings(self.TEXT.format(rate="12"))

    def test_a_wrong_rate_against_it_is_found(self):
        [f] = findings(self.TEXT.format(rate="14"), "CHG001")
        assert "285" in f.message and f.expected == "下降12%"


class TestPipeRowsWithBlankFigures:
    TEXT = (
        "2014年“三公”经费预算财政拨款情况统计表\n单位:万元\n项 目 | 本年预算数 |\n合 计 | 46 |\n"
        "1.因公出国(境)费用 | |\n2.公务接待费 | 8 |\n3.公务用车费 | 38 |\n"
        "其中:(1)公务用车运行维护费 | 38 |\n(2)公务用车购置 | |\n"
    )

    def test_a_row_whose_figures_are_blank_is_a_row_not_a_heading(self):
        assert not findings(self.TEXT, "DOC003")

    def test_the_table_reads_through_the_blank_row(self):
        from auditlint.segment.delimited import text_tables_in

        [table] = text_tables_in(self.TEXT, 0, len(self.TEXT))
        assert len(table.rows) == 7


class TestTwoListsEachAfterItsLabel:
    TEXT = (
        "2023 年财政拨款收支总预算 7,057,486.18 元。收入包括：一般公共预算拨款 7,034,418.94 元、上年结转结余 "
        "23,067.24 元；支出包括：教育支出 5,806,105.16 元、社会保障和就业支出 557,718.56 元、卫生健康支出 "
        "275,373.54 元、住房保障支出 418,288.92 元。"
    )

    def test_the_spending_list_is_not_the_parts_of_the_last_income_item(self):
        assert not findings(self.TEXT, "SUM001")

    def test_a_list_after_an_amount_in_the_same_clause_is_still_its_parts(self):
        text = "本年支出合计500.00万元，其中：基本支出360.00万元，项目支出150.00万元。"
        assert findings(text, "SUM001")


class TestLastYearsBudgetNamedByItsYear:
    def test_a_budget_compared_with_a_named_years_budget_is_against_last_year(self):
        text = "2023年，某镇人民政府的机关运行经费财政拨款预算为46.8万元，较2022年预算增加15.60万元，增长33.33%。"
        [f] = findings(text, "CHG001")
        assert "比上年增加" in f.message and "年初预算" not in f.message


class TestTextThatBeginsMidSentence:
    def test_an_amount_whose_subject_was_cut_off_is_no_mention_of_the_whole(self):
        text = (
            "19816.81 元，项目支出 0 元。主要用于人员经费保障。\n"
            "（二）按支出结构分类划分，分为基本支出预算和项目支出预算。\n"
            "1. 基本支出预算 2476260.58 元。\n2. 项目支出 469500 元，同比增加 70100 元，增长 17.55%。\n"
        )
        assert not findings(text, "XREF001")

    def test_two_whole_sentences_that_disagree_are_still_found(self):
        text = "2024 年项目支出 0 元，主要用于人员经费保障。\n2. 项目支出 469500 元，同比增加 70100 元，增长 17.55%。\n"
        assert findings(text, "XREF001")


class TestAUseThatListsNoFigures:
    def test_items_after_a_use_sentence_are_not_its_parts(self):
        text = (
            "教育类支出：安排31652万元，比上年增加4843万元。主要用于学前教育、农村中小学校舍安全工程等方面支出；"
            "现代农业类支出：安排20356万元，比上年增加2478万元；科技创新类支出：安排35245万元，比上年增加5500万元。"
        )
        assert not findings(text, "SUM001")

    def test_a_use_sentence_that_lists_figures_is_still_summed(self):
        text = "本年支出合计500.00万元。主要用于：基本支出360.00万元，项目支出150.00万元。"
        assert findings(text, "SUM001")


class TestItemsListedWithoutAFigure:
    def test_a_list_that_opens_with_an_unnumbered_item_is_not_complete(self):
        text = (
            "2011 年某部使用财政拨款开支“三公经费”的单位共 50个，包括本部本级、9 个派驻地方的督察局、"
            "某调查局本级及其27个所属事业单位、其他12个部直属事业单位。"
        )
        assert not findings(text, "SUM001")

    def test_the_same_list_letter_spaced(self):
        text = (
            "2011 年 某 部 使 用 财 政 拨 款 开 支 “ 三 公 经 费 ” 的 单 位 共 50 个 ， 包 括 本 部 本 级 、 9 个 派 驻 地 方 的 督 察 局 、 "
            "某 调 查 局 本 级 及 其 27 个 所 属 事 业 单 位 、 其 他 12 个 部 直 属 事 业 单 位 。"
        )
        assert not findings(text, "SUM001")

    def test_a_list_of_figured_items_with_a_catch_all_is_still_summed(self):
        text = "单位共 50个，包括9 个派驻地方的督察局、27个所属事业单位、其他12个部直属事业单位。"
        assert findings(text, "SUM001")


class TestChangesOfAListThatMayBePartial:
    def test_decreases_of_the_parts_read_may_exceed_the_total_decrease(self):
        # the third part went up: read or not, the parts' decreases bound nothing
        text = (
            "1. 基本支出预算 924,289.71 元，同比减少 275,044.29 元，下降 22.93 %。其中：\n"
            "工资福利支出预算 857,890.16 元，同比减少 261,443.84 元，下降 23.36%。\n"
            "商品和服务支出预算 61,599.55 元，同比减少 18,400.45 元，下降 23.00%。\n"
            "对个人和家庭补助支出预算 4,800.00 元，同比增加 4,800.00 元，2020 年无此项预算。\n"
        )
        assert not findings(text, "SUM001")

    def test_amounts_of_a_partial_list_that_exceed_the_total_are_still_found(self):
        text = "基本支出 500.00 万元，其中：工资福利支出 400.00 万元，商品和服务支出 150.00 万元。"
        assert findings(text, "SUM001")


class TestAFigureThatEndsTheText:
    def test_the_last_figure_of_a_cut_text_is_not_held_to_its_unit(self):
        assert not findings("3.公务接待费支出0.00元。其中：国内接待费支出0.00元（其中：外事接待费支出0.00", "UNIT002")

    def test_a_figure_without_its_unit_inside_the_text_is_still_found(self):
        assert findings("本年收入合计9,964,644.70元，比上年减少2,601,483.98，下降20.7%。", "UNIT002")


class TestOneCharacterDirections:
    """Yunnan's budget wording: "较上年增 17.1 万元，增幅 17.18%", "较上年减 0.04 万元", "较上年（减少）16.23 万元"."""

    TEXT = (
        "一、预算收支增减变化情况说明\n"
        "2019年基本支出预算较上年增20.5万元,增幅10.25%。主要变动原因如下:\n"
        "1.工资福利支出较上年增21.2万元,增{rate}%。主要原因是:调整工资标准。\n"
        "2.商品和服务支出较上年减0.7万元,减3.5%。主要原因是:压减办公费。\n"
    )

    def test_changes_are_not_read_as_amounts_of_a_list(self):
        # read as amounts, 21.2 + 0.7 exceeded 20.5 (a false SUM001)
        assert not findings(self.TEXT.format(rate="12.5"))

    def test_a_change_with_a_one_character_direction_is_checked(self):
        assert not findings("公用经费40万元,较上年增10万元,增33.33%。")
        [f] = findings("公用经费40万元,较上年增10万元,增50%。", "CHG001")
        assert f.expected == "增33.3%"
        assert not findings("公用经费30万元,比2018年（减）10万元,（减）幅25%。")
        [f] = findings("公用经费30万元,比2018年（减）10万元,（减）幅20%。", "CHG001")
        assert "25" in f.expected and "40" in f.message

    def test_directions_that_contradict_each_other(self):
        [f] = findings("商品和服务支出较上年减0.04万元,增0.01%。", "CHG002")
        assert "减" in f.message

    def test_a_lone_character_elsewhere_is_no_direction(self):
        # 新增 and 调减 are words of their own: no change is read, so nothing is checked
        assert not findings("公用经费40万元,新增10万元,增长50%。", "CHG001")


class TestRevenueCollectedMoreOrLess:
    """Budget execution reports: "收入累计完成 A 万元，比上年减收 D 万元，下降 R%。其中：税收收入 B 万元，比上年增收 …"."""

    TEXT = (
        "4月,一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降4.2%。"
        "其中:税收收入8103万元,比上年增收1284万元,增长{rate}%;非税收入16524万元,比上年减收2354万元,下降12.5%。"
    )

    def test_a_change_in_revenue_is_no_total_of_the_parts_after_it(self):
        # 减收 1070 万元 read as an amount took the 其中 list as its parts (a false SUM001)
        assert not findings(self.TEXT.format(rate="18.8"))

    def test_the_changes_are_checked(self):
        [f] = findings(self.TEXT.format(rate="28.8"), "CHG001")
        assert "8103" in f.message and f.expected == "增长18.8%"


class TestFinalAboveBudgetBy:
    """Gansu's wording: "完成年初预算 100%，决算数大于预算数 55.93 万元，主要原因：62 名职工工资调标…"."""

    TEXT = (
        "2017年度,本单位一般公共预算财政拨款支出总计1741.75万元,与上年相比减少53.7万元,降低2.99%;"
        "完成年初预算103.3%,决算数大于预算数55.93万元,主要原因:2017年度62名职工工资调标。其中:\n"
        "1. 教育支出1595.95万元,完成年初预算100%,决算数大于预算数,主要原因:2017年度62名职工工资调标。\n"
    )

    def test_the_difference_is_no_budget_and_a_count_no_final_amount(self):
        # 55.93 was read as the budget and 62 名 as the final amount: a false EXE002 "应为小于"
        assert not findings(self.TEXT, "EXE002")

    def test_a_count_is_no_final_amount(self):
        text = "教育支出年初预算为1600万元,决算数大于预算数,主要原因:2017年度62名职工工资调标。"
        assert not findings(text, "EXE002")  # was "决算 62 名，预算 1600 万元，应为小于"

    def test_the_difference_is_checked_against_the_two_amounts(self):
        text = "行政运行年初预算为35万元,支出决算为30万元,决算数小于预算数{d}万元。"
        assert not findings(text.format(d=5))
        [f] = findings(text.format(d=8), "CHG004")
        assert "相差 5 万元" in f.message

    def test_the_comparison_is_still_checked_where_both_amounts_are_given(self):
        text = "教育支出年初预算为1600万元,支出决算为1595.95万元,完成年初预算的99.7%,决算数大于预算数。"
        [f] = findings(text, "EXE002")
        assert f.expected == "小于"


class TestEachFundsOwnTotals:
    """A government's 决算 (Fujian's layout): each fund's section closes with its own 收入合计 / 支出合计."""

    TEXT = (
        "一、2020年全区收支决算\n"
        "1.一般公共预算收支及其平衡情况\n"
        "一般公共预算支出36131万元,加上解上级支出5244万元,债务还本支出675万元,支出合计42050万元。\n"
        "2.政府性基金收支及其平衡情况\n"
        "政府性基金支出8317万元,调出资金1830万元,债务还本支出31万元,支出合计10178万元。\n"
    )

    def test_two_funds_totals_are_not_one_figure_stated_twice(self):
        # both "支出合计" were taken for the department's 本年支出合计: a false XREF001
        assert not findings(self.TEXT, "XREF001")

    def test_a_department_s_total_stated_twice_is_still_held_together(self):
        text = (
            "一、收入支出决算总体情况说明\n2023年度本年支出合计1200.5万元。\n"
            "二、支出决算情况说明\n2023年本年支出合计1250.5万元,其中:基本支出1000.5万元,项目支出250万元。\n"
        )
        [f] = findings(text, "XREF001")
        assert "1200.5" in f.message and "1250.5" in f.message


class TestContentsWhoseEntriesWereLost:
    """A page whose contents list lost entries in extraction (Xinjiang's page, as stored): it starts at 九、 and
    runs straight into the body, with no entry repeated where the body starts."""

    TEXT = (
        "某中心2023年度部门决算公开说明\n目 录\n九、国有资本经营预算财政拨款收入支出决算情况说明\n十二、其他需说明的事项\n"
        "九、《国有资本经营预算财政拨款收入支出决算表》\n第一部分 单位概况\n一、主要职能\n"
        "贯彻执行国家有关政务服务工作的方针、政策;负责政务服务信息系统的建设、管理和维护工作。\n"
        "二、机构设置及人员情况\n本中心2023年度实有人数11人,其中:在职人员10人,退休人员1人。\n"
        "第二部分 部门决算情况说明\n一、收入支出决算总体情况说明\n2023年度收入总计434.72万元。\n"
    )

    def test_the_body_starts_at_its_first_heading(self):
        # 第一部分 and 一、 were read as contents entries: "编号从二、开始" and "从第二部分开始" (false DOC001)
        assert not [f for f in findings(self.TEXT, "DOC001") if "目录" not in f.message]

    def test_contents_that_start_past_their_first_entry_are_not_held_to_numbering(self):
        assert not findings(self.TEXT, "DOC001")

    def test_a_gap_in_the_body_is_still_found(self):
        [f] = findings(self.TEXT.replace("二、机构设置", "三、机构设置"), "DOC001")
        assert "二、" in f.message


class TestChangeAfterABracketedBreakdown:
    """The national 三公 wording: "公务用车购置及运行费 42.68 亿元（包括购置费 9.26 亿元、运行费 33.42 亿元），减少 3.11 亿元"."""

    TEXT = (
        "2021年安排中央本级“三公”经费财政拨款预算51.87亿元,比2020年预算减少3.3亿元,下降6%,其中:"
        "公务用车购置及运行费42.68亿元(包括购置费9.26亿元、运行费33.42亿元),减少3.11亿元,下降{rate}%;"
        "公务接待费2.45亿元,减少0.15亿元,下降5.8%。"
    )

    def test_the_change_is_the_amount_before_the_bracket(self):
        # it was taken as 运行费's: "运行费 33.42 亿元，比上年减少 3.11 亿元，降幅应为 8.5%" (a false CHG001)
        assert not findings(self.TEXT.format(rate="6.8"), "CHG001")

    def test_a_wrong_rate_is_found_against_the_amount_before_the_bracket(self):
        [f] = findings(self.TEXT.format(rate="8.5"), "CHG001")
        assert "42.68" in f.message and f.expected == "下降6.8%"


class TestCountsOfDifferentThings:
    """"102 个中央部门…其中，有 81 个部门公开了 104 个项目的项目文本": a list's counts of other things are no parts."""

    def test_counts_of_projects_are_no_parts_of_a_count_of_departments(self):
        text = (
            "2021年,共有102个中央部门(单位)公开了部门预算。102个部门全部说明了压减支出等情况,其中,"
            "有81个部门公开了104个项目的项目文本,比上年增加21个项目;有99个部门公开了128个项目的绩效目标表。"
        )
        assert not findings(text, "SUM001")  # was "81个 + 104个 = 185个，而总数写作 102 个"

    def test_counts_of_one_thing_are_still_summed(self):
        [f] = findings("本单位设内设机构5个,其中:行政科室3个,业务科室3个。", "SUM001")
        assert "6" in f.message


class TestALongNamedTotal:
    def test_a_total_named_with_the_body_and_year_before_its_parts(self):
        # "安徽省某某中心2023年度一般公共预算财政拨款“三公”经费支出决算中，A…占 x%；B…占 y%": the shares are of the
        # total stated before, however long the name the sentence opens with
        text = (
            "（一）总体情况说明。\n某某省某某县文物保护中心2023年度一般公共预算财政拨款“三公”经费支出预算为3万元，支出决算为1.71万元。\n"
            "（二）具体情况说明。\n某某省某某县文物保护中心2023年度一般公共预算财政拨款“三公”经费支出决算中，"
            "公务接待费支出决算0.53万元，占{}%；公务用车购置及运行维护费支出决算1.18万元，占{}%。\n"
        )
        assert len(findings(text.format(69, 31), "PCT001")) == 2
        assert findings(text.format(31, 69), "PCT001") == []


class TestSharesOfEachItsOwnKind:
    """"节能产品 A 亿元，占同类产品采购规模的 71.5%；环保产品 B 亿元，占同类产品采购规模的 81.5%": two totals."""

    def test_shares_of_the_same_kind_as_each_part_are_not_of_one_total(self):
        text = (
            "全国强制和优先采购节能产品规模达到1346.3亿元,占同类产品采购规模的71.5%;"
            "全国优先采购环保产品规模达到1360亿元,占同类产品采购规模的81.5%。"
        )
        assert not findings(text, "PCT001")


class TestFiguresListedAfterTheirNames:
    """"中央预算单位、地方预算单位政府采购规模分别为 A 亿元和 B 亿元，占全国政府采购规模的 P 和 Q": one figure to each name."""

    TEXT = (
        "2019年全国政府采购规模为33067.0亿元。中央预算单位、地方预算单位政府采购规模分别为2666.3亿元和30400.7亿元,"
        "占全国政府采购规模的{p}%和91.9%。"
    )

    def test_the_first_share_is_the_first_name_s(self):
        # 8.1% was held to the last amount (30400.7 ÷ 33067.0 = 91.9%): a false PCT001
        assert not findings(self.TEXT.format(p="8.1"))

    def test_a_wrong_first_share_is_still_found(self):
        [f] = findings(self.TEXT.format(p="9.1"), "PCT001")
        assert "2666.3" in f.message and f.expected == "8.1%"


class TestLevelTotalBeforeAColon:
    """"“三公”经费预算安排 520 万元，与2022年预算持平：一、因公出国（境）费预算 170 万元，与2022年预算相比增加 170 万元"."""

    TEXT = (
        "2023年一般公共预算“三公”经费预算安排520万元,与2022年预算持平:一、2023年因公出国(境)费预算170万元,"
        "与2022年预算相比增加170万元,二、2023年公务接待费预算200万元,与2022年预算相比持平。"
    )

    def test_the_total_s_level_is_not_the_item_s_change(self):
        assert not findings(self.TEXT, "CHG006")  # the colon ends the total's clause

    def test_level_beside_a_change_in_one_clause_is_still_found(self):
        assert findings("2023年公务接待费支出50万元,与上年持平,比上年增加5万元。", "CHG006")


class TestBracketedBreakdownWithoutAMarker:
    """Guangdong's 三公 wording: "公务用车购置及运行费 500.00 万元（公务用车购置费 100.00 万元，比上年增加 0 万元；公务用车
    运行维护费 400.00 万元，比上年增加 0 万元。）比上年增加 0 万元"."""

    TEXT = (
        "2022年本部门财政拨款安排“三公”经费502.4 万元,比上年减少14.6 万元,下降2.82 %。其中:因公出国(境)费0 万元,"
        "比上年增加0 万元;公务用车购置及运行费500.00 万元(公务用车购置费{buy} 万元,比上年增加0 万元;"
        "公务用车运行维护费400.00 万元,比上年增加0 万元。)比上年增加0 万元;公务接待费2.4 万元,比上年减少14.6 万元。"
    )

    def test_the_bracket_s_amounts_are_parts_of_the_amount_before_it(self):
        # they were summed as parts of the 三公 total: "0 + 500.00 + 100.00 + 400.00 = 1,000.0" (a false SUM001)
        assert not findings(self.TEXT.format(buy="100.00"), "SUM001")

    def test_the_bracket_s_breakdown_is_checked(self):
        [f] = findings(self.TEXT.format(buy="110.00"), "SUM001")
        assert "500.00" in f.message and "110.00" in f.message


class TestABudgetNamedByTheReportsOwnYear:
    """Anhui's 三公 决算 wording: "公务接待费支出 5.21 万元，与2021年度预算相比，减少 0.1 万元" in the 2021 决算."""

    TEXT = (
        "杜集区政府办2021年度一般公共预算财政拨款“三公”经费支出决算具体情况说明。\n"
        "2.公务接待费支出5.21万元, 与2021年度预算相比,减少{d}万元,下降{r}%。\n"
    )

    def test_it_is_this_year_s_budget(self):
        [f] = findings(self.TEXT.format(d="0.1", r="0.006"), "CHG001")
        assert "预算" in f.message and "上年" not in f.message

    def test_a_consistent_change_against_it_holds(self):
        assert not findings(self.TEXT.format(d="9.69", r="65.03"))

    def test_in_a_budget_report_a_year_named_budget_is_never_its_own(self):
        # the year most written may be last year's (2024 here): a budget is still not compared with itself
        text = (
            "某中心2025年部门预算\n2024年度执行情况:2024年度公务接待费执行4.00万元。\n"
            "2025年公务接待费预算5.00万元,比2024年度预算增加1.00万元,增长{r}%。\n"
        )
        assert not findings(text.format(r="25.00"))
        [f] = findings(text.format(r="20.00"), "CHG001")
        assert "上年" in f.message
        from auditlint.extract import extract
        from auditlint.model import Document

        body = text.format(r="25.00")
        d = extract(Document(path="预算.txt", format="text", text=body, content=body))
        [delta] = [f for st in d.statements for f in st.facts if f.role == "delta"]
        assert delta.basis == "prior_year"

    def test_another_year_s_budget_is_still_last_year_s(self):
        text = "某中心2023年部门预算。\n2023年公务接待费预算5.00万元,较2022年预算增加1.00万元,增长25.00%。\n"
        assert not findings(text)
        [f] = findings(text.replace("25.00%", "20.00%"), "CHG001")
        assert "上年" in f.message


class TestABudgetReportsOwnFigures:
    TEXT = (
        "某单位2024年部门预算\n一、收支预算总体情况说明\n2024年本年支出合计1200.5万元。\n二、支出预算情况说明\n"
        "2024年本年支出合计1250.5万元,其中:基本支出1000.5万元,项目支出250万元。\n"
    )

    def test_a_budget_s_amount_stated_twice_is_named_a_budget_not_spending(self):
        [f] = findings(self.TEXT, "XREF001")
        assert "预算数 1250.5" in f.message and "实际支出" not in f.message

    def test_a_final_report_s_amount_is_still_spending(self):
        [f] = findings(self.TEXT.replace("部门预算", "部门决算").replace("预算情况", "决算情况"), "XREF001")
        assert "实际支出 1250.5" in f.message


class TestArrangedUnderANumberedLabel:
    """Budget wording: "1.教育支出类：安排 1800 万元，占…" — the item's label is what the amount is of."""

    TEXT = (
        "一、一般公共预算支出情况说明\n2024年一般公共预算支出3000万元,其中:\n"
        "1.教育支出类:安排1800万元,占一般公共预算支出的{p}%;\n2.农林水支出类:安排1200万元,占一般公共预算支出的40%。\n"
    )

    def test_the_subject_is_the_label_not_the_verb(self):
        assert not findings(self.TEXT.format(p="60"))
        [f] = findings(self.TEXT.format(p="50"), "PCT001")
        assert "教育支出类 1800" in f.message  # was "安排 1800 万元 ÷ …"


class TestARateOfTheAdjustedBudget:
    """A finance bureau's 决算草案 wording: the 年初 budget, then "预算调整为 B 亿元" as a plain figure, then
    "完成调整预算数的 R%" — the rate names the adjusted budget, not the 年初 one stated before it."""

    TEXT = (
        "2022年,全区一般公共预算收入年初预算安排150.4亿元。受政策影响,经区人大常委会批准收入预算调整为120.50亿元。"
        "2022年全区完成一般公共预算收入125.31亿元,完成{kind}预算数的{rate}%。"
    )

    def test_the_initial_budget_does_not_measure_a_rate_of_the_adjusted_one(self):
        assert not findings(self.TEXT.format(kind="调整", rate="103.99"), "EXE001")

    def test_a_rate_of_the_initial_budget_is_still_checked_against_it(self):
        assert not findings(self.TEXT.format(kind="年初", rate="83.32"), "EXE001")
        [f] = findings(self.TEXT.format(kind="年初", rate="103.99"), "EXE001")
        assert "150.4" in f.message and f.expected == "83.318%"


class TestLevelAtTheEndOfAnUnpunctuatedItem:
    """A 三公 summary whose numbered items end without a stop: "1. 因公出国（境）费0万元，…与上年持平" then
    "2. 公务接待费 A 万元，较上年增加 D 万元" — 持平 closes item 1 and is no word about item 2's change."""

    TEXT = (
        "2021年度区本级“三公”经费决算汇总数1045.3万元。其中:\n"
        "1. 因公出国(境)费0万元,主要原因是本年无因公出国(境)安排,与上年持平{end}\n"
        "2. 公务接待费420.03万元,较上年增加53.1万元,上升14.47%,主要原因是接待费用增加。\n"
    )

    def test_the_next_item_s_change_is_not_beside_the_level(self):
        assert not findings(self.TEXT.format(end=""), "CHG006")
        assert not findings(self.TEXT.format(end="。"), "CHG006")

    def test_a_level_in_the_same_item_as_a_change_is_still_reported(self):
        text = self.TEXT.format(end="").replace("较上年增加53.1万元", "与上年持平,较上年增加53.1万元")
        [f] = findings(text, "CHG006")
        assert "53.1" in f.message


class TestSharesOfATotalEachCityStatesAnew:
    """A province's monthly news, one paragraph per city: "全市一般公共预算支出执行 A 亿元 … 其中，民生支出 B 亿元，
    占一般公共预算支出的 P%" — each city's share is of its own total, stated in its own paragraph."""

    TEXT = (
        "甲市一般公共预算收入完成83.7亿元,同比增长13.2%。全市一般公共预算支出执行118.9亿元,同比增长24.9%。"
        "其中,民生支出94.6亿元,占一般公共预算支出的79.6%。\n"
        "乙市一般公共预算收入累计完成53.63亿元,同比增长19.48%。全市一般公共预算支出执行57.28亿元,同比增长14.85%。"
        "其中,民生支出45.1亿元,占一般公共预算支出的{p}%。\n"
    )

    def test_shares_of_two_cities_totals_are_not_held_together(self):
        assert not findings(self.TEXT.format(p="78.7"), "PCT001")

    def test_shares_of_one_unstated_total_still_are(self):
        text = "基本支出 94.6 万元，占一般公共预算支出的 79.6%；项目支出 45.1 万元，占一般公共预算支出的 78.7%。\n"
        [f] = findings(text, "PCT001")
        assert f.severity.value == "warning"


class TestAWanEndingACutText:
    """A page that stops mid-sentence: "…公务用车购置及运行维护费支出决算8.47万" — the 元 is on what did not come with
    it, as with a figure in 元 that ends the text."""

    def test_a_bare_wan_that_ends_the_text_is_not_reported(self):
        assert not findings("2017年度“三公”经费财政拨款支出决算中,公务用车购置及运行维护费支出决算8.47万", "UNIT002")

    def test_a_bare_wan_inside_the_text_still_is(self):
        [f] = findings("2017年度公务用车购置及运行维护费支出决算8.47万,占96.58%。", "UNIT002")
        assert f.expected == "8.47万元"


def test_a_rate_of_the_adjusted_budget_is_checked_when_the_earlier_sentence_states_both():
    # "年初预算 B1，调整预算 B2" in one sentence, "完成调整预算的 R%" after it: measured by B2 alone
    text = "2023年,全区一般公共预算收入年初预算100.5亿元,调整预算为120.50亿元。\n2023年全区完成一般公共预算收入125.31亿元,完成调整预算的{}%。\n"
    assert not findings(text.format("103.99"), "EXE001")
    [f] = findings(text.format("124.69"), "EXE001")
    assert "120.50" in f.message and f.expected == "103.992%"


class TestAFormFlattenedOneCellALine:
    """Hunan's 部门整体支出绩效评价基础数据表 as a web page gives it: one cell a line, blank cells as blank lines, and
    the form's "……" rows ("one more item of this kind") between its numbered rows."""

    TEXT = (
        "经费控制情况(万元\n\n2022 年决算数\n\n2023 年预算数\n\n2023 年决算数\n\n"
        "项目支出:\n\n674.20\n\n\n\n208.17\n\n\n\n825.20\n\n"
        "1、业务工作经费\n\n\n\n\n2、运行维护经费\n\n\n\n\n……\n\n\n\n\n3、省级专项资金(每个专项一行\n\n\n\n\n……\n\n\n\n\n"
        "公用经费\n\n108.31\n\n75.76\n\n183.42\n"
    )

    def test_a_row_of_dots_is_no_contents_entry(self):
        # it was read as a contents line: numbering restarted there and "3、" was said to start without 1、 and 2、
        assert not findings(self.TEXT, "DOC001")

    def test_a_numbered_row_with_blank_cells_is_no_empty_section(self):
        assert not findings(self.TEXT, "DOC003")

    def test_an_empty_section_of_prose_is_still_reported(self):
        text = "（一）加强科普阵地建设\n新建科普长廊2处。\n（二）开展科普进社区活动\n（三）培育科普志愿者队伍\n新增志愿者120人。\n"
        [f] = findings(text, "DOC003")
        assert "开展科普进社区活动" in f.message


class TestTrillionsOfYuan:
    """National figures are written in 万亿元: "全国一般公共预算收入突破了 21 万亿元" is an amount, not "21 万" short of 元."""

    def test_wanyi_yuan_is_a_unit(self):
        text = "全国一般公共预算收入突破了21万亿元,较去年同期增长了6.4%。全国一般公共预算支出也达到了27.46万亿元。\n"
        assert not findings(text, "UNIT002")

    def test_amounts_in_wanyi_yuan_are_checked(self):
        text = "2023年全国一般公共预算收入21.68万亿元,比上年增加1.30万亿元,增长{}%。\n"
        assert not findings(text.format("6.4"), "CHG001")
        [f] = findings(text.format("7.4"), "CHG001")
        assert "万亿元" in f.message


class TestAContentsTitleWithAStraySymbol:
    """Beijing's 部门决算 as one district's pages give it: "目 ⠂ 录", a symbol of the page between the two characters."""

    TEXT = (
        "某局\n2024年度部门决算\n目 {sep} 录\n第一部分 2024年度部门决算报表\n一、收入支出决算总表\n二、收入决算表\n"
        "第二部分 2024年度部门决算说明\n第三部分 2024年度其他重要事项的情况说明\n第四部分 2024年度部门绩效评价情况\n"
        "第一部分 2024年度部门决算报表\n报表详见附件。\n第二部分 2024年度部门决算说明\n一、部门基本情况\n机构设置:内设办公室。\n"
        "二、收入支出决算总体情况说明\n2024年度收、支总计2228.68万元,比上年减少55.29万元,下降2.42%。\n"
    )

    def test_the_contents_are_still_the_contents(self):
        for sep in ("", "⠂", "·"):
            assert not findings(self.TEXT.format(sep=sep), "DOC003"), sep


def test_a_contents_entry_cut_short_of_its_dots_is_still_in_the_contents():
    # Zhejiang's dotted contents, the page cut inside an entry: "(六)一般公共预算财政拨款基" has lost its dots and page
    # number, but it is the entry after "(五)", not a body list starting at (六)
    text = (
        "目录\n一、概况..............................( 1 )\n(一)部门职责......................( 1)\n(二)机构设置......................( 1)\n"
        "二、2022年度部门决算情况说明..........( 2)\n(一)收入支出决算总体情况说明..........( 2)\n(二)收入决算情况说明..........( 2)\n"
        "(三)支出决算情况说明..........( 3)\n(四)财政拨款收入支出决算总体情况说明..........( 3)\n(五)一般公共预算财政拨款支出决算情况说明..........( 4)\n"
        "(六)一般公共预算财政拨款基"
    )
    assert not findings(text, "DOC001")
    # a body list after the contents that really starts at (二) is still reported
    body = text.replace("(六)一般公共预算财政拨款基", "一、概况\n(二)机构设置\n本局内设3个科室。\n(三)人员情况\n在职12人。\n")
    [f] = findings(body, "DOC001")
    assert "(二)" in f.message or "（二）" in f.message


class TestPartsOfAnAmountStatedBeforeTheLast:
    """A 其中 list that breaks down an amount stated before the one just ahead of it: a 决算 report's 超收 after the
    revenue (Guangdong), a clause of several counts (Zhejiang)."""

    def test_the_revenue_not_its_excess_over_budget(self):
        text = (
            "(1)市级一般公共预算收入52.4亿元,超收0.12亿元,按规定补充预算稳定调节基金。其中,税收收入30.15亿元,"
            "增长4.2%;非税收入22.25亿元,下降2.3%。"
        )
        assert not findings(text, "SUM001")

    def test_the_counts_of_the_whole_clause(self):
        text = (
            "2024年对6个部门、4个乡镇街道开展整体支出绩效评价,12个专项开展重点绩效评价,其中:良好部门6个;"
            "优秀乡镇街道1个,良好乡镇街道3个;良好专项11个,中等专项1个。"
        )
        assert not findings(text, "SUM001")

    def test_parts_that_match_no_amount_before_are_still_reported(self):
        text = (
            "(1)市级一般公共预算收入52.4亿元,超收0.12亿元,按规定补充预算稳定调节基金。其中,税收收入30.15亿元,"
            "增长4.2%;非税收入23.25亿元,下降2.3%。"
        )
        [f] = findings(text.replace("超收0.12亿元,按规定补充预算稳定调节基金。", ""), "SUM001")
        assert "53.4 亿元" in f.message


class TestAPartSaidBeforeAndAfterItsAdjustment:
    """Chongqing's budget notes: "由年初预算的 A 万元调整为 B 万元" inside a 其中 list is one part, not two."""

    TEXT = (
        "政府性基金预算由年初的60000万元调整为42000万元,其中:土地出让收入由年初预算的48000万元调整为30000万元,"
        "城市建设配套费8000万元、专项债务对应项目专项收入{last}万元不作调整。"
    )

    def test_the_adjusted_figure_is_the_part(self):
        assert not findings(self.TEXT.format(last="4000"), "SUM001")

    def test_adjusted_parts_that_do_not_add_up_are_still_reported(self):
        [f] = findings(self.TEXT.format(last="5000"), "SUM001")
        assert "43,000" in f.message or "43000" in f.message


class TestANumberedListNamedByItsLeadIn:
    """Guangdong's 决算 report: "…结转结余为 0.90 亿元。支出主要情况如下：" — the numbered items after it are the
    支出, not parts of the 结转结余 just before the lead-in."""

    TEXT = (
        "2023年某区一般公共预算支出52.30亿元,加上上解上级支出0.35亿元,总支出为52.65亿元。总收支相抵后,结转结余为0.62亿元。"
        "支出主要情况如下:\n1.一般公共服务支出8.12亿元,增长2.1%。\n2.公共安全支出1.35亿元,增长4.0%。\n3.教育支出9.06亿元,增长5.2%。\n"
    )

    def test_the_items_are_not_parts_of_the_amount_before_the_lead_in(self):
        assert not findings(self.TEXT, "SUM001")

    def test_a_run_after_its_total_with_no_lead_in_is_still_summed(self):
        text = "2023年某单位项目支出10.50万元。\n1.培训费5.20万元。\n2.印刷费3.10万元。\n3.其他支出3.20万元。\n"
        [f] = findings(text, "SUM001")
        assert "11.50" in f.message


class TestIncrementsOfAnAdjustment:
    """Chongqing's budget adjustment drafts: "调入资金拟调整为 A 万元，调增 B 万元。分别是土地出让收入调入 C 万元，调增 D 万元；…"."""

    TEXT = (
        "——调入资金拟调整为48000万元,调增12000万元。分别是土地出让收入调入41500万元,调增13500万元;"
        "城市建设配套费调入6500万元,调减1500万元。"
    )

    def test_levels_listed_after_an_increment_are_not_its_parts(self):
        assert not findings(self.TEXT, "SUM001")

    def test_increments_that_break_down_an_increment_are_summed(self):
        text = "——上级补助收入拟调整为312400万元,调增64000万元,分别是一般性转移支付收入调增41200万元、专项转移支付收入调增22800万元。"
        assert not findings(text, "SUM001")
        [f] = findings(text.replace("22800", "24800"), "SUM001")
        assert "66,000" in f.message or "66000" in f.message


def test_a_share_of_one_member_of_a_joined_total():
    # Guangdong's budget notes: the 82% is of 转移支付 alone (一般性 + 专项), not of "税收返还和转移支付"
    text = (
        "2021年省级一般公共预算总支出安排5200.00亿元。其中,对市县税收返还和转移支付3600.00亿元,占总支出的69.2%"
        "(包括一般性转移支付2460.00亿元,占转移支付比重达82%;专项转移支付540.00亿元)。"
    )
    assert not findings(text, "PCT001")
    # a share of the joined total itself is still checked against it
    joined = text.replace("占转移支付比重达82%", "占税收返还和转移支付比重达{r}%")
    assert not findings(joined.format(r="68.3"), "PCT001")
    [f] = findings(joined.format(r="66.3"), "PCT001")
    assert "3600.00" in f.message and f.expected == "68.3%"


class TestWhatABracketSaysAnAmountContains:
    """Zhejiang's budget reports: "转移支付补助收入 62.1 亿元（含一次性均衡补助 9.4 亿元）" — what the bracket says the
    amount contains is inside it, not another part of the list."""

    def test_a_contained_amount_is_no_sibling(self):
        text = (
            "预估收入合计215.6亿元,其中地方一般公共预算收入140.3亿元、调入资金25.1亿元、"
            "转移支付补助收入48.4亿元(含一次性均衡补助7.2亿元)、上年结转1.8亿元。"
        )
        assert not findings(text, "SUM001")
        [f] = findings(text.replace("上年结转1.8亿元", "上年结转2.8亿元"), "SUM001")
        assert "216.6" in f.message

    def test_a_contained_amount_before_the_other_item(self):
        text = "调整后全区一般公共预算支出预算为268.40亿元,其中区本级为262.15亿元(含街道22.60亿元),其他镇为6.25亿元。"
        assert not findings(text, "SUM001")

    def test_the_change_after_the_bracket_is_the_amounts(self):
        # "本年收入 1000 万元（含上年结转 200 万元），比上年增加 100 万元，增长 11.1%": the change is of the 1000
        text = "2023年度本年收入1000万元(含上年结转200万元),比上年增加100万元,增长{r}%。"
        assert not findings(text.format(r="11.1"), "CHG001")
        [f] = findings(text.format(r="12.1"), "CHG001")
        assert "1000" in f.message and "200" not in f.message


def test_an_area_is_not_an_amount_without_its_unit():
    # Hunan's 财政总决算 opens with the county: "总面积 2075.56 平方公里" is measured in its own unit, not a bare amount
    text = "某县现有常住人口52.18万人,全县总面积1836.42平方公里,耕地面积63.5万亩;全县GDP总额为312.64亿元。"
    assert not findings(text, "UNIT002")
    # a bare amount beside amounts in 亿元 is still reported
    [f] = findings("全县GDP总额为312.64亿元,其中第一产业增加值41.05亿元、第二产业增加值98.37。", "UNIT002")
    assert "98.37" in f.message


def test_the_slipped_unit_is_the_one_out_of_a_report_of_whole_figures():
    # Fujian's half-year figures are whole 万元 (no two-decimal amount names the report's unit): of "支出完成 255,325 万元，
    # 增支 14,484 元，增长 6.01%" it is the 元 that slipped, as every other amount around it is in 万元
    text = (
        "上半年,全市一般公共预算总收入完成712,406万元,比上年同期增收98,240万元,增长15.99%。"
        "地方一般公共预算收入完成452,118万元,比上年同期增收38,705万元,增长9.36%。"
        "一般公共预算支出完成1,204,530万元,比上年同期增支96,318万元,增长8.69%。"
        "市本级一般公共预算支出完成213,640万元,比上年同期增支12,110元,增长6.01%。"
    )
    [f] = findings(text, "UNIT001")
    assert "12,110 元" in f.message and "万元" in f.expected


def test_a_figure_named_in_a_reason_is_no_part_of_the_list():
    # Chongqing's 决算 reports explain a part inside the list: "…补助收入 29.71 亿元，增长 20.4%，增长的主要原因是一次性
    # 增值税留抵退税补助 4.23 亿元；…" — the 4.23 explains the part before it
    text = (
        "2023年,区本级一般公共预算收入实际完成81.40亿元,其中:税收收入完成20.15亿元,增长35.2%;非税收入完成21.30亿元,"
        "增长1.6%;上级转移支付补助收入25.60亿元,增长18.4%,增长的主要原因是一次性增值税留抵退税补助3.85亿元;"
        "调入资金4.10亿元,增长81.6%;上年结转{last}亿元,增长22.2%"
    )
    assert not findings(text.format(last="10.25"), "SUM001")
    [f] = findings(text.format(last="11.25"), "SUM001")
    assert "82.40" in f.message


class TestABalanceAddedUp:
    """A finance bureau's balance: "一般公共预算收入 A 亿元。加上 B 亿元、C 亿元，收入总计 T 亿元" (Shanghai, Hainan,
    Guangdong): the amounts named may not exceed the total they are said to make up."""

    TEXT = (
        "2023年完成一般公共预算收入215.40亿元,同比增长3%。加上市与区财力结算48.12亿元,上年结转收入1.96亿元,"
        "调入资金2.07亿元,收入总计{t}亿元。"
    )

    def test_a_total_below_its_named_amounts_is_reported(self):
        assert not findings(self.TEXT.format(t="267.55"), "SUM001")
        [f] = findings(self.TEXT.format(t="257.55"), "SUM001")
        assert "267.55" in f.message and "收入总计" in f.message

    def test_a_balance_that_names_only_its_main_items_is_not(self):
        # the 安排预算稳定调节基金 left out of the sentence: the named amounts fall short of the total, and may
        assert not findings(self.TEXT.format(t="277.55"), "SUM001")

    def test_a_balance_with_a_subtotal_of_its_additions_is_not_summed(self):
        text = "一般公共预算收入215.40亿元。加上上级补助收入48.12亿元、上年结转1.96亿元,合计50.08亿元,收入总计265.48亿元。"
        assert not findings(text, "SUM001")

    def test_a_balance_that_takes_an_amount_away_is_not_summed(self):
        text = "一般公共预算收入215.40亿元。加上上级补助收入48.12亿元,减去上解支出12.30亿元,可用财力总计251.22亿元。"
        assert not findings(text, "SUM001")


class TestAChangeAfterTheGapToTheBudget:
    """A county's 决算 wording: "收入 A 万元，完成预算 B 万元的 R%，超收 G 万元，同比增长 P%，增收 D 万元" — the
    超收 figure is the gap to the budget; the change after it is the revenue's, not the gap's."""

    TEXT = (
        "其中:一般公共预算收入46900万元,完成预算46508万元的100.8%,超收392万元,同比增长{up}%,增收3003万元;"
        "政府性基金收入34519万元,完成预算20000万元的172.6%,超收14519万元,同比减收11469万元,下降{down}%。"
    )

    def test_the_change_is_measured_on_the_revenue(self):
        assert not findings(self.TEXT.format(up="6.8", down="24.9"))

    def test_a_wrong_rate_after_the_gap_is_still_found(self):
        [f] = findings(self.TEXT.format(up="6.8", down="14.9"), "CHG001")
        assert "34519" in f.message and f.expected == "下降24.9%"
        [f] = findings(self.TEXT.format(up="8.6", down="24.9"), "CHG001")
        assert "46900" in f.message


class TestARateOfABudgetAdjustedAfterAPlainOne:
    """A district's 预算执行 report: "收入预算为 B1 万元，经人大常委会批准，收入预算调整为 B2 万元，实际完成 A 万元，
    为调整预算的 R%" — the rate is of B2 (no 年初 word marks B1, the 调整 word marks B2)."""

    TEXT = (
        "批准的2020年全区一般公共预算收入预算为567858万元,经区人大常委会批准,一般公共预算收入预算调整为537471万元,"
        "实际完成544209万元,为{kind}预算的{rate}%,比上年同期下降1.28%。"
    )

    def test_the_rate_of_the_adjusted_budget_is_of_the_adjusted_figure(self):
        assert not findings(self.TEXT.format(kind="调整", rate="101.25"), "EXE001")

    def test_a_wrong_rate_of_the_adjusted_budget_is_still_found(self):
        [f] = findings(self.TEXT.format(kind="调整", rate="95.84"), "EXE001")
        assert "537471" in f.message and f.expected == "101.25%"

    def test_a_rate_of_the_initial_budget_reaches_back_past_the_adjusted_one(self):
        text = self.TEXT.replace("收入预算为567858", "收入年初预算为567858")
        assert not findings(text.format(kind="年初", rate="95.84"), "EXE001")
        [f] = findings(text.format(kind="年初", rate="101.25"), "EXE001")
        assert "567858" in f.message


class TestNumberedItemsThatOpenWithAYear:
    """A 三公 supplement whose items open with the year: "1、2015年因公出国（境）费 …" — 1、 before a year is item 1,
    not a list of numbers like "1、2、3"."""

    TEXT = (
        "一、“三公”经费增减情况\n"
        "1、2015年因公出国(境)费30.78万元,较2014年相比增加11.99万元。\n"
        "{second}、2015年公务接待费支出117万元,较2014年相比增加13.63万元。\n"
        "3、公务用车购置及运行维护费253.33万元,较2014年减少93.05万元。\n"
        "二、公务用车购置数及保有量\n"
        "2015年新购入公务用车一辆。\n"
    )

    def test_the_items_opening_with_a_year_are_counted(self):
        assert not findings(self.TEXT.format(second="2"), "DOC001")

    def test_a_gap_in_such_a_list_is_still_found(self):
        [f] = findings(self.TEXT.format(second="2").replace("3、公务", "4、公务"), "DOC001")
        assert "缺少“3、”" in f.message
        [f, _] = findings(self.TEXT.format(second="4"), "DOC001")
        assert "缺少“2、”" in f.message


class TestAListItemWithItsOwnBracketedList:
    """A unit's 机构设置: "设置十三个机构：办公室(行政事务管理部)、政治部(机关党委、机关纪委)、…" — a 、 inside
    an item's brackets does not separate two items of the list."""

    TEXT = (
        "我院目前设置{n}个机构:办公室(行政事务管理部)、政治部(机关党委、机关纪委)、第一检察部、第二检察部、"
        "检务督察部、驻区看守所检察室。"
    )

    def test_the_bracketed_list_is_part_of_its_item(self):
        assert not findings(self.TEXT.format(n="六"), "COUNT001")

    def test_a_count_the_list_contradicts_is_still_found(self):
        [f] = findings(self.TEXT.format(n="七"), "COUNT001")
        assert f.expected == "6个"


class TestAListWithARefundAmongItsParts:
    """The central 决算 report's wording: "税收收入 T 亿元 … 税收收入中，国内增值税 A 亿元，…，出口货物退增值税、消费税
    R 亿元" — the refund is subtracted from the taxes, written as a positive amount: the parts as written do not add up."""

    TEXT = (
        "2024年,税收收入91419.66亿元,下降4.6%;非税收入9042.4亿元。税收收入中,国内增值税33223.3亿元,"
        "国内消费税16532.15亿元,企业所得税26436.02亿元,个人所得税8713.19亿元,{last}19280.9亿元,为预算的102.4%。"
    )

    def test_a_refund_among_the_parts_leaves_the_sum_unchecked(self):
        assert not findings(self.TEXT.format(last="出口货物退增值税、消费税"), "SUM001")

    def test_parts_that_exceed_their_total_are_still_found(self):
        [f] = findings(self.TEXT.format(last="车辆购置税"), "SUM001")
        assert "91419.66" in f.message


class TestASecondTotalAfterACompleteList:
    """A city's 预算调整 report on debt: "法定债务限额 T 亿元，其中一般债务 A 亿元、专项债务 B 亿元，法定债务余额为 R 亿元，
    其中一般债务 C 亿元、专项债务 D 亿元" — A and B make up T; R opens a breakdown of its own and is no third part of T."""

    TEXT = (
        "截至目前,自治区下达我市法定债务限额1,105.3亿元,其中一般债务725.3亿元、专项债务{b}亿元,"
        "全市政府法定债务余额为1,071.65亿元,其中一般债务699.47亿元、专项债务{d}亿元。"
    )

    def test_each_total_is_summed_from_its_own_parts(self):
        assert not findings(self.TEXT.format(b="380", d="372.18"))

    def test_a_wrong_part_of_either_total_is_still_found(self):
        [f] = findings(self.TEXT.format(b="380", d="382.18"), "SUM001")
        assert "1,071.65" in f.message or "1071.65" in f.message
        [f] = findings(self.TEXT.format(b="390", d="372.18"), "SUM001")
        assert "1,105.3" in f.message or "1105.3" in f.message


class TestAContentsListWithNoTitle:
    """A 天津 部门预算's contents, no 目录 over them: "第一部分 / 一、主要职责 / … / 第三部分名词解释 / 第四部分…表 / …"
    right after the title, then the body opening with "第一部分" again — the contents are no empty body parts."""

    TEXT = (
        "某某办公厅2025年部门预算\n\n第一部分\n\n一、主要职责\n\n二、机构设置情况\n\n第二部分2025年部门预算情况说明\n\n"
        "一、关于收支总体情况表的说明\n\n二、关于收入总体情况表的说明\n\n第三部分名词解释\n\n第四部分2025年部门预算表\n\n"
        "一、部门收支总体情况表\n\n二、部门收入总体情况表\n\n"
        "第一部分\n\n一、主要职责\n\n主要负责全体会议的组织和服务工作。\n\n二、机构设置情况\n\n内设5个处室。\n\n"
        "第二部分2025年部门预算情况说明\n\n{body}"
    )

    def test_the_contents_are_not_read_as_empty_parts(self):
        assert not findings(self.TEXT.format(body="一、关于收支总体情况表的说明\n\n收支总预算1000万元。\n"), "DOC003")

    def test_an_empty_part_of_the_body_is_still_found(self):
        [f] = findings(self.TEXT.format(body="第三部分名词解释\n\n1.财政拨款收入：指本级财政当年拨付的资金。\n"), "DOC003")
        assert "第二部分" in f.message


class TestCountsOfOfficesByKind:
    """A 北京 决算's 机构设置: "内设一室四处，分别为办公室、调研处、组织处、宣传处、社会服务与联络处" — two counts of two
    kinds (the list holds both), and an office whose name holds 与 is one office."""

    def test_a_count_of_two_kinds_is_not_checked_against_the_list(self):
        text = "内设一室四处,分别为办公室、调研处、组织处、宣传处、社会服务与联络处。无下属预算单位。"
        assert not findings(text, "COUNT001")

    def test_a_name_holding_yu_is_one_item(self):
        text = "内设{n}个处室,分别为办公室、调研处、社会服务与联络处。"
        assert not findings(text.format(n="3"), "COUNT001")
        [f] = findings(text.format(n="4"), "COUNT001")
        assert f.expected == "3个"

    def test_two_items_joined_by_he_are_still_two(self):
        [f] = findings("进校园展览4场：城南小学、城北中学和实验小学。", "COUNT001")
        assert f.expected == "3场"


class TestAWebTableSavedOneCellALineWithPipes:
    """A 河北 镇 部门预算's 收支总表 as a web page saves it: every cell on a line of its own closed by a pipe ("34 |",
    "收入总计 |", "|" for an empty cell) — which cells make a row is lost, and a row number read as a figure gave a
    false 收入总计 ≠ 支出总计."""

    ROWS = [
        ("1", "一、一般公共预算拨款收入", "675.82", "一、一般公共服务支出", "516.39"),
        ("2", "二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "98.25"),
        ("3", "", "", "三、卫生健康支出", "21.53"),
        ("4", "", "", "四、农林水支出", "14.54"),
        ("5", "", "", "五、住房保障支出", "39.65"),
        ("6", "本年收入合计", "675.82", "本年支出合计", "690.36"),
        ("7", "上年结转结余", "14.54", "年终结转结余", ""),
        ("8", "收入总计", "690.36", "支出总计", "690.36"),
    ]

    def text(self):
        cells = ["单位:万元 |", "序号 |", "收入 |", "支出 | ||", "项 目 |", "预算数 |", "项 目 |", "预算数 | |"]
        for row in self.ROWS:
            cells += [f"{c} |" if c else "|" for c in row]
        return "某镇财政所2025年部门预算收支总表\n" + "\n".join(cells) + "\n"

    def test_the_table_is_not_read_into_false_rows(self):
        assert not findings(self.text())

    def test_a_pipe_delimited_table_is_still_read(self):
        text = "2021年区本级“三公”经费预算支出表\n单位:万元\n项目 | 预算数 |\n合计 | 4432 |\n1.因公出国(境)费用 | 39 |\n2.公务接待费 | 323 |\n3.公务用车购置及运行维护费 | 4170 |\n"
        [f] = findings(text, "TAB001")
        assert "4532" in f.message


class TestAContentsEntryWrappedOntoALineOfItsOwn:
    """A 江西 school 决算's contents under 目录: a long entry wraps its last word onto a line of its own
    ("七、…“三公”经费支出决算" then "表"), and the body's titles differ a little from the contents' (no repeat
    marks where the contents end) — the entries after the wrap are contents too, not a body list opening at 八、."""

    TEXT = (
        "某乡中心学校2020年度部门决算\n目 录\n第一部分 部门概况\n一、部门主要职责\n二、部门基本情况\n"
        "第二部分 2020年度部门决算表\n一、收入支出决算总表\n二、一般公共预算财政拨款“三公”经费支出决算\n表\n"
        "三、政府性基金预算财政拨款收入支出决算表\n第三部分 2020年度部门决算情况说明\n一、收入决算情况说明\n"
        "二、支出决算情况说明\n第一部分 本校部门概况\n一、部门主要职能\n本校负责管理全乡教育教学工作。\n"
        "{second}\n本部门年末实有人数151人。\n"
    )

    def test_the_entries_after_the_wrap_are_contents(self):
        assert not findings(self.TEXT.format(second="二、部门基本情况"))

    def test_a_gap_in_the_body_is_still_found(self):
        [f] = findings(self.TEXT.format(second="三、部门基本情况"), "DOC001")
        assert "二、" in f.message


class TestAListOfSentencesWithOneLeftUnpunctuated:
    """A 四川 school 决算's 重点工作完成情况: items that are sentences ("1、按质按量完成教育教学任务；"), one of them
    without its full stop ("4、严格公务接待费开支") — one more item of the list, not an empty section."""

    TEXT = (
        "(二)2020年重点工作完成情况。\n1、按质按量完成教育教学任务；\n2、学生入学率达100%；\n"
        "3、保证了教师工资待遇的正常发放。\n4、严格公务接待费开支\n5、按时上报各种报表；\n6、及时维修学校校舍。\n"
    )

    def test_the_unpunctuated_item_is_no_empty_section(self):
        assert not findings(self.TEXT, "DOC003")

    def test_an_empty_section_among_sections_is_still_found(self):
        text = "一、部门职责\n负责全乡教育工作。\n二、机构设置\n三、人员情况\n年末实有人数151人。\n四、重点工作\n完成教学任务。\n"
        [f] = findings(text, "DOC003")
        assert "机构设置" in f.message


class TestTwoNamedFiguresSharingOneUnit:
    """A 四川 school 决算: "收入476.17、支总计460.06万元 … 收入减少84.55、支出总计减少99.6万元" — two figures, each after
    its own short name, joined by 、 and sharing the unit written after the second."""

    def test_the_unit_after_the_second_serves_the_first(self):
        text = "2020年度收入476.17、支出总计460.06万元。与2019年相比，收入减少84.55、支出总计减少99.6万元。"
        assert not findings(text, "UNIT002")

    def test_a_figure_with_no_unit_before_a_comma_is_still_found(self):
        text = "本年收入合计9,964,644.70元，比上年减少2,601,483.98，下降20.7%。"
        [f] = findings(text, "UNIT002")
        assert "2,601,483.98" in f.message


class TestAHeadlineLeavesYuanOff:
    """A news report of 部门预算: a subheading on a line of its own, "财政部预算增6000万" — headlines leave 元 off as they
    leave off verbs; the same figure in a sentence still lacks its 元."""

    def test_a_headline_figure_is_not_reported(self):
        text = "G20峰会怎么花钱?\n\n财政部预算增6000万\n\n作为重大的主场外交活动，财政部的因公出国(境)费增加了1560万元。\n"
        assert not findings(text, "UNIT002")

    def test_the_figure_in_a_sentence_is_still_found(self):
        text = "G20峰会怎么花钱?\n\n财政部今年的预算增加6000万，用于会议筹备。\n\n财政部的因公出国(境)费增加了1560万元。\n"
        [f] = findings(text, "UNIT002")
        assert "6000万" in f.message


class TestAContentsListWhosePageNumbersLostTheirDots:
    """A 四川 决算's contents with no 目录 over them and no leader dots: each entry ends in its page number written
    straight after its last word ("第三部分 名词解释11", "(一)预算编制情况。15") — contents, not empty body parts."""

    TEXT = (
        "某县公安局2021年度部门决算\n\n第一部分部门概况3\n\n(一)基本职能及主要工作3\n\n第二部分2021年度部门决算情况说明4\n\n"
        "第三部分 名词解释11\n\n第四部分 附件13\n\n一、单位概况14\n\n二、部门财政资金收支情况15\n\n三、部门财政支出管理情况15\n\n"
        "(一)预算编制情况。15\n\n第一部分 部门概况\n\n(一)基本职能及主要工作\n\n{body}"
    )

    def test_the_paged_entries_are_contents(self):
        assert not findings(self.TEXT.format(body="内设指挥中心等13个机构。\n"))

    def test_an_empty_section_of_the_body_is_still_found(self):
        body = "1.机构组成\n\n内设13个机构。\n\n2.机构职能\n\n3.人员概况\n\n在职244人。\n\n4.工作任务\n\n完成各项任务。\n"
        [f] = findings(self.TEXT.format(body=body), "DOC003")
        assert "机构职能" in f.message


class TestACompletionRateUnderAQizhongOfACompleteStatement:
    """A 湖南 school 决算: "…年初预算数为 A 万元，支出决算数为 B 万元，完成年初预算的 R%，其中：\\n一般公共预算财政拨款：\\n
    年初预算为 A' 万元，支出决算为 B' 万元，完成年初预算的 R'%" — the item's budget begins the item's statement; it was
    added to the total's, which left the item's completion rate unchecked."""

    TEXT = (
        "2020年度财政拨款支出年初预算数为1255.37万元，支出决算数为{total}万元，完成年初预算的100%，其中：\n"
        "一般公共预算财政拨款：\n年初预算为1255.37万元，支出决算为{item}万元，完成年初预算的100%。\n"
    )

    def test_the_item_rate_is_checked_against_its_own_budget(self):
        [f] = findings(self.TEXT.format(total="1255.37", item="1865.86"), "EXE001")
        assert "1865.86" in f.message and "1255.37" in f.message

    def test_rates_that_hold_give_nothing(self):
        assert not findings(self.TEXT.format(total="1255.37", item="1255.37"), "EXE001")


class TestTwoContentsEntriesRunTogetherOnOneLine:
    """A 湖南 镇 部门预算's contents: a line break lost between two entries ("十三、公用经费(…)(按部门预算经济分类)十四、一般
    公共预算“三公”经费支出表") — 十四、 is there, on 十三、's line; no number is missing."""

    TEXT = (
        "目 录\n第一部分 部门预算编制说明\n第二部分 部门预算公开表格\n一、收支总表\n二、收入总表\n"
        "三、公用经费(商品和服务支出)(按部门预算经济分类){glued}\n五、政府性基金预算支出表\n"
        "第一部分 部门预算编制说明\n一、部门基本概况\n本镇负责辖区内的行政管理工作。\n"
    )

    def test_the_entry_on_the_line_before_counts(self):
        assert not findings(self.TEXT.format(glued="四、一般公共预算“三公”经费支出表"), "DOC001")

    def test_a_number_left_out_is_still_found(self):
        [f] = findings(self.TEXT.format(glued=""), "DOC001")
        assert "四、" in f.message


class TestSharesOfATotalNamedAsABudget:
    """A 江西 镇 部门预算: "收入预算总额为 A 万元 … 其中：财政拨款收入 B 万元，占收入预算总额的 R%" — the parts are read as
    amounts, their total as a budget; the share is of that budget ("收入预算总额" names 收入 with 预算 and 总额)."""

    TEXT = (
        "2022年收入预算总额为7783.26万元，比上年收入预算总额增加7122.54万元。其中：财政拨款收入751.8万元，"
        "占收入预算总额的9.7%；其他收入7000万元，占收入预算总额的{r}%；上年结转31.46万元，占收入预算总额的0.4%。"
    )

    def test_a_wrong_share_of_the_budget_total_is_found(self):
        [f] = findings(self.TEXT.format(r="90.3"), "PCT001")
        assert "7783.26" in f.message and "89.9%" in f.message

    def test_right_shares_give_nothing(self):
        assert not findings(self.TEXT.format(r="89.9"))


class TestANumberingThatRunsOnAcrossParts:
    """A 甘肃 单位预算's template numbers on across its first two parts: "第一部分 / 一、单位职责 / 二、机构设置情况 /
    第二部分 / 三、收支总体情况 / 四、…" — 三、 goes on from 二、; no 一、 is missing under 第二部分."""

    TEXT = (
        "目 录\n第一部分 单位基本概况\n一、单位职责\n二、机构设置情况\n第二部分 2025年单位预算情况说明\n"
        "{first}、收支总体情况\n四、一般公共预算情况\n第三部分 2025年单位预算公开表\n一、部门收支总体情况表\n二、部门收入总体情况表\n"
        "前言\n现将2025年部门预算公开如下：\n一、单位职责\n本中心为财政全额拨款事业单位。\n"
    )

    def test_the_list_going_on_from_the_previous_part_is_no_gap(self):
        assert not findings(self.TEXT.format(first="三"), "DOC001")

    def test_a_list_that_skips_past_the_previous_part_is_still_found(self):
        [f] = findings(self.TEXT.format(first="五").replace("四、一般", "六、一般"), "DOC001")
        assert "三、" in f.message


class TestTheReportYearOnLetterSpacedLines:
    """A 重庆 疾控中心 决算 whose excerpt has no title: its year is the one written "YYYY年度" throughout — also where the
    lines are letter-spaced as a PDF's justified lines come out ("2021 年 度 收 入 总 计 …"), so a sentence left at last
    year's year is still found there (bench/mutations.py --layout files+spaced lost it)."""

    LINES = [
        "一、部门基本情况",
        "本中心为全额拨款事业单位，主要职责是：实施免疫规划；承担突发公共卫生事件预防控制任务；管理疫情及健康相关因素信息；"
        "监测与控制健康危害因素；开展食品安全风险监测与食源性疾病控制；承担实验室检验检测与评价；开展健康教育与健康促进。",
        "本部门内设8个职能科室，包括：办公室、财务科、结艾科、传防科、慢病科、监测科、检验科、技管科。",
        "二、部门决算情况说明",
        "1.总体情况。2021年度收入总计16062.73万元，支出总计16062.73万元。",
        "2.收入情况。本部门2021年度收入合计10911万元。",
        "3.支出情况。本部门2021年度支出合计12638.86万元。",
        "{year}年度财政拨款收、支总计10890万元。",
    ]

    @staticmethod
    def spaced(line: str) -> str:
        import re

        return " ".join(re.findall(r"\d+(?:\.\d+)?|.", line))

    def test_a_stale_year_on_spaced_lines_is_found(self):
        text = "\n".join(self.spaced(line.format(year="2020")) for line in self.LINES) + "\n"
        [f] = findings(text, "DOC007")
        assert "2021" in f.message

    def test_the_right_year_gives_nothing(self):
        text = "\n".join(self.spaced(line.format(year="2021")) for line in self.LINES) + "\n"
        assert not findings(text, "DOC007")


class TestLastYearsFiguresSetBesideThisYears:
    """A 湖北 区's 三公 决算 说明: "2022年的“三公”经费决算数合计为 A 万元，其中：… 2021年的三公经费决算数合计为 B 万元，其中：…" —
    last year's sentence in the same words, set beside this year's for comparison, is no stale year."""

    TEXT = (
        "2022年一般公共预算“三公”经费决算执行情况说明\n"
        "本区2022年的“三公”经费决算数合计为1000.86万元，其中：公务用车购置费399.25万元、公务接待费43.77万元。"
        "{year}年的三公经费决算数合计为807.95万元，其中：公务用车购置费272.53万元、公务接待费39.43万元。\n"
        "2022年“三公”经费决算数相较于上年增加192.91万元。\n"
    )

    def test_the_comparison_year_is_not_reported(self):
        assert not findings(self.TEXT.format(year="2021"), "DOC007")

    def test_a_stale_year_without_its_counterpart_is_still_found(self):
        text = "2022年一般公共预算“三公”经费决算执行情况说明\n2022年度“三公”经费决算数合计为1000.86万元。\n2022年度本部门收入合计2000万元。\n2021年度财政拨款收、支总计10890万元。\n"
        [f] = findings(text, "DOC007")
        assert "2021" in f.message


class TestACountWhoseLastTwoItemsAreJoinedByHe:
    """A 湖南 财政局's 绩效评价报告: "单位有3个，分别为南县财政局机关本级、南县财政事务中心和南县国库集中支付中心" — the last two,
    two 中心 joined by 和, are two items even though the first item ends otherwise."""

    TEXT = "纳入部门预算编制范围的单位有{n}个，分别为某县财政局机关本级、某县财政事务中心和某县国库集中支付中心。"

    def test_three_items_are_counted(self):
        assert not findings(self.TEXT.format(n="3"), "COUNT001")

    def test_a_wrong_count_is_still_found(self):
        [f] = findings(self.TEXT.format(n="4"), "COUNT001")
        assert f.expected == "3个"


class TestANestedListWhoseSecondItemFollowsASemicolon:
    """A 四川 区's 三公 预算: "…公务用车购置和运行维护费1,502万元，其中：公车购置费384万元，同比增长100%；公车运行维护费1118万
    元，同比下降0.8%。" — after the ；, the other half of what the inner total names is still its part, not a fourth
    part of the 三公 total; and "同比下降18.87；" lost its %, not a 万元."""

    TEXT = (
        "2019年三公经费预算总额1,938万元，同比增长20.07%；其中：因公出国（境）费43万元，同比下降{rate}；公务接待费393万元，"
        "同比下降9.24%；公务用车购置和运行维护费1,502万元，其中：公车购置费384万元，同比增长100%；公车运行维护费{run}万元，"
        "同比下降0.8%。"
    )

    def test_the_inner_list_keeps_its_second_part(self):
        assert not findings(self.TEXT.format(rate="18.87%", run="1118"))

    def test_a_wrong_inner_part_is_found_against_the_inner_total(self):
        [f] = findings(self.TEXT.format(rate="18.87%", run="1128"), "SUM001")
        assert "1,502" in f.message and "384" in f.message

    def test_a_rate_after_tongbi_that_lost_its_percent(self):
        [f] = findings(self.TEXT.format(rate="18.87", run="1118"), "UNIT002")
        assert f.expected == "18.87%"


class TestABudgetReportWhoseTitleIsLetterSpaced:
    """A 广西 school 部门预算 laid out as a PDF's justified lines ("某 中 心 校 2 0 2 3 年 部 门 预 算 公 开 说 明"): it is still a
    budget report, so "占支出总预算的 R%" is still a share of 支出总预算 (bench/mutations.py --layout files+spaced lost it)."""

    LINES = [
        "某中心校2023年部门预算公开说明",
        "一、部门支出预算情况说明",
        "2023年部门支出总预算1157.55万元，基本支出预算709.55万元，占支出总预算的{r}%，同比增加75.96万元。",
    ]

    @staticmethod
    def spaced(line: str) -> str:
        import re

        return " ".join(re.findall(r"\d+(?:\.\d+)?%?|.", line))

    def test_a_wrong_share_on_spaced_lines_is_found(self):
        text = "\n".join(self.spaced(line.format(r="42.30")) for line in self.LINES) + "\n"
        [f] = findings(text, "PCT001")
        assert "1157.55" in f.message

    def test_the_right_share_gives_nothing(self):
        text = "\n".join(self.spaced(line.format(r="61.30")) for line in self.LINES) + "\n"
        assert not findings(text, "PCT001")


class TestAPublicationDateAboveTheContents:
    """A 四川 乡's 2023 单位决算 opens "目录 / 公开时间:2024年11月6日 / 第一部分 … / 第二部分 2023年度单位决算情况说明" — the date is
    when the report came out, not the year it reports; and the attachments its contents list ("附件1") are entries
    of the contents, so the contents' 第五部分 goes on from 第四部分."""

    TEXT = (
        "目录\n公开时间:2024年11月6日\n第一部分 单位概况\n一、部门职责\n二、机构设置\n第二部分 {year}年度单位决算情况说明\n"
        "一、收入支出决算总体情况说明\n二、收入决算情况说明\n第三部分 名词解释\n第四部分 附件\n附件1\n附件2\n第五部分 附表\n"
        "一、收入支出决算总表\n二、收入决算表\n第一部分 单位概况\n一、主要职责\n本乡负责本行政区域内的各项事务。\n"
    )

    def test_the_date_and_the_listed_attachments_give_nothing(self):
        assert not findings(self.TEXT.format(year="2023"))

    def test_a_part_title_at_another_year_is_still_found(self):
        text = self.TEXT.format(year="2022").replace("本乡负责", "2023年度本乡收入合计500万元。2023年度本乡支出合计480万元。本乡负责")
        [f] = findings(text, "DOC007")
        assert "2022" in f.message


class TestADateLineBetweenTheContentsTitleAndItsEntries:
    """A 四川 图书馆 决算: "目录 / 公开时间:2024年10月14日 / 第一部分单位概况 / … / (注:请单位根据实际注明页码)" — the contents
    page's date stands between its title and its first entry; the entries below are still contents, not empty parts
    of the body."""

    TEXT = (
        "目录\n\n公开时间:2024年10月14日\n\n第一部分单位概况\n\n一、主要职责\n\n二、机构设置\n\n第二部分2023年度单位决算情况说明\n\n"
        "一、收入支出决算总体情况说明\n\n第三部分名词解释\n\n第四部分附件\n\n第五部分附表\n\n一、收入支出决算总表\n\n"
        "(注:请单位根据实际注明页码)\n\n第一部分单位概况\n\n一、主要职责\n\n本馆向社会公众免费开放。\n\n{second}\n\n本馆内设5个部室。\n"
    )

    def test_the_entries_after_the_date_are_contents(self):
        assert not findings(self.TEXT.format(second="二、机构设置"))

    def test_a_gap_in_the_body_is_still_found(self):
        [f] = findings(self.TEXT.format(second="三、机构设置"), "DOC001")
        assert "二、" in f.message


class TestAnEntryNumberRightBeforeItsYear:
    """上海 区级单位预算 contents, one entry a line as a PDF's page text gives them: "3. 2024年单位支出预算总表 /
    4.2024年单位财政拨款收支预算总表 / 5.2024年…" — some entries have a space after the number, some have none: "4.2024年"
    is entry 4 before the year, not the figure 4.2024."""

    TEXT = (
        "目 录\n一、单位主要职能\n二、单位机构设置\n三、名词解释\n四、单位预算编制说明\n五、单位预算表\n"
        "1. 2024年单位财务收支预算总表\n2. 2024年单位收入预算总表\n3. 2024年单位支出预算总表\n"
        "4.2024年单位财政拨款收支预算总表\n{five}6.2024年单位政府性基金预算支出功能分类预算表\n"
        "7. 2024年单位国有资本经营预算支出功能分类预算表\n8.2024年单位一般公共预算基本支出部门预算经济分类预算表\n"
        "9. 2024年单位“三公”经费和机关运行经费预算表\n六、其他相关情况说明\n七、项目经费情况说明\n八、绩效目标\n"
    )
    FIVE = "5.2024年单位一般公共预算支出功能分类预算表\n"

    def test_entries_without_a_space_before_the_year_are_entries(self):
        assert not findings(self.TEXT.format(five=self.FIVE))

    def test_a_missing_entry_is_still_found(self):
        [f] = findings(self.TEXT.format(five=""), "DOC001")
        assert "5." in f.message

    ATTACHED = (
        "三、幼儿园在园幼儿人均经费情况\n2023年,各区幼儿园在园幼儿人均实际支出40,000.00元,较上年增长5.00%。\n"
        "附件:1.2023年教育财政拨款情况\n2.2023年高中在校学生人均经费情况\n{three}4.2023年初中在校学生人均经费情况\n"
        "上海市教育委员会\n"
    )

    def test_an_attachment_list_opening_on_the_label_line_starts_at_1(self):
        assert not findings(self.ATTACHED.format(three="3.2023年中等职业学校在校学生人均经费情况\n"))

    def test_a_gap_in_the_attachment_list_is_still_found(self):
        [f] = findings(self.ATTACHED.format(three=""), "DOC001")
        assert "3." in f.message


class TestColumnsInTheOrderTheirHeaderNamesThem:
    """A 区 部门预算's “三公”经费和机关运行经费预算表 flattened to text, its columns in the order of the 决算 table
    (因公出国（境）费, 公务用车购置及运行费, 公务接待费) where the template puts 公务接待费 second: one header line names every
    column of the group, and the figures are read in that order."""

    TEXT = (
        "2024年部门“三公”经费和机关运行经费预算表\n编制部门：上海市某区教育局 单位：万元\n"
        "“三公”经费预算数 机关运行经费预算数\n合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n"
        "小计 公务用车购置费 公务用车运行费\n{row}\n"
    )

    def test_the_header_order_is_the_order_of_the_figures(self):
        assert not findings(self.TEXT.format(row="12.50 0.00 10.00 0.00 10.00 2.50 310.20"))

    def test_a_total_that_does_not_add_up_is_still_found(self):
        [f] = findings(self.TEXT.format(row="13.50 0.00 10.00 0.00 10.00 2.50 310.20"), "TAB001")
        assert "13.50" in f.message and "12.50" in f.message


class TestClassificationLinesWithoutTheirCodes:
    """A 街道's 一般公共预算支出功能分类预算表 whose text came without its 科目 codes (the code column lost, or never
    printed): 类, 款 and 项 lines stand one under another with nothing to tell their levels apart, so the 合计 line is
    not the sum of every line above it (they add up to three times it) — which lines it adds is not known."""

    TEXT = (
        "2024年部门一般公共预算支出功能分类预算表\n编制部门：上海市某区某街道办事处 单位：万元\n"
        "功能分类科目名称 合计 基本支出 项目支出\n"
        "一般公共服务支出 5,210.40 3,110.40 2,100.00\n人大事务 120.00 120.00\n人大代表履职能力提升 120.00 120.00\n"
        "政府办公厅(室)及相关机构事务 5,090.40 3,110.40 1,980.00\n行政运行 3,110.40 3,110.40\n"
        "一般行政管理事务 1,980.00 1,980.00\n城乡社区支出 2,400.00 2,400.00\n城乡社区管理事务 2,400.00 2,400.00\n"
        "其他城乡社区管理事务支出 2,400.00 2,400.00\n合计 {total} 3,110.40 4,500.00\n"
    )

    def test_a_total_of_lines_of_every_level_is_not_checked(self):
        assert not findings(self.TEXT.format(total="7,610.40"), "TAB001")

    def test_a_total_line_of_one_level_is_still_checked(self):
        text = (
            "2024年部门支出预算总表\n单位：万元\n项目 合计 基本支出 项目支出\n一般公共服务支出 5,210.40 3,110.40 2,100.00\n"
            "城乡社区支出 2,400.00 2,400.00\n住房保障支出 300.00 300.00\n合计 7,910.40 3,410.40 4,500.00\n"
        )
        assert not findings(text, "TAB001")
        [f] = findings(text.replace("7,910.40", "8,110.40"), "TAB001")
        assert "8,110.40" in f.message


class TestATableWhoseTitleIsRepeatedOnItsNextPage:
    """A 区 部门预算's 收入预算总表 running over a page break, its title (and header) printed again on the next page, as
    an Excel sheet's print titles do ("2024年部门收入预算总表", or "…（续）"): one table, not two — the 款 before the
    break keeps its 项 after it, and the 合计 on the next page totals both pages."""

    TEXT = (
        "2024年部门收入预算总表\n编制部门：上海市某区民政局 单位：万元\n"
        "功能分类科目编码 功能分类科目名称 合计 财政拨款收入 事业收入\n"
        "208 社会保障和就业支出 9,320.50 9,120.50 200.00\n20802 民政管理事务 1,410.30 1,410.30\n"
        "2080201 行政运行 1,210.30 1,210.30\n2080299 其他民政管理事务支出 200.00 200.00\n"
        "20810 社会福利 7,910.20 7,710.20 200.00\n2081002 老年福利 5,890.00 5,690.00 200.00\n"
        "- 5 -\n\f{title}\n编制部门：上海市某区民政局 单位：万元\n功能分类科目编码 功能分类科目名称 合计 财政拨款收入 事业收入\n"
        "2081004 殡葬 2,020.20 2,020.20\n221 住房保障支出 610.00 610.00\n22102 住房改革支出 610.00 610.00\n"
        "2210201 住房公积金 610.00 610.00\n合计 {total} 9,730.50 200.00\n"
    )

    def test_one_table_over_the_break(self):
        for title in ("2024年部门收入预算总表", "2024年部门收入预算总表（续）", "2024年部门收入预算总表(续)"):
            assert not findings(self.TEXT.format(title=title, total="9,930.50")), title

    def test_a_wrong_total_is_still_found(self):
        [f] = findings(self.TEXT.format(title="2024年部门收入预算总表", total="9,990.50"), "TAB001")
        assert "9,990.50" in f.message

    def test_another_table_after_the_break_is_another_table(self):
        text = self.TEXT.format(title="2024年部门支出预算总表", total="9,930.50")
        assert any(f.rule in ("TAB001", "TAB002") for f in findings(text))


    def test_the_tables_of_two_units_under_one_title_stay_two(self):
        # each unit's table closes with its own 合计, and names its unit: the next page's table is not a continuation
        first = (
            "2024年单位收入预算总表\n编制单位：上海市某区某小学 单位：万元\n功能分类科目编码 功能分类科目名称 合计 财政拨款收入\n"
            "205 教育支出 800.00 800.00\n20502 普通教育 800.00 800.00\n2050202 小学教育 800.00 800.00\n合计 800.00 800.00\n"
            "- 7 -\n\f2024年单位收入预算总表\n编制单位：上海市某区某中学 单位：万元\n"
            "功能分类科目编码 功能分类科目名称 合计 财政拨款收入\n"
            "205 教育支出 900.00 900.00\n20502 普通教育 900.00 900.00\n2050203 初中教育 900.00 900.00\n合计 900.00 900.00\n"
        )
        assert not findings(first)
        assert not findings(first.replace("合计 800.00 800.00\n", ""))

class TestAPartInYuanThatMakesTheWholeInWanyuan:
    """A 区's 上半年预算执行 report lists where its revenue came from ("其中：区本级 A 万元；…；镇级 C 万元") — a list it
    does not say is complete. One part written in 元 among 万元 figures, where reading it in 万元 makes the parts add up
    to the total exactly, is a slipped unit even so; an honest partial list is left alone."""

    TEXT = (
        "上半年，全区一般公共预算收入1441880万元，同比增长7.7%。其中：区本级收入完成{a}，同比下降2.5%；"
        "工业区收入完成253218万元，同比增长41.9%；镇级收入完成592450万元，同比增长8.1%。"
    )

    def test_the_slipped_part_is_found(self):
        [f] = findings(self.TEXT.format(a="596212元"), "UNIT001")
        assert "596212" in f.message and f.expected == "596212万元"

    def test_the_list_as_written_gives_nothing(self):
        assert not findings(self.TEXT.format(a="596212万元"))

    def test_a_partial_list_with_a_part_in_yuan_that_does_not_make_the_whole_gives_nothing(self):
        assert not findings(self.TEXT.format(a="5962元"))

    def test_a_part_in_yuan_or_wanyuan_among_yiyuan_is_found_too(self):
        # a 区's 决算报告 keeps 亿元: "税收收入383.9元" is 383.9 亿元 slipped (the parts make the total only so)
        text = "2023年全区一般公共预算收入合计512.3亿元，其中：税收收入{a}，同比增长2.1%；非税收入128.4亿元。"
        for slipped in ("383.9元", "383.9万元"):
            [f] = findings(text.format(a=slipped), "UNIT001")
            assert f.expected == "383.9亿元" and "按“亿元”计" in f.message
        assert not findings(text.format(a="383.9亿元"))
        # 税收收入 and 非税收入 are the whole of it: a part no slip explains leaves the sum wrong, no unit blamed
        assert [f.rule for f in findings(text.format(a="3839万元"))] == ["SUM001"]
        # a list that may be partial: the odd unit that makes the total exactly is still the slip
        partial = "2023年全区一般公共预算支出合计512.3亿元，其中：教育支出{a}，卫生健康支出128.4亿元。"
        [f] = findings(partial.format(a="383.9元"), "UNIT001")
        assert f.expected == "383.9亿元"
        assert not findings(partial.format(a="3839万元"))  # a small part honestly in 万元: no total made by a slip


class TestStaffInPostAgainstTheWholeEstablishment:
    """A 区 部门预算's staffing sentence: "共有编制86人，其中：行政编制18人，事业编制68人；实有人数81人" — the staff in post
    are the whole department's, to be held against the whole establishment, not against the 事业编制 named last in
    its breakdown."""

    TEXT = "本部门共有编制{total}人，其中：行政编制18人，事业编制68人；实有人数81人，其中：在职人员75人，离退休人员6人。"

    def test_the_staff_in_post_are_held_against_the_whole(self):
        assert not findings(self.TEXT.format(total="86"), "COUNT003")

    def test_staff_above_the_whole_establishment_are_still_found(self):
        [f] = findings(self.TEXT.format(total="80").replace("行政编制18人", "行政编制12人"), "COUNT003")
        assert "80" in f.message and "81" in f.message

    def test_a_kind_with_its_own_staff_is_still_its_own(self):
        [f] = findings("本单位行政编制8名，实际11人；事业编制25名，实际23人。", "COUNT003")
        assert "行政编制 8" in f.message


class TestAnAliasInBracketsAfterAName:
    """A 区民政局's 部门预算 names a 下属事业单位 with its second name in brackets, as 挂牌 bodies are written
    ("上海市虹口区婚姻登记中心（上海市虹口区收养登记中心）"): the bracketed name is the body's other name, not a misspelling of
    the first, however alike the two are."""

    TEXT = (
        "下属事业单位3个：上海市虹口区社会福利院、上海市虹口区婚姻登记中心（{alias}）、上海市虹口区养老服务指导中心。\n"
        "预算单位包括：\n1.上海市虹口区民政局（本级）\n2.上海市虹口区社会福利院\n3.上海市虹口区婚姻登记中心\n"
        "4.上海市虹口区养老服务指导中心\n上海市虹口区婚姻登记中心负责婚姻登记工作。\n"
    )

    def test_the_bracketed_other_name_is_no_misspelling(self):
        assert not findings(self.TEXT.format(alias="上海市虹口区收养登记中心"), "DOC008")

    def test_a_misspelling_outside_brackets_is_still_found(self):
        text = self.TEXT.format(alias="上海市虹口区收养登记中心").replace("4.上海市虹口区养老服务指导中心", "4.上海市虹口区婚姻登纪中心")
        [f] = findings(text, "DOC008")
        assert "婚姻登纪中心" in f.message


class TestAnExecutionRateAfterTheBudgetAsAdjusted:
    """A 项目支出绩效自评报告's opening: "年初预算 A 万元，年中调减 D 万元，全年预算 B 万元，全年执行 E 万元，预算执行率 R%" — the
    rate is of the budget as adjusted (B), stated in the clause that also gives the adjustment; the 年初 budget two
    clauses before is not the one it names."""

    TEXT = "该项目年初预算1,200.00万元，年中调减20.00万元，全年预算1,180.00万元，全年执行1,121.00万元，预算执行率{r}。"

    def test_the_rate_of_the_adjusted_budget_holds(self):
        assert not findings(self.TEXT.format(r="95.00%"))

    def test_a_wrong_rate_is_still_found(self):
        [f] = findings(self.TEXT.format(r="97.00%"), "EXE001")
        assert "1,180.00" in f.message and f.expected == "95.00%"

    COUNTED = "本部门2023年共实施项目28个，项目预算8,370.20万元，实际支出8,012.55万元，执行率{r}。"

    def test_a_budget_beside_a_count_is_the_rates_budget(self):
        # "共实施项目28个，项目预算 B 万元": the count is no actual amount, the clause's budget is the one the rate names
        assert not findings(self.COUNTED.format(r="95.73%"))
        [f] = findings(self.COUNTED.format(r="105.73%"), "EXE001")
        assert f.expected == "95.73%"


class TestTableRowsRunIntoOneLine:
    """A 部门预算 PDF as a document site keeps it: its whole text on one line, the tables' rows run into the
    sentences around them ("…单位：元 … 208 05 01 行政单位离退休 2,614,680 2,614,680 …"). A bare figure standing beside
    another bare figure is a table cell, not an amount of the running text that lost its unit."""

    TEXT = (
        "财政拨款支出主要内容如下：“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”261.47万元，"
        "主要用于离退休经费 2026年部门收入预算总表 编制部门：某局 单位：元 项目 收入预算 功能分类科目名称 合计 财政拨款收入 "
        "208 社会保障和就业支出 6,397,096 6,397,096 208 05 行政事业单位养老支出 6,103,096 6,103,096 "
        "208 05 01 行政单位离退休 2,614,680 2,614,680 合计 6,397,096 6,397,096 "
    )

    def test_the_cells_are_not_amounts_missing_their_unit(self):
        assert not findings(self.TEXT, "UNIT002")

    def test_a_unit_broken_by_a_wrap_kept_as_a_blank_is_whole(self):
        # the PDF's line ended between 万 and 元; the site kept the break as a blank
        text = "其中，预留给小型和微型企业的政府采购项目预算为178.85万 元。 四、绩效目标设置情况 按照本区预算绩效管理工作要求开展。"
        assert not findings(text, "UNIT002")
        [f] = findings(text.replace("178.85万 元。", "178.85万。"), "UNIT002")
        assert "178.85万" in f.message

    def test_a_cell_glued_to_the_next_rows_label_is_a_cell(self):
        # a 收入 | 支出 table's row: the 收入 side's figure runs into the 支出 side's numbered label
        text = self.TEXT + (
            "本年收入 本年支出 项目 预算数 项目 预算数 一、财政拨款收入 6,397,096一、社会保障和就业支出 5,000,000 "
            "1. 一般公共预算 6,397,096二、卫生健康支出 1,397,096 2. 政府性基金预算 收入总计 6,397,096 支出总计 6,397,096 "
        )
        assert not findings(text, "UNIT002")

    def test_an_amount_of_the_running_text_missing_its_unit_is_still_found(self):
        [f] = findings("本年收入合计9,964,644.70元，比上年减少2,601,483.98，下降20.7%。", "UNIT002")
        assert "2,601,483.98" in f.message


class TestSectionsOfADocumentOnOneLine:
    """A 部门预算 kept on one line by a document site: "…其他相关情况说明 一、“三公”经费预算情况说明 …。二、机关运行经费预算 …
    项目经费情况说明 一、…。二、…" — its lists restart under headings that carry no number, which one line no longer
    sets apart; a number met again there is no repeat the text can be held to."""

    TEXT = (
        "2024年部门预算编制说明 2024年，本部门收入预算1,000.00万元。 其他相关情况说明 一、“三公”经费预算情况说明 "
        "2024年“三公”经费预算数为10.00万元。二、机关运行经费预算 2024年本部门机关运行经费预算为50.00万元。 "
        "项目经费情况说明 一、社区治理经费 该项目预算200.00万元。二、河道养护经费 该项目预算100.00万元。 "
    ) * 6

    def test_numbers_met_again_on_one_line_are_not_repeats(self):
        assert not findings(self.TEXT, "DOC001")

    def test_a_repeat_in_a_document_of_lines_is_still_found(self):
        text = "八、机关运行经费支出情况\n本年机关运行经费支出情况如下。\n九、政府采购支出情况\n本年政府采购情况如下。\n八、国有资产占用情况\n本年资产情况如下。\n"
        [f] = findings(text, "DOC001")
        assert "重复" in f.message

class TestATwoSidedTableSavedOneCellALine:
    """A Shanghai school 决算's 收支总表 as a web page gives it: one cell a line with blank lines between, both sides
    numbered (一、财政拨款收入 beside 一、一般公共服务支出), so that 二、外交支出 and 二、上级补助收入 follow each other.
    Its 其中 row ("其中:政府性基金预算财政拨款") is a row label, not a sentence: it had cut the table in two and left
    the second half's labels read as headings numbered twice."""

    CELLS = [
        "收入", "支出", "项目", "决算数", "项目", "决算数",
        "一、财政拨款收入", "1,536.20", "一、一般公共服务支出", "",
        "  其中:政府性基金预算财政拨款", "", "二、外交支出", "",
        "二、上级补助收入", "", "三、国防支出", "", "三、事业收入", "", "四、公共安全支出", "",
        "四、经营收入", "", "五、教育支出", "1,204.77", "五、附属单位上缴收入", "", "六、科学技术支出", "",
        "六、其他收入", "3.00", "七、社会保障和就业支出", "{social}",
    ]

    def text(self, social="334.43"):
        body = "\n\n".join(self.CELLS).format(social=social)
        return f"第二部分 某小学2017年度决算表\n\n2017年度收入支出决算总表\n\n单位:万元\n\n{body}\n"

    def test_the_numbered_labels_of_both_sides_are_no_outline(self):
        assert not findings(self.text(), "DOC001")

    def test_a_heading_numbered_twice_is_still_found(self):
        text = "一、主要职能\n负责本区义务教育。\n二、机构设置\n本校设3个内设机构。\n二、人员情况\n在职人员52人。\n"
        [f] = findings(text, "DOC001")
        assert "二、" in f.message


class TestPipeClosedCellsAfterTheLastFigure:
    """A Shanghai 事业单位 决算's 收支总表 saved one cell a line, each closed by a pipe: after the last cell with a
    figure come the empty rows of both sides ("二、外交支出 |", "|", "二、上级补助收入 |" …) — cells of the same table,
    not headings numbered twice, even where the page (or the excerpt) ends before the 合计 row."""

    TEXT = (
        "第二部分 某绿化管理所2018年度决算表\n2018年度收入支出决算总表\n单位:万元\n收入 |\n支出 |\n||\n项目 |\n决算数 |\n"
        "项目 |\n决算数 |\n一、财政拨款收入 |\n8120.45 |\n一、一般公共服务支出 |\n|\n其中:政府性基金预算财政拨款 |\n"
        "1502.10 |\n二、外交支出 |\n|\n二、上级补助收入 |\n|\n三、国防支出 |\n|\n三、事业收入 |\n|\n"
    )

    def test_the_empty_rows_after_the_last_figure_are_cells(self):
        assert not findings(self.TEXT, "DOC001")

    def test_numbered_lines_without_pipes_after_the_table_are_still_the_outline(self):
        text = self.TEXT + "第三部分 某绿化管理所2018年度决算情况说明\n一、收入支出决算总体情况说明\n本年收入8120.45万元。\n三、收入决算情况说明\n本年收入8120.45万元。\n"
        [f] = findings(text, "DOC001")
        assert "二、" in f.message

    def test_figures_further_down_the_same_cells_stay_in_the_one_table(self):
        more = "".join(f"{n}、某项支出 |\n|\n" for n in ("四", "五", "六", "七", "八")) + "本年收入合计 |\n8120.45 |\n本年支出合计 |\n8120.45 |\n"
        layout = check_text(self.TEXT + more)
        assert not [f for f in layout.findings if f.rule == "DOC001"]

    def test_rows_after_a_sentence_cell_are_taken_with_the_cells_before_them(self):
        # a 绩效自评表 saved the same way: a note cell written as a sentence between two runs of figures; the second
        # run lies among the pipe-closed cells already taken, and is not built again as a table of its own (which,
        # from a region ending before it starts, never finished)
        text = (
            "某项目支出绩效自评表 |\n|\n项目名称 |\n年度预算数(万元) |\n年初预算 |\n调整后预算数 |\n执行数 |\n执行率 |\n"
            "238.93 |\n251.89 |\n251.89 |\n100.00% |\n10 |\n|\n"
            "1.执行率=执行数/调整后预算数,执行率未达到90%的需说明原因;2.其他资金包括:社会投入资金. |\n"
            "其中:财政资金 |\n238.93 |\n251.89 |\n251.89 |\n100.00% |\n|\n"
        )
        assert not findings(text)

    def test_a_sentence_closed_by_a_pipe_ends_the_cells(self):
        # the page kept the narrative in cells of its layout too: its headings stay the outline
        text = self.TEXT + (
            "注：本表反映部门本年度的总收支和年末结转结余情况。 |\n一、收入支出决算总体情况说明 |\n"
            "本年收入8120.45万元，本年支出8120.45万元。 |\n三、收入决算情况说明 |\n"
        )
        [f] = findings(text, "DOC001")
        assert "二、" in f.message


class TestUntitledContentsWhoseEntryDiffersInABracket:
    """A Shanghai 图书馆 决算 page: its contents have no 目录 over them, and the first entry differs from the body's
    title in a doubled bracket alone ("…(青杏科技图书馆))概况" over "…(青杏科技图书馆)概况") — the body still repeats
    the contents, whose parts stand without content of their own."""

    TEXT = (
        "某区图书馆(某区科技图书馆)2017年度决算\n\n第一部分某区图书馆(某区科技图书馆)){first}概况\n一、主要职能\n二、机构设置\n"
        "第二部分某区图书馆2017年度决算表\n一、收入支出决算总表\n二、收入决算表\n第三部分某区图书馆2017年度决算情况说明\n"
        "第四部分名词解释\n\n第一部分    某区图书馆(某区科技图书馆)概况\n一、主要职能\n图书、文献、报刊资料的采编与储藏。\n"
        "二、机构设置\n本馆设9个内设机构。\n"
    )

    def test_the_entries_are_contents_not_empty_parts(self):
        assert not findings(self.TEXT.format(first=""))

    def test_a_first_entry_worded_apart_from_the_body_still_opens_contents(self):
        # an entry with other words than the body's title ("…基本概况" over "…概况", as a 宁夏 卫生院's "单位概况" over
        # "部门概况"): nothing but titles from 第一部分 through 第四部分 to 第一部分 again is contents, not empty parts
        assert not findings(self.TEXT.format(first="基本"))

    def test_an_empty_part_after_the_body_opens_is_still_found(self):
        text = self.TEXT.format(first="基本") + "第二部分某区图书馆2017年度决算表\n第三部分某区图书馆2017年度决算情况说明\n本年收入合计100万元。\n"
        [f] = findings(text, "DOC003")
        assert "第二部分" in f.message


class TestABalanceAddedWithJiaAlone:
    """A Shanghai district's 决算报告 writes its balance with 加 alone, not 加上: "区本级一般公共预算支出 A 亿元，加区对镇
    转移性支出 B 亿元、…、结转下年支出 E 亿元，支出总量为 T 亿元" — the amounts it names cannot exceed the total."""

    TEXT = (
        "区本级一般公共预算财力247.6亿元。区本级一般公共预算支出272.4亿元，加区对镇转移性支出21.3亿元、"
        "地方政府一般债务还本支出20.5亿元、补充预算稳定调节基金105.9亿元、结转下年支出{carry}亿元，支出总量为432.2亿元。"
    )

    def test_amounts_that_exceed_the_total_are_found(self):
        [f] = findings(self.TEXT.format(carry="16.1"), "SUM001")
        assert "432.2" in f.message

    def test_amounts_within_the_total_pass(self):
        assert not findings(self.TEXT.format(carry="12.1"))


class TestABareFigureInABalanceOfOneDecimalAmounts:
    """A 决算报告's balance in 亿元 writes every amount with one decimal: a figure that lost its unit there is an
    amount all the same, whether it closes the sentence as the total ("收入总量为628.2。") or stands in the list of
    addends ("加区对镇转移性支出21.3、…")."""

    TEXT = (
        "全区一般公共预算收入307.3亿元。加市级财政税收返还和补助收入133.6亿元、上年结转收入12.9亿元、"
        "调入资金{moved}、动用预算稳定调节基金61.9亿元，收入总量为{total}。"
    )

    def test_the_total_without_its_unit_is_found(self):
        [f] = findings(self.TEXT.format(moved="84.2亿元", total="599.9"), "UNIT002")
        assert f.expected == "599.9亿元"

    def test_an_addend_without_its_unit_is_found(self):
        [f] = findings(self.TEXT.format(moved="84.2", total="599.9亿元"), "UNIT002")
        assert f.expected == "84.2亿元"

    def test_a_count_after_a_money_word_stays_a_count(self):
        assert not findings("本年安排专项资金3.5亿元，涉及项目12个、单位3家，收入总量为599.9亿元。", "UNIT002")

    def test_an_item_after_a_long_named_one_that_wrote_its_unit_is_found(self):
        # the item before wrote its unit, so this one does not share the next one's: it lost its own
        text = "区本级一般公共预算财力247.6亿元，加上年结转收入12.7亿元、地方政府一般债务转贷收入28.3、调入资金84.2亿元，收入总量为372.8亿元。"
        [f] = findings(text, "UNIT002")
        assert f.expected == "28.3亿元"

    def test_a_fund_is_an_amount(self):
        text = "区本级一般公共预算支出272.4亿元，加区对镇转移性支出21.3亿元、补充预算稳定调节基金105.9、结转下年支出12.1亿元，支出总量为411.7亿元。"
        [f] = findings(text, "UNIT002")
        assert f.expected == "105.9亿元"

    def test_two_figures_sharing_the_unit_written_after_the_second_pass(self):
        assert not findings("2022年度收入476.17、支出总计460.06万元。", "UNIT002")


class TestABalanceWhoseAddedAmountSumsUpWithDeng:
    """上海市's 市级决算报告: "全市一般公共预算收入 A 亿元。加上中央财政税收返还和补助收入、地方政府一般债务收入等 B 亿元，
    收入总量为 T 亿元" — one amount sums up all that is added (等), so A + B is the whole total, not a part of it."""

    TEXT = (
        "全市一般公共预算收入8374.2亿元，为预算的95.9%。加上中央财政税收返还和补助收入、地方政府一般债务收入等"
        "{added}亿元，收入总量为11326.5亿元。"
    )

    def test_a_total_larger_than_the_two_amounts_is_found(self):
        [f] = findings(self.TEXT.format(added="2852.3"), "SUM001")
        assert "11326.5" in f.message and "11,226.5" in f.message

    def test_the_two_amounts_making_the_total_pass(self):
        assert not findings(self.TEXT.format(added="2952.3"))

    def test_amounts_named_without_deng_may_leave_some_out(self):
        # two amounts named one by one: the balance may name only its main items, the rest unsaid
        text = "全市一般公共预算收入8374.2亿元。加上中央补助收入996.8亿元、地方政府一般债务收入443.1亿元，收入总量为11326.5亿元。"
        assert not findings(text, "SUM001")


class TestFirstItemRunIntoItsParentLine:
    """Document-sharing sites join a heading and its first sub-item on one line ("一、决算汇编基本情况 1.报表类型说明"):
    the first item is there, run into its parent's line, not missing."""

    TEXT = (
        "一、决算汇编基本情况 1.报表类型说明\n"
        "纳入本年度部门决算汇编范围的独立核算单位共计96个。\n"
        "2.单位分类情况说明(1)按单位基本性质划分: 行政单位32个\n"
        "事业单位64个,较上年增加3个。\n"
        "(2)按单位执行会计制度划分:\n"
        "执行行政单位会计制度的单位32个。\n"
    )

    def test_a_first_item_in_its_parent_line_is_present(self):
        assert not findings(self.TEXT, "DOC001")

    def test_a_first_item_missing_everywhere_is_still_found(self):
        [f] = findings(self.TEXT.replace("(1)按单位", "按单位"), "DOC001")
        assert "缺少“(1)”" in f.message or "缺少“（1）”" in f.message


class TestWordPageFieldsInTheContents:
    """A contents copied out of a .doc keeps Word's page-reference fields where the leader dots were
    ("一、主要职责 PAGEREF _Toc32310 \\h 3", the backslash often lost): the entries are contents, their page numbers
    no column of a table to be added up."""

    TEXT = (
        "某医院2023年度单位决算\n\n目录\n\n公开日期:2024926\n\n"
        "第一部分 单位概况 PAGEREF _Toc25831 h 3\n\n"
        "一、 主要职责 PAGEREF _Toc32310 h 3\n\n"
        "二、 机构设置 PAGEREF _Toc8401 h 3\n\n"
        "第二部分 2023年度单位决算情况说明 PAGEREF _Toc2776 h 4\n\n"
        "一、收入支出决算总体情况说明 PAGEREF _Toc16112 h 4\n\n"
        "二、收入决算情况说明 PAGEREF _Toc21777 \\h 4\n\n"
        "三、支出决算情况说明 PAGEREF _Toc25704 h 5\n\n"
        "第三部分 名词解释 PAGEREF _Toc19475 h 12\n\n"
        "第四部分 附表 PAGEREF _Toc29898 h 22\n\n"
        "一、收入支出决算总表 PAGEREF _Toc20349 h 22\n\n"
        "二、收入决算表 PAGEREF _Toc4418 h 22\n\n"
        "三、支出决算表 PAGEREF _Toc6022 h 22\n"
    )

    def test_the_page_numbers_are_not_summed(self):
        assert not findings(self.TEXT)

    def test_a_gap_in_those_contents_is_a_contents_gap(self):
        [f] = findings(self.TEXT.replace("三、支出决算情况说明", "四、支出决算情况说明"), "DOC001")
        assert f.message.startswith("目录中")


class TestAThresholdPassedIsNoBase:
    """"首次突破2亿元" names a threshold the total passed, a bound like 超过, not the figure the change that follows
    is measured from: read as the base, its wide interval hid a wrong rate (and explained one against 2 亿元)."""

    TEXT = "2023年度全市政府采购规模为2.35亿元，首次突破2亿元，比上年增加0.41亿元，增长21.13%。"

    def test_the_change_is_measured_from_the_total(self):
        assert not findings(self.TEXT)

    def test_a_wrong_rate_is_found_against_the_total(self):
        [f] = findings(self.TEXT.replace("21.13%", "25.13%"), "CHG001")
        assert "2.35" in f.message


class TestItemNumbersLostInExtraction:
    """A mirror's extraction drops some item numbers (a digit in another font): lines then open with the list's
    bare punctuation ("、完成内容一致：…"), and the numbers left show gaps that are not the report's."""

    TEXT = (
        "指标说明：\n"
        "1、年初设定目标：本年度应完成的各类指标总和。\n"
        "2、资金到位及时：项目财政资金是否及时拨付。\n"
        "6、资金使用合规：项目资金的使用是否符合规定。\n"
        "、完成内容一致：判定项目实际完成内容与申报内容的一致性。\n"
        "、项目目标实现：判定项目目标的实现程度。\n"
    )

    def test_a_gap_beside_lost_numbers_is_not_reported(self):
        assert not findings(self.TEXT, "DOC001")

    def test_letter_spaced_lines_that_lost_their_numbers_count_too(self):
        assert not findings(letter_spaced(self.TEXT), "DOC001")

    def test_the_same_gap_with_every_number_kept_is_found(self):
        text = self.TEXT.replace("\n、完成", "\n7、完成").replace("\n、项目", "\n8、项目")
        [f] = findings(text, "DOC001")
        assert "缺少“3、”" in f.message

    def test_wrapped_prose_opening_with_a_comma_is_no_lost_number(self):
        text = (
            "1、预算执行情况。本年严格落实中央八项规定和国务院\n"
            "、省政府关于过紧日子的要求，严格执行预算管理制度\n"
            "、培训费按标准据实列支。\n"
            "3、绩效目标完成情况。全年目标均已完成。\n"
        )
        [f] = findings(text, "DOC001")
        assert "缺少“2、”" in f.message


class TestFiguresOfAReasonInsideAList:
    """A budget adjustment explains each part in its clause ("调整的原因：…调减 A，其他…调增 B；"): those figures break
    the part down, they are no parts of the list (their "其他" no catch-all closing it)."""

    TEXT = (
        "2024年调增一般公共预算支出12.50万元，其中：调增培训经费4.20万元，调整的原因：按最新口径，"
        "省级培训调减1.10万元，其他培训调增5.30万元；调增设备购置经费8.30万元，调整的原因：更新办公设备。"
    )

    def test_the_reason_figures_are_not_summed_as_parts(self):
        assert not findings(self.TEXT, "SUM001")

    def test_a_letter_spaced_reason_is_a_reason_too(self):
        assert not findings(letter_spaced(self.TEXT), "SUM001")

    def test_a_numbered_item_after_a_reason_is_still_a_part(self):
        # "1. …0万元,主要原因是…(no full stop) / 2. …": the next number opens the next part
        text = (
            "2021年度区本级“三公”经费决算汇总数2145.3万元。其中:\n\n"
            "1. 因公出国(境)费0万元,主要原因是本年无因公出国(境)相关安排,与上年持平\n\n"
            "2. 公务接待费720.03万元,较上年增加113.1万元。\n\n"
            "3. 公务用车购置及运行维护费1325.27万元。\n"
        )
        [f] = findings(text, "SUM001")
        assert "2,045.3" in f.message

    def test_a_list_with_its_catch_all_outside_any_reason_is_still_summed(self):
        text = "2024年项目支出12.50万元，其中：培训经费4.20万元，其他支出5.30万元。"
        [f] = findings(text, "SUM001")
        assert "9.50" in f.message


class TestAnItemListedTwice:
    """"内设8个内设机构，即办公室、…、政治部、办公室": nine names, eight distinct — the count is right and the list repeats
    an item; the finding names the repetition instead of calling the count wrong."""

    TEXT = "本院内设8个内设机构，即办公室、第一检察部、第二检察部、第三检察部、第四检察部、第五检察部、综合业务部、政治部、办公室。"

    def test_the_repeated_item_is_named(self):
        [f] = findings(self.TEXT, "COUNT001")
        assert "“办公室”重复" in f.message and f.expected is None

    def test_nine_different_items_still_question_the_count(self):
        [f] = findings(self.TEXT.replace("、政治部、办公室", "、政治部、技术信息部"), "COUNT001")
        assert "列出的是 9 项" in f.message and f.expected == "9个"


class TestAWholeNamedAfterCurrentPeriod:
    """"当期全国政府采购规模为 T 亿元" then "…占全国政府采购规模的 P%": 当期 (the current period) qualifies the figure as
    本年 or 本期 do, it is no part of the name a later share refers to."""

    TEXT = (
        "当期全市政府采购规模为2107.05亿元，比上年增加376.52亿元。\n"
        "公开招标金额为1641.35亿元，占全市政府采购规模的77.9%，公开招标仍占主导地位。\n"
    )

    def test_the_share_is_checked_against_the_named_whole(self):
        assert not findings(self.TEXT)
        [f] = findings(self.TEXT.replace("77.9%", "70.9%"), "PCT001")
        assert "2107.05" in f.message


class TestAChangeAfterTheSemicolonThatEndsAnInclusionList:
    """Ningxia's 预算 wording: "收支总预算 T 万元，含甲经费 A 万元，乙经费 B 万元；比上年预算增加 D 万元，增长 G%" — the
    ； ends what the total includes, and the change after it, naming nothing, is the total's, not the last part's."""

    TEXT = (
        "某局2013年收支总预算4,471.22万元，含某山庄管理处经费250万元，机关幼儿园经费537.31万元；"
        "比2012年预算增加755.18万元，增长20.32%。"
    )

    def test_the_change_is_the_totals(self):
        assert not findings(self.TEXT)

    def test_a_wrong_rate_of_the_total_is_still_found(self):
        [f] = findings(self.TEXT.replace("20.32%", "22.32%"), "CHG001")
        assert "4,471.22" in f.message

    def test_a_change_in_the_same_clause_as_a_part_stays_the_parts(self):
        text = "某局收支总预算4,471.22万元，含某山庄管理处经费250万元，机关幼儿园经费537.31万元，比上年增加37.31万元，增长9.5%。"
        [f] = findings(text, "CHG001")
        assert "537.31" in f.message


class TestUntitledContentsWhoseFirstPartIsNamedOtherwise:
    """A 宁夏 卫生院's 决算 page: its contents have no 目录 over them, their first entry is "第一部分 单位概况" and the body
    opens with "第一部分 部门概况" — the contents' last parts ("第四部分 名词解释 / 第五部分 附件") are no empty parts."""

    TEXT = (
        "2023年度某县某乡卫生院部门决算\n\n第一部分  单位概况\n\n一、部门职责\n\n二、机构设置\n\n第二部分  2023年度部门决算表\n\n"
        "一、收入支出决算总表\n\n第三部分  2023年度部门决算情况说明\n\n一、收入支出决算总体情况说明\n\n第四部分  名词解释\n\n"
        "第五部分  附件\n\n第一部分  部门概况\n\n一、部门职责\n\n某乡卫生院是县卫生健康局下属的二级事业单位。\n"
    )

    def test_the_contents_are_not_read_as_empty_parts(self):
        assert not findings(self.TEXT)


class TestAChangeInTheSentenceAfterItsAmount:
    """Inner Mongolia's 决算 wording: "1.本年收入决算合计 A 万元。与上年决算相比，增加 D 万元，增长 G%" — the change, in a
    sentence of its own that opens with its basis and names nothing, is the one amount stated just before."""

    TEXT = (
        "(一)收入决算总计332.98万元。包括:\n"
        "1.本年收入决算合计332.76万元。与上年决算相比,增加108.75万元,增长{rate}%,变动原因:单位新考录人员。\n"
        "2.年初结转和结余0.22万元。与上年决算相比,减少1.17万元,减少84%,变动原因:部分党费被划走。\n"
    )

    def test_the_changes_are_checked_and_hold(self):
        assert not findings(self.TEXT.format(rate="48.55"))

    def test_a_wrong_rate_is_found(self):
        [f] = findings(self.TEXT.format(rate="58.55"), "CHG001")
        assert "332.76" in f.message and f.expected.startswith("增长48.5")

    def test_two_amounts_before_leave_the_change_unread(self):
        text = "本年收入合计332.76万元，本年支出合计330.10万元。与上年相比,增加108.75万元,增长58.55%。\n"
        assert not findings(text, "CHG001")


class TestATotalBrokenDownTwiceUnderOneList:
    """"支出 T 万元……其中:按功能分类科目,甲支出 A 万元,乙支出 B 万元按经济分类科目,工资福利支出 C 万元,其他资本性支出 D 万元":
    one list holds two breakdowns of the same total, the second not set apart — each adds up on its own."""

    TEXT = (
        "2017年度一般公共预算财政拨款支出4603.07万元。其中:按功能分类科目,一般公共服务支出4134.05万元,"
        "社会保障和就业支出{b}万元按经济分类科目,工资福利支出3720.57万元,商品和服务支出307.92万元,"
        "对个人和家庭的补助支出558.14万元,其他资本性支出16.43万元。"
    )

    def test_two_breakdowns_that_each_add_up_pass(self):
        assert not findings(self.TEXT.format(b="469.02"), "SUM001")

    def test_a_wrong_part_is_still_found(self):
        [f] = findings(self.TEXT.format(b="479.02"), "SUM001")
        assert "4603.07" in f.message


class TestALengthWrappedToTheHeadOfALine:
    """A 河南 绩效自评 as a page dump gives it: "…实现新建村内道路、连通道路" / "32.63公里。" — a length wrapped to the head
    of a line is no item 32.63 of a numbered list."""

    TEXT = (
        "一、绩效目标分解下达情况\n1、财政衔接推进乡村振兴资金下达预算及项目情况\n"
        "我县2022年农村公路通村道路建设项目计划投资2179万元，实现新建村内道路、连通道路\n32.63{unit}。\n"
        "2、财政衔接推进乡村振兴资金项目绩效目标设定情况\n该项目共编制12个绩效目标指标。\n"
    )

    def test_the_length_is_no_numbered_item(self):
        for unit in ("公里", "平方米", "亩", "吨"):
            assert not findings(self.TEXT.format(unit=unit)), unit

    def test_an_item_numbered_with_two_levels_is_still_one(self):
        text = "一、项目概况\n1.1 道路背景\n为改善出行条件。\n1.3 建设内容\n新建道路。\n"
        [f] = findings(text, "DOC001")
        assert "1.2" in f.message


class TestTheTemplatesTotalOfIncomeAndExpenditure:
    """The 决算 template's first sentence, as Inner Mongolia writes it: "2022年度收入、支出决算总计 T 万元。与2021年度相比，
    收、支总计各增加 D 万元，增长 G%" — 收入、支出决算总计 is the pair's total, the one 收、支总计 names, not 收入 alone."""

    TEXT = "某局2022年度{fin}{pair}决算总计332.98万元{sep}与2021年度相比，{fin}收、支总计各增加107.58万元，增长{rate}%。"

    def test_the_change_is_checked_against_the_total(self):
        for pair in ("收入、支出", "收入支出", "收支", "收、支"):
            for fin in ("", "财政拨款"):
                for sep in ("。", "，"):
                    case = {"pair": pair, "fin": fin, "sep": sep}
                    assert not findings(self.TEXT.format(rate="47.73", **case)), case
                    [f] = findings(self.TEXT.format(rate="57.73", **case), "CHG001")
                    assert "332.98" in f.message, case

    def test_one_side_alone_keeps_its_name(self):
        # "收入决算总计 R 万元" is 收入's; a change of 收、支总计 after it is not 收入's
        text = "2022年度收入决算总计332.98万元。与2021年度相比，收、支总计各增加107.58万元，增长57.73%。"
        assert not findings(text, "CHG001")

    def test_a_total_that_adds_income_and_expenditure_together_is_found(self):
        # "收入、支出决算总计665.96万元" where each is 332.98: the rates hold for 332.98, not for the doubled total
        text = "2022年度收入、支出决算总计665.96万元。与上年决算相比,收、支总计各增加107.58万元,增长47.73%。"
        [f] = findings(text, "CHG001")
        assert "665.96" in f.message


class TestAChangeOfABudgetReportsTotalBudget:
    """A 预算's template: "财政拨款收、支总预算 X 万元。与2023年相比，财政拨款收、支总预算各增加 D 万元，增长 G%" — in a budget
    report the item's one figure is its budget, and 收、支总预算 names the line item the budget was read for."""

    TEXT = (
        "某县某局2024年部门预算\n四、财政拨款收支预算总体情况说明\n"
        "某县某局2024年财政拨款收、支总预算1,100.00万元。与2023年相比，财政拨款收、支总预算各增加50.00万元，增长{rate}%。\n"
    )

    def test_the_change_is_checked_against_the_budget(self):
        assert not findings(self.TEXT.format(rate="4.76"))
        [f] = findings(self.TEXT.format(rate="5.76"), "CHG001")
        assert "1,100.00" in f.message

    def test_a_final_accounts_budget_is_not_taken_for_this_years_figure(self):
        # in a 决算 a budget is no figure of the year: a change after it stays unread
        text = "某局2023年度部门决算\n“三公”经费年初预算为10万元。与上年相比，“三公”经费减少2万元，下降30%。\n"
        assert not findings(text, "CHG001")


class TestAChangeOfBothTotalsStatedApart:
    """Inner Mongolia's wording, and the 预算 template's: "收入总计 T 万元……支出总计 T 万元。与上年相比，收、支总计各增加 D 万元"
    — 收、支总计 is the two totals stated apart; as they are one amount, the change is of it."""

    TEXT = (
        "2019年度收入总计530.00万元，其中：本年收入合计520.00万元，年初结转和结余10.00万元。2019年度支出总计{spent}万元，"
        "其中：本年支出合计510.00万元，年末结转和结余{carried}万元。与上年相比，收、支总计各增加30.00万元，增长{rate}%。"
    )

    def test_the_change_is_checked_against_the_totals(self):
        assert not findings(self.TEXT.format(spent="530.00", carried="20.00", rate="6"))
        [f] = findings(self.TEXT.format(spent="530.00", carried="20.00", rate="8"), "CHG001")
        assert "530.00" in f.message

    def test_two_totals_apart_leave_the_change_unread(self):
        # 收入总计 and 支出总计 differ: which one 收、支总计 changed is not said
        assert not findings(self.TEXT.format(spent="520.00", carried="10.00", rate="8"), "CHG001")

    def test_a_budgets_two_total_budgets(self):
        text = (
            "某县某局2024年部门预算\n某县某局2024年收入总预算1,200.00万元，支出总预算1,200.00万元。与2023年相比，"
            "收、支总预算各增加100.00万元，增长{rate}%。\n"
        )
        assert not findings(text.format(rate="9.09"))
        [f] = findings(text.format(rate="19.09"), "CHG001")
        assert "1,200.00" in f.message

class TestAMagnitudeOfMillionsOfMillions:
    """Provincial audit and budget reports write national and provincial totals as "1.21万亿" (万亿 with 元 left off,
    as 亿 alone often is): the figure is 1.21 万亿, not "1.21万" wanting 元."""

    def test_wan_yi_without_yuan_is_no_wan_missing_yuan(self):
        text = "2019年全省民生类支出1.21万亿，占一般公共预算支出比重69.7%，其中省级投入民生实事资金520.6亿元。"
        assert not findings(text, "UNIT002")

    def test_wan_alone_after_a_money_word_is_still_found(self):
        [f] = findings("2019年全省民生类支出1.21万，占一般公共预算支出比重69.7%，其中省级投入民生实事资金520.6亿元。", "UNIT002")
        assert "1.21万元" in f.message


class TestALawQuotedInPartOnAWrappedLine:
    """A budget-adjustment report quotes the 预算法 with its omissions marked ("第三十五条“……省、自治区、直辖市…"); a page
    dump wraps the line before its first comma, and the ellipsis opening the quotation looked like a contents entry's
    leader dots: the heading above it was taken for a contents entry and the next heading's 二、 reported as a skip."""

    TEXT = (
        "根据预算法规定，对本县2024年县本级财政收支预算进行调整，现就调整方案公示如下：\n"
        "一、预算调整依据\n"
        "按照《中华人民共和国预算法》第三十五条“……省、自治区、直\n"
        "辖市依照国务院下达的限额举借的债务，列入本级预算调整方案。……”的规定，需要对2024年县本级财政预算进行调整。\n"
        "二、收入调整\n"
        "县本级财政一般公共预算总收入由397959万元调整为409959万元，调增12000万元。\n"
    )

    def test_the_ellipsis_of_a_quotation_is_no_leader(self):
        assert not findings(self.TEXT)

    def test_a_contents_entry_with_leader_dots_is_still_one(self):
        from auditlint.segment.lines import has_leader_dots

        assert has_leader_dots("一、预算调整依据……………………3")
        assert has_leader_dots("(五)…………( 1)")
        assert not has_leader_dots("按照《中华人民共和国预算法》第三十五条“……省、自治区、直")


class TestAPartsOwnListGoingOnPastASemicolon:
    """A 转移支付情况说明 breaks one part down with 主要为 (or 包括) and separates that part's own items with ；: "其中：一般公共
    转移支付补助收入 A 亿元，主要为税收返还收入 B 亿元；一般性转移支付收入 C 亿元；专项转移支付收入 D 亿元" — B + C + D = A.
    The ； was read as ending the part's list, and C and D (or B) were added to A as the total's other parts."""

    TEXT = (
        "2019年，我区转移性补助收入10.77亿元，其中：一般公共转移支付补助收入10.72亿元，{marker}税收返还收入0.75亿元；"
        "一般性转移支付收入6.95亿元；专项转移支付收入3.02亿元。政府性基金转移收入458万元。"
    )

    def test_the_amounts_after_the_semicolon_are_the_parts_own(self):
        assert not findings(self.TEXT.format(marker="主要为"))
        assert not findings(self.TEXT.format(marker="包括"))

    def test_parts_that_do_not_make_up_the_part_before_stay_the_totals(self):
        text = "本年支出合计100.00万元，其中：基本支出50.00万元，包括人员经费30.00万元；项目支出40.00万元。"
        [f] = findings(text, "SUM001")
        assert "90.00" in f.message


class TestMagnitudesWrittenBareAsAStyle:
    """A newspaper's account of a budget report writes its amounts as "11.2亿", "1233.68亿" and "4000万", 元 left off
    throughout: 万 alone there is the text's style, not the slip UNIT002 looks for in a report kept in 万元."""

    TEXT = (
        "2012年市级“三公”经费财政拨款支出预算安排11.2亿，与2011年预算11.4亿相比，降低了1.8%。\n"
        "公车购置费减少8000万，但公车运行维护费用增加4000万，是因为受燃油价格上涨等因素。\n"
        "去年土地出让收入预期为1600亿，实际土地收入1233.68亿，完成预算的77.1%。\n"
    )

    def test_wan_alone_in_a_text_that_writes_yi_alone_is_no_slip(self):
        assert not findings(self.TEXT, "UNIT002")

    def test_wan_alone_in_a_report_kept_in_wan_yuan_is_still_found(self):
        text = "2012年“三公”经费财政拨款支出预算安排11.2万元，比上年减少0.2万元。公车运行维护费用增加4000万。"
        [f] = findings(text, "UNIT002")
        assert "4000万元" in f.message


class TestABalanceNamingWhatItAddsTo:
    """A county budget report states 收入 and 支出 in one sentence, then "一般公共财政预算收入，加上税收返还…等 C 万元，预计
    总财力 T 万元": the sentence names the amount C is added to. It was added to the amount just before (the 支出)."""

    TEXT = (
        "初步安排一般公共预算收入243500万元，增长8%；一般公共预算支出安排681436万元，增长2.2%。"
        "一般公共财政预算收入，加上税收返还、转移支付、调入资金、债券转贷收入等500516万元，预计总财力{total}万元。"
    )

    def test_the_named_amount_is_the_base(self):
        assert not findings(self.TEXT.format(total="744016"))

    def test_a_wrong_total_of_the_named_amount_is_found(self):
        [f] = findings(self.TEXT.format(total="754016"), "SUM001")
        assert "243500" in f.message and "744,016" in f.message

    def test_the_name_is_read_over_a_wrap_and_letter_spacing(self):
        text = self.TEXT.format(total="744016")
        assert not findings(letter_spaced(text))
        assert not findings(text.replace("预算收入，加上税收", "预算收入，加上税收\n"))
        assert not findings(text.replace("财政预算收入，", "财政预\n算收入，"))


class TestABalanceGoingOnAfterAnAddedAmountsList:
    """Hainan's county report: "加上转移性收入 B 万元，其中，上级补助收入 b1 万元、…和上年结转结余收入 b4 万元，债务收入 C 万元，
    收入总计 T 万元" — b1…b4 make up B; C and T go on with the balance, they are no more parts of B. Read as B's parts,
    the balance had no total and a total written in 元 by slip passed unseen."""

    TEXT = (
        "全县地方一般公共预算收入32044万元，增长6.7%。加上转移性收入361934万元，其中，上级补助收入322821万元、"
        "调入资金6960万元、动用预算稳定调节基金100万元和上年结转结余收入32053万元，债务收入47060万元，收入总计{total}。"
    )

    def test_the_balance_as_written_is_no_finding(self):
        assert not findings(self.TEXT.format(total="441038万元"))

    def test_a_total_in_yuan_by_slip_is_found(self):
        [f] = findings(self.TEXT.format(total="441038元"))
        assert f.rule == "UNIT001" and "441038 元" in f.message and "万元" in f.message


class TestATotalBrokenDownTwiceInOneSentence:
    """Inner Mongolia's banner reports break one amount down twice in a sentence: a part named in brackets, then a list
    by collector ("收入完成19.8亿元（包括开发区收入2890万元），…，其中税务完成18.96亿元，财政完成8428万元"); or the amount
    and then its change, each with its own bracket ("…安排290000万元（其中：旗本级…），比人代会预算数增加60000万元（其中：
    旗本级58800万元，开发区1200万元）"). All the parts were added up as one list."""

    def test_a_bracketed_part_and_a_later_list_are_two_breakdowns(self):
        text = (
            "上半年，旗本级公共财政预算收入完成19.8亿元（包括开发区收入2890万元），同比增长18.9%，完成年初目标任务的55.6%，"
            "其中税务完成18.96亿元，同比增长36.3%，财政完成{tax}万元，同比减少69.3%。"
        )
        assert not findings(text.format(tax="8428"))
        [f] = findings(text.format(tax="9428"), "SUM001")
        assert "18.96" in f.message and "2890" not in f.message

    def test_the_list_after_a_change_is_the_changes(self):
        text = (
            "2022年，全旗一般公共预算收入安排290000万元（其中：旗本级257800万元，开发区{dev}万元），"
            "比人代会预算数增加60000万元（其中：旗本级58800万元，开发区1200万元），增长26.1%。"
        )
        assert not findings(text.format(dev="32200"))
        [f] = findings(text.format(dev="42200"), "SUM001")
        assert "257800" in f.message and "58800" not in f.message

    def test_a_change_broken_down_with_its_own_directions_is_still_read(self):
        text = (
            "全旗政府性基金收入预算安排45000万元（其中：旗本级35900万元，开发区9100万元），比人代会预算安排数减少25000万元，"
            "（其中：旗本级减少29100万元，开发区增加4100万元），下降35.7%。"
        )
        assert not findings(text)
        from auditlint.api import extract, read_bytes

        claims = extract(read_bytes("report.txt", text.encode("utf-8"))).claims
        [change] = [c for c in claims if c.kind == "sum" and c.measure == "delta"]
        assert change.total.value == 25000 and [p.value for p in change.parts] == [29100, -4100]

    def test_the_lists_are_told_apart_on_a_letter_spaced_line(self):
        text = (
            "上半年，旗本级公共财政预算收入完成19.8亿元（包括开发区收入2890万元），同比增长18.9%，"
            "其中税务完成18.96亿元，财政完成8428万元。全旗一般公共预算收入安排290000万元（其中：旗本级257800万元，"
            "开发区32200万元），比人代会预算数增加60000万元（其中：旗本级58800万元，开发区1200万元）。"
        )
        assert not findings(letter_spaced(text))


class TestASubjectAfterABracketTheClauseBeganIn:
    """"全省100个县区(含41个县和县级市、59个区,下同)一般公共预算收入完成…": the clause before the figure begins inside a
    bracket; its closing part ("下同)") is no part of the subject a finding names."""

    def test_the_bracket_tail_is_left_out_of_the_subject(self):
        text = "2021年1-3月，全省100个县区(含41个县和县级市、59个区,下同)一般公共预算收入完成503.7亿元，比上年同期增加85.8亿元，增长20.9%。"
        [f] = findings(text, "CHG001")
        assert "下同" not in f.message and "一般公共预算收入完成 503.7 亿元" in f.message


class TestATableLineSpelledOutByTheLineUnderIt:
    """A district budget's revenue table as a web page gives it, in pipes and without indentation: "上级补助收入" then its
    one part "税收返回及转移支付补助" with the same figures and an empty "上级追加补助". Read as siblings, the 收入总计 row
    counted the 上级补助收入 twice (TAB001 "少 37811")."""

    TEXT = (
        "单位:万元 | |||||\n"
        "项目 | 2016年预算数 | 上年完成数 | 比上年增减额 | 比上年增减% | 备注 |\n"
        "一、共享收入 | 24039 | 21561 | 2478 | 11.49 | |\n"
        "二、区级固定收入 | 20302 | 18749 | 1553 | 8.28 | |\n"
        "区级财政收入合计 | 44341 | 40310 | 4031 | 10.00 | |\n"
        "上级补助收入 | 37811 | 46850 | |||\n"
        "税收返回及转移支付补助 | 37811 | 46850 | 2016年为预计数 | ||\n"
        "上级追加补助 | |||||\n"
        "上年结转结余 | 1441 | 1453 | |||\n"
        "其中:上年结转 | 1155 | 1195 | |||\n"
        "收入总计 | {total} | 88613 |\n"
    )

    def test_the_part_spelled_out_is_not_counted_again(self):
        assert not findings(self.TEXT.format(total="83593"))

    def test_a_wrong_total_is_still_found(self):
        [f] = findings(self.TEXT.format(total="83693"))
        assert f.rule == "TAB001" and "= 83593" in f.message and "多 100" in f.message


class TestAYearbookTableOfRevenue:
    """A statistical yearbook's fiscal table as its web page gives it: a bilingual header naming the columns by year
    ("项    目 Item 2020 2021"), the items indented with spaces and an English name after the Chinese. It stopped the
    whole file with an internal error (a row read as two groups of figures, the placements of the second laid in the
    first), and once read, the header's years were taken for a data row that the 收入合计 under it had to equal."""

    BILINGUAL = (
        "6-3 地方财政收入\n单位:万元 (10000 yuan)\n项    目 Item 2022 2023\n收入合计 Total Revenue 1000 1200\n"
        "  税收收入   Tax Revenue 600 700\n  非税收入   Non-tax Revenue 300 350\n  其他收入   Others 100 150\n"
    )
    PLAIN = "财政收入表\n单位:万元\n项目 2022 2023\n收入合计 1000 1200\n税收收入 600 700\n非税收入 300 350\n其他收入 100 150\n"

    def test_the_table_is_read_without_an_internal_error(self):
        for text in (self.BILINGUAL, self.PLAIN):
            result = check_text(text)
            assert result.error is None and not result.internal_errors

    def test_a_header_naming_its_columns_by_year_is_no_data_row(self):
        assert not findings(self.PLAIN, "TAB001")


class TestAFigureInACodesShapeInATableWithoutCodes:
    """A yearbook's or budget's table without classification codes: a row whose last figure happens to look like an
    economic code ("非税收入 300 350") had that figure taken for the code of an item on the next line, which was
    folded into the row — the next line's item lost and the 合计 never assessed."""

    TEXT = "财政收入表\n单位:万元\n项目 2022 2023\n税收收入 600 700\n非税收入 300 350\n其他收入 100 {last}\n合计 1000 1200\n"

    def test_the_rows_are_read_as_written_and_the_total_checked(self):
        assert not findings(self.TEXT.format(last="150"))
        [f] = findings(self.TEXT.format(last="160"), "TAB001")
        assert "其他收入 160" in f.message and "1210" in f.message

    ROW_OF_CODES = (
        "财政收入表\n单位:万元\n项目 2022 2023\n增值税 Value Added Tax 10000000 12000000\n"
        "企业所得税 Corporate Income Tax 2131800 {last}\n合计 12131800 14269841\n"
    )

    def test_a_row_whose_every_figure_is_in_a_codes_shape_is_read_as_a_row(self):
        # "企业所得税 … 2131800 2269841": both figures have a code's shape, and the line was taken for words
        assert not findings(self.ROW_OF_CODES.format(last="2269841"))
        [f] = findings(self.ROW_OF_CODES.format(last="2269941"), "TAB001")
        assert "企业所得税 Corporate Income Tax 2269941" in f.message and "14269941" in f.message


class TestAnAmountEndingAPageWhoseNextPageIsMissing:
    """A page dump cut after a page: its last figure's unit is on the page that did not come with it, and only the
    page's number and the next page's running head follow ('…城市基础设施配套费收入0.85' / '- 3 -' / '关于某县…的报告')."""

    BODY = (
        "关于某县2024年预算执行情况的报告\n"
        "全县政府性基金预算收入完成12.03亿元，下降2.1%。其中：土地出让收入11.13亿元，下降3.1%；城市基础设施配套费收入0.85{tail}"
    )

    def test_its_unit_is_not_held_missing(self):
        assert not findings(self.BODY.format(tail="\n- 3 -\n"), "UNIT002")

    def test_a_unit_missing_before_more_text_is_still_found(self):
        assert findings(self.BODY.format(tail="，下降5.2%。\n- 3 -\n"), "UNIT002")


# ---------------------------------------------------------------- round 11 (hunt13): 部门预算 and 单位预算


class TestANumberedRunUnderOneQizhong:
    """A budget's 三公 table as a pipe-row page gives it: "其中:(1)公务用车购置费" then "(2)公务用车运行费" — one 其中
    covering a numbered run. The second part was read as one more item beside the others, and the 合计 was held short
    by it in every column."""

    TABLE = (
        "2024年某镇“三公”经费预算财政拨款情况统计表 | ||||\n单位:万元 | ||||\n"
        "项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |\n增、减金额 | 增、减幅度 | |||\n"
        "合计 | 18.15 | {total} | 4 | 22% |\n1.因公出国(境)费 | ||||\n2.公务接待费 | 3 | 7 | 4 | 133% |\n"
        "3.公务用车购置及运行费 | 15.15 | 15.15 | ||\n其中:(1)公务用车购置费 | ||||\n"
        "(2)公务用车运行费 | 15.15 | 15.15 | 0 | 0 |\n"
    )

    def test_the_second_part_is_no_item_of_the_total(self):
        assert not findings(self.TABLE.format(total="22.15"), "TAB001")

    def test_a_wrong_total_is_still_found(self):
        [f] = findings(self.TABLE.format(total="23.15"), "TAB001")
        assert "22.15" in f.message and "23.15" in f.message

    SAME_STYLE = "支出预算表\n单位:万元\n项目 | 预算数 |\n1.基本支出 | 100 |\n其中:1.人员经费 | 80 |\n2.项目支出 | 50 |\n合计 | {total} |\n"

    def test_a_number_going_on_with_the_detailed_line_is_its_sibling(self):
        # "1.基本支出 / 其中:1.人员经费 / 2.项目支出": the 2. numbers on from 1.基本支出, not from the 其中 line
        assert not findings(self.SAME_STYLE.format(total="150"), "TAB001")
        [f] = findings(self.SAME_STYLE.format(total="160"), "TAB001")
        assert "项目支出 50" in f.message


class TestALetterSpacedContentsLineNamingTwoParts:
    """A budget's contents run onto one line ("第一部分 …概况 一、… 二、… 第二部分 …预算表 一、《收支预算总表》 …"),
    then the next line opens with 第三部分. Letter-spaced as a justified PDF line gives it ("第 二 部 分"), the 第二部分
    written inside the line was not recognised, and the outline was held to skip from 第一部分 to 第三部分."""

    TEXT = (
        "某医院2024年部门预算\n目 录\n"
        "第一部分 某医院概况 一、部门主要职责 二、机构设置及人员情况 {second}某医院2024年部门预算表 "
        "一、《收支预算总表》 二、《部门收入总表》\n"
        "第三部分 某医院2024年部门预算情况说明 一、2024年部门预算收支情况说明 第四部分 名词解释\n"
        "一、部门主要职责 本院是一所综合性医院,承担医疗、教学、科研任务。\n"
    )

    def test_the_part_written_inside_the_spaced_line_counts(self):
        for text in (self.TEXT.format(second="第二部分 "), letter_spaced(self.TEXT.format(second="第二部分 "))):
            assert not findings(text, "DOC001")

    def test_a_part_truly_missing_is_still_found_when_spaced(self):
        for text in (self.TEXT.format(second=""), letter_spaced(self.TEXT.format(second=""))):
            [f] = findings(text, "DOC001")
            assert "第二部分" in f.message


class TestDistinctionsNamingTheSameDepartments:
    """A hospital's budget introduces itself: "…医技科室12个。其中:2个省重点专科(心内科、神经内科);3个市领先学科
    (心内科、…)" — distinctions a department may hold several of at once, the same names in each bracket. They were
    added up as a breakdown of the 科室 count before them and held to exceed it."""

    TEXT = (
        "医院现有开放床位800张,设有临床科室30个,医技科室{total}个。其中:2个省重点专科(心内科、神经内科);"
        "3个市领先学科(心内科、骨科、眼科);8个市级重点学科(心内科、眼科、儿科、产科)。\n"
    )

    def test_overlapping_distinctions_are_no_breakdown(self):
        assert not findings(self.TEXT.format(total="12"), "SUM001")

    def test_nor_when_the_line_is_letter_spaced(self):
        # "( 心 内 科 、 神 经 内 科 )": the names are read without their blanks
        assert not findings(letter_spaced(self.TEXT.format(total="12")), "SUM001")

    PARTITION = "本院设有医技科室{total}个,其中:检验类科室6个(检验科、病理科、输血科);影像类科室7个(放射科、超声科、核医学科)。\n"

    def test_a_breakdown_into_distinct_departments_is_still_checked(self):
        assert not findings(self.PARTITION.format(total="13"), "SUM001")
        [f] = findings(self.PARTITION.format(total="10"), "SUM001")
        assert "13" in f.message


class TestAnAmountsUnitWrittenTwice:
    """Sichuan's budget in 元: "上年结转1837600元元,占16.15%" — the unit written twice after a figure, as an edit leaves
    it. A doubled 万元 was found, a doubled 元 was not."""

    TEXT = "2024年收入预算11376591.44元,其中:本年财政拨款收入9538991.44元,占83.85%;上年结转1837600{unit},占16.15%。\n"

    def test_the_doubled_unit_is_found(self):
        [f] = findings(self.TEXT.format(unit="元元"), "DOC010")
        assert f.actual == "元元" and f.expected == "元"

    def test_a_unit_written_once_or_a_word_ending_in_yuan_is_no_finding(self):
        assert not findings(self.TEXT.format(unit="元"), "DOC010")
        assert not findings("单位:元\n元旦前完成采购,共计1000元。\n", "DOC010")


class TestATotalAtTheTopWrittenInASpacedCell:
    """A 三公 budget table whose 合计 row comes first, its label spaced as a centred cell gives it ("合 计 | 34.35 |").
    The spaced label was not taken for 合计, the table was left unchecked, and its 合计 that its items do not make
    (a 公务用车费 of 0 over a 运行维护费 of 32.65) passed unseen."""

    TABLE = (
        "2015年某局部门“三公”经费情况统计表 | ||\n项 目 | 本年预算数 | 其中:公共预算财政拨款 |\n"
        "{label} | 34.35 | 34.35 |\n1.因公出国(境)费用 | 0 | 0 |\n2.公务接待费 | 1.70 | 1.70 |\n"
        "3.公务用车费 | {car} | {car} |\n其中:(1)公务用车运行维护费 | 32.65 | 32.65 |\n(2)公务用车购置 | 0 | 0 |\n"
    )

    def test_a_total_the_items_do_not_make_is_found(self):
        for label in ("合计", "合 计"):
            found = findings(self.TABLE.format(label=label, car="0"), "TAB001")
            assert len(found) == 2 and all("1.70" in f.message and "34.35" in f.message for f in found)

    def test_a_table_that_adds_up_is_quiet(self):
        assert not findings(self.TABLE.format(label="合 计", car="32.65"), "TAB001")


class TestAQizhongRowWrittenInASpacedCell:
    """A budget table's 其中 row as a justified PDF cell gives it ("其 中：人员经费 | 80 |"): not read as a 其中 row,
    the part was added to the 合计 beside the line it belongs to, and the 合计 held short by it."""

    TABLE = "支出预算表\n单位:万元\n项目 | 预算数 |\n基本支出 | 100 |\n{qizhong}人员经费 | 80 |\n项目支出 | 50 |\n合计 | {total} |\n"

    def test_the_spaced_qizhong_row_is_no_item_of_the_total(self):
        for qizhong in ("其中：", "其 中：", "其 中 ："):
            assert not findings(self.TABLE.format(qizhong=qizhong, total="150"), "TAB001")

    def test_a_wrong_total_is_still_found(self):
        [f] = findings(self.TABLE.format(qizhong="其 中：", total="160"), "TAB001")
        assert "150" in f.message and "160" in f.message


# ---- round 11 (hunt14): 事业单位法人年度报告书 and other forms (社会团体, 基金会, 慈善会, 医院) ----


class TestWanAloneWhereNoAmountIsInWanYuan:
    """A foundation's budget table notes its grants as "待拨款:370 万,包括…50 万,…100 万": no amount anywhere in the text
    is written in 万元 (only the table's "单位:万元"), so 万 alone is how the text writes money, not a 元 left off."""

    TEXT = (
        "2012 年预算表(单位:万元)\n景行计划\n670\n"
        "新批项目:300 万(6 家,每家 50 万) 待拨款:370 万,包括甲会 50 万,乙中心 100 万及其他。\n"
    )

    def test_wan_alone_throughout_is_the_texts_style(self):
        assert not findings(self.TEXT, "UNIT002")

    def test_wan_alone_beside_an_amount_in_wan_yuan_is_still_found(self):
        text = self.TEXT.replace("乙中心 100 万", "乙中心 100 万元")
        assert findings(text, "UNIT002")


class TestWanAloneInAnApproximateFigure:
    """A news report's deck sums up a charity's four years as "总收入7700多万,支出6259万多": rounded figures in loose
    words, 元 left off with the precision — not an exact amount that lost its 元."""

    TEXT = (
        "佛山市慈善会资金过去四年总收入7700多万,支出6259万多\n"
        "记者获悉,四年资金总收入为人民币7705.01万元,各项慈善救助资金支出6259.60万元,其中项目资金扶持 {grant}。\n"
    )

    def test_an_approximate_figure_needs_no_yuan(self):
        assert not findings(self.TEXT.format(grant="300万元"), "UNIT002")

    def test_an_exact_figure_beside_them_is_still_found(self):
        [f] = findings(self.TEXT.format(grant="300 万"), "UNIT002")
        assert "300 万元" in f.message

    def test_a_letter_spaced_approximate_figure_needs_no_yuan_either(self):
        text = self.TEXT.format(grant="300万元").replace("支出6259万多", "支 出 6259 万 多")
        assert not findings(text, "UNIT002")


class TestAFormsLabelGivingItsCellsUnit:
    """A 事业单位法人年度报告书 pasted as "label：value" lines: "资产损益情况：净资产合计（所有者权益合计） 年初数（万元）
    312.45 年末数（万元） 298.17". The label carries the unit of the figure after it; the figure needs none of its own."""

    TEXT = (
        "事业单位法人年度报告书\n（2023年度）\n开办资金：85.6万元\n经费来源：财政补助\n"
        "资产损益情况：净资产合计（所有者权益合计） 年初数（万元） 312.45 年末数{label} 298.17\n"
        "网上名称：某区文化馆.公益\n"
    )

    def test_a_figure_after_a_label_with_its_unit_needs_none(self):
        assert not findings(self.TEXT.format(label="（万元）"), "UNIT002")

    def test_a_figure_whose_label_gives_no_unit_is_still_found(self):
        # (among amounts in 万元 in its sentence: each of the form's short lines is a field of its own, not a wrapped line)
        text = self.TEXT.format(label="").replace("开办资金：85.6万元\n经费来源：财政补助\n资产损益情况：",
                                                  "经费来源：财政补助\n开办资金：85.6万元，资产损益情况：")
        [f] = findings(text, "UNIT002")
        assert "298.17万元" in f.message
        assert not findings(text.replace("年末数 298.17", "年末数（万元） 298.17"), "UNIT002")

    def test_a_letter_spaced_label_still_gives_the_unit(self):
        assert not findings(self.TEXT.format(label=" （ 万 元 ） ").replace("年初数（万元）", "年 初 数 （ 万 元 ）"), "UNIT002")


class TestADayNamingAnEvent:
    """A Red Cross society's income by project: "拨款按项目分类为:5.12汶川地震项目1058.88万元,家庭小药箱项目2万元". "5.12" is
    the day of the earthquake written month.day, run straight into the project's name — no amount that lost its unit."""

    def test_a_day_run_into_a_name_is_no_amount(self):
        text = "拨款按项目分类为:5.12汶川地震项目1058.88万元,家庭小药箱项目2万元,志愿服务项目4万元。"
        assert not findings(text, "UNIT002")

    def test_an_amount_of_that_shape_without_its_unit_is_still_found(self):
        text = "拨款按项目分类为:汶川地震项目5.12,家庭小药箱项目2万元,志愿服务项目4万元。"
        [f] = findings(text, "UNIT002")
        assert "5.12万元" in f.message

    def test_a_day_spaced_or_wrapped_from_its_name_is_no_amount_either(self):
        for gap in (" ", "\n"):
            text = f"拨款按项目分类为:5.12{gap}汶川地震项目1058.88万元,家庭小药箱项目2万元,志愿服务项目4万元。"
            assert not findings(text, "UNIT002")


class TestAnAmountRestatedInBracketsInAnotherUnit:
    """A news report of foundations' annual reports writes each amount in 亿元 and then exactly in 元 in brackets:
    "物资捐赠就超过42.4亿元(4,241,538,492.12元),其中,…两家合计为其捐赠物资38亿元(3,809,094,570.37元)". The bracket
    restates the amount before it; it was read as a second part and the two added, far beyond the total."""

    TEXT = (
        "某基金会2016年度捐赠收入42.9亿元(4,290,698,930.67元),物资捐赠就超过42.4亿元(4,241,538,492.12元),其中,"
        "甲公司和乙公司两家合计为其捐赠物资38亿元({exact}元),现金捐赠4000万元。\n"
    )

    def test_the_bracketed_restatement_is_not_a_second_part(self):
        assert not findings(self.TEXT.format(exact="3,809,094,570.37"), "SUM001")

    def test_a_bracketed_amount_that_is_another_amount_is_still_added(self):
        # (1,809,094,570.37 元 is no restatement of 28 亿元: two parts, 46.5 亿元 with the cash, beyond 42.4 亿元)
        text = self.TEXT.replace("38亿元", "28亿元").format(exact="1,809,094,570.37")
        [f] = findings(text, "SUM001")
        assert "28亿元 + 1,809,094,570.37元" in f.message


class TestWanAloneInANewsHeadline:
    """A news page's headline stands on a line of its own: "免费午餐项目公布财报:收入2544万支出1112万". Its colon keeps
    the outline from taking it for a heading, but it is one: headlines leave 元 off, as they leave off verbs."""

    TEXT = "当前位置: 首页 » 新闻资讯\n\n免费午餐项目公布财报:收入2544万支出1112万\n\n{body}\n"
    BODY = "在发布会现场,基金管委会主任宣读2012年财务报告:2012年收入2544万元,包括2473万元的捐款和71万元的利息;2012年支出1112万元。"

    def test_a_headline_standing_alone_needs_no_yuan(self):
        assert not findings(self.TEXT.format(body=self.BODY), "UNIT002")

    def test_the_same_words_inside_the_report_are_still_found(self):
        body = self.BODY.replace("2012年支出1112万元", "2012年支出1112万")
        [f] = findings(self.TEXT.format(body=body), "UNIT002")
        assert "1112万元" in f.message

    def test_a_letter_spaced_headline_needs_no_yuan_either(self):
        text = self.TEXT.format(body=self.BODY).replace(
            "免费午餐项目公布财报:收入2544万支出1112万", " ".join("免费午餐项目公布财报:收入") + " 2544 万 支 出 1112 万"
        )
        assert not findings(text, "UNIT002")


class TestAShareOfATotalStatedBeforeACount:
    """A charity's year in one sentence: "共支出慈善款物5.24亿元,惠及困难群众74万人次,其中用于脱贫攻坚的款物达4.71亿元,
    占总支出的89.88%". The 其中 part hung under the count just before it, so the share's base was a number of people
    and the share was never checked; its base is the 支出 the sentence stated."""

    TEXT = "2019年市慈善总会共筹募款物5.35亿元,各类慈善救助活动共支出慈善款物5.24亿元,惠及困难群众74万人次,其中用于脱贫攻坚的款物达4.71亿元,占总支出的{share}。\n"

    def test_the_share_is_checked_against_the_amount_it_names(self):
        assert not findings(self.TEXT.format(share="89.88%"), "PCT001")
        [f] = findings(self.TEXT.format(share="99.88%"), "PCT001")
        assert "5.24 亿元" in f.message

    def test_a_base_that_names_no_word_of_its_own_is_still_not_guessed(self):
        assert not findings(self.TEXT.format(share="99.88%").replace("占总支出的", "占合计的"), "PCT001")


# ---------------------------------------------------------------- round 11 (hunt12): 绩效自评 and 绩效评价


class TestAListGoingOnAcrossAnInlineMarkerOfAForm:
    """A self-evaluation form (自评表) scanned and read by OCR, its pages numbered "1、", "2、" by the document site:
    a column label "指标值(A)" came out as "指标值(八)", read as an inline heading "(八)" in the first page's line.
    The next page's "2、" was taken as the first item under it, "之下编号从2、开始"; the list 1、 2、 3、 runs on
    across the marker, which opened no section."""

    TEXT = (
        "1、项目支出绩效自评表(2021年)项目名称公用经费年度资金总额64.8全年执行数64.8三级指标指标值(八)"
        "全年实际值(B)得分未完成原因分析\n"
        "2、预算执行率10一100%9财务管理制度有效性7\n"
        "3、指标效果显著15改善办学条件\n"
    )

    def test_the_list_is_not_held_to_restart_under_it(self):
        assert not findings(self.TEXT, "DOC001")

    PAGES = (
        "1、扶贫补助资金绩效自评情况报告一、绩效目标分解下达情况收到补助资金0.15万元,已全部发放。\n"
        "2、率15分;质量指标20分。二、绩效自评开展情况我镇绩效自评工作严格按年度申报目标开展,各村\n"
        "3、及包保干部实地参与,通过实地走访等工作方式。\n"
    )

    def test_nor_under_a_section_begun_after_a_sentence_on_a_sites_numbered_page(self):
        # a document site's preview numbers its pages "1、" "2、" "3、", and a section "二、" begins inside page 2
        assert not findings(self.PAGES, "DOC001")

    def test_a_list_restarting_above_one_under_a_heading_of_its_own_line_is_still_found(self):
        text = "1、基本情况\n单位基本情况如下。\n（二）资金情况\n2、预算执行率100%。\n3、资金使用合规。\n"
        [f] = findings(text, "DOC001")
        assert "2、" in f.message


class TestATotalWhoseKindsTheTextCounted:
    """A self-evaluation names and counts the kinds a total is made of before stating it ("主要有部门预算项目支出、
    专项预算支出二类支出，项目资金总预算为 X 万元，其中 A，B"): the two parts are the whole, and a total they do not
    make is a slip (a list with no such count may be partial, and stays unassessed)."""

    TEXT = (
        "某局主要有部门预算项目支出、专项预算支出二类支出，项目资金总预算为{total}万元，"
        "其中部门预算项目支出87.5万元，专项预算支出2350万元。"
    )

    def test_a_total_its_counted_kinds_do_not_make_is_found(self):
        [f] = findings(self.TEXT.format(total="2455.5"), "SUM001")
        assert "2,437.5" in f.message and "几类" in f.message

    def test_a_total_they_make_is_silent(self):
        assert not findings(self.TEXT.format(total="2437.5"))

    def test_without_the_count_the_list_may_be_partial(self):
        text = self.TEXT.format(total="2455.5").replace("二类支出，", "等支出，")
        assert not findings(text, "SUM001")

    def test_a_count_of_other_things_binds_nothing(self):
        # the count is of the projects, not of the kinds the parts name
        text = "某局实施项目三项，项目资金总预算为2455.5万元，其中部门预算项目支出87.5万元，专项预算支出2350万元。"
        assert not findings(text, "SUM001")


class TestARateOfTheAmountAllottedAndSpentBeforeIt:
    """A self-evaluation of a transfer payment states what was allotted, then what was spent, then the rate, with no
    word 预算 ("下达资金共计 A 万元，实际支出 B 万元，资金执行率 R%"): the rate is B ÷ A, and was never assessed."""

    TEXT = "2023年上级下达生活补助资金共计547.615万元，实际支出{spent}万元，资金执行率{rate}%。"

    def test_a_rate_that_holds_is_assessed_and_silent(self):
        result = check_text(self.TEXT.format(spent="540.5", rate="98.7"))
        assert not result.findings
        assert result.claims["execution"].checked == 1

    def test_a_wrong_rate_is_found(self):
        [f] = findings(self.TEXT.format(spent="540.5", rate="100"), "EXE001")
        assert "540.5" in f.message and "547.615" in f.message

    def test_the_other_wordings_of_allotted_and_spent(self):
        for text in (
            "投入中央直达资金29.6万元，执行数25.6万元，执行率100%。",
            "中央财政补助资金全年共120万元，拨付使用了100万元，预算执行率100%。",
        ):
            assert findings(text, "EXE001"), text

    def test_a_carry_over_before_them_leaves_the_budget_unsaid(self):
        # the rate is of the carry-over and the allotment together, which the sentence does not add up
        assert not findings("上年结转20万元，本年下达100万元，实际支出120万元，执行率100%。")

    def test_an_amount_not_named_as_spent_binds_nothing(self):
        assert not findings("年度资金40.83万元，本年度财政拨款30万元，执行率100%。")


class TestTwoBodiesWhoseNamesDifferInOneCharacter:
    """A third-party evaluation names who commissioned it and who runs the project: "委托单位：某区财政局 /
    项目主管部门：某区民政局". The two names differ in one character, and were taken for one body misspelt."""

    TEXT = (
        "某市某区2022年度社会福利机构运行经费项目绩效评价报告\n委托单位：某市某区{first}\n项目主管部门：某市某区民政局\n"
        "某市某区民政局负责特困人员救助供养工作。某市某区民政局对项目进行了科学、合理的预测。\n"
    )

    def test_the_finance_and_the_civil_affairs_bureau_are_two_bodies(self):
        assert not findings(self.TEXT.format(first="财政局"), "DOC008")

    def test_a_name_misspelt_is_still_found(self):
        [f] = findings(self.TEXT.format(first="民攻局"), "DOC008")
        assert f.expected == "某市某区民政局"


class TestARateColumnWhoseFormulaTheHeaderGivesInLetters:
    """A transfer payment's 绩效自评表 letters its amount columns and gives the rate column's formula in those letters
    ("全年预算数(A) | 全年执行数(B) | 预算执行率(B/A)") instead of a 栏次 row: the rate was never checked."""

    TABLE = (
        "资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A{times}) |\n"
        "年度资金总额: | 808.1 | 692.98 | {rate} |\n"
        "其中:中央财政资金 | 808.1 | 692.98 | {rate} |\n"
    )

    def test_rates_that_hold_are_silent(self):
        assert not findings(self.TABLE.format(times="", rate="85.75%"))
        assert not findings(self.TABLE.format(times="×100%", rate="86%"))

    def test_a_wrong_rate_is_found(self):
        found = findings(self.TABLE.format(times="", rate="86.75%"), "TAB003")
        assert len(found) == 2 and "85.75%" in found[0].message

    def test_a_targets_completion_rate_capped_at_100_is_left_alone(self):
        # a target exceeded, its 完成率 written 100%: the capping convention, not a formula that fails
        capped = (
            "指标 | 年度指标值(A) | 实际完成值(B) | 完成率(B/A) |\n"
            "培训人数 | 2000 | 2399 | 100% |\n"
            "宣传场次 | 12 | 15 | 100% |\n"
        )
        assert not findings(capped, "TAB003")

    def test_a_header_set_off_by_a_column_from_its_figures_declares_nothing(self):
        # the header row lost its first cell: its letters sit over the label and the first amount
        shifted = (
            "全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) |\n"
            "年度资金总额: | 808.1 | 692.98 | 80% |\n"
            "其中:中央财政资金 | 808.1 | 692.98 | 80% |\n"
        )
        assert not findings(shifted, "TAB003")


class TestAnAmountInATableWhoseUnitItsHeaderGives:
    """A 绩效目标自评表 heads its amounts "资金投入情况(万元)" and writes each cell "3359.62万" as well: the cell restates
    the table's unit, and three "缺少元" warnings on one table were noise."""

    TABLE = (
        "资金投入情况(万元) | 全年预算数 | 全年执行数 |\n"
        "年度资金总额: | 3359.62万 | 3359.62万 |\n"
        "其中:中央财政资金 | 829.3万 | 829.3万 |\n"
        "地方资金 | 2530.32万 | 2530.32万 |\n"
    )

    def test_the_cells_are_not_held_to_lack_yuan(self):
        assert not findings(self.TABLE, "UNIT002")

    def test_an_amount_in_the_text_without_yuan_is_still_found(self):
        # (in a report that writes its other amounts in 万元: where no amount is, 万 alone is the text's own style)
        text = "全年预算数3359.62万元，全年执行数3359.62万元。2024年投入中央直达资金29.6万，执行数29.6万，执行率100%。"
        assert findings(text, "UNIT002")


class TestAnItemNumberRightBeforeACount:
    """A 绩效自评 lists its targets "1.确保171个站点正常运行。/ 2.164个农家书屋进行图书更新 …": "2.164个" was read as the
    figure 2.164, and the list held to skip from 1. to 3.; a number of 个 is whole, so it is item 2 of 164 个."""

    TEXT = (
        "绩效目标情况:\n1.确保171个公共文化服务站点正常运行。\n{second}164个农家书屋进行图书更新1920册。\n"
        "3.开展重大节庆文化活动17场。\n4.对12个乡镇应急广播进行维护。\n"
    )

    def test_the_list_is_whole(self):
        assert not findings(self.TEXT.format(second="2."), "DOC001")

    def test_a_list_that_skips_is_still_found(self):
        assert findings(self.TEXT.format(second=""), "DOC001")

    def test_nor_on_a_letter_spaced_page(self):
        # a justified PDF line spaces the count from its 个 too: "2.164 个 农 家 书 屋"
        spaced = letter_spaced(self.TEXT.format(second="2.")).replace("164个", "164 个")
        assert not findings(spaced, "DOC001")


# --- round 12 (hunt16): 本级财政 预算执行/决算 reports, 街道/乡镇 and 学校/医院 单位决算 ---


class TestAOneCellALineSummaryTableRunningOutOfFigures:
    """A school's 收入支出决算总表 saved from a web page one cell a line, empty cells as empty lines: below its last
    figure the rows are empty, a row name and its 行次 ("六、科学技术支出" / "40", "六、其他收入" / "7"); the two sides'
    numbered names were read as headings, and the outline held "六、" twice."""

    HEAD = "收入支出决算总表\n\n金额单位:万元\n\n收入\n\n支出\n\n项目\n\n行次\n\n决算数\n\n项目\n\n行次\n\n决算数\n\n"
    ROWS = (
        "一、财政拨款收入\n\n1\n\n479.01\n\n一、一般公共服务支出\n\n35\n\n\n"
        "二、上级补助收入\n\n2\n\n\n二、教育支出\n\n36\n\n409.52\n\n"
        "三、事业收入\n\n3\n\n\n三、科学技术支出\n\n37\n\n\n"
        "四、其他收入\n\n4\n\n\n四、文化体育与传媒支出\n\n38\n\n\n"
        "\n5\n\n\n五、社会保障和就业支出\n\n39\n\n\n"
    )

    def test_the_empty_rows_are_the_tables(self):
        assert not findings(self.HEAD + self.ROWS, "DOC001")

    def test_nor_with_a_page_break_between_a_row_name_and_its_row_number(self):
        # a page dump: the page's number stands between "三、科学技术支出" and its 行次
        paged = self.ROWS.replace("三、科学技术支出\n\n37", "三、科学技术支出\n\n第 4 页\n37")
        assert not findings(self.HEAD + paged, "DOC001")

    def test_a_heading_after_the_table_is_still_the_outline(self):
        # the next section's headings are followed by text, not by a 行次: they are not swallowed
        after = "\n三、支出决算情况说明\n\n本年支出合计409.52万元。\n\n三、其他重要事项\n\n无。\n"
        [f] = findings(self.HEAD + self.ROWS + after, "DOC001")
        assert "三、" in f.message


class TestBothTotalsStatedAsOneFigure:
    """Sichuan's template: "2023年度收、支总计均为 T 万元。与2022年度相比，收、支总计各增加 D 万元，增长 R%": the
    change is of T, stated in the sentence before as the two totals' one figure ("均为"); it went unchecked, and a
    rate taken of this year's total instead of last year's (342 ÷ 1,145.52 = 29.86%) passed."""

    TEXT = "2023年度收、支总计均为1,145.52万元。与2022年度相比，收、支总计各增加342万元，增长{rate}。"

    def test_a_rate_taken_of_the_wrong_base_is_found(self):
        [f] = findings(self.TEXT.format(rate="29.86%"), "CHG001")
        assert "1,145.52" in f.message and "803.52" in f.message

    def test_the_right_rate_holds(self):
        assert not findings(self.TEXT.format(rate="42.56%"))


class TestTheReportsYearIsTheOneItsTitleNames:
    """A new kindergarten's 2024 决算 explains every change by last year ("主要原因：一是2023年和某园共用一体化账户",
    written after each figure): 2023 outnumbered 2024 in the text, the report was taken for 2023's, and its own
    headings "第二部分 2024年度部门决算公开报表" were held to name the wrong year."""

    REASON = "较2023年度决算数增加0万元，主要原因：一是2023年和某市第一幼儿园共用一体化账户。\n"
    TEXT = (
        "发布时间:2025-09-19 22:04\n某实验幼儿园2024年度部门决算公开报告\n第一部分 基本情况\n"
        "纳入某实验幼儿园2024年度部门决算编制范围的单位共1个。\n第二部分 {part}年度部门决算公开报表\n"
        "以上报表见附件1。\n第三部分 2024年度部门决算情况说明\n"
        "2024年度收入总计506.91万元，支出总计506.91万元。" + REASON + "本年收入506.91万元。" + REASON
        + "本年支出506.91万元。" + REASON + "年末结转结余0.00万元，" + REASON
    )

    def test_its_headings_are_not_held_to_name_another_year(self):
        assert not findings(self.TEXT.format(part="2024"), "DOC007")

    def test_nor_when_a_page_wraps_the_title(self):
        # the title over two lines, the first of them run on into the next as a wrapped line is
        wrapped = self.TEXT.format(part="2024").replace("2024年度部门决算公开报告\n", "2024年度部门决\n算公开报告\n")
        assert not findings(wrapped, "DOC007")

    def test_a_page_headed_with_another_reports_title_decides_nothing(self):
        # a hospital's 2023 决算 published under the page title "…2024年预算公开": two titles, two years
        text = (
            "称: 某市中医医院2024年预算公开\n号:\n某市中医医院2024年预算公开\n发表时间:2024-02-22\n"
            "某市中医院2023年度部门决算\n目录\n第一部分 部门概况\n第二部分 2023年度部门决算表\n"
            "第三部分 2023年度部门决算情况说明\n第一部分 部门概况\n一、主要职能\n为辖区群众提供医疗服务。\n"
        )
        assert not findings(text, "DOC007")

    def test_a_heading_that_names_another_year_is_still_found(self):
        [f] = findings(self.TEXT.format(part="2023"), "DOC007")
        assert "2023" in f.message


class TestAnItemsMainSpendingListedAfterIt:
    """A city's budget report: "支出安排 81.6 亿元。其中：财力安排支出 68.4 亿元，…，主要支出事项：一般公共服务支出 7.1
    亿元、教育支出 7.5 亿元…等；上级专项、上年结转安排支出 13.2 亿元": the 主要支出事项 are what 68.4 is spent on;
    added beside it into 81.6 they gave a SUM001 false alarm, and 13.2 was left out of the list."""

    TEXT = (
        "市本级一般公共预算支出安排81.6亿元。其中：财力安排支出68.4亿元，比上年预算数增长10.1%，主要支出事项："
        "一般公共服务支出{first}亿元、教育支出7.5亿元、社会保障和就业支出15.4亿元、城乡社区支出7亿元等；"
        "上级专项、上年结转安排支出{second}亿元。"
    )

    def test_the_main_items_are_parts_of_the_item_before_them(self):
        assert not findings(self.TEXT.format(first="7.1", second="13.2"), "SUM001")

    def test_the_two_parts_are_still_held_to_their_total(self):
        [f] = findings(self.TEXT.format(first="7.1", second="23.2"), "SUM001")
        assert "81.6" in f.message and "23.2" in f.message and "7.5" not in f.message

    def test_main_items_beyond_their_own_total_are_found(self):
        [f] = findings(self.TEXT.format(first="47.1", second="13.2"), "SUM001")
        assert "68.4" in f.message


class TestASessionDocumentsNumber:
    """A town's budget report opens "镇十八届人大六次会议文件(四)" — the fourth document of the session — and its lines
    run on into the report's title: "(四)" was read as an item inline, and the outline held to start at (四)."""

    TEXT = (
        "第一部分 预算报告\n镇十八届人大六次会议文件(四)\n关于某镇2023年预算执行情况和\n2024年预算草案的报告\n"
        "各位代表:\n受镇人民政府委托，我向大会提出报告，请代表们审议。\n一、2023年预算执行情况\n"
        "全镇预算执行情况总体良好。\n(一)2023年预算收支执行情况\n全镇一般公共预算收入38.69亿元。\n"
    )

    def test_the_documents_number_is_no_item(self):
        assert not findings(self.TEXT, "DOC001")

    def test_an_inline_list_that_skips_is_still_found(self):
        text = self.TEXT + "主要做了以下工作：(一)加强收入征管；(三)优化支出结构。\n"
        assert findings(text, "DOC001")


class TestTheTemplatesNoteLeftInBrackets:
    """A school's 决算 kept its template's note: "（注：如无下属单位，应写明“本部门无下属单位”）" — guidance to the one who
    fills the template, headed 注 and its verb after a comma, which the guidance wording did not know."""

    def test_the_note_is_found(self):
        text = "二、机构设置\n本单位内设教务处、总务处。（注：如无下属单位，应写明“本部门无下属单位”）\n"
        [f] = findings(text, "DOC004")
        assert "填写说明" in f.message

    def test_a_bracket_telling_readers_what_to_do_is_not_guidance(self):
        text = "二、机构设置\n本单位内设教务处、总务处（如有疑问，请按公开电话咨询）。\n"
        assert not findings(text, "DOC004")


class TestAShareOfABudgetsArrangedTotal:
    """A city's budget report: "全市一般公共预算收入安排 77.6 亿元，…。其中：税收收入 65.7 亿元，…，占一般公共预算收入的
    84.6%": the base is the total the sentence before arranged (安排, the budget's measure word); the share went
    unchecked, and a share turned round (81% written 18%) passed."""

    TEXT = (
        "全市一般公共预算收入安排77.6亿元，同比增长5%。其中：税收收入65.7亿元，同比增长26.1%，"
        "占一般公共预算收入的{share}；非税收入11.9亿元，同比下降45.3%。"
    )

    def test_the_share_holds(self):
        assert not findings(self.TEXT.format(share="84.6%"))

    def test_a_wrong_share_is_found(self):
        [f] = findings(self.TEXT.format(share="48.6%"), "PCT001")
        assert "77.6" in f.message


class TestAGovernmentsTotalsAtTwoLevels:
    """A district's 决算 report gives the whole district's budget and then its own level's: "全区…加上转移性支出 45.57
    亿元，支出合计 120.69 亿元" and "区本级…加上转移性支出 18.51 亿元，支出合计 81.78 亿元" — two governments' totals,
    held against each other as one department's 本年支出合计 stated twice (an XREF001 false alarm)."""

    TEXT = (
        "1.全区\n全区一般公共预算支出75.12亿元，比上年增长1.9%。加上转移性支出45.57亿元，支出合计120.69亿元。\n"
        "2.某区本级\n区本级一般公共预算支出63.27亿元，比上年增长31.0%。加上转移性支出18.51亿元，支出合计81.78亿元。\n"
    )

    def test_the_two_levels_totals_are_two_figures(self):
        assert not findings(self.TEXT, "XREF001")

    def test_a_departments_total_stated_twice_is_still_found(self):
        text = "一、收入支出决算总体情况\n本年支出合计120.69万元。\n二、支出决算情况\n本部门支出合计81.78万元。\n"
        assert findings(text, "XREF001")


# ---------------------------------------------------------------- round 12 (hunt15): northern and north-eastern 部门决算/部门预算


class TestAContentsEntryEndingInAColonOverItsTables:
    """A Xinjiang 决算 lists its tables under entries that end in a colon ("二、部门收支总体情况(11张):" then one
    "《…表》" a line): the colon ended the contents there, so "一、报表封面" was read as the body's first section, and
    "之下没有内容"."""

    TEXT = (
        "目录\n第一部分某市财政局部门单位概况\n一、主要职能、机构设置及人员情况\n二、部门决算单位构成\n"
        "第二部分部门决算情况说明\n一、部门收支总体情况\n二、部门财政拨款收支情况\n第三部分专业名词解释\n"
        "第四部分部门决算报表\n一、报表封面\n二、部门收支总体情况(11张):\n《收入支出决算总表》\n《收入决算表》\n"
        "三、财政拨款收支情况(9张)\n《财政拨款收入支出决算总表》\n"
    )

    def test_the_entries_are_contents(self):
        assert not findings(self.TEXT, "DOC003")

    def test_nor_on_a_letter_spaced_page(self):
        assert not findings(letter_spaced(self.TEXT), "DOC003")

    def test_a_body_section_that_is_empty_is_still_found(self):
        # the body proper, after the contents: a colon over the body's prose does not make it contents
        body = (
            "第一部分某市财政局部门单位概况\n一、主要职能、机构设置及人员情况\n二、部门决算单位构成\n"
            "本部门决算由局本级1个单位构成。\n三、部门人员情况\n本部门有在职人员12人。\n"
        )
        text = self.TEXT + body.replace("一、主要职能、机构设置及人员情况\n", "一、主要职能、机构设置及人员情况\n主要职能如下：\n")
        assert not findings(text, "DOC003")
        empty = self.TEXT + body
        [f] = findings(empty, "DOC003")
        assert "主要职能" in f.message


class TestABodyOpeningUnderHeadingsTheCopyLost:
    """A Tianjin school's 决算 page keeps the contents, then the paragraph of 二、机构设置 without its heading, a note
    that the tables 一 to 十一 are attached, and "十二、关于空表的说明": the body's list was held to start at 十二."""

    TEXT = (
        "目 录\n第一部分 概况\n一、主要职责\n二、机构设置\n第二部分 2022年度部门决算表\n一、《收入支出决算总表》\n"
        "二、《收入决算表》\n第三部分 2022年度部门决算情况说明\n一、收入支出决算总体情况说明\n第四部分 名词解释\n"
        "某小学内设4个职能处室，无下辖预算单位。\n注:以上决算公开表均作为附表，附于决算公开说明文档后。\n"
        "十二、关于空表的说明\n1.本单位无政府性基金预算财政拨款收支，故公开表为空表。\n"
    )

    def test_the_numbering_is_not_held_to_start_late(self):
        assert not findings(self.TEXT, "DOC001")

    def test_nor_on_a_letter_spaced_page(self):
        assert not findings(letter_spaced(self.TEXT), "DOC001")

    def test_a_body_that_opens_at_its_first_heading_is_still_checked(self):
        # no prose ahead of it: nothing shows the copy lost the body's opening
        cut = re.sub(r"某小学.*\n注:.*\n", "", self.TEXT)
        [f] = findings(cut, "DOC001")
        assert "十二、" in f.message and "一、" in f.message
