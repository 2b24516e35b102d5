"""The words that carry meaning for a check: which way a change goes, how two figures compare, whether a
clause looks at another period. Each entry says what it matches.

Extraction reads the text with these words, and rules (through auditlint.rulekit) word their findings
with them. Where two readers need different sets for a reason, both are here, named for the reason.
Alternations are written out in the order the patterns that use them need: a pattern tries them in
order, and "增长" before "增长率" leaves "率为" to the words after it.
"""

from __future__ import annotations

import re
from typing import Literal

from ..model import Direction

# ------------------------------------------------------------------ direction

#: Words that say a figure went up: 增加 6.28 万元, 增长 3.2%, 增幅 5%, 超支 1 万元, 导致此款经费上涨.
UP: frozenset[str] = frozenset({"增加", "增长", "上升", "上涨", "增支", "超支", "增幅", "增长率"})
#: Words that say a figure went down: 减少, 下降, 降低, 节约 2 万元, 减支, 降幅 3.1%, 下降率.
DOWN: frozenset[str] = frozenset({"减少", "下降", "降低", "节约", "节省", "减支", "降幅", "减幅", "下降率"})


def direction(word: str | None) -> Direction:
    """1 for a word of going up, -1 for going down, 0 for anything else ("增加（减少）", "持平", none)."""
    if not word:
        return 0
    if word in UP:
        return 1
    if word in DOWN:
        return -1
    return 0


#: The word before a change's amount: "比上年减少 6.28 万元", "节约 2.00 万元", "超支 1.5 万元".
CHANGE_WORD = "增加|减少|增长|下降|上升|降低|节约|节省|增支|减支|超支"
#: The word before a change's rate: "下降 15.8%", "增幅为 3.2%", "增长率 5%".
RATE_WORD = "增长|下降|上升|降低|增加|减少|增幅|降幅|减幅|增长率|下降率"
#: A rate word that is never an amount's: "增长 13.95。" is a rate that lost its %, "增加 13.95" is not.
RATE_ONLY_WORD = "增长|下降|上升|降低|增幅|降幅|减幅"
#: The direction a reason names: "经费减少的主要原因是…".
REASON_WORD = "增加|减少|上升|下降|增长|降低"
#: The direction a reason's effect names: "主要原因：…导致此款经费上涨".
EFFECT_WORD = "增加|减少|上涨|上升|下降|降低|增长"
#: The words a template offers in pairs, one to keep: "增加（减少）", "大于（小于）".
TEMPLATE_CHOICE_WORD = "增加|减少|增长|下降|上升|降低|大于|小于|高于|低于"
#: The pairs of TEMPLATE_CHOICE_WORD that are alternatives ("增长（下降）"), not a word and its gloss.
OPPOSITES: frozenset[frozenset[str]] = frozenset(
    frozenset(p) for p in (("增加", "减少"), ("增长", "下降"), ("上升", "下降"), ("增长", "降低"), ("大于", "小于"), ("高于", "低于"))
)

# ----------------------------------------------------------------- comparison

#: What "决算数 … 预算数" says of the two: larger, smaller or equal.
Comparative = Literal["大于", "小于", "等于"]
#: The word between a final and a budget figure: "决算数大于预算数", "高于", "持平于"; and the template's
#: unresolved "大小于".
COMPARATIVE_WORD = "大于|小于|大小于|小大于|高于|低于|等于|超过|少于|多于|持平于?"
#: The word after "决算数与预算数": "持平", "相等", "一致".
LEVEL_WORD = "持平|相等|一致"
#: The template's "大（小）于" written without a choice.
UNRESOLVED: tuple[str, ...] = ("大小于", "小大于")
_COMPARATIVES: dict[str, Comparative] = {
    **dict.fromkeys(("大于", "高于", "超过", "多于"), "大于"),
    **dict.fromkeys(("小于", "低于", "少于"), "小于"),
    **dict.fromkeys(("等于", "持平", "持平于"), "等于"),
}


def comparative(word: str) -> Comparative | None:
    """What a comparing word says: "高于" → 大于, "少于" → 小于, "持平" → 等于; None for others ("大小于")."""
    return _COMPARATIVES.get(word)


#: Where a subject ends and what it is compared with begins: "机关运行经费|比上年减少", "支出|较上年下降".
COMPARING = re.compile(r"比|较|与|同比")
#: Text right before a year that makes it the other side of a comparison: "与2023年度相比", "比2022年".
COMPARES = re.compile(r"(?:与|比|较|同)\s*$")
#: COMPARES, and text that pairs a year with another ("2022年和2023年", "对比2021年"): neither sets the period.
COMPARES_OR_PAIRS = re.compile(r"(?:比|较|与|同|和|对比)\s*$")

# ------------------------------------------------------------ another period

#: Last year named: "比上年增加", "去年同期", "上一年度".
LAST_YEAR = re.compile(r"上年|去年|上一年")
#: A count about last year, or compared with it: "比上年增加 2 个", "同比", "较上年".
COUNT_OTHER_PERIOD = re.compile(r"上年|去年|同比|比上|较上")
#: A clause that places a year beside another period ("比2021年", "截至2022年", "2021年结转", "以来"): the
#: year written there is not one left over from another report.
YEAR_BESIDE_ANOTHER_PERIOD = re.compile(
    r"比|较|同比|相比|上年|上一年|去年|以来|自|截至|截止|起|结转|结余|以前|往年|历年|累计|同期|延续|跨年|前"
)
#: A sentence that looks back or ahead ("与上年相比", "截至年底", "累计", "预计", "下一步"): it does not state
#: the report's own accounts for its own year.
LOOKS_ELSEWHERE = re.compile(
    r"相比|比上|较上|同比|上年|上一年|去年|以来|截至|截止|累计|同期|以前|往年|历年|跨年|结转|结余|预计|计划|拟|安排|下年|明年|下一步|以后"
)
