"""Scores: what a performance self-evaluation says it scored, part by part.

A 绩效自评 report states an overall score and its breakdown in a fixed shape:
"综合得分 95.40 分，其中执行情况得分 19.40 分，年度绩效指标得分 76 分", then per
first-level indicator ("（1）产出指标… 该指标得分为 78 分"), per target ("1.1 年度目标 1
的产出指标得分为 34 分，分别是："), and per sub-indicator ("数量指标：满分 28 分，得分
24 分"). Each score found here knows its level, its indicator and target, and which
evaluation (整体 or 项目) it belongs to, so rules can add the parts up.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from ..model import Heading, Quantity, Score
from .reflow import Reflowed
from .structure import OutlineIndex

_NUM = r"(?P<{name}>\d{{1,3}}(?:\.\d{{1,2}})?)"
_MAX_FIRST = re.compile(
    r"满分(?:为|是|：|:)?\s*" + _NUM.format(name="max") + r"\s*分\s*[，,、；;]?\s*(?:实际)?得分?(?:为|是|：|:)?\s*"
    + _NUM.format(name="score") + r"\s*分"
)
_SCORE_FIRST = re.compile(
    r"得分(?:为|是|：|:)?\s*" + _NUM.format(name="score") + r"\s*分\s*[（(]\s*满分(?:为|是|：|:)?\s*"
    + _NUM.format(name="max") + r"\s*分\s*[）)]"
)
_SCORE = re.compile(r"(?:得分|总分|评分)(?:为|是|：|:)?\s*" + _NUM.format(name="score") + r"\s*分")
_THRESHOLD = re.compile(r"^\s*(?:[（(]\s*含|以上|以下|及以上|及以下|至|-|—|~|～)")
_CLAUSE = re.compile(r"[，,。；;：:\n]")
_STOP = re.compile("。")
_SUBS = ("数量", "质量", "时效", "成本", "社会效益", "经济效益", "生态效益", "可持续影响", "满意度", "服务对象满意度")
_INDICATOR = re.compile(r"(产出|效益|满意度)指标")
_TARGET = re.compile(r"(?:年度)?目标\s*(\d{1,2})")
_REPORT = re.compile(r"评价报告|自评报告|自评情况|评价情况")


def _label_before(text: str, start: int, breaks: list[int]) -> str:
    """The words a score belongs to: its own clause, or the clause before when it starts with 满分/得分.
    breaks: where the text's clauses break (_CLAUSE), in order."""
    k = bisect.bisect_left(breaks, start)
    own = text[breaks[k - 1] + 1 if k else 0 : start].strip()
    if own or not k:
        return own[-30:]
    return text[breaks[k - 2] + 1 if k > 1 else 0 : breaks[k - 1]].strip()[-30:]


def _level(label: str, has_max: bool, context: str) -> tuple[str, str, int | None]:
    """(level, indicator, target) of a score, read from its label and the heading it sits under."""
    target = _TARGET.search(label)
    indicator = _INDICATOR.search(label)
    if target and indicator:
        return "target", indicator.group(1), int(target.group(1))
    bare = re.sub(r"指标$", "", label.strip(" “”\"").split("、")[-1])
    if has_max and any(bare.endswith(s) for s in _SUBS):
        return "sub", "", None
    if "执行" in label:
        return "execution", "", None
    if re.search(r"综合|总分|自评得?分?$|评价$|自评$|绩效自评|评价结果", label) or label.endswith("总"):
        return "total", "", None
    if re.search(r"(?:年度)?绩效指标$", label):
        return "indicators", "", None
    if indicator:
        return "indicator", indicator.group(1), None
    if re.search(r"该指标|本指标|此项指标", label):
        m = _INDICATOR.search(context)
        if m:
            return "indicator", m.group(1), None
    if has_max:
        return "sub", "", None
    return "", "", None


def _scope(sentence: str, heads: list[Heading]) -> str:
    """Whose evaluation: 整体 (the whole department), 项目支出 (all its project spending), 项目 (one project)."""
    for text in [sentence] + [h.title for h in heads]:
        if "整体" in text:
            return "整体"
        if "项目支出" in text:
            return "项目支出"
        if "项目" in text:
            return "项目"
    return ""


def _quantity(flow: Reflowed, original: str, start: int, end: int, raw: str) -> Quantity:
    o_start, o_end = flow.span(start, end)
    places = len(raw.split(".", 1)[1]) if "." in raw else 0
    return Quantity(start=o_start, end=o_end, value=Decimal(raw), unit="分", places=places, text=original[o_start:o_end])


def find_scores(flow: Reflowed, original: str, index_of: OutlineIndex) -> list[Score]:
    """Every score the text states, with its maximum where one is given; index_of: the outline, to see which
    evaluation and which indicator a score sits under."""
    scores: list[Score] = []
    target: Score | None = None
    for index, para in enumerate(flow.paragraphs):
        text = flow.text[para.start : para.end]
        if "分" not in text:
            continue
        # spans taken by an earlier pattern, disjoint and in order (a pattern's own matches never overlap)
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, re.Match[str], bool]] = []
        for pattern, has_max in ((_MAX_FIRST, True), (_SCORE_FIRST, True), (_SCORE, False)):
            ends = [b for _, b in taken]
            starts = [a for a, _ in taken]
            new: list[tuple[int, int]] = []
            for m in pattern.finditer(text):
                k = bisect.bisect_left(starts, m.end())
                if k and ends[k - 1] > m.start():
                    continue  # overlaps the latest taken span that starts before it ends
                after = text[m.end() : m.end() + 4]
                before = text[max(0, m.start() - 2) : m.start()]
                if _THRESHOLD.match(after) or before.endswith("在"):
                    continue  # "评价得分在90分（含90分）以上的13个": a band, not a score
                new.append((m.start(), m.end()))
                found.append((m.start(), m, has_max))
            taken = sorted(taken + new)
        breaks = [m.start() for m in _CLAUSE.finditer(text)]
        stops = [m.start() for m in _STOP.finditer(text)]
        for start, m, has_max in sorted(found, key=lambda f: f[0]):
            label = _label_before(text, start, breaks)
            heads = index_of.ancestors(flow.span(para.start + start, para.start + start + 1)[0])
            context = " ".join(h.title for h in heads[:2])
            level, indicator, target_no = _level(label, has_max, context)
            if not level:
                continue
            k = bisect.bisect_left(stops, start)
            sentence_start = stops[k - 1] + 1 if k else 0
            report = next((h for h in heads if _REPORT.search(h.title)), None) or next(
                (h for h in reversed(heads) if h.style in ("part", "cn")), None
            )
            score = Score(
                start=0,
                end=0,
                value=_quantity(flow, original, para.start + m.start("score"), para.start + m.end("score"), m.group("score")),
                maximum=_quantity(flow, original, para.start + m.start("max"), para.start + m.end("max"), m.group("max"))
                if has_max
                else None,
                level=level,  # type: ignore[arg-type]
                label=label,
                indicator=indicator,
                target=target_no,
                scope=_scope(text[sentence_start:start] + label, heads),
                report=report.start if report is not None else 0,
                paragraph=index,
            )
            phrase = flow.span(para.start + m.start(), para.start + m.end())
            score = score.model_copy(update={"start": phrase[0], "end": phrase[1]})
            if level == "target":
                target = score
            elif level == "sub" and target is not None and target.report == score.report:
                score = score.model_copy(update={"indicator": target.indicator, "target": target.target})
            elif level in ("indicator", "indicators", "total", "execution"):
                target = None
            scores.append(score)
    return scores
