"""Inputs a fuzz campaign found to blow up time, memory or a rule: each ends in findings or a clear record."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from rich.cells import cell_len

from auditlint.api import check_bytes
from auditlint.engine import load_rules
from auditlint.model import EXCERPT_CONTEXT
from auditlint.numbering import cn_numeral
from auditlint.numbers import format_amount, quantize
from auditlint.report import render
from auditlint.sources import ReadError, read_bytes

from .conftest import check_text, rules_of
from .fuzzing import nested_merges, one_line_report, parts_of, sheet, workbook, zipped
from .office import S_NS, Paragraph, build_docx

# ----------------------------------------------------------------------------- memory: findings on a long line


def test_a_finding_keeps_an_excerpt_of_its_line_not_the_line():
    text = one_line_report(60_000)
    findings = check_bytes("long.txt", text.encode()).findings
    assert len(findings) > 100
    for f in findings:
        assert f.line == 2
        assert len(f.excerpt) <= 2 * EXCERPT_CONTEXT + max(1, len(f.evidence))
        assert f.excerpt in text
    # what all findings keep together grows with the findings, not with findings × line length
    assert sum(len(f.excerpt) for f in findings) < 200 * len(findings)


def test_the_code_frame_of_a_long_line_is_cut_around_the_span():
    text = one_line_report(20_000)
    result = check_bytes("long.txt", text.encode())
    f = next(f for f in result.findings if f.rule == "CHG001" and f.column > 1000)
    report = render("text", [result.model_copy(update={"findings": [f]})])
    shown = next(line for line in report.splitlines() if line.startswith("2 | "))
    assert shown.startswith("2 | …") and shown.endswith("…")
    assert len(shown) <= len("2 | ") + 2 * EXCERPT_CONTEXT + len(f.evidence) + 2
    marks = next(line for line in report.splitlines() if "^" in line)
    # the underline sits under the span (counted in terminal cells: a CJK character takes two)
    assert marks.index("^") == cell_len(shown[: shown.index(f.evidence)])
    assert marks.count("^") == cell_len(f.evidence)


# ----------------------------------------------------------------------------- figures of 29 digits and more

RULES = load_rules()
_DECIMAL = re.compile(r"\d[\d,]*\.\d+(?!\d*%)")


def _scaled(text: str, digits: int) -> str:
    """Every amount (a figure with decimals, not a percentage) times 10**digits: the same claims, huge figures."""

    def scale(m: re.Match[str]) -> str:
        raw = m.group().replace(",", "")
        places = len(raw.split(".")[1])
        return f"{Decimal(raw).scaleb(digits):.{places}f}"

    return _DECIMAL.sub(scale, text)


@pytest.mark.parametrize("rule_id", ["SUM001", "CHG001", "PCT001", "EXE001", "TAB001", "TAB003"])
@pytest.mark.parametrize("digits", [25, 200])
def test_huge_figures_are_checked_like_any_other(rule_id, digits):
    examples = RULES[rule_id].examples()
    for bad in examples["bad"]:
        text = _scaled(bad, digits)
        assert re.search(rf"\d{{{digits + 2}}}", text)  # figures of 27 digits and more
        result = check_text(text)
        assert not result.internal_errors, result.internal_errors
        assert rule_id in rules_of(result)
    for good in examples["good"]:
        result = check_text(_scaled(good, digits))
        assert not result.internal_errors and not result.findings, [f.message for f in result.findings]


HUGE = "1" * 30
RATE_OF_A_HUGE_FIGURE = {  # a huge amount against a small one: the rate recomputed has 33 digits
    "EXE001": f"年初预算为0.01万元，支出决算为{HUGE}.49万元，完成年初预算的128.5%。",
    "PCT001": f"2021年全年预算0.01万元，其中：基本支出预算{HUGE}.49万元，占比89.4%；项目支出预算106.28万元，占比10.60%。",
    "TAB003": f"单位：万元\n项目 | 调整预算数 | 决算数 | 执行率\n栏次 | 1 | 2 | 3=2/1\n基本支出 | 0.01 | {HUGE}.00 | 85.0%",
    "CHG001": f"机关运行经费支出{HUGE}.39万元，比上年减少0.01万元，下降93.4%。",
}


@pytest.mark.parametrize("rule_id", sorted(RATE_OF_A_HUGE_FIGURE))
def test_a_rate_of_29_digits_and_more_is_checked(rule_id):
    result = check_text(RATE_OF_A_HUGE_FIGURE[rule_id])
    assert not result.internal_errors, result.internal_errors
    assert rule_id in rules_of(result)


def test_sums_of_huge_figures_stay_exact():
    # 10**39 + 1: a sum rounded to Python's default 28 digits loses the 1, and the error below with it
    big = "1" + "0" * 39
    right = f"本年支出合计{big[:-1]}1.00元，其中：基本支出{big}.00元，项目支出1.00元。"
    wrong = right.replace(f"{big[:-1]}1.00元，其中", f"{big[:-1]}3.00元，其中")
    assert check_text(right).findings == []
    [finding] = check_text(wrong).findings
    assert finding.rule == "SUM001" and "少 2.00 元" in finding.message


def test_a_huge_figure_is_rounded_exactly_in_a_message():
    assert quantize(Decimal("1" * 40 + ".125"), 2) == Decimal("1" * 40 + ".13")
    assert format_amount(Decimal("9" * 35 + ".995"), 2) == "1" + "0" * 35 + ".00"


# ----------------------------------------------------------------------------- time: nested merged cells


def test_overlapping_merges_are_laid_out_in_time_linear_in_the_grid():
    # each of the n merges covers most of an n × n grid: covering slot by slot took n³ steps (12.7 KB: minutes)
    n = 60
    document = read_bytes("nested.xlsx", nested_merges(n))
    [table] = [b.table for b in document.blocks if b.table is not None]
    corners = [table.rows[k][k] for k in range(n)]
    assert [c.text for c in corners] == [f"项目{k}" for k in range(n)]
    # the first merge covers the grid; the ones that overlap it are read as single cells
    assert (corners[0].rowspan, corners[0].colspan) == (n, n)
    assert all((c.rowspan, c.colspan) == (1, 1) for c in corners[1:])
    assert table.rows[n - 1][0] is corners[0]


def test_merges_that_do_not_overlap_are_all_kept():
    # a header of two merged pairs over four columns, and a fifth column merged down the body
    cells = ['<c r="A1" t="inlineStr"><is><t>本年</t></is></c><c r="C1" t="inlineStr"><is><t>上年</t></is></c>'
             '<c r="E1" t="inlineStr"><is><t>备注</t></is></c>']
    for r in range(2, 5):
        cells.append("".join(f'<c r="{col}{r}"><v>{r}{i}</v></c>' for i, col in enumerate("ABCD")))
    cells[1] += '<c r="E2" t="inlineStr"><is><t>说明</t></is></c>'
    rows = "".join(f'<row r="{i + 1}">{c}</row>' for i, c in enumerate(cells))
    merges = '<mergeCell ref="A1:B1"/><mergeCell ref="C1:D1"/><mergeCell ref="E2:E4"/>'
    document = read_bytes("tiles.xlsx", workbook(sheet(rows, merges)))
    [table] = [b.table for b in document.blocks if b.table is not None]
    spans = {c.text: (c.rowspan, c.colspan) for row in table.rows for c in row if c is not None and not c.text.isdigit()}
    assert spans == {"本年": (1, 2), "上年": (1, 2), "备注": (1, 1), "说明": (3, 1)}


# ----------------------------------------------------------------------------- xlsx: numbers past what decimal holds

EXTREME_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{S_NS}"><numFmts count="3">'
    '<numFmt numFmtId="164" formatCode="0.' + "0" * 120 + '"/>'
    '<numFmt numFmtId="165" formatCode="#,##0' + "," * 400 + '"/>'
    '<numFmt numFmtId="166" formatCode="yyyy-mm-dd"/></numFmts>'
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="4"/><xf numFmtId="164"/><xf numFmtId="165"/>'
    '<xf numFmtId="166"/></cellXfs></styleSheet>'
)


def test_numbers_and_formats_past_decimal_precision_are_shown_as_stored():
    values = [("1E+28", 1), ("1e30", 0), ("1E+28", 2), ("12.5", 3), ("7", 4), ("1E+999999", 5), ("890.17000000000007", 2)]
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>'
    rows += "".join(
        f'<row r="{i + 2}"><c r="A{i + 2}" t="inlineStr"><is><t>项目{i}</t></is></c><c r="B{i + 2}" s="{style}"><v>{raw}</v></c></row>'
        for i, (raw, style) in enumerate(values)
    )
    parts = parts_of(workbook(sheet(rows)))
    parts["xl/styles.xml"] = EXTREME_STYLES.encode()
    data = zipped(parts)
    result = check_bytes("extreme.xlsx", data)
    assert result.error is None and not result.internal_errors, result.error
    text = read_bytes("extreme.xlsx", data).text
    # (7 scaled down by 1000 four hundred times shows as 0, as Excel shows it)
    for shown in ("\t1E+28\n", "\t1e30\n", "\t12.5\n", "项目4\t0\n", "\t1E+999999\n", "\t890.17\n"):
        assert shown in text


# ----------------------------------------------------------------------------- section numbers past 九十九


def test_chinese_numerals_are_written_up_to_9999():
    written = {1: "一", 10: "十", 15: "十五", 99: "九十九", 100: "一百", 101: "一百零一", 110: "一百一十",
               115: "一百一十五", 999: "九百九十九", 1000: "一千", 1010: "一千零一十", 2024: "二千零二十四",
               9999: "九千九百九十九"}
    assert {n: cn_numeral(n) for n in written} == written


def test_a_section_numbered_past_ninety_nine_is_checked():
    sections = "".join(f"{cn_numeral(i)}、第{i}项支出情况\n本项支出{i}.00万元。\n" for i in range(1, 100))
    result = check_text(sections + "九十九、其他支出情况\n其他支出1.00万元。\n")
    assert not result.internal_errors, result.internal_errors
    [repeat] = [f for f in result.findings if f.rule == "DOC001"]
    assert repeat.expected == "一百、" and repeat.line == 199


# ----------------------------------------------------------------------------- DTDs in any encoding

W_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
)
ENTITY = '<!DOCTYPE d [<!ENTITY x "本年支出合计1.00万元。">]>'


def _docx_part(xml: bytes) -> bytes:
    parts = parts_of(build_docx([Paragraph("收入合计1.00万元。")]))
    parts["word/document.xml"] = xml
    return zipped(parts)


def _read_code(name: str, data: bytes) -> str | None:
    try:
        read_bytes(name, data)
    except ReadError as exc:
        assert exc.message
        return exc.code
    return None


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
@pytest.mark.parametrize("declared", ["as encoded", "UTF-16 or UTF-32", "not"])
def test_a_dtd_is_refused_whatever_the_encoding(encoding, declared):
    name = {"as encoded": encoding.upper(), "UTF-16 or UTF-32": encoding[:6].upper(), "not": ""}[declared]
    head = f'<?xml version="1.0" encoding="{name}"?>' if name else ""
    xml = (head + ENTITY + W_DOCUMENT.format(text="&x;&x;")).encode(encoding)  # no byte-order mark
    assert _read_code("report.docx", _docx_part(xml)) == "corrupt"


def test_a_part_in_utf16_without_a_dtd_is_read():
    xml = ('<?xml version="1.0" encoding="UTF-16"?>' + W_DOCUMENT.format(text="本年支出合计1.00万元。")).encode("utf-16-le")
    assert "本年支出合计1.00万元。" in read_bytes("report.docx", _docx_part(xml)).text


@pytest.mark.parametrize("encoding", ["no-such-encoding", "rot13", "punycode"])
def test_an_unknown_xml_encoding_is_a_corrupt_file(encoding):
    xml = (f'<?xml version="1.0" encoding="{encoding}"?>' + W_DOCUMENT.format(text="收入")).encode()
    assert _read_code("report.docx", _docx_part(xml)) == "corrupt"
    result = check_bytes("report.docx", _docx_part(xml))
    assert result.error_code == "corrupt"
