"""Reflow: PDF-style hard wraps, page numbers, headings and form cells."""

from auditlint.extract.reflow import reflow

from .conftest import check_text

WRAPPED = "\n\n".join(
    [
        "一、收入支出决算总体情况说明",
        "2021 年度收、支总计 474.49 万元。与 2020 年度相比，收、支",
        "总计各增加 66.74 万元，增长 16.4%，主要原因是增加洪山区 2021",
        "－2025 年度第一批全国科普示范区认定工作经费、群团改革购买服",
        "务项目、2021 年购买社工服务。",
        "12",
        "二、收入决算情况说明",
        "2021 年度收入合计 474.49 万元。其中：财政拨款收入 474.49",
        "万元，占本年收入 100.0%；上级补助收入 0 万元，占本年收入 0.0%；",
        "事业收入 0 万元，占本年收入 0.0 %；经营收入 0 万元，占本年收入",
        "0.0%；其他收入 0 万元，占本年收入 0.0%。",
    ]
    * 3
)


def paragraphs(text):
    flow = reflow(text)
    return [flow.text[p.start : p.end] for p in flow.paragraphs], flow


def test_hard_wrapped_sentences_are_joined_and_headings_kept_apart():
    paras, _ = paragraphs(WRAPPED)
    assert paras[0] == "一、收入支出决算总体情况说明"
    assert paras[1].startswith("2021 年度收、支总计 474.49 万元。与 2020 年度相比，收、支总计各增加")
    assert "474.49万元，占本年收入" in paras[3]
    assert paras[3].endswith("其他收入 0 万元，占本年收入 0.0%。")


def test_page_numbers_between_lines_are_dropped():
    paras, _ = paragraphs(WRAPPED)
    assert "12" not in paras


def test_every_character_maps_back_to_the_original():
    _, flow = paragraphs(WRAPPED)
    for i, ch in enumerate(flow.text):
        if ch in "\n ":
            continue
        assert WRAPPED[flow.origin(i)] == ch or (ch == "-" and WRAPPED[flow.origin(i)] == "－")


def test_full_width_digits_are_read_as_digits_in_place():
    _, flow = paragraphs("获得项目资金６万。")
    assert "6万" in flow.text
    assert flow.origin(flow.text.index("6")) == "获得项目资金６万。".index("６")


def test_a_line_starting_with_punctuation_continues_the_last():
    paras, _ = paragraphs("2021年度收、支总计11,492,964.29元\n，比上年减少1,073,164.39 元，下降8.5%。")
    assert len(paras) == 1


def test_form_cells_are_separate_paragraphs():
    paras, _ = paragraphs("开办资金\t779.05 万元\t\n经费来源 | 财政全额补助 | |")
    assert paras == ["开办资金", "779.05 万元", "经费来源", "财政全额补助"]


def test_paragraph_per_line_text_is_not_joined():
    paras, _ = paragraphs("二、收入决算说明\n本年收入合计100.00万元。\n产出指标完成情况分析\n全年预算100.00万元。")
    assert paras == ["二、收入决算说明", "本年收入合计100.00万元。", "产出指标完成情况分析", "全年预算100.00万元。"]


def test_running_page_headers_are_dropped():
    body = [f"第{i}段正文内容，说明收支总计的变动情况" for i in range(60)]
    lines = []
    for i, line in enumerate(body):
        if i % 20 == 0:
            lines.append("上海市示例局2024年度部门决算")
        lines.append(line + ("。" if i % 3 == 2 else ""))
    paras, _ = paragraphs("\n".join(lines))
    assert not any("上海市示例局2024年度部门决算" in p for p in paras)


def test_a_line_that_recurs_close_together_is_content():
    paras, _ = paragraphs("\n".join(["科普活动均已完成目标任务"] * 5 + ["合计100.00万元。"]))
    assert "".join(paras).count("科普活动均已完成目标任务") == 5


def test_a_span_maps_each_end_as_origin_does():
    # span() looks up both ends at once when one segment holds them: the same answer as two look-ups
    flow = reflow(WRAPPED + "\n数据1,234.50\n万元。\t表格 | 单元格\n")
    n = len(flow.text)
    for start in range(n):
        for end in range(start + 1, min(n, start + 12) + 1):
            assert flow.span(start, end) == (flow.origin(start), flow.origin(end - 1) + 1)


def test_a_line_ends_a_sentence_at_its_last_stop_with_only_closing_quotes_or_brackets_after_it():
    from auditlint.extract.reflow import _TERMINAL, _ends_sentence

    for line, ends in [
        ("支出合计100.00万元。", True),
        ("“主要原因是人员增加。”", True),
        ("（详见附表。）)", True),
        ("收入合计。其中财政拨款", False),
        ("完成了吗？", True),
        ("", False),
        ("。”a", False),
    ]:
        assert _ends_sentence(line) is ends, line
        assert bool(_TERMINAL.search(line)) is ends, line  # the pattern it stands for


def test_a_few_short_lines_among_long_paragraph_lines_set_no_page_width():
    # A paragraph-per-line text (lines of 150-260 columns, a blank line between) with a rate's sign wrapped onto the
    # next line in two places, and a few short lines of a web page's furniture: those short lines are no page width,
    # so "主要税种收入完成情况：" is not run into the paragraph before, whose list ends there.
    text = "\n\n".join(
        [
            "[ 发布机构 ] 某区财政局 [ 有效性 ]",
            "[ 成文日期 ] 2024-08-12 [ 发布日期 ]",
            "(2024年7月某区人民代表大会常务委员会通过)",
            "2023年一般公共预算收入实际完成60.00亿元，其中：税收收入完成20.00亿元，增长5.2%，主要是经济回升带动税收"
            "恢复性增长；非税收入完成10.00亿元，增长1.6%；上级转移支付补助收入20.00亿元，主要原因是一次性补助4.23亿元"
            "；调入资金4.00亿元，增长20.4\n%；上年结转6.00亿元，增长52.2%",
            "主要税种收入完成情况：",
            "增值税完成8.18亿元，增长13.7%；企业所得税完成2.88亿元，增长10.8%；个人所得税完成0.64亿元，下降15.4%；"
            "城维税完成1.88亿元，增长22.9%；房产税完成1.76亿元，增长11.9\n%；印花税完成0.61亿元，下降21.8%；城镇",
        ]
    )
    paras, _ = paragraphs(text)
    assert [p for p in paras if p.startswith("主要税种收入完成情况：")]
    assert not [f for f in check_text(text).findings if f.rule == "SUM001"]


def test_one_long_line_in_a_wrapped_text_leaves_its_page_width():
    # A page dump wrapped at 62 columns that kept one paragraph on a single long line: the other lines still show
    # the page's width, so "19、参照公务员管理的…" opening a wrapped line goes on from the line before, not a heading.
    text = "\n".join(
        [
            "某乡人民政府2022年部门预算",
            "一、部门主要职责",
            "在上级和乡党委领导下，执行本级人民代表大会的各项决议，" * 12,
            "机构设置要求：2022年某乡人民政府共有预算单位 1个，包括某乡",
            "人民政府本级和二级预算单位2个，二级单位分别是便民服务中心",
            "人员情况要求：编制人数42，其中：行政编制人数19、参照公务员管理的",
            "事业编制人数0、全部补助事业编制人数23、差额补助事业编制人数0、",
            "自收自支编制人数13人。实有人数49，其中：在职人数49，行政在职人数",
            "19、参照公务员管理的事业在职人数0、全部补助事业在职人数17、差",
            "额补助事业在职人数0、自收自支在职人数13；离休人数0；退休人数13；",
        ]
    )
    paras, _ = paragraphs(text)
    assert not [p for p in paras if p.startswith("19、")]
    assert not [f for f in check_text(text).findings if f.rule.startswith("DOC")]


def test_a_short_title_with_no_clause_in_a_wrapped_text_is_not_run_into_the_next_paragraph():
    # A page dump wrapped at about 40 columns: "全省一般公共预算教育经费增长情况" stands alone between two paragraphs; it is a
    # title, and the 一般公共预算 amount after it is no part of the total the paragraph before broke down.
    text = "\n".join(
        [
            "2022年，全省教育经费总投入为1711.23亿元，比",
            "上年增长2.24%。其中，国家财政性教育经费为",
            "1442.70亿元，比上年增长1.98%。",
            "全省一般公共预算教育经费增长情况",
            "2022年，全省一般公共预算教育经费（包括教育",
            "事业费、基建经费和教育费附加）为1158.75亿元，",
            "比上年增长1.02%，主要是各级财政持续加大投入。",
        ]
    )
    paras, _ = paragraphs(text)
    assert "全省一般公共预算教育经费增长情况" in paras
    assert not [f for f in check_text(text).findings if f.rule == "SUM001"]
