"""The PDF reader on PDFs written by the tests (tests/pdfgen.py): tables, reading order, furniture, boxes, scans."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from auditlint.api import check_bytes  # noqa: E402
from auditlint.config import Config  # noqa: E402
from auditlint.sources import ReadError, pdfgeom, read_bytes  # noqa: E402

from . import pdfgen  # noqa: E402

BUDGET = [
    ["项目", "项目", "本年支出", "本年支出", "本年支出"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["", "合计", "1,300.00", "1,000.00", "300.00"],
    ["201", "一般公共服务支出", "1,300.00", "1,000.00", "300.00"],
    ["20101", "人大事务", "800.00", "700.00", "100.00"],
    ["20102", "政协事务", "500.00", "300.00", "200.00"],
]


def _tables(document):
    return [b.table for b in document.blocks if b.kind == "table"]


def _grid(table):
    return [[c.text if c else None for c in row] for row in table.rows]


@pytest.mark.parametrize("style", ["lines", "bars", "boxes"])
def test_a_ruled_table_is_rebuilt_with_its_merged_header_cells(style):
    document = read_bytes("t.pdf", pdfgen.budget_table_pdf(style))
    (table,) = _tables(document)
    assert _grid(table) == BUDGET
    assert table.caption == "一般公共预算财政拨款支出决算表\n单位：万元"
    header = table.rows[0]
    assert header[2].colspan == 3 and header[2] is header[4]  # 本年支出 spans three columns
    assert document.text.splitlines()[-1] == "本年支出合计1,300.00万元，其中基本支出1,000.00万元。"


def test_a_cell_points_at_its_text_in_the_layout():
    document = read_bytes("t.pdf", pdfgen.budget_table_pdf())
    (table,) = _tables(document)
    for row in table.rows:
        for cell in row:
            assert document.text[cell.start : cell.end] == cell.text


@pytest.mark.parametrize("repeat", [False, True])
def test_a_table_continued_on_the_next_page_is_one_table(repeat):
    document = read_bytes("t.pdf", pdfgen.continued_table_pdf(repeat))
    (table,) = _tables(document)
    assert [r[0].text for r in table.rows] == ["科目编码"] + [f"2010{i}" for i in range(1, 9)]
    assert {r[0].page for r in table.rows} == {1, 2}
    assert "1\n" not in document.text and "2\n" not in document.text  # the page numbers are furniture


def test_a_two_sided_table_keeps_both_sides():
    document = read_bytes("t.pdf", pdfgen.two_sided_pdf())
    (table,) = _tables(document)
    assert _grid(table)[-1] == ["本年收入合计", "1,000.00", "本年支出合计", "1,000.00"]
    assert table.rows[0][0].colspan == 2 and table.rows[0][2].text == "支出"


def test_an_unruled_table_is_read_from_its_column_gutters():
    document = read_bytes("t.pdf", pdfgen.unruled_table_pdf())
    (table,) = _tables(document)
    assert _grid(table) == [["项目", "2023年", "2024年"], ["办公费", "12.50", "10.20"], ["水电费", "8.00", "7.60"], ["合计", "20.50", "17.80"]]
    lines = document.text.splitlines()
    assert lines[0] == "三、机关运行经费情况如下：" and lines[-1] == "以上数据均为决算数。"


def test_running_headers_and_page_numbers_are_left_out():
    document = read_bytes("t.pdf", pdfgen.running_text_pdf())
    assert "部门决算" not in document.text and "-" not in document.text
    assert document.text.splitlines()[:2] == ["第1页正文：本年收入合计100.00万元，", "比上年增加10.00万元。"]
    assert len(document.page_starts) == 4


def test_spaced_out_and_reordered_lines_read_right():
    document = read_bytes("t.pdf", pdfgen.spaced_and_reordered_pdf())
    assert document.text.splitlines() == [
        "上海市普陀区财政局支出合计1,234.56万元",
        "第一行在最上面，",
        "第二行在中间，",
        "第三行在最下面。",
    ]


def test_a_rotated_page_reads_upright_and_boxes_are_in_its_own_coordinates():
    document = read_bytes("t.pdf", pdfgen.rotated_pdf())
    (table,) = _tables(document)
    assert _grid(table)[1:] == [["2010101本年收入", "100.00"], ["2010102本年支出", "100.00"]]
    # the page is stored 842 wide, 595 high and turned 90°: the upright text runs up its user space
    x0, y0, x1, y1 = document.box_of(table.rows[1][0].start, table.rows[1][0].end)
    assert y1 - y0 > x1 - x0


def test_rulings_drawn_in_a_form_are_placed_where_the_form_is():
    document = read_bytes("t.pdf", pdfgen.form_table_pdf())
    (table,) = _tables(document)
    assert _grid(table) == [["项目", "金额"], ["办公费", "10.00"], ["印刷费", "5.00"]]


def test_a_scan_without_text_is_reported_as_such():
    with pytest.raises(ReadError) as info:
        read_bytes("scan.pdf", pdfgen.scanned_pdf())
    assert info.value.code == "no-text"
    assert info.value.message == "扫描件，无文字层，无法检查"
    result = check_bytes("scan.pdf", pdfgen.scanned_pdf(), Config())
    assert result.error_code == "no-text" and result.findings == []


def test_an_encrypted_pdf_is_unreadable():
    with pytest.raises(ReadError) as info:
        read_bytes("secret.pdf", pdfgen.encrypted_pdf())
    assert info.value.code == "unreadable" and "加密" in info.value.message


def test_a_finding_carries_its_page_and_box_in_pdf_coordinates():
    result = check_bytes("f.pdf", pdfgen.finding_pdf(), Config())
    (finding,) = [f for f in result.findings if f.rule == "CHG001"]
    assert finding.page == 1
    x0, y0, x1, y1 = finding.box
    # the sentence is drawn at baseline y=700 from x=72 in 12 pt type; 下降39.5% is its end
    assert 690 <= y0 < 700 < y1 <= 715
    assert 72 < x0 < x1 < 72 + 12 * 40
    assert x1 - x0 < 12 * 8  # the span, not the whole line
    record = json.loads(finding.model_dump_json())
    assert record["box"] == finding.box and record["page"] == 1


def test_a_finding_outside_a_pdf_has_no_box():
    result = check_bytes("a.txt", "机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%。".encode(), Config())
    (finding,) = [f for f in result.findings if f.rule == "CHG001"]
    assert finding.box is None and "box" not in json.loads(finding.model_dump_json())


# --------------------------------------------------------------- geometry alone


def _glyphs(text: str, x: float, top: float, advance: float = 10.0, size: float = 10.0):
    return [pdfgeom.Glyph(ch, x + i * advance, top, x + i * advance + size, top + size) for i, ch in enumerate(text)]


def test_a_gap_wider_than_the_lines_own_spacing_is_a_space():
    glyphs = _glyphs("本年收入", 0, 0) + _glyphs("2024", 50, 0, advance=6, size=6)
    (line,) = pdfgeom.lines(glyphs)
    assert line.text == "本年收入 2024"
    spaced = _glyphs("上海市普陀区财政局", 0, 0, advance=17)  # every character 7 pt apart
    (line,) = pdfgeom.lines(spaced)
    assert line.text == "上海市普陀区财政局"


def test_a_character_drawn_twice_for_bold_is_read_once():
    glyphs = _glyphs("合计", 0, 0) + _glyphs("合计", 0.3, 0)
    (line,) = pdfgeom.lines(glyphs)
    assert line.text == "合计"


def test_a_missing_ruling_merges_the_slots_it_would_separate():
    rules = [pdfgeom.Rule(True, y, 0, 200) for y in (0, 20, 40)]
    rules += [pdfgeom.Rule(False, 0, 0, 40), pdfgeom.Rule(False, 200, 0, 40), pdfgeom.Rule(False, 100, 20, 40)]
    (grid,) = pdfgeom.grids(rules)
    assert (grid.n_rows, grid.n_cols) == (2, 2)
    spans = sorted((c.row, c.col, c.rowspan, c.colspan) for c in grid.cells)
    assert spans == [(0, 0, 1, 2), (1, 0, 1, 1), (1, 1, 1, 1)]


def test_an_empty_frame_or_a_lone_line_is_not_a_table():
    assert pdfgeom.grids([pdfgeom.Rule(True, 10, 0, 100)]) == []
    frame = [pdfgeom.Rule(True, 0, 0, 100), pdfgeom.Rule(True, 50, 0, 100), pdfgeom.Rule(False, 0, 0, 50), pdfgeom.Rule(False, 100, 0, 50)]
    assert pdfgeom.grids(frame) == []  # one cell: a box around a note, not a table


def test_graph_paper_is_not_a_table_and_costs_linear_time():
    lines = [pdfgeom.Rule(True, y * 10.0, 0, 5000) for y in range(501)] + [pdfgeom.Rule(False, x * 10.0, 0, 5000) for x in range(501)]
    assert pdfgeom.grids(lines) == []


def test_a_table_of_contents_with_page_numbers_stays_text():
    glyphs = []
    for i, (title, page) in enumerate([("一、主要职能", "3"), ("二、部门决算单位构成", "4"), ("三、收入支出决算总表", "6"), ("四、收入决算表", "7")]):
        glyphs += _glyphs(title, 0, i * 20) + _glyphs(page, 400, i * 20)
    assert pdfgeom.unruled(pdfgeom.lines(glyphs)) == []


def test_columns_of_words_without_figures_stay_text():
    lines = pdfgeom.lines(_glyphs("单位名称", 0, 0) + _glyphs("联系人", 200, 0) + _glyphs("规划资源局", 0, 20) + _glyphs("张三", 200, 20) + _glyphs("土地中心", 0, 40) + _glyphs("李四", 200, 40))
    assert pdfgeom.unruled(lines) == []
