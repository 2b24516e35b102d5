"""SCORE: performance self-evaluation scores — breakdowns that add up, maxima, the scale, perfect scores."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import Disclosure, Interval, Issue, Score, cite_lines, rule

HUNDRED = Decimal(100)


def _pts(q) -> str:
    return f"{q.text.strip()} 分" if q.text.strip() else f"{q.value} 分"


def _name(s: Score) -> str:
    """What a score is, as a reviewer names it."""
    if s.level == "total":
        return "综合得分" if "综合" in s.label else "自评得分"
    if s.level == "execution":
        return "执行情况得分"
    if s.level == "indicators":
        return "绩效指标得分"
    if s.level == "indicator":
        return f"{s.indicator}指标得分"
    if s.level == "target":
        return f"年度目标 {s.target} 的{s.indicator}指标得分"
    return f"{s.label or '该项'}得分"


def _by_report(doc: Disclosure) -> dict[int, list[Score]]:
    groups: dict[int, list[Score]] = defaultdict(list)
    for s in doc.scores:
        groups[s.report].append(s)
    return groups


def _total(parts: list[Score]) -> Interval:
    acc = Interval.exact(Decimal(0))
    for p in parts:
        acc = acc + p.value.interval
    return acc


def _terms(parts: list[Score]) -> str:
    return " + ".join(p.value.text.strip() for p in parts)


def _shown(iv: Interval) -> str:
    mid = iv.mid.normalize()
    return f"{mid:f}"


def _breakdowns(scores: list[Score], doc: Disclosure) -> Iterator[tuple[Score, list[Score], str, bool]]:
    """(whole, parts, what the parts are, whether the parts are all of it) for one evaluation report."""
    totals = [s for s in scores if s.level == "total"]
    executions = [s for s in scores if s.level == "execution"]
    indicators_parts = [s for s in scores if s.level == "indicators"]
    if len(totals) == 1 and len(executions) == 1 and len(indicators_parts) == 1:
        yield totals[0], [executions[0], indicators_parts[0]], "执行情况得分与绩效指标得分", True
    firsts = [s for s in scores if s.level == "indicator"]
    if len(indicators_parts) == 1 and len(firsts) >= 2 and len({f.indicator for f in firsts}) == len(firsts):
        names = {f.indicator for f in firsts}
        satisfaction = "满意度" in names or any(s.level == "sub" and "满意度" in s.label for s in scores)
        complete = {"产出", "效益"} <= names and satisfaction
        yield indicators_parts[0], firsts, "、".join(f"{f.indicator}指标" for f in firsts) + "得分", complete
    yield from _listed(scores, doc)
    # each first-level indicator and the targets listed under it; each target and its sub-indicators
    i = 0
    while i < len(scores):
        s = scores[i]
        if s.level == "indicator":
            j = i + 1
            targets = []
            while j < len(scores) and scores[j].level in ("target", "sub"):
                if scores[j].level == "target" and scores[j].indicator == s.indicator:
                    targets.append(scores[j])
                j += 1
            if len(targets) >= 2:
                numbers = [t.target for t in targets]
                complete = numbers == list(range(1, len(targets) + 1))
                yield s, targets, f"各年度目标的{s.indicator}指标得分", complete
        if s.level == "target":
            j = i + 1
            subs = []
            while j < len(scores) and scores[j].level == "sub":
                subs.append(scores[j])
                j += 1
            if len(subs) >= 2:
                after = doc.document.content[s.value.end : s.value.end + 12]
                yield s, subs, "各项二级指标得分", bool(re.search(r"分别|其中|包括", after))
        i += 1


# the list may follow the grade the score earns: "自评得分 93.5 分，自评等级为“优”。其中：…"
_LIST_AFTER = re.compile(
    r"^\s*(?:[，,]\s*(?:自评|评价|绩效)?(?:等级|等次|结果)(?:为|是|：|:)?\s*[“\"]?[优良好中合格差秀]{1,3}[”\"]?\s*[。；;，,]?)?"
    r"\s*[，,]?\s*(?:其中|分别(?:是|为))"
)


def _listed(scores: list[Score], doc: Disclosure) -> Iterator[tuple[Score, list[Score], str, bool]]:
    """"综合得分 96.5 分，其中：执行情况得分 9.6 分，产出指标得分 47 分，效益指标得分 39.9 分":
    the scores a sentence lists right after a score are its parts."""
    text = doc.document.content
    for i, whole in enumerate(scores):
        lead = _LIST_AFTER.match(text[whole.end : whole.end + 24])
        if not lead:
            continue
        stop = text.find("。", whole.end + lead.end())
        stop = len(text) if stop < 0 else stop
        parts = [p for p in scores[i + 1 :] if p.start < stop and p.paragraph == whole.paragraph]
        if len(parts) < 2:
            continue
        maxima = [p.maximum for p in parts]
        whole_max = sum((m.value for m in maxima), Decimal(0)) if all(maxima) else None  # type: ignore[union-attr]
        if whole.maximum is not None and whole_max is not None:
            complete = whole_max == whole.maximum.value
        elif whole_max is not None and whole.level == "total":
            complete = whole_max == 100  # an overall score is out of 100: parts whose maxima make up 100 are all of it
        else:
            # listed beside the execution score under the total, 满意度指标 is a first-level indicator
            # (elsewhere it may sit under 效益 as a sub-indicator)
            levels = {"indicator" if p.label.strip() == "满意度指标" else p.level for p in parts}
            complete = whole.level == "total" and "execution" in levels and levels <= {"execution", "indicator", "indicators"}
        yield whole, parts, "其中所列各项得分", complete


@rule("SCORE001", "score-breakdown-mismatch", name_zh="得分与分项之和不符", severity="error")
def score_breakdown(doc: Disclosure) -> Iterator:
    r"""得分与其组成部分之和不符。

    检查：自评得分的构成：综合得分 = 执行情况得分 + 绩效指标得分；绩效指标得分 = 产出 +
    效益（+ 满意度）指标得分；一级指标得分 = 各目标得分之和（“1.1 年度目标 1 的产出指标
    得分为 34 分”）；目标得分 = 其下各二级指标得分之和（“数量指标：满分 28 分，得分 24
    分”……）；以及句中在得分之后列举的各项得分（其中 / 分别是，也包括等级之后的：“自评得
    分 93.5 分，自评等级为“优”。其中：…”）——各项满分合起来正好是整体的满分（综合得分为
    100 分），或各项就是执行情况得分和各一级指标时，视为完整。可能不完整的列举，只在各项
    之和超过整体时报告。
    原因：与自身分项相矛盾的总分，不可能是评价得出的得分。

    Checks: the breakdown of a self-evaluation score: 综合得分 = 执行情况得分 +
    绩效指标得分; 绩效指标得分 = 产出 + 效益 (+ 满意度) 指标得分; a first-level
    indicator's score = the sum of its per-target scores ("1.1 年度目标 1 的产出指标
    得分为 34 分"); a target's score = its sub-indicators ("数量指标：满分 28 分，得分
    24 分" …); the scores a sentence lists after a score (其中 / 分别是, also after
    the grade: "自评得分 93.5 分，自评等级为“优”。其中：…"), complete when their
    maxima make up the whole's maximum (100 for an overall score) or they are the
    execution score and first-level indicators. A list that may be partial is
    only reported when its parts exceed the whole.

    Why: a total that its own breakdown contradicts cannot be the score the
    evaluation arrived at.

    Bad:  （1）产出指标完成情况分析。该指标得分为 60 分。\n1.1 年度目标 1 的产出指标得分为 30 分，分别是：\n数量指标：满分 20 分，得分 18 分。\n质量指标：满分 15 分，得分 12 分。\n1.2 年度目标 2 的产出指标得分为 20 分，分别是：\n数量指标：满分 12 分，得分 12 分。\n质量指标：满分 8 分，得分 8 分。
    Good: （1）产出指标完成情况分析。该指标得分为 50 分。\n1.1 年度目标 1 的产出指标得分为 30 分，分别是：\n数量指标：满分 20 分，得分 18 分。\n质量指标：满分 15 分，得分 12 分。\n1.2 年度目标 2 的产出指标得分为 20 分，分别是：\n数量指标：满分 12 分，得分 12 分。\n质量指标：满分 8 分，得分 8 分。
    """
    for scores in _by_report(doc).values():
        seen: set[int] = set()
        for whole, parts, what, complete in _breakdowns(scores, doc):
            if whole.start in seen:
                continue  # the same breakdown found two ways
            seen.add(whole.start)
            total = _total(parts)
            stated = whole.value.interval
            if total.overlaps(stated):
                continue
            if not complete and total.hi < stated.lo:
                continue  # the parts listed may not be all of them
            yield Issue(
                start=whole.start,
                end=whole.end,
                message=(
                    f"{_name(whole)} {_pts(whole.value)}与{what}之和不符："
                    f"{_terms(parts)} = {_shown(total)} 分"
                ),
                expected=f"{_shown(total)}",
                actual=whole.value.text.strip(),
                related=tuple((p.start, p.end, _name(p)) for p in parts),
            )


@rule("SCORE002", "score-above-maximum", name_zh="得分超过满分", severity="error")
def score_above_maximum(doc: Disclosure) -> Iterator:
    r"""得分超过该项满分。

    检查：“满分 M 分，得分 N 分”（或“得分 N 分（满分 M 分）”）：N 不能超过 M。
    原因：超过满分的得分抬高了总分，也说明有录入错误。

    Checks: "满分 M 分，得分 N 分" (or "得分 N 分（满分 M 分）"): N may not exceed M.

    Why: a score above its maximum inflates the total and shows a typing error.

    Bad:  时效指标：满分 5 分，得分 6 分。
    Good: 时效指标：满分 5 分，得分 4.5 分。
    """
    for s in doc.scores:
        if s.maximum is None:
            continue
        if s.value.interval.lo > s.maximum.interval.hi:
            yield Issue(
                start=s.start,
                end=s.end,
                message=f"{_name(s)} {_pts(s.value)}超过其满分 {_pts(s.maximum)}",
                expected=f"≤ {s.maximum.text.strip()}",
                actual=s.value.text.strip(),
                related=((s.maximum.start, s.maximum.end, "满分"),),
            )


@rule("SCORE003", "score-scale-over-100", name_zh="满分之和超过百分制", severity="warning")
def score_scale(doc: Disclosure) -> Iterator:
    r"""各项指标满分之和与百分制不符。

    检查：评价中每个二级指标都写明满分时，这些满分加上执行情况部分（未写满分时取其得分），
    不能超过综合得分的 100 分。
    原因：各部分满分之和超过 100 分的评分体系，得不出报告中的综合得分，通常是某项指标的
    分值写错了。

    Checks: where every sub-indicator of an evaluation states its maximum, those
    maxima, together with the execution part (its score, when its maximum is not
    stated), may not exceed the 100 points of the overall score.

    Why: a scale whose parts add up to more than 100 cannot produce the overall
    score reported, and usually means an indicator's weight was mistyped.

    Bad:  综合得分 95 分，其中执行情况得分 19 分，年度绩效指标得分 76 分。\n1.1 年度目标 1 的产出指标得分为 76 分，分别是：\n数量指标：满分 45 分，得分 42 分。\n质量指标：满分 45 分，得分 34 分。
    Good: 综合得分 95 分，其中执行情况得分 19 分，年度绩效指标得分 76 分。\n1.1 年度目标 1 的产出指标得分为 76 分，分别是：\n数量指标：满分 45 分，得分 42 分。\n质量指标：满分 35 分，得分 34 分。
    """
    for scores in _by_report(doc).values():
        totals = [s for s in scores if s.level == "total"]
        subs = [s for s in scores if s.level == "sub"]
        targets = [s for s in scores if s.level == "target"]
        if not totals or len(subs) < 2 or not targets or any(s.maximum is None for s in subs):
            continue
        maxima = Interval.exact(Decimal(0))
        for sub in subs:
            maxima = maxima + sub.maximum.interval  # type: ignore[union-attr]
        executions = [s for s in scores if s.level == "execution"]
        execution = executions[0] if len(executions) == 1 else None
        room = execution.maximum.interval if execution is not None and execution.maximum is not None else (
            execution.value.interval if execution is not None else Interval.exact(Decimal(0))
        )
        scale = maxima + room
        if scale.lo <= HUNDRED:
            continue
        first = subs[0]
        if execution is not None:
            budget = HUNDRED - maxima.mid
            message = (
                f"各项指标满分合计 {_shown(maxima)} 分，百分制下只余 {_shown(Interval.exact(budget))} 分给预算执行情况，"
                f"而执行情况得分为 {_pts(execution.value)}：各项分值之和超过 100 分"
            )
        else:
            message = f"各项指标满分合计 {_shown(maxima)} 分，超过总分 100 分"
        yield Issue(
            start=first.start,
            end=first.end,
            message=message,
            expected="≤ 100",
            actual=_shown(scale),
            related=((execution.start, execution.end, "执行情况得分"),) if execution is not None else (),
        )


_UNMET = re.compile(r"未完成(?:该项|本项)?(?:绩效)?目标|未完成的绩效目标[。：:\s]*(?!无)[^\s。]|未达到(?:预期|年初)?目标|实际完成值\s*0(?![\d.])")


@rule("SCORE004", "perfect-score-with-unmet-target", name_zh="自评满分但目标未完成", severity="warning")
def perfect_score(doc: Disclosure) -> Iterator:
    r"""自评满分，但同一报告中列有未完成的绩效目标。

    检查：评价报告的综合得分为 100 分（或为所写的满分），而同一报告正文又说有目标未完成
    （“未完成该项绩效目标”“实际完成值 0 次”）。
    原因：在任何评分办法下，未完成的目标都要扣分；旁边却写着满分，说明评分办法没有执行。

    Checks: an overall score of 100 (or of its stated maximum) in an evaluation
    report whose own text says a target was not met ("未完成该项绩效目标",
    "实际完成值 0 次").

    Why: an unmet target costs points under every scoring scheme; a perfect
    score next to it means the scoring was not applied.

    Bad:  二、项目绩效评价报告\n（一）自评得分\n项目绩效评价综合得分 100 分。\n（二）未完成的绩效目标\n科普研学营年初指标值 2 期，实际完成值 0 期，未完成该项绩效目标。
    Good: 二、项目绩效评价报告\n（一）自评得分\n项目绩效评价综合得分 94 分。\n（二）未完成的绩效目标\n科普研学营年初指标值 2 期，实际完成值 0 期，未完成该项绩效目标。
    """
    outline = doc.outline
    index_of = doc.outline_index
    for s in doc.scores:
        if s.level != "total":
            continue
        top = s.maximum.value if s.maximum is not None else HUNDRED
        if s.value.value != top:
            continue
        index = next((i for i, h in enumerate(outline) if h.start == s.report and h.style), None)
        if index is None:
            continue
        end = index_of.section_end(index, len(doc.document.content))
        m = _UNMET.search(doc.document.content, outline[index].start, end)
        if m is None:
            continue
        yield Issue(
            start=s.start,
            end=s.end,
            message=f"评价得分为满分 {_pts(s.value)}，但本报告{cite_lines(doc, [m.start()])}写明有未完成的绩效目标：满分与之矛盾",
            actual=s.value.text.strip(),
            related=((m.start(), m.end(), "未完成的目标"),),
        )
