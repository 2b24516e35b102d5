"""Structure: the numbered headings and list items of a document, in order, with their scopes.

A report is an outline: 第一部分 › 一、 › （一） › 1. › （1）. Finding how the
numbering runs (and where it repeats or skips) needs every marker with its style
and number, where it sits, and what surrounds it: the table of contents and the
attachments number their items afresh, and a short unnumbered line between
numbered siblings is often a heading whose number was lost.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from ..model import Disclosure, Heading
from ..scan import Scan
from .reflow import Reflowed

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十一 -> 11, 二十三 -> 23 (the numbers headings use); None otherwise."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN_DIGIT.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    t = _CN_DIGIT.get(tens, -1) if tens else 1
    o = _CN_DIGIT.get(ones, -1) if ones else 0
    if t <= 0 or o < 0:
        return None
    return t * 10 + o


# A marker at the start of a paragraph. Amounts ("1.5万元") and dates are not markers.
_START = re.compile(
    r"""^\s*(?:
        (?P<part>第\s*(?P<part_n>[一二三四五六七八九十百零〇\d]{1,3})\s*(?:部分|章))
      | (?P<cn>(?P<cn_n>[一二三四五六七八九十]{1,3})\s*[、.．](?![一二三四五六七八九十]\s*[、等]|等))
      | (?P<pcn>[（(]\s*(?P<pcn_n>[一二三四五六七八九十]{1,3})\s*[）)](?:\s*[、.．])?)
      | (?P<dotted>(?P<dotted_n>\d{1,2}(?:[.．]\d{1,2})+)(?:\s*[、.．]|\s+|(?=[\u4e00-\u9fff“（(]))
            (?![万亿千]?元|%|万|亿|个|人|分|次|项|场|家|名|辆))
      | (?P<num>(?P<num_n>\d{1,2})\s*[、.．](?![\d.．]))
      | (?P<pnum>[（(]\s*(?P<pnum_n>\d{1,2})\s*[）)](?:\s*[、.．])?)
      | (?P<circled>[①-⑳])
      | (?P<pideo>[㈠-㈩])
    )""",
    re.X,
)

# Markers inside running text: （二） anywhere except in a citation ("第（一）项"),
# 二、 only right after a sentence or a colon ("如下：一、…"), never in "一、二等奖".
_INLINE = re.compile(
    r"""(?P<pcn>(?<!第)[（(](?P<pcn_n>[一二三四五六七八九十]{1,3})[）)](?![项款目条类号级等]))
      | (?<=[。；;：:！？!?])\s*(?P<cn>(?P<cn_n>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十]\s*[、等]|等))""",
    re.X,
)
# an inline marker begins with its bracket, or with the space or numeral after a sentence: only there is it looked for
_INLINE_SCAN = Scan(_INLINE, starts=r"[（(\s一二三四五六七八九十]")

_TITLE_END = re.compile(r"[。；;！？!?]")
_TOC = re.compile(r"^\s*目\s*录\s*$")
_ATTACHMENT = re.compile(r"^\s*(?:附件|附表)\s*[\d一二三四五六七八九十]*\s*(?:[：:]|$|\s)")
_UNNUMBERED_PUNCT = re.compile(r"[，。；：:,;!?！？、]")


def _number(style: str, m: re.Match[str]) -> int | None:
    if style == "circled":
        return ord(m.group("circled")) - ord("①") + 1
    if style == "pideo":
        return ord(m.group("pideo")) - ord("㈠") + 1
    raw = m.group(f"{style}_n")
    if style == "dotted":
        raw = re.split(r"[.．]", raw)[-1]
    return cn_number(raw.strip())


def _style_of(m: re.Match[str]) -> str:
    return next(name for name in ("part", "cn", "pcn", "dotted", "num", "pnum", "circled", "pideo") if m.group(name))


def _title(text: str, start: int, stop: int) -> str:
    """The words after a marker, up to the end of its sentence (or the next marker)."""
    segment = text[start:stop]
    m = _TITLE_END.search(segment)
    return (segment[: m.start()] if m else segment).strip()[:100]


def _heading_shaped(para_text: str, marker_end: int) -> bool:
    """A title on its own line: short, no second sentence (a heading may end with 。)."""
    rest = para_text[marker_end:].strip()
    body = rest[:-1] if rest.endswith(("。", "：", ":")) else rest
    return 0 < len(body) <= 40 and not _TITLE_END.search(body)


def _unnumbered_heading(text: str) -> bool:
    t = text.strip()
    return 2 <= len(t) <= 30 and not _UNNUMBERED_PUNCT.search(t) and not re.match(r"^[\d.\s%]+$", t) and not t.startswith(("单位", "图", "表"))


def find_outline(flow: Reflowed, tables: list[tuple[int, int]] = ()) -> list[Heading]:
    """Every numbered heading and list item, and the unnumbered lines that look like headings.

    Row labels of tables ("一、一般公共预算财政拨款收入" in 收入支出决算总表) number rows, not
    sections: text inside the table blocks given (original offsets) is left out.
    """
    out: list[Heading] = []
    scope, scope_start = 0, 0
    toc_first: tuple[str, int] | None = None
    in_toc = in_attachment = False
    paragraphs = flow.paragraphs
    markers = [_START.match(flow.text[p.start : p.end]) for p in paragraphs]  # matched once: read twice below
    for index, para in enumerate(paragraphs):
        text = flow.text[para.start : para.end]
        if tables and any(a <= flow.origin(para.start) < b for a, b in tables):
            continue
        if _TOC.match(text):
            scope, in_toc, toc_first = scope + 1, True, None
            scope_start = flow.span(para.start, para.end)[1]
            continue
        if _ATTACHMENT.match(text) and not para.cell:
            scope, in_toc, in_attachment = scope + 1, False, True
            scope_start = flow.span(para.start, para.end)[1]
        items: list[tuple[str, int, int, int, bool]] = []  # style, number, start, end (in para), inline
        m = markers[index]
        pos = 0
        if m:
            style = _style_of(m)
            number = _number(style, m)
            if number is not None:
                items.append((style, number, m.start(style), m.end(style), False))
            pos = m.end()
        for im in _INLINE_SCAN.finditer(text, pos):
            style = "pcn" if im.group("pcn") else "cn"
            number = cn_number(im.group(f"{style}_n"))
            if number is not None:
                items.append((style, number, im.start(style), im.end(style), True))
        next_is_content = index + 1 < len(paragraphs) and markers[index + 1] is None
        for k, (style, number, a, b, inline) in enumerate(items):
            if in_toc:
                if toc_first is None:
                    toc_first = (style, number)
                elif (style, number) == toc_first:
                    scope, in_toc = scope + 1, False  # the body starts where the contents started
                    scope_start = flow.span(para.start + a, para.start + a + 1)[0]
            stop = items[k + 1][2] if k + 1 < len(items) else len(text)
            title = _title(text, b, stop)
            if inline:
                # a heading run into its text ("三、存在问题2024年是…"): its title ends where the text begins
                title = re.split(r"[，,：:]|(?<=[\u4e00-\u9fff]{2})(?=\d)", title, maxsplit=1)[0][:20]
            shaped = not inline and _heading_shaped(text, b)
            has_body = bool(text[b:stop].strip()[len(title) :].strip("。：: ")) or (k + 1 == len(items) and next_is_content)
            o_start, o_end = flow.span(para.start + a, para.start + b)
            lead = len(text[b:stop]) - len(text[b:stop].lstrip())
            t_start, t_end = flow.span(para.start + b + lead, para.start + b + lead + len(title))
            out.append(
                Heading(
                    start=o_start,
                    end=o_end,
                    style=style,
                    number=number,
                    marker=text[a:b].strip(),
                    title=title,
                    title_start=t_start,
                    title_end=t_end,
                    paragraph=index,
                    inline=inline,
                    scope=scope,
                    scope_start=scope_start,
                    toc=in_toc,
                    attachment=in_attachment,
                    heading_shaped=shaped,
                    has_body=has_body,
                    cell=para.cell,
                )
            )
        if not items and not para.cell and not in_toc and _unnumbered_heading(text) and index + 1 < len(paragraphs):
            o_start, o_end = flow.span(para.start, para.end)
            out.append(
                Heading(
                    start=o_start,
                    end=o_start,
                    style="",
                    number=0,
                    title=text.strip(),
                    title_start=o_start,
                    title_end=o_end,
                    paragraph=index,
                    scope=scope,
                    scope_start=scope_start,
                    heading_shaped=True,
                    has_body=True,
                )
            )
    return out


# ------------------------------------------------------------------ numbering


@dataclass
class Placement:
    """Where a numbered heading sits: its list, the heading it belongs under, and how its number follows on.

    status: "first" (opens a list at 1), "next" (follows its sibling), "repeat"
    (a number its list already used), "skip" (numbers left out), "late" (a list
    that opens above 1), "parallel" (the same number right after its sibling: the
    second column of a table read row by row).
    """

    index: int  # into the outline
    parent: int | None  # the heading this list sits under (None: top of its scope)
    previous: int | None  # the sibling before it
    status: Literal["first", "next", "repeat", "skip", "late", "parallel"]
    expected: int  # the number the list called for here
    first_use: int | None = None  # for a repeat: the sibling that used this number first


@dataclass
class _List:
    key: str
    last: int
    used: dict[int, int]  # number -> outline index of the heading that used it
    head: int  # outline index of its latest heading
    parent: int | None
    slots: set[int] = field(default_factory=set)  # numbers a repeated heading should have taken
    paired: set[int] = field(default_factory=set)  # numbers written twice in a row: a two-column table's rows

    def next_free(self) -> int:
        return max(set(self.used) | self.slots) + 1


_RANK = {"part": 0, "cn": 1, "pcn": 2, "num": 3, "dotted": 4, "pnum": 4, "circled": 5, "pideo": 5}


def list_key(h: Heading) -> str:
    """Headings of one list share a key: the style, and for 1.1 / 1.2 their prefix."""
    if h.style == "dotted":
        return "dotted:" + re.split(r"[.．]", h.marker.rstrip("、.． "))[0]
    return h.style


def place_headings(outline: list[Heading]) -> dict[int, Placement]:
    """How each numbered heading continues the numbering of the list it belongs to.

    Lists nest: a heading numbered 1 opens a list under the latest heading; a
    heading continues the nearest open list of its style whose last number is one
    less; otherwise it is taken as the next item of the nearest open list of its
    style, and its number repeats or skips. A repeated number is kept aside (it
    does not close the lists opened under its sibling), so one stray "（二）" inside
    a list of "1.1、…" does not make every later heading look wrong.
    """
    placed: dict[int, Placement] = {}
    stack: list[_List] = []
    scope = None
    previous_numbered: int | None = None
    for i, h in enumerate(outline):
        if not h.style:
            continue
        last_numbered, previous_numbered = previous_numbered, i
        if h.scope != scope:
            scope, stack = h.scope, []
        key = list_key(h)
        n = h.number
        cont = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].key == key and stack[k].last == n - 1), None)
        if cont is not None:
            lst = stack[cont]
            del stack[cont + 1 :]
            if n in lst.used:  # follows on from a repeated number, and repeats too
                expected = lst.next_free()
                placed[i] = Placement(i, lst.parent, lst.head, "repeat", expected, lst.used[n])
                lst.slots.add(expected)
            else:
                placed[i] = Placement(i, lst.parent, lst.head, "next", n)
                lst.used[n] = i
            lst.last, lst.head = n, i
            continue
        if stack and stack[-1].key == key and stack[-1].last == n and stack[-1].head == last_numbered:
            lst = stack[-1]
            before = outline[lst.head]
            if before.paragraph + 1 == h.paragraph and not before.has_body and (n == 1 or n - 1 in lst.paired):
                # "四、上级补助收入" then "四、公共安全支出": the two columns of a 收入 | 支出 table, read row by row
                # (from the first row on: one number twice in a list of single items is a repeat)
                placed[i] = Placement(i, lst.parent, lst.head, "parallel", n)
                lst.paired.add(n)
                continue
        parent = stack[-1].head if stack else None
        if n == 1:
            stack.append(_List(key, 1, {1: i}, i, parent))
            placed[i] = Placement(i, parent, None, "first", 1)
            continue
        same = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].key == key), None)
        if same is None:
            # a list that opens late belongs under the nearest heading of a higher rank, by the usual
            # ranks of the styles (一、 over （一） over 1. …): the lists opened since then are over
            rank = _RANK.get(h.style, 9)
            k = len(stack) - 1
            while k >= 0 and _RANK.get(outline[stack[k].head].style, 9) >= rank:
                k -= 1
            del stack[k + 1 :]
            parent = stack[-1].head if stack else None
            stack.append(_List(key, n, {n: i}, i, parent))
            placed[i] = Placement(i, parent, None, "late", 1)
            continue
        lst = stack[same]
        if n <= lst.last or n in lst.used:
            expected = lst.next_free()
            placed[i] = Placement(i, lst.parent, lst.head, "repeat", expected, lst.used.get(n))
            # set aside: a list of its own, on top, that remembers what its siblings used
            stack.append(_List(key, n, dict(lst.used), i, lst.parent, lst.slots | {expected}))
            continue
        del stack[same + 1 :]
        placed[i] = Placement(i, lst.parent, lst.head, "skip", lst.last + 1)
        lst.used[n] = i
        lst.last, lst.head = n, i
    return placed


def cn_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 23 -> 二十三, 100 -> 一百, 105 -> 一百零五, 110 -> 一百一十, 2024 -> 二千零二十四."""
    if n < 0:
        return "负" + cn_numeral(-n)
    if n >= 10000:
        high, low = divmod(n, 10000)
        return cn_numeral(high) + "万" + ("" if low == 0 else ("零" if low < 1000 else "") + cn_numeral(low))
    if 10 <= n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")  # 十二, not 一十二 (but 一百一十二)
    out = ""
    zeros = False  # a 零 is owed for places skipped since the last digit written
    for value, place in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if zeros else "") + _CN_DIGITS[digit] + place
            zeros = False
        elif out:
            zeros = True
    return out or "零"


_CN_DIGITS = "零一二三四五六七八九"


def marker_for(like: Heading, n: int) -> str:
    """The marker for item n written the way `like` writes its own ("（三）" → "（九）", "1、" → "4、")."""
    m = like.marker
    if like.style == "part":
        return f"第{cn_numeral(n)}部分"
    if like.style == "cn":
        return f"{cn_numeral(n)}{m[-1] if m else '、'}"
    if like.style == "pcn":
        return f"{m[:1] or '（'}{cn_numeral(n)}{'）' if '）' in m else ')'}"
    if like.style == "pnum":
        return f"{m[:1] or '（'}{n}{'）' if '）' in m else ')'}"
    if like.style == "num":
        return f"{n}{m[-1] if m else '.'}"
    if like.style == "dotted":
        prefix = re.split(r"[.．]", m)[0]
        return f"{prefix}.{n}"
    if like.style == "circled":
        return chr(ord("①") + n - 1)
    if like.style == "pideo":
        return chr(ord("㈠") + n - 1)
    return str(n)


class OutlineIndex:
    """The outline with its numbering worked out, to look up which sections a place in the text sits in."""

    def __init__(self, outline: list[Heading]):
        self.outline = outline
        self.placed = place_headings(outline)
        self._numbered = [i for i, h in enumerate(outline) if h.style]
        self._starts = [outline[i].start for i in self._numbered]

    def heading_before(self, offset: int) -> int | None:
        """The last numbered heading that starts at or before an offset."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._numbered[k] if k >= 0 else None

    def ancestors(self, offset: int) -> list[Heading]:
        """The headings a place in the text sits under, nearest first: its section, that section's parent …"""
        out: list[Heading] = []
        i = self.heading_before(offset)
        seen: set[int] = set()
        while i is not None and i not in seen:
            seen.add(i)
            out.append(self.outline[i])
            p = self.placed.get(i)
            i = p.parent if p is not None else None
        return out

    def section_end(self, index: int, text_end: int) -> int:
        """Where the section opened by outline[index] ends: at the first later heading not under it."""
        for j in self._numbered:
            if j <= index:
                continue
            k: int | None = j
            seen: set[int] = set()
            while k is not None and k != index and k not in seen:
                seen.add(k)
                p = self.placed.get(k)
                k = p.parent if p is not None else None
            if k != index:
                return self.outline[j].start
        return text_end


def outline_index(doc: Disclosure) -> OutlineIndex:
    """The OutlineIndex of a disclosure's outline, worked out once: the mentions and several rules ask for it."""
    cached = doc._outline_index
    if cached is None or cached[0] is not doc.outline:  # (a new outline given to the disclosure: worked out anew)
        cached = doc._outline_index = (doc.outline, OutlineIndex(doc.outline))
    return cached[1]
