"""PCT: shares — a part 占 P% of a total must be part ÷ total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import (
    HUNDRED,
    RATE_TOLERANCE,
    Assessed,
    Disclosure,
    Issue,
    NotAssessable,
    ShareClaim,
    amount,
    figures_of,
    replace_number,
    rule,
    verdicts,
)


@rule("PCT001", "share-mismatch", name_zh="占比不符", severity="error", fixable=True, settings={"tolerance": RATE_TOLERANCE})
def share_mismatch(doc: Disclosure, settings: dict) -> Iterator:
    """占比与部分÷总数不符。

    检查：“B 万元，占 A 的 P%”（或在 A 之下的列举中写“占比 P%”）：P 应等于 B ÷ A，容许 P
    和两个金额的四舍五入。为使列举合计恰为 100% 而把某项占比调整一个单位，是通行做法，不
    报告。
    原因：图表和摘要引用的正是占比；占比错了，支出结构就说错了。

    Checks: "B 万元，占 A 的 P%" (or 占比 P% in a list under A): P must equal B ÷ A,
    allowing for the rounding of P and of both amounts. A list whose shares were
    nudged by one unit so they add up to exactly 100% is accepted practice.

    Why: shares are what charts and summaries quote; a wrong share misstates
    the structure of spending.

    Bad:  2021年全年预算1006.77万元，其中：基本支出预算900.49万元，占比89.4%；项目支出预算106.28万元，占比10.60%。
    Good: 2021年全年预算1006.77万元，其中：基本支出预算900.49万元，占比89.44%；项目支出预算106.28万元，占比10.56%。
    """
    claims = doc.claims_of(ShareClaim)
    groups: dict[int, list[ShareClaim]] = defaultdict(list)
    for c in claims:
        if c.group is not None:
            groups[c.group].append(c)
    forced = {g for g, members in groups.items() if verdicts.forced_to_hundred(members)}
    for claim in claims:
        verdict = verdicts.share(claim)
        if verdict.value is None:
            yield NotAssessable(claim, verdict.reason)
            continue
        yield Assessed(claim)
        if verdict.holds(claim.share.interval, settings["tolerance"]):
            continue
        if verdicts.unit_slip(claim, fails=True) is not None:
            continue  # a 万元/元 slip explains it: UNIT001 reports the figure
        if claim.group in forced:
            continue
        shown = verdicts.shown(verdict.value, claim.share.places, verdicts.nominal_percent(claim.part, claim.total))  # type: ignore[arg-type]
        evidence = doc.text[claim.share.start : claim.share.end]
        base = f"（{claim.total_label}）" if claim.total_label else ""
        yield Issue(
            start=claim.share.start,
            end=claim.share.end,
            message=(
                f"占比 {claim.share.text.strip()} 与数据不符：{claim.subject or '该项'} {amount(claim.part)} ÷ "
                f"总数{base} {amount(claim.total)} = {shown.text}%"  # type: ignore[arg-type]
            ),
            expected=f"{shown.text}%",
            actual=evidence,
            fix=_share_fix(evidence, claim, shown.certain),
            basis=figures_of(claim),
        )


def _share_fix(evidence: str, claim: ShareClaim, share: str | None) -> str | None:
    """The share recomputed, where it can be right: a share above 100% means the part exceeds its total,
    so one of the two figures is wrong, not the share (writing 113.7% would only move the error)."""
    if share is None or Decimal(share.replace(",", "")) > HUNDRED:
        return None
    return replace_number(evidence, claim.share, share)
