"""Reflow: PDF-style hard wraps, page numbers, headings and form cells."""

from auditlint.extract.reflow import reflow

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
