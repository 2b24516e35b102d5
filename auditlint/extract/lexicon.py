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

#: Words that say a figure went up: 增加 6.28 万元, 增长 3.2%, 增幅 5%, 超支 1 万元, 增收 1284 万元, 导致此款经费上涨.
UP: frozenset[str] = frozenset({"增加", "增长", "上升", "上涨", "增支", "增收", "超支", "增幅", "增长率"})
#: Words that say a figure went down: 减少, 下降, 降低, 节约 2 万元, 减支, 减收 1070 万元, 降幅 3.1%, 下降率.
DOWN: frozenset[str] = frozenset({"减少", "下降", "降低", "节约", "节省", "减支", "减收", "降幅", "减幅", "下降率"})


#: The one-character direction a comparison may end with ("较上年增 17.1 万元", "较上年（减）6 万元",
#: "增 21.86%"): read as a direction only where SHORT_DELTA / SHORT_RATE place it, never as a word alone
#: (新增, 调减 and 增减 are other words).
SHORT_UP, SHORT_DOWN = "增", "减"


def direction(word: str | None) -> Direction:
    """1 for a word of going up, -1 for going down, 0 for anything else ("增加（减少）", "持平", none)."""
    if not word:
        return 0
    if word in UP or word == SHORT_UP:
        return 1
    if word in DOWN or word == SHORT_DOWN:
        return -1
    return 0


#: The gap between a revenue and its budget, said as a figure of its own after the completion rate ("完成预算
#: 46508 万元的 100.8%，超收 392 万元，同比增长 6.8%"): a difference, not the figure a change after it is of.
BUDGET_GAP: frozenset[str] = frozenset({"超收", "短收"})

#: The word before a change's amount: "比上年减少 6.28 万元", "节约 2.00 万元", "超支 1.5 万元".
CHANGE_WORD = "增加|减少|增长|下降|上升|降低|节约|节省|增支|减支|增收|减收|超支"
#: The word before a change's rate: "下降 15.8%", "增幅为 3.2%", "增长率 5%".
RATE_WORD = "增长|下降|上升|降低|增加|减少|增幅|降幅|减幅|增长率|下降率"
#: A rate word that is never an amount's: "增长 13.95。" is a rate that lost its %, "增加 13.95" is not.
RATE_ONLY_WORD = "增长|下降|上升|降低|增幅|降幅|减幅"
#: A change's amount after a comparison that ends in a one-character direction, bare or in brackets as a
#: template's blank was filled ("较上年增 17.1 万元", "较上年减 0.04 万元", "较上年（减少）16.23 万元",
#: "比2017年（减）6 万元"): the direction must follow what is compared with, so 新增 / 调减 are not changes.
SHORT_DELTA = (
    r"(?:比|较)[^，,；;。]{0,16}?(?:上年度?|去年|上一年度?|同期|预算数?|年度?)(?:数|决算数?)?\s*"
    r"(?:[（(](?P<bword>增加|减少|增|减)[)）]|(?P<sword>增|减))(?:了|额为|额)?\s*$"
)
#: A change's rate after a one-character direction: right after what is compared with, or opening the clause
#: after the change's amount ("较上年增 18.67 万元，增 21.86%"; "（减）幅 23%").
SHORT_RATE = (
    r"(?:(?:比|较)[^，,；;。]{0,16}?(?:上年度?|去年|上一年度?|同期|预算数?|年度?)(?:数|决算数?)?|^|[，,；;])\s*"
    r"(?:[（(](?P<bword>增|减)[)）]|(?P<sword>增|减))幅?(?:为|了)?\s*$"
)
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

#: Direction words run together ("比 2024 年度减增加" where a line was edited across a break, "增加持平",
#: "增加增加"): `mixed` two opposite directions (a lone 增/减 only right after what is compared, so 调减,
#: 新增 and 增减 stay words), `level` a direction beside 持平, `twice` one word written twice.
#: (Written with brackets, "增加（减少）", they are the template's choice: TEMPLATE_CHOICE_WORD.)
GARBLED_DIRECTION = re.compile(
    r"(?P<twice>(?P<w>增加|减少|增长|下降)\s*(?P=w))"
    r"|(?P<level>(?:增加|减少|增长|下降|上升|降低)\s*持平|(?<!基本)(?<!大体)(?<!大致)(?<!总体)持平\s*(?:增加|减少|增长|下降))"
    r"|(?P<mixed>(?:(?<=[年度算数期比较元])|(?<=[年度算数期比较元]\s))(?:减\s*(?:增加|增长)|增\s*(?:减少|下降))"
    r"|增加\s*减少|减少\s*增加|增长\s*下降|下降\s*增长)"
)
#: A change said to be none: "与上年持平", "与2025年预算持平" (not "基本持平", "大体持平": a small change).
LEVEL_PHRASE = re.compile(r"持平(?<!基本持平)(?<!大体持平)(?<!大致持平)(?<!总体持平)")

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
#: A share's clause that speaks of another period or compares ("上年教育支出 400 万元，占总支出的 45%"): the
#: total it is a share of is not this year's.
SHARE_ELSEWHERE = re.compile(r"上年|去年|上一年|同期|以前|往年|历年|比|较|同比|相比|累计|预计|下年|明年")
#: A sentence that looks back or ahead ("与上年相比", "截至年底", "累计", "预计", "下一步"): it does not state
#: the report's own accounts for its own year.
LOOKS_ELSEWHERE = re.compile(
    r"相比|比上|较上|同比|上年|上一年|去年|以来|截至|截止|累计|同期|以前|往年|历年|跨年|结转|结余|预计|计划|拟|安排|下年|明年|下一步|以后"
)

# ------------------------------------------------------------ the template's words

#: What the template says to whoever fills it, in brackets, recognised by what it says — never by its text:
#: a condition and what to write then ("如持平作持平表述", "如无则填0"), what to leave out ("不涉及的不列",
#: "没有的可不填"), a kind of unit and what it does ("无事业收入的单位保留…", "仅有一个单位的部门，本部分…"),
#: an instruction verb opening it ("列示至基层预算单位", "简要说明…"), and the kinds of figures to give
#: ("…情况，以及编报绩效目标的项目数量、单位数量、预算金额等").
GUIDANCE = re.compile(
    # ("注：如无下属单位，应写明“本部门无下属单位”": the same, headed 注 and its verb after a comma)
    r"^(?:(?:注|说明)[：:]\s*)?如[^，,。；;]{1,12}(?:[，,]\s*(?:则|应|须))?(?:作|写|填|则|按)"
    r"|(?:不涉及|没有|无此[项类])的?[^，,。；;]{0,6}(?:不列|不填|不写|可不|无需|删除|省略)"
    r"|^(?:无|没有|仅有|只有)[^，,。；;]{1,20}的(?:单位|部门|项目)(?:[，,]|保留|不列|不填|可不|应|须)"
    r"|^(?:请|应|须)?(?:列示至|列明|填列|写明|注明|简要说明|简述|简要描述|详细说明|重点说明)"
    r"|(?:情况|内容)[，,]\s*(?:以及|及|并)[^，,。；;]{2,60}(?:数量|金额|数额|人数|个数|比例)等$"
)
#: The template's description of a section, on a line of its own under the heading:
#: "（包括总目标、年度目标、分解目标等，具体见表格）".
SECTION_GUIDANCE = re.compile(r"^(?:主要)?(?:包括|含|包含)[^，,。；;]{2,40}等[，,]\s*(?:具体|详细|详)见(?:表格|附表|下表|表)")
#: A drafting note to the writer: "（增加内容）", "（待补充）", "（此处补充数据）".
DRAFTING_NOTE = re.compile(
    r"^(?:此处|这里|本段)?(?:增加|补充|添加|完善|更新|修改)(?:内容|文字|数据|说明|材料)$|^待(?:补充|完善|填写|核实|确认|定)$"
)
#: A reason announced and not given: "主要原因是。", "主要原因：；".
EMPTY_REASON = re.compile(r"(?:主要)?原因(?:(?:是|为|在于)[：:]?|[：:])\s*(?=[。；;])")


# ------------------------------------------------------------ the kind of report

#: Words of a title that make a report with 预算 in it something else: a 决算, an evaluation, an execution report.
NOT_BUDGET_TITLE = re.compile(r"决算|自评|评价|执行情况|年度报告")


def budget_title(content: str) -> bool:
    """Whether a report is a budget (部门预算), by its title (the first line, short and with no figures): this
    year's figures in it are budgets, not amounts spent."""
    head = content.lstrip()[:160].split("\n", 1)[0].strip()
    head = re.sub(r"\s+", "", head)  # a title letter-spaced as a PDF's justified line comes out ("2 0 2 3 年 部 门 预 算")
    title = len(head) <= 40 and not re.search(r"[，,。；;]|\d+(?:\.\d+)?(?:万?元|%)", head)
    return bool(title and "预算" in head and not NOT_BUDGET_TITLE.search(head))
