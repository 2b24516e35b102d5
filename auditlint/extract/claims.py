"""Claims: what the statements assert that can be recomputed.

A statement says "机关运行经费 33.39 万元，比上年减少 6.28 万元，下降 93.4%"; the claims
built here say what that implies (a change against last year, with its amount and
rate) and gather the figures a rule needs — looking back to earlier statements
about the same subject when the text splits them across sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from decimal import Decimal

from ..identities import Decomposition, load_decompositions
from ..model import (
    ChangeClaim,
    Claim,
    ComparisonClaim,
    CompositionClaim,
    Document,
    Fact,
    Quantity,
    RateClaim,
    Reason,
    ReasonClaim,
    ShareClaim,
    Statement,
)
from ..numbering import cn_number
from ..numbers import Interval
from .lexicon import BUDGET_GAP, budget_title
from .reflow import Reflowed, close_up
from .statements import clean_subject, subject_key

# Scope words that do not change which line item a label names.
_QUALIFIERS = re.compile(r"^(?:本年度?|全年|年度|本部门|本单位|部门|单位|全部|一般公共预算|财政拨款|使用|安排的?)+")
_TOTAL_WORDS = re.compile(r"(?:总额|合计|总数|的|费|支出|安排)$")  # ("收入安排 77.6 亿元": a budget report's measure word)
_LOOKBACK_PARAGRAPHS = 3
# The subject of a figure that restates the one before it after an adjustment ("由年初的 A 万元调整为 B 万元")
_READJUSTED = re.compile(r"(?:调整|调增|调减|调)(?:为|到|至)?")
# An amount an adjustment adds or takes away ("调增 16210 万元", "专项转移支付收入调增 28390 万元")
_INCREMENT = re.compile(r"(?:调增|调减)$")
# "年中调减 20.00 万元，全年预算 1,180.00 万元": the amount beside a budget that is its adjustment, not an actual one
# what a 绩效自评 calls the amount a rate is of, and the amount spent against it ("下达资金共计 A 万元，实际支出 B 万元")
_ALLOTTED = re.compile(r"(?:下达|安排|投入|拨入|到位|资金总额|(?:全年|合计|总计)?共计?)[^，,。；;]{0,12}$|(?:下达|安排|投入)[^，,。；;]{0,16}资金")
_SPENT = re.compile(r"(?:执行数|实际支出|实际使用|已支出|支出|已拨付|拨付使用了?|拨付|已使用|使用)$")
_ADJUSTED_BY = re.compile(r"(?:调增|调减|追加|核减|调整|收回)(?:预算|资金|经费)?$")
# A figure's label inside a stated reason ("增长的主要原因是一次性增值税留抵退税补助")
_IN_REASON = re.compile(r"原因(?:是|为|在于|主要是|[：:])")
# A balance's added amounts and its total: "加上上级补助收入 …，收入总计 …", or with 加 alone ("加市级财政税收返还和
# 补助收入 …、上年结转收入 …，收入总量为 …"; not a verb made with 加: 加强, 加快, 加大 …)
_ADDED = re.compile(r"加(?:上|(?![强快大紧速剧深重以入班工油之盟装固密计权]))")
_BLANKS = re.compile(r"\s+")
# a list marker between two parts of one total, with no ；before the second: it opens another breakdown of the total
# ("…，其中税务完成 A 亿元"; not "人员经费 A 万元，主要包括：基本工资、…；公用经费 B 万元", which describes the first part)
_NEW_LIST = re.compile(r"(?:其中|包括)[^；;。]*$")


def _opens_another_list(text: str, lo: int, hi: int) -> bool:
    return _NEW_LIST.search(_BLANKS.sub("", text[lo:hi])) is not None  # (over a letter-spaced line's blanks: "其 中")
_SUM_NAME = re.compile(r"(?:总计|总量|合计|总收入|总支出|总财力)$")
_SUBTOTAL = re.compile(r"(?:^|[^总])(?:共计?|小计|累计)$")
_TAKEN_AWAY = re.compile(r"减去|扣除|扣减|减除|剔除|抵减|减：|减:")
# A numbered list's lead-in that names what it lists: "支出主要情况如下：", "各项收入明细如下："
_LEAD_IN = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,10}?)的?(?:主要|具体|基本)?(?:情况|构成|明细)?(?:分别)?如下[：:]?\s*\n")
_GENERIC_LEAD = frozenset({"具体", "主要", "基本", "相关", "有关", "各项", "详细", "说明", "现说明", "现将有关情况说明"})
# a share's base named only as the total of what its list is of: "占总支出决算的 22.10%", "占支出总额的", "占合计数的"
_GENERIC_AFFIX = re.compile(r"^总|(?:总额|总计|合计数?|总数|总金额)$")
_GENERIC_TOTAL = re.compile(r"(?:总支出|支出总额|总额|合计数?|总数|总计|总金额)(?:决算数?|预算数?)?")


# the key of a pair of totals named together: "收、支总计", "财政拨款收、支总预算" (read 收支总)
_PAIR_KEY = re.compile(r"(?P<pre>.*)收支(?P<post>总计|总)")


def _budget_alone(st: Statement) -> bool:
    """A statement whose one figure is a budget: no amount, no change, no other budget."""
    return st.value is None and st.first("delta") is None and len(st.all("budget")) == 1


def _core(key: str) -> str:
    core = _QUALIFIERS.sub("", key) or key
    while True:
        shorter = _TOTAL_WORDS.sub("", core)
        if shorter == core or not shorter:
            return core
        core = shorter


def same_item(a: str, b: str) -> bool:
    """Whether two subject keys name the same line item (收入合计 / 本年收入, 政府采购支出总额 …)."""
    if not a or not b:
        return False
    if a == b:
        return True
    ca, cb = _core(a), _core(b)
    return bool(ca) and ca == cb


def _item_class(key: str) -> str:
    """A key standing for every key same_item matches it with: its core, or itself when it has none."""
    core = _core(key)
    return "core:" + core if core else "key:" + key


# an item of a list named without a figure: two or more characters, no digit
_NAMED_ITEM = re.compile(r"[\u4e00-\u9fff“”（）()]{2,30}")
_CLAUSE_TAIL = re.compile(r"[，,；;：:]")
_SPACES = re.compile(r"\s+")
_LIST_LEAD = re.compile(r"^\s*(?:其中|包括|主要包括|含|分别为|分别是|主要有)\s*")
_OPENING_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年")


# a part its whole subtracts, written as a positive amount: "税收收入中，国内增值税 A 亿元 … 出口货物退增值税、消费税
# B 亿元" (a refund), "减：…" — the parts as written do not add up to the whole
_DEDUCTION = re.compile(r"退(?:增值税|消费税|税)|退库|^减[：:]")


def _parts_of_another_whole(holder: Statement, kids: list[Statement]) -> bool:
    """Whether the parts say, in their shares, that they are parts of a whole the total is not: "项目支出 48100 元，
    占支出总预算的 4.43%。其中：(一)文化旅游体育与传媒支出 850088.3 元，占支出总预算 78.33%…" lists the parts
    of 支出总预算 (the total before it is one of them); "其中：货物类采购 10000 元，占政府采购预算 58.8%" after a
    sentence that names the classification, not the amount stated before it."""
    bases = {subject_key(f.base_label) for k in kids for f in k.all("share")}
    if len(bases) != 1:
        return False
    base = next(iter(bases))
    key = holder.key
    if not base or not key or same_item(key, base) or base in key or _core(key) in base:
        return False
    return True


def _main(st: Statement) -> Fact | None:
    return st.first("value") or st.first("budget")


def _span(facts: Iterable[Fact | None], st: Statement) -> tuple[int, int]:
    spans = [(f.quantity.start, f.quantity.end) for f in facts if f is not None]
    if not spans:
        return st.start, st.end
    return min(s for s, _ in spans), max(e for _, e in spans)


_PAIRS = (("线上", "线下"), ("男", "女"), ("国内", "国外"), ("国内", "境外"), ("境内", "境外"), ("城镇", "农村"),
          ("城市", "农村"), ("本级", "下级"), ("在职", "离退休"), ("中央", "地方"))


def _complementary(a: str, b: str) -> bool:
    """Two labels that differ only in the two halves of a dichotomy ("线上培训" / "线下培训")."""
    for x, y in _PAIRS:
        for first, second in ((x, y), (y, x)):
            if first in a and second in b and a.replace(first, "", 1) == b.replace(second, "", 1):
                return True
    return False


_AND = re.compile(r"以及|和|与|及|、")
# the kinds a total is made of, named and counted before it: "主要有部门预算项目支出、专项预算支出二类支出"
_COUNTED_KINDS = re.compile(
    r"(?P<names>[^，,。；;：:（(]{2,80}?)(?P<n>[两二三四五六七八九]|[2-9])\s*(?:大类|类|项|个部分|部分|种)"
)
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_COUNTED_REACH = 200  # characters before a total looked at for its kinds named and counted
# the shares of amounts given 分别: "，分别占本年支出合计的 75.0% 和 25.0%", or "，占全国政府采购规模的 8.1% 和 91.9%"
# (the amounts were already given one to each name: the shares that follow them are too)
_RESPECTIVE_SHARE = re.compile(r"[，,]\s*(?:各自|依次)?(?:分别)?占(?P<base>[^，,。；;]{0,24}?)的?(?:比重|比例)?(?:为|是)?\s*$")
_CONNECTOR = re.compile(r"\s*(?:和|、|，|,|及|与)\s*")
_BUDGET_TAIL = re.compile(r"预算数?$")
_TARGET_WORD = re.compile(r"目标值|目标数|计划数|计划值|预期值|预期目标|年度目标|指标值")
_PLAN_STAGES = ("年初", "调整")  # the budget a rate names: the one passed at the start of the year, or the adjusted one
_NOT_TARGET_UNITS = {"天", "小时", "分", "%", "倍"}  # time limits and scores: less may be better, or not a count


# the words right after a count's unit: what it counts ("个部门", "个项目的"), up to a particle or a break
_COUNTED = re.compile(r"\s*([\u4e00-\u9fff]{1,6}?)(?=[的了和及与、，,。；;：:（(\s\d]|$|公开|说明|开展|实施|完成)")


class _PrefixIndex:
    """The statements whose key starts with a given prefix: the latest before a given one, in O(log² n).

    Keys sorted, so that those with one prefix are one run of them; over that order a segment tree
    whose every node holds its statements' indices sorted (built once, O(n log n))."""

    def __init__(self, entries: list[tuple[str, int]]):
        entries.sort()
        self.keys = [key for key, _ in entries]
        self.size = size = max(1, len(entries))
        self.nodes: list[list[int]] = [[] for _ in range(size)] + [[index] for _, index in entries]
        self.nodes += [[] for _ in range(2 * size - len(self.nodes))]
        for node in range(size - 1, 0, -1):
            self.nodes[node] = sorted(self.nodes[2 * node] + self.nodes[2 * node + 1])

    def latest(self, prefix: str, before: int) -> int:
        """The largest index below before of a key starting with prefix; -1 when there is none."""
        first = bisect.bisect_left(self.keys, prefix)
        end = bisect.bisect_right(self.keys, prefix, first, key=lambda k: k[: len(prefix)])
        best = -1
        low, high = first + self.size, end + self.size
        while low < high:
            if low & 1:
                best = max(best, self._below(low, before))
                low += 1
            if high & 1:
                high -= 1
                best = max(best, self._below(high, before))
            low, high = low // 2, high // 2
        return best

    def _below(self, node: int, before: int) -> int:
        indices = self.nodes[node]
        k = bisect.bisect_left(indices, before)
        return indices[k - 1] if k else -1


class _Builder:
    def __init__(
        self,
        document: Document,
        quantities: list[Quantity],
        statements: list[Statement],
        reasons: list[Reason],
        identity_dirs: tuple[str, ...] = (),
        flow: Reflowed | None = None,
    ):
        self.document = document
        self.flow = flow
        self.quantities = quantities  # in text order
        self.reasons = reasons
        self.sts = statements
        self.groups: list[tuple[Statement, list[Statement]]] = []  # each list's total and parts (build)
        self.decompositions = load_decompositions(identity_dirs)
        self.claims: list[Claim] = []
        self._named: dict[tuple[str, str], list[Statement]] | None = None
        self._passing: dict[tuple[Hashable, bool], dict[str, list[int]]] = {}
        self._paragraph_of = [st.paragraph for st in statements]
        self._section_of = [st.section for st in statements]
        self._prefixes: _PrefixIndex | None = None
        self._is_budget: bool | None = None

    # -------------------------------------------------------------- look-ups
    def _lookback(
        self,
        st: Statement,
        condition: Hashable,
        test: Callable[[Statement], bool],
        item: str | None = None,
        paragraphs: int = _LOOKBACK_PARAGRAPHS,
        same_section: bool = True,
    ) -> Statement | None:
        """The latest earlier statement, near enough (and in the same section), that passes test — and,
        when item is given, names the same line item (same_item). test must depend on the statement
        alone: the statements passing each condition are listed once, by line item, so that looking
        back from every statement of a long paragraph is a bisection, not a walk back through it."""
        lists = self._passing.get((condition, item is not None))
        if lists is None:
            lists = self._passing[(condition, item is not None)] = {}
            for o in self.sts:
                if test(o) and (item is None or o.key):
                    lists.setdefault(_item_class(o.key) if item is not None else "", []).append(o.index)
        if item is not None and not item:
            return None
        found = lists.get(_item_class(item) if item is not None else "", [])
        k = bisect.bisect_left(found, st.index)
        if not k or found[k - 1] < self._reach(st, paragraphs, same_section):
            return None
        return self.sts[found[k - 1]]

    def _reach(self, st: Statement, paragraphs: int, same_section: bool) -> int:
        """The first statement a look back from st may reach (paragraph and section numbers only grow)."""
        first = bisect.bisect_left(self._paragraph_of, st.paragraph - paragraphs, 0, st.index)
        if same_section:
            first = max(first, bisect.bisect_left(self._section_of, st.section, 0, st.index))
        return first

    def _current_for(self, st: Statement) -> Quantity | None:
        if st.value is not None:
            return st.value
        budgets = st.all("budget")
        prior = st.first("prior")
        if len(budgets) == 1 and (prior is None or prior.basis == "prior_year"):
            # a budget report: "2024年收入预算总额 X 万元，比上年预算增加 D 万元" — this year's figure is a budget
            # ("上年执行数为 B 万元，本年预算安排 C 万元，比上年执行数增加 D 万元": C, against B)
            return budgets[0].quantity
        if not st.key:
            return None
        before = self.sts[st.index - 1] if st.index else None
        delta = st.first("delta")
        if (
            before is not None
            and delta is not None
            and before.value is not None
            and (before.paragraph, before.sentence, before.key) == (st.paragraph, st.sentence, st.key)
            and (other := before.first("delta")) is not None
            and {other.basis, delta.basis} == {"budget", "prior_year"}
        ):
            # "决算为 5.48 万元，比预算增加 0 万元，比去年增加 1.55 万元，增长 39.4%": the second comparison, of the
            # same figure against the other base, is of the amount the sentence opened with
            return before.value
        found = self._lookback(st, "amount, no change", lambda o: o.value is not None and o.first("delta") is None, item=st.key)
        if found is None and self._budget_report():
            # a budget report: "财政拨款收、支总预算 X 万元。与上年相比，财政拨款收、支总预算各增加 D 万元" — this year's
            # figure of the item is its one budget
            found = self._lookback(st, "budget, no change", _budget_alone, item=st.key)
        if found is None:
            found = self._pair_of_totals(st)
        if found is None:
            return None
        years = self._opening_year(found.start), self._opening_year(st.start)
        if None not in years and years[0] != years[1]:
            # "2021年度…公务接待 12.39 万元。2022年度“三公”经费预算较2021年度增加…，其中公务接待较上年同期减少
            # 0.58 万元": the amount found is another year's, not the one the change is of
            return None
        return found.value if found.value is not None else found.all("budget")[0].quantity

    def _pair_of_totals(self, st: Statement) -> Statement | None:
        """"收入总计 T 万元……支出总计 T 万元。与上年相比，收、支总计各增加 D 万元": 收、支总计 is the two totals, stated
        apart; when they are the same amount (as a 决算's two totals are), the change is of that amount."""
        m = _PAIR_KEY.fullmatch(st.key)
        if m is None:
            return None
        sides = []
        for side in ("收入", "支出"):
            key = m.group("pre") + side + m.group("post")
            found = self._lookback(st, "amount, no change", lambda o: o.value is not None and o.first("delta") is None, item=key)
            if found is None and self._budget_report():
                found = self._lookback(st, "budget, no change", _budget_alone, item=key)
            if found is None or found.paragraph < st.paragraph - 1:
                return None
            sides.append(found)
        income, spending = (s.value if s.value is not None else s.all("budget")[0].quantity for s in sides)
        if income.kind != "money" or spending.kind != "money" or not income.yuan.overlaps(spending.yuan):
            return None
        return sides[0]

    def _read_between(self, start: int, end: int) -> str:
        """The text between two offsets as the statements were read: lines a page wrapped joined, a newline only
        where a paragraph ends."""
        if end <= start:
            return ""
        if self.flow is None:
            return self.document.text[start:end]
        return self.flow.text[self.flow.locate(start) : self.flow.locate(end)]

    def _opening_year(self, pos: int) -> int | None:
        """The year that opens the sentence holding pos ("2021年度“三公”经费合计支出 …"), or else the latest sentence
        of its paragraph before it that opens with one (read in the reflowed text where there is one: a line a page
        wrapped opens no sentence, and a paragraph may hold the sentences of two years)."""
        text = self.document.text
        if self.flow is not None:
            text, pos = self.flow.text, self.flow.locate(pos)
        line = text.rfind("\n", 0, pos) + 1
        end = pos
        while end > line:
            lo = max(text.rfind("。", line, end) + 1, line)
            m = _OPENING_YEAR.match(text, lo, pos)
            if m:
                return int(m.group(1))
            end = lo - 1
        return None

    # ---------------------------------------------------------------- claims
    def build(self) -> list[Claim]:
        self._respectively()  # (may move a statement out of a list: the lists are gathered after it)
        self._balance_after_a_complete_list()  # (likewise)
        self.groups = [(self.sts[i], kids) for i, kids in _children(self.sts).items()]
        for st in self.sts:
            self._change(st)
            self._shares(st)
            self._rates(st)
            self._comparisons(st)
        self._numbered_runs()
        for parent, kids in self.groups:
            for run in self._separate_lists(parent, kids):
                self._composition(parent, run)
        self._additions()
        self._item_budgets()
        self._reasons()
        self.claims.sort(key=lambda c: (c.start, c.end))
        return self.claims

    def _separate_lists(self, parent: Statement, kids: list[Statement]) -> list[list[Statement]]:
        """The lists a total's parts were given in, when one sentence breaks it down twice: "收入完成 19.8 亿元（包括开发区
        收入 2890 万元），…，其中税务完成 18.96 亿元，…财政完成 8428 万元" is one part named in brackets, then a list by
        collector; "收入安排 290000 万元（其中：旗本级 A，开发区 B），比人代会预算数增加 60000 万元（其中：旗本级 C，开发区
        D）" breaks down the amount, then the change — a list opened right after a change is the change's, not checked
        against the amount."""
        text = self.document.text
        runs = [[kids[0]]]
        for prev, kid in zip(kids, kids[1:]):
            if kid.sentence == prev.sentence and kid.number is None and _opens_another_list(text, prev.end, kid.start):
                runs.append([kid])
            else:
                runs[-1].append(kid)
        if len(runs) == 1:
            return runs
        out = []
        for run in runs:
            before = [f for f in parent.facts if f.quantity.start < run[0].start]
            if before and before[-1].role == "delta" and not all(k.first("delta") for k in run):
                continue  # (the change's breakdown with its parts written as amounts, without 增加 or 减少)
            out.append(run)
        return out

    def _balance_after_a_complete_list(self) -> None:
        """"加上转移性收入 B 万元，其中，上级补助收入 b1 万元、…和上年结转结余收入 b4 万元，债务收入 C 万元，收入总计 T 万元":
        the list after 其中 is done once its amounts make up B; the amounts after it, up to a total named 总计 in the same
        sentence, go on with the balance B belongs to, not with B's list."""
        for index, kids in _children(self.sts).items():
            whole = _money(self.sts[index])
            if whole is None or not whole.value or len(kids) < 3 or any(k.sentence != kids[0].sentence for k in kids):
                continue
            acc = Interval.exact(Decimal(0))
            for j, kid in enumerate(kids[:-1]):
                part = _money(kid)
                if part is None:
                    break
                acc = acc + part.yuan
                rest = kids[j + 1 :]
                if j >= 1 and acc.overlaps(whole.yuan) and any(_SUM_NAME.search(k.subject) for k in rest):
                    owner = self.sts[index]
                    for k in rest:
                        k.parent, k.list_kind = owner.parent, owner.list_kind
                    break

    def _item_budgets(self) -> None:
        """A total's budget and final amount, then every 科目 under it with its own ("一般公共预算财政拨款支出年初预算为
        21,864.85 万元，支出决算为 19,044.27 万元…" / "“…（项）”20.04 万元…年初预算为 77.59 万元，支出决算为 20.04
        万元…" / …): when the items' final amounts make up the total's exactly, the list is whole, and their budgets
        must make up its budget too. Items numbered only where the 类 changes are not a list the parser can join."""
        sts = self.sts
        for t in sts:
            # (a named total: an item's own budget sentence names nothing, and a run ends at the next named total,
            # so the runs looked through never overlap)
            if not t.subject or t.parent is not None or len(t.all("budget")) != 1 or t.value is None or t.value.kind != "money":
                continue
            if t.all("budget")[0].quantity.kind != "money" or len(t.all("value")) != 1:
                continue
            items: list[Statement] = []
            heads: list[Statement] = []
            head: Statement | None = None
            for o in sts[t.index + 1 :]:
                if o.section != t.section:
                    break
                roles = {f.role for f in o.facts}
                if _CLASS_PATH.search(o.subject) and roles == {"value"}:
                    head = o  # the item's heading: "“…（类）…（款）…（项）”20.04 万元"
                    continue
                if "budget" in roles:
                    if o.subject or head is None or roles - {"budget", "value", "execution"} or len(o.all("budget")) != 1:
                        items = []
                        break  # another total, or an item the run cannot account for
                    items.append(o)
                    heads.append(head)
                    head = None
                elif head is not None and "value" in roles and not o.subject:
                    items = []
                    break  # an item's figures without its budget: the run cannot be summed
            if len(items) < 3 or any(h.value.kind != "money" for h in heads):  # type: ignore[union-attr]
                continue
            # (the amount each item is headed with: its sentence may restate it wrong, which EXE001 and TAB005 tell)
            values = [h.value for h in heads]
            labels = [h.subject for h in heads]
            budgets = [o.all("budget")[0].quantity for o in items]
            if any(b.kind != "money" for b in budgets) or not _sum(values).overlaps(_sum([t.value])):
                continue
            for measure, total, parts in (("value", t.value, values), ("budget", t.all("budget")[0].quantity, budgets)):
                self.claims.append(
                    CompositionClaim(
                        start=total.start,
                        end=total.end,
                        subject=t.subject,
                        measure=measure,
                        total=total,
                        parts=parts,
                        part_labels=labels,
                        list_kind="科目",
                        complete=True,
                        completeness="sum:value",
                        group=f"items:{t.index}",
                    )
                )

    def _respectively(self) -> None:
        """"基本支出和项目支出分别为 360 万元和 120 万元，分别占本年支出合计的 75.0% 和 25.0%": the names
        listed before 分别 go to the amounts that follow, in order, and so do the shares after 分别占."""
        text = self.document.text
        for i, st in enumerate(self.sts):
            if not st.subject.endswith("分别") or st.value is None:
                continue
            names = [clean_subject(n) for n in _AND.split(st.subject[: -len("分别")])]
            run = [st]
            for other in self.sts[i + 1 : i + len(names)]:
                if other.subject or other.value is None or other.sentence != st.sentence or other.parent != st.parent:
                    break
                run.append(other)
            if len(run) != len(names) or len(run) < 2 or not all(names):
                continue
            for name, member in zip(names, run, strict=True):
                member.subject, member.key = name, subject_key(name)
            self._respective_shares(run, text)

    def _respective_shares(self, run: list[Statement], text: str) -> None:
        """The percentages after "分别占…的" right after a run of amounts, one to each amount."""
        last = run[-1].value
        assert last is not None
        stop = text.find("。", last.end)
        stop = len(text) if stop < 0 else stop
        figures = self.quantities
        k = bisect.bisect_left(figures, last.end, key=lambda q: q.start)
        percents = []
        while k < len(figures) and figures[k].start < stop and len(percents) < len(run):
            if figures[k].kind == "percent":
                percents.append(figures[k])
            k += 1
        if len(percents) < len(run):
            return
        lead = _RESPECTIVE_SHARE.search(text, last.end, percents[0].start)
        if lead is None or lead.end() != percents[0].start:
            return
        shares = percents[: len(run)]
        if any(not _CONNECTOR.fullmatch(text[a.end : b.start]) for a, b in zip(shares, shares[1:])):
            return
        taken = {q.start for q in shares}
        for other in self._sentence_of(run[0]):  # a share the parser gave to the total or to a bare 分别 goes to its amount
            if any(f.quantity.start in taken for f in other.facts):
                other.facts = [f for f in other.facts if f.quantity.start not in taken]
            if not other.facts and other.subject in ("", "分别") and other.parent is not None:
                other.parent, other.list_kind = None, ""  # no part of the list: what is left of "分别占…"
        base = lead.group("base").strip()
        for member, q in zip(run, shares, strict=True):
            member.facts.append(Fact(role="share", quantity=q, label="分别占" + base, base_label=base))

    def _sentence_of(self, st: Statement) -> list[Statement]:
        """The statements of st's sentence (they stand together in the list of statements)."""
        def same(o: Statement) -> bool:
            return o.paragraph == st.paragraph and o.sentence == st.sentence

        lo = hi = st.index
        while lo > 0 and same(self.sts[lo - 1]):
            lo -= 1
        while hi + 1 < len(self.sts) and same(self.sts[hi + 1]):
            hi += 1
        return self.sts[lo : hi + 1]

    def _change(self, st: Statement) -> None:
        delta, rate = st.first("delta"), st.first("rate")
        if delta is None and rate is None:
            return
        prior = st.first("prior")
        basis = (delta.basis if delta else "") or (prior.basis if prior else "")
        budget = st.first("budget")
        if not basis:
            basis = "budget" if budget is not None and st.value is not None else "prior_year"
        if basis == "budget" and (budget is None or st.value is None) and prior is None and self._budget_report():
            # a budget report compares this year's budget with last year's ("比2023年预算数减少")
            basis = "prior_year"
        prior_q = prior.quantity if prior else None
        if prior_q is None and basis == "budget" and budget is not None and st.value is not None:
            prior_q = budget.quantity
        owner = self._gap_owner(st) if st.subject in BUDGET_GAP else st
        current = self._current_for(owner) if owner is not None else None
        start, end = _span([delta, rate, prior], st)
        self.claims.append(
            ChangeClaim(
                start=start,
                end=end,
                subject=(owner or st).subject,
                basis=basis,  # type: ignore[arg-type]
                current=current,
                prior=prior_q,
                delta=delta.quantity if delta else None,
                delta_word=delta.word if delta else None,
                delta_direction=delta.direction if delta else 0,
                rate=rate.quantity if rate else None,
                rate_word=rate.word if rate else None,
                rate_direction=rate.direction if rate else 0,
                double_sign=bool(delta and delta.double_sign),
            )
        )

    def _gap_owner(self, st: Statement) -> Statement | None:
        """The figure a 超收 / 短收 amount is the gap of, just before it in its sentence: "一般公共预算收入 A 万元，
        完成预算的 R%，超收 G 万元，同比增长 P%" — the change after the gap is A's, not G's."""
        before = self.sts[st.index - 1] if st.index else None
        if before is None or before.paragraph != st.paragraph or before.sentence != st.sentence:
            return None
        return before if before.value is not None and before.subject not in BUDGET_GAP else None

    def _shares(self, st: Statement) -> None:
        main = _main(st)
        base = st.first("base")
        for fact in st.all("share"):
            part = main.quantity if main else None
            if part is None:
                continue
            total: Quantity | None = base.quantity if base else None
            total_label = fact.base_label
            if total is None:
                total = self._share_total(st, part, fact.base_label)
            self.claims.append(
                ShareClaim(
                    start=fact.quantity.start,
                    end=fact.quantity.end,
                    subject=st.subject,
                    part=part,
                    share=fact.quantity,
                    total=total,
                    total_label=total_label,
                    group=st.parent,
                )
            )

    def _share_total(self, st: Statement, part: Quantity, base_label: str) -> Quantity | None:
        base_key = subject_key(base_label) if base_label else ""
        parent = self.sts[st.parent] if st.parent is not None else None
        if parent is not None and parent.named_only:
            # "“三公”经费财政拨款支出决算中，因公出国（境）费 … 占 …": the total stated before, named
            # again (it may be under the heading before: "（一）总体情况" then "（二）具体情况")
            parent = self._lookback(parent, "amount", lambda o: o.value is not None, item=parent.key, same_section=False)
        if parent is not None and not parent.named_only:
            whole, base = _core(parent.key), _core(base_key)
            # "税收返还和转移支付 X 亿元（包括一般性转移支付 Y 亿元，占转移支付比重 R）": a total that joins the base
            # to another item is not the base
            ends = whole.endswith(base) and whole[: len(whole) - len(base)][-1:] not in ("和", "及", "与", "、")
            generic = not base_key or bool(_GENERIC_TOTAL.fullmatch(base_key)) or same_item(base_key, parent.key) or ends
            budget = parent.first("budget") if parent.first("value") is None and st.first("value") is not None else None
            if not generic and budget is not None:
                # "收入预算总额为 A 万元 … 其中：财政拨款收入 B 万元，占收入预算总额的 R%": the total named with 预算
                bare = _BUDGET_TAIL.sub("", base)
                if bare and whole.endswith(bare):
                    return budget.quantity
            if generic:
                want_budget = part is not None and st.first("value") is None
                f = (parent.first("budget") if want_budget else None) or _main(parent)
                if f is not None and part is not None and f.quantity.kind != part.kind:
                    return self._total_of_kind_before(st, part, base_key)
                return f.quantity if f else None
        if not base_key:
            return None
        # the latest earlier statement of the same line item with an amount of the part's kind
        named = self._amounts_named(base_key, part.kind)
        k = bisect.bisect_left(named, st.index, key=lambda o: o.index)
        if not k and self._budget_report() and _BUDGET_TAIL.search(base_key):
            # a budget report's figures are budgets: "占项目支出预算的100%" is a share of 项目支出
            return self._share_total(st, part, _BUDGET_TAIL.sub("", base_label)) if _BUDGET_TAIL.sub("", base_key) else None
        return _main(named[k - 1]).quantity if k else None  # type: ignore[union-attr]

    def _total_of_kind_before(self, st: Statement, part: Quantity, base_key: str) -> Quantity | None:
        """"共支出慈善款物5.24亿元,惠及困难群众74万人次,其中用于脱贫攻坚的款物达4.71亿元,占总支出的89.88%": the part's
        list hangs under a count, and the share's base is the amount of the part's kind the paragraph stated last that
        names the base's word (支出 of 总支出) — none when the base names no word of its own ("占合计的")."""
        word = _GENERIC_AFFIX.sub("", base_key)
        if not word:
            return None
        for o in reversed(self.sts[max(0, st.index - 6) : st.index]):
            if o.paragraph != st.paragraph:
                break
            main = _main(o)
            if o.parent is None and main is not None and main.quantity.kind == part.kind and word in o.key:
                return main.quantity
        return None

    def _budget_report(self) -> bool:
        """Whether the disclosure is a budget (部门预算), by its title: this year's figures are budgets."""
        if self._is_budget is None:
            self._is_budget = budget_title(self.document.content)
        return self._is_budget

    def _amounts_named(self, key: str, kind: str) -> list[Statement]:
        """The statements with an amount of this kind whose key names the same line item as key
        (same_item), in order. Indexed once: thousands of shares must not each rescan the document."""
        if self._named is None:
            self._named = {}
            for other in self.sts:
                main = _main(other)
                if other.key and main is not None:
                    self._named.setdefault((_item_class(other.key), main.quantity.kind), []).append(other)
        return self._named.get((_item_class(key), kind), [])

    def _rates(self, st: Statement) -> None:
        for fact in st.all("execution"):
            rate_kind = fact.label
            actual = st.value
            plans = [f.quantity for f in st.all("budget")]
            # "…年初预算为 0.88 万元，支出决算为 0.88 万元。" / "完成年初预算的 100.00%。": a rate alone in its sentence
            # right after one that states the figures is theirs (in a list's part too, which the look-backs pass over)
            alone = actual is None and not plans and len(st.facts) == 1 and "到位" not in rate_kind
            before = self._sentence_before(st) if alone else None
            if before is not None and _plans_of_stage(rate_kind, before):
                actual, plans = before.value, _plans_of_stage(rate_kind, before)
            elif "到位" in rate_kind:
                arrived = [f.quantity for f in st.all("value") if st.measure == "到位"]
                actual = arrived[0] if arrived else None
                if actual is None:
                    found = self._lookback(st, "arrived", lambda o: o.measure == "到位" and o.value is not None)
                    actual = found.value if found else None
                if not plans:
                    found = self._lookback(st, "budget", lambda o: o.first("budget") is not None)
                    plans = [f.quantity for f in found.all("budget")] if found else []
            elif st.parent is None:
                # a rate stated on its own ("部门预算执行率为114%") refers to the figures just before
                # it; a part of a list never borrows its total's budget
                if actual is None and len(st.facts) == 1:
                    found = self._lookback(
                        st, "total, actual", lambda o: o.parent is None and o.value is not None and o.measure in ("决算", "")
                    )
                    actual = found.value if found else None
                if not plans and actual is not None:
                    # the latest budget of the stage the rate names ("为调整预算的 R%" passes over the 年初 one)
                    found = self._lookback(
                        st,
                        ("total, budget only", rate_kind),
                        lambda o: o.parent is None
                        and (o.value is None or o.measure == "到位" or o.value.kind != "money" or _ADJUSTED_BY.search(o.first("value").label))
                        and o.first("budget") is not None
                        and bool(_plans_of_stage(rate_kind, o)),
                    )
                    plans = _plans_of_stage(rate_kind, found) if found else []
            if not plans and actual is not None and actual is st.value and "到位" not in rate_kind:
                allotted = self._allotted_before(st)
                plans = [allotted] if allotted is not None else plans
            pair = self._against_target(st) if "完成" in rate_kind and not plans else None
            if pair is not None:
                actual, plans = pair[0], [pair[1]]
            elif actual is not None and actual.kind != "money":
                continue
            self.claims.append(
                RateClaim(
                    start=fact.quantity.start,
                    end=fact.quantity.end,
                    subject=st.subject,
                    rate_kind=rate_kind,
                    rate=fact.quantity,
                    actual=actual,
                    plans=plans,
                )
            )

    def _allotted_before(self, st: Statement) -> Quantity | None:
        """The amount allotted, the sentence's first, right before a rate's own spent amount: "下达资金共计 A 万元，实际
        支出 B 万元，资金执行率 R%" (a 绩效自评's way: A is the budget the rate is of). Only where the sentence states
        those two amounts alone, the allotted one named as allotted and the other as spent; a sentence that adds a
        carry-over or a second allotment leaves the budget unsaid."""
        if st.index == 0 or st.value is None or st.value.kind != "money":
            return None
        spent = st.first("value")
        if spent is None or not _SPENT.search(spent.label):
            return None
        o = self.sts[st.index - 1]
        if o.paragraph != st.paragraph or o.sentence != st.sentence or o.parent is not None or st.parent is not None:
            return None
        if len(o.facts) != 1 or o.value is None or o.value.kind != "money" or not _ALLOTTED.search(o.first("value").label):
            return None
        if o.index > 0 and self.sts[o.index - 1].paragraph == o.paragraph and self.sts[o.index - 1].sentence == o.sentence:
            return None  # an amount before it in the sentence (a carry-over, another allotment): the budget is not one figure
        return o.value

    def _sentence_before(self, st: Statement) -> Statement | None:
        """The statement of the sentence right before st in its paragraph, when it states an amount and one budget
        for it and no rate of its own: what a rate standing alone in the next sentence is the rate of."""
        if st.index == 0:
            return None
        o = self.sts[st.index - 1]
        # (or the paragraph before, when the rate opens its own with no subject: a line break after the 。)
        near = o.paragraph == st.paragraph or o.paragraph == st.paragraph - 1 and not st.subject
        if not near or o.sentence != st.sentence - 1 or o.first("execution") is not None:
            return None
        if o.value is None or o.value.kind != "money" or len(o.all("budget")) != 1:
            return None
        return o if o.all("budget")[0].quantity.kind == "money" else None

    def _against_target(self, st: Statement) -> tuple[Quantity, Quantity] | None:
        """(achieved, target) for a completion rate of a count target, stated in one sentence:
        "全年服务老年人 2,400 人次，目标值 2,000 人次，完成率 120.0%", or the target first."""
        if st.index == 0 or st.value is None or st.value.kind != "count" or st.value.unit in _NOT_TARGET_UNITS:
            return None
        other = self.sts[st.index - 1]
        if other.paragraph != st.paragraph or other.sentence != st.sentence or other.value is None:
            return None
        if other.value.unit != st.value.unit or len(other.facts) != 1:
            return None
        if _TARGET_WORD.search(st.subject) and not _TARGET_WORD.search(other.subject):
            return other.value, st.value
        if _TARGET_WORD.search(other.subject) and not _TARGET_WORD.search(st.subject):
            return st.value, other.value
        return None

    def _comparisons(self, st: Statement) -> None:
        for comparison in st.comparisons:
            about = st
            if comparison.subject:
                # "“三公”经费支出决算数小于预算数" after a list: the statement it names, or none
                key = subject_key(comparison.subject)
                # the same item, or a longer or shorter name of it ("“三公”经费" for 三公经费财政拨款支出)
                about = next(
                    (
                        o
                        for o in self._chain(st)
                        if same_item(o.key, key) or (o.key and key.startswith(o.key)) or (len(key) >= 2 and o.key.startswith(key))
                    ),
                    None,
                )
            budget = None
            if about is not None and not _two_budgets(about):
                prior = about.first("prior")
                budget = about.first("budget") or (prior if prior is not None and prior.basis == "budget" else None)
            word = comparison.word
            left = about.value if about is not None else None
            right = budget.quantity if budget else None
            if left is not None and right is not None and (left.kind != "money" or right.kind != "money"):
                # "决算数大于预算数，主要原因：62 名职工…": a count is no final or budget amount
                left = right = None
            self.claims.append(
                ComparisonClaim(
                    start=word.start,
                    end=word.end,
                    subject=about.subject if about is not None else comparison.subject,
                    word=word,
                    left=left,
                    right=right,
                )
            )

    def _chain(self, st: Statement) -> list[Statement]:
        """A statement and the totals it is a part of, innermost first."""
        chain = [st]
        while chain[-1].parent is not None and len(chain) < 8:
            chain.append(self.sts[chain[-1].parent])
        return chain

    def _reasons(self) -> None:
        # each statement with a change amount explains the first change (in claim order) starting inside it
        changes = sorted(
            ((c.start, order, c) for order, c in enumerate(self.claims) if isinstance(c, ChangeClaim)),
            key=lambda t: (t[0], t[1]),
        )
        starts = [t[0] for t in changes]
        by_statement: dict[int, ChangeClaim] = {}
        for st in self.sts:
            if st.first("delta") is None:
                continue
            inside = changes[bisect.bisect_left(starts, st.start) : bisect.bisect_right(starts, st.end)]
            if inside:
                by_statement[st.index] = min(inside, key=lambda t: t[1])[2]
        for reason in self.reasons:
            change: ChangeClaim | None = None
            if reason.follows is not None:
                change = by_statement.get(reason.follows)
            elif reason.key:
                for i in range(min(reason.statement_count, len(self.sts)) - 1, -1, -1):
                    st = self.sts[i]
                    if reason.paragraph - st.paragraph > 8:
                        break
                    if st.index in by_statement and (
                        same_item(st.key, reason.key) or (len(reason.key) >= 4 and st.key.startswith(reason.key))
                    ):
                        change = by_statement[st.index]
                        break
            self.claims.append(
                ReasonClaim(
                    start=reason.word.start,
                    end=reason.word.end,
                    subject=reason.subject,
                    word=reason.word,
                    direction=reason.direction,
                    change=change,
                )
            )

    # --------------------------------------------------------- compositions
    def _numbered_runs(self) -> None:
        """Numbered items of the same shape right after a total are its parts, even without 其中."""
        sts = self.sts
        i = 0
        while i < len(sts):
            st = sts[i]
            if not st.numbered or st.parent is not None or st.value is None:
                i += 1
                continue
            shape = frozenset(f.role for f in st.facts)
            run = [st]
            j = i + 1
            while j < len(sts):
                other = sts[j]
                if other.section != st.section:
                    break
                if other.numbered == st.numbered and other.parent is None:
                    if frozenset(f.role for f in other.facts) != shape:
                        break
                    run.append(other)
                elif other.numbered and other.parent is None:
                    break
                j += 1
            if len(run) >= 2:
                parent = self._lookback(
                    st,
                    ("total of shape", shape),
                    lambda o: o.parent is None
                    and not o.numbered
                    and o.value is not None
                    and shape <= frozenset(f.role for f in o.facts) | {"execution", "rate", "share"},
                    paragraphs=12,
                )
                if parent is not None:
                    parent = self._named_by_lead_in(parent, run[0])
                if parent is not None:
                    for item in run:
                        item.list_kind = "numbered"
                    self.groups.append((parent, run))
            i = max(j, i + 1)

    def _additions(self) -> None:
        """A budget report's balance: "一般公共预算收入 A 亿元。加上上级补助收入 B 亿元、上年结转 C 亿元，收入总计 T 亿元" —
        the amount before 加上 and the amounts it adds make the total named at the end of the sentence."""
        sts = self.sts
        for i, st in enumerate(sts):
            if not _ADDED.match(st.subject) or st.parent is not None or not _money(st):
                continue
            base = next((o for o in reversed(sts[max(0, i - 8) : i]) if o.parent is None), None)
            named = self._named_before_addition(st)
            if base is not None and named and named not in close_up(base.subject):
                # "…收入 A 万元；…支出安排 B 万元。一般公共财政预算收入，加上…等 C 万元，预计总财力 T 万元": the
                # sentence names what the amounts are added to; the amount just before is another one
                base = next((o for o in reversed(sts[max(0, i - 8) : i]) if o.parent is None and named in close_up(o.subject)), None)
            if base is None or base.paragraph != st.paragraph or base.sentence < st.sentence - 1 or not _money(base):
                continue
            if _ADDED.match(base.subject) or _SUM_NAME.search(base.subject):
                continue
            added, total = [st], None
            for o in sts[i + 1 : i + 10]:
                if o.paragraph != st.paragraph or o.sentence != st.sentence:
                    break
                if o.parent is not None:
                    continue  # "上级补助收入 366.92 亿元（其中返还性收入 18.20 亿元、…）": inside an added amount
                if not _money(o) or _ADDED.match(o.subject):
                    break
                if _SUM_NAME.search(o.subject):
                    total = o
                    break
                added.append(o)
            if total is None or _TAKEN_AWAY.search(self.document.text, st.start, total.start):
                continue  # "加上 A，减去 B，可用财力 T": an amount taken away is no addend
            later = sts[total.index + 1 : total.index + 4]
            if any(_SUBTOTAL.search(o.subject) for o in added) or any(
                o.sentence == total.sentence and _SUM_NAME.search(o.subject) for o in later
            ):
                continue  # "加上 A、B，合计 C，收入总计 T": which total the amounts make is not plain
            parts = [_money(o) for o in (base, *added)]
            summed_up = len(added) == 1 and added[0].subject.endswith("等")
            self.claims.append(
                CompositionClaim(
                    start=total.value.start,  # type: ignore[union-attr]
                    end=total.value.end,  # type: ignore[union-attr]
                    subject=total.subject,
                    measure="value",
                    total=total.value,  # type: ignore[arg-type]
                    parts=parts,  # type: ignore[arg-type]
                    part_labels=[o.subject for o in (base, *added)],
                    list_kind="加上",
                    # a balance often names only its main items (and says so with 等 only sometimes): the amounts
                    # it names are held to exceed nothing, not to make up the whole — unless one amount sums up all
                    # it adds ("加上中央财政税收返还和补助收入、地方政府一般债务收入等 B 亿元，收入总量为 T 亿元")
                    complete=summed_up,
                    completeness="summed-up" if summed_up else "",
                    group=f"add:{base.index}:{total.index}",
                )
            )

    def _named_before_addition(self, st: Statement) -> str:
        """The last words of what a sentence names before its 加上, without a figure of its own ("一般公共财政预算收入，
        加上税收返还…"): "预算收入"; "" when 加上 opens its sentence or clause."""
        text = self.document.text
        # (read over the wraps and letter-spacing of a PDF's lines: a page may break the sentence anywhere)
        lo = max(st.start - 160, *(text.rfind(c, 0, st.start) + 1 for c in "。；;"))
        run = _BLANKS.sub("", text[lo : st.start])
        at = run.rfind(_BLANKS.sub("", st.subject)[:2])
        if at <= 0:
            return ""
        lead = run[:at].rstrip("，,、：:")
        if any(c.isdigit() for c in lead) or len(lead) < 4 or not all("\u4e00" <= c <= "\u9fff" for c in lead[-4:]):
            return ""
        return lead[-4:]

    def _own_list_runs_on(self, kids: list[Statement]) -> list[Statement]:
        """The parts up to one whose own list goes on past a ；: "其中：一般公共转移支付补助收入 10.72 亿元，主要为税收返还
        收入 0.75 亿元；一般性转移支付收入 6.95 亿元；专项转移支付收入 3.02 亿元" — the amounts after the ； and the
        part's own list add up to the part (0.75 + 6.95 + 3.02 = 10.72): they are its list, not the parts after it.
        A ； ends a part's list as often as it separates that list's items; the amounts say which one was meant."""
        for i, k in enumerate(kids[:-1]):
            whole = _money(k)
            if whole is None or not whole.value:
                continue  # (amounts of 0 add up to any 0: they tell nothing)
            own = [o for o in self.sts[k.index + 1 : kids[i + 1].index] if o.parent == k.index]
            figures = [_money(o) for o in (*own, *kids[i + 1 :])]
            if own and all(f is not None for f in figures) and _sum(figures).overlaps(whole.yuan):  # type: ignore[arg-type]
                return kids[: i + 1]
        return kids

    def _in_reason_clause(self, first: Statement, kid: Statement) -> bool:
        """Whether a listed figure stands in a reason given for a part before it, within one clause: "原因：" (or
        原因是 …) after the list's first part, with no "；" or "。" between it and the figure."""
        text = self.document.text
        lo = max(first.end, *(text.rfind(c, first.end, kid.start) + 1 for c in "；;。"))
        # (read with the spaces of a letter-spaced line taken out: "调 整 的 原 因 ：")
        return _IN_REASON.search(close_up(text[lo : max(lo, kid.start)])) is not None

    def _named_by_lead_in(self, parent: Statement, first: Statement) -> Statement | None:
        """The total of a numbered run, unless its lead-in names something else: "结转结余为 0.90 亿元。支出主要情况如下：
        1.…" lists the 支出, not parts of the amount just before the lead-in (which total it breaks down is then left
        unsaid: the list may be cut, or name only the main items)."""
        # (a line of its own before the run; read with the spaces of a letter-spaced line taken out)
        m = _LEAD_IN.search(close_up(self.document.text[parent.end : first.start]))
        name = m.group("name") if m else ""
        if not name or name in _GENERIC_LEAD or name in parent.subject:
            return parent
        return None

    def _composition(self, parent: Statement, kids: list[Statement]) -> None:
        kids = [k for k in kids if not k.named_only]
        # "土地出让收入由年初预算的 65000 万元调整为 35000 万元": one part, said before and after the adjustment
        kids = [k for i, k in enumerate(kids) if not (i + 1 < len(kids) and _READJUSTED.fullmatch(kids[i + 1].subject) and "由" in k.subject)]
        # "上级转移支付补助收入 29.71 亿元，增长 20.4%，增长的主要原因是一次性…补助 4.23 亿元；…": a figure named in a
        # reason explains the part before it, it is no part of the list
        kids = [k for k in kids if not _IN_REASON.search(k.subject)]
        # "…支出 0.61 亿元，调整的原因：“三保”支出调减 0.17 亿元，其他刚性支出调增 0.78 亿元；调增…": the figures of a reason
        # given after a part, up to the end of its clause, break that part down; they are no parts of the list
        # (a numbered item opens an item of its own, whatever the line before it explained)
        kids = [k for i, k in enumerate(kids) if not (i and k.number is None and self._in_reason_clause(kids[0], k))]
        # "土地出让收入调入 52210 万元，调增 16210 万元": an increment after a part is that part's change, not a part
        kids = [k for i, k in enumerate(kids) if not (i and _INCREMENT.search(k.subject) and not _INCREMENT.search(kids[i - 1].subject))]
        kids = self._own_list_runs_on(kids)
        if len(kids) < 2:
            return
        total_holder = parent
        if parent.named_only:
            # "财政拨款支出预算中，…": the total stated before, as an amount or (a budget report) a budget
            # (named without its measure: "财政拨款支出预算中" names 财政拨款, the 财政拨款支出 just stated)
            found = self._lookback(parent, "amount or budget", lambda o: _main(o) is not None, item=parent.key)
            if len(parent.key) >= 2:
                if self._prefixes is None:
                    self._prefixes = _PrefixIndex([(o.key, o.index) for o in self.sts if _main(o) is not None])
                latest = self._prefixes.latest(parent.key, parent.index)
                if latest >= self._reach(parent, _LOOKBACK_PARAGRAPHS, True) and (found is None or latest > found.index):
                    found = self.sts[latest]
            if found is None:
                return
            total_holder = found
        if _parts_of_another_whole(total_holder, kids) or any(_DEDUCTION.search(k.subject) for k in kids):
            return
        if _INCREMENT.search(total_holder.subject) and not all(_INCREMENT.search(k.subject) for k in kids):
            return  # "调入资金调整为 A 万元，调增 B 万元。分别是…调入 C 万元": the parts of A, not of the increment B
        list_kind = kids[0].list_kind or "其中"
        # which roles can be summed: the total and every part carry one, in comparable units
        sums: dict[str, tuple[Quantity, list[Quantity]]] = {}
        # with no amount of its own, the total is its budget: the last one when several are given
        # ("年初预算为 120 万元，全年预算数为 150 万元，其中：…" breaks down the figure just before 其中)
        budgets = total_holder.all("budget")
        budget_only = total_holder.value is None and len(budgets) >= 1
        for role in ("value", "budget", "delta"):
            total_fact = self._measure(total_holder, role, like=self._measure(kids[0], role))
            if total_fact is None and role == "value" and budget_only and not any(k.first("budget") for k in kids):
                # "支出预算总额 X 万元，其中：基本支出 A 万元" — the parts break down the budget
                total_fact = budgets[-1]
            if total_fact is None:
                continue
            total = total_fact.quantity
            if role == "delta":
                total = replace(total, value=abs(total.value))
            parts: list[Quantity] = []
            for k in kids:
                f = self._measure(k, role)
                if f is None:
                    break
                if role == "delta":
                    if f.direction == 0 or total_fact.direction == 0:
                        break
                    q = f.quantity
                    signed = abs(q.value) * f.direction * total_fact.direction
                    q = replace(q, value=signed)
                else:
                    q = f.quantity
                if not self._comparable(total, q) or q.unit == "分":
                    break
                parts.append(q)
            else:
                if total.kind in ("money", "count") and total.unit != "分":
                    sums[role] = (total, parts)
        if "value" in sums and self._breaks_down_earlier(total_holder, *sums["value"]):
            del sums["value"]
        if not sums:
            return
        complete, why = self._complete(parent, kids, sums)
        for role, (total, parts) in sums.items():
            self.claims.append(
                CompositionClaim(
                    start=total.start,
                    end=total.end,
                    subject=total_holder.subject,
                    measure=role,
                    total=total,
                    parts=parts,
                    part_labels=[k.subject for k in kids],
                    list_kind=list_kind,
                    complete=complete or why.startswith("identity"),
                    completeness=why,
                    group=f"{parent.index}:{kids[0].index}",
                )
            )

    def _breaks_down_earlier(self, holder: Statement, total: Quantity, parts: list[Quantity]) -> bool:
        """Whether parts that exceed the amount just before 其中 add up to an amount stated before it instead: one
        of the same sentence or the one before ("收入 68.3 亿元，超收 0.08 亿元，…。其中，税收收入 33.06 亿元…"), or
        the run of amounts the clause lists ("对 5 个部门、5 个镇乡街道…，15 个专项…，其中：良好部门 5 个…")."""
        whole = _sum(parts)
        if whole.lo <= _sum([total]).hi:
            return False
        run = total
        acc = _sum([total])
        for j in range(holder.index - 1, -1, -1):
            earlier = self.sts[j]
            if earlier.paragraph != holder.paragraph or earlier.sentence < holder.sentence - 1:
                break
            q = earlier.value
            if q is None or q.kind != run.kind or (q.kind == "count" and q.unit != run.unit):
                continue
            if _sum([q]).overlaps(whole):
                return True
            if earlier.sentence == holder.sentence and earlier.parent == holder.parent:
                acc = acc + _sum([q])
                if acc.overlaps(whole):
                    return True
        return False

    @staticmethod
    def _measure(st: Statement, role: str, like: Fact | None = None) -> Fact | None:
        """A statement's figure for a measure; a budget may be stated as "比年初预算 X".
        With several budgets (年初, 全年, 调整后), the one named like the parts' budget."""
        if role == "budget":
            budgets = st.all("budget")
            if len(budgets) > 1:
                if like is None or like.role != "budget":
                    return None
                named = [b for b in budgets if b.label == like.label]
                return named[0] if len(named) == 1 else None
            prior = st.first("prior")
            return st.first("budget") or (prior if prior is not None and prior.basis == "budget" else None)
        return st.first(role)  # type: ignore[arg-type]

    def _comparable(self, total: Quantity, part: Quantity) -> bool:
        if total.kind == "money":
            return part.kind == "money"
        if total.kind != "count" or part.unit != total.unit:
            return False
        # "102 个部门…其中，有 81 个部门公开了 104 个项目的…": a part counts what its total counts
        whole, counted = self._counted(total), self._counted(part)
        return not whole or not counted or counted[:2] in whole or whole[:2] in counted

    def _counted(self, q: Quantity) -> str:
        """What a count counts, as written right after it ("102个中央部门" → "中央部门"): up to six characters."""
        m = _COUNTED.match(self.document.content, q.end)
        return m.group(1) if m else ""

    def _complete(
        self, parent: Statement, kids: list[Statement], sums: dict[str, tuple[Quantity, list[Quantity]]]
    ) -> tuple[bool, str]:
        """Whether the parts listed are all the parts — the evidence a sum check needs."""
        shares = [k.first("share") for k in kids]
        if all(shares):
            total = sum((s.quantity.interval for s in shares), Interval.exact(Decimal(0)))  # type: ignore[union-attr]
            slack = len(shares) * max((s.quantity.interval.hi - s.quantity.value) for s in shares)  # type: ignore[union-attr]
            if total.lo - slack <= 100 <= total.hi + slack:
                return True, "shares"
        numbers = [k.number for k in kids]
        if all(n is not None for n in numbers) and numbers != list(range(numbers[0], numbers[0] + len(numbers))):  # type: ignore[arg-type]
            return False, ""  # 1、3、4 …: an item was not understood, so the list cannot be trusted
        if self._unfigured_items(parent, kids):
            return False, ""  # "单位共 50 个，包括本级、9 个…、其他 12 个…": items listed without a figure count too
        if _catch_all(kids[-1].subject):  # a catch-all last item closes the list
            return True, "other"
        if len(kids) == 2 and _complementary(kids[0].subject, kids[1].subject):
            return True, "pair"  # 线上/线下, 男/女, 国内/境外 …: two halves are the whole
        if self._counted_before(parent, kids):
            return True, "counted"  # "主要有 A、B 二类支出，总预算 X，其中 A a，B b": the text counted the kinds itself
        ident = self._identity(parent, kids)
        if ident is not None:
            return True, f"identity:{ident.name}"
        for role, (total, parts) in sums.items():
            if not any(p.value for p in parts):
                continue
            if _sum(parts).overlaps(_sum([total])):
                return True, f"sum:{role}"
        return False, ""

    def _counted_before(self, parent: Statement, kids: list[Statement]) -> bool:
        """Whether the sentence before the total names its kinds and counts them ("主要有部门预算项目支出、专项预算支出
        二类支出，项目资金总预算为 …"), the count being the number of parts listed and every part one of the kinds named."""
        before = self._read_between(max(0, parent.start - _COUNTED_REACH), parent.start)
        before = _SENTENCE_END.split(before)[-1]
        subjects = [k.subject for k in kids]
        if not all(subjects):
            return False
        for m in _COUNTED_KINDS.finditer(before):
            n = cn_number(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
            if n == len(kids) and all(s in m.group("names") for s in subjects):
                return True
        return False

    def _unfigured_items(self, parent: Statement, kids: list[Statement]) -> bool:
        """Whether the list opens with an item named without a figure before its first figured one: "单位共 50 个，包括
        国土资源部本级、9 个派驻地方的…"."""
        gap = self._read_between(parent.end, kids[0].start)
        if not gap or "\n" in gap or "。" in gap or "：" in gap or ":" in gap:
            return False  # the first part's own label and what it covers ("1.工资福利支出：包括基本工资、津贴补贴…")
        first = gap.split("、")[:-1]
        pieces = [_LIST_LEAD.sub("", _CLAUSE_TAIL.split(_SPACES.sub("", p))[-1]) for p in first]  # (letter-spaced too)
        return any(_NAMED_ITEM.fullmatch(p.strip()) for p in pieces)

    def _identity(self, parent: Statement, kids: list[Statement]) -> Decomposition | None:
        for dec in self.decompositions:
            if dec.matches(parent.key, [k.key for k in kids]):
                return dec
        return None


def _money(st: Statement) -> Quantity | None:
    q = st.value
    return q if q is not None and q.kind == "money" else None


def _sum(figures: list[Quantity]) -> Interval:
    """The exact values a sum of written figures may take (money in 元)."""
    acc = Interval.exact(Decimal(0))
    for q in figures:
        acc = acc + (q.yuan if q.kind == "money" else q.interval)
    return acc


def build_claims(
    document: Document,
    quantities: list[Quantity],
    statements: list[Statement],
    reasons: list[Reason],
    identity_dirs: tuple[str, ...] = (),
    flow: Reflowed | None = None,
) -> list[Claim]:
    """The claims the statements make; identity_dirs adds folders of TOML identities to the built-in ones; flow, the
    text as the statements were read (its paragraphs join lines a page wrapped).
    (It may correct statements: a subject spread by 分别, numbered items that are a total's parts.)"""
    return _Builder(document, quantities, statements, reasons, identity_dirs, flow).build()


def _two_budgets(st: Statement) -> bool:
    """"年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元": which budget "预算数" means is not said."""
    budgets = {f.quantity.yuan_value for f in st.facts if f.role == "budget" and f.quantity.kind == "money"}
    return len(budgets) > 1



def _children(sts: list[Statement]) -> dict[int, list[Statement]]:
    """Each listed total's parts, in order, by the total's index."""
    children: dict[int, list[Statement]] = {}
    for st in sts:
        if st.parent is not None:
            children.setdefault(st.parent, []).append(st)
    return children


_CLASS_PATH = re.compile(r"[（(]\s*[类款项]\s*[）)]")


def _catch_all(subject: str) -> bool:
    """A list's last item that takes in whatever the others leave (其他收入, 其他支出): not a 科目 of its own whose name
    begins or holds 其他 ("灾害防治及应急管理支出（类）消防救援事务（款）其他消防救援事务支出（项）" is one 项)."""
    if "其他" not in subject:
        return False
    return not _CLASS_PATH.search(subject) or subject.lstrip("“\"'‘ ").startswith("其他")


def _plans_of_stage(rate_kind: str, found: Statement) -> list[Quantity]:
    """The budgets borrowed from an earlier statement that may be the one the rate names: "完成调整预算数的 101.42%"
    is not measured by the 年初预算 stated two sentences before (the adjusted budget, which the text may state as a
    plain figure, "预算调整为 200.12 亿元", is the one it names), nor the reverse."""
    facts = found.all("budget")
    named = [w for w in _PLAN_STAGES if w in rate_kind]
    if not named:
        return [f.quantity for f in facts]
    other = [w for w in _PLAN_STAGES if w not in named]
    if any(w in f.label for f in facts for w in _PLAN_STAGES):  # "年初预算 B1，调整预算 B2": each budget says which it is
        return [f.quantity for f in facts if not any(w in f.label for w in other)]
    return [] if any(w in found.subject for w in other) else [f.quantity for f in facts]
