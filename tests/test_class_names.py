"""TAB008: the 类/款/项 the narrative names, walked down the codes of the report's tables."""

from __future__ import annotations

from auditlint.model import Severity
from tests.conftest import check_text

TABLE = """支出决算表
单位：万元
项目
本年支出合计 基本支出 项目支出
合计 90.00 60.00 30.00
204 公共安全支出 40.00 40.00
20406 司法 10.00 10.00
2040607 公共法律服务 10.00 10.00
20499 其他公共安全支出 30.00 30.00
2049999 其他公共安全支出 30.00 30.00
207 文化旅游体育与传媒支出 50.00 50.00
20703 体育 50.00 50.00
2070308 群众体育 30.00 30.00
2070399 其他体育支出 20.00 20.00
注：本表反映部门本年度各项支出情况。
五、一般公共预算财政拨款支出决算情况说明
"""


def _tab008(text: str):
    return check_text(TABLE + text, select=("TAB008",)).findings


def test_names_as_the_tables_write_them_pass():
    text = (
        "1.“公共安全支出（类）司法（款）公共法律服务（项）”10.00 万元。\n"
        "2.“文化旅游体育与传媒支出（类）体育（款）群众体育（项）”30.00 万元。\n"
    )
    assert _tab008(text) == []


def test_an_obsolete_class_name_is_a_note_naming_the_tables_own():
    found = _tab008("1.“文化体育与传媒支出（类）体育（款）群众体育（项）”30.00 万元。\n")
    assert len(found) == 1 and found[0].severity == Severity.INFO
    assert found[0].evidence == "文化体育与传媒支出" and "207 文化旅游体育与传媒支出" in found[0].message


def test_an_item_under_the_wrong_section_is_reported_at_the_section():
    found = _tab008("1.“公共安全支出（类）司法（款）其他公共安全支出（项）”30.00 万元。\n")
    assert len(found) == 1 and found[0].evidence == "司法"
    assert "20499 其他公共安全支出" in found[0].message


def test_an_item_the_section_does_not_have_is_a_warning_listing_what_it_has():
    found = _tab008("1.“文化旅游体育与传媒支出（类）体育（款）体育（项）”25.00 万元。\n")
    assert len(found) == 1 and found[0].severity == Severity.WARNING
    assert "2070308 群众体育" in found[0].message and "2070399 其他体育支出" in found[0].message


def test_a_name_wrapped_over_two_lines_is_one_name():
    assert _tab008("1.“文化旅游体育与\n传媒支出（类）体育（款）群众体育（项）”30.00 万元。\n") == []


def test_an_item_told_by_its_amount_is_named():
    found = _tab008("1.“文化旅游体育与传媒支出（类）体育（款）大众体育（项）”30.00 万元。\n")
    assert len(found) == 1 and "2070308 群众体育" in found[0].message and found[0].severity == Severity.INFO


def test_level_marks_spaced_by_extraction_are_read():
    # pdftotext and letter-spaced lines give "( 项 )" and "（ 类 ）"
    found = _tab008("1.“文化体育与传媒支出 （ 类 ） 体育 ( 款 ) 群众体育 ( 项 ) ”30.00 万元。\n")
    assert len(found) == 1 and found[0].evidence == "文化体育与传媒支出"
    assert _tab008("1.“公共安全支出 ( 类 ) 司法 ( 款 ) 公共法律服务 ( 项 ) ”10.00 万元。\n") == []


def test_a_spaced_item_level_is_not_read_as_its_section():
    # the 项 of "( 项 )" is a 项: its amount is held to the 项's line, not to the 款 above it
    table = TABLE.replace("支出决算表\n", "一般公共预算财政拨款支出决算表\n", 1)
    text = "1.“文化旅游体育与传媒支出（类）体育（款）群众体育 ( 项 ) ”{} 万元。\n"
    assert check_text(table + text.format("30.00"), select=("TAB005",)).findings == []
    found = check_text(table + text.format("35.00"), select=("TAB005",)).findings
    assert len(found) == 1 and "2070308 群众体育" in found[0].message


def test_an_item_number_without_its_full_stop_is_not_part_of_the_name():
    # "18 社 会…": a number that lost its "." (DOC001's), then a letter-spaced name
    assert _tab008("18 公 共 安 全 支 出 （ 类 ） 司 法 （ 款 ） 公 共 法 律 服 务 （ 项 ） 10.00 万 元 。\n") == []
