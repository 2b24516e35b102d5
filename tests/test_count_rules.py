"""COUNT rules: a count and its list, a total stated twice, staff and establishment, vehicles."""

from __future__ import annotations

from .conftest import check_text


def found(text: str, rule: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in check_text(text, select=(rule,)).findings]


def test_a_count_and_a_shorter_list():
    result = found("开展进社区展览3场：东风社区、红旗社区，按计划推进。", "COUNT001")
    assert len(result) == 1 and "列出的是 2 项" in result[0][1]


def test_a_count_spaced_from_its_words():
    # pdftotext puts a space between a figure and the CJK word beside it ("设 9 个内设机构")
    result = found("招商服务中心设 9 个内设机构：办公室、投资促进股、区域协作股、招商股。", "COUNT001")
    assert len(result) == 1 and "列出的是 4 项" in result[0][1]


def test_a_count_and_a_longer_list_with_分别是():
    assert len(found("共培训2期，分别是：教师班、学生班、家长班。", "COUNT001")) == 1


def test_chinese_numerals_and_lists_joined_by_和():
    assert found("组织三所学校：城南小学、城北中学和实验小学。", "COUNT001") == []
    assert len(found("组织四所学校：城南小学、城北中学和实验小学。", "COUNT001")) == 1


def test_a_list_marked_partial_is_not_counted():
    assert found("走进学校10所：城南小学、城北中学等。", "COUNT001") == []
    assert found("获奖5项：如一等奖、二等奖。", "COUNT001") == []
    assert found("获奖3项：一等奖1项、二等奖2项。", "COUNT001") == []


def test_the_same_total_stated_twice_in_a_section():
    text = "八、预算绩效情况\n（一）本部门共涉及项目5个，资金300万元。\n（二）项目自评结果\n本部门共涉及 6个一级项目。"
    result = found(text, "COUNT002")
    assert len(result) == 1 and result[0][0] == 2


def test_totals_in_different_sections_or_years_are_different_totals():
    text = "八、预算绩效情况\n本部门共涉及项目5个。\n九、其他事项\n本部门共涉及项目6个。"
    assert found(text, "COUNT002") == []
    text = "2023年度工作总结\n2023年共开展活动12场。2022年共开展活动9场。"
    assert found(text, "COUNT002") == []


def test_a_sub_count_is_not_a_second_total():
    assert found("本部门共涉及项目5个，其中一级项目3个。", "COUNT002") == []


def test_staff_above_the_establishment():
    result = found("本单位事业编制20名，实际在岗24人。", "COUNT003")
    assert len(result) == 1 and "超出编制 4 人" in result[0][1]
    assert found("本单位事业编制20名，实际在岗19人；编外编制5名，实际在岗5名。", "COUNT003") == []


def test_vehicle_counts_in_the_two_sections():
    text = "2023年公务用车保有量2辆。\n六、国有资产占用情况\n截至2023年12月31日，本部门共有车辆3辆。"
    assert len(found(text, "COUNT004")) == 1
    assert found(text.replace("共有车辆3辆", "共有车辆2辆"), "COUNT004") == []


def test_a_breakdown_by_rating_that_falls_short_of_the_count():
    text = "绩效自评的2025年度项目53个，涉及预算金额6993.22万元，平均得分95.55分（其中，绩效评级为“优”的项目{}）。"
    result = check_text(text.format("50个"), select=("COUNT005",)).findings
    assert len(result) == 1 and "其余 3 个" in result[0].message and result[0].evidence.startswith("绩效评级")
    assert check_text(text.format("50个；绩效评级为“良”的项目3个；绩效评级为“合格”的项目0个"), select=("COUNT005",)).findings == []
    assert "多出 2 个" in check_text(text.format("50个；绩效评级为“良”的项目5个"), select=("COUNT005",)).findings[0].message


def test_a_breakdown_across_line_breaks_is_read_whole():
    text = "绩效自评的2025年度项目48个，涉及预算金额4,974.93万元，平均得分99.22分\n（其中，绩效评级为“优”的项目48个；绩效评级为“良”的项\n目0个；绩效评级为“合格”的项目0个；绩效评级为“不合格”\n的项目0个）。\n"
    assert check_text(text, select=("COUNT005",)).findings == []
