"""Figures: find every number in reflowed text with its unit, precision and written form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..model import Quantity
from ..scan import Scan
from .reflow import Reflowed

# Units a figure may carry, longest first so 万元 wins over 万 and 人次 over 人; measures of land and weight too
# ("总面积 2075.56 平方公里" is no amount without its unit); 万亿 before 万, so "支出1.21万亿" is read as the
# magnitude it is and not as "1.21万" followed by a stray 亿.
UNITS = (
    "万亿元|亿元|万元|千元|元|个百分点|百分点|%|‰|万人次|万人|万册|万次|人次|人|个|项|场次|场|次|家|名|辆|台|套|分|篇|条|期|所|支|天|小时|"
    "平方公里|平方千米|平方米|立方米|公顷|公里|千米|亩|吨|处|件|册|户|批|部|门|块|栋|座|所|届|课时|学时|万亿|万|亿|倍"
)
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.])"
    r"(?P<sign>(?<![0-9])[-+])?"
    r"(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![0-9A-Za-z])"
    r"(?P<approx>\s*(?:余|多)(?=\s*(?:" + UNITS + r")))?"
    r"(?:\s*(?P<unit>" + UNITS + r"))?"
)
# every figure opens with its sign or a digit, a few characters in a hundred of a report: the engine skips to each of
# them, and the pattern is tried there only (a pattern opening with a lookbehind is otherwise tried at every position)
_NUMBER_SCAN = Scan(_NUMBER, starts=r"[-+\d]", sparse=True)
_YEAR_OR_DATE = re.compile(r"^\s*(?:年|月|日|号|周年|届|级|季度)")
# ("首次突破2万亿元": a threshold passed, a bound like 超过, not the figure itself)
_APPROX_BEFORE = re.compile(r"(?:近|约|大约|超过|突破|逾|将近|不到|不足|不少于|至少|以上|上下)\s*$")
_APPROX_AFTER = re.compile(r"^\s*(?:左右|以上|以下|上下|余|多)")

MONEY_PH = "\ue000"
PERCENT_PH = "\ue001"
COUNT_PH = "\ue002"
BARE_PH = "\ue003"
DATE_PH = "\ue004"


@dataclass(slots=True)
class Token:
    """A figure found in the reflowed text, with its quantity located in the original."""

    start: int  # in Reflowed.text
    end: int
    quantity: Quantity
    approx: bool = False
    date: bool = False

    @property
    def placeholder(self) -> str:
        if self.date:
            return DATE_PH
        kind = self.quantity.kind
        if kind == "money":
            return MONEY_PH
        if kind == "percent":
            return PERCENT_PH
        if kind == "count":
            return COUNT_PH
        return BARE_PH


_NUMBERING_AFTER = re.compile(r"^(?:\s*[、]|[.．](?![0-9])|[）)])")


def _is_numbering(text: str, start: int, end: int) -> bool:
    """1、 / 2. / （3） / 1.1 at the head of an item number it; they are not figures."""
    before = text[start - 1 : start] if start else "\n"
    if _NUMBERING_AFTER.match(text[end : end + 2]):
        number = text[start:end]
        if "." in number and (len(number.split(".")[0]) > 2 or before.isalpha()):
            return False  # "工程采购金额 1387.72、" / "展品更新31.20、": a figure in a list, not an item 1.1、
        return before in "\n（(" or before.isspace() or not before.isdigit() and text[end : end + 1] in "、）)"
    if before == "\n" and re.match(r"\d{1,2}(?:[.．]\d{1,2})+(?:[、.．]|\s)", text[start : end + 2]):
        return True
    return False


_APPROX_BEFORE_LAST = frozenset("近约过破逾到足于少上下")  # the last characters of _APPROX_BEFORE's words
_APPROX_AFTER_FIRST = frozenset("左以上余多")  # the first characters of _APPROX_AFTER's


def find_figures(flow: Reflowed, original: str) -> list[Token]:
    text = flow.text
    span = flow.span
    tokens: list[Token] = []
    append = tokens.append
    # (every figure of the text passes here: the loop does only what a figure needs, in the order it needs it)
    for m in _NUMBER_SCAN.finditer(text):
        sign, raw, approx_words, unit = m.group("sign", "num", "approx", "unit")
        end = m.end()
        start = m.start()  # (where the sign is, or the figure when it has none)
        if unit is None:
            unit = ""
            if not sign and _is_numbering(text, start, start + len(raw)):
                continue
        elif len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            continue  # "480，00万元": not an amount of 00 万元 but a mistyped one, which nothing can be read from
        after = text[end : end + 4]
        date = not unit and _YEAR_OR_DATE.match(after) is not None
        grouped = "," in raw or "，" in raw
        try:
            value = Decimal(raw.replace(",", "").replace("，", "") if grouped else raw)
        except InvalidOperation:  # pragma: no cover - the pattern only admits digits
            continue
        if sign == "-":
            value = -value
        point = raw.find(".")
        o_start, o_end = span(start, end)
        quantity = Quantity(o_start, o_end, value, unit, len(raw) - point - 1 if point >= 0 else 0, original[o_start:o_end], False, grouped)
        # (the approximating words' patterns are tried only where their last or first character is)
        approx = bool(approx_words)
        if not approx:
            before = text[max(0, start - 6) : start]
            approx = bool(
                before.rstrip()[-1:] in _APPROX_BEFORE_LAST
                and _APPROX_BEFORE.search(before)
                or after.lstrip()[:1] in _APPROX_AFTER_FIRST
                and _APPROX_AFTER.match(after)
            )
        append(Token(start, end, quantity, approx, date))
    return tokens


def skeleton(text: str, tokens: list[Token]) -> str:
    """The text with every figure blanked to its placeholder, character for character."""
    parts: list[str] = []
    pos = 0
    for t in tokens:
        parts.append(text[pos : t.start])
        parts.append(t.placeholder * (t.end - t.start))
        pos = t.end
    parts.append(text[pos:])
    return "".join(parts)
