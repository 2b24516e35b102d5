"""Statements: read each sentence as figures said about subjects, and nest them into lists.

A statement is what the text says about one subject: its amount, and the
figures that qualify it — a budget, last year's figure, a change and its rate,
a share, an execution rate. "其中" / "包括" / "主要用于" and numbered sub-items make
statements the parts of an earlier one. Everything here works on the skeleton
(figures blanked to placeholders), so patterns read like the template phrasing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Comparison, Fact, Quantity, Reason, Statement, Word
from ..numbering import MARKER_LEVELS, item_number, marker_style, strip_marker
from ..scan import Scan
from .figures import DATE_PH, Token
from .lexicon import (
    CHANGE_WORD,
    COMPARATIVE_WORD,
    COMPARING,
    EFFECT_WORD,
    LAST_YEAR,
    LEVEL_WORD,
    RATE_ONLY_WORD,
    RATE_WORD,
    REASON_WORD,
    SHORT_DELTA,
    SHORT_RATE,
    comparative,
    direction,
)
from .reflow import Reflowed

PH = "\ue000-\ue004"
_Y = DATE_PH + r"+\s*"

# ---------------------------------------------------------------- left contexts
# Each pattern reads the text just before a figure, inside its clause.

_DELTA = re.compile(
    r"(?P<word>(?:增加|减少)[（(](?:增加|减少)[)）]|" + CHANGE_WORD + r")(?:了|额为|额|金额为)?(?:约)?\s*$"
)
_RATE = re.compile(r"(?P<word>" + RATE_WORD + r")(?:了|为|达|达到|幅度为|幅度|比例为|比例|率为)?\s*$")
_SHORT_DELTA = re.compile(SHORT_DELTA)
_SHORT_RATE = re.compile(SHORT_RATE)
_RATE_ONLY = re.compile(r"(?:" + RATE_ONLY_WORD + r")(?:了|为|幅度为|率为)?\s*$")
_YOY_RATE = re.compile(r"同比(?:增长|下降|上升|降低)了?\s*$")
# the words before a share with nothing between them and its figure: "占", "占本年支出合计的", "占比为"
# (not 占地 / 占用 / 占有, whose figures are areas and amounts)
_BARE_SHARE = re.compile(r"(?:占比|比重|所占比例|占(?![地用有])(?:[^，,；;。\d" + PH + r"]{0,24}的)?)(?:为|是|达)?$")
# the name of a money line item, or a change in money, right before a bare whole figure that ends its clause:
# "政府性基金预算财政拨款收入30。", "增支32770。", "支出合计448985。" (an amount whose unit was left off)
_MONEY_NAME_BEFORE = re.compile(
    r"(?:收入|支出|合计|总计|经费|资金|基金|拨款|增支|减支|增收|减收|(?:收入|支出|资金|财力)总量|结转结余|滚存结余|"
    r"(?:年初|调整|全年)?预算数?|决算数?)(?:为|是|达)?$"
)
_CLAUSE_END = re.compile(r"[，。；,;、]")
_SHARE = re.compile(
    r"(?:(?P<bare>占比|比重|所占比例|占比为|比重为|所占比例为)|占(?P<base>[^，,；;。]*?)(?:的)?(?:比重|比例|份额)?(?:为|是|达)?)\s*$"
)
_EXEC = re.compile(
    r"(?:(?:完成|达到|为|占)?(?P<basis>年初预算|调整预算|调整后预算|全年预算|预算|计划)(?:数)?的"
    r"|(?P<kind>预算执行率|资金执行率|执行率|完成率|到位率|执行进度|支出进度|预算完成率))"
    r"(?:为|达到|达|是|约)?\s*$"
)
_PRIOR = re.compile(
    r"(?:比|较|对比)\s*(?P<what>[^，,；;。]*?)"
    r"(?P<basis>年初预算|调整后预算|调整预算|预算|上年度?|去年|同期|" + _Y + r"年度?)"
    r"(?:累计|实际)?(?:数|决算数|决算|同期|支出)?(?:为|的)?\s*$"
)
# "上年决算数为", "2025年预算执行数为", "上年当年预算执行数为" (a budget report's last year): last year's figure
_PRIOR_PLAIN = re.compile(
    r"^(?:上年度?|去年|上一年度?|" + _Y + r"年度?)(?:当年)?(?:同期)?(?:决算|(?:预算)?执行)?(?:数|金额)?(?:为|是)\s*$"
)
# the figure after "决算数大于预算数" is the difference between the two ("决算数大于预算数 55.93 万元")
_OVER_BUDGET = re.compile(
    r"(?:决算|执行|支出)数?(?P<word>大于|小于|高于|低于|超过|少于|多于)(?:年初|全年|调整后?的?)?预算数?(?:金额)?(?:为)?\s*$"
)
_BUDGET = re.compile(
    r"(?P<measure>年初预算|调整后的预算|调整后预算|调整预算|全年预算|项目预算|预算安排|预算调整后?|预算|计划资金|计划投入)"
    r"(?:数|金额|资金|总额|数额)?(?:为|是|共|共计|合计|总计|总额为?)?\s*$"
)
_ACTUAL = re.compile(
    r"(?P<measure>支出决算|决算数|决算|实际执行数|执行数|实际支出|实际发生支出|到位资金|实际到位资金|资金到位|实际到位|共计支出|总体支出|累计支出|共支出)"
    r"(?:数|金额)?(?:为|是|共|共计|合计|总计|总额为?)?\s*$"
)
_AGAINST_EXECUTION = re.compile(r"(?:比|较)[^，,；;。]*执行")
# "较2022年预算增加": a budget named by its year, compared with
_YEARS_BUDGET = re.compile(r"(?:比|较)\s*" + _Y + r"年度?预算")
# the verb before a budget an amount is measured against ("完成全年预算 X 万元的 R%"): no subject of its own
_COMPLETES = re.compile(r"(?:完成|达到|占)了?")
_BASIS_PHRASE = re.compile(
    r"(?:与|同|和|较|比)\s*(?P<basis>" + _Y + r"年度?(?:年初)?预算数?|" + _Y + r"年度?|上年度?|去年|上一年度?|同期|年初预算|预算)(?:决算数?)?相比"
    r"|(?P<yoy>同比)"
)
_BASIS_PHRASE_SCAN = Scan(_BASIS_PHRASE, starts="[与同和较比]")  # only where a phrase can begin

# -------------------------------------------------------------- subject cleanup

_LEAD = re.compile(
    r"^(?:[，,、；;：:\s）)]|其中|包括|主要包括|主要用于|分别为|分别是|以及|及|和|含|即|另外|此外|"
    r"截[至止]到?\s*" + _Y + r"?年?[^，,]*?日|"
    + _Y + r"[-－—~至]\s*" + _Y + r"年度?|" + _Y + r"年度?|本年度?|当年|全年|本期|当期|今年|上年度?|"
    r"本部门|本单位|我部门|我单位|该项目|本项目|安排|预算安排)+"
)
# ("收、支总计均为 T 万元": 均 says both totals are T, as 各 does; 人均, 生均 and 平均 are words of their own)
_TRAIL = re.compile(r"(?:" + _Y + r"年度?|本年度?|当年|全年|的|为|是|共|共计|达|达到|各|(?<![人生平])均|约|[，,、：:\s])+$")
_TRAIL_CHARS = re.compile(r"[" + DATE_PH + r"年度本当全的为是共计达到各均约，,、：:\s]*")


def _strip_trail(text: str) -> str:
    """_TRAIL.sub("", text), searched for only in the run of characters it can match at the end
    (a plain search retries from every character of a long run that ends in something else)."""
    run = _TRAIL_CHARS.match(text[::-1]).end()
    m = _TRAIL.search(text, len(text) - run)
    return text[: m.start()] if m else text
_QUOTES = re.compile(r"[“”\"‘’'「」『』《》]")
_LIST_MARKER = re.compile(
    r"(?<!不)(?P<kind>其中|主要用于(?:以下|下列|如下|下)?(?:几个)?方面|主要用于|包括|分别为|分别是|具体如下|主要有|主要为"
    # "财力安排支出 68.4 亿元，主要支出事项：一般公共服务支出 7.1 亿元、…等；": the amounts the item is spent on
    r"|主要(?:支出|收入)(?:事项|项目)(?=\s*[：:]))"
    r"(?:（[^）]{0,8}）|\([^)]{0,8}\))?\s*[：:，,]?"
)
# every list marker begins with one of these: only there is one looked for (the first match is search's)
_LIST_MARKER_SCAN = Scan(_LIST_MARKER, starts="[其主包分具]")
_SUBLIST = re.compile(r"^(?P<subject>[^，,。；;：:]{2,60}?)中[，,：:]")
_COMPARISON = re.compile(
    r"(?P<subject>[^，,。；;：:" + PH + r"]*?)(?:支出)?(?:决算|实际支出|执行)数?"
    r"(?P<word>" + COMPARATIVE_WORD + r")(?:年初|全年|调整后?的?)?预算数?"
)
# "决算数与（同）全年预算数持平": the same comparison with the budget before the word
_LEVEL = re.compile(
    r"(?P<subject>[^，,。；;：:" + PH + r"]*?)(?:支出)?(?:决算|实际支出|执行)数?[与同和](?:年初|全年|调整后?的?)?预算数?"
    r"(?P<word>" + LEVEL_WORD + ")"
)
# a comparison lies inside a clause and holds its comparing word: only clauses that hold one are scanned
# (the subject's lazy run otherwise rescans the clause from every character)
_COMPARISON_SCAN = Scan(
    _COMPARISON, outside="[，,。；;：:" + PH + "]", anchor="(?:决算|实际支出|执行)数?(?:" + COMPARATIVE_WORD + ")"
)
_YEAR_NAMED = re.compile(_Y)
_AFTER_YEAR = re.compile(r"^\s*年度?")
_LEVEL_SCAN = Scan(_LEVEL, outside="[，,。；;：:" + PH + "]", anchor="(?:决算|实际支出|执行)数?[与同和]")
_NAMED_REASON = re.compile(
    r"(?P<subject>[^，,。；;：:" + PH + r"]{2,30}?)(?:支出)?(?:决算数?)?(?P<word>" + REASON_WORD + ")(?:的)?(?:主要)?原因"
)
# A named reason lies inside a clause and ends with its word and 原因: only clauses that hold those are
# scanned (the scan tries thirty subject lengths at every character it looks at).
_NAMED_REASON_SCAN = Scan(
    _NAMED_REASON, outside="[，,。；;：:" + PH + "]", anchor="(?:" + REASON_WORD + ")(?:的)?(?:主要)?原因"
)
# a bounded gap: an unbounded lazy gap rescans the rest of the sentence from every 原因 (quadratic)
_FOLLOWING_REASON = re.compile(
    r"(?:主要)?原因[是为：:][^。；]{0,300}?导致(?:此款|该款|此项|该项|本项)?(?:经费|支出|资金|费用)?(?P<word>" + EFFECT_WORD + ")"
)
# inside one sentence part, and never without its 导致: only parts that hold one are scanned
_FOLLOWING_REASON_SCAN = Scan(_FOLLOWING_REASON, outside="[。；]", anchor="导致")
_REASON = re.compile(r"^(?:主要)?(?:增[（(]?减[)）]?)?原因")

@lru_cache(maxsize=8192)  # a pure function of a string, called for every figure; labels recur (template phrasing)
def clean_subject(label: str) -> str:
    """The subject a label names: without numbering, periods, connectors and quotes."""
    text = strip_marker(label.strip())
    text = _QUOTES.sub("", text)
    for _ in range(3):
        new = _strip_trail(_LEAD.sub("", text)).strip()
        if new == text:
            break
        text = new
    if text[:1] in ("（", "("):
        # "（注：…）…" drops its bracket; an opening bracket left alone ("（增加 50 万元）") is no subject
        text = _LEAD_PARENS.sub("", text) if ("）" in text or ")" in text) else text[1:].strip()
    else:
        # "下同)一般公共预算收入完成": the end of a bracket the clause began inside ("全省100个县区(含41个县…,下同)")
        text = _TAIL_OF_PARENS.sub("", text).strip() or text
    if DATE_PH in text:
        # "中共某某部2024年度收入支出总计": the year separates who reports from what is reported
        text = _REPORTER_YEAR.sub("", text)
    return text.replace(DATE_PH, "").strip()


_LEAD_PARENS = re.compile(r"^[（(][^）)]*[）)]")
_TAIL_OF_PARENS = re.compile(r"^[^（()）]{0,30}[）)]")
_REPORTER_YEAR = re.compile(r"^[^，,；;" + PH + r"]{2,40}?" + _Y + r"年度?(?=[^" + PH + r"]{2,})")


_KEY_DROP = re.compile(r"[\s、，,“”\"‘’'「」『』《》：:·\-—]")
_KEY_PARENS = re.compile(r"[（(](类|款|项)[)）]")


_MEASURE_TAIL = re.compile(r"(?:支出)?(?:决算数?|预算数?)$")


def _strip_measure(label: str) -> str:
    return _MEASURE_TAIL.sub("", label.strip()) or label


_ORG_PREFIX = re.compile(
    # each place name runs to the first 省/市/区… after its first character: one way to split a
    # run of them, where "any 1-7 characters" split "市市市…" in exponentially many ways
    r"^(?:[\u4e00-\u9fff](?:(?![省市区县州旗])[\u4e00-\u9fff]){0,6}[省市区县州旗])+[\u4e00-\u9fff（）()]{0,16}?"
    r"(?:协会|委员会|联合会|局|厅|办公室|办|中心|馆|院|站|所)(?=[\u4e00-\u9fff“]{2,})"
)


_PLACE_SUFFIX = re.compile(r"[省市区县州旗]")


@lru_cache(maxsize=8192)  # as clean_subject: pure, called for every statement, and subjects recur
def subject_key(subject: str) -> str:
    """A subject in a form two mentions of the same line item share: 收、支总计 == 收支总计 == 收入、支出决算总计."""
    key = _KEY_DROP.sub("", subject)
    if _PLACE_SUFFIX.search(key):  # no place name, no organisation prefix: skip the costly pattern
        key = _ORG_PREFIX.sub("", key)
    key = _KEY_PARENS.sub(r"(\1)", key)
    key = key.replace("（", "(").replace("）", ")")
    if key.endswith("总预算"):
        # "收、支总预算 X 万元" is read as the budget of 收、支总; "收、支总预算各增加 D 万元" names the same line item
        key = key[:-2]
    if "收入支出" in key or "收支决算总计" in key:
        # the template's "收入、支出决算总计 T 万元……收、支总计各增加 D 万元": one line item, named in full and then short
        key = key.replace("收入支出", "收支").replace("收支决算总计", "收支总计")
    if key.startswith("本年") and len(key) > 4:
        key = key[2:]
    return key


# -------------------------------------------------------------------- the parser


@dataclass(slots=True)
class _OpenList:
    """A list whose parts run on past the sentence that announced it."""

    parent: Statement
    kind: str
    level: int  # level of the parent's paragraph marker (99: none)
    style: str | None = None  # numbering style of the children, once seen
    shape: frozenset[str] | None = None  # the roles the first unnumbered child carries


@dataclass(slots=True)
class _Sentence:
    start: int  # in the flow text
    end: int
    skel: str
    tokens: list[Token]


_CLAUSE_BREAK = re.compile(r"[，,；;：:。]")
_SENTENCE_END = re.compile(r"[。！？!?]+")
_SEMICOLON = re.compile(r"[；;]")
_FIGURES = re.compile("[" + PH + "]+")
_BRACKET = re.compile(r"[（）()]")
# How far back from a figure its words are read. Real subjects are a few dozen characters;
# the cap keeps every pattern applied to a figure's left context bounded, whatever the input.
_LEFT_WINDOW = 240
# a bare figure with another figure right beside it, only blanks between: two cells of a table row, not running text
# (or the next row's numbered label glued to it: "收入 47,483,458一、社会保障和就业支出", "6,397,096 1. 一般公共预算")
_FIGURE_AFTER = re.compile(r"[ \t\u3000]+[" + PH + r"]|[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．][ \t]*[\u4e00-\u9fff])")
_FIGURE_BEFORE = re.compile(r"[" + PH + r"][ \t\u3000]+$")
# compiled once: these are read for every sentence or figure
_CLAUSE_SEPARATOR = re.compile(r"[，,；;]")
# "1.人员经费：…"; a 科目 named in full runs longer ("1.“一般公共服务支出（类）…行政运行（项）”：…")
_HEAD_LABEL = re.compile(r"^([^，,。；;：:" + PH + r"]{2,30}|[^，,。；;：:" + PH + r"]{2,80}[（(]\s*[类款项]\s*[）)][”\"]?)[：:。]")
_CLOSING_BRACKET = re.compile(r"[）)]")
# a bracket right after an amount, opening a named amount inside it ("500.00 万元（公务用车购置费 100.00 万元", "371.32 亿元
# （含街道 31.33 亿元）": what it contains is no sibling of it; not "（其中…" or "（包括…", which the list markers read, nor a note)
_OPENS_BREAKDOWN = re.compile(r"\s*[（(](?![^）)]*[）)])(?!其中|包括|注)[^（()）。；;，,]{2,30}$")
_INCLUDES = re.compile(r"^\s*(?:主要)?(?:包括|含)")
# a pair of names sharing the measure and the total after them: "收入、支出决算总计", "收入支出决算总计" (收入 before
# 支出决算), "收支决算总计", "收、支决算总计" (收支 before 决算)
_INCOME_BEFORE = re.compile(r"收入?\s*[、和及与]?\s*$")
_PAIR_BEFORE = re.compile(r"收\s*[、和及与]?\s*支\s*$")
_TOTAL_AFTER = re.compile(r"\s*(?:数|金额)?\s*(?:总计|合计)")
# what stands between "与上年决算相比" and the change amount when the change names nothing: "，增加", "，减少了"
_CHANGE_AFTER_BASIS = re.compile(r"[，,\s]*(?:增加|减少|增长|下降|上升|降低|增|减)了?\s*")
_SHARE_OF = re.compile(r"占[^，,；;。]*$")
_NOT_A_CHANGE = re.compile(r"占|完成|执行|到位")
# a list's own label before its marker: "支出包括：", "收入包括："
_OWN_TOTAL = re.compile(r"(?:收入|支出|经费|资金|预算|拨款)\s*$")
# what stands between two figures of one list: "4125.49、4143.91 万元", "1267.86，2570.97 万元"
_LIST_GAP = re.compile(r"\s*[、，,]\s*")
# "收入476.17、支出总计460.06万元": a 、 and the next figure's short name between two figures of one unit
_NAMED_LIST_GAP = re.compile(r"\s*、\s*[^\W\d_]{1,8}\s*")
_LONG_NAMED_LIST_GAP = re.compile(r"\s*、\s*[^\W\d_]{1,30}\s*")
# "各" before the verb of figures that go one to each name before it: "收、支总计各是", "各减少", "各下降"
_EACH = re.compile(r"各(?:是|为|自为|减少|增加|下降|增长|降低|上升)\s*$")


class _SentenceIndex:
    """Where a sentence's clause breaks, brackets and basis phrases are: looking back from a
    figure costs a bisect instead of a rescan, so a sentence with thousands of figures stays linear."""

    def __init__(self, skel: str):
        self.skel = skel
        self.breaks = [m.end() for m in _CLAUSE_BREAK.finditer(skel)]
        self.blank_prefix = len(skel) - len(skel.lstrip(" ，,；;：:"))  # nothing but separators before it
        self._brackets: dict[str, list[int]] | None = None
        self._phrases: list[re.Match[str]] | None = None
        self._semicolons: list[int] | None = None

    def has_semicolon(self, start: int, end: int) -> bool:
        """Whether a ；/; lies in skel[start:end]."""
        if self._semicolons is None:
            self._semicolons = [m.start() for m in _SEMICOLON.finditer(self.skel)]
        k = bisect.bisect_left(self._semicolons, start)
        return k < len(self._semicolons) and self._semicolons[k] < end

    def clause_start(self, rel: int) -> int:
        """Where the clause holding rel starts: just after the last break before it."""
        k = bisect.bisect_right(self.breaks, rel)
        return self.breaks[k - 1] if k else 0

    def rfind(self, char: str, end: int) -> int:
        """skel.rfind(char, 0, end) for a bracket."""
        if self._brackets is None:
            self._brackets = {c: [] for c in "（）()"}
            for m in _BRACKET.finditer(self.skel):
                self._brackets[m.group()].append(m.start())
        found = self._brackets[char]
        k = bisect.bisect_left(found, end)
        return found[k - 1] if k else -1

    def last_basis_phrase(self, rel: int) -> re.Match[str] | None:
        """The last "与上年相比" / "同比" ending before rel (none can straddle a figure)."""
        if self._phrases is None:
            self._phrases = list(_BASIS_PHRASE_SCAN.finditer(self.skel))
        k = bisect.bisect_right(self._phrases, rel, key=lambda m: m.end())
        return self._phrases[k - 1] if k else None


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the words before a figure say it is. A pure function of those words (template phrasing
    repeats them throughout a report and across reports), so it is read once per wording; where the
    figure and its word sit is added by StatementParser._classify."""

    role: str
    subject: str = ""
    measure: str = ""
    fields: tuple[tuple[str, object], ...] = ()  # the Fact's fields but its quantity, word and double sign
    word_at: int = 0  # where the fact's word starts in the words before the figure
    word: str = ""  # the fact's word, if it has one
    basis_from_phrase: bool = False  # a change whose basis the words leave to the sentence's 与…相比




@lru_cache(maxsize=8192)
def _reading(kind: str, approx: bool, left_clean: str, before_de: bool) -> _Reading | None:
    """The reading of a figure of this kind after these words (right-stripped); before_de: "的" follows it."""
    if kind != "percent" and before_de and _SHARE_OF.search(left_clean):
        return _Reading("base", fields=(("role", "base"), ("label", left_clean)))
    if kind == "percent":
        return _percent_reading(left_clean)
    if approx or kind not in ("money", "count"):
        return None
    m = _DELTA.search(left_clean)
    if m:
        return _change_reading(left_clean, m.start(), m.group("word"), m.start("word"))
    m = _SHORT_DELTA.search(left_clean)
    if m:
        group = "bword" if m.group("bword") else "sword"
        return _change_reading(left_clean, m.start(), m.group(group), m.start(group))
    if kind == "count":
        return _Reading("value", clean_subject(left_clean), fields=(("role", "value"), ("label", left_clean)))
    return _amount_reading(left_clean)


# what "完成年初预算的 R%" measures against, in Fact.basis's words
_EXECUTION_BASIS = {
    "年初预算": "initial_budget",
    "调整预算": "adjusted_budget",
    "调整后预算": "adjusted_budget",
    "全年预算": "full_year_budget",
    "预算": "budget",
    "计划": "plan",
    "": "",
}


def _percent_reading(left_clean: str) -> _Reading | None:
    """A percentage: a change's rate (增长 R%), a share (占 P%), or an execution rate (执行率 R%)."""
    m = _RATE.search(left_clean)
    if m and not _NOT_A_CHANGE.search(left_clean[: m.start()][-3:]):
        subject = clean_subject(_strip_measure(COMPARING.split(left_clean[: m.start()])[0]))
        fields = (("role", "rate"), ("label", left_clean), ("direction", direction(m.group("word"))))
        return _Reading("rate", subject, fields=fields, word_at=m.start("word"), word=m.group("word"))
    m = _SHORT_RATE.search(left_clean)
    if m:
        group = "bword" if m.group("bword") else "sword"
        subject = clean_subject(_strip_measure(COMPARING.split(left_clean[: m.start()])[0]))
        fields = (("role", "rate"), ("label", left_clean), ("direction", direction(m.group(group))))
        return _Reading("rate", subject, fields=fields, word_at=m.start(group), word=m.group(group))
    m = _SHARE.search(left_clean)
    if m:
        base = (m.group("base") or "").strip()
        fields = (("role", "share"), ("label", left_clean), ("base_label", base))
        return _Reading(
            "share", clean_subject(left_clean[: m.start()]), fields=fields, word_at=m.start(), word=left_clean[m.start() : m.end()]
        )
    m = _EXEC.search(left_clean)
    if m:
        rate_kind = m.group("kind") or ("完成" + (m.group("basis") or "预算"))
        fields = (("role", "execution"), ("label", rate_kind), ("basis", _EXECUTION_BASIS[m.group("basis") or ""]))
        return _Reading(
            "execution", clean_subject(left_clean[: m.start()]), fields=fields, word_at=m.start(), word=left_clean[m.start() : m.end()]
        )
    return None


def _change_reading(left_clean: str, start: int, word_text: str, word_at: int) -> _Reading:
    """An amount after 增加 / 减少 … (its words from start, the direction word_text at word_at): a change,
    against last year or the budget when the clause says which."""
    # word_text "增加（减少）", the template's choice left unmade, says neither
    # budget or prior_year when the clause says so; else the sentence's basis phrase, if any, decides
    if _AGAINST_EXECUTION.search(left_clean):
        basis = "prior_year"  # "比2025年预算执行数增加": last year's execution, in a budget report
    elif "预算" in left_clean:
        # "比上年预算增加" in a budget report compares with last year, not with this year's budget
        # and "较2022年预算增加" (a year named: another year's budget, where this year's would be 年初 or 调整)
        basis = "prior_year" if (LAST_YEAR.search(left_clean) or _YEARS_BUDGET.search(left_clean)) and "年初" not in left_clean else "budget"
    else:
        basis = "prior_year" if "比" in left_clean or "较" in left_clean else ""
    subject = clean_subject(_strip_measure(COMPARING.split(left_clean[:start])[0]))
    fields = (("role", "delta"), ("label", left_clean), ("direction", direction(word_text)), ("basis", basis))
    return _Reading("delta", subject, fields=fields, word_at=word_at, word=word_text, basis_from_phrase=not basis)


def _amount_reading(left_clean: str) -> _Reading:
    """An amount that is no change: last year's figure, a budget, or the amount itself (决算 or 到位)."""
    if _PRIOR_PLAIN.match(left_clean.strip("，,；; ")):
        return _Reading("prior", fields=(("role", "prior"), ("label", left_clean), ("basis", "prior_year")))
    m = _PRIOR.search(left_clean)
    if m:
        basis = "budget" if "预算" in m.group("basis") else "prior_year"
        fields = (("role", "prior"), ("label", left_clean), ("basis", basis))
        return _Reading("prior", clean_subject(left_clean[: m.start()]), fields=fields)
    m = _OVER_BUDGET.search(left_clean)
    if m:
        # "决算数大于预算数 55.93 万元": by how much the final exceeds the budget, not the budget
        fields = (("role", "delta"), ("label", left_clean), ("direction", 1 if comparative(m.group("word")) == "大于" else -1), ("basis", "budget"))
        subject = clean_subject(_strip_measure(COMPARING.split(left_clean[: m.start()])[0]))
        return _Reading("delta", subject, fields=fields, word_at=m.start("word"), word=m.group("word"))
    m = _BUDGET.search(left_clean)
    if m:
        measure = m.group("measure")
        subject = clean_subject(left_clean[: m.start()])
        if _COMPLETES.fullmatch(subject):
            # "决算为 62.07 万元，完成全年预算 84.82 万元的 73.2%": the budget the amount before it was held to
            subject = ""
        return _Reading("budget", subject, "预算", fields=(("role", "budget"), ("label", measure)))
    m = _ACTUAL.search(left_clean)
    if m:
        measure = "到位" if "到位" in m.group("measure") else "决算"
        subject = left_clean[: m.start()]
        if m.group("measure") in ("共计支出", "总体支出", "累计支出", "共支出"):
            subject = left_clean[: m.start()] + "支出"
        elif _TOTAL_AFTER.match(left_clean, m.end("measure")) and (
            (m.group("measure").startswith("支出") and _INCOME_BEFORE.search(subject))
            or (m.group("measure") == "决算" and _PAIR_BEFORE.search(subject))
        ):
            # "收入、支出决算总计 T 万元" ("收入支出决算总计", "收支决算总计"): 收入 and 支出 share the measure and the total;
            # the subject is the pair's total (the template's next words, "收、支总计各增加 D 万元", name it so), not 收入
            subject = subject + left_clean[m.start() :].replace("决算", "", 1)
        return _Reading("value", clean_subject(subject), measure, fields=(("role", "value"), ("label", left_clean)))
    return _Reading("value", clean_subject(left_clean), fields=(("role", "value"), ("label", left_clean)))


def _shape(st: Statement) -> frozenset[str]:
    return frozenset(f.role for f in st.facts)


@dataclass
class StatementParser:
    """Walks paragraphs in order, producing statements with parents and subjects resolved."""

    flow: Reflowed
    skel: str  # the flow text with figures blanked
    year: int | None = None  # the report's year: a budget named with it is this year's (but in a budget report)
    budget_report: bool = False
    statements: list[Statement] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    _pending: str = ""  # subject set by a numbered heading, for the statement that follows
    _pending_style: str | None = None
    _pending_number: int | None = None
    _open: list[_OpenList] = field(default_factory=list)
    _paragraph: int = 0
    _sentence: int = 0
    _style: tuple[str, int] | None = None
    _section: int = 0

    # ------------------------------------------------------------ per paragraph
    def paragraph(self, start: int, end: int, tokens: list[Token]) -> None:
        self._paragraph += 1
        text = self.flow.text[start:end]
        style = marker_style(text)
        self._style = style
        # whether it states an amount: it decides only whether an open list goes on, so read only then
        money = bool(self._open) and any(t.quantity.kind == "money" and not t.date for t in tokens)
        self._close_lists(style, text, money)
        if style:
            self._pending, self._pending_style = "", None
            if style[1] <= 2:
                self._section += 1
        first = True
        for k, sent in enumerate(self._sentences(start, end, tokens)):
            if self._sentence_statements(sent, first, opens_paragraph=k == 0):
                first = False

    def _sentences(self, start: int, end: int, tokens: list[Token]) -> list[_Sentence]:
        out: list[_Sentence] = []
        skel, n = self.skel, len(tokens)
        pos, i = start, 0
        for m in _SENTENCE_END.finditer(skel, start, end):
            s_end = m.end()
            j = i
            while j < n and tokens[j].start < s_end:
                j += 1
            out.append(_Sentence(pos, s_end, skel[pos:s_end], tokens[i:j]))
            pos, i = s_end, j
        if pos < end:
            out.append(_Sentence(pos, end, skel[pos:end], tokens[i:]))
        return out

    # ------------------------------------------------------------ open lists
    def _close_lists(self, style: tuple[str, int] | None, text: str, money: bool) -> None:
        """Decide, at a paragraph's start, which announced lists it still belongs to."""
        while self._open:
            lst = self._open[-1]
            keep: bool
            if style:
                name, level = style
                if lst.style is None and lst.shape is None:
                    keep = lst.level == 99 or level > lst.level  # the first numbered child
                    if keep:
                        lst.style = name
                elif lst.style is None:
                    keep = False  # unnumbered children end at numbering
                else:
                    keep = name == lst.style or self._deeper(name, lst.style)
            elif lst.style is not None:
                keep = True  # text between numbered children
            else:
                keep = (money and not _SUBLIST.match(text)) or (not money and bool(_REASON.match(text)))
            if keep:
                return
            self._open.pop()

    @staticmethod
    def _deeper(name: str, than: str) -> bool:
        levels = {n: lvl for n, _, lvl in MARKER_LEVELS}
        return levels.get(name, 99) > levels.get(than, 99)

    def _list_for(self, first_in_paragraph: bool) -> _OpenList | None:
        """The open list a statement starting here is a part of, if any."""
        if not self._open:
            return None
        lst = self._open[-1]
        style = self._style[0] if self._style else None
        if lst.style is not None:
            if first_in_paragraph and style == lst.style:
                return lst
            if first_in_paragraph and style is None and self._pending and self._pending_style == lst.style:
                return lst
            return None
        if style is None and first_in_paragraph:
            return lst
        return None

    def _open_list(self, parent: Statement, kind: str) -> None:
        if self._open and self._open[-1].parent.index == parent.index:
            return
        level = self._style[1] if self._style else 99
        self._open.append(_OpenList(parent=parent, kind=kind, level=level))

    # --------------------------------------------------------------- sentences
    def _reasons(self, sent: _Sentence) -> None:
        """Reasons given for a change, to be held against the direction of that change."""
        named = _NAMED_REASON_SCAN.finditer(sent.skel)
        for m in named:
            subject = clean_subject(self._label(m.group("subject")))
            start, end = self.flow.span(sent.start + m.start("word"), sent.start + m.end("word"))
            self.reasons.append(
                Reason(
                    word=Word(start=start, end=end, text=m.group("word")),
                    direction=direction(m.group("word")),
                    subject=subject,
                    key=subject_key(_strip_measure(subject)),
                    paragraph=self._paragraph,
                    section=self._section,
                    statement_count=len(self.statements),
                )
            )
        for m in _FOLLOWING_REASON_SCAN.finditer(sent.skel):
            last = self.statements[-1] if self.statements else None
            if last is None or last.paragraph != self._paragraph or last.first("delta") is None:
                continue
            start, end = self.flow.span(sent.start + m.start("word"), sent.start + m.end("word"))
            self.reasons.append(
                Reason(
                    word=Word(start=start, end=end, text=m.group("word")),
                    direction=direction(m.group("word")),
                    follows=last.index,
                    paragraph=self._paragraph,
                    section=self._section,
                    statement_count=len(self.statements),
                )
            )

    def _sentence_statements(self, sent: _Sentence, first_in_paragraph: bool, opens_paragraph: bool) -> int:
        """Read one sentence into statements; how many it made."""
        self._sentence += 1
        if "原因" in sent.skel:
            self._reasons(sent)
        style = self._style if opens_paragraph else None
        if not any(not t.date for t in sent.tokens):
            self._sentence_without_figures(sent, style)
            return 0
        return _SentenceReader(self, sent, first_in_paragraph, style).read()

    def _sentence_without_figures(self, sent: _Sentence, style: tuple[str, int] | None) -> None:
        """"1.一般公共服务支出(类)。" or "1.因公出国（境）费用": a subject for what follows; "其中：" a list to come."""
        skel = sent.skel
        if style and style[1] >= 3:  # (the label is read only for such items: most sentences are not)
            label = clean_subject(strip_marker(self._label(skel)).rstrip("。：:；; "))
            if 1 < len(label) <= 60 and not _CLAUSE_SEPARATOR.search(label):
                self._pending, self._pending_style = label, style[0]
                self._pending_number = item_number(self.flow.text[sent.start : sent.end])
        tail = _LIST_MARKER_SCAN.search(skel)
        if tail and not skel[tail.end() :].strip(" 。：:；;") and not skel[: tail.start()].strip(" ，,") and self.statements:
            self._open_list(self._last_top_statement(), tail.group("kind"))
        last = self.statements[-1] if self.statements else None
        if last is not None and (last.paragraph == self._paragraph or self._compares_the_last(last, sent)):
            self._comparisons(last, sent)  # "决算数大于预算数的主要原因：…" after the figures

    def _compares_the_last(self, last: Statement, sent: _Sentence) -> bool:
        """"…支出决算为 3,070.63 万" / "元。" / "决算数大于预算数的主要原因：…": a comparison of 决算 and 预算 opening
        the paragraph after the one that stated both (a short last line reads as a paragraph's end)."""
        return (
            last.paragraph == self._paragraph - 1
            and "决算" in sent.skel
            and last.first("budget") is not None
            and last.first("value") is not None
        )

    def _comparisons(self, st: Statement, sent: _Sentence, before: Statement | None = None) -> None:
        """The comparisons of 决算 and 预算 the sentence words, each kept with the statement it compares: st, or
        `before` for one worded ahead of the sentence's first figure."""
        if "预算" not in sent.skel:  # every comparison names the budget: skip the costly scan
            return
        first = next((t.start - sent.start for t in sent.tokens if not t.date), len(sent.skel)) if before else 0
        for m in (*_COMPARISON_SCAN.finditer(sent.skel), *_LEVEL_SCAN.finditer(sent.skel)):
            start, end = self.flow.span(sent.start + m.start("word"), sent.start + m.end("word"))
            said = m.group("subject")
            if m.start("subject") and sent.skel[m.start("subject") - 1] == DATE_PH:
                said = _AFTER_YEAR.sub("", said)  # "2024 年度“三公”经费": 年度 belongs to the year, not the subject
            subject = clean_subject(_strip_measure(self._label(said)))
            target = before if before is not None and m.end("word") <= first else st
            target.comparisons.append(Comparison(word=Word(start=start, end=end, text=m.group("word")), subject=subject))

    @staticmethod
    def _list_ended(
        skel: str, kids: list[Statement], current: Statement, rel: int, rel_start: dict[int, int], rel_end: dict[int, int]
    ) -> bool:
        """"其中：离休0人，退休11人，事业退休6人；其他人员2人": a ； after comma-separated parts ends them."""
        if "；" not in skel[rel_end.get(current.index, rel) : rel] and ";" not in skel[rel_end.get(current.index, rel) : rel]:
            return False
        if len(kids) < 2:
            return False
        between = skel[rel_end.get(kids[0].index, 0) : rel_start.get(kids[1].index, 0)]
        return "；" not in between and ";" not in between

    def _lift_trailing(self, made: list[Statement]) -> None:
        """"包括基本支出 242.34 万元，项目支出 232.15 万元，执行率 98.09%": the rate is the total's."""
        if len(made) < 2 or made[-1].parent is None:
            return
        last = made[-1]
        siblings = [st for st in made[:-1] if st.parent == last.parent]
        if not siblings:
            return
        parent = self.statements[last.parent]
        for fact in list(last.facts):
            if fact.role in ("execution", "rate", "share") and not any(st.first(fact.role) for st in siblings):
                if parent.first(fact.role) is None and not parent.named_only:
                    last.facts.remove(fact)
                    parent.facts.append(fact)

    @staticmethod
    def _label(skel_text: str) -> str:
        return _FIGURES.sub("", skel_text)

    def _last_top_statement(self) -> Statement:
        for st in reversed(self.statements):
            if st.paragraph >= self._paragraph - 1 and not st.named_only:
                return st
        return self.statements[-1]

    def _new(self, subject: str, start: int, end: int) -> Statement:
        o_start, o_end = self.flow.span(start, end)
        st = Statement(
            index=len(self.statements),
            subject=subject,
            key=subject_key(subject),
            start=o_start,
            end=o_end,
            paragraph=self._paragraph,
            sentence=self._sentence,
            section=self._section,
        )
        self.statements.append(st)
        return st

    @staticmethod
    def _can_attach(current: Statement, role: str, subject: str, measure: str) -> bool:
        if subject and subject_key(subject) != current.key:
            return False
        if role == "value":
            return current.first("value") is None
        if role == "budget":
            if current.first("value") is not None and current.first("execution") is not None:
                return False  # "…完成年初预算的100%，其中：…年初预算为 B": the next item's budget, its statement complete
            return current.first("value") is None or not any(
                f.role == "budget" and f.label == measure for f in current.facts
            )
        if role in ("delta", "rate", "prior", "execution"):
            return current.first(role) is None
        if role == "share":
            return current.first("share") is None
        return True

    def _money_or_as_is(
        self, tok: Token, money: list[Token], left: str, current: Statement | None, after: str = "", list_unit: str = ""
    ) -> Quantity | None:
        """A bare figure written like an amount (1,148.00) in a sentence of amounts is one, and so is one
        that ends its clause right after a money line item's name ("…政府性基金预算财政拨款收入30。");
        right after a change amount and 增长/下降 it is a rate that lost its % ("增长 13.95。")."""
        q = tok.quantity
        if q.kind != "number":
            return q
        if q.places and not q.grouped and q.value <= 100 and _BARE_SHARE.search(left.rstrip()):
            # "占 76.23;": a share that lost its %, never an amount to be summed
            return replace(q, unit="%", unit_inferred=True)
        if (
            q.places
            and not q.grouped
            and _RATE_ONLY.search(left.rstrip())
            and current is not None
            and current.first("rate") is None
            and (current.first("delta") is not None or _YOY_RATE.search(left.rstrip()))
        ):
            # "增长 13.95。" after a change amount; "同比下降18.87；" after 同比, which only a rate follows
            return replace(q, unit="%", unit_inferred=True)
        if not money:
            if list_unit and (q.grouped or q.places == 2):
                # "6.“社会保障和就业支出”3,019.34，占 15.85%；" among parts of a list that give their amounts in 万元
                return replace(q, unit=list_unit, unit_inferred=True)
            return None
        if not (q.grouped or q.places == 2) and not (
            _CLAUSE_END.match(after) and _MONEY_NAME_BEFORE.search(left.rstrip())
        ):  # ("年初预算为 0，": nothing, in any unit — an amount all the same)
            return None
        # the nearest amount in the sentence (the earlier one on a tie): a neighbour in start order
        k = bisect.bisect_left(money, tok.start, key=lambda t: t.start)
        nearest = min(money[max(0, k - 1) : k + 1], key=lambda t: abs(t.start - tok.start))
        return replace(q, unit=nearest.quantity.unit, unit_inferred=True)

    def _classify(self, q: Quantity, tok: Token, left: str, index: _SentenceIndex, rel: int, after: str):
        """What a figure is, read from the words just before (and just after) it."""
        reading = _reading(q.kind, tok.approx, left.rstrip(), after.lstrip().startswith("的"))
        if reading is None:
            return None, "", "", None
        fields = dict(reading.fields)
        if reading.word:
            fields["word"] = self._word(tok, left, reading.word_at, reading.word)
        if reading.role == "delta":
            if reading.basis_from_phrase:
                # the words do not say against what: the last 与…相比 / 同比 before the figure does
                phrase = index.last_basis_phrase(rel)
                if phrase is not None:
                    fields["basis"] = "budget" if "预算" in (phrase.group("basis") or "") else "prior_year"
                    if fields["basis"] == "budget" and _YEAR_NAMED.search(phrase.group("basis")):
                        fields["basis"] = self._named_budget(tok.start - rel + phrase.start("basis"), len(phrase.group("basis")))
            elif fields.get("basis") == "prior_year" and self.year is not None:
                m = _YEARS_BUDGET.search(left)
                if m is not None:
                    # "较2021年度预算减少" in the 2021 决算: this year's budget, not last year's
                    fields["basis"] = self._named_budget(tok.start - len(left) + m.start(), m.end() - m.start())
            fields["double_sign"] = q.value < 0
        return reading.role, reading.subject, reading.measure, Fact(quantity=q, **fields)

    def _named_budget(self, start: int, length: int) -> str:
        """The basis of a budget named by its year ("与2021年度预算相比", "较2022年预算"), from the flow text at start: this
        year's budget in a report of that year (a 2021 决算), else last year's (a 2023 budget compared with 2022's)."""
        m = re.search(r"(?:19|20)\d{2}", self.flow.text[start : start + length])
        if m is None or int(m.group()) != self.year or self.budget_report:
            return "prior_year"  # a budget is never compared with itself: another year's budget in a budget report
        return "budget"

    def _word(self, tok: Token, left: str, offset_in_left: int, text: str) -> Word:
        """A word in the flow text, located in the original through the token's sentence."""
        flow_start = tok.start - len(left) + offset_in_left
        start, end = self.flow.span(flow_start, flow_start + len(text))
        return Word(start=start, end=end, text=text)


@dataclass(slots=True)
class _ListAt:
    """A list that statements join as its parts: its total, how it was announced (其中, 包括 …), and where
    in the sentence the announcement ends."""

    parent: Statement | None
    kind: str
    after: int = 0


class _SentenceReader:
    """One sentence with figures, read figure by figure: which statement each figure joins, and which list
    (announced by 其中, 包括, 主要用于 … or open from an earlier sentence) each new statement is a part of.

    The steps, in order: begin (the list the sentence starts in), then for each figure: enter the list
    markers before it, leave the lists that ended before it, classify the figure by the words before
    it, and attach it to a statement; finish (what the sentence leaves open for the next one).
    """

    __slots__ = (
        "parser", "sent", "skel", "style", "first_in_paragraph", "figures", "money", "index", "markers", "next_marker",
        "head_label", "list", "opened", "made", "siblings", "rel_start", "rel_end", "current", "prev_end", "paren_parent",
        "starts_list", "restore", "outer", "k",
    )  # (one made for every sentence with figures)

    def __init__(self, parser: StatementParser, sent: _Sentence, first_in_paragraph: bool, style: tuple[str, int] | None):
        self.parser, self.sent, self.skel, self.style = parser, sent, sent.skel, style
        self.first_in_paragraph = first_in_paragraph
        self.figures = [t for t in sent.tokens if not t.date]
        self.money = [t for t in self.figures if t.quantity.kind == "money"]
        self.index = _SentenceIndex(sent.skel)
        self.markers = [(m.start(), m.end(), m.group("kind")) for m in _LIST_MARKER_SCAN.finditer(sent.skel)]
        self.next_marker = 0
        self.head_label = ""  # "1.人员经费：…" — the subject of the item's first figure
        self.list = _ListAt(None, "")  # the list a new statement joins
        self.opened: _OpenList | None = None  # the list open from an earlier sentence, when the sentence continues it
        self.made: list[Statement] = []
        self.siblings: dict[int | None, list[Statement]] = {}
        self.rel_start: dict[int, int] = {}  # where each statement's first and last figure are in the sentence
        self.rel_end: dict[int, int] = {}
        self.current: Statement | None = None  # the statement the last figure went to
        self.prev_end = 0  # where the last figure ends
        self.paren_parent: Statement | None = None  # "A 万元（其中 B 万元）": parts inside brackets
        self.starts_list = False  # the sentence opens with 其中: its one part may run on
        # a list opened after a statement's figures: if the marker lists no figure before the next ；,
        # the list before it comes back ("人员经费 X 万元，主要包括：基本工资、…；公用经费 Y 万元")
        self.restore: tuple[_ListAt, int] | None = None
        # the lists a part's own list sits inside: each resumes at the ； that ends the part
        self.outer: list[_ListAt] = []

    def read(self) -> int:
        self.begin()
        for k, tok in enumerate(self.figures):
            self.k = k
            rel = tok.start - self.sent.start
            self.enter_markers(rel)
            self.leave_finished_lists(rel)
            reading = self.classify(tok, rel)
            if reading is not None:
                self.attach(tok, rel, *reading)
        self.finish()
        return len(self.made)

    # ---------------------------------------------------------------- begin
    def begin(self) -> None:
        """The item's label, and the list the sentence starts in: "X 中：" names a total; else an open list."""
        p, skel = self.parser, self.skel
        if self.style:
            lab = _HEAD_LABEL.match(strip_marker(skel))
            if lab:
                self.head_label = clean_subject(lab.group(1))
        sub = _SUBLIST.match(strip_marker(skel))
        if sub:
            named = p._new(clean_subject(_strip_measure(sub.group("subject"))), self.sent.start, self.sent.start + sub.end())
            named.named_only = True
            self.list = _ListAt(named, "其中")
        else:
            self.opened = p._list_for(self.first_in_paragraph)
            if self.opened is not None:
                self.list = _ListAt(self.opened.parent, self.opened.kind)

    # ---------------------------------------------------------- enter markers
    def enter_markers(self, rel: int) -> None:
        """The list markers (其中, 包括 …) before the figure at rel: each opens a list, under what precedes it."""
        while self.next_marker < len(self.markers) and self.markers[self.next_marker][0] < rel:
            m_start, m_end, kind = self.markers[self.next_marker]
            self.next_marker += 1
            self._enter(m_start, m_end, kind)

    def _enter(self, m_start: int, m_end: int, kind: str) -> None:
        p, index, current = self.parser, self.index, self.current
        clause_lead = self.skel[max(index.clause_start(m_start), m_start - _LEFT_WINDOW) : m_start]
        in_paren = index.rfind("（", m_start) > index.rfind("）", m_start) or index.rfind("(", m_start) > index.rfind(")", m_start)
        if in_paren and current is not None:
            self.paren_parent = current
        elif current is not None and not self._names_its_own_total(clause_lead, m_start):
            self.restore = (_ListAt(self.list.parent, self.list.kind, m_end), len(self.made))
            if self.list.parent is not None and current.parent == self.list.parent.index and self._complete_before(current):
                # "限额 T 亿元，其中一般债务 A、专项债务 B，余额为 R 亿元，其中…": A and B made up T; the amount that
                # opens a breakdown of its own after them is a new total, not a third part of T
                self.siblings[current.parent].remove(current)
                current.parent, current.list_kind = None, ""
                self.siblings.setdefault(None, []).append(current)
                self.restore = None
            elif self.list.parent is not None and current.parent == self.list.parent.index:
                # "基本支出 A，其中人员经费 B；项目支出 C": a list inside a part ends at its ；
                self.outer.append(_ListAt(self.list.parent, self.list.kind, m_end))
            self.list = _ListAt(current, kind)
        elif m_start <= index.blank_prefix and p.statements:
            if self.list.parent is None:
                self.list = _ListAt(p._last_top_statement(), kind)
                # "…安排 31652 万元。主要用于教育经费保障…等方面支出；现代农业类支出：安排 20356 万元": a marker that
                # lists no figure before the next ； described the amount before it; what follows is no part of it
                self.restore = (_ListAt(None, "", m_end), len(self.made))
            self.starts_list = True
        elif clause_lead.strip() and not in_paren:
            label = clean_subject(_strip_measure(p._label(clause_lead)))
            if label:
                named = p._new(label, self.sent.start + m_start - len(clause_lead), self.sent.start + m_start)
                named.named_only = True
                self.list = _ListAt(named, kind)

    def _complete_before(self, part: Statement) -> bool:
        """Whether the amounts listed before part, under its total, already add up to that total (money only)."""
        total = self.list.parent.value if self.list.parent is not None else None
        before = self.siblings.get(part.parent, [])[:-1] if self.siblings.get(part.parent, [None])[-1] is part else []
        if total is None or total.kind != "money" or len(before) < 2:
            return False
        values = [b.value for b in before]
        if any(v is None or v.kind != "money" for v in values):
            return False
        acc = values[0].yuan  # type: ignore[union-attr]
        for v in values[1:]:
            acc = acc + v.yuan  # type: ignore[union-attr]
        return acc.overlaps(total.yuan)

    def _names_its_own_total(self, clause_lead: str, m_start: int) -> bool:
        """"收入包括：一般公共预算拨款 A 元、上年结转结余 B 元；支出包括：教育支出 C 元、…": a list marker after its
        own label, in a clause after the ；that ended the last statement's, lists the parts of what it names, not of
        the last amount."""
        if not _OWN_TOTAL.search(clause_lead) or self.current is None:
            return False
        last = self.rel_end.get(self.current.index, self.prev_end)
        return self.index.has_semicolon(last, m_start)

    # --------------------------------------------------- leave finished lists
    def leave_finished_lists(self, rel: int) -> None:
        """Lists that ended before the figure at rel: a closing bracket, or the ； after a part's own list."""
        if self.paren_parent is not None and _CLOSING_BRACKET.search(self.skel, self.prev_end, rel):
            # "公务用车购置及运行费 42.68 亿元（包括购置费 9.26 亿元、运行费 33.42 亿元），减少 3.11 亿元": what
            # follows the bracket is about the amount before it again, not the bracket's last part
            self.current = self.paren_parent
            self.paren_parent = None
        elif self.paren_parent is None and self.current is not None and _OPENS_BREAKDOWN.match(self.skel, self.prev_end, rel):
            # "公务用车购置及运行费 500.00 万元（公务用车购置费 100.00 万元，…；公务用车运行维护费 400.00 万元…）": a
            # bracket opened right after an amount and naming amounts breaks that amount down, with or without 其中
            self.paren_parent = self.current
        if self.outer and self.index.has_semicolon(self.outer[-1].after, rel) and not self._names_a_part_of_list(rel):
            outer = self.outer.pop()
            self.list = _ListAt(outer.parent, outer.kind)
            self.restore = None
        if self.restore is not None and len(self.made) == self.restore[1] and self.index.has_semicolon(self.restore[0].after, rel):
            self.list = _ListAt(self.restore[0].parent, self.restore[0].kind)
            self.restore = None

    def _names_a_part_of_list(self, rel: int) -> bool:
        """Whether the item after the ； names one of the two things the inner list's total joins: "公务用车购置和运行
        维护费 A，其中：公车购置费 B；公车运行维护费 C" — C is the other half of A, not a part of the outer total."""
        total = self.list.parent
        if total is None or not total.subject:
            return False
        halves = re.split(r"和|及|与", total.subject)
        if len(halves) != 2 or min(len(h) for h in halves) < 2:
            return False
        cut = max(self.skel.rfind("；", 0, rel), self.skel.rfind(";", 0, rel))
        label = re.sub(r"[\s：:，,]+$", "", self.skel[cut + 1 : rel])
        return len(label) >= 2 and any(label.endswith(h[-4:]) for h in halves if len(h) >= 3)

    def _list_unit(self) -> str:
        """The money unit of the list this sentence's figures are parts of, when the list's total and the part
        before are amounts written with it (a bare amount among them is one too); "" otherwise."""
        if self.money or self.opened is None:
            return ""
        total = self.opened.parent.value
        if total is None or total.kind != "money" or total.unit_inferred:
            return ""
        # (the latest part, looked for back to the list's total only: never a walk through the whole document)
        parent = self.opened.parent.index
        before = None
        for st in reversed(self.parser.statements):
            if st.index <= parent:
                break
            if st.parent == parent:
                before = st
                break
        value = before.value if before is not None else None
        if value is None or value.kind != "money" or value.unit_inferred or value.unit != total.unit:
            return ""
        return total.unit

    # ---------------------------------------------------------------- classify
    def classify(self, tok: Token, rel: int) -> tuple[Quantity, str, str, str, Fact, str] | None:
        """What the figure at rel is, read from the words before it: (figure, role, subject, measure, fact, words)."""
        p, skel, current = self.parser, self.skel, self.current
        left = skel[max(self.index.clause_start(rel), self.prev_end, rel - _LEFT_WINDOW) : rel]
        prev_end, self.prev_end = self.prev_end, tok.end - self.sent.start
        if self._second_of_each(rel, prev_end):
            return None
        end = tok.end - self.sent.start
        if tok.quantity.kind == "number" and (_FIGURE_AFTER.match(skel, end) or _FIGURE_BEFORE.search(skel[max(0, rel - 8) : rel])):
            return None  # "离退休 2,614,680 2,614,680": a table row's cells run into the text (a PDF on one line)
        list_unit = self._list_unit() if tok.quantity.kind == "number" else ""  # (asked only of a bare figure)
        q = p._money_or_as_is(tok, self.money, left, current, self.skel[end : end + 1], list_unit)
        if q is None:
            return None
        if q.unit_inferred and q.unit != "%" and self._unit_shared_with_next(q):
            # "收、支总计各是 4125.49、4143.91 万元": one unit written after the last figure of a list
            q = replace(q, unit_inferred=False)
        role, subject, measure, fact = p._classify(q, tok, left, self.index, rel, skel[self.prev_end : self.prev_end + 3])
        if role is None and q.kind == "percent" and current is not None and current.facts and current.facts[-1].role == "base":
            # "占本部门全部预算项目13个的100%": the share of the base just named
            role, subject, fact = "share", "", Fact(role="share", quantity=q, label=left.strip())
        elif role is None and q.kind == "percent" and current is not None and current.facts and left.strip() == "的":
            budget = current.facts[-1]
            if budget.role == "budget" and current.first("execution") is None:
                # "完成全年预算 84.82 万元的 73.2%": the execution rate against the budget just named
                basis = _EXECUTION_BASIS.get(budget.label, "budget")
                role, subject, fact = "execution", "", Fact(role="execution", quantity=q, label="完成" + budget.label, basis=basis)
        if role is None:
            return None
        return q, role, subject, measure, fact, left  # type: ignore[return-value]

    def _second_of_each(self, rel: int, prev_end: int) -> bool:
        """"收、支总计各减少 1267.86、2570.97 万元，各下降 23.51%、38.28%": figures after the first of a list
        that "各" pairs with the names before it, one each. The first pairs with the first (and with the
        first of the lists around it); the others are left unread rather than given to the wrong name."""
        if self.k == 0:
            return False
        prev = self.figures[self.k - 1]
        prev_rel = prev.start - self.sent.start
        if prev_end != prev.end - self.sent.start or not _LIST_GAP.fullmatch(self.skel, prev_end, rel):
            return False
        if self.k >= 2 and self._second_of_each(prev_rel, self.figures[self.k - 2].end - self.sent.start):
            return True  # a third figure of the list
        lead = self.skel[max(self.index.clause_start(prev_rel), prev_rel - _LEFT_WINDOW) : prev_rel]
        return bool(_EACH.search(lead))

    def _unit_shared_with_next(self, q: Quantity) -> bool:
        """Whether the next figure, after only a list separator, is written with the unit q was given."""
        if self.k + 1 >= len(self.figures):
            return False
        nxt = self.figures[self.k + 1]
        here = self.figures[self.k]
        end = here.end - self.sent.start
        if nxt.quantity.unit_inferred or nxt.quantity.unit != q.unit:
            return False
        if _LIST_GAP.fullmatch(self.skel, end, nxt.start - self.sent.start):
            return True
        if not _NAMED_LIST_GAP.fullmatch(self.skel, end, nxt.start - self.sent.start):
            return False
        # "收入476.17、支出总计460.06万元": a pair sharing the unit after its second — but not in a list whose
        # items write their units ("货物采购 122.43 万元、工程采购 1387.72、服务采购 809.07 万元": one left off)
        # (the item before may have a long name: "…转贷收入 12.7 亿元、地方政府一般债务转贷收入 28.3、调入资金 84.2 亿元")
        if self.k:
            prev = self.figures[self.k - 1]
            if not prev.quantity.unit_inferred and _LONG_NAMED_LIST_GAP.fullmatch(
                self.skel, prev.end - self.sent.start, here.start - self.sent.start
            ):
                return False
        return True

    # ------------------------------------------------------------------ attach
    def attach(self, tok: Token, rel: int, q: Quantity, role: str, subject: str, measure: str, fact: Fact, left: str) -> None:
        """Give the figure to the statement it belongs to: the current one, or a new one (a part of the list)."""
        current = self.current
        if role == "base":
            if current is not None:
                current.facts.append(fact)
            return
        if self.head_label and (not subject or _INCLUDES.match(left)):
            if current is None:
                subject = self.head_label
        if role == "delta" and not subject and current is None and not self.made:
            current = self.current = self._stated_just_before(rel)
        if role in ("delta", "rate") and not subject and current is not None and current.first(role) is None:
            head = self._inclusion_head(rel)
            if head is not None:
                current = self.current = head
        if current is not None and self.parser._can_attach(current, role, subject, measure):
            target = current
        else:
            if self.list.parent is not None and current is not None and current.parent == self.list.parent.index and self._list_ended(rel):
                self.list = _ListAt(None, "")
            target = self._start_statement(tok, role, subject)
        if role == "value":
            target.measure = measure or target.measure
        self.rel_end[target.index] = self.prev_end
        self.rel_start.setdefault(target.index, rel)
        target.facts.append(fact)
        if q.end > target.end:  # (a model's field set only when it changes: setting it is not free)
            target.end = q.end

    def _stated_just_before(self, rel: int) -> Statement | None:
        """"1.本年收入决算合计 332.76 万元。与上年决算相比，增加 108.75 万元，增长 48.55%": a sentence that opens with
        its basis (与…相比) and names nothing changes the one amount the sentence before it stated, in its paragraph."""
        p = self.parser
        m = _BASIS_PHRASE.match(self.skel, self.index.blank_prefix)
        if m is None or m.group("yoy") or not _CHANGE_AFTER_BASIS.fullmatch(self.skel, m.end(), rel):
            return None
        if not p.statements:
            return None
        last = p.statements[-1]
        if last.paragraph != p._paragraph or last.sentence != p._sentence - 1 or last.named_only:
            return None
        if len(p.statements) > 1 and p.statements[-2].sentence == last.sentence:
            return None  # two amounts stated before: which one changed is not said
        if last.value is None or last.value.kind != "money" or any(last.first(r) for r in ("delta", "rate", "prior")):
            return None
        return last

    def _inclusion_head(self, rel: int) -> Statement | None:
        """"收支总预算 T 万元，含甲经费 A 万元，乙经费 B 万元；比上年预算增加 D 万元": the amount whose contents the
        sentence went on to name ("含…", "包括…"), when a ； ends them before a change that names nothing."""
        current = self.current
        if current is None or not self.index.has_semicolon(self.rel_end.get(current.index, rel), rel):
            return None
        made = self.made
        for k, head in enumerate(made[:-1]):
            if head.parent is not None or (head.value is None and head.first("budget") is None):
                continue
            if head.first("delta") is not None or head.first("rate") is not None:
                continue
            following = made[k + 1]
            between = self.skel[self.rel_end.get(head.index, 0) : self.rel_start.get(following.index, 0)]
            if not _INCLUDES.match(between.lstrip("，,、 ")):
                continue
            if any(st.first("delta") or st.first("rate") for st in made[k + 1 :]):
                return None  # the parts carry their own changes: the one after the ； may be another part's
            if self.index.has_semicolon(self.rel_end.get(head.index, 0), self.rel_end.get(current.index, 0)):
                return None  # a ； already ended the contents before the last part
            return head
        return None

    def _list_ended(self, rel: int) -> bool:
        current = self.current
        assert current is not None
        kids = self.siblings.get(current.parent, [])
        return self.parser._list_ended(self.skel, kids, current, rel, self.rel_start, self.rel_end)

    def _start_statement(self, tok: Token, role: str, subject: str) -> Statement:
        """A new statement for the figure: its subject (said, carried over, or the heading's), numbering and list."""
        p, current = self.parser, self.current
        inherited = False
        if not subject:
            if current is not None and role != "value":
                subject = current.subject
            elif current is None and not self.made and p._pending:
                subject, inherited = p._pending, True
        target = p._new(subject, tok.start, tok.end)
        target.inherited_subject = inherited
        if inherited and p._pending_style:
            target.numbered = p._pending_style
            target.number = p._pending_number
        elif self.style and not self.made:
            target.numbered = self.style[0]
            target.number = item_number(p.flow.text[self.sent.start : self.sent.end])
        parent = self.paren_parent or self.list.parent
        if parent is not None:
            target.parent = parent.index
            target.list_kind = self.list.kind if parent is self.list.parent else "其中"
        self.made.append(target)
        self.siblings.setdefault(target.parent, []).append(target)
        self.current = target
        return target

    # ------------------------------------------------------------------ finish
    def finish(self) -> None:
        """What the sentence leaves: a trailing rate lifted to its total, lists that go on or end, comparisons."""
        p, made, skel = self.parser, self.made, self.skel
        p._lift_trailing(made)
        if p._pending and made and made[0].inherited_subject:
            p._pending, p._pending_style = "", None
        self._check_shape()
        # "其中：A …。" runs on into the sentences and paragraphs that follow
        # (only when the sentence holds a single part: "其中：“科学技术管理事务（款）”决算 …，增长 …。")
        list_parent = self.list.parent
        parts = [st for st in made if list_parent is not None and st.parent == list_parent.index]
        if self.starts_list and list_parent is not None and len(parts) == 1 and len(made) == 1:
            p._open_list(list_parent, self.list.kind)
            p._open[-1].shape = _shape(made[0])
        tail = _LIST_MARKER_SCAN.search(skel, self.prev_end)
        if tail and not skel[tail.end() :].strip(" 。：:；;") and self.current is not None:
            p._open_list(self.current, tail.group("kind"))
        if self.current is not None:
            p._comparisons(self.current, self.sent, self._compared_before())

    def _compared_before(self) -> Statement | None:
        """The statement a comparison opening this sentence compares ("…支出决算为 84.86 万元，完成年初预算的 141.43%。" /
        "决算数大于预算数的主要原因：“2025 年 15 分钟…”项目为追加项目。"): the last one before it in the paragraph, when
        it states both figures and none of this sentence's does (the figures after the word are the reason's)."""
        p, made = self.parser, self.made
        if any(st.first("value") is not None and st.first("budget") is not None for st in made):
            return None
        k = len(p.statements) - len(made) - 1
        if k < 0:
            return None
        last = p.statements[k]
        if last.paragraph != p._paragraph or last.first("value") is None or last.first("budget") is None:
            return None
        return last

    def _check_shape(self) -> None:
        """Parts of an announced list must look alike; a stranger ends the list."""
        opened, made = self.opened, self.made
        if opened is None or opened.style is not None or not made or made[0].parent != opened.parent.index:
            return
        shape = _shape(made[0])
        if opened.shape is None:
            opened.shape = shape
        elif shape != opened.shape:
            for st in made:
                if st.parent == opened.parent.index:
                    st.parent, st.list_kind = None, ""
            self.parser._open.remove(opened)

