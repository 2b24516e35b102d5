"""EXE: execution, completion and 到位 rates, and 大于/小于 wording about budget and final figures."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.rulekit import (
    RATE_TOLERANCE,
    Assessed,
    ComparisonClaim,
    Disclosure,
    Issue,
    NotAssessable,
    RateClaim,
    Severity,
    amount,
    figures_of,
    interval_of,
    lexicon,
    replace_number,
    rule,
    verdicts,
)


@rule("EXE001", "execution-rate-mismatch", name_zh="执行率不符", severity="error", fixable=True, settings={"tolerance": RATE_TOLERANCE})
def execution_rate(doc: Disclosure, settings: dict) -> Iterator:
    """执行率（完成率、到位率）与实际数÷预算数不符。

    检查：“年初预算为 B 万元，支出决算为 A 万元，完成年初预算的 R%”“执行率 R%”“到位率 R%”：
    R 应等于 A ÷ B，容许四舍五入。文中给出多个预算数（年初和调整后）时，与其中任一个相符
    即可。与实际完成值并列写出的数量目标（“服务 2,400 人次，目标值 2,000 人次，完成率
    120.0%”）同样检查；超额完成而完成率写作 100%，是封顶的惯例，不算错误。文中没有写该项
    目的预算数时（“公务接待费决算为 0.30 万元，完成预算的 37.5%”），采用表格中同一项目的
    预算数（“三公”经费表的预算数）；实际数与表格不同、而按表格的数字执行率成立的，由
    TAB005 报告。绩效自评中“下达资金共计 A 万元，实际支出 B 万元，资金执行率 R%”一句不写“预
    算”二字，A 即预算数（前面另有结转或第二笔下达的，预算数不是一个数字，不核验）。
    原因：执行率是绩效报告的核心数字。

    Checks: "年初预算为 B 万元，支出决算为 A 万元，完成年初预算的 R%", "执行率 R%",
    "到位率 R%": R must equal A ÷ B, allowing for rounding. Where the text gives
    several budgets (年初 and 调整后), matching either is accepted. A count target
    stated beside what was achieved ("服务 2,400 人次，目标值 2,000 人次，完成率
    120.0%") is checked the same way; a target exceeded with its completion
    written as 100% is the capping convention, not an error. Where the text
    states no budget for the line ("公务接待费决算为 0.30 万元，完成预算的 37.5%"),
    the budget of the same line in the tables (the 三公 table's 预算数) is used;
    an actual amount the tables give another figure, with which the rate holds,
    is TAB005's to report. In a self-evaluation's "下达资金共计 A 万元，实际支出 B
    万元，资金执行率 R%", which names no 预算, A is the budget (not where a
    carry-over or a second allotment comes first: the budget is no one figure).

    Why: execution rates are a headline figure of performance reports.

    Bad:  年初预算为400.46万元，支出决算为474.49万元，完成年初预算的128.5%。
    Good: 年初预算为400.46万元，支出决算为474.49万元，完成年初预算的118.5%。
    """
    corrections = verdicts.table_corrections(doc.claims)
    for claim in doc.claims_of(RateClaim):
        verdict = verdicts.execution(claim)
        if not verdict.candidates:
            yield NotAssessable(claim, verdict.reason)
            continue
        yield Assessed(claim)
        if verdict.holds(claim.rate, settings["tolerance"]):
            continue
        if verdict.capped(claim):
            continue  # a target exceeded, its completion capped at 100%: a convention, not a slip
        if verdicts.unit_slip(claim, fails=True) is not None:
            continue  # a 万元/元 slip explains it: UNIT001 reports the figure
        if verdicts.execution_corrected(claim, corrections):
            continue  # the actual amount is wrong, not the rate: TAB005 reports it against the tables
        assert claim.actual is not None
        plan, expected = verdict.preferred(claim)
        shown = verdicts.shown(expected, claim.rate.places, verdicts.nominal_percent(claim.actual, plan))
        start = claim.rate.start
        evidence = doc.text[start : claim.rate.end]
        actual_name = "到位资金" if "到位" in claim.rate_kind else "实际支出"
        plan_name = "计划资金" if "到位" in claim.rate_kind else "预算"
        if claim.plan_source:
            plan_name = f"{claim.plan_source}中的预算数"
        if claim.actual.kind == "count":
            actual_name, plan_name = "实际完成", "目标值"
        yield Issue(
            start=start,
            end=claim.rate.end,
            message=(
                f"{claim.rate_kind} {claim.rate.text.strip()} 与数据不符：{actual_name} {amount(claim.actual)} ÷ "
                f"{plan_name} {amount(plan)} = {shown.text}%"
            ),
            expected=f"{shown.text}%",
            actual=evidence,
            fix=replace_number(evidence, claim.rate, shown.certain) if shown.certain is not None else None,
            basis=figures_of(claim),
        )


@rule("EXE002", "comparison-wording", name_zh="大于小于用词不符", severity="error", fixable=True)
def comparison_wording(doc: Disclosure) -> Iterator:
    """“决算数大于（小于）预算数”的用词与数据不符或未作选择。

    检查：“支出决算数大于/小于年初预算数”中的比较用词，与同一句中的决算数、预算数相对照；
    模板中未作选择的“大小于”也会报告，并指出数字所要求的用词。
    原因：模板同时给出两个词；留下错的那个（或两个都留着），等于告诉读者与数字相反的结论。

    Checks: the comparative in "支出决算数大于/小于年初预算数" against the final and
    budget figures of the same sentence; the template's unresolved "大小于" is
    reported with the word the figures call for.

    Why: the template offers both words; leaving the wrong one (or both) tells
    the reader the opposite of the figures.

    Bad:  年初预算为355.25万元，支出决算为425.72万元，完成年初预算的119.8%，支出决算数小于年初预算数的主要原因是增加项目支出。
    Good: 年初预算为355.25万元，支出决算为425.72万元，完成年初预算的119.8%，支出决算数大于年初预算数的主要原因是增加项目支出。
    """
    for claim in doc.claims_of(ComparisonClaim):
        word = claim.word.text
        if claim.left is None or claim.right is None:
            if word in lexicon.UNRESOLVED:
                yield Assessed(claim)
                yield Issue(
                    start=claim.word.start,
                    end=claim.word.end,
                    message=f"“{word}”是模板中未作选择的用词，应按实际情况写作“大于”或“小于”",
                    actual=word,
                    severity=Severity.WARNING,
                )
            else:
                yield NotAssessable(claim, "同句中缺少决算数或预算数")
            continue
        yield Assessed(claim)
        order = verdicts.sign_of_difference(interval_of(claim.left), interval_of(claim.right))
        if order == 0:
            continue  # rounding admits either order: any comparative may be right
        right_word = "大于" if order > 0 else "小于"
        figures = f"决算 {amount(claim.left)}，预算 {amount(claim.right)}"
        if word in lexicon.UNRESOLVED:
            yield Issue(
                start=claim.word.start,
                end=claim.word.end,
                message=f"“{word}”未作选择：{figures}，应为“{right_word}”",
                expected=right_word,
                actual=word,
                fix=right_word,
                severity=Severity.WARNING,
                basis=figures_of(claim),
            )
            continue
        stated = lexicon.comparative(word)
        if stated is None or stated == right_word:
            continue
        yield Issue(
            start=claim.word.start,
            end=claim.word.end,
            message=f"“{word}”与数据不符：{figures}，应为“{right_word}”",
            expected=right_word,
            actual=word,
            fix=right_word if word in ("大于", "小于", "等于") else None,
            basis=figures_of(claim),
            # the figures compared, often in the sentence before: one of them may be the slip
            related=((claim.left.start, claim.left.end, "决算数"), (claim.right.start, claim.right.end, "预算数")),
        )
