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
    interval_of,
    percent_of,
    replace_number,
    rounded_text,
    rule,
)


def _plans(claim: RateClaim) -> list:
    """The plans the actual figure can be divided by: amounts, or a count target in the actual's unit."""
    if claim.actual is not None and claim.actual.kind == "count":
        return [p for p in claim.plans if p.kind == "count" and p.unit == claim.actual.unit]
    return [p for p in claim.plans if p.kind == "money"]


def execution_holds(claim: RateClaim) -> bool | None:
    """Whether an execution rate is actual over one of the stated plans (None: not assessable)."""
    plans = _plans(claim)
    if claim.actual is None or not plans:
        return None
    expected = [percent_of(interval_of(claim.actual), interval_of(p)) for p in plans]
    expected = [e for e in expected if e is not None]
    return None if not expected else any(e.overlaps(claim.rate.interval) for e in expected)


@rule("EXE001", "execution-rate-mismatch", severity="error", fixable=True, settings={"tolerance": RATE_TOLERANCE})
def execution_rate(doc: Disclosure, settings: dict) -> Iterator:
    """执行率（完成率、到位率）与实际数÷预算数不符。

    Checks: "年初预算为 B 万元，支出决算为 A 万元，完成年初预算的 R%", "执行率 R%",
    "到位率 R%": R must equal A ÷ B, allowing for rounding. Where the text gives
    several budgets (年初 and 调整后), matching either is accepted. A count target
    stated beside what was achieved ("服务 2,400 人次，目标值 2,000 人次，完成率
    120.0%") is checked the same way; a target exceeded with its completion
    written as 100% is the capping convention, not an error.

    Why: execution rates are a headline figure of performance reports.

    Bad:  年初预算为400.46万元，支出决算为474.49万元，完成年初预算的128.5%。
    Good: 年初预算为400.46万元，支出决算为474.49万元，完成年初预算的118.5%。
    """
    from .unit import slipped_figure

    for claim in doc.claims_of(RateClaim):
        plans = _plans(claim)
        if claim.actual is None or not plans:
            yield NotAssessable(claim, "缺少实际数或预算数")
            continue
        candidates = [(p, percent_of(interval_of(claim.actual), interval_of(p))) for p in plans]
        candidates = [(p, e) for p, e in candidates if e is not None]
        if not candidates:
            yield NotAssessable(claim, "预算数为零")
            continue
        yield Assessed(claim)
        if any(e.widen(settings["tolerance"]).overlaps(claim.rate.interval) for _, e in candidates):
            continue
        if claim.actual.kind == "count" and claim.rate.value == 100 and all(e.lo > 100 for _, e in candidates):
            continue  # a target exceeded, its completion capped at 100%: a convention, not a slip
        if slipped_figure(claim) is not None:
            continue  # a 万元/元 slip explains it: UNIT001 reports the figure
        plan, expected = _preferred(claim, candidates)
        exp_text = rounded_text(expected, claim.rate.places)
        shown = exp_text if exp_text is not None else f"{expected.mid:.{claim.rate.places + 1}f}"
        start = claim.rate.start
        evidence = doc.text[start : claim.rate.end]
        actual_name = "到位资金" if "到位" in claim.rate_kind else "实际支出"
        plan_name = "计划资金" if "到位" in claim.rate_kind else "预算"
        if claim.actual.kind == "count":
            actual_name, plan_name = "实际完成", "目标值"
        yield Issue(
            start=start,
            end=claim.rate.end,
            message=(
                f"{claim.rate_kind} {claim.rate.text.strip()} 与数据不符：{actual_name} {amount(claim.actual)} ÷ "
                f"{plan_name} {amount(plan)} = {shown}%"
            ),
            expected=f"{shown}%",
            actual=evidence,
            fix=replace_number(evidence, claim.rate, exp_text) if exp_text is not None else None,
        )


def _preferred(claim: RateClaim, candidates):
    """The budget a reader would divide by: 年初 for 完成年初预算, otherwise the last (adjusted) one."""
    return candidates[0] if "年初" in claim.rate_kind else candidates[-1]


_MORE = {"大于", "高于", "超过", "多于"}
_LESS = {"小于", "低于", "少于"}
_SAME = {"等于", "持平", "持平于"}


@rule("EXE002", "comparison-wording", severity="error", fixable=True)
def comparison_wording(doc: Disclosure) -> Iterator:
    """“决算数大于（小于）预算数”的用词与数据不符或未作选择。

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
            if word in ("大小于", "小大于"):
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
        diff = interval_of(claim.left) - interval_of(claim.right)
        if diff.lo > 0:
            right_word = "大于"
        elif diff.hi < 0:
            right_word = "小于"
        else:
            continue  # rounding admits either order: any comparative may be right
        figures = f"决算 {amount(claim.left)}，预算 {amount(claim.right)}"
        if word in ("大小于", "小大于"):
            yield Issue(
                start=claim.word.start,
                end=claim.word.end,
                message=f"“{word}”未作选择：{figures}，应为“{right_word}”",
                expected=right_word,
                actual=word,
                fix=right_word,
                severity=Severity.WARNING,
            )
            continue
        stated = "大于" if word in _MORE else "小于" if word in _LESS else "等于" if word in _SAME else None
        if stated is None or stated == right_word:
            continue
        yield Issue(
            start=claim.word.start,
            end=claim.word.end,
            message=f"“{word}”与数据不符：{figures}，应为“{right_word}”",
            expected=right_word,
            actual=word,
            fix=right_word if word in ("大于", "小于", "等于") else None,
            # the figures compared, often in the sentence before: one of them may be the slip
            related=((claim.left.start, claim.left.end, "决算数"), (claim.right.start, claim.right.end, "预算数")),
        )
