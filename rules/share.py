"""PCT: shares — a part 占 P% of a total must be part ÷ total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import (
    RATE_TOLERANCE,
    Assessed,
    Disclosure,
    Issue,
    NotAssessable,
    ShareClaim,
    amount,
    interval_of,
    percent_of,
    quantize,
    replace_number,
    rounded_text,
    rule,
)


def _comparable(claim: ShareClaim) -> bool:
    if claim.total is None:
        return False
    if claim.part.kind == "money":
        return claim.total.kind == "money"
    return claim.part.kind == "count" and claim.part.unit == claim.total.unit


def _forced_to_hundred(claims: list[ShareClaim]) -> bool:
    """Shares nudged by one unit so the list reads exactly 100% (largest-remainder practice)."""
    if len(claims) < 2 or any(c.total is None for c in claims):
        return False
    stated = sum((c.share.value for c in claims), Decimal(0))
    if stated != 100:
        return False
    proper = Decimal(0)
    for c in claims:
        exact = percent_of(interval_of(c.part), interval_of(c.total))  # type: ignore[arg-type]
        if exact is None:
            return False
        rounded = quantize(exact.mid, c.share.places)
        if abs(rounded - c.share.value) > Decimal(1).scaleb(-c.share.places):
            return False
        proper += rounded
    return proper != 100


def share_holds(claim: ShareClaim) -> bool | None:
    """Whether a share is its part over its total (None: not assessable)."""
    if not _comparable(claim):
        return None
    expected = percent_of(interval_of(claim.part), interval_of(claim.total))  # type: ignore[arg-type]
    return None if expected is None else expected.overlaps(claim.share.interval)


@rule("PCT001", "share-mismatch", severity="error", fixable=True, settings={"tolerance": RATE_TOLERANCE})
def share_mismatch(doc: Disclosure, settings: dict) -> Iterator:
    """占比与部分÷总数不符。

    Checks: "B 万元，占 A 的 P%" (or 占比 P% in a list under A): P must equal B ÷ A,
    allowing for the rounding of P and of both amounts. A list whose shares were
    nudged by one unit so they add up to exactly 100% is accepted practice.

    Why: shares are what charts and summaries quote; a wrong share misstates
    the structure of spending.

    Bad:  2021年全年预算1006.77万元，其中：基本支出预算900.49万元，占比89.4%；项目支出预算106.28万元，占比10.60%。
    Good: 2021年全年预算1006.77万元，其中：基本支出预算900.49万元，占比89.44%；项目支出预算106.28万元，占比10.56%。
    """
    from .unit import slipped_figure

    claims = doc.claims_of(ShareClaim)
    groups: dict[int, list[ShareClaim]] = defaultdict(list)
    for c in claims:
        if c.group is not None:
            groups[c.group].append(c)
    forced = {g for g, members in groups.items() if _forced_to_hundred(members)}
    for claim in claims:
        if not _comparable(claim):
            yield NotAssessable(claim, "找不到占比的基数")
            continue
        expected = percent_of(interval_of(claim.part), interval_of(claim.total))  # type: ignore[arg-type]
        if expected is None:
            yield NotAssessable(claim, "基数为零")
            continue
        yield Assessed(claim)
        if expected.widen(settings["tolerance"]).overlaps(claim.share.interval):
            continue
        if slipped_figure(claim) is not None:
            continue  # a 万元/元 slip explains it: UNIT001 reports the figure
        if claim.group in forced:
            continue
        exp_text = rounded_text(expected, claim.share.places)
        shown = exp_text if exp_text is not None else f"{expected.mid:.{claim.share.places + 1}f}"
        evidence = doc.text[claim.share.start : claim.share.end]
        base = f"（{claim.total_label}）" if claim.total_label else ""
        yield Issue(
            start=claim.share.start,
            end=claim.share.end,
            message=(
                f"占比 {claim.share.text.strip()} 与数据不符：{claim.subject or '该项'} {amount(claim.part)} ÷ "
                f"总数{base} {amount(claim.total)} = {shown}%"  # type: ignore[arg-type]
            ),
            expected=f"{shown}%",
            actual=evidence,
            fix=replace_number(evidence, claim.share, exp_text) if exp_text is not None else None,
        )
