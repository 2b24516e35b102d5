"""SUM: totals and their parts — the parts of a complete list add up to the total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import (
    Assessed,
    CompositionClaim,
    Disclosure,
    Interval,
    Issue,
    NotAssessable,
    Severity,
    amount,
    display_subject,
    interval_of,
    rule,
)

MEASURE_NAMES = {"value": "金额", "budget": "预算数", "delta": "增减额"}
_PEOPLE = {"人", "名", "人次", "万人", "万人次"}
_SLIP = (Decimal(10000), Decimal(1) / Decimal(10000))


def _sum(parts) -> Interval:
    total = Interval.exact(Decimal(0))
    for p in parts:
        total = total + interval_of(p)
    return total


def _failure(claim: CompositionClaim) -> tuple[Interval, Interval] | None:
    """(sum of parts, total) when they cannot agree; None when they can, or may."""
    parts = _sum(claim.parts)
    total = interval_of(claim.total)
    if parts.overlaps(total):
        return None
    if claim.complete:
        return parts, total
    exceeds = parts.lo > total.hi
    if not exceeds or claim.total.unit in _PEOPLE or len(claim.parts) < 2:
        return None  # a list that may be partial only errs when its parts exceed the total
    if any(interval_of(p).overlaps(total) for p in claim.parts):
        return None  # a part as large as the whole: overlapping categories (中小企业 / 小微企业), not a slip
    return parts, total


def unit_slip(claim: CompositionClaim) -> int | None:
    """The part whose 万元/元 slip (×10⁴) alone explains the gap, if one does."""
    total = interval_of(claim.total)
    for i, part in enumerate(claim.parts):
        if part.kind != "money" or part.value == 0 or total.hi <= 0:
            continue
        for factor in _SLIP:
            others = [p for j, p in enumerate(claim.parts) if j != i]
            scaled = interval_of(part).scale(factor)
            if scaled.hi < total.lo / 100:
                continue  # shrinking a part to nothing explains no gap
            if (_sum(others) + scaled).overlaps(total):
                return i
    return None


def total_slip(claim: CompositionClaim) -> str | None:
    """The unit the total should have when it alone is in 元 for 万元 (or the reverse) and, swapped, equals its parts."""
    total = claim.total
    swap = {"元": "万元", "万元": "元"}
    if total.kind != "money" or total.unit not in swap or total.value == 0 or len(claim.parts) < 2:
        return None
    if any(p.kind != "money" or (p.value and p.unit != swap[total.unit]) for p in claim.parts):
        return None  # a slip is what makes the units differ: every part is in the other unit
    if not _sum(claim.parts).overlaps(interval_of(total.model_copy(update={"unit": swap[total.unit]}))):
        return None
    return swap[total.unit]


def _in_unit_of(value: Decimal, like) -> str:
    from auditlint.rulekit import in_unit

    if like.kind == "money":
        return in_unit(value, like.unit, like.places)
    return f"{value:.{like.places}f}{like.unit}"


@rule("SUM001", "parts-do-not-add-up", severity="error")
def parts_do_not_add_up(doc: Disclosure) -> Iterator:
    """各组成部分之和与总数不符。

    Checks: a total with the parts the text lists under it (其中 / 包括 / 主要用于 /
    numbered items). The parts must add up to the total when the list is known
    to be complete: its shares cover 100%, it ends with an 其他 item, its items
    are a known decomposition (rules/identities.toml), or another measure of the
    same list (e.g. the final amounts) adds up exactly. A list that may be
    partial is only reported when its parts exceed the total. Every measure
    listed (final amount, budget, change) is checked; rounding is allowed.

    Why: parts that do not add up mean a figure was mistyped or an item left out.

    Bad:  基本支出8,901,652.46元，其中：工资福利支出8,065,382.38元；商品和服务支出793,236.02元；对个人和家庭的补助158,504.00元；资本性支出0元。
    Good: 基本支出9,017,122.40元，其中：工资福利支出8,065,382.38元；商品和服务支出793,236.02元；对个人和家庭的补助158,504.00元；资本性支出0元。
    """
    groups: dict[str, list[CompositionClaim]] = defaultdict(list)
    for claim in doc.claims_of(CompositionClaim):
        groups[claim.group or str(claim.start)].append(claim)
    for claims in groups.values():
        failures = []
        for claim in claims:
            failed = _failure(claim)
            if failed is None:
                continue
            if unit_slip(claim) is not None or total_slip(claim) is not None:
                continue  # reported by UNIT001
            failures.append((claim, *failed))
        for claim in claims:
            yield Assessed(claim) if claim.complete or failures else NotAssessable(claim, "列举可能不完整")
        if not failures:
            continue
        first = failures[0][0]
        notes = []
        for claim, parts, total in failures:
            name = MEASURE_NAMES.get(claim.measure, "金额")
            terms = " + ".join(amount(p).replace(" ", "") for p in claim.parts)
            gap = parts.mid - total.mid
            notes.append(
                f"{name}：{terms} = {_in_unit_of(parts.mid, claim.total)}，而总数写作 {amount(claim.total)}，"
                f"{'多' if gap > 0 else '少'} {_in_unit_of(abs(gap), claim.total)}"
            )
        why = {
            "shares": "各项占比合计为 100%",
            "other": "列举包含“其他”项",
            "": "各项之和已超过总数",
        }.get(first.completeness, "各项构成完整的分解" if first.completeness.startswith("identity") else "另一口径的分项合计与总数一致")
        subject = display_subject(first.subject) or "总数"
        severity = None if first.complete or first.total.kind == "money" else Severity.WARNING
        yield Issue(
            start=first.total.start,
            end=first.total.end,
            message=f"{subject}与其组成部分之和不符（{why}）。" + "；".join(notes),
            expected=_in_unit_of(failures[0][1].mid, first.total),
            actual=doc.text[first.total.start : first.total.end],
            severity=severity,
            related=tuple((p.start, p.end, lab) for p, lab in zip(first.parts, first.part_labels, strict=False)),
        )
