"""Mutation harness: injects one realistic defect at a time into report text in real layouts and asks whether auditlint notices.

    python bench/mutations.py --jobs 2                  # the real reports and the corpus PDFs, in seven layouts
    python bench/mutations.py --layout real+spaced --kind table-code --misses 10
    python bench/mutations.py --layout files --layout files+split-units FILE [FILE …]

Inputs and layouts (bench/mutation_layouts.py): the corpus's page-text dumps of real
reports as they are and with the prose letter-spaced, its units split from their
numbers by a wrap, or spaces put around its figures; the corpus PDFs as three text
extractions (pdftotext -layout, plain pdftotext, a pypdfium2 page dump). All read or
made at run time, never copied; a layout whose tool is missing is skipped and said so.

For every input it checks the unmutated text (the baseline), then applies one
mutation at a time — a defect of a kind DOMAIN.md lists under "How they go wrong", in
the prose or in a table written into the text (bench/mutation_tables.py) — and counts
it detected when a finding that the baseline did not have appears at the mutated
text (its span, or one of its related places, overlaps the sentence or table line
mutated). A site is mutated only when the mutation really makes the text
inconsistent: the figures around it are recomputed (Decimal, written precision as
intervals) and must agree before and disagree after; doubtful sites are skipped, and
so are sites where the baseline already has a finding. New findings anywhere else are
noise, counted per rule. A transformed layout's mutations are made in the original
text and the transform applied after, so every layout of one text gets the same
mutations.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import bisect
import json
import multiprocessing
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))  # this repository's auditlint, ahead of any installed copy

from mutation_layouts import AMOUNT, CORPUS, DEFAULT_LAYOUTS, NUM, Input, build_inputs, line_starts  # noqa: E402
from mutation_tables import coverage, figure_sites, swap_sites, table_lines, text_sites  # noqa: E402

from auditlint.api import check_bytes  # noqa: E402
from auditlint.config import Config  # noqa: E402

SCALE = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
UP, DOWN = ("增加", "增长", "上升", "提高"), ("减少", "下降", "降低")
SWAP = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "上升": "下降", "降低": "增长", "提高": "降低"}
WS = r"[ \t\n]*"
# "增加（减少）X 万元，增长（下降）R%": the template's change sentence, delta and rate in either order of words
CHANGE = re.compile(
    rf"(增加|减少|上升|下降|增长|降低){WS}({NUM}){WS}(亿元|万元|元){WS}[，,]{WS}"
    rf"(增长|下降|上升|降低|增幅|降幅|减幅|增加|减少)?{WS}(?:为)?{WS}({NUM}){WS}[%％]"
)
EXECUTION = re.compile(rf"(完成[^。，；\n]{{0,12}}?的|执行率|完成率|到位率|执行进度|预算执行率)(?:为|达到?)?{WS}({NUM}){WS}[%％]")
SHARE = re.compile(rf"占[^。，；%％\n]{{0,20}}?(?:的|比(?:重|例)?为?)?{WS}({NUM}){WS}[%％]")
CN_DIGITS = "一二三四五六七八九十"
HEADING = re.compile(r"^[ \t　]*(?:([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[)）])", re.M)
HEADING_INSIDE = re.compile(r"\s(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])")
YEAR = re.compile(r"(?<!\d)(20\d\d)(?=[ \t]*年)")
COMPARING = re.compile(r"相比|比上年|上年|上一年|较|同比|增加|减少|增长|下降|持平|以前|历年|至20")
LABEL_STOP = "，。；：:、,;\n（）()“”\"　 \t"


def dec(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("，", ""))


def places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def half(text: str) -> Decimal:
    """Half a unit in the last place written: how far the true value may be from the number."""
    return Decimal(5) / Decimal(10) ** (places(text) + 1)


def written(value: Decimal, like: str) -> str:
    """value written with the places and digit grouping of `like`."""
    p = places(like)
    value = value.quantize(Decimal(1) / Decimal(10) ** p) if p else value.quantize(Decimal(1))
    return f"{value:,}" if "," in like else f"{value}"


def cn_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(units) + 1 if units else 0)
    return CN_DIGITS.index(text) + 1 if len(text) == 1 else 0


def cn_text(n: int) -> str:
    if n <= 10:
        return CN_DIGITS[n - 1] if n < 10 else "十"
    tens, units = divmod(n, 10)
    return (CN_DIGITS[tens - 1] if tens > 1 else "") + "十" + (CN_DIGITS[units - 1] if units else "")


def sentence(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence around [start, end): from the last 。！？ or blank line before to the next after (150 chars at most)."""
    end = start if end is None else end
    lo = max(start - 150, 0)
    for stop in ("。", "！", "？", "\n\n"):
        i = text.rfind(stop, lo, start)
        if i >= 0:
            lo = max(lo, i + len(stop))
    hi = min(end + 150, len(text))
    for stop in ("。", "！", "？", "\n\n"):
        i = text.find(stop, end, hi)
        if i >= 0:
            hi = min(hi, i + 1)
    return lo, hi


def ratio_fits(part: str, total: str, rate: str) -> bool:
    """Can part / total × 100 be the written rate, all three taken as the intervals their digits allow?"""
    p, t, r = dec(part), dec(total), dec(rate)
    if t - half(total) <= 0:
        return False
    low = (p - half(part)) / (t + half(total)) * 100
    high = (p + half(part)) / (t - half(total)) * 100
    return low - half(rate) <= r <= high + half(rate)


@dataclass
class Mutation:
    kind: str
    edits: list[tuple[int, int, str]]  # (start, end, replacement) in the original text, in order
    windows: list[tuple[int, int]]  # where a finding counts as catching it, at the mutation
    note: str = ""
    near: list[tuple[int, int]] = field(default_factory=list)  # where it counts too: the totals of the identities it breaks


@dataclass
class Outcome:
    kind: str
    detected: bool
    rules: list[str]
    noise: list[str]
    context: str = ""
    note: str = ""
    pinpointed: bool = False  # a finding at the mutated sentence or line itself, not only at a total it breaks


def shifted_rate(rng: random.Random, rate: str) -> str:
    """A rate off by 3 to 20 points (or its digits transposed when that is as far off): never within rounding."""
    value = dec(rate)
    digits = rate.replace(".", "")
    if len(digits) >= 2 and rng.random() < 0.3:
        i = rng.randrange(len(digits) - 1)
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
        whole = len(rate.split(".")[0])
        candidate = swapped[:whole] + ("." + swapped[whole:] if "." in rate else "")
        if not (whole > 1 and candidate.startswith("0")) and abs(dec(candidate) - value) >= 3:
            return candidate
    step = Decimal(rng.randint(3, 20))
    new = value - step if value - step >= 0 and rng.random() < 0.5 else value + step
    return written(new, rate)


def other_digit(rng: random.Random, number: str) -> str:
    """number with one of its two leading digits changed: a slip far beyond rounding."""
    positions = [i for i, ch in enumerate(number) if ch.isdigit()][:2]
    if len(positions) == 2 and number[positions[0]] != "0" and len(number.split(".")[0].replace(",", "")) == 1:
        positions = positions[:1]  # "3.5": change the units digit, not a decimal
    i = rng.choice(positions)
    choices = [d for d in "123456789" if d != number[i]] if i == positions[0] else [d for d in "0123456789" if d != number[i]]
    return number[:i] + rng.choice(choices) + number[i + 1 :]


# ---------------------------------------------------------------- candidate sites, one function per kind


def change_sites(text: str):
    """Change sentences with the current amount stated before them and a rate that follows from the figures."""
    for m in CHANGE.finditer(text):
        word1, delta, unit, word2, rate = m.group(1), m.group(2), m.group(3), m.group(4) or "", m.group(5)
        direction = 1 if word1 in UP else -1
        if dec(delta) == 0:
            continue  # "增加 0 万元，增长 0%": nothing changed, so no rate or word can be shown wrong
        if word2 and word2 not in ("增幅", "降幅", "减幅") and (word2 in UP) != (direction == 1):
            continue  # the words already disagree
        lo, _ = sentence(text, m.start())
        currents = list(AMOUNT.finditer(text, lo, m.start()))
        if not currents:
            continue
        current = currents[-1]
        c = dec(current.group(1)) * SCALE[current.group(2)]
        x = dec(delta) * SCALE[unit]
        prior_text = written((c - direction * x) / SCALE[unit], delta)
        if c - direction * x <= 0 or not ratio_fits(delta, prior_text, rate):
            continue  # doubtful: the amount before it is not this change's current value, or the rate is already off
        yield m, current, direction


def rate_mutations(text, rng):
    for m, _current, _direction in change_sites(text):
        new = shifted_rate(rng, m.group(5))
        yield Mutation("rate", [(m.start(5), m.end(5), new)], [sentence(text, m.start(), m.end())], f"{m.group(5)}% -> {new}%")


def delta_mutations(text, rng):
    for m, current, direction in change_sites(text):
        delta, unit, rate = m.group(2), m.group(3), m.group(5)
        c = dec(current.group(1)) * SCALE[current.group(2)] / SCALE[unit]
        options = []
        for factor in ("0.5", "0.7", "1.3", "1.6", "2"):
            new_delta = written(dec(delta) * Decimal(factor), delta)
            prior = c - direction * dec(new_delta)
            if dec(new_delta) <= 0 or prior <= 0:
                continue
            if not ratio_fits(new_delta, written(prior, delta), rate):
                options.append(new_delta)
        if options:
            new = rng.choice(options)
            yield Mutation("delta", [(m.start(2), m.end(2), new)], [sentence(text, m.start(), m.end())], f"{delta} -> {new}")


def direction_mutations(text, rng):
    for m, _current, _direction in change_sites(text):
        group = 4 if m.group(4) in SWAP and rng.random() < 0.5 else 1
        word = m.group(group)
        yield Mutation("direction", [(m.start(group), m.end(group), SWAP[word])], [sentence(text, m.start(), m.end())], f"{word} -> {SWAP[word]}")
    # "决算数大于（小于）预算数" with both figures stated in the sentence or the one before
    for m in re.finditer(r"(决算数?)(大于|小于|高于|低于)((?:年初)?预算数?)", text):
        lo, hi = sentence(text, m.start(), m.end())
        lo = sentence(text, max(lo - 2, 0))[0]
        budget = re.search(rf"预算[^。，；\d]{{0,10}}?({NUM}){WS}(亿元|万元|元)", text[lo : m.start()])
        final = re.search(rf"决算[^。，；\d]{{0,10}}?({NUM}){WS}(亿元|万元|元)", text[lo : m.start()])
        if not budget or not final:
            continue
        b = dec(budget.group(1)) * SCALE[budget.group(2)]
        f = dec(final.group(1)) * SCALE[final.group(2)]
        if f == b or (f > b) != (m.group(2) in ("大于", "高于")):
            continue
        swapped = {"大于": "小于", "小于": "大于", "高于": "低于", "低于": "高于"}[m.group(2)]
        yield Mutation("direction", [(m.start(2), m.end(2), swapped)], [(lo, hi)], f"{m.group(2)} -> {swapped}")


def double_sign_mutations(text, rng):
    for m in re.finditer(rf"(减少|下降|降低){WS}({NUM}){WS}(亿元|万元|元)", text):
        yield Mutation("double-sign", [(m.start(2), m.start(2), "-")], [sentence(text, m.start(), m.end())], f"{m.group(1)}-{m.group(2)}")


def share_mutations(text, rng):
    for m in SHARE.finditer(text):
        rate = m.group(1)
        clause_start = max(text.rfind(ch, 0, m.start()) for ch in "，,；;。：:\n")
        parts = list(AMOUNT.finditer(text, max(clause_start - 60, 0), m.start()))
        if not parts:
            continue
        part = parts[-1]
        if dec(part.group(1)) == 0:
            continue  # 0 of anything is 0%: the total is not pinned down
        lo, hi = sentence(text, m.start(), m.end())
        window_lo = max(lo - 300, 0)
        unit = part.group(2)
        totals = [
            t.group(1)
            for t in AMOUNT.finditer(text, window_lo, hi)
            if t.start() != part.start() and t.group(2) == unit and dec(t.group(1)) > dec(part.group(1))
        ]
        if not any(ratio_fits(part.group(1), t, rate) for t in totals):
            continue  # no total in sight that makes this share checkable
        new = shifted_rate(rng, rate)
        if any(ratio_fits(part.group(1), t, new) for t in totals):
            continue
        yield Mutation("share", [(m.start(1), m.end(1), new)], [(lo, hi)], f"占{rate}% -> {new}%")


def component_mutations(text, rng):
    for m in re.finditer(rf"({NUM}){WS}(亿元|万元|元)[^。；\d]{{0,8}}?其中[：:，,]?", text):
        _, hi = sentence(text, m.end())
        parts = list(AMOUNT.finditer(text, m.end(), hi))
        # a list of parts only: a change, a rate or a share between them means the figures are not all parts
        between = text[m.end() : parts[-1].end()] if parts else ""
        if len(parts) < 2 or re.search(r"增加|减少|增长|下降|上年|预算|[%％]", between):
            continue
        total = dec(m.group(1)) * SCALE[m.group(2)]
        sum_parts = sum(dec(a.group(1)) * SCALE[a.group(2)] for a in parts)
        slack = half(m.group(1)) * SCALE[m.group(2)] + sum(half(a.group(1)) * SCALE[a.group(2)] for a in parts)
        if abs(sum_parts - total) > slack:
            continue  # not a complete list (or already wrong): leave it alone
        target = rng.choice([(m.start(1), m.end(1), m.group(1))] + [(a.start(1), a.end(1), a.group(1)) for a in parts])
        new = other_digit(rng, target[2])
        yield Mutation("component", [(target[0], target[1], new)], [(m.start(), hi)], f"{target[2]} -> {new}")


def dominant_unit(text: str) -> str | None:
    units = Counter(m.group(2) for m in AMOUNT.finditer(text))
    total = units["元"] + units["万元"]
    for unit in ("元", "万元"):
        if total >= 5 and units[unit] >= total * Decimal("0.85"):
            return unit
    return None


def unit_mutations(text, rng):
    unit = dominant_unit(text)
    if unit is None:
        return
    other = "元" if unit == "万元" else "万元"
    for m in AMOUNT.finditer(text):
        if m.group(2) != unit or dec(m.group(1)) == 0:
            continue  # 0 元 is 0 万元
        lo, hi = sentence(text, m.start(), m.end())
        if sum(1 for a in AMOUNT.finditer(text, lo, hi) if a.group(2) == unit) < 2:
            continue  # a slip is a slip when its neighbours keep the report's unit
        yield Mutation("unit", [(m.start(2), m.end(2), other)], [(lo, hi)], f"{m.group(1)}{unit} -> {m.group(1)}{other}")


def execution_mutations(text, rng):
    for m in EXECUTION.finditer(text):
        rate = m.group(2)
        lo = sentence(text, m.start(), m.end())[0]
        lo = sentence(text, max(lo - 2, 0))[0]  # the plan is often stated in the sentence before
        amounts = list(AMOUNT.finditer(text, lo, m.start()))
        pairs = [(a, b) for a in amounts for b in amounts if a is not b and a.group(2) == b.group(2) and dec(a.group(1))]
        if not any(ratio_fits(a.group(1), b.group(1), rate) for a, b in pairs):
            continue
        new = shifted_rate(rng, rate)
        if any(ratio_fits(a.group(1), b.group(1), new) for a, b in pairs):
            continue
        yield Mutation("execution", [(m.start(2), m.end(2), new)], [sentence(text, m.start(), m.end())], f"{rate}% -> {new}%")


def label_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1] in " \t为是达共计":
        i -= 1
    j = i
    while j > 0 and text[j - 1] not in LABEL_STOP and not text[j - 1].isdigit() and i - j < 14:
        j -= 1
    return text[j:i]


def qualifier(text: str, start: int, label: str) -> str:
    """What a label is about when its clause is the label alone: the clause before ("编报绩效目标的项目 48 个，涉及预算金额")."""
    stops = "，,；;。：:"
    i = max(text.rfind(ch, max(start - 60, 0), start) for ch in stops)
    if i < 0 or len(re.sub(r"\s", "", text[i + 1 : start])) > len(label) + 2:
        return ""
    j = max(text.rfind(ch, max(i - 60, 0), i) for ch in stops)
    return re.sub(r"[\s\d.,]", "", text[j + 1 : i])


def duplicate_mutations(text, rng):
    groups: dict[tuple, list] = defaultdict(list)
    for m in AMOUNT.finditer(text):
        label = label_before(text, m.start())
        if len(label) < 4 or re.search(r"增加|减少|增长|下降|上年|其中|比|较|占", label):
            continue
        subject = (label, qualifier(text, m.start(), label))
        groups[(subject, dec(m.group(1)) * SCALE[m.group(2)])].append(m)
    values = Counter(subject for subject, _ in groups)
    for (subject, _), ms in groups.items():
        windows = [sentence(text, m.start(), m.end()) for m in ms]
        if len(ms) < 2 or len(set(windows)) < 2 or values[subject] > 1:
            continue  # a label the text also states with another value names more than one thing
        m = rng.choice(ms[1:])
        new = other_digit(rng, m.group(1))
        yield Mutation("duplicate", [(m.start(1), m.end(1), new)], sorted(set(windows)), f"{subject[0]} {m.group(1)} -> {new}")


def format_mutations(text, rng):
    for m in AMOUNT.finditer(text):
        lo, hi = sentence(text, m.start(), m.end())
        if "," in m.group(1):
            commas = [m.start(1) + i for i, ch in enumerate(m.group(1)) if ch == ","]
            i = rng.choice(commas)
            yield Mutation("format-comma", [(i, i + 1, "，")], [(lo, hi)], f"{m.group(1)} -> {text[m.start(1):i]}，{text[i + 1:m.end(1)]}")
        follows = text[m.end() : m.end() + 1]
        if dec(m.group(1)) != 0 and follows and follows in "，。；、" and sum(1 for _ in AMOUNT.finditer(text, lo, hi)) >= 2:
            yield Mutation("format-unit", [(m.end(1), m.end(), "")], [(lo, hi)], f"{m.group(0)} -> {m.group(1)}")


def numbering_mutations(text, rng):
    for style in (1, 2):
        runs: list[list[re.Match]] = []
        for m in HEADING.finditer(text):
            line_end = text.find("\n", m.end())
            if not m.group(style) or HEADING_INSIDE.search(text, m.end(), line_end if line_end >= 0 else len(text)):
                continue  # two markers on one line: a row of a two-column table, not a heading
            n = cn_number(m.group(style))
            if n == 1:
                runs.append([m])
            elif runs and runs[-1] and cn_number(runs[-1][-1].group(style)) == n - 1:
                runs[-1].append(m)
            else:
                runs.append([])  # out of order: the run ends here
        for run in runs:
            if len(run) < 3:
                continue
            k = rng.randrange(1, len(run))
            # a repeat of 一、 reads as a new list starting: only from 二、 on is a repeated number a slip
            step = rng.choice((1, -1)) if k >= 2 else 1
            edits = [(h.start(style), h.end(style), cn_text(cn_number(h.group(style)) + step)) for h in run[k:]]
            line_end = text.find("\n", run[k].end())
            window = (run[k - 1].start(), line_end if line_end >= 0 else len(text))
            what = "skipped" if step == 1 else "repeated"
            yield Mutation("numbering", edits, [window], f"{run[k].group(0).strip()} {what}")


def fiscal_year(text: str) -> int | None:
    years = Counter(int(y) for y in re.findall(r"(20\d\d)[ \t]*年度", text))
    return years.most_common(1)[0][0] if years else None


def year_mutations(text, rng):
    year = fiscal_year(text)
    if year is None:
        return
    for m in YEAR.finditer(text):
        if int(m.group(1)) != year:
            continue
        lo, hi = sentence(text, m.start(), m.end())
        if not AMOUNT.search(text, lo, hi) or COMPARING.search(text, lo, hi):
            continue  # a year in a heading, or a sentence that compares years: the other year may be right
        new = str(year + rng.choice((-1, 1)))
        yield Mutation("year", [(m.start(1), m.end(1), new)], [(lo, hi)], f"{year} -> {new}")


KINDS = {
    "rate": rate_mutations,
    "delta": delta_mutations,
    "direction": direction_mutations,
    "double-sign": double_sign_mutations,
    "share": share_mutations,
    "component": component_mutations,
    "unit": unit_mutations,
    "execution": execution_mutations,
    "duplicate": duplicate_mutations,
    "format-comma": format_mutations,
    "format-unit": None,  # made by format_mutations
    "numbering": numbering_mutations,
    "year": year_mutations,
    "table-total": figure_sites,
    "table-code": None,  # made by figure_sites
    "table-full": None,  # made by figure_sites
    "table-short": None,  # made by figure_sites
    "table-swap": swap_sites,
    "table-text": lambda text, rng: text_sites(text, rng, sentence),
}
# the kinds a maker makes besides its own
ALSO = {"format-comma": ("format-unit",), "table-total": ("table-code", "table-full", "table-short")}


# ---------------------------------------------------------------- checking


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, new in edits:
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at:])
    return "".join(out)


def to_original(edits: list[tuple[int, int, str]], offset: int) -> int:
    """Where an offset of the mutated text was in the original (inside an edit: the edit's start)."""
    shift = 0
    for start, end, new in edits:
        if offset < start + shift:
            break
        if offset < start + shift + len(new):
            return start
        shift += len(new) - (end - start)
    return offset - shift


@dataclass
class Found:
    """A finding as the harness compares it: rule, its places in the input's own text, its line and message."""

    rule: str
    places: list[tuple[int, int]]
    line: int
    message: str


def findings(inp: Input, text: str, edits: list[tuple[int, int, str]], context: tuple[int, int] = (0, 0)) -> tuple[list[Found], str]:
    """Check `text` (the input's text with `edits` made) as the input's layout renders it; places in the unedited text.

    Also returns text[context] as the layout renders it (what auditlint read there).
    """
    rendered, back = inp.render(text)
    result = check_bytes(inp.name, rendered.encode("utf-8"), _STATE["config"])
    starts = None
    original = line_starts(inp.text)

    def home(s: int, e: int) -> tuple[int, int]:
        if back is not None:
            s, e = back[min(s, len(rendered))], back[min(max(e - 1, s), len(rendered))] + 1
        s, e = to_original(edits, s), to_original(edits, max(e - 1, s)) + 1
        return s, max(e, s + 1)

    out = []
    for f in result.findings:
        places = [home(f.start, max(f.end, f.start + 1))]
        for r in f.related or []:
            starts = starts or line_starts(rendered)
            s = starts[r.line - 1] + r.column - 1
            e = starts[r.end_line - 1] + r.end_column - 1 if r.end_line <= len(starts) else s + 1
            places.append(home(s, max(e, s + 1)))
        out.append(Found(f.rule, places, bisect.bisect_right(original, places[0][0]), f.message))
    lo, hi = context
    shown = rendered[lo:hi] if back is None else "".join(ch for ch, at in zip(rendered, back) if lo <= at < hi)
    return out, shown


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_STATE: dict = {}


def _init(inputs: dict[str, Input], baseline: dict[str, set]) -> None:
    _STATE["inputs"] = inputs
    _STATE["config"] = Config()
    _STATE["baseline"] = baseline


def _run(job: tuple[str, Mutation]) -> tuple[str, Outcome]:
    key, mutation = job
    inp = _STATE["inputs"][key]
    base = _STATE["baseline"][key]
    caught, noise = [], []
    pinpointed = False
    at = mutation.edits[0][0]
    lo, hi = next((w for w in mutation.windows if w[0] <= at <= w[1]), mutation.windows[0])
    start, end, new = mutation.edits[0]
    context = (max(lo, at - 50), min(hi, end + 50) + len(new) - (end - start))  # in the mutated text
    found, shown = findings(inp, apply(inp.text, mutation.edits), mutation.edits, context)
    for f in found:
        if (f.rule, f.places[0]) in base:
            continue
        if any(overlaps(p, w) for p in f.places for w in mutation.windows):
            caught.append(f.rule)
            pinpointed = True
        elif any(overlaps(p, w) for p in f.places for w in mutation.near):
            caught.append(f.rule)
        else:
            noise.append(f"{f.rule}@{f.line}")
    return key, Outcome(mutation.kind, bool(caught), caught, noise, shown.replace("\n", "⏎"), mutation.note, pinpointed)


def already_flagged(baseline: set, mutation: Mutation) -> bool:
    return any(overlaps(span, w) for _, span in baseline for w in [*mutation.windows, *mutation.near])


# ---------------------------------------------------------------- sites and report


def sites(text: str, name: str, seed: int, kinds: set[str]) -> list[Mutation]:
    """Every mutation site of every kind asked for in one text (the same for every layout of that text)."""
    out: list[Mutation] = []
    for kind, make in KINDS.items():
        if make is None or not kinds & {kind, *ALSO.get(kind, ())}:
            continue
        rng = random.Random(f"{seed}:{name}:{kind}")
        out.extend(Mutation(m.kind, m.edits, m.windows, m.note, m.near) for m in make(text, rng) if m.kind in kinds)
    # a transform keeps the original's lines: no mutation adds or removes a line break
    out = [m for m in out if not any("\n" in new or "\n" in text[s:e] for s, e, new in m.edits)]
    # a numbered line the segmentation reads as a table row or a table of contents entry is not a heading
    rows = table_lines(text)
    return [m for m in out if m.kind != "numbering" or not any(rows(s) for s, _, _ in m.edits)]


def load_gold(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Known defects by document: their line ranges (corpus/gold/*.jsonl)."""
    gold: dict[str, list[tuple[int, int]]] = defaultdict(list)
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item.get("line"):
                    gold[item["doc"]].append((int(item["line"]), int(item.get("end_line") or item["line"])))
    return gold


def print_baselines(inputs: list[Input], found: dict[str, list[Found]], gold: dict, show: int) -> dict[str, Counter]:
    """Each input's findings before any mutation; a transformed layout's against its base. Returns counts per layout."""
    print("\n== findings on the unmutated text ==")
    plain = {(inp.layout, inp.name): inp.key for inp in inputs}
    tally: dict[str, Counter] = defaultdict(Counter)
    for inp in inputs:
        mine = found[inp.key]
        tally[inp.layout]["findings"] += len(mine)
        amounts, checked = coverage(inp.text)
        tally[inp.layout].update(amounts=amounts, checked=checked)
        base, _, transform = inp.layout.partition("+")
        if transform and (base, inp.name) in plain:
            theirs = found[plain[(base, inp.name)]]
            new = [f for f in mine if (f.rule, f.line) not in {(g.rule, g.line) for g in theirs}]
            lost = [f for f in theirs if (f.rule, f.line) not in {(g.rule, g.line) for g in mine}]
            tally[inp.layout].update(new=len(new), lost=len(lost))
            if new or lost:
                print(f"{inp.layout:<20} {inp.name}: {len(mine)}; against {base}: {len(new)} new, {len(lost)} lost")
                for f in new[:show]:
                    print(f"    new  L{f.line} {f.rule} {f.message[:110]}")
                for f in lost[:show]:
                    print(f"    lost L{f.line} {f.rule} {f.message[:110]}")
            continue
        known = gold.get(Path(inp.name).name, [])
        marked = [(f, any(a - 2 <= f.line <= b + 2 for a, b in known)) for f in mine]
        tally[inp.layout]["known"] += sum(m for _, m in marked) if known else 0
        at_known = f" ({sum(m for _, m in marked)} at a known defect)" if known else ""
        print(f"{inp.layout:<20} {inp.name}: {len(mine)}{at_known}  " + " ".join(f"{r} {n}" for r, n in sorted(Counter(f.rule for f in mine).items())))
        for f, known_defect in marked[: show * 3]:
            print(f"    L{f.line} {f.rule}{' [gold]' if known_defect else ''} {f.message[:110]}")
    return tally


def print_summary(layouts: list[str], outcomes: list[tuple[str, Outcome]], inputs: dict[str, Input], tally: dict[str, Counter]) -> None:
    print("\n== per layout ==")
    print(
        f"{'layout':<20} {'files':>5} {'unmutated':>9} {'new':>4} {'lost':>4} {'injected':>8} {'detected':>8} {'recall':>6} "
        f"{'at site':>7} {'noisy':>5} {'table amounts in a held identity':>33}"
    )
    for layout in layouts:
        got = [o for k, o in outcomes if inputs[k].layout == layout]
        detected = sum(o.detected for o in got)
        files = sum(1 for i in inputs.values() if i.layout == layout)
        t = tally[layout]
        against = f"{t['new']:>4} {t['lost']:>4}" if "+" in layout else f"{'-':>4} {'-':>4}"
        print(
            f"{layout:<20} {files:>5} {t['findings']:>9} {against} {len(got):>8} {detected:>8} {rate(detected, len(got)):>6} "
            f"{sum(o.pinpointed for o in got):>7} {sum(bool(o.noise) for o in got):>5} {t['checked']:>22} of {t['amounts']:<7}"
        )


def print_layout(layout: str, outcomes: list[tuple[str, Outcome]], candidates: Counter, flagged: Counter, misses: int) -> None:
    print(f"\n== {layout} ==")
    print(f"{'kind':<13} {'sites':>5} {'flagged':>7} {'injected':>8} {'detected':>8} {'rate':>6} {'at site':>7}  {'noisy':>5}  rules that caught it")
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for _, outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
    for kind in KINDS:
        got = by_kind.get(kind, [])
        if not got and not candidates[kind]:
            continue
        detected = sum(o.detected for o in got)
        rules = Counter(r for o in got for r in set(o.rules))
        print(
            f"{kind:<13} {candidates[kind]:>5} {flagged[kind]:>7} {len(got):>8} {detected:>8} {rate(detected, len(got)):>6} "
            f"{sum(o.pinpointed for o in got):>7}  {sum(bool(o.noise) for o in got):>5}  " + " ".join(f"{r}:{n}" for r, n in rules.most_common())
        )
    detected = sum(o.detected for _, o in outcomes)
    print(
        f"{'all':<13} {sum(candidates.values()):>5} {sum(flagged.values()):>7} {len(outcomes):>8} {detected:>8} "
        f"{rate(detected, len(outcomes)):>6} {sum(o.pinpointed for _, o in outcomes):>7}  {sum(bool(o.noise) for _, o in outcomes):>5}"
    )
    noise = Counter(r.split("@")[0] for _, o in outcomes for r in o.noise)
    print("noise (new findings away from the mutation): " + (" ".join(f"{r}:{n}" for r, n in noise.most_common()) or "none"))
    if not misses:
        return
    noisy = [(key, o) for key, o in outcomes if o.noise]
    for key, o in noisy[:misses]:
        print(f"  noise {key.partition(':')[2]}: {o.kind} {o.note} -> {' '.join(o.noise)}  | {o.context}")
    for kind in KINDS:
        missed = [(key, o) for key, o in outcomes if o.kind == kind and not o.detected]
        for key, o in missed[:misses]:
            print(f"  missed {kind} {key.partition(':')[2]}: {o.note}  | {o.context}")


def rate(detected: int, injected: int) -> str:
    return f"{Decimal(detected) / injected:.2f}" if injected else "-"


def print_matrix(layouts: list[str], outcomes: list[tuple[str, Outcome]], inputs: dict[str, Input]) -> None:
    print("\n== recall per layout and kind (detected/injected) ==")
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for key, o in outcomes:
        for column in (inputs[key].layout, "all"):
            for row in (o.kind, "all"):
                cells[(row, column)][0] += o.detected
                cells[(row, column)][1] += 1
    columns = [*layouts, "all"]
    width = max(11, *(len(c) + 1 for c in columns))
    print(f"{'kind':<13}" + "".join(f"{c:>{width}}" for c in columns))
    for kind in [*KINDS, "all"]:
        if cells[(kind, "all")][1]:
            print(f"{kind:<13}" + "".join(f"{'{}/{}'.format(*cells[(kind, c)]) if cells[(kind, c)][1] else '-':>{width}}" for c in columns))
    print(f"{'recall':<13}" + "".join(f"{rate(*cells[('all', c)]):>{width}}" for c in columns))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="text files for the layout 'files' (and files+TRANSFORM)")
    parser.add_argument("--layout", action="append", help=f"base[+transform]; default: {' '.join(DEFAULT_LAYOUTS)}")
    parser.add_argument("--per-kind", type=int, default=12, help="mutations sampled per kind per layout (default 12)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", type=int, default=3, help="undetected mutations shown per kind and layout, and noisy ones")
    parser.add_argument("--jobs", type=int, default=max(multiprocessing.cpu_count(), 1))
    parser.add_argument("--kind", action="append", choices=list(KINDS), help="only these kinds")
    parser.add_argument("--gold", type=Path, default=CORPUS / "gold" / "real.jsonl", help="known defects, to mark the baseline")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    layouts = args.layout or (["files"] if args.files else list(DEFAULT_LAYOUTS))
    built, skipped = build_inputs(layouts, args.files, args.seed)
    inputs = {inp.key: inp for inp in built}
    _STATE["config"] = Config()
    found = {inp.key: findings(inp, inp.text, [])[0] for inp in built}
    baseline = {key: {(f.rule, f.places[0]) for f in fs} for key, fs in found.items()}

    kinds = set(args.kind or KINDS)
    by_text: dict[tuple[str, str], list[Mutation]] = {}
    candidates: dict[str, Counter] = defaultdict(Counter)
    flagged: dict[str, Counter] = defaultdict(Counter)
    jobs: list[tuple[str, Mutation]] = []
    for layout in layouts:
        pool: dict[str, list[tuple[str, Mutation]]] = defaultdict(list)
        for inp in (i for i in built if i.layout == layout):
            if (inp.name, inp.text) not in by_text:
                by_text[(inp.name, inp.text)] = sites(inp.text, inp.name, args.seed, kinds)
            for m in by_text[(inp.name, inp.text)]:
                candidates[layout][m.kind] += 1
                pool[m.kind].append((inp.key, m))
        for kind, mutations in pool.items():
            # one shuffle per base layout: every transform of a text takes the same mutations where it can
            random.Random(f"{args.seed}:{layout.partition('+')[0]}:{kind}").shuffle(mutations)
            taken = 0
            for key, m in mutations:
                if already_flagged(baseline[key], m):
                    flagged[layout][kind] += 1
                elif taken < args.per_kind:
                    jobs.append((key, m))
                    taken += 1

    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs, initializer=_init, initargs=(inputs, baseline)) as pool_:
            outcomes = pool_.map(_run, jobs, chunksize=4)
    else:
        _init(inputs, baseline)
        outcomes = [_run(job) for job in jobs]

    counts = Counter(inp.layout for inp in built)
    print("layouts: " + "; ".join(f"{layout} {counts[layout]} files" for layout in layouts if layout in counts))
    for layout, why in skipped.items():
        print(f"skipped {layout}: {why}")
    print(f"{len(jobs)} mutations checked in {time.perf_counter() - started:.0f} s (--jobs {args.jobs}, --per-kind {args.per_kind}, --seed {args.seed})")
    tally = print_baselines(built, found, load_gold(args.gold), args.misses)
    present = [layout for layout in layouts if layout in counts]
    for layout in present:
        print_layout(layout, [(k, o) for k, o in outcomes if inputs[k].layout == layout], candidates[layout], flagged[layout], args.misses)
    print_matrix(present, outcomes, inputs)
    print_summary(present, outcomes, inputs, tally)
    return 0


if __name__ == "__main__":
    sys.exit(main())
