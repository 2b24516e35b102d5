"""What a rule module imports: the decorator, outcomes, model types, verdicts and number helpers."""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    Claim,
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
from .numbering import cn_number, cn_numeral, item_line_breaks, marker_for, marker_written
from .numbers import HUNDRED, MONEY_SCALE, Interval, percent_of, plain, quantize
from .scan import Scan
from .segment.furniture import page_number_between
from .suppress import SuppressionUse
from .tables import LinkClaim, ListedItemClaim, NameClaim, ShiftClaim, TableCell, TableClaim, TextTableClaim
from .tables.evaluate import Culprit, Outcome, TableVerdicts, rounded
from .tables.grid import states_unit
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
    "SuppressionUse",
    "TableCell",
    "TableClaim",
    "TableVerdicts",
    "TextTableClaim",
    "amount",
    "change_text",
    "cite_lines",
    "cn_number",
    "cn_numeral",
    "digits",
    "gap_text",
    "display_subject",
    "figures_of",
    "in_unit",
    "in_unit_of",
    "interval_of",
    "item_label",
    "item_line_breaks",
    "lexicon",
    "list_key",
    "marker_for",
    "marker_written",
    "money_word_before",
    "percent",
    "page_number_between",
    "percent_of",
    "states_unit",
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


def cite_lines(d: Disclosure, offsets: Iterable[int], most: int = 4) -> str:
    """Other places a message points the reader to, as a reviewer cites them: 第 57 行, 第 71、727、1197 行;
    in a PDF by page, as a viewer finds them: 第 3 页第 12、15 行，第 5 页第 2 行. At most `most` places, then 等."""
    doc = d.document
    if not doc.page_starts:
        lines = sorted({doc.position(o)[0] for o in offsets})
        return "第 " + "、".join(str(n) for n in lines[:most]) + ("等" if len(lines) > most else "") + " 行"
    places = sorted({(doc.page_of(o) or 0, doc.page_line(o) or 0) for o in offsets})
    by_page: dict[int, list[int]] = {}
    for page, line in places[:most]:
        by_page.setdefault(page, []).append(line)
    cited = "，".join(f"第 {page} 页第 {'、'.join(map(str, lines))} 行" for page, lines in by_page.items())
    return cited + ("等" if len(places) > most else "")


def figures_of(claim: Claim) -> tuple[tuple[int, int], ...]:
    """The spans of a claim's figures and words (Issue.basis): what its verdict, and a fix, is worked out from."""
    spans = []
    for name in type(claim).model_fields:
        value = getattr(claim, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(getattr(item, "start", None), int) and isinstance(getattr(item, "end", None), int):
                spans.append((item.start, item.end))
    return tuple(spans)


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
