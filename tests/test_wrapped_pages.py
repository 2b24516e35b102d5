"""Reports as a page dump gives them: every paragraph hard-wrapped at the page's width, page numbers on lines of
their own wherever a page breaks (in a paragraph, in a table, in a contents list). Each case was a false alarm
(or a lost finding) that the `wrapped` layout of bench/mutations.py showed on texts that read right unwrapped;
the sentences are written in the reports' style, not copied."""

from auditlint.segment import segment
from auditlint.sources import read_bytes

from .conftest import check_text


def findings(text, rule=None):
    return [f for f in check_text(text).findings if rule is None or f.rule == rule]


class TestAYearOpeningASentenceOverAWrap:
    """"2021年度…公务接待 12.39 万元。" then "2022年度…其中公务接\\n待较上年同期减少 0.58 万元": the change is of 2022's
    budget, and the amount of 2021 is no current figure for it, however the page wrapped the sentence."""

    TEXT = (
        "某旗2022年度“三公”经费预算情况说明\n"
        "2022年度“三公”经费预算总计21.8万元,其中:因公出国(境)经费0\n"
        "万元,公务接待11.8万元,公务用车运行费用10万元。\n"
        "2021年度“三公”经费合计支出20.12万元,其中:因公出国(境)经\n"
        "费0万元,公务接待12.39万元,公务用车运行费用7.73万元。\n"
        "2022年度“三公”经费预算较2021年度增加1.68万元,其中公务接\n"
        "待较上年同期减少0.58万元,减少4.68%。公务用车运行费用较上年\n"
        "同期增加2.27万元,增长29.37%。主要原因为随着公务车使用年限\n"
        "、公里数及损耗的增加,为保障车辆安全,故导致相应的运行维护费\n"
        "、保养费用增加。\n"
    )

    def test_the_amount_of_the_year_compared_with_is_not_taken_for_the_current_one(self):
        assert not findings(self.TEXT, "CHG001")

    def test_a_change_of_a_named_current_amount_is_still_checked_over_a_wrap(self):
        text = "2023年公务接待费支出决算为12.39万元，比上年减少0.58万元，\n下降14.5%。主要原因是严控接待。\n"
        [f] = findings(text, "CHG001")
        assert "12.39" in f.message


def test_an_item_named_without_a_figure_opens_a_list_over_a_wrap():
    # "单位共 50 个，包括本级、9 个…": the unnumbered 本级 counts too, though the list starts on the next line
    text = (
        "2023年本部门开支“三公”经费的单位共50个\n"
        "，包括本部门本级、9个派出机构、中心本级及其27个所属事业单位、其他12个直属事业单位。\n"
    )
    assert not findings(text, "SUM001")


def test_the_first_lines_of_wrapped_prose_are_no_contents_entries():
    text = (
        "某中心2023年度部门决算公开说明\n目 录\n九、国有资本经营预算财政拨款收入支出决算情况说明\n"
        "十二、其他需说明的事项\n第一部分 单位概况\n一、主要职能\n"
        "贯彻执行国家、自治区和我市有关政务服务工作的方针、政策和法\n"
        "律法规;研究提出进驻中心政务服务事项的具体意见;负责协调\n进驻各部门之间的关系。\n"
        "二、机构设置及人员情况\n本中心实有人数11人。\n第二部分 部门决算情况说明\n一、收入支出决算总体情况说明\n"
        "本年收入合计100.00万元。\n"
    )
    assert not findings(text, "DOC001")


def test_a_contents_list_goes_on_over_a_page_number():
    entries = "\n".join(f"{n}、关于第{n}张表的说明" for n in "一二三四五")
    text = (
        "某办公厅2025年部门预算\n第一部分\n一、主要职责\n二、机构设置情况\n第二部分2025年部门预算情况说明\n"
        f"{entries}\n第 1 页\n第三部分名词解释\n第四部分2025年部门预算表\n一、部门收支总体情况表\n"
        "第一部分\n一、主要职责\n本厅主要职责是：组织实施本市有关工作。\n二、机构设置情况\n本厅设8个处室。\n"
    )
    assert not findings(text, "DOC003")


def test_a_numbered_sentence_wrapped_by_the_page_is_no_heading():
    text = (
        "二、部门机构设置及预算单位情况\n\n"
        "1.根据部门职责分工,本部门内设机构包括行政办公室、财务部门\n和后勤部门。本部门无下属单位。\n\n"
        "2.本部门无下属单位\n\n"
        "3.从预算单位构成看,纳入本部门2019年部门汇总预算编制范围的\n预算单位共计1家。\n"
    )
    assert not findings(text, "DOC003")


class TestAPageNumberInsideATable:
    PIPES = (
        "表1 | | |\n2023年收入执行情况表 | | |\n项目 | 预算数 | 执行数 |\n一、税收收入 | 431 | 431 |\n"
        "增值税 | 292 | 292 |\n企业所得税 | 139 | 139 |\n二、非税收入 | | |\n第 1 页\n专项收入 | 20 | 20 |\n"
        "其他收入 | 10 | 10 |\n本年收入合计 | 461 | 461 |\n"
    )

    def test_a_table_with_bars_is_one_table_over_the_page(self):
        document = read_bytes("t.txt", self.PIPES.encode())
        [table] = segment(document).tables
        assert [c.text for c in table.rows[-1]] == ["本年收入合计", "461", "461", ""]

    def test_a_table_of_one_cell_a_line_is_one_table_over_the_page(self):
        rows = [("项目", "预算数", "决算数"), ("基本支出", "900.49", "890.18"), ("项目支出", "106.28", "259.11"),
                ("经营支出", "0", "0"), ("本年支出合计", "1,006.77", "1,149.29")]
        cells = ["\n".join("\t" + c for c in row) for row in rows]
        cells[2] = cells[2].replace("\n", "\n第 17 页\n", 1)
        text = "\n\n".join(cells) + "\n\n（四）总体评价结论\n本年度完成了各项工作。\n"
        document = read_bytes("t.txt", text.encode())
        [table] = segment(document).tables
        assert "第 17 页" not in [c.text for row in table.rows for c in row]
        assert [c.text for c in table.rows[2]] == ["项目支出", "106.28", "259.11"]

    def test_a_figure_alone_in_its_cell_is_the_tables_not_a_page_number(self):
        rows = [("项目", "预算数", "决算数", "执行率"), ("基本支出", "900.49", "890.18", "0.99"),
                ("总计", "1,006.77", "1,149.30", "1")]
        text = "\n\n".join("\n".join("\t" + c for c in row) for row in rows) + "\n\n\n（四）总体评价结论\n"
        document = read_bytes("t.txt", text.encode())
        [table] = segment(document).tables
        assert [c.text for c in table.rows[-1]] == ["总计", "1,006.77", "1,149.30", "1"]


def test_blank_cells_of_a_tables_part_go_on_over_a_page_number():
    text = (
        "第一部分 部门概况\n一、部门主要职能\n本校负责全乡教育教学工作。\n第二部分 2020年度部门决算表\n"
        + "\n" * 5 + "第 1 页\n" + "\n" * 5
        + "第三部分 2020年度部门决算情况说明\n一、收入决算情况说明\n本部门2020年度收入总计4170.87万元。\n"
    )
    assert not findings(text, "DOC003")


def test_a_blank_line_ends_a_paragraph_where_lines_otherwise_follow_one_another():
    # a wrapped paragraph's last line filled to the page, a blank line, then a heading-like line and another list:
    # the second list's items are no parts of the first one's total
    text = (
        "一、收入情况\n\n"
        "2023年，区本级一般公共预算收入实际完成96.52亿元，其中：税收收入完成22.65亿元，增长5.2%；\n"
        "非税收入完成23.95亿元，增长1.6%；上级转移支付补助收入29.71亿元，增长20.4%；上年结转\n"
        "20.21亿元，增长52.2%，调入资金0亿元，增长0%，动用预算稳定调节基金0亿元，增长0%\n\n"
        "主要税种收入完成情况：\n\n"
        "增值税完成8.18亿元，增长3.7%；企业所得税完成2.88亿元，增长10.8%；个人所得税完成\n"
        "0.64亿元，下降15.4%；城维税完成1.88亿元，增长22.9%。\n"
    )
    assert not findings(text, "SUM001")


def test_the_sentence_before_that_opens_with_a_year_dates_a_change_in_its_paragraph():
    # one paragraph holds 2021's actuals and 2022's budget changes: 公务用车's change is of 2022, not of 7.73
    text = (
        "2021年度“三公”经费合计支出20.12万元，其中：公务接待12.39万元，公务用车运行费用7.73万元。"
        "2022年度“三公”经费预算较2021年度增加1.68万元，其中公务接待较上年同期减少0.58万元，减少4.68%。"
        "公务用车运行费用较上年同期增加2.27万元，增长29.37%。\n"
    )
    assert not findings(text, "CHG001")


def test_a_heading_that_says_where_its_content_is_has_none_to_miss():
    text = (
        "第一部分 概况\n一、主要职能\n本乡负责全乡工作。\n第二部分 某乡人民政府2022年部门预算表(详见附表)\n"
        "第三部分 某乡人民政府2022年部门预算情况说明\n一、2022年部门预算\n本年预算100万元。\n"
    )
    assert not findings(text, "DOC003")


def test_a_line_opening_with_de_goes_on_from_the_line_before():
    text = (
        "二、部门机构设置及预算单位情况\n\n1.根据部门职责分工,本部门内设机构包括行政办公室、财务部\n门和后勤部门。本部门无下属单位。\n\n"
        "2.本部门无下属单位\n\n3.从预算单位构成看,纳入本部门2019年部门汇总预算编制范围\n的预算单位共计1家。\n"
    )
    assert not findings(text, "DOC003")


class TestTheTitleAsARunningHead:
    TITLE = "某县文物保护中心2023年度“三公”经费支出决算说明"
    TEXT = (
        TITLE + "\n一、总体情况\n"
        "某县文物保护中心2023年度一般公共预算财政拨款“三公”经费支出\n"
        "决算为1.71万元，其中，公务接待费支出决算0.53万元，占31%；公\n"
        "务用车购置及运行维护费支出决算1.18万元，占\n"
        "1\n" + TITLE + "\n"
        "69%。具体情况如下：公务接待费减少，公务用车运行维护费增加，均\n"
        "为厉行节约、保障工作所需，与上年相比变化不大。\n"
    )

    def test_it_is_page_furniture_in_the_middle_of_a_paragraph(self):
        document = read_bytes("t.txt", self.TEXT.encode())
        heads = [document.content[a:b] for a, b, kind in segment(document).lines if kind == "furniture"]
        assert heads == ["1", self.TITLE]

    def test_the_sentence_it_interrupts_is_still_read(self):
        [f] = findings(self.TEXT.replace("占31%", "占41%"), "PCT001")
        assert "0.53" in f.message

    def test_the_title_at_the_top_and_a_heading_like_it_are_kept(self):
        document = read_bytes("t.txt", (self.TITLE + "\n一、总体情况\n本年支出1.71万元。\n").encode())
        assert not [k for _, _, k in segment(document).lines if k == "furniture"]


def test_a_numbered_figure_opening_a_wrapped_line_is_no_heading():
    lines = [
        "人员情况：编制人数42，其中行政编制人数19、参照公务员管理的",
        "事业编制人数0、全部补助事业编制人数23、差额补助事业编制人数0",
        "、自收自支编制人数13人。实有人数49，其中在职人数49，行政在职人数",
        "19、参照公务员管理的事业在职人数0、全部补助事业在职人数17、差额",
        "补助事业在职人数0、自收自支在职人数13；离休人数0；退休人数13；退职",
        "人数0；遗属人数0。在校学生人数0，其中小学人数0、中学人数0，均与",
        "上年一致，没有增减变化，人员结构保持稳定，各项工作有序开展推进。",
    ]
    text = "二、机构设置及人员情况\n" + "\n".join(lines) + "\n三、收支情况\n本年收入合计100万元。\n"
    assert not findings(text, "DOC001")


def test_a_table_goes_on_over_a_page_number_and_a_running_head():
    head = "某区科学技术协会2021年度部门决算"
    rows = ["项目 | 预算数 | 决算数 |", "基本支出 | 900.49 | 890.18 |", "项目支出 | 106.28 | 259.11 |",
            "经营支出 | 0 | 0 |", "本年支出合计 | 1,006.77 | 1,149.29 |"]
    pages = "\n".join(f"第 {n} 页\n{head}\n" + "\n".join(f"正文第{n}页的说明文字{k}。" for k in range(20)) for n in range(1, 4))
    text = head + "\n" + pages + "\n" + "\n".join(rows[:3]) + f"\n第 4 页\n{head}\n" + "\n".join(rows[3:]) + "\n"
    document = read_bytes("t.txt", text.encode())
    [table] = segment(document).tables
    assert [c.text for c in table.rows[-1]][:3] == ["本年支出合计", "1,006.77", "1,149.29"]


class TestAPageOnOneLine:
    """Document sites and some extractions give a whole page (or report) on one line, its line breaks turned into
    spaces: "…支出决算为 20.04 万元，完成年 初预算的 25.83%". A space between two CJK characters, where prose puts
    none, is where a line broke: the words it cut are read whole, and the marks that opened lines there (a heading,
    a contents entry, a table's row label) number nothing."""

    PAGE = (
        "（三）一般公共预算财政拨款支出决算具体情况 一般公共预算财政拨款支出年初预算为 1,864.85 万元，支 "
        "出决算为 1,044.27 万元，完成年初预算的 56.00%。决算数小于预算数的主要原因：按照工程进度调减项目经费。 "
        "其中： 1.“一般公共服务（类）统计信息事务（款）统计信息 事务（项）”20.04 万元，主要用于：人口抽样调查 "
        "工作。年初预算为 77.59 万元，支出决算为 20.04 万元，完成年 初预算的 25.83%。决算数小于预算数的主要原"
        "因：年中调减项目经费。 2.“城乡社区支出（类）城乡社区环境卫生（款）城乡社 区环境卫生（项）”854.35 "
        "万元，主要用于：垃圾分类、市容整治等项目。年初预算 为 1,024.01 万元，支出决算为 854.35 万元，完成年初"
        "预算的 83.43%。决算数小于预算数的主要原因：项目调整核算科目。 七、财政拨款“三公”经费支出决算情况说明 "
        "（一）“三公”经费财政拨款支出决算总体情况说明。 “三公”经费财政拨款支出年初预算为 31.47 万元，支出决 "
        "算为 19.86 万元，完成预算的 63.11%，其中：因公出国（境） 费决算为 0 万元；公务用车购置及运行维护费支出"
        "决算为 19.56 万元；公务接待费支出决算为 0.30 万元。2024 年度“三公”经费财政拨款支出决算数比 2023 年度减 "
        "少 3.59 万元，下降 15.31%。\n"
    )

    def test_words_cut_by_a_lost_line_break_are_read_whole(self):
        # 完成年 初预算 / 年初预算 为 / 支出决 算为 / 减 少: each was read as another figure's rate, budget or total
        assert not findings(self.PAGE)

    def test_a_wrong_figure_on_such_a_page_is_still_found(self):
        [f] = findings(self.PAGE.replace("完成年 初预算的 25.83%", "完成年 初预算的 52.83%"), "EXE001")
        assert "52.83%" in f.message and "77.59" in f.message
        [f] = findings(self.PAGE.replace("年度减 少 3.59 万元", "年度减 少 5.59 万元"), "CHG001")
        assert "15.31%" in f.message

    def test_numbered_marks_inside_the_line_make_no_outline(self):
        # the page holds 三、… 七、 and a contents list would hold every heading again: none of it is an outline
        toc = "目 录 第一部分 部门概况 一、主要职能 二、机构设置 第二部分 部门决算情况说明 一、收入支出决算总体情况说明 "
        text = toc + "二、收入决算情况说明 三、支出决算情况说明 " + self.PAGE.replace("（三）", "三、", 1)
        assert not [f for f in findings(text) if f.rule.startswith("DOC")]

    def test_a_paragraph_with_a_few_spaced_phrases_is_no_page(self):
        from auditlint.extract.reflow import reflow

        line = "（二）开展主题活动。一是召开“学党史 悟初心 跟党走”座谈会，" + "与会人员结合自身工作畅谈体会，" * 16 + "二是开展“学科学家 贺建党百年 争做先锋”宣传活动。"
        assert reflow(line).text == line


def test_an_amount_to_the_cent_opening_a_wrapped_line_after_a_change_is_no_heading():
    # "…与上年相比，收入减少" / "84.55、支出总计减少…": the page put the amount of the change at the start of the
    # next line, the last of its paragraph (so not filled to the page); it is no item "84.55、" of an outline.
    lines = [
        "一、收入支出决算总体情况说明",
        "本单位2020年度收入476.17万元、支出总计460.06万元。与2019年相比，收入减少",
        "84.55、支出总计减少99.60万元，分别下降15.1%、17.8%。",
        "主要原因是本年度项目经费减少，人员经费相应减少，公用经费保持平稳，各项支",
        "出严格按预算执行管理，未发生超预算、无预算支出的情况，资金使用规范有效。",
        "资产管理方面，本单位严格执行资产配置标准，加强资产日常管理与维护工作，",
        "定期开展资产清查盘点，做到账实相符，确保国有资产安全完整、有效使用。",
        "二、收入决算情况说明",
        "本年收入合计476.17万元，其中财政拨款收入476.17万元，占100%。",
    ]
    assert not findings("\n".join(lines) + "\n", "DOC001")


def test_an_amount_to_the_cent_opening_a_wrapped_line_after_the_base_of_a_comparison_is_no_heading():
    # "…经费支出2.05万元，较上年" / "2.08减少0.03万元…": last year's amount the comparison wants, not an item 2.08.
    lines = [
        "一、“三公”经费财政拨款支出总体情况说明。",
        "2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元，较上年",
        "2.08减少0.03万元，减少了1.44%，原因为严格落实中央八项规定精神，厉行节约；其中：",
        "因公出国(境)支出0万元；公务用车购置支出0万元；公务用车运行维护费用支出0万元；",
        "公务接待费支出2.05万元，占“三公”经费的100%。",
        "(1)因公出国(境)支出情况。",
    ]
    assert not findings("\n".join(lines) + "\n", "DOC001")


class TestPagesPartedByBlankLines:
    """A page dump whose pages are parted by a blank line (or by nothing) instead of a form feed: the blank line
    stands in the middle of a sentence, and a page that repeats the end of the page before is not marked."""

    PAGE = (
        "四、财政拨款收入支出决算总体情况说明\n"
        "某街道办事处 2025 年度财政拨款收入支出总计 5,100.00 万\n"
        "元。与 2024 年度相比，财政拨款收入支出总计减少 250.00 万\n"
        "元，下降 4.67%。主要原因：基建项目支出减少，办公用房修\n"
        "缮工程已于上年完工，本年不再安排相关经费，其他项目支出\n"
        "五、一般公共预算财政拨款支出决算情况说明\n"
        "（一）一般公共预算财政拨款支出决算总体情况\n"
        "一般公共预算财政拨款支出 5,000.00 万元，占本年支出合计的\n"
        "98.04%。与 2024 年度相比，一般公共预算财政拨款支出减\n"
        "\n"
        "少 250.00 万元，下降 {rate}。主要原因：基建项目支出减少。\n"
        "（二）一般公共预算财政拨款支出决算结构情况\n"
    )

    def test_a_sentence_goes_on_over_the_blank_line_where_its_page_broke(self):
        assert not findings(self.PAGE.format(rate="4.76%"), "CHG001")
        [f] = findings(self.PAGE.format(rate="4.35%"), "CHG001")
        assert "4.76" in f.message

    def test_a_name_cut_by_the_page_goes_on_though_its_unit_wrapped_again(self):
        # "13、…（款）" / "" / "事业单位离退休（项）210.68 万" / "元，主要用于…": the line after the page's blank line ends
        # in a figure whose 元 the next line holds, no clause in it, yet it goes on the 科目 path of the line before
        from auditlint.extract.reflow import reflow

        text = self.PAGE.format(rate="4.76%").replace(
            "（二）一般公共预算财政拨款支出决算结构情况\n",
            "13、社会保障和就业支出（类）行政事业单位养老支出（款）\n\n事业单位离退休（项）210.68 万\n"
            "元，主要用于退休人员福利费、退休人员活动费等。年初预算为\n210.35 万元，支出决算为 210.68 万元。\n",
        )
        assert "（款）事业单位离退休（项）210.68 万元，主要用于" in reflow(text).text

    def test_a_page_repeating_the_end_of_the_page_before_is_read_once(self):
        # the page's last lines again at the start of the next page (overlapping page content in the dump): marked by
        # a form feed, by a blank line or by nothing, the copy is no second list under 六、
        block = (
            "2.构建监控网络，开展对违法建设行为的全方位巡查和处置。\n"
            "3.违建治理的工作安排要高度重视、严密组织、完善方案。\n"
            "4.营造强大舆论宣传氛围，对先进单位和个人进行表彰奖励。\n"
            "五、实施周期\n2026年1月1日至2026年12月31日。\n六、年度预算安排\n"
            "本年度拆违经费预算金额为349.80万元，分别用于拆违现场安全秩序维护第三方服务、无人机巡查\n"
        )
        head = "四、实施方案\n1.加强组织，强化领导，强化对突发事件的协调和处置工作。\n"
        tail = "款、重大应急工程审价费等。\n七、其他说明\n无。\n"
        for parted in ("\f", "\n", ""):
            assert not findings(head + block + parted + block + tail, "DOC001"), repr(parted)
        # a list that really starts at 2. under 六、 is still reported
        assert findings(head + block + "2.无人机巡查服务费用。\n" + tail, "DOC001")
