"""What a rule module imports: the decorator, outcomes, model types and number helpers."""

from __future__ import annotations

import re
from decimal import Decimal

from .engine import Assessed, Issue, NotAssessable, Setting, rule
from .model import (
    ChangeClaim,
    ComparisonClaim,
    CompositionClaim,
    Disclosure,
    Quantity,
    RateClaim,
    Severity,
    ShareClaim,
    Statement,
)
from .numbers import HUNDRED, MONEY_SCALE, Interval, percent_of, plain, quantize

__all__ = [
    "Assessed",
    "ChangeClaim",
    "ComparisonClaim",
    "CompositionClaim",
    "Disclosure",
    "HUNDRED",
    "Interval",
    "Issue",
    "MONEY_SCALE",
    "NotAssessable",
    "Quantity",
    "RateClaim",
    "Setting",
    "Severity",
    "ShareClaim",
    "Statement",
    "percent_of",
    "plain",
    "quantize",
    "rule",
    "RATE_TOLERANCE",
    "amount",
    "in_unit",
    "percent",
    "rounded_text",
    "replace_number",
    "interval_of",
    "money_word_before",
    "display_subject",
]

_FUNDING_PREFIX = re.compile(r"^(?:本部门|本单位)?使用[^，。]*?安排的?(?=[\u4e00-\u9fff])")


def display_subject(subject: str) -> str:
    """A subject as a reviewer would name it: "使用一般公共预算财政拨款安排基本支出" -> "基本支出"."""
    return _FUNDING_PREFIX.sub("", subject) or subject

_MONEY_WORD = re.compile(r"(?:资金|经费|金额|费用|预算|支出|收入|扶持|拨款|补助|补贴|奖励|奖金|投入|资助|款)[^，。；,;]{0,6}$")


def money_word_before(d: Disclosure, q: Quantity) -> bool:
    """Whether a figure follows a money word in its clause ("项目资金扶持共计 10 万")."""
    before = re.sub(r"\s+", "", d.document.content[max(0, q.start - 16) : q.start])
    return bool(_MONEY_WORD.search(before))


#: The setting a rate rule declares: how far a stated rate may stray beyond rounding before it is reported.
RATE_TOLERANCE = Setting(
    Decimal(0),
    "在四舍五入之外还容许的误差（百分点），如 0.1；默认 0：只容许四舍五入",
    minimum=Decimal(0),
)


def interval_of(q: Quantity) -> Interval:
    """A money figure in 元, anything else in its own unit."""
    return q.yuan if q.kind == "money" else q.interval


def in_unit(value: Decimal, unit: str, places: int = 2) -> str:
    """A value given in 元 written in a report's unit: 396700 -> '39.67 万元'."""
    scaled = value / MONEY_SCALE[unit] if unit in MONEY_SCALE else value
    return f"{_grouped(quantize(scaled, places), places)} {unit}".strip()


def _grouped(value: Decimal, places: int) -> str:
    return f"{value:,.{places}f}" if abs(value) >= 1000 else f"{value:.{places}f}"


def amount(q: Quantity) -> str:
    """A figure as a reviewer would quote it: its value as written, and its unit."""
    value = q.value if q.value else abs(q.value)  # no "-0"
    text = f"{value:,.{q.places}f}" if q.grouped else f"{value:.{q.places}f}"
    unit = q.unit if q.unit != "%" else "%"
    sep = "" if unit == "%" else " "
    return f"{text}{sep}{unit}".strip()


def percent(value: Decimal, places: int) -> str:
    return f"{quantize(value, places):.{places}f}%"


def rounded_text(interval: Interval, places: int) -> str | None:
    """The one way to write an exact range at a precision, or None if it straddles a rounding boundary."""
    lo, hi = quantize(interval.lo, places), quantize(interval.hi, places)
    if lo != hi:
        return None
    return f"{lo:.{places}f}"


def replace_number(evidence: str, old: Quantity, new_number: str) -> str:
    """The evidence with a figure's digits replaced, keeping the words and spacing around them."""
    digits = old.text
    # the figure's own text, without its unit, as it appears in the evidence
    number_part = digits
    for unit in sorted([old.unit, "%", "％"], key=len, reverse=True):
        if unit and number_part.rstrip().endswith(unit):
            number_part = number_part.rstrip()[: -len(unit)].rstrip()
            break
    i = evidence.rfind(number_part)
    if i < 0:
        return evidence
    return evidence[:i] + new_number + evidence[i + len(number_part) :]
