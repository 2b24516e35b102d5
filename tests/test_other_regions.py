"""Phrasings of other regions' templates and layouts, each a false alarm once met in a published report
(Guangdong, Sichuan, Guangxi, Inner Mongolia …): the sentences here are written in their style, not copied."""

from .conftest import check_text


def findings(text, rule=None):
    return [f for f in check_text(text).findings if rule is None or f.rule == rule]


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
