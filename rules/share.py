"""PCT: shares — a part 占 P% of a total must be part ÷ total."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import (
    HUNDRED,
    RATE_TOLERANCE,
    Assessed,
    Disclosure,
    Issue,
    NotAssessable,
    Severity,
    ShareClaim,
    amount,
    figures_of,
    in_unit,
    lexicon,
    replace_number,
    rule,
    verdicts,
)


@rule("PCT001", "share-mismatch", name_zh="占比不符", severity="error", fixable=True, settings={"tolerance": RATE_TOLERANCE})
def share_mismatch(doc: Disclosure, settings: dict) -> Iterator:
    """占比与部分÷总数不符。

    检查：“B 万元，占 A 的 P%”（或在 A 之下的列举中写“占比 P%”）：P 应等于 B ÷ A，容许 P
    和两个金额的四舍五入。为使列举合计恰为 100% 而把某项占比调整一个单位，是通行做法，不
    报告。文中只写出名称、未写出数额的总数（“基本支出 A 元，占一般公共预算支出的 84.06%”
    ……“项目支出 B 元，占一般公共预算支出的 19.62%”），每个占比都推得一个总数（部分 ÷ 占
    比）；相邻的、以同一名称为基数却不能同时成立的几个占比，在与其他都不相符的那一个处作
    为警告提示。
    原因：图表和摘要引用的正是占比；占比错了，支出结构就说错了。

    Checks: "B 万元，占 A 的 P%" (or 占比 P% in a list under A): P must equal B ÷ A,
    allowing for the rounding of P and of both amounts. A list whose shares were
    nudged by one unit so they add up to exactly 100% is accepted practice.

    Why: shares are what charts and summaries quote; a wrong share misstates
    the structure of spending.

    Shares of a total the text names but never states ("基本支出 A 元，占一般公共预算
    支出的 84.06%" … "项目支出 B 元，占一般公共预算支出的 19.62%") each imply that total
    (part ÷ share); nearby shares of the same named total that cannot all hold are
    noted as a warning at the one no other agrees with.

    Bad:  2021年全年预算1006.77万元，其中：基本支出预算900.49万元，占比89.4%；项目支出预算106.28万元，占比10.60%。
    Good: 2021年全年预算1006.77万元，其中：基本支出预算900.49万元，占比89.44%；项目支出预算106.28万元，占比10.56%。
    """
    claims = doc.claims_of(ShareClaim)
    groups: dict[int, list[ShareClaim]] = defaultdict(list)
    for c in claims:
        if c.group is not None:
            groups[c.group].append(c)
    forced = {g for g, members in groups.items() if verdicts.forced_to_hundred(members)}
    unbased: list[ShareClaim] = []
    for claim in claims:
        verdict = verdicts.share(claim)
        if verdict.value is None:
            if claim.total is None and claim.total_label and claim.part.kind == "money":
                unbased.append(claim)
            else:
                yield NotAssessable(claim, verdict.reason)
            continue
        yield Assessed(claim)
        if verdict.holds(claim.share.interval, settings["tolerance"]):
            continue
        if verdicts.unit_slip(claim, fails=True) is not None:
            continue  # a 万元/元 slip explains it: UNIT001 reports the figure
        if claim.group in forced:
            continue
        shown = verdicts.shown(verdict.value, claim.share.places, verdicts.nominal_percent(claim.part, claim.total))  # type: ignore[arg-type]
        evidence = doc.text[claim.share.start : claim.share.end]
        base = f"（{claim.total_label}）" if claim.total_label else ""
        yield Issue(
            start=claim.share.start,
            end=claim.share.end,
            message=(
                f"占比 {claim.share.text.strip()} 与数据不符：{claim.subject or '该项'} {amount(claim.part)} ÷ "
                f"总数{base} {amount(claim.total)} = {shown.text}%"  # type: ignore[arg-type]
            ),
            expected=f"{shown.text}%",
            actual=evidence,
            fix=_share_fix(evidence, claim, shown.certain),
            basis=figures_of(claim),
        )
    yield from _shares_of_an_unstated_total(doc, unbased, settings["tolerance"])


# shares of one named total this far apart (characters) are read as one group
_NEARBY = 1200
# "占该单位支出的", "占其…", "占本项目…", "占同类产品采购规模的": a total relative to each part's own subject, not one total
_RELATIVE = re.compile(r"^(?:该|其|各|本单位|本项目|所在|所属|同类|同种)")
_YEAR = re.compile(r"(?:19|20)\d{2}(?=\s*年)")


def _period(flow, claim: ShareClaim) -> str | None:
    """The years the clause of a share names ("" for none), or None when it speaks of another period.
    Read in the reflowed text: a letter-spaced line ("同 比 下 降") says what its words say."""
    text, part, end = flow.text, flow.locate(claim.part.start), flow.locate(claim.share.end)
    start = max(text.rfind(c, 0, part) for c in "。；;\n") + 1
    clause = text[start:end]
    if lexicon.SHARE_ELSEWHERE.search(clause):
        return None
    return ",".join(sorted(set(_YEAR.findall(clause))))


# what follows a total's name where it is stated: "…支出执行 128.9 亿元", "…支出为 3,000 万元"
_AMOUNT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:为|是)?\s*[\d.,，]*\d\s*[万亿千]?元")


def _restated(text: str, label: str, start: int, end: int) -> bool:
    """Whether the total's name is written with an amount between two shares of it: a total stated anew (each
    city's "全市一般公共预算支出执行 128.9 亿元 … 民生支出占一般公共预算支出的 81.2%") is another total."""
    at = text.find(label, start, end)
    while at >= 0:
        if _AMOUNT_AFTER.match(text, at + len(label), end):
            return True
        at = text.find(label, at + 1, end)
    return False


def _shares_of_an_unstated_total(doc: Disclosure, claims: list[ShareClaim], tolerance: Decimal) -> Iterator:
    """Shares of a total the text names but does not state ("占一般公共预算支出的 84.06%" … "占一般公共预算支出的
    19.62%"): each implies the total (part ÷ share); one that no other agrees with is wrong, or the others are."""
    runs: list[list[ShareClaim]] = []
    last: dict[str, list[ShareClaim]] = {}  # the run of each total's name, shares of other totals between them
    for claim in claims:
        period = _period(doc.flow, claim)
        if period is None or _RELATIVE.match(claim.total_label):
            yield NotAssessable(claim, "找不到占比的基数")
            continue  # last year's share, or a comparison: not of the same total as this year's
        key = f"{claim.total_label}@{period}"  # "2023年…占总支出的" and "2022年…占总支出的" are two totals
        run = last.get(key)
        if run and claim.start - run[-1].end <= _NEARBY and not _restated(
            doc.flow.text, claim.total_label, doc.flow.locate(run[-1].end), doc.flow.locate(claim.part.start)
        ):
            run.append(claim)
        else:
            last[key] = [claim]
            runs.append(last[key])
    for run in runs:
        odd = verdicts.odd_share_out(run, tolerance) if len(run) >= 2 else None
        for claim in run:
            if len(run) < 2:
                yield NotAssessable(claim, "找不到占比的基数")
            else:
                yield Assessed(claim)
        if odd is None:
            continue
        claim, total = odd
        others = [c for c in run if c is not claim]
        expected = verdicts.percent_of(verdicts.interval_of(claim.part), total)
        if expected is None:
            continue
        shown = verdicts.shown(expected, claim.share.places)
        first = others[0]
        yield Issue(
            start=claim.share.start,
            end=claim.share.end,
            message=(
                f"占比 {claim.share.text.strip()} 与同一基数的其他占比不能同时成立：按{first.subject or '另一项'} "
                f"{amount(first.part)}占{claim.total_label} {first.share.text.strip()} 推算，{claim.total_label}约为 "
                f"{in_unit(total.mid, first.part.unit, 0 if first.part.unit == '元' else 2)}，{claim.subject or '该项'} "
                f"{amount(claim.part)}应占约 {shown.text}%"
                "；请核对各项占比或金额"
            ),
            expected=f"{shown.text}%",
            actual=doc.text[claim.share.start : claim.share.end],
            severity=Severity.WARNING,
            related=tuple((c.share.start, c.share.end, "同一基数的另一占比") for c in others[:3]),
        )


def _share_fix(evidence: str, claim: ShareClaim, share: str | None) -> str | None:
    """The share recomputed, where it can be right: a share above 100% means the part exceeds its total,
    so one of the two figures is wrong, not the share (writing 113.7% would only move the error)."""
    if share is None or Decimal(share.replace(",", "")) > HUNDRED:
        return None
    return replace_number(evidence, claim.share, share)
