"""UNIT: 元/万元 slips and amounts written without a unit."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from auditlint.rulekit import (
    MONEY_SCALE,
    CompositionClaim,
    Disclosure,
    Issue,
    Quantity,
    Setting,
    amount,
    display_subject,
    in_unit,
    interval_of,
    money_word_before,
    rule,
    states_unit,
    verdicts,
)


def _times(a: Quantity, b: Quantity) -> str:
    ratio = max(a.yuan_value, b.yuan_value) / min(a.yuan_value, b.yuan_value)
    return "一万倍" if ratio == 10000 else "一亿倍" if ratio == 100000000 else f" {ratio:,.0f} 倍"


def _significant_digits(q: Quantity) -> int:
    return len(q.text.replace(",", "").replace("，", "").split(".")[0].lstrip("-0")) + q.places


@rule(
    "UNIT001",
    "unit-scale-slip", name_zh="元与万元错写",
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

    检查：同一数字写成两种货币单位（此处 11,492,964.29 元，彼处 11,492,964.29 万元），报
    告与全文金额惯用单位不一致的那一处；某一部分相对其所属总数大了或小了一万倍（或总数相
    对其各部分）；以及同一变动、占比或执行率中，某个金额的单位与其他金额不同、而换作另一
    单位计算即可成立的（“33.39元，比上年减少6.28万元，下降15.8%”）。
    原因：把元写成万元，金额就错了一万倍。

    Checks: the same figure written with two money units (11,492,964.29 元 here,
    11,492,964.29 万元 there), the one that disagrees with the unit the report keeps
    its amounts in being reported; a part ten thousand times too large or too small
    for the total it belongs to (or a total, for its parts); and an amount whose unit differs from the other
    amounts of the same change, share or execution rate when the other unit alone
    makes the arithmetic hold ("33.39元，比上年减少6.28万元，下降15.8%").

    Why: 万元 written for 元 misstates an amount ten-thousandfold.

    Bad:  2021年度收、支总计11,492,964.29元。……2021年度收、支总计11,492,964.29万元。
    Good: 2021年度收、支总计11,492,964.29元。……2021年度收、支总计11,492,964.29元。
    """
    seen: set[int] = set()
    for issue in _slips(doc, settings):
        if issue.start not in seen:  # one figure, one finding, however many ways it shows
            seen.add(issue.start)
            yield issue


def _same_figure(doc: Disclosure, money: list[Quantity], dominant: str | None) -> Iterator[Issue]:
    """Each figure of `money` written again elsewhere with the other unit, the one out of the report's unit."""
    by_digits: dict[tuple[Decimal, int], list[Quantity]] = defaultdict(list)
    for q in money:
        by_digits[(q.value, q.places)].append(q)
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
                    f"相差{_times(q, reference)}；本报告金额以“{dominant}”为单位"
                ),
                expected=fixed,
                actual=evidence,
                fix=fixed,
                related=((reference.start, reference.end, "同一数字在此处的单位"),),
            )


def _slips(doc: Disclosure, settings: dict) -> Iterator[Issue]:
    dominant = doc.unit or settings["default-unit"] or None
    yield from _same_figure(doc, [q for q in doc.quantities if q.kind == "money" and _significant_digits(q) >= 5], dominant)
    # the unit the report keeps: only a clear majority of its amounts says which of two figures slipped
    counts = Counter(q.unit for q in doc.quantities if q.kind == "money" and verdicts.other_money_unit(q.unit))
    # (a report of whole 万元 figures keeps no two-decimal amounts to name its unit: its majority names it)
    usual = dominant if dominant in counts else (counts.most_common(1)[0][0] if counts else None)
    kept = usual if usual is not None and counts[usual] >= 3 * (counts.total() - counts[usual]) + 3 else None
    for claim in [c for c in doc.claims if c.kind in verdicts.SLIP_KINDS]:
        slip = verdicts.unit_slip(claim, kept)
        if slip is None:
            continue
        name, q, right = slip.field, slip.figure, slip.right
        evidence = doc.text[q.start : q.end]
        fixed = re.sub(re.escape(q.unit) + r"\s*$", right, evidence)
        whose = getattr(claim, "total_label", "") if name == "total" else ""  # a share's base is not its subject
        yield Issue(
            start=q.start,
            end=q.end,
            message=(
                f"单位疑似错写：{whose or claim.subject or '该项'}的 {amount(q)} 与同一表述中的其他金额单位不同，"
                f"按“{right}”计数据才能相符"
            ),
            expected=fixed,
            actual=evidence,
            claims=(claim,),
        )
    yield from _budget_and_final_apart(doc, kept)
    yield from _same_figure(doc, _twice_in_one_sentence(doc), dominant)
    for claim in doc.claims_of(CompositionClaim):
        if verdicts.composition_gap(claim) is None:
            i = _odd_unit_out(claim)
            if i is not None:
                part, swapped = claim.parts[i], claim.total.unit
                message = (
                    f"单位疑似错写：{claim.part_labels[i] if i < len(claim.part_labels) else '该项'} {amount(part)} "
                    f"按“{swapped}”计，各项之和恰与总数 {amount(claim.total)} 相符"
                )
                yield _unit_fix(doc, part, swapped, message, ((claim.total.start, claim.total.end, "总数"),), claim)
            continue
        right = verdicts.slipped_total_unit(claim)
        if right is not None:
            parts = in_unit(verdicts.total_of(claim.parts).mid, right, claim.total.places)
            message = (
                f"单位疑似错写：{display_subject(claim.subject) or '总数'} {amount(claim.total)} "
                f"按“{right}”计才能与其组成部分之和 {parts} 相符"
            )
            labels = tuple((p.start, p.end, lab) for p, lab in zip(claim.parts, claim.part_labels, strict=False))
            yield _unit_fix(doc, claim.total, right, message, labels, claim)
            continue
        found = verdicts.slipped_part_unit(claim)
        if found is None:
            continue
        i, swapped = found
        part = claim.parts[i]
        message = (
            f"单位疑似错写：{claim.part_labels[i] if i < len(claim.part_labels) else '该项'} {amount(part)} "
            f"按“{swapped}”计才能与总数 {amount(claim.total)} 及其他各项相符"
        )
        yield _unit_fix(doc, part, swapped, message, ((claim.total.start, claim.total.end, "总数"),), claim)


def _twice_in_one_sentence(doc: Disclosure) -> list[Quantity]:
    """Shorter amounts to the cent (21.07) whose figure the same sentence writes again in the other unit ("…预留政府
    采购项目预算金额 21.07 万元，面向小微企业预留…21.07 元"): no coincidence so close, however few their digits."""
    short = [
        q for q in doc.quantities
        if q.kind == "money" and q.places == 2 and q.unit in ("元", "万元") and 3 <= _significant_digits(q) < 5
    ]
    where: dict[tuple[Decimal, str], list[int]] = defaultdict(list)
    for q in sorted(short, key=lambda q: q.start):
        where[(q.value, q.unit)].append(q.start)
    text, out = doc.document.content, []
    for q in short:
        starts = where.get((q.value, verdicts.other_money_unit(q.unit)))
        if not starts:
            continue
        lo = max(text.rfind("。", 0, q.start), q.start - 200)
        hi = text.find("。", q.end)
        hi = q.end + 200 if hi < 0 else min(hi, q.end + 200)
        k = bisect.bisect_left(starts, lo)
        if k < len(starts) and starts[k] < hi:
            out.append(q)
    return out


def _budget_and_final_apart(doc: Disclosure, kept: str | None) -> Iterator[Issue]:
    """An item's budget and final amount in one statement, one in 元 and the other in 万元 against the unit the report
    keeps, ten thousand times apart as written and of a size in the kept unit ("年初预算为 285.33 万元，支出决算为
    269.86 元"): the odd one's unit slipped. (Both figures of one size mean the same amount only in one unit.)"""
    if kept not in ("元", "万元"):
        return
    for st in doc.statements:
        value, budgets = st.value, st.all("budget")
        if value is None or len(budgets) != 1:
            continue
        budget = budgets[0].quantity
        pair = (value, budget)
        if any(q.kind != "money" or not q.value or q.unit not in ("元", "万元") for q in pair) or value.unit == budget.unit:
            continue
        odd = value if value.unit != kept else budget
        written = [q.value * MONEY_SCALE[q.unit] for q in pair]
        if Decimal("0.01") <= written[0] / written[1] <= 100 or not Decimal("0.25") <= value.value / budget.value <= 4:
            continue  # as written they may be one item's figures; or in one unit they are still far apart
        name = "决算数" if odd is value else "预算数"
        other = budget if odd is value else value
        message = (
            f"单位疑似错写：{display_subject(st.subject) or '该项'}的{name} {amount(odd)} 与同一表述中的"
            f"{'预算数' if odd is value else '决算数'} {amount(other)} 单位不同，照写相差约一万倍；"
            f"按“{kept}”计两者才相当（本报告金额以“{kept}”为单位）"
        )
        evidence = doc.text[odd.start : odd.end]
        fixed = re.sub(re.escape(odd.unit) + r"\s*$", kept, evidence)
        yield Issue(
            start=odd.start, end=odd.end, message=message, expected=fixed, actual=evidence,
            related=((other.start, other.end, "同一项目的另一金额"),),
        )


def _odd_unit_out(claim: CompositionClaim) -> int | None:
    """In a list that may be partial (its parts fall short of the total, which proves nothing), the one part whose
    unit differs from the total's and every other part's (元 among 万元, 元 or 万元 among 亿元) and which, read in their
    unit, makes the parts add up to the total exactly: a slipped unit all the same ("其中：区本级 596212 元；镇级
    592450 万元…", "收入合计 512.3 亿元，其中：税收收入 383.9 元，非税收入 128.4 亿元")."""
    if claim.complete or claim.measure != "value" or len(claim.parts) < 2 or claim.total.kind != "money":
        return None
    odd = [i for i, p in enumerate(claim.parts) if p.unit != claim.total.unit]
    if len(odd) != 1 or any(p.kind != "money" or not p.value for p in claim.parts):
        return None
    i = odd[0]
    parts = [replace(p, unit=claim.total.unit) if j == i else p for j, p in enumerate(claim.parts)]
    return i if verdicts.total_of(parts).overlaps(interval_of(claim.total)) else None


def _unit_fix(doc: Disclosure, q: Quantity, right: str, message: str, related: tuple, claim: CompositionClaim) -> Issue:
    """The finding at a figure of a claim whose unit should be `right`, with the figure as it should read."""
    evidence = doc.text[q.start : q.end]
    return Issue(
        start=q.start,
        end=q.end,
        message=message,
        expected=re.sub(re.escape(q.unit) + r"\s*$", right, evidence),
        actual=evidence,
        related=related,
        claims=(claim,),
    )


_SENTENCE_BOUND = re.compile(r"[。；;]")
_WRITTEN_AMOUNT = re.compile(r"\d\s*(?:亿元|万元|千元|元)")


def _written_amount_beside(text: str, q: Quantity) -> bool:
    """Whether the sentence (to its 。 or ；) around q writes another amount with its unit."""
    lo = max((m.end() for m in _SENTENCE_BOUND.finditer(text, max(0, q.start - 400), q.start)), default=max(0, q.start - 400))
    hi = _SENTENCE_BOUND.search(text, q.end)
    return _WRITTEN_AMOUNT.search(text, lo, hi.start() if hi else min(len(text), q.end + 400)) is not None


@rule("UNIT002", "missing-unit", name_zh="金额缺少单位", severity="warning", fixable="safe")
def missing_unit(doc: Disclosure) -> Iterator:
    """金额缺少单位。

    检查：句中其他金额都有单位，而某个像金额一样写出的数字（有千位分隔符或两位小数，或紧
    跟在收入、支出、收入总量等金额名称之后结束一个分句）没有单位；比率（增长 13.95）或占比（占 76.23）缺少 %；以及资金用语之后只写“万”（“资金扶
    持 10 万”）而意指“万元”；全文已有两处以上金额只写“亿”不写“元”（新闻稿、摘要常这样写），或全文没有一处金额以“万元”计
    而两处以上只写“万”时，只写“万”是全文的写法，不报；“7700多万”一类约数、独占一行的新闻标题也不报。表单标签已注明单位
    （“年末数（万元） 298.17”）、以月.日为名的数字（“5.12汶川地震”）不算缺少单位；表头已写明“(万元)”的表格中
    写作“3359.62万”的单元格只是重述表格的单位，也不报。
    原因：没有单位的数字在元和万元之间含糊不清，而两者相差一万倍。

    Checks: an amount written like money (thousands separators or two decimals,
    or closing a clause right after a money name such as 收入, 支出, 收入总量)
    with no unit in a sentence whose other amounts have one; a rate (增长 13.95)
    or a share (占 76.23) without its %; and 万 alone after a money word
    ("资金扶持 10 万") where 万元 is meant — unless the text leaves 元 off after 亿 twice or more (a news report, a
    summary), or writes no amount in 万元 and 万 alone twice or more, where 万 alone is the text's style; nor for an
    approximate figure ("7700多万") or on a news headline standing alone. A figure whose form label gives its unit
    ("年末数（万元） 298.17") or a month.day naming an event ("5.12汶川地震") lacks none, nor does a cell ("3359.62万")
    of a table whose header gives its unit as 万元, which the cell restates.

    Why: a bare figure is ambiguous between 元 and 万元 — ten thousand times apart.

    Bad:  本年收入合计9,964,644.70元，比上年减少2,601,483.98，下降20.7%。
    Good: 本年收入合计9,964,644.70元，比上年减少2,601,483.98元，下降20.7%。
    """
    seen: set[int] = set()
    text_end = _content_end(doc)
    for st in doc.statements:
        for fact in st.facts:
            q = fact.quantity
            if not q.unit_inferred or q.start in seen or not q.value:
                continue  # (nothing is nothing in any unit: "年初预算为 0，" needs none)
            seen.add(q.start)
            if q.end >= text_end:
                continue  # the last thing in the text: its unit may be on the page that did not come with it
            evidence = doc.text[q.start : q.end]
            if q.unit != "%" and _UNIT_IN_LABEL.search(doc.text, max(0, q.start - 24), q.start):
                continue  # "年末数（万元） 298.17": a form's label gives its cell's unit
            if _names_a_day(doc.text, q):
                continue  # "5.12汶川地震项目": a day written month.day naming an event, no amount
            if q.unit == "%":
                what = "占比" if fact.role == "share" else "变动率"
                yield _appended(q, evidence, "%", f"{what} {evidence.strip()} 缺少“%”，应写作“{evidence.strip()}%”")
                continue
            # (a part of a list whose sentence has no other amount: its unit is the list's)
            where = "同句" if _written_amount_beside(doc.text, q) else "同一列举中"
            yield Issue(
                start=q.start,
                end=q.end,
                message=f"金额 {evidence.strip()} 缺少单位；{where}其他金额以“{q.unit}”计，应写作“{evidence.strip()}{q.unit}”",
                expected=f"{evidence.strip()}{q.unit}",
                actual=evidence,
            )
    if sum(q.unit in _BARE_MAGNITUDES and money_word_before(doc, q) for q in doc.quantities) >= 2:
        return  # "预算安排11.2亿 … 土地收入1233.68亿 … 公车费用减少4000万": magnitudes written bare as the text's style
    if _wan_alone_is_the_style(doc):
        return  # "待拨款:370 万,包括…50 万,…100 万": no amount anywhere is written in 万元
    headlines = [(h.title_start, h.title_end) for h in doc.outline if not h.style and h.heading_shaped]
    for q in doc.quantities:
        if q.unit != "万" or q.start in seen or not money_word_before(doc, q):
            continue
        k = bisect.bisect_right(headlines, (q.start, len(doc.document.content)))
        if k and headlines[k - 1][0] <= q.start < headlines[k - 1][1]:
            continue  # a headline's figure ("财政部预算增6000万"): headlines leave 元 off, as they leave off verbs
        if q.end >= text_end:
            continue  # "…支出决算8.47万" ending the text: the 元 may be on the page that did not come with it
        if any("０" <= c <= "９" for c in q.text):
            continue  # FMT001 reports the full-width digits and the missing 元 together
        if _YUAN_AFTER_BLANK.match(doc.text, q.end):
            continue  # "178.85万 元": a line that ended between 万 and 元, the break kept as a blank
        if _approximate(doc.text, q):
            continue  # "总收入7700多万,支出6259万多": a rounded figure in loose words, not an amount that lost its 元
        if _on_a_title_line(doc.text, q):
            continue  # "免费午餐项目公布财报:收入2544万支出1112万": a news headline standing alone, 元 left off as headlines do
        if _in_a_table_in_wan(doc, q):
            continue  # "资金投入情况(万元) | … / 年度资金总额: | 3359.62万 |": the table's own unit, restated in its cell
        evidence = doc.text[q.start : q.end]
        yield _appended(q, evidence, "元", f"金额“{evidence.strip()}”缺少“元”，应写作“{evidence.strip()}元”")


# A form's or table's label that carries the unit of the figure after it: "年末数（万元） 298.17", "金额(元)：1,200.00".
_UNIT_IN_LABEL = re.compile(r"[（(]\s*(?:单\s*位\s*[:：]\s*)?(?:[亿万千]\s*)?元\s*[)）]\s*[:：]?\s*\Z")
_BLANKS = re.compile(r"\s+")
_SENTENCE_STOP = re.compile(r"[。；;！？!?]")


def _on_a_title_line(text: str, q: Quantity) -> bool:
    """Whether a figure stands on a short line of its own — a blank line (or the text's edge) before and after it, no
    sentence stop in it: a news page's headline or deck ("免费午餐项目公布财报:收入2544万支出1112万"), which the outline
    does not take for a heading when it has a colon or a comma in it."""
    lo = text.rfind("\n", 0, q.start) + 1
    hi = text.find("\n", q.end)
    hi = len(text) if hi < 0 else hi
    line = _BLANKS.sub("", text[lo:hi])  # (a letter-spaced line is measured without its spacing)
    if len(line) > 40 or _SENTENCE_STOP.search(line):
        return False
    before = text[text.rfind("\n", 0, max(lo - 1, 0)) + 1 : max(lo - 1, 0)] if lo else ""
    after_end = text.find("\n", hi + 1)
    after = text[hi + 1 : len(text) if after_end < 0 else after_end] if hi < len(text) else ""
    return not before.strip() and not after.strip()


_NEXT_CHAR = re.compile(r"\s*(\S)")
_MONTH_DOT_DAY = re.compile(r"\s*(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])\s*")


def _names_a_day(text: str, q: Quantity) -> bool:
    """Whether a figure is a day written month.day that names an event, run straight into the name — "5.12汶川地震项目",
    "3.15晚会": a name's digits take no unit; an amount is followed by its unit, a stop or a verb, not by a name."""
    if not _MONTH_DOT_DAY.fullmatch(text, q.start, q.end):
        return False
    m = _NEXT_CHAR.match(text, q.end)  # (over a blank or a wrap a PDF's extraction put between them)
    nxt = m.group(1) if m else ""
    return "\u4e00" <= nxt <= "\u9fff" and nxt not in "元万亿千百比较增减下上占其主与同为是用"


_ROUGHLY_AFTER = re.compile(r"\s*[多余]")


def _approximate(text: str, q: Quantity) -> bool:
    """Whether a figure is written as an approximation — "7700多万", "6259万多", "300余万" — the loose wording of a
    news deck or a speech, where 元 is left off with the precision; an exact amount's 元 is what UNIT002 looks for."""
    return any(c in "多余" for c in text[q.start : q.end]) or _ROUGHLY_AFTER.match(text, q.end) is not None


_WAN_YUAN_WRITTEN = re.compile(r"\d\s*万\s*元")


def _wan_alone_is_the_style(doc: Disclosure) -> bool:
    """Whether the text writes 万 alone for its amounts more than once and never writes an amount in 万元 (a foundation's
    budget notes "待拨款:370 万,包括…50 万", a club's minutes): 元 is left off by the text's choice, not by a slip beside
    amounts kept in 万元 — there is none to be consistent with."""
    if _WAN_YUAN_WRITTEN.search(doc.text):
        return False
    return sum(q.unit == "万" for q in doc.quantities) >= 2


def _in_a_table_in_wan(doc: Disclosure, q) -> bool:
    """Whether q is a cell of a table that stated, before it, that its amounts are in 万元 ("资金投入情况(万元)")."""
    for t in doc.tables:
        if t.start <= q.start < t.end:
            return states_unit(doc.text, t.start, q.start, "万元")
    return False


def _content_end(doc: Disclosure) -> int:
    """Where the text's content ends: past its last character that is no page furniture — a page dump cut after a
    page ends with that page's number and the next page's running head, after the figure whose unit did not come."""
    end = len(doc.text.rstrip())
    flow = doc.flow.text.rstrip() if doc.flow is not None else ""
    if not flow:
        return end
    last = doc.flow.origin(len(flow) - 1) + 1
    tables = max((t.end for t in doc.tables if t.end is not None), default=0)
    return min(end, max(last, tables))


_YUAN_AFTER_BLANK = re.compile(r"[ \t\u3000]+元")
# A text that leaves 元 off after 亿 more than once (a news report of a budget, a summary in 亿) writes its magnitudes
# bare by choice: 万 alone there is that choice, not a slip in a report kept in 万元.
_BARE_MAGNITUDES = frozenset({"亿", "万亿"})


def _appended(q: Quantity, evidence: str, missing: str, message: str) -> Issue:
    """A figure that lacks only a trailing symbol (% or 元): the fix appends it."""
    return Issue(
        start=q.start,
        end=q.end,
        message=message,
        expected=f"{evidence.strip()}{missing}",
        actual=evidence,
        fix=f"{evidence}{missing}",
    )

