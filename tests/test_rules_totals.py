"""SUM, PCT, EXE: totals and parts, shares, execution rates and comparison wording."""

from .conftest import check_text, rules_of


def findings(text, rule):
    return [f for f in check_text(text).findings if f.rule == rule]


class TestSum:
    def test_complete_by_identity(self):
        text = "基本支出242.34万元，其中：人员经费208.95万元，公用经费43.39万元。"
        [f] = findings(text, "SUM001")
        assert f.evidence == "242.34万元"
        assert "252.34" in f.message

    def test_complete_by_shares(self):
        text = "收入合计500.00万元，其中：财政拨款收入450.00万元，占90.0%；事业收入40.00万元，占10.0%。"
        assert findings(text, "SUM001")

    def test_complete_by_an_other_item(self):
        text = "支出总额300.00万元，其中：设备购置100.00万元，维修费80.00万元，其他支出20.00万元。"
        assert findings(text, "SUM001")

    def test_list_that_may_be_partial_is_silent_when_short(self):
        text = "2021年度财政拨款支出474.49万元，主要用于：科普活动200.00万元，阵地建设100.00万元。"
        assert not findings(text, "SUM001")

    def test_list_that_may_be_partial_errs_when_it_exceeds(self):
        text = "选拔出区级获奖项目178项，其中论文类作品28项、发明类作品48项、优秀实践活动作品1项、科学幻想绘画作品107项、科技辅导员项目3项。"
        [f] = findings(text, "SUM001")
        assert "187" in f.message

    def test_overlapping_head_counts_are_not_summed(self):
        text = "在职人员30人，其中：女职工20人，党员25人。"
        assert not findings(text, "SUM001")

    def test_rounded_parts_are_not_an_error(self):
        # 0.333 + 0.333 + 0.334 written to two places
        text = "基本支出1.00万元，其中：人员经费0.67万元，公用经费0.33万元。"
        assert not findings(text, "SUM001")

    def test_every_measure_of_the_list_is_checked(self):
        text = (
            "2021年度“三公”经费财政拨款决算数3,644.14元，比2021年年初预算4,732.14元，减少1,088.00元。其中：\n"
            "1.因公出国（境）费用\n2021年决算数0元，比2021年年初预算数0元，增加0元。\n"
            "2.公务接待费\n2021年决算数0元，比2021年年初预算数0元，增加0元。\n"
            "3.公务用车购置及运行维护费\n2021年决算数3,644.14元，比2021年年初预算数3,644.14元，减少0.00元。\n"
        )
        [f] = findings(text, "SUM001")
        assert f.evidence == "4,732.14元"
        assert "预算数" in f.message and "增减额" in f.message

    def test_numbered_items_under_a_total(self):
        text = (
            "一般公共预算财政拨款支出年初预算为400.46万元，支出决算为474.49万元，完成年初预算的118.5%。\n"
            "1.一般公共服务支出(类)。年初预算为6.38万元，支出决算为6.38万元，完成年初预算的100.0%。\n"
            "2.科学技术支出(类)。年初预算为355.25万元，支出决算为425.72万元，完成年初预算的119.8%。\n"
            "3.住房保障支出(类)。年初预算为51.63万元，支出决算为42.39万元，完成年初预算的82.1%。\n"
        )
        [f] = findings(text, "SUM001")
        assert f.evidence == "400.46 万元".replace(" ", "") or f.evidence == "400.46万元"
        assert "413.26" in f.message

    def test_a_gap_in_the_numbering_means_an_item_was_missed(self):
        text = (
            "一般公共预算财政拨款支出年初预算为400.46万元，支出决算为474.49万元，完成年初预算的118.5%。\n"
            "1.一般公共服务支出(类)。年初预算为6.38万元，支出决算为6.38万元，完成年初预算的100.0%。\n"
            "3.住房保障支出(类)。年初预算为51.63万元，支出决算为42.39万元，完成年初预算的82.1%。\n"
            "4.卫生健康支出(类)。年初预算为10.00万元，支出决算为10.00万元，完成年初预算的100.0%。\n"
        )
        assert not findings(text, "SUM001")

    def test_only_a_last_other_item_closes_a_list(self):
        text = "支出总额300.00万元，其中：其他国土资源事务支出20.00万元，维修费80.00万元，设备购置100.00万元。"
        assert not findings(text, "SUM001")

    def test_a_last_item_whose_own_name_holds_other_is_no_catch_all(self):
        # a 科目 path whose 项 is "其他…": one 项 among others, the list of 类 may leave 项 out
        text = (
            "一般公共预算财政拨款支出决算为 1,000.00 万元。其中：\n1.“一般公共服务（类）统计信息事务（款）统计信息事务（项）”"
            "20.04 万元。\n2.“灾害防治及应急管理支出（类）消防救援事务（款）其他消防救援事务支出（项）”98.23 万元。\n"
        )
        assert not findings(text, "SUM001")
        # a 类 itself named 其他 closes it
        closed = text.replace("灾害防治及应急管理支出（类）消防救援事务（款）其他消防救援事务支出（项）", "其他支出（类）其他支出（款）其他支出（项）")
        assert findings(closed, "SUM001")

    def test_a_semicolon_ends_a_comma_separated_list(self):
        text = "离退休人员17人，其中：离休0人，行政退休11人，事业退休6人；其他人员2人，其中：社会化用工2人。"
        assert not findings(text, "SUM001")

    def test_a_list_inside_a_part_ends_at_its_semicolon(self):
        text = "本年支出合计300.00万元，其中：基本支出200.00万元，其中人员经费150.00万元；项目支出100.00万元。"
        assert not findings(text, "SUM001")
        wrong = "本年支出合计300.00万元，其中：基本支出200.00万元，其中人员经费150.00万元；项目支出110.00万元。"
        [f] = findings(wrong, "SUM001")
        assert f.evidence == "300.00万元"

    def test_overlapping_categories_are_not_an_excess(self):
        text = "政府采购支出总额75.00万元，其中：授予中小企业合同金额75.00万元，授予小微企业合同金额75.00万元。"
        assert not findings(text, "SUM001")

    def test_procurement_split_by_goods_works_and_services_is_complete_whatever_the_total_is_called(self):
        # Shanghai's template: 政府采购金额（以合同签订为准）; a budget's 政府采购预算总额
        shanghai = "2024 年度政府采购金额（以合同签订为准）为 450.50 万元，其中：货物采购金额 120.50 万元、工程采购金额 0 万元、服务采购金额 300.00 万元。"
        [f] = findings(shanghai, "SUM001")
        assert "420.50" in f.message and f.evidence.startswith("450.50")
        budget = "2024年政府采购预算总额120.00万元，其中：货物类30.00万元，工程类0万元，服务类40.00万元。"
        assert len(findings(budget, "SUM001")) == 1
        assert not findings(shanghai.replace("450.50", "420.50"), "SUM001")
        # two of the three kinds may be the whole or not: no identity, no finding when the parts fall short
        assert not findings("2024年政府采购预算总额120.00万元，其中：货物类30.00万元，服务类40.00万元。", "SUM001")

    def test_parts_in_scores_are_left_to_score_rules(self):
        text = "年度目标1的产出指标得分为34分，分别是：满分28分，得分24分。"
        assert not findings(text, "SUM001")

    def test_parts_of_the_last_of_several_budgets(self):
        text = (
            "本项目年初预算为120.00万元，全年预算数为150.00万元，其中：市级补助资金60.00万元，"
            "区级配套资金100.00万元。全年执行数为142.50万元。"
        )
        [f] = findings(text, "SUM001")
        assert "150.00" in f.message and "160.00" in f.message
        # 50 + 100 = 150: the breakdown of 全年预算, not of 年初预算
        assert not findings(text.replace("60.00万元", "50.00万元"), "SUM001")

    def test_two_halves_of_a_dichotomy_are_the_whole(self):
        text = "全年开展培训12期，其中线上5期、线下6期。"
        [f] = findings(text, "SUM001")
        assert "数量：5期 + 6期 = 11期" in f.message and f.severity.value == "error"
        assert not findings(text.replace("线下6期", "线下7期"), "SUM001")
        # two parts that are not halves of one whole may leave something out
        assert not findings("全年开展培训12期，其中科普培训5期、安全培训6期。", "SUM001")

    def test_grand_totals_with_carry_overs_are_complete(self):
        text = (
            "2023年度收入总计600.00万元，其中：本年收入合计520.00万元，使用非财政拨款结余10.00万元，年初结转和结余70.00万元。\n"
            "2023年度支出总计600.00万元，其中：本年支出合计540.00万元，结余分配0万元，年末结转和结余50.00万元。"
        )
        [f] = findings(text, "SUM001")
        assert "支出总计" in f.message and "各项构成完整的分解" in f.message

    def test_official_cars_purchase_and_running_costs_are_all_of_it(self):
        text = "公务用车购置及运行维护费支出18.00万元。其中：公务用车购置支出0万元；公务用车运行维护费支出16.00万元。"
        [f] = findings(text, "SUM001")
        assert "各项构成完整的分解" in f.message
        assert not findings(text.replace("16.00", "18.00"), "SUM001")

    def test_official_reception_at_home_and_from_abroad_are_all_of_it(self):
        text = "公务接待费支出3.50万元，其中：国内公务接待支出3.30万元，外事接待支出0万元。"
        [f] = findings(text, "SUM001")
        assert "各项构成完整的分解" in f.message


    def test_a_mistyped_amount_is_not_read_as_zero(self):
        # "480，00万元" is not 00 万元: no total of 0 to compare the parts with
        text = "本年支出合计480，00万元，其中：基本支出360.00万元，占75.0%；项目支出120.00万元，占25.0%。"
        assert not findings(text, "SUM001")



class TestRespectively:
    TEXT = (
        "2023年度本年支出合计480.00万元，其中基本支出和项目支出分别为360.00万元和120.00万元，"
        "分别占本年支出合计的75.0%和25.0%。"
    )

    def test_a_consistent_respective_list_is_clean_and_checked(self):
        result = check_text(self.TEXT)
        assert result.findings == []
        assert result.claims["share"].checked == 2 and result.claims["sum"].checked == 1

    def test_each_share_goes_to_its_amount(self):
        [f] = findings(self.TEXT.replace("75.0%和25.0%", "75.0%和30.0%"), "PCT001")
        assert "项目支出 120.00 万元" in f.message

    def test_the_amounts_must_add_up_when_their_shares_cover_everything(self):
        [f] = findings(self.TEXT.replace("120.00万元", "110.00万元", 1), "SUM001")
        assert "360.00万元 + 110.00万元" in f.message

    def test_names_and_amounts_that_do_not_pair_up_are_left_alone(self):
        text = "2023年度本年支出合计480.00万元，其中基本支出和项目支出分别为360.00万元。"
        assert check_text(text).findings == []


class TestBudgetAdjustment:
    TEXT = "本项目年初预算资金1,200.00万元，年中追加预算300.00万元，全年预算资金1,500.00万元。"

    def test_an_adjusted_budget_that_adds_up_is_clean(self):
        assert not findings(self.TEXT, "SUM002")

    def test_an_adjusted_budget_that_does_not_add_up(self):
        [f] = findings(self.TEXT.replace("1,500.00", "1,600.00"), "SUM002")
        assert f.expected == "1,500.00 万元" and "1,200.00万元 + 300.00万元" in f.message

    def test_a_cut_is_subtracted(self):
        text = "年初预算为85.00万元，调减15.00万元，调整后预算为70.00万元。"
        assert not findings(text, "SUM002")
        assert findings(text.replace("调减", "追加"), "SUM002")

    def test_an_increase_and_a_cut(self):
        text = "年初预算为100万元，年中追加20万元，核减5万元，调整后预算为115万元。"
        assert not findings(text, "SUM002")
        assert findings(text.replace("115万元", "125万元"), "SUM002")

    def test_an_adjusted_budget_is_not_an_increment(self):
        # "调整预算数为 Y" states the adjusted total itself, not a change: nothing to add up
        assert not findings("年初预算数为100.00万元，调整预算数为120.00万元，全年预算数为120.00万元。", "SUM002")


class TestShare:
    def test_share_must_be_part_over_total(self):
        text = "全年预算1006.77万元，其中：基本支出预算900.49万元，占比89.4%；项目支出预算106.28万元，占比10.60%。"
        [f] = findings(text, "PCT001")
        assert f.evidence == "10.60%" and f.fix == "10.56%"

    def test_named_base_elsewhere(self):
        text = "2021年度支出合计474.49万元。\n2021年度财政拨款支出474.49万元，占本年支出合计的99.0%。"
        assert findings(text, "PCT001")

    def test_a_grand_total_is_not_this_years_total(self):
        # 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余: a share of the one is not a share of the other
        text = "2023年度支出总计3,456.78万元。\n2023年度财政拨款支出2,100.00万元，占本年支出合计的70.0%。"
        assert not findings(text, "PCT001")
        assert findings(text.replace("支出总计", "本年支出合计", 1), "PCT001")

    def test_shares_of_a_total_stated_under_the_heading_before(self):
        text = (
            "（一）“三公”经费财政拨款支出决算总体情况说明\n"
            "2023年度“三公”经费财政拨款支出预算为25.00万元，支出决算为21.30万元，完成预算的85.2%。\n"
            "（二）“三公”经费财政拨款支出决算具体情况说明\n"
            "2023年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；"
            "公务用车购置及运行维护费支出决算18.00万元，占82.5%；公务接待费支出决算3.30万元，占15.5%。\n"
        )
        [f] = findings(text, "PCT001")
        assert "21.30" in f.message and f.evidence == "82.5%"

    def test_shares_nudged_to_sum_to_100_are_accepted(self):
        text = (
            "财政拨款支出474.49万元，主要用于：一般公共服务支出6.38万元，占1.3%；科学技术支出425.72万元，占89.8%；"
            "社会保障和就业支出10.00万元，占2.1%；卫生健康支出8.09万元，占1.7%；住房保障支出24.30万元，占5.1%。"
        )
        assert not findings(text, "PCT001")

    def test_unknown_base_is_not_assessable(self):
        result = check_text("填报绩效目标的项目支出预算259.11万元，占本部门年初全部项目支出预算的90%。")
        assert "PCT001" not in rules_of(result)

    def test_base_stated_inline(self):
        assert findings("绩效目标的预算项目12个，占本部门全部预算项目13个的100%。", "PCT001")


class TestExecution:
    def test_completion_rate(self):
        [f] = findings("年初预算为400.46万元，支出决算为474.49万元，完成年初预算的128.5%。", "EXE001")
        assert f.fix == "118.5%"

    def test_either_budget_may_be_meant(self):
        text = "本项目年初预算为85.00万元，调整后预算为92.00万元，全年实际支出88.32万元，预算执行率为96.0%。"
        assert not findings(text, "EXE001")

    def test_rate_stated_after_the_figures(self):
        text = (
            "2021年全年预算1006.77万元，其中：基本支出预算900.49万元。"
            "截止到2021年12月31日，预算资金总体支出1006.77万元。部门预算执行率为114%。"
        )
        [f] = findings(text, "EXE001")
        assert "100" in f.message

    def test_zero_budget_is_not_assessable(self):
        assert not findings("“三公”经费财政拨款年初预算数为0万元，支出决算为0万元，完成年初预算的0%。", "EXE001")

    def test_arrival_rate(self):
        assert findings("该项目计划资金36万元，到位资金30万元，资金到位率100%。", "EXE001")

    def test_arrival_written_after_the_funds(self):
        text = "全年预算资金1,500.00万元。截至2023年12月31日，项目资金到位1,500.00万元，资金到位率95%；实际支出1,380.00万元，预算执行率92.0%。"
        [f] = findings(text, "EXE001")
        assert f.fix == "100%"
        assert not findings(text.replace("95%", "100%"), "EXE001")

    def test_rate_of_a_list_total(self):
        text = (
            "调整后的预算数为483.72万元。2021年实际支出474.49万元，包括基本支出242.34万元，"
            "项目支出232.15万元，执行率98.09%。"
        )
        assert not findings(text, "EXE001")

    def test_completion_of_a_count_target(self):
        text = "数量指标：全年服务老年人2,400人次，目标值2,000人次，完成率125.0%。"
        [f] = findings(text, "EXE001")
        assert f.fix == "120.0%" and "目标值 2,000 人次" in f.message
        assert not findings(text.replace("125.0%", "120.0%"), "EXE001")

    def test_completion_of_a_count_target_stated_first(self):
        text = "目标值为50场，实际举办讲座45场，完成率95%。"
        [f] = findings(text, "EXE001")
        assert f.fix == "90%"

    def test_a_target_exceeded_may_be_capped_at_100(self):
        assert not findings("全年培训240人次，目标值200人次，完成率100%。", "EXE001")

    def test_counts_of_different_things_are_not_a_completion(self):
        # two counts without a target between them: nothing to divide
        assert not findings("全年培训240人次，覆盖社区12个，完成率100%。", "EXE001")


    def test_a_rate_in_the_sentence_after_a_list_parts_figures(self):
        # "…年初预算为 0.88 万元，支出决算为 0.88 万元。" / "完成年初预算的 100.00%。" in an item of the 类款项 list
        text = (
            "一般公共预算财政拨款支出决算为 100.88 万元，完成年初预算的 100.00%。其中：\n"
            "1、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）。主要用于：退休人员"
            "开展活动支出。年初预算为 0.88 万元，支出决算为 0.88 万元。\n完成年初预算的 {}。决算数同预算数持平。\n"
            "2、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为 100.00 万元，支出决算为 100.00 万元，"
            "完成年初预算的 100.00%。\n"
        )
        [f] = findings(text.format("118.00%"), "EXE001")
        assert "0.88 万元 ÷ 预算 0.88 万元" in f.message
        assert not findings(text.format("100.00%"), "EXE001")


class TestItemsBudgetsUnderTheirTotal:
    """§(三) of a 决算: the total's budget and final amount, then every 科目 with its own, numbered only where the 类
    changes. When the items' amounts make up the total, their budgets must make up its budget."""

    TEXT = (
        "（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为 {total} 万元，支出决算为 200.00 万元，"
        "完成年初预算的 {rate}。其中：\n"
        "1.“一般公共服务（类）统计信息事务（款）统计信息事务（项）”20.00 万元，主要用于人口抽样调查。年初预算为 25.00 万元，"
        "支出决算为 20.00 万元，完成年初预算的 80.00%。\n"
        "“一般公共服务（类）统计信息事务（款）统计管理（项）”30.00 万元，主要用于统计调查。年初预算为 30.00 万元，"
        "支出决算为 30.00 万元，完成年初预算的 100.00%。\n"
        "2.“节能环保支出（类）污染减排（款）减排专项支出（项）”50.00 万元，主要用于垃圾分类。年初预算为 0，支出决算为 "
        "50.00 万元。\n"
        "3.“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”100.00 万元，主要用于日常运行。年初预算为 {last} 万元，"
        "支出决算为 100.00 万元，完成年初预算的 {last_rate}。\n"
        "（四）一般公共预算财政拨款基本支出决算情况说明\n基本支出 150.00 万元。\n"
    )

    def test_budgets_that_do_not_make_up_the_total_budget(self):
        text = self.TEXT.format(total="180.00", rate="111.11%", last="110.00", last_rate="90.91%")
        [f] = findings(text, "SUM001")
        assert "180.00 万元" in f.evidence and "165.00 万元" in f.message and "另一口径的分项合计与总数一致" in f.message

    def test_budgets_that_do(self):
        assert not findings(self.TEXT.format(total="165.00", rate="121.21%", last="110.00", last_rate="90.91%"), "SUM001")

    def test_items_that_do_not_make_up_the_total_prove_nothing(self):
        text = self.TEXT.format(total="180.00", rate="111.11%", last="110.00", last_rate="90.91%").replace(
            "行政运行（项）”100.00 万元", "行政运行（项）”90.00 万元")
        assert not [f for f in findings(text, "SUM001") if "预算数" in f.message]


class TestComparison:
    def test_unresolved_template_word(self):
        text = "年初预算为355.25万元，支出决算为425.72万元，完成年初预算的119.8%，支出决算数大小于年初预算数的主要原因是增加项目支出。"
        [f] = findings(text, "EXE002")
        assert f.fix == "大于" and f.severity.value == "warning"

    def test_wrong_comparative(self):
        text = "年初预算为33.10万元，支出决算为24.30万元，完成年初预算的73.4%，支出决算数大于年初预算数的主要原因是减少购房补贴。"
        [f] = findings(text, "EXE002")
        assert f.severity.value == "error" and f.fix == "小于"

    def test_figures_equal_within_rounding_admit_any_word(self):
        text = "年初预算为1,000,000.00元，支出决算为1,000,000.01元，支出决算数大于年初预算数。"
        assert not findings(text, "EXE002")

    def test_right_comparative(self):
        text = "年初预算为33.10万元，支出决算为24.30万元，完成年初预算的73.4%，支出决算数小于年初预算数的主要原因是减少购房补贴。"
        assert not findings(text, "EXE002")

    def test_the_full_year_budget_in_its_own_sentence_after_the_figures(self):
        # Shanghai's template: 全年预算 (not 年初预算), the comparison in the sentence after the figures
        figures = "社会工作事务（款）。全年预算为 17.68 万元，支出决算为 11.31 万元。"
        [f] = findings(figures + "决算数大于全年预算数的主要原因：人员变动。", "EXE002")
        assert f.fix == "小于" and f.evidence == "大于"
        assert [(r.message, r.evidence) for r in f.related] == [("决算数", "11.31 万元"), ("预算数", "17.68 万元")]
        assert not findings(figures + "决算数小于全年预算数的主要原因：人员变动。", "EXE002")

    def test_the_comparison_opening_a_reason_that_states_figures_of_its_own(self):
        # "决算数大于预算数的主要原因：…2025 年 15 分钟…" / "…年中调减项目经费 50 万元": the figures after the word are the
        # reason's; the comparison is of the figures before it
        figures = "其他城乡社区支出（项）84.86 万元。年初预算为 60 万元，支出决算为 84.86 万元，完成年初预算的 141.43%。"
        for reason in ("“2025 年 15 分钟社区生活圈规划编制服务费”项目为追加项目。", "年中追加项目经费 30 万元。"):
            [f] = findings(figures + "决算数小于预算数的主要原因：" + reason, "EXE002")
            assert f.fix == "大于" and "决算 84.86 万元，预算 60 万元" in f.message
            assert not findings(figures + "决算数大于预算数的主要原因：" + reason, "EXE002")
        # figures of its own on both sides of the word: the sentence's own
        [f] = findings("支出决算数小于年初预算数，年初预算为 60 万元，支出决算为 84.86 万元。", "EXE002")
        assert f.fix == "大于"

    def test_level_with_the_budget_written_before_the_word(self):
        figures = "购房补贴（项）。全年预算为 11.72 万元，支出决算为 {} 万元。"
        [f] = findings(figures.format("10.72") + "决算数与全年预算数持平。", "EXE002")
        assert f.evidence == "持平" and "应为“小于”" in f.message
        assert not findings(figures.format("11.72") + "决算数与全年预算数持平。", "EXE002")
        assert not findings(figures.format("11.72") + "决算数同预算数持平。", "EXE002")
        assert not findings(figures.format("11.70") + "决算数与全年预算数基本持平。", "EXE002")

    def test_the_comparison_after_a_list_names_its_total_with_the_year_and_a_shorter_name(self):
        figures = (
            "“三公”经费财政拨款支出年初预算为 36.00 万元，支出决算为 31.85 万元，完成预算的 88.47%，其中：公务用车购置及运行维护费"
            "支出决算为 25.60 万元，完成预算的 85.33%；公务接待费支出决算为 6.25 万元，完成预算的 104.17%。"
        )
        [f] = findings(figures + "2024 年度“三公”经费支出决算数大于预算数的主要原因：压减公务用车运行费用。", "EXE002")
        assert "决算 31.85 万元，预算 36.00 万元" in f.message and f.fix == "小于"
        assert not findings(figures + "2024 年度“三公”经费支出决算数小于预算数的主要原因：压减公务用车运行费用。", "EXE002")


# a 三公 table (tab-separated, as copied from a spreadsheet) after the text that restates it
THREE_PUBLIC_TABLE = (
    "财政拨款“三公”经费支出决算表\n单位：万元\n"
    "合计\t合计\t因公出国（境）费\t因公出国（境）费\t公务用车购置及运行维护费\t公务用车购置及运行维护费\t公务接待费\t公务接待费\n"
    "预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\n"
    "{}\t{}\t0.00\t0.00\t30.67\t19.56\t{}\t{}\n"
)


class TestAgainstTheTables:
    def test_a_rate_whose_budget_only_the_table_states(self):
        text = (
            "“三公”经费财政拨款支出年初预算为 31.47 万元，支出决算为 19.86 万元，完成预算的 63.11%，其中："
            "因公出国（境）费决算为 0.00 万元；公务用车购置及运行维护费支出决算为 19.56 万元，完成预算的 {}；"
            "公务接待费支出决算为 0.30 万元，完成预算的 37.5%。\n" + THREE_PUBLIC_TABLE.format("31.47", "19.86", "0.80", "0.30")
        )
        [f] = findings(text.format("68.78%"), "EXE001")
        assert f.evidence == "68.78%" and "财政拨款“三公”经费支出决算表中的预算数 30.67 万元" in f.message
        assert check_text(text.format("63.78%")).findings == []

    def test_a_part_the_table_corrects_is_reported_once_against_the_table(self):
        # 公务接待费 written with its budget as its actual: TAB005 says so; the sum and the rate it breaks stay quiet
        text = (
            "“三公”经费财政拨款支出年初预算为 31.77 万元，支出决算为 19.56 万元，完成预算的 61.57%，其中："
            "因公出国（境）费决算为 0.00 万元，完成预算的 0%；公务用车购置及运行维护费支出决算为 19.56 万元，完成预算的 63.78%；"
            "公务接待费支出决算为 1.10 万元，完成预算的 0%。\n" + THREE_PUBLIC_TABLE.format("31.77", "19.56", "1.10", "0.00")
        )
        assert [(f.rule, f.evidence) for f in check_text(text).findings] == [("TAB005", "1.10 万元")]

    def test_a_part_the_table_corrects_does_not_excuse_another_gap(self):
        text = (
            "“三公”经费财政拨款支出决算为 25.00 万元，其中：因公出国（境）费决算为 0.00 万元；公务用车购置及运行维护费支出决算为"
            " 19.56 万元；公务接待费支出决算为 1.10 万元。\n" + THREE_PUBLIC_TABLE.format("31.77", "19.56", "1.10", "0.00")
        )
        assert "SUM001" in rules_of(check_text(text))


def test_any_expenditure_is_its_basic_and_project_expenditure():
    # a 科目's amount split into 基本支出 and 项目支出: the two are the whole of it
    text = "（一）一般公共预算支出按支出功能分类科目划分。\n初中教育支出 {} 元，其中：基本支出 2,065,405.42 元，项目支出 0元。\n"
    assert rules_of(check_text(text.format("5,065,405.42"))) == ["SUM001"]
    assert check_text(text.format("2,065,405.42")).findings == []


class TestSharesOfAnUnstatedTotal:
    """"占一般公共预算支出的 84.06%" and "占一般公共预算支出的 19.62%" of a total the text never states: each share
    implies the total (part ÷ share), and two that cannot both hold are noted."""

    TEXT = (
        "（二）按支出结构分类划分。\n1. 基本支出预算 2476260.58 元，占一般公共预算支出的 84.06%，同比减少 4966.66 元。其中：\n"
        "工资福利支出预算 2016908.34 元，占基本支出预算 81.45%。\n2. 项目支出 469500 元，占一般公共预算支出的 {}%。\n"
    )

    def test_two_shares_that_cannot_both_hold(self):
        found = check_text(self.TEXT.format("19.62"), select=("PCT001",)).findings
        assert len(found) == 1 and found[0].evidence == "19.62%" and "15.94%" in found[0].message
        assert found[0].severity.value == "warning"

    def test_shares_that_agree_are_silent(self):
        assert check_text(self.TEXT.format("15.94"), select=("PCT001",)).findings == []

    def test_shares_nudged_to_make_exactly_100(self):
        # 1/3, 1/3, 1/3 written 33.33%, 33.33%, 33.34%: the largest-remainder practice, not an error
        text = "甲支出 100.00 元，占总支出的 33.33%；乙支出 100.00 元，占总支出的 33.33%；丙支出 100.00 元，占总支出的 33.34%。\n"
        assert check_text(text, select=("PCT001",)).findings == []

    def test_shares_far_apart_are_not_held_together(self):
        far = "甲支出 100.00 元，占总支出的 50.00%。\n" + "说明文字。" * 300 + "\n乙支出 100.00 元，占总支出的 20.00%。\n"
        assert check_text(far, select=("PCT001",)).findings == []

    def test_shares_of_other_periods_or_relative_totals_are_not_held_together(self):
        for text in (
            "教育支出 500 万元，占总支出的 50%；上年教育支出 400 万元，占总支出的 45%。\n",
            "2023年教育支出 500 万元，占总支出的 50%。2022年教育支出 400 万元，占总支出的 45%。\n",
            "局机关人员经费 100 万元，占本单位支出的 40%；下属中心人员经费 80 万元，占本单位支出的 60%。\n",
        ):
            assert check_text(text, select=("PCT001",)).findings == [], text


def test_a_government_debt_is_its_general_and_its_special_debt():
    # 一般债务 and 专项债务 are the whole of a debt: a 其中 list of the two is complete
    text = "全市政府法定债务余额为{}亿元，其中一般债务699.47亿元、专项债务372.18亿元。"
    [f] = [f for f in check_text(text.format("7,071.65")).findings if f.rule == "SUM001"]
    assert f.evidence.startswith("7,071.65")
    assert check_text(text.format("1,071.65")).findings == []
    # a partial list under another total is still no whole
    assert check_text("全市政府债务还本支出90.00亿元，其中一般债务还本40.00亿元。").findings == []


def test_a_governments_transfers_and_its_general_budget_revenue_are_each_two_parts():
    # 转移支付 = 一般性 + 专项; 一般公共预算收入 = 税收收入 + 非税收入: a 其中 list of the two is complete
    text = "市本级对各区转移支付支出{}亿元，其中：对各县（市、区）一般性转移支付支出89.02亿元，专项转移支付支出21.02亿元。"
    [f] = [f for f in check_text(text.format("120.04")).findings if f.rule == "SUM001"]
    assert f.evidence.startswith("120.04")
    assert check_text(text.format("110.04")).findings == []
    revenue = "全县一般公共预算收入完成{}万元，其中：税收收入5,537万元，非税收入3,015万元。"
    [f] = [f for f in check_text(revenue.format("10,066")).findings if f.rule == "SUM001"]
    assert check_text(revenue.format("8,552")).findings == []
    # a wider total that holds the alias: 税收返还和转移支付 is more than its 一般性 and 专项 transfers
    wider = "对市县税收返还和转移支付4404.78亿元（包括一般性转移支付3030.61亿元；专项转移支付663.82亿元）。"
    assert [f for f in check_text(wider).findings if f.rule == "SUM001"] == []


def test_shares_of_the_total_named_only_as_the_total_of_its_list():
    # "其中：… 占总支出决算的 R%": the total is the amount the list is of
    text = (
        "2022年度财政拨款“三公”经费支出年初预算为6,283.70元，支出决算为6,283.70元，完成年初预算的100%。"
        "其中：因公出国（境）费支出决算0元，占总支出决算的0%；公务用车运行维护费支出决算1,388.70元，占总支出决算的{}%；"
        "公务接待费支出决算4,895.00元，占总支出决算的77.90%。"
    )
    [f] = [f for f in check_text(text.format("11.10")).findings if f.rule == "PCT001"]
    assert "11.10%" in f.evidence and "22.10" in f.expected
    assert check_text(text.format("22.10")).findings == []


def test_parts_of_a_list_that_may_be_partial_far_beyond_its_total_are_left_unsaid():
    # more than twice the total: the figures are more likely another clause's than this total's parts
    far = "项目支出100.00万元，其中：设备购置费150.00万元，培训费90.00万元。"
    assert [f for f in check_text(far).findings if f.rule == "SUM001"] == []
    near = "项目支出100.00万元，其中：设备购置费60.00万元，培训费50.00万元。"
    [f] = [f for f in check_text(near).findings if f.rule == "SUM001"]
    assert "110" in f.message
    # a known decomposition is held to its total however far off
    [f] = [f for f in check_text("新增债券16000万元，其中一般债券30000万元、专项债券6000万元。").findings if f.rule == "SUM001"]
    assert "36,000" in f.message or "36000" in f.message


def test_parts_of_a_narrower_level_of_government_are_no_decomposition_of_the_whole():
    # 全市's debt, and 市本级's general and special debt: not the whole of it
    text = "全市政府债务余额为1071.65亿元，其中市本级一般债务199.47亿元、专项债务72.18亿元。"
    assert [f for f in check_text(text).findings if f.rule == "SUM001"] == []
    # the level named on both sides is the same scope
    text = "县级政府债务余额为1071.65亿元，其中县级一般债务699.47亿元、县级专项债务72.18亿元。"
    assert [f for f in check_text(text).findings if f.rule == "SUM001"]
