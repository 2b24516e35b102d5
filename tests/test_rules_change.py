"""CHG: changes against last year or the budget."""

from .conftest import check_text, rules_of


def findings(text, rule):
    return [f for f in check_text(text).findings if f.rule == rule]


class TestChangeRate:
    def test_the_rate_must_follow_from_current_and_change(self):
        [f] = findings("机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。", "CHG001")
        assert f.evidence == "下降93.4%"
        assert f.fix == "下降15.8%"
        assert "39.67" in f.message and "15.8%" in f.message

    def test_current_given_in_the_sentence_before(self):
        text = "2021年度收、支总计474.49万元。与2020年度相比，收、支总计各增加66.74万元，增长61.4%。"
        [f] = findings(text, "CHG001")
        assert f.expected == "增长16.4%"

    def test_change_against_the_budget_in_yuan(self):
        text = "“科学技术支出（类）”2021年度决算10,834,076.85元，比2021年年初预算增加961,528.73元，增长8.7%。"
        [f] = findings(text, "CHG001")
        assert f.expected == "增长9.7%"

    def test_prior_stated_explicitly(self):
        text = "公用经费支出120.00万元，上年为100.00万元，比上年增加20.00万元，增长25.0%。"
        assert findings(text, "CHG001")

    def test_rounding_is_not_an_error(self):
        # 6.28 / 39.67 = 15.83%: both 15.8% and a cut 15.8% are fine; 16% at whole-percent precision too
        for rate in ("15.8%", "15.83%", "16%"):
            assert not findings(f"机关运行经费支出33.39万元，比上年减少6.28万元，下降{rate}。", "CHG001")

    def test_one_unit_in_the_last_place_is_an_error(self):
        assert findings("机关运行经费支出33.39万元，比上年减少6.28万元，下降16.0%。", "CHG001")

    def test_no_current_figure_means_not_assessable_not_wrong(self):
        result = check_text("与上年相比，收入增加66.74万元，增长61.4%。")
        assert "CHG001" not in rules_of(result)
        assert result.claims["change"].not_assessable == 1

    def test_a_new_unit_with_nothing_last_year_is_not_assessable(self):
        assert not findings("本年支出合计307.82万元，比上年增加307.82万元，增长100.00%。", "CHG001")

    def test_a_change_amount_in_brackets_after_the_rate(self):
        text = "2023年度本年收入合计800.00万元，同比增长7.7%（增加50.00万元）。"
        [f] = findings(text, "CHG001")
        assert f.expected == "增长6.7%"
        assert not findings(text.replace("7.7%", "6.7%"), "CHG001")

    def test_a_count_and_its_change(self):
        text = "2023年末在职人员320人，比上年末减少5人，下降2.5%。"
        [f] = findings(text, "CHG001")
        assert "325 人" in f.message and f.expected == "下降1.5%"
        assert not findings(text.replace("2.5%", "1.5%"), "CHG001")

    def test_counts_of_different_things_are_not_a_change_rate(self):
        # 人 against 人次: not the same count, nothing to divide
        assert not findings("全年培训320人，比上年增加50人次，增长50.0%。", "CHG001")

    def test_percentage_points_are_not_a_rate_of_change(self):
        text = "2023年度预算执行率为96.5%，比上年提高3.2个百分点。政府采购支出占比12.5%，较上年下降1.5个百分点。"
        result = check_text(text)
        assert result.findings == [] and "change" not in result.claims


class TestDirection:
    def test_amount_word_and_rate_word_disagree(self):
        [f] = findings("本年支出合计11,458,005.29元，比上年减少766,327.61元，增长7.2%。", "CHG002")
        assert f.evidence == "增长"

    def test_word_contradicts_the_two_figures(self):
        text = "工资福利支出8,065,382.38元，年初预算7,972,225.24元，减少93,157.14元。"
        [f] = findings(text, "CHG002")
        assert f.evidence == "减少" and f.fix == "增加"

    def test_zero_change_written_as_increase_is_fine(self):
        assert not findings("公务接待费2021年决算数0元，比2021年年初预算数0元，增加0元。", "CHG002")


class TestDoubledSign:
    def test_minus_after_decrease(self):
        [f] = findings("群众团体事务（款）决算478,297.24元，比年初预算减少-97,121.12元，下降16.9%。", "CHG003")
        assert f.evidence == "减少-97,121.12元"
        assert f.fix == "减少97,121.12元"

    def test_the_rate_is_still_checked_as_a_decrease(self):
        text = "群众团体事务（款）决算478,297.24元，比年初预算减少-97,121.12元，下降16.9%。"
        assert "CHG001" not in rules_of(check_text(text))

    def test_plain_decrease_is_fine(self):
        assert not findings("群众团体事务（款）决算478,297.24元，比年初预算减少97,121.12元，下降16.9%。", "CHG003")

    def test_negative_increase(self):
        [f] = findings("项目支出100.00万元，比上年增加-20.00万元。", "CHG003")
        assert "减少" in f.message and f.fix is None


class TestChangeAmount:
    def test_change_must_be_the_difference(self):
        text = "基本支出8,901,652.46元，比2021年年初预算9,004,919.32元，减少130,266.86元。"
        [f] = findings(text, "CHG004")
        assert f.expected == "103,266.86"

    def test_consistent_change(self):
        assert not findings("基本支出8,901,652.46元，比2021年年初预算9,004,919.32元，减少103,266.86元。", "CHG004")


class TestIncreaseBeyondCurrent:
    def test_an_increase_larger_than_the_current_figure(self):
        [f] = findings("机关运行经费支出 10.23 万元，比上年增加 12.23 万元，增长 100.00%。", "CHG004")
        assert f.evidence == "12.23 万元" and "将小于零" in f.message
        assert [r.evidence for r in f.related] == ["10.23 万元"]

    def test_the_units_differing_is_named_as_the_likely_slip(self):
        [f] = findings("机关运行经费支出 10.23 元，比上年增加 10.23 万元，增长 100.00%。", "CHG004")
        assert "单位不同" in f.message

    def test_an_item_new_this_year_and_a_decrease_are_fine(self):
        # the whole amount new this year: last year's was zero
        assert not findings("机关运行经费支出 10.23 万元，比上年增加 10.23 万元，增长 100.00%。", "CHG004")
        assert not findings("机关运行经费支出 10.23 万元，比上年减少 12.23 万元，下降 54.5%。", "CHG004")


class TestReason:
    def test_reason_for_the_opposite_direction(self):
        text = (
            "“科学技术普及（款）”2021年度决算7,097,616.96元，比2021年年初预算增加414,707.89元，增长6.2%。"
            "主要原因：年初调整功能科目，导致此款经费减少。"
        )
        [f] = findings(text, "CHG005")
        assert f.evidence == "减少"

    def test_reason_for_a_change_of_zero(self):
        text = (
            "2021年度公务接待费支出决算比2020年度增加0万元，增长0.0%。\n"
            "公务接待费支出决算减少的主要原因是本年没有发生公务接待支出。"
        )
        [f] = findings(text, "CHG005")
        assert "持平" in f.message

    def test_a_reason_about_another_item_is_not_held_against_this_one(self):
        text = "项目支出232.15万元，比上年增加20.00万元，增长9.4%。主要原因：新增项目，导致公用经费减少。"
        assert not findings(text, "CHG005")

    def test_reason_agreeing_with_the_change(self):
        text = "机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。机关运行经费减少的主要原因是压减委托业务费。"
        assert not findings(text, "CHG005")


class TestGarbledDirection:
    def test_two_opposite_directions_across_a_line_break(self):
        text = "“三公”经费财政拨款支出决算37.35万元。\n2025年度“三公”经费财政拨款支出决算数比2024年度减\n增加21.90万元，增长141.75%。"
        [f] = [f for f in check_text(text).findings if f.rule == "CHG006"]
        assert f.evidence == "减\n增加" and f.line == 2 and "两个相反的方向" in f.message

    def test_a_direction_beside_level_and_a_word_twice(self):
        text = "财政拨款收入27,807.61万元，比2025年预算增加增加27.45万元；政府性基金拨款支出预算0万元，与2025年预算增加持平。"
        found = [(f.evidence, f.severity.value) for f in check_text(text).findings if f.rule == "CHG006"]
        assert found == [("增加增加", "info"), ("增加持平", "warning")]

    def test_level_beside_a_change_of_the_same_figure(self):
        text = "机关运行经费支出50.00万元，与上年持平，比上年增加5.00万元，增长11.1%。"
        [f] = [f for f in check_text(text).findings if f.rule == "CHG006"]
        assert f.evidence == "持平" and "5.00万元" in f.message

    def test_words_that_are_not_garbled(self):
        for text in (
            "公务接待费2.11万元，与2025年预算持平，主要原因是厉行节约。因公出国（境）费0万元，比上年减少0万元，与上年持平。",
            "机关运行经费支出50.00万元，比上年增加0.20万元，增长0.4%，与上年基本持平。",
            "年中调减增加的项目经费，新增减少的人员经费。本年收支增减变动情况说明如下。",
            "公务接待费0.30万元，与上年持平；公务用车运行维护费19.56万元，比上年减少3.59万元，下降15.5%。",
        ):
            assert [f for f in check_text(text).findings if f.rule == "CHG006"] == [], text


def test_a_change_against_last_year_after_one_against_the_budget_is_of_the_same_amount():
    # "决算 A，较年初预算数减少 B，下降 R%，较上年支出数减少 D，下降 P%": both comparisons are of A
    text = "2021年“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%，较上年支出数减少0.71万元，下降{}%。"
    [f] = [f for f in check_text(text.format("7.83")).findings if f.rule == "CHG001"]
    assert f.evidence.endswith("7.83%") and "7.26" in f.expected
    assert [f.rule for f in check_text(text.format("7.26")).findings] == []


def test_a_unit_slip_in_the_change_against_last_year_after_one_against_the_budget():
    # (in a report whose amounts are in 万元: the figure in 元 is the slip)
    text = "本年收入合计 120.00 万元，本年支出合计 118.00 万元，其中：基本支出 100.00 万元，项目支出 18.00 万元。"
    text += "“三公”经费支出决算总额为 5.48 万元，比预算增加 0 万元，比去年增加 1.55 元，增长 39.4%。其中：公务接待费 2.00 万元，公务用车运行维护费 3.48 万元。"
    [f] = [f for f in check_text(text).findings if f.rule == "UNIT001"]
    assert f.evidence == "1.55 元"


def test_a_decrease_of_more_than_the_whole_in_what_cannot_be_negative():
    [f] = [f for f in check_text("公务用车购置费比2018年减少334万元，下降102%。").findings if f.rule == "CHG001"]
    assert "102%" in f.evidence and "不可能" in f.message
    for text in (
        "公务用车购置费比2018年减少334万元，下降100%。",  # down to nothing
        "年末结转和结余比上年减少334万元，下降120%。",  # a balance may end below zero
        "收支差额比上年减少334万元，下降120%。",
    ):
        assert [f for f in check_text(text).findings if f.rule == "CHG001"] == [], text
