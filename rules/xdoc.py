"""XDOC: reports of one body held against each other — last year's figures, the budget behind the accounts.

These rules run once every file of a run is read (auditlint.crossdoc): each is given a
figure one report gives for a line item (a change's prior-year figure, the 年初预算 a 决算
quotes, last year's budget a budget implies, a 绩效自评's spending) and the figures the
report that is its author states, when the two cannot be one value at their written
precision. Which pair is which rule's is told by the kinds of the two reports; no two
rules take the same pair. Reports of different bodies, of a 部门 and a 单位, or of
different scopes (all funds, 财政拨款, 一般公共预算) are never paired.

Every finding here is a warning: two published reports disagree, and which of them is
wrong is for the reviewer to find out (the finding sits in the report that restates the
other's figure, and names both).
"""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.rulekit import CrossIssue, Fact, Pair, Report, change_text, gap_text, item_label, rule, unit_slip, value_text


def _where(report: Report, fact: Fact) -> str:
    """" 2023 年度部门决算（path 第 12 行）": in a PDF by page, as a reader with it open finds the place."""
    place = fact.place
    line = f"第 {place.page} 页第 {place.page_line} 行" if place.page_line else f"第 {place.line} 行"
    return f" {report.title}（{report.path} {line}）"


def _slip(a: Fact, b: Fact) -> str:
    return "；两者相差一万倍，可能是其中一份把元写成了万元（或相反）" if unit_slip(a, b) else ""


def _issue(pair: Pair, head: str, verb: str = "写作", what: str = "") -> CrossIssue:
    """"<head>，而 <the other report and line> 写作 <its figure>，相差 <gap>": what the restated figure should
    be (the change that would give the other's figure, when it is implied by one) and what it is."""
    f, stated = pair.restated, pair.stated[0]
    return CrossIssue(
        message=f"{head}，而{_where(pair.stating, stated)}{verb} {value_text(stated)}，相差 {gap_text(f, stated)}{_slip(f, stated)}",
        expected=change_text(f, stated) or value_text(stated),
        actual=f.place.evidence if f.base is not None else value_text(f),
        related=f"{pair.stating.title}所载{item_label(stated.item)}{what}",
    )


@rule("XDOC001", "prior-year-figure-differs", name_zh="上年数与上年决算不符", severity="warning", cross=True)
def prior_year_differs(pair: Pair) -> Iterator[CrossIssue]:
    r"""上年数与上年决算不符：由本年数和变动额推得的上年数，与上一年度决算所载不同。

    检查：决算中与上年相比的变动（“与2024年度相比，收入支出总计增加 X 万元”“比上年减少 D
    万元”）确定了上年的数字（本年数 ∓ 变动额）；档案中有同一主体（名称相同，层级同为部门
    或同为单位）该年度的决算时，它为同一项目所写的数字应在四舍五入范围内与之相符。项目包
    括：收入支出总计、本年收入/支出合计、财政拨款、一般公共预算财政拨款支出、“三公”经费
    及其组成部分、机关运行经费。变动额与变动率自相矛盾的，留给 CHG001/CHG004；报告说明上
    年数据已调整口径（口径调整、可比口径）的，不与上年报告对照。
    原因：上年的数字已经公开；与之不符的比较，说错了变动（或者上年的报告有错）。

    Checks: a 决算's change against last year ("与2024年度相比，收入支出总计增加 X 万元",
    "比上年减少 D 万元") fixes last year's figure (本年数 ∓ 变动额); when the archive holds
    that year's 决算 of the same body (same name, same 部门 or 单位 level), the figure it
    states for the same line item must be within rounding of it. Line items: 收入支出总计,
    本年收入/支出合计, 财政拨款, 一般公共预算财政拨款支出, “三公”经费 and its parts, 机关运行经费.
    A change whose amount and rate disagree is left to CHG001/CHG004; a report that says its
    prior-year figures were restated (口径调整, 可比口径) is not held to last year's report.

    Why: last year's figures were published; a restated comparison that does not match them
    misstates the change (or last year's report was wrong).

    Bad:  上海市示例区文化馆2024年度部门决算\n一、收入支出决算总体情况说明\n2024年度收入支出总计1,200.00万元。与2023年度相比，收入支出总计增加200.00万元，增长20.0%。 || 上海市示例区文化馆2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度收入支出总计1,100.00万元。
    Good: 上海市示例区文化馆2024年度部门决算\n一、收入支出决算总体情况说明\n2024年度收入支出总计1,200.00万元。与2023年度相比，收入支出总计增加200.00万元，增长20.0%。 || 上海市示例区文化馆2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度收入支出总计1,000.00万元。
    """
    f = pair.restated
    if not (f.origin == "change" and f.measure in ("决算", "年末") and pair.restating.kind == "决算"):
        return
    if pair.stating.kind != "决算":
        return
    yield _issue(pair, f"上年数与上年决算不符：按{f.how}推算，{f.year} 年度{item_label(f.item)}为 {value_text(f)}")


@rule("XDOC002", "initial-budget-differs", name_zh="年初预算与当年预算不符", severity="warning", cross=True)
def initial_budget_differs(pair: Pair) -> Iterator[CrossIssue]:
    r"""决算所引年初预算与当年部门预算不符。

    检查：决算为某一项目所写的年初预算（“一般公共预算财政拨款支出年初预算为 X 万元”、某
    科目“年初预算为 X 万元”、“‘三公’经费财政拨款支出年初预算为 X 万元”，或由“比年初预算
    增加 D 万元”推得的）与同一主体同一年度部门预算为该项目所写的数字相对照。只对照年初预
    算：调整预算或全年预算是年度中修改过的预算，不是预算报告中的数字；“三公”经费表的预算
    数列（许多模板中为全年预算）不使用。
    原因：决算中的年初预算就是经批准并公开的预算；数字不同，就说错了原来的计划，以及以它
    为基础的每个执行率。

    Checks: the 年初预算 a 决算 gives for a line item ("一般公共预算财政拨款支出年初预算为 X 万元",
    a 科目 "年初预算为 X 万元", "“三公”经费财政拨款支出年初预算为 X 万元", or implied by
    "比年初预算增加 D 万元") against the figure the same year's 部门预算 of the same body
    states for it. Only 年初预算: a 调整预算 or 全年预算 is the budget revised during the year,
    not the budget report's figure; the 预算数 columns of the “三公” table (a full-year budget
    in many templates) are not used.

    Why: the 年初预算 in the final accounts is the budget as passed and published; a different
    figure misstates what was planned, and every execution rate built on it.

    Bad:  上海市示例区文化馆2024年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出年初预算为12.00万元，支出决算为10.00万元，完成年初预算的83.3%。 || 上海市示例区文化馆2024年部门预算\n三、“三公”经费预算情况\n2024年“三公”经费预算数为15.00万元。
    Good: 上海市示例区文化馆2024年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出年初预算为12.00万元，支出决算为10.00万元，完成年初预算的83.3%。 || 上海市示例区文化馆2024年部门预算\n三、“三公”经费预算情况\n2024年“三公”经费预算数为12.00万元。
    """
    f = pair.restated
    if not (f.origin == "年初预算" and pair.restating.kind == "决算" and pair.stating.kind == "预算"):
        return
    given = f"按{f.how}推算为" if f.base is not None else "写作"
    yield _issue(pair, f"年初预算与当年部门预算不符：本报告{item_label(f.item)}的 {f.year} 年年初预算{given} {value_text(f)}")


@rule("XDOC003", "last-year-budget-differs", name_zh="上年预算与上年预算报告不符", severity="warning", cross=True)
def last_year_budget_differs(pair: Pair) -> Iterator[CrossIssue]:
    r"""预算所述上年预算与上一年度预算不符。

    检查：部门预算中的“比2025年预算增加 D 万元”（或“比上年预算”）确定了上年的预算（本年
    预算 ∓ D）；它应在四舍五入范围内与同一主体上一年度部门预算为该项目所写的数字相符，档
    案中没有该预算时，与上一年度决算所引的年初预算相符。预算中单写“比上年增加”的不使用
    （比的是上年预算还是上年执行数，文字没有说明）。
    原因：预算的变动是与一年前批准的预算相比的；上年预算写错了，就说错了计划增加（或减少）
    了多少。

    Checks: a 部门预算's "比2025年预算增加 D 万元" (or 比上年预算) fixes last year's budget
    (本年预算 ∓ D); it must be within rounding of what last year's 部门预算 of the same body
    states for the line item, or, when the archive holds no such budget, of the 年初预算 last
    year's 决算 gives for it. "比上年增加" alone in a budget is not used (last year's budget
    or its execution, the words do not say).

    Why: a budget's change is read against the budget passed a year before; restated wrongly,
    it misstates how much more (or less) is planned.

    Bad:  上海市示例区文化馆2025年部门预算\n三、“三公”经费预算情况\n2025年“三公”经费预算数为15.00万元，比2024年预算增加3.00万元。 || 上海市示例区文化馆2024年部门预算\n三、“三公”经费预算情况\n2024年“三公”经费预算数为10.00万元。
    Good: 上海市示例区文化馆2025年部门预算\n三、“三公”经费预算情况\n2025年“三公”经费预算数为15.00万元，比2024年预算增加5.00万元。 || 上海市示例区文化馆2024年部门预算\n三、“三公”经费预算情况\n2024年“三公”经费预算数为10.00万元。
    """
    f = pair.restated
    if not (f.origin == "change" and f.measure == "预算" and pair.restating.kind == "预算"):
        return
    if pair.stating.kind not in ("预算", "决算"):
        return
    budget = pair.stating.kind == "预算"
    yield _issue(
        pair,
        f"上年预算与上年部门预算不符：按{f.how}推算，{f.year} 年{item_label(f.item)}预算为 {value_text(f)}",
        "写作" if budget else "所引年初预算为",
        "预算" if budget else "年初预算",
    )


@rule("XDOC004", "evaluation-differs-from-accounts", name_zh="整体自评与决算、预算不符", severity="warning", cross=True)
def evaluation_differs(pair: Pair) -> Iterator[CrossIssue]:
    r"""部门整体支出绩效自评所述支出或年初预算与当年决算、预算不符。

    检查：部门整体支出绩效自评所写的实际支出（“全年实际支出 X 万元”）与同一主体同一年度
    决算所写的本年支出合计相对照，其年初预算与同一年度的部门预算（或其决算所引的年初预算）
    相对照。只对照整体评价：单个项目的资金不是部门的资金。
    原因：绩效评价所评的，正是决算所报告的那笔预算的执行情况；评价中的数字必须就是决算自
    己的数字。

    Checks: a 部门整体支出 self-evaluation's actual spending ("全年实际支出 X 万元") against the
    本年支出合计 the same year's 决算 of the same body states, and its 年初预算 against the
    same year's 部门预算 (or the 年初预算 its 决算 quotes). Only an evaluation of the whole
    body (整体): a project's funds are not the department's.

    Why: the evaluation scores the execution of the very budget the accounts report; its
    figures must be the accounts' own.

    Bad:  上海市示例区文化馆2024年度部门整体支出绩效自评报告\n一、部门整体支出情况\n2024年实际支出1,180.00万元。 || 上海市示例区文化馆2024年度部门决算\n三、支出决算情况说明\n本年支出合计1,200.00万元。
    Good: 上海市示例区文化馆2024年度部门整体支出绩效自评报告\n一、部门整体支出情况\n2024年实际支出1,200.00万元。 || 上海市示例区文化馆2024年度部门决算\n三、支出决算情况说明\n本年支出合计1,200.00万元。
    """
    f = pair.restated
    if pair.restating.kind != "绩效自评" or pair.stating.kind not in ("决算", "预算"):
        return
    measure = "实际支出" if f.measure == "决算" else "年初预算"
    yield _issue(pair, f"绩效自评与 {pair.stating.title}不符：本报告所述 {f.year} 年度部门整体{measure} {value_text(f)}")
