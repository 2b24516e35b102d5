"""UNIT: 元/万元 slips and amounts written without a unit."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import (
    CompositionClaim,
    Disclosure,
    Issue,
    Quantity,
    Setting,
    amount,
    money_word_before,
    rule,
)

from .sum import _failure, unit_slip


def _significant_digits(q: Quantity) -> int:
    return len(q.text.replace(",", "").replace("，", "").split(".")[0].lstrip("-0")) + q.places


@rule(
    "UNIT001",
    "unit-scale-slip",
    severity="error",
    fixable=True,
    settings={
        "default-unit": Setting(
            "",
            "报告中看不出金额以何为单位时（如金额都没有两位小数），按此单位判断；默认不判断",
            choices=("", "元", "千元", "万元", "亿元"),
        )
    },
)
def unit_scale_slip(doc: Disclosure, settings: dict) -> Iterator:
    """金额单位错写（元与万元相差一万倍）。

    Checks: the same figure written with two money units (11,492,964.29 元 here,
    11,492,964.29 万元 there), and a part that is ten thousand times too large or
    too small for the total it belongs to; the one that disagrees with the unit
    the report keeps its amounts in is reported.

    Why: 万元 written for 元 misstates an amount ten-thousandfold.

    Bad:  2021年度收、支总计11,492,964.29元。……2021年度收、支总计11,492,964.29万元。
    Good: 2021年度收、支总计11,492,964.29元。……2021年度收、支总计11,492,964.29元。
    """
    money = [q for q in doc.quantities if q.kind == "money" and _significant_digits(q) >= 5]
    by_digits: dict[tuple[Decimal, int], list[Quantity]] = defaultdict(list)
    for q in money:
        by_digits[(q.value, q.places)].append(q)
    dominant = doc.unit or settings["default-unit"] or None
    for same in by_digits.values():
        units = {q.unit for q in same}
        if len(units) < 2 or dominant not in units:
            continue
        reference = next(q for q in same if q.unit == dominant)
        for q in same:
            if q.unit == dominant:
                continue
            evidence = doc.text[q.start : q.end]
            fixed = re.sub(re.escape(q.unit) + r"\s*$", dominant, evidence)
            yield Issue(
                start=q.start,
                end=q.end,
                message=(
                    f"单位疑似错写：{amount(q)}与本报告其他处的 {amount(reference)} 数字相同而单位不同，"
                    f"相差 {(q.yuan_value / reference.yuan_value):,.0f} 倍；本报告金额以“{dominant}”为单位"
                ),
                expected=fixed,
                actual=evidence,
                fix=fixed,
                related=((reference.start, reference.end, "同一数字在此处的单位"),),
            )
    for claim in doc.claims_of(CompositionClaim):
        i = unit_slip(claim)
        if i is None or _failure(claim) is None:
            continue
        part = claim.parts[i]
        other = "万元" if part.unit == "元" else "元" if part.unit == "万元" else None
        if other is None:
            continue
        evidence = doc.text[part.start : part.end]
        yield Issue(
            start=part.start,
            end=part.end,
            message=(
                f"单位疑似错写：{claim.part_labels[i] if i < len(claim.part_labels) else '该项'} {amount(part)} "
                f"按“{other}”计才能与总数 {amount(claim.total)} 及其他各项相符"
            ),
            expected=re.sub(re.escape(part.unit) + r"\s*$", other, evidence),
            actual=evidence,
            related=((claim.total.start, claim.total.end, "总数"),),
        )


@rule("UNIT002", "missing-unit", severity="warning", fixable=True)
def missing_unit(doc: Disclosure) -> Iterator:
    """金额缺少单位。

    Checks: an amount written like money (thousands separators or two decimals)
    with no unit in a sentence whose other amounts have one; and 万 alone after
    a money word ("资金扶持 10 万") where 万元 is meant.

    Why: a bare figure is ambiguous between 元 and 万元 — ten thousand times apart.

    Bad:  本年收入合计9,964,644.70元，比上年减少2,601,483.98，下降20.7%。
    Good: 本年收入合计9,964,644.70元，比上年减少2,601,483.98元，下降20.7%。
    """
    seen: set[int] = set()
    for st in doc.statements:
        for fact in st.facts:
            q = fact.quantity
            if not q.unit_inferred or q.start in seen:
                continue
            seen.add(q.start)
            evidence = doc.text[q.start : q.end]
            if q.unit == "%":
                yield Issue(
                    start=q.start,
                    end=q.end,
                    message=f"变动率 {evidence.strip()} 缺少“%”，应写作“{evidence.strip()}%”",
                    expected=f"{evidence.strip()}%",
                    actual=evidence,
                    fix=f"{evidence}%",
                )
                continue
            yield Issue(
                start=q.start,
                end=q.end,
                message=f"金额 {evidence.strip()} 缺少单位；同句其他金额以“{q.unit}”计，应写作“{evidence.strip()}{q.unit}”",
                expected=f"{evidence.strip()}{q.unit}",
                actual=evidence,
            )
    for q in doc.quantities:
        if q.unit != "万" or q.start in seen or not money_word_before(doc, q):
            continue
        if any("０" <= c <= "９" for c in q.text):
            continue  # FMT001 reports the full-width digits and the missing 元 together
        evidence = doc.text[q.start : q.end]
        yield Issue(
            start=q.start,
            end=q.end,
            message=f"金额“{evidence.strip()}”缺少“元”，应写作“{evidence.strip()}元”",
            expected=f"{evidence}元",
            actual=evidence,
            fix=f"{evidence}元",
        )

