"""Word and Excel reports built in the test: a consistent report is clean, and every mutated figure is caught."""

from __future__ import annotations

import copy
import re

import pytest

from auditlint.api import check_bytes
from auditlint.config import Config
from auditlint.model import FileResult
from auditlint.sources import read_bytes

from .office import Merged, Paragraph, TableSpec, build_docx, build_xlsx

TEXT = [
    Paragraph("示例单位2024年度部门决算情况说明"),
    Paragraph("一、收入决算情况说明"),
    Paragraph("本年收入合计110.00万元，其中：财政拨款收入100.00万元，其他收入10.00万元。"),
    Paragraph("二、支出决算情况说明"),
    Paragraph("本年支出合计105.00万元，其中：基本支出75.00万元，项目支出30.00万元。"),
    Paragraph("三、“三公”经费支出决算情况说明"),
    Paragraph("“三公”经费财政拨款支出决算为6.00万元，其中：因公出国（境）费1.00万元，公务用车购置及运行维护费3.00万元，公务接待费2.00万元。"),
]

TOTALS = TableSpec(
    title="收入支出决算总表",
    rows=[
        [Merged("收入", colspan=2), None, Merged("支出", colspan=2), None],
        ["项目", "决算数", "项目", "决算数"],
        ["一、财政拨款收入", "100.00", "一、一般公共服务支出", "60.00"],
        ["二、其他收入", "10.00", "二、社会保障和就业支出", "45.00"],
        ["本年收入合计", "110.00", "本年支出合计", "105.00"],
        ["年初结转和结余", "5.00", "年末结转和结余", "10.00"],
        ["总计", "115.00", "总计", "115.00"],
    ],
)

SPENDING = TableSpec(
    title="支出决算表",
    rows=[
        [Merged("项目", colspan=2), None, Merged("本年支出合计", rowspan=2), Merged("基本支出", rowspan=2), Merged("项目支出", rowspan=2)],
        ["功能分类科目编码", "科目名称", None, None, None],
        [Merged("合计", colspan=2), None, "105.00", "75.00", "30.00"],
        ["201", "一般公共服务支出", "60.00", "40.00", "20.00"],
        ["20101", "人大事务", "60.00", "40.00", "20.00"],
        ["2010101", "行政运行", "40.00", "40.00", "0.00"],
        ["2010102", "一般行政管理事务", "20.00", "0.00", "20.00"],
        ["208", "社会保障和就业支出", "45.00", "35.00", "10.00"],
        ["20805", "行政事业单位养老支出", "45.00", "35.00", "10.00"],
        ["2080505", "机关事业单位基本养老保险缴费支出", "30.00", "30.00", "0.00"],
        ["2080506", "机关事业单位职业年金缴费支出", "15.00", "5.00", "10.00"],
    ],
)

THREE = TableSpec(
    title="财政拨款“三公”经费支出决算表",
    rows=[
        [
            Merged("合计", rowspan=2, colspan=2), None,
            Merged("因公出国（境）费", rowspan=2, colspan=2), None,
            Merged("公务用车购置及运行维护费", colspan=6), None, None, None, None, None,
            Merged("公务接待费", rowspan=2, colspan=2), None,
        ],
        [
            None, None, None, None,
            Merged("小计", colspan=2), None, Merged("公务用车购置费", colspan=2), None, Merged("公务用车运行维护费", colspan=2), None,
            None, None,
        ],
        ["预算数", "决算数"] * 6,
        ["8.00", "6.00", "2.00", "1.00", "4.00", "3.00", "0.00", "0.00", "4.00", "3.00", "2.00", "2.00"],
    ],
)

RATES = TableSpec(
    title="支出预算执行情况表",
    rows=[
        ["项目", "年初预算数", "决算数", "执行率"],
        ["栏次", "1", "2", "3=2/1"],
        ["基本支出", "80.00", "75.00", "93.8%"],
        ["项目支出", "40.00", "30.00", "75.0%"],
        ["合计", "120.00", "105.00", "87.5%"],
    ],
)

TABLES = [TOTALS, SPENDING, THREE, RATES]


def docx_report(tables=TABLES, text=TEXT) -> bytes:
    return build_docx([*text, *tables])


def xlsx_report(tables=TABLES) -> bytes:
    return build_xlsx([(t.title, t) for t in tables])


def check(name: str, data: bytes) -> FileResult:
    result = check_bytes(name, data, Config())
    assert result.error is None, result.error
    return result


def with_cell(tables: list[TableSpec], which: int, row: int, col: int, text: str) -> list[TableSpec]:
    out = copy.deepcopy(tables)
    cell = out[which].rows[row][col]
    if isinstance(cell, Merged):
        cell.text = text
    else:
        out[which].rows[row][col] = text
    return out


# ------------------------------------------------------------------ readers


def test_docx_lays_out_paragraphs_and_tables_with_cell_locations():
    doc = read_bytes("report.docx", docx_report())
    tables = [b.table for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 4
    spending = tables[1]
    assert len(spending.rows) == 11 and len(spending.rows[0]) == 5
    # a merged cell repeats in every slot it covers, and its text sits once in the layout
    assert spending.rows[0][0] is spending.rows[0][1]
    assert spending.rows[0][2] is spending.rows[1][2]
    assert spending.rows[0][2].rowspan == 2
    for table in tables:
        for row in table.rows:
            for cell in row:
                assert cell is not None
                assert doc.text[cell.start : cell.end] == cell.text
    assert "本年支出合计105.00万元" in doc.text
    assert "单位：万元" in spending.caption and "支出决算表" in spending.caption


def test_xlsx_reads_every_sheet_with_numbers_as_their_format_writes_them():
    doc = read_bytes("report.xlsx", xlsx_report())
    tables = [b.table for b in doc.blocks if b.kind == "table"]
    assert [t.name for t in tables] == [t.title for t in TABLES]
    rates = tables[3]
    assert [c.text for c in rates.rows[2]] == ["基本支出", "80.00", "75.00", "93.8%"]
    # the title and 单位 rows above the table are its caption, not table rows
    assert "单位：万元" in rates.caption
    assert tables[1].rows[2][0] is tables[1].rows[2][1]  # 合计 merged over code and name
    for table in tables:
        for row in table.rows:
            for cell in row:
                if cell is not None:
                    assert doc.text[cell.start : cell.end] == cell.text


@pytest.mark.parametrize(
    "raw, code, shown",
    [
        ("890.16999999999996", "0.00", "890.17"),
        ("1145.8", "#,##0.00", "1,145.80"),
        ("0.9375", "0.0%", "93.8%"),
        ("0.1", "General", "0.1"),
        ("3.0000000000000004", "General", "3"),
        ("-12.5", "#,##0.00;(#,##0.00)", "(12.50)"),
        ("1234567", "#,##0", "1,234,567"),
    ],
)
def test_excel_number_formats(raw, code, shown):
    from auditlint.sources.xlsx import format_number

    assert format_number(raw, code) == shown


# ---------------------------------------------------------------- consistent


@pytest.mark.parametrize("name, build", [("report.docx", docx_report), ("report.xlsx", xlsx_report)])
def test_a_consistent_report_has_no_findings_and_its_identities_are_checked(name, build):
    result = check(name, build())
    assert result.findings == [], [f.message for f in result.findings]
    assert result.tables.tables == 4
    kinds = result.claims
    assert kinds["table-total"].checked >= 10
    assert kinds["table-code"].checked >= 6
    assert kinds["table-formula"].checked == 3
    assert kinds["table-total"].not_assessable == 0
    if name.endswith(".docx"):
        assert kinds["text-table"].checked >= 6


# ----------------------------------------------------------------- mutations


def _finding_at(result: FileResult, rule: str, text: str) -> list:
    return [f for f in result.findings if f.rule == rule and f.evidence == text]


MUTATIONS = [
    # (description, table, row, col, new text, rule, evidence)
    ("a 项 figure", 1, 10, 3, "6.00", "TAB001", "6.00"),
    ("the 合计 line", 1, 2, 4, "31.00", "TAB001", "31.00"),
    ("a 类 figure only", 1, 3, 2, "61.00", "TAB001", "61.00"),
    ("the 支出 side's 总计", 0, 6, 3, "116.00", "TAB001", "116.00"),
    ("a 栏次 formula result", 3, 2, 3, "95.8%", "TAB003", "95.8%"),
    ("the 三公 小计", 2, 3, 4, "5.00", "TAB001", "5.00"),
]


@pytest.mark.parametrize("name, build", [("report.docx", docx_report), ("report.xlsx", xlsx_report)])
@pytest.mark.parametrize("what, table, row, col, text, rule, evidence", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_a_mutated_cell_is_reported_at_that_cell(name, build, what, table, row, col, text, rule, evidence):
    result = check(name, build(with_cell(TABLES, table, row, col, text)))
    hits = _finding_at(result, rule, evidence)
    assert hits, f"{what}: {[(f.rule, f.evidence, f.message) for f in result.findings]}"


def test_a_wrong_total_alone_is_reported_at_the_total_with_the_arithmetic():
    # 20805 = 2080505 + 2080506 in every column, but its 类 208 disagrees in 项目支出 only
    tables = with_cell(TABLES, 1, 8, 4, "10.00")
    tables = with_cell(tables, 1, 7, 4, "11.00")  # 208's 项目支出 now disagrees with 20805 and with its own line
    result = check("report.docx", docx_report(tables))
    hits = _finding_at(result, "TAB001", "11.00") + _finding_at(result, "TAB002", "11.00")
    assert hits and "10.00" in hits[0].message


def test_a_text_amount_that_disagrees_with_its_table_is_reported_in_the_text():
    text = list(TEXT)
    text[4] = Paragraph("本年支出合计105.00万元，其中：基本支出76.00万元，项目支出29.00万元。")
    result = check("report.docx", docx_report(text=text))
    hits = [f for f in result.findings if f.rule == "TAB005"]
    assert {f.evidence for f in hits} == {"76.00万元", "29.00万元"}
    assert all("支出决算表" in f.message and "“合计”行" in f.message for f in hits)
    assert hits[0].expected in ("75.00万元", "30.00万元")


def test_a_text_amount_in_yuan_is_compared_after_unit_conversion():
    text = list(TEXT)
    text[4] = Paragraph("本年支出合计1,050,000.00元，其中：基本支出750,000.00元，项目支出300,000.00元。")
    assert [f for f in check("report.docx", docx_report(text=text)).findings if f.rule == "TAB005"] == []
    text[4] = Paragraph("本年支出合计1,050,000.00元，其中：基本支出760,000.00元，项目支出290,000.00元。")
    hits = [f for f in check("report.docx", docx_report(text=text)).findings if f.rule == "TAB005"]
    assert {f.expected for f in hits} == {"750,000.00元", "300,000.00元"}


def test_three_public_expenses_text_is_held_against_its_table():
    text = list(TEXT)
    text[6] = Paragraph("“三公”经费财政拨款支出决算为6.00万元，其中：因公出国（境）费1.00万元，公务用车购置及运行维护费2.00万元，公务接待费3.00万元。")
    hits = [f for f in check("report.docx", docx_report(text=text)).findings if f.rule == "TAB005"]
    assert {f.evidence for f in hits} == {"2.00万元", "3.00万元"}


def _figure_cells(tables: list[TableSpec]):
    for t, spec in enumerate(tables):
        for r, row in enumerate(spec.rows):
            for c, cell in enumerate(row):
                text = cell.text if isinstance(cell, Merged) else cell
                if isinstance(text, str) and re.fullmatch(r"\d+\.\d+%?", text):
                    yield t, r, c, text


def _bump(text: str) -> str:
    """The same figure one unit off in its last whole digit: 45.00 -> 46.00, 93.8% -> 94.8%, 9.00 -> 0.00."""
    i = text.index(".") - 1
    return text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :]


@pytest.mark.parametrize("name, build", [("report.docx", docx_report), ("report.xlsx", xlsx_report)])
def test_every_mutation_that_breaks_an_identity_is_caught(name, build):
    cells = list(_figure_cells(TABLES))
    assert len(cells) >= 50
    for t, r, c, text in cells:
        new = _bump(text)
        result = check(name, build(with_cell(TABLES, t, r, c, new)))
        table_findings = [f for f in result.findings if f.rule.startswith("TAB")]
        assert table_findings, f"table {TABLES[t].title} row {r} col {c}: {text} -> {new} not caught"
        located = [f for f in table_findings if f.evidence == new or any(rel.evidence == new for rel in f.related)]
        assert located, f"{text} -> {new}: findings do not point at the cell: {[(f.rule, f.evidence) for f in table_findings]}"


def test_xlsx_formulas_inline_strings_and_hidden_sheets():
    import io
    import zipfile

    from .office import PKG_REL, R_NS, S_NS

    sheet = (
        f'<worksheet xmlns="{S_NS}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1" t="inlineStr"><is><r><t>决算</t></r><r><t>数</t></r></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>基本支出</t></is></c><c r="B2" s="1"><v>80</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>项目支出</t></is></c><c r="B3" s="1"><v>20</v></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>合计</t></is></c><c r="B4" s="1"><f>SUM(B2:B3)</f><v>110</v></c></row>'
        "</sheetData></worksheet>"
    )
    hidden = f'<worksheet xmlns="{S_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>草稿</t></is></c></row></sheetData></worksheet>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><sheets><sheet name="表一" sheetId="1" r:id="rId1"/>'
            '<sheet name="草稿" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{R_NS}/worksheet" Target="worksheets/a.xml"/>'
            f'<Relationship Id="rId2" Type="{R_NS}/worksheet" Target="/xl/worksheets/b.xml"/></Relationships>',
        )
        z.writestr("xl/styles.xml", f'<styleSheet xmlns="{S_NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="2"/></cellXfs></styleSheet>')
        z.writestr("xl/worksheets/a.xml", sheet)
        z.writestr("xl/worksheets/b.xml", hidden)
    data = buf.getvalue()
    document = read_bytes("book.xlsx", data)
    assert "草稿" not in document.text  # a hidden sheet is not part of the report
    assert "决算数" in document.text and "80.00" in document.text
    result = check("book.xlsx", data)
    assert [(f.rule, f.evidence) for f in result.findings] == [("TAB001", "110.00")]  # the formula's cached value is what shows


GENERAL_BUDGET = TableSpec(
    title="一般公共预算财政拨款支出决算表",
    rows=[
        [Merged("项目", colspan=2), None, Merged("合计", rowspan=2), Merged("基本支出", rowspan=2), Merged("项目支出", rowspan=2)],
        ["功能分类科目编码", "科目名称", None, None, None],
        ["201", "一般公共服务支出", "90.00", "70.00", "20.00"],
        [Merged("合计", colspan=2), None, "90.00", "70.00", "20.00"],
    ],
)


def test_a_section_heading_gives_the_text_its_scope():
    def report(general_basic: str) -> bytes:
        return build_docx(
            [
                Paragraph("二、支出决算情况说明"),
                Paragraph("本年支出合计105.00万元，其中：基本支出75.00万元，项目支出30.00万元。"),
                Paragraph("三、一般公共预算财政拨款支出决算情况说明"),
                Paragraph(f"2024年度基本支出{general_basic}万元。"),
                SPENDING,
                GENERAL_BUDGET,
            ]
        )

    assert [f for f in check("report.docx", report("70.00")).findings if f.rule == "TAB005"] == []
    hits = [f for f in check("report.docx", report("75.00")).findings if f.rule == "TAB005"]
    assert [f.evidence for f in hits] == ["75.00万元"]
    assert "一般公共预算财政拨款支出决算表" in hits[0].message and "疑将其他口径的数字" in hits[0].message
