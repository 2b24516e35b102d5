"""The outline of a document: numbered headings, their scopes, and how each number follows on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract import extract
from auditlint.extract.structure import place_headings
from auditlint.numbering import cn_number, cn_numeral
from auditlint.sources import read_bytes


def outline_of(text: str):
    return extract(read_bytes("report.txt", text.encode("utf-8"))).outline


def numbered(text: str) -> list[tuple[str, int]]:
    return [(h.style, h.number) for h in outline_of(text) if h.style]


def statuses(text: str) -> list[str]:
    outline = outline_of(text)
    placed = place_headings(outline)
    return [placed[i].status for i, h in enumerate(outline) if h.style]


def test_chinese_numerals_read_and_write():
    assert [cn_number(t) for t in ("一", "九", "十", "十一", "二十", "二十三", "九十九")] == [1, 9, 10, 11, 20, 23, 99]
    assert cn_number("十十") is None and cn_number("") is None
    assert all(cn_number(cn_numeral(n)) == n for n in range(1, 100))


def test_every_marker_style_at_the_start_of_a_paragraph():
    text = "第二部分 决算说明\n三、支出情况\n（四）基本支出\n5.人员经费\n6、公用经费\n（7）办公费\n1.2 年度目标 2\n③ 其他\n㈣ 展览"
    assert numbered(text) == [
        ("part", 2), ("cn", 3), ("pcn", 4), ("num", 5), ("num", 6), ("pnum", 7), ("dotted", 2), ("circled", 3), ("pideo", 4)
    ]


def test_amounts_dates_and_prizes_are_not_markers():
    text = "1.5万元用于购置设备。\n2021.12.31前完成。\n分获一、二、三等奖。\n依照第（一）项规定执行。"
    assert numbered(text) == []


def test_inline_markers_after_a_sentence_or_a_colon():
    text = "情况如下：一、主要工作(一)开展展览。(二)开展培训。二、存在问题"
    assert numbered(text) == [("cn", 1), ("pcn", 1), ("pcn", 2), ("cn", 2)]


def test_contents_and_attachments_are_scopes_of_their_own():
    outline = outline_of("目 录\n第一部分 概况\n第二部分 决算表\n第一部分 概况\n一、职能\n附件：自评表\n一、基本情况")
    scopes = [(h.marker, h.scope, h.toc, h.attachment) for h in outline if h.style]
    assert scopes[0][2] and scopes[1][2]  # the contents
    assert scopes[2][1] != scopes[0][1] and not scopes[2][2]  # the body starts where the contents started again
    assert scopes[4][3] and scopes[4][1] != scopes[3][1]  # the attachment


def test_a_short_unnumbered_line_is_kept_as_a_possible_heading():
    outline = outline_of("一、项目概况\n内容。\n资金使用情况\n内容。\n三、绩效情况\n内容。")
    assert [h.title for h in outline if not h.style] == ["资金使用情况"]


def test_lists_nest_and_restart_under_a_new_parent():
    text = "一、甲\n（一）子\n1.项\n2.项\n（二）子\n1.项\n二、乙\n（一）子"
    assert statuses(text) == ["first", "first", "first", "next", "next", "first", "next", "first"]


def test_repeat_skip_and_late_start():
    assert statuses("一、甲\n内容。\n二、乙\n内容。\n二、丙\n内容。") == ["first", "next", "repeat"]
    assert statuses("（一）甲\n内容。\n（二）乙\n内容。\n（四）丁\n内容。") == ["first", "next", "skip"]
    assert statuses("一、甲\n（二）乙\n内容。") == ["first", "late"]


def test_a_nested_list_that_reuses_the_outer_style_does_not_break_the_outer_list():
    text = "一、整体报告\n（一）主要任务\n一、保障措施\n（一）组织\n（二）考评\n二、阵地建设\n（二）目标设立情况\n二、项目报告"
    assert statuses(text) == ["first", "first", "first", "first", "next", "next", "next", "next"]


def test_two_table_columns_read_row_by_row_are_parallel_not_repeated():
    text = "一、财政拨款收入\n一、一般公共服务支出\n二、上级补助收入\n二、教育支出"
    assert statuses(text) == ["first", "parallel", "next", "parallel"]
    # three pairs or more in a row are a two-sided table's labels (the segmentation says so): not the outline's
    assert statuses(text + "\n三、事业收入\n三、科学技术支出") == []


def test_one_number_twice_in_a_list_of_single_items_is_a_repeat_not_a_table_row():
    # a contents list (titles without bodies): 三、 twice after 一、 二、 is a slip, not a second column
    text = "目录\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n三、财政拨款收入支出决算总表\n四、一般公共预算财政拨款支出决算表"
    assert statuses(text) == ["first", "next", "next", "repeat", "next"]


@st.composite
def outlines(draw):
    """A well-numbered outline: cn sections, each with pcn subsections, each with num items."""
    lines = []
    for i in range(1, draw(st.integers(1, 4)) + 1):
        lines += [f"{cn_numeral(i)}、第{i}节", "正文。"]
        for j in range(1, draw(st.integers(0, 3)) + 1):
            lines += [f"（{cn_numeral(j)}）第{j}小节", "正文。"]
            for k in range(1, draw(st.integers(0, 3)) + 1):
                lines += [f"{k}.第{k}项内容。"]
    return lines


@settings(max_examples=60, deadline=None)
@given(outlines(), st.data())
def test_a_well_numbered_outline_is_all_in_order_and_any_changed_number_is_not(lines, data):
    assert set(statuses("\n".join(lines))) <= {"first", "next"}
    marked = [i for i, line in enumerate(lines) if line[0] in "一二三四（" or line[0].isdigit()]
    i = data.draw(st.sampled_from(marked))
    line = lines[i]
    if line[0].isdigit():
        k = int(line.split(".")[0])
        lines[i] = f"{k + data.draw(st.integers(1, 3))}." + line.split(".", 1)[1]
    elif line[0] == "（":
        j = cn_number(line[1 : line.index("）")])
        lines[i] = f"（{cn_numeral(j + data.draw(st.integers(1, 3)))}）" + line[line.index("）") + 1 :]
    else:
        n = cn_number(line[: line.index("、")])
        lines[i] = f"{cn_numeral(n + data.draw(st.integers(1, 3)))}、" + line[line.index("、") + 1 :]
    assert set(statuses("\n".join(lines))) - {"first", "next"}
