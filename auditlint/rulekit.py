"""What a rule module imports: the decorator, outcomes, model types, verdicts and number helpers."""

from __future__ import annotations

import re
from decimal import Decimal

from . import verdicts
from .crossdoc import CrossIssue, Pair, Report
from .crossdoc.facts import Fact, change_text, gap_text, item_label, unit_slip, value_text
from .engine import Assessed, Issue, NotAssessable, Setting, rule
from .extract import lexicon
from .extract.mentions import Mention
from .extract.structure import Placement, list_key
from .model import (
    ChangeClaim,
    ComparisonClaim,
    CompositionClaim,
    Disclosure,
    Heading,
    Quantity,
    RateClaim,
    ReasonClaim,
    Score,
    Severity,
    ShareClaim,
    Statement,
)
from .numbering import cn_number, cn_numeral, marker_for, marker_written
from .numbers import HUNDRED, MONEY_SCALE, Interval, percent_of, plain, quantize
from .scan import Scan
from .tables import LinkClaim, ListedItemClaim, NameClaim, ShiftClaim, TableCell, TableClaim, TextTableClaim
from .tables.evaluate import Culprit, Outcome, TableVerdicts, rounded
from .verdicts import amount, digits, in_unit, in_unit_of, interval_of, percent, rounded_text

__all__ = [
    "LinkClaim",
    "ListedItemClaim",
    "NameClaim",
    "ShiftClaim",
    "Assessed",
    "ChangeClaim",
    "ComparisonClaim",
    "CompositionClaim",
    "CrossIssue",
    "Culprit",
    "Disclosure",
    "Fact",
    "HUNDRED",
    "Heading",
    "Interval",
    "Issue",
    "MONEY_SCALE",
    "Mention",
    "NotAssessable",
    "Outcome",
    "Pair",
    "Placement",
    "Quantity",
    "RATE_TOLERANCE",
    "RateClaim",
    "ReasonClaim",
    "Report",
    "Scan",
    "Score",
    "Setting",
    "Severity",
    "ShareClaim",
    "Statement",
    "TableCell",
    "TableClaim",
    "TableVerdicts",
    "TextTableClaim",
    "amount",
    "change_text",
    "cn_number",
    "cn_numeral",
    "digits",
    "gap_text",
    "display_subject",
    "in_unit",
    "in_unit_of",
    "interval_of",
    "item_label",
    "lexicon",
    "list_key",
    "marker_for",
    "marker_written",
    "money_word_before",
    "percent",
    "percent_of",
    "plain",
    "quantize",
    "replace_number",
    "rounded",
    "rounded_text",
    "rule",
    "unit_slip",
    "value_text",
    "verdicts",
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


def replace_number(evidence: str, old: Quantity, new_number: str) -> str:
    """The evidence with a figure's digits replaced, keeping the words and spacing around them."""
    # the figure's own text, without its unit, as it appears in the evidence
    number_part = old.text
    for unit in sorted([old.unit, "%", "％"], key=len, reverse=True):
        if unit and number_part.rstrip().endswith(unit):
            number_part = number_part.rstrip()[: -len(unit)].rstrip()
            break
    i = evidence.rfind(number_part)
    if i < 0:
        return evidence
    return evidence[:i] + new_number + evidence[i + len(number_part) :]
