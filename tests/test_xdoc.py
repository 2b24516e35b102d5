"""Reports held against each other (XDOC): who wrote each, the facts they give, and the findings between them."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from auditlint.api import check_bytes, cross_check
from auditlint.cli import main
from auditlint.config import Config
from auditlint.crossdoc.identity import identify, normalise
from auditlint.model import FileResult

from .archive import archive, body_name
from .office import Paragraph, TableSpec, build_docx, build_xlsx

ORG = "上海市示例区文化馆"


def check(name: str, text: str | bytes) -> FileResult:
    return check_bytes(name, text.encode("utf-8") if isinstance(text, str) else text, Config())


def cross(*reports: tuple[str, str | bytes]) -> list:
    results = [check(name, text) for name, text in reports]
    return cross_check(results).findings


def final(year: int, body: str, org: str = ORG, level: str = "部门") -> str:
    return f"{org}{year}年度{level}决算\n一、收入支出决算总体情况说明\n{body}\n"


def prior_pair(change: str, last_year: str, org_now: str = ORG, org_then: str = ORG) -> list:
    """A 2024 决算 stating a change against 2023, and the 2023 决算 stating its own figure."""
    return cross(("now.txt", final(2024, change, org_now)), ("then.txt", final(2023, last_year, org_then)))


# ----------------------------------------------------------------------------- identity


@pytest.mark.parametrize(
    "head, entity, level, kind, year, subject",
    [
        ("上海市普陀区文化和旅游局\n2025 年度部门决算\n目 录\n第一部分 概况", "上海市普陀区文化和旅游局", "部门", "决算", 2025, ""),
        ("上海市普陀区2026年区级部门预算\n预算主管部门：上海市普陀区城市管理行政执法局\n目 录", "上海市普陀区城市管理行政执法局", "部门", "预算", 2026, ""),
        ("2021年度北京市门头沟区科学技术协会\n 第一部分 2021年度部门决算报表\n", "北京市门头沟区科学技术协会", "部门", "决算", 2021, ""),
        ("事业单位法人年度报告书\n\n(2021) 年度\n\n单位名称(加盖公章)  杭州低碳科技馆(中国杭州低碳科技馆)\n", "杭州低碳科技馆(中国杭州低碳科技馆)", "单位", "年度报告", 2021, ""),
        ("江川市青溪区科学技术协会\n2023年度科普阵地建设项目支出绩效自评报告\n一、项目基本情况", "江川市青溪区科学技术协会", "", "绩效自评", 2023, "科普阵地建设"),
        ("上海市示例区文化馆2024年度部门整体支出绩效自评报告\n一、部门概况", "上海市示例区文化馆", "部门", "绩效自评", 2024, "整体"),
        ("上海市普陀区文化和旅游局（本级）2025年度单位决算\n一、收入支出决算总体情况说明", "上海市普陀区文化和旅游局（本级）", "单位", "决算", 2025, ""),
        ("第一部分 武汉市洪山区科学技术协会概况\n一、部门主要职能\n武汉市洪山区科学技术协会部门决算由本级决算组成。", "武汉市洪山区科学技术协会", "部门", "决算", None, ""),
    ],
)
def test_a_report_names_itself_in_its_title_and_cover(head, entity, level, kind, year, subject):
    i = identify(head)
    assert (i.entity, i.level, i.kind, i.year, i.subject) == (entity, level, kind, year, subject)


def test_a_report_that_does_not_say_who_wrote_it_says_so():
    i = identify("一、收入支出决算总体情况说明\n2023年度收入支出总计100.00万元。\n", 2023)
    assert not i.readable and "主体" in i.problem and i.kind == "决算" and i.year == 2023


@pytest.mark.parametrize(
    "a, b",
    [
        ("中国共产党上海市普陀区委员会宣传部", "中共上海市普陀区委宣传部"),
        ("上海市普陀区人民政府石泉路街道办事处", "上海市普陀区石泉路街道"),
        ("杭州低碳科技馆（中国杭州低碳科技馆）", "杭州低碳科技馆"),
        ("上海市普陀区 文化和旅游局", "上海市普陀区文化和旅游局"),
    ],
)
def test_one_body_however_its_name_is_written(a, b):
    assert normalise(a)[:2] == normalise(b)[:2]


def test_places_are_kept_apart_from_the_body():
    assert normalise("上海市普陀区城市管理行政执法局") == (("上海市", "普陀区"), "城市管理行政执法局", "")
    assert normalise("上海市普陀区文化和旅游局（本级）") == (("上海市", "普陀区"), "文化和旅游局", "单位")
    assert normalise("中共上海市委宣传部")[0] == ("上海市",) != normalise("中共上海市普陀区委宣传部")[0]


def test_identity_is_in_the_json_report(tmp_path):
    (tmp_path / "a.txt").write_text(final(2024, "2024年度收入支出总计1,200.00万元。"), encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(tmp_path / "a.txt")]).output)
    identity = out["files"][0]["identity"]
    assert identity == {"entity": ORG, "region": ["上海市", "示例区"], "body": "文化馆", "level": "部门", "kind": "决算",
                        "year": 2024, "subject": None, "problem": None}


# ----------------------------------------------------------------------------- the rules, pair by pair

CHANGE = "2024年度收入支出总计1,200.00万元。与2023年度相比，收入支出总计增加200.00万元，增长20.0%。"


def test_a_prior_year_figure_is_held_to_last_years_report_at_both_places():
    [f] = prior_pair(CHANGE, "2023年度收入支出总计1,100.00万元。")
    assert (f.rule, f.path, f.line, f.evidence) == ("XDOC001", "now.txt", 3, "增加200.00万元")
    assert f.expected == "增加 100.00 万元" and "then.txt 第 3 行" in f.message and "1,000.00 万元" in f.message
    [r] = f.related
    assert (r.path, r.line, r.evidence) == ("then.txt", 3, "1,100.00万元")


def test_last_years_figure_in_another_unit_within_rounding_is_no_finding():
    # 1,500.00 万元 − 265.43 万元 = 1,234.57 万元 (± 0.01): 12,345,678.90 元 is 1,234.567890 万元
    change = "2024年度收入支出总计1,500.00万元。与2023年度相比，收入支出总计增加265.43万元，增长21.5%。"
    assert prior_pair(change, "2023年度收入支出总计12,345,678.90元。") == []
    wrong = change.replace("265.43", "265.45")  # two units in the last place: a real difference
    assert [f.rule for f in prior_pair(wrong, "2023年度收入支出总计12,345,678.90元。")] == ["XDOC001"]


def test_a_three_public_part_of_last_year():
    now = "2024年度公务接待费支出决算比2023年度减少0.50万元，下降20.0%。"
    assert prior_pair("公务接待费支出2.00万元。" + now, "公务接待费支出2.50万元。") == []
    [f] = prior_pair("公务接待费支出2.00万元。" + now, "公务接待费支出2.60万元。")
    assert f.rule == "XDOC001" and "公务接待费" in f.message


def test_the_initial_budget_of_the_accounts_is_the_budget_reports():
    accounts = final(2024, "一般公共预算财政拨款支出年初预算为500.00万元，支出决算为480.00万元，完成年初预算的96.0%。")
    budget = f"{ORG}2024年部门预算\n一、部门预算编制说明\n2024年一般公共预算拨款支出预算{{}}万元。\n"
    assert cross(("final.txt", accounts), ("budget.txt", budget.format("500.00"))) == []
    [f] = cross(("final.txt", accounts), ("budget.txt", budget.format("520.00")))
    assert (f.rule, f.path, f.line, f.related[0].path) == ("XDOC002", "final.txt", 3, "budget.txt")


def test_an_adjusted_budget_is_not_the_budget_reports():
    accounts = final(2024, "一般公共预算财政拨款支出调整预算为520.00万元，支出决算为480.00万元，完成调整预算的92.3%。")
    budget = f"{ORG}2024年部门预算\n一、部门预算编制说明\n2024年一般公共预算拨款支出预算500.00万元。\n"
    assert cross(("final.txt", accounts), ("budget.txt", budget)) == []


def test_a_item_budget_against_the_budget_reports_table():
    accounts = final(
        2024,
        "一般公共预算财政拨款支出年初预算为300.00万元，支出决算为290.00万元，完成年初预算的96.67%。其中：\n"
        "1、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为{}万元，支出决算为290.00万元。",
    )
    table = (
        f"{ORG}2024年部门预算\n2024年部门一般公共预算支出功能分类预算表\n编制部门：{ORG}\t单位：万元\n"
        "功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出\n\t合计\t300.00\t300.00\t0.00\n"
        "221\t住房保障支出\t300.00\t300.00\t0.00\n22102\t住房改革支出\t300.00\t300.00\t0.00\n2210201\t住房公积金\t300.00\t300.00\t0.00\n"
    )
    assert cross(("final.txt", accounts.format("300.00")), ("budget.txt", table)) == []
    findings = cross(("final.txt", accounts.format("280.00")), ("budget.txt", table))
    assert [(f.rule, f.line) for f in findings] == [("XDOC002", 4)] and "住房公积金（项）" in findings[0].message


def test_last_years_budget_a_budget_implies():
    budget = f"{ORG}{{year}}年部门预算\n一、部门预算编制说明\n{{text}}\n"
    now = budget.format(year=2025, text="2025年“三公”经费预算数为15.00万元，比2024年预算增加5.00万元。")
    then = budget.format(year=2024, text="2024年“三公”经费预算数为10.00万元。")
    assert cross(("2025.txt", now), ("2024.txt", then)) == []
    [f] = cross(("2025.txt", now.replace("增加5.00", "增加3.00")), ("2024.txt", then))
    assert (f.rule, f.path, f.expected) == ("XDOC003", "2025.txt", "增加 5.00 万元")
    # "比上年增加" in a budget: last year's budget or its execution, the words do not say
    assert cross(("2025.txt", now.replace("比2024年预算增加3.00", "比上年增加3.00")), ("2024.txt", then)) == []


def test_a_budgets_last_year_is_held_to_the_budget_report_not_to_a_quotation_of_it():
    """The 2024 budget is in the archive: the 2025 budget is held to it alone, not also to the 2024 决算's 年初预算."""
    budget = f"{ORG}{{year}}年部门预算\n一、部门预算编制说明\n{{text}}\n"
    now = budget.format(year=2025, text="2025年“三公”经费预算数为15.00万元，比2024年预算增加5.00万元。")
    then = budget.format(year=2024, text="2024年“三公”经费预算数为10.00万元。")
    accounts = final(2024, "“三公”经费财政拨款支出年初预算为12.00万元，支出决算为9.00万元，完成年初预算的75.0%。")
    findings = cross(("2025.txt", now), ("2024.txt", then), ("2024-final.txt", accounts))
    assert [(f.rule, f.path) for f in findings] == [("XDOC002", "2024-final.txt")]


def test_a_self_evaluation_against_the_accounts():
    evaluation = f"{ORG}2024年度部门整体支出绩效自评报告\n一、部门整体支出情况\n2024年实际支出{{}}万元。\n"
    accounts = final(2024, "本年支出合计1,200.00万元。")
    assert cross(("eval.txt", evaluation.format("1,200.00")), ("final.txt", accounts)) == []
    [f] = cross(("eval.txt", evaluation.format("1,180.00")), ("final.txt", accounts))
    assert (f.rule, f.path) == ("XDOC004", "eval.txt")
    project = f"{ORG}2024年度科普阵地建设项目支出绩效自评报告\n一、项目资金情况\n2024年实际支出1,180.00万元。\n"
    assert cross(("eval.txt", project), ("final.txt", accounts)) == []  # one project's funds are not the body's


# ----------------------------------------------------------------------------- only the same body, the same scope


def test_reports_of_other_bodies_are_never_compared():
    last = "2023年度收入支出总计1,100.00万元。"
    assert prior_pair(CHANGE, last, org_then="上海市示例区图书馆") == []
    assert prior_pair(CHANGE, last, org_then="浙江省示例市示例区文化馆") == []  # another 示例区
    assert cross(("now.txt", final(2024, CHANGE)), ("then.txt", final(2023, last, level="单位"))) == []  # 部门 vs 单位


def test_a_name_without_its_places_joins_the_one_body_it_can_be():
    last = final(2023, "2023年度收入支出总计1,100.00万元。", org="示例区文化馆")
    assert [f.rule for f in cross(("now.txt", final(2024, CHANGE)), ("then.txt", last))] == ["XDOC001"]
    results = [
        check("now.txt", final(2024, CHANGE)),
        check("other.txt", final(2024, CHANGE, org="浙江省示例市示例区文化馆")),
        check("then.txt", last),
    ]
    outcome = cross_check(results)
    assert outcome.findings == [] and outcome.ambiguous == ["then.txt"]


def test_two_reports_of_one_body_kind_and_year_are_not_compared():
    results = [check(n, final(2024, CHANGE)) for n in ("draft.txt", "published.txt")]
    results.append(check("then.txt", final(2023, "2023年度收入支出总计1,100.00万元。")))
    outcome = cross_check(results)
    assert outcome.findings == [] and outcome.duplicates == [["draft.txt", "published.txt"]]


def test_scopes_are_never_mixed():
    # all 财政拨款 against 一般公共预算; 一般公共预算's 基本支出 against all funds' 基本支出
    change = "财政拨款支出1,200.00万元，与2023年度相比，财政拨款支出增加200.00万元，增长20.0%。"
    assert prior_pair(change, "一般公共预算财政拨款支出1,100.00万元。") == []
    scoped = "一般公共预算财政拨款支出1,200.00万元，其中：基本支出800.00万元，比2023年度增加100.00万元，增长14.3%；项目支出400.00万元。"
    assert prior_pair(scoped, "本年支出合计2,000.00万元，其中：基本支出800.00万元，项目支出1,200.00万元。") == []


def test_a_report_whose_prior_year_was_restated_is_not_held_to_last_years():
    restated = CHANGE + "上年数据已按可比口径调整。"
    assert prior_pair(restated, "2023年度收入支出总计1,100.00万元。") == []


def test_a_change_that_does_not_add_up_is_left_to_the_rules_of_its_own_report():
    broken = CHANGE.replace("增长20.0%", "增长35.0%")
    assert prior_pair(broken, "2023年度收入支出总计1,100.00万元。") == []


def test_a_unit_slip_between_reports_is_named():
    [f] = prior_pair(CHANGE, "2023年度收入支出总计10,000,000.00万元。")
    assert "一万倍" in f.message


# ----------------------------------------------------------------------------- Word and Excel


def test_a_word_report_against_an_excel_one():
    docx = build_docx([Paragraph(f"{ORG}2024年度部门决算"), Paragraph("一、收入支出决算总体情况说明"), Paragraph(CHANGE)])
    rows = [
        ["收入", None, "支出", None],
        ["项目", "决算数", "项目", "决算数"],
        ["一、一般公共预算财政拨款收入", "{}", "一、文化旅游体育与传媒支出", "{}"],
        ["本年收入合计", "{}", "本年支出合计", "{}"],
        ["年初结转和结余", "0.00", "年末结转和结余", "0.00"],
        ["总计", "{}", "总计", "{}"],
    ]

    def xlsx(total: str) -> bytes:
        filled = [[c.format(total) if isinstance(c, str) else c for c in row] for row in rows]
        return build_xlsx([("表一", TableSpec(filled, title=f"{ORG}2023年度部门决算 收入支出决算总表", unit="单位：万元"))])

    assert cross(("2024.docx", docx), ("2023.xlsx", xlsx("1,000.00"))) == []
    [f] = cross(("2024.docx", docx), ("2023.xlsx", xlsx("1,100.00")))
    assert (f.rule, f.path, f.related[0].path) == ("XDOC001", "2024.docx", "2023.xlsx")
    assert f.related[0].evidence == "1,100.00"


# ----------------------------------------------------------------------------- archives


def test_a_consistent_generated_archive_gives_no_finding():
    a = archive(11, bodies=8)
    results = [check(name, text) for name, text in sorted(a.files.items())]
    assert [f.message for r in results for f in r.findings] == []
    outcome = cross_check(results)
    assert outcome.findings == [] and outcome.bodies == 8 and outcome.compared > 150


RULE_OF = {"prior-total": "XDOC001", "prior-three-part": "XDOC001", "initial-budget": "XDOC002", "item-budget": "XDOC002",
           "last-year-budget": "XDOC003"}


def test_every_inconsistency_injected_into_an_archive_is_found_where_it_is():
    a = archive(12, bodies=15, inject_every=3)
    assert {what for _, what in a.injected} == set(RULE_OF)
    results = [check(name, text) for name, text in sorted(a.files.items())]
    assert [f.message for r in results for f in r.findings] == []  # each report still adds up by itself
    found = cross_check(results).findings
    assert {(f.path, f.rule) for f in found} == {(name, RULE_OF[what]) for name, what in a.injected}


def test_the_command_line_over_an_archive(tmp_path):
    a = archive(13, bodies=3, inject_every=4)
    for name, text in a.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()

    def run(*args: str) -> str:
        return runner.invoke(main, ["check", "--isolated", *args, str(tmp_path)]).output

    serial, parallel = run("--format", "json", "--jobs", "1"), run("--format", "json", "--jobs", "2")
    assert serial == parallel  # the same report, whatever the order the workers finish in
    report = json.loads(serial)
    assert {(f["path"].removeprefix(str(tmp_path) + "/"), f["rule"]) for f in report["cross"]["findings"]} == {
        (name, RULE_OF[what]) for name, what in a.injected
    }
    by_rule = report["summary"]["by_rule"]
    assert report["summary"]["cross"]["findings"] == len(a.injected) == sum(n for rule, n in by_rule.items() if rule.startswith("XDOC"))
    off = json.loads(run("--format", "json", "--no-cross"))
    assert "cross" not in off and "cross" not in off["summary"] and off["summary"]["findings"] == 0
    text = run("--format", "text")
    assert "跨报告核对" in text and "= 对照" in text
    # a baseline records them, and leaves them out of the next run
    baseline = tmp_path.parent / f"{tmp_path.name}-baseline.json"
    runner.invoke(main, ["check", "--isolated", "--write-baseline", str(baseline), str(tmp_path)])
    again = json.loads(run("--format", "json", "--baseline", str(baseline)))
    assert again["cross"]["findings"] == [] and again["summary"]["baselined"] == len(a.injected)


def test_a_one_file_run_is_unchanged(tmp_path):
    path = tmp_path / "now.txt"
    path.write_text(final(2024, CHANGE), encoding="utf-8")
    on = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(path)]).output
    off = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "--no-cross", str(path)]).output
    assert on == off and "cross" not in json.loads(on)


def test_the_other_report_is_linked_in_sarif_and_html(tmp_path):
    (tmp_path / "now.txt").write_text(final(2024, CHANGE), encoding="utf-8")
    (tmp_path / "then.txt").write_text(final(2023, "2023年度收入支出总计1,100.00万元。"), encoding="utf-8")
    sarif = json.loads(CliRunner().invoke(main, ["check", "--isolated", "--format", "sarif", str(tmp_path)]).output)
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("now.txt")
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("then.txt")
    page = CliRunner().invoke(main, ["check", "--isolated", "--format", "html", str(tmp_path)]).output
    assert 'id="cross"' in page and "then.txt:3:13" in page and "1,100.00万元</mark>" in page


# ----------------------------------------------------------------------------- any consistent pair stays silent

money = st.integers(min_value=100, max_value=10**9).map(lambda cents: Decimal(cents) / 100)


def _written(value_wan: Decimal, unit: str) -> str:
    if unit == "元":
        return f"{(value_wan * 10000).quantize(Decimal('0.01')):,.2f}元"
    return f"{value_wan.quantize(Decimal('0.01')):.2f}万元"


@given(now=money, then=money, unit_now=st.sampled_from(["万元", "元"]), unit_then=st.sampled_from(["万元", "元"]),
       item=st.sampled_from(["收入支出总计", "“三公”经费财政拨款支出", "机关运行经费支出", "一般公共预算财政拨款支出"]))
def test_any_consistent_pair_of_accounts_stays_silent(now, then, unit_now, unit_then, item):
    """Last year's figure as its own report writes it, and this year's change as this year's report rounds it."""
    written_now = Decimal(_written(now, unit_now).replace(",", "").removesuffix("万元").removesuffix("元"))
    written_then = Decimal(_written(then, unit_then).replace(",", "").removesuffix("万元").removesuffix("元"))
    exact_now = written_now / (10000 if unit_now == "元" else 1)
    exact_then = written_then / (10000 if unit_then == "元" else 1)
    delta = exact_now - exact_then
    if delta == 0:
        return
    word = "增加" if delta > 0 else "减少"
    change = f"{item}{_written(exact_now, unit_now)}，与2023年度相比，{item}{word}{_written(abs(delta), unit_now)}。"
    findings = prior_pair(change, f"{item}{_written(exact_then, unit_then)}。")
    assert [f.message for f in findings] == []


@given(budget_now=money, budget_then=money, unit=st.sampled_from(["万元", "元"]))
def test_any_consistent_pair_of_budgets_stays_silent(budget_now, budget_then, unit):
    delta = budget_now - budget_then
    if delta == 0:
        return
    word = "增加" if delta > 0 else "减少"
    text = f"{ORG}{{year}}年部门预算\n一、部门预算编制说明\n{{text}}\n"
    now = text.format(year=2025, text=f"2025年一般公共预算拨款支出预算{_written(budget_now, unit)}，比2024年预算{word}{_written(abs(delta), unit)}。")
    then = text.format(year=2024, text=f"2024年一般公共预算拨款支出预算{_written(budget_then, '万元')}。")
    assert [f.message for f in cross(("2025.txt", now), ("2024.txt", then))] == []


def test_body_names_of_the_generated_archives_are_distinct():
    assert len({body_name(b) for b in range(2000)}) == 2000


def test_an_ignore_comment_silences_a_finding_between_reports():
    silenced = CHANGE + "<!-- auditlint: ignore XDOC001 上年数已与财务核实 -->"
    results = [check("now.txt", final(2024, silenced)), check("then.txt", final(2023, "2023年度收入支出总计1,100.00万元。"))]
    outcome = cross_check(results)
    assert outcome.findings == [] and outcome.suppressed == 1


def test_the_api_step_can_run_again_and_be_rendered():
    from auditlint.report import render

    results = [check("now.txt", final(2024, CHANGE)), check("then.txt", final(2023, "2023年度收入支出总计1,100.00万元。"))]
    first, second = cross_check(results), cross_check(results)
    assert [f.message for f in first.findings] == [f.message for f in second.findings] and len(first.findings) == 1
    report = json.loads(render("json", results, cross=first))
    assert report["cross"]["findings"][0]["rule"] == "XDOC001" and report["summary"]["by_rule"] == {"XDOC001": 1}


def test_staff_and_vehicles_at_the_end_of_last_year():
    now = final(2024, "截至2024年12月31日，本部门共有车辆5辆，比上年增加1辆。在职实有人数20人，比上年减少2人。")
    then = final(2023, "截至2023年12月31日，本部门共有车辆4辆。在职实有人数22人。")
    assert cross(("now.txt", now), ("then.txt", then)) == []
    [f] = cross(("now.txt", now), ("then.txt", then.replace("车辆4辆", "车辆3辆")))
    assert (f.rule, f.expected) == ("XDOC001", "增加 2 辆") and "车辆总数为 4 辆" in f.message
    # a budget's count is dated at the budget's making, not at a year's end: no other report's
    budget = f"{ORG}2025年部门预算\n一、部门预算编制说明\n截至2024年8月31日，本部门共有车辆9辆。\n"
    assert cross(("budget.txt", budget), ("now.txt", now)) == []


def test_jsonl_github_and_concise_carry_the_findings_between_reports(tmp_path, monkeypatch):
    (tmp_path / "now.txt").write_text(final(2024, CHANGE), encoding="utf-8")
    (tmp_path / "then.txt").write_text(final(2023, "2023年度收入支出总计1,100.00万元。"), encoding="utf-8")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    def run(fmt: str) -> str:
        return CliRunner().invoke(main, ["check", "--isolated", "--format", fmt, str(tmp_path)]).output

    lines = [json.loads(line) for line in run("jsonl").splitlines()]
    [finding] = [r for r in lines if r["type"] == "finding"]
    assert finding["rule"] == "XDOC001" and finding["related"][0]["path"].endswith("then.txt")
    assert lines[-1]["type"] == "summary" and lines[-1]["cross"]["compared"] == 1
    assert "::warning file=" in run("github") and "XDOC001" in run("github")
    concise = run("concise")
    assert "now.txt:3:40: 警告 XDOC001" in concise and "= 对照" in concise and "then.txt:3:13:" in concise


def test_gitlab_and_junit_carry_the_findings_between_reports(tmp_path):
    (tmp_path / "now.txt").write_text(final(2024, CHANGE), encoding="utf-8")
    (tmp_path / "then.txt").write_text(final(2023, "2023年度收入支出总计1,100.00万元。"), encoding="utf-8")

    def run(fmt: str) -> str:
        return CliRunner().invoke(main, ["check", "--isolated", "--format", fmt, str(tmp_path)]).output

    [issue] = json.loads(run("gitlab"))
    assert issue["check_name"] == "XDOC001" and issue["location"]["path"].endswith("now.txt")
    assert issue["location"]["lines"] == {"begin": 3, "end": 3} and "then.txt 第 3 行" in issue["description"]
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run("junit"))
    assert root.get("failures") == "1"
    [suite] = [s for s in root.iter("testsuite") if s.get("name") == "跨报告核对"]
    [case] = suite.iter("testcase")
    assert case.get("name") == "XDOC001 第 3 行" and case.get("file").endswith("now.txt")
    assert "= 对照 " in case.find("failure").text and "then.txt:3:13:" in case.find("failure").text


def test_a_baseline_entry_between_reports_is_not_stale_in_a_run_that_does_not_compare(tmp_path):
    (tmp_path / "now.txt").write_text(final(2024, CHANGE), encoding="utf-8")
    (tmp_path / "then.txt").write_text(final(2023, "2023年度收入支出总计1,100.00万元。"), encoding="utf-8")
    baseline = tmp_path.parent / f"{tmp_path.name}-baseline.json"
    runner = CliRunner()
    runner.invoke(main, ["check", "--isolated", "--write-baseline", str(baseline), str(tmp_path)])
    assert [e["rule"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]] == ["XDOC001"]
    for args in (["--no-cross"], ["--select", "CHG"], []):
        result = runner.invoke(main, ["check", "--isolated", *args, "--baseline", str(baseline), "--prune-baseline", str(tmp_path)])
        assert result.exit_code == 0 and "过时" not in result.stderr, args
        assert [e["rule"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]] == ["XDOC001"]
    # once last year's report agrees, the entry is stale like any other
    (tmp_path / "then.txt").write_text(final(2023, "2023年度收入支出总计1,000.00万元。"), encoding="utf-8")
    result = runner.invoke(main, ["check", "--isolated", "--baseline", str(baseline), "--prune-baseline", str(tmp_path)])
    assert "删去 1 个过时条目" in result.stderr and json.loads(baseline.read_text(encoding="utf-8"))["findings"] == []


def test_a_report_stating_one_line_item_thousands_of_times_costs_no_more_than_a_few():
    many = "".join(f"2024年度收入支出总计{1000 + i}.00万元。与2023年度相比，收入支出总计增加{i}.00万元。" for i in range(1, 3000))
    result = check("now.txt", final(2024, many))
    assert len(result.facts) <= 16  # 8 of its own figures, 8 of last year's


def test_a_comment_naming_a_rule_between_reports_is_neither_unknown_nor_unused_in_its_file():
    """SUP001/SUP002 judge a file alone; XDOC findings are silenced by the step between reports."""
    text = final(2024, "<!-- auditlint: ignore XDOC001 上年数已核实 -->\n2024年度收入支出总计1,200.00万元。")
    assert [f.rule for f in check("now.txt", text).findings] == []
    blanket = final(2024, "<!-- auditlint: ignore -->\n2024年度收入支出总计1,200.00万元。")
    assert [f.rule for f in check("now.txt", blanket).findings] == ["SUP002"]  # as without rules between reports


def test_show_names_the_report_and_the_figures_other_reports_are_held_to(tmp_path):
    path = tmp_path / "now.txt"
    path.write_text(final(2024, CHANGE), encoding="utf-8")
    shown = CliRunner().invoke(main, ["show", "--format", "json", str(path)])
    data = json.loads(shown.output)
    assert data["identity"]["entity"] == ORG and (data["identity"]["kind"], data["identity"]["year"]) == ("决算", 2024)
    assert [(f["line"], f["year"], f["origin"], f["value"]) for f in data["cross_facts"]] == [
        (3, 2024, "own", "1,200.00 万元"),
        (3, 2023, "change", "1,000.00 万元"),
    ]
    text = CliRunner().invoke(main, ["show", str(path)]).output
    assert f"报告主体：{ORG}　2024 年度部门决算　可与其他报告核对的数字 2 个" in text
    assert "第 3 行　2023 年度决算　收入支出总计　1,000.00 万元　由变动额推得　“增加200.00万元”" in text
    path.write_text("一、收入支出决算总体情况说明\n" + CHANGE, encoding="utf-8")
    text = CliRunner().invoke(main, ["show", str(path)]).output
    assert "报告主体：未能识别（" in text and "不参与跨报告核对" in text


def test_the_run_settings_say_when_reports_are_not_held_against_each_other(tmp_path):
    (tmp_path / "now.txt").write_text(final(2024, CHANGE), encoding="utf-8")
    (tmp_path / "then.txt").write_text(final(2023, "2023年度收入支出总计1,100.00万元。"), encoding="utf-8")

    def settings(*args: str) -> str:
        return CliRunner().invoke(main, ["check", "--isolated", "--show-settings", *args, str(tmp_path)]).output

    assert "跨报告核对　：关闭（--no-cross）" in settings("--no-cross") and "跨报告核对" not in settings()
    # a one-file run has nothing to hold its report against: its settings do not say the step was turned off
    one = CliRunner().invoke(main, ["check", "--isolated", "--format", "html", str(tmp_path / "now.txt")]).output
    assert "跨报告核对" not in one and "--no-cross" not in one
    html = CliRunner().invoke(main, ["check", "--isolated", "--no-cross", "--format", "html", str(tmp_path)]).output
    assert "关闭（--no-cross）" in html


# ----------------------------------------------------------------------------- what the step costs


def _written_archive(tmp_path, copies: int) -> list[str]:
    """A small archive whose reports are each written `copies` times (drafts and published versions), and
    one body whose reports are written once and disagree (a finding the step must still make)."""
    a = archive(14, bodies=2, inject_every=3)
    paths = []
    for name, text in sorted(a.files.items()):
        for copy in range(copies if name.startswith("b000") else 1):
            path = tmp_path / f"v{copy}" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
    return sorted(paths)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_report_whose_identity_the_run_has_already_read_is_read_without_its_facts(tmp_path, jobs):
    from auditlint.crossdoc import CrossCheck
    from auditlint.runner import check_files

    paths = _written_archive(tmp_path, copies=3)
    step = CrossCheck()
    results = []
    for result in check_files(paths, Config(), jobs=jobs, identities=step.identities):
        step.add(result)
        results.append(result)
    outcome = step.finish()
    # the same findings and tallies as the step over results that all carry their facts
    whole = cross_check([check_bytes(p, open(p, "rb").read(), Config()) for p in paths])
    assert outcome.findings == whole.findings and outcome.as_dict() == whole.as_dict()
    assert outcome.findings and outcome.duplicates  # (something is found, and something is not compared)
    # the copies checked after their identity was read carry no facts; every report of b001 carries its own
    without = [r.path for r in results if r.facts is None]
    assert without and all("/b000/" in p for p in without)
    assert all(r.facts is not None for r in results if "/b001/" in r.path)
    assert len(step.identities) == len({r.identity for r in results})


def test_a_duplicates_facts_are_not_kept():
    results = [check(n, final(2024, CHANGE)) for n in ("draft.txt", "published.txt")]
    results.append(check("then.txt", final(2023, "2023年度收入支出总计1,100.00万元。")))
    from auditlint.crossdoc import CrossCheck

    step = CrossCheck()
    for r in results:
        step.add(r)
    assert [r.pack is None for r in step.reports] == [True, True, False]
    assert step.finish().duplicates == [["draft.txt", "published.txt"]]
