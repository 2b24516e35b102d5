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

from ..model import Heading
from ..numbering import INLINE_MARKER, INLINE_MARKER_STARTS, OUTLINE_MARKER, outline_number, outline_style
from ..scan import Scan
from .reflow import Paragraph, Reflowed

# an inline marker begins with its bracket, or with the space or numeral after a sentence: only there is it looked for
# (a few characters in a hundred: the engine skips to them)
_INLINE_SCAN = Scan(INLINE_MARKER, starts=INLINE_MARKER_STARTS, sparse=True)

_TITLE_END = re.compile(r"[。；;！？!?]")
_TOC = re.compile(r"^\s*目\s*录\s*$")
_ATTACHMENT = re.compile(r"^\s*(?:附件|附表)\s*[\d一二三四五六七八九十]*\s*(?:[：:]|$|\s)")
_UNNUMBERED_PUNCT = re.compile(r"[，。；：:,;!?！？、]")


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


@dataclass
class _Scopes:
    """Where numbering starts afresh: the body, the table of contents, each attachment.

    The contents are where segmentation found them (its "toc" lines): the outline does not guess them again.
    """

    starts: list[int]  # original [start, end) of each stretch of the table of contents, in order
    ends: list[int]
    scope: int = 0
    start: int = 0  # where the current scope begins (an original offset)
    in_toc: bool = False
    in_attachment: bool = False

    def at(self, start: int) -> None:
        """A paragraph starting at an original offset: entering or leaving the contents opens a scope."""
        k = bisect.bisect_right(self.starts, start) - 1
        inside = k >= 0 and start < self.ends[k]
        if inside != self.in_toc:
            self.scope, self.in_toc, self.start = self.scope + 1, inside, start
            if inside:
                self.in_attachment = False

    def enter_attachment(self, start: int) -> None:
        self.scope, self.in_toc, self.in_attachment, self.start = self.scope + 1, False, True, start


# a marker found in a paragraph: style, number, [start, end) in the paragraph, and whether it is inline
_Item = tuple[str, int, int, int, bool]


def _items(text: str, m: re.Match[str] | None) -> list[_Item]:
    """The markers of a paragraph: the one it opens with (m), and those inline after a sentence."""
    items: list[_Item] = []
    pos = 0
    if m:
        style = outline_style(m)
        number = outline_number(style, m)
        if number is not None:
            items.append((style, number, m.start(style), m.end(style), False))
        pos = m.end()
    for im in _INLINE_SCAN.finditer(text, pos):
        style = "pcn" if im.group("pcn") else "cn"
        number = outline_number(style, im)
        if number is not None:
            items.append((style, number, im.start(style), im.end(style), True))
    return items


def find_outline(
    flow: Reflowed, tables: list[tuple[int, int]] = (), contents: list[tuple[int, int]] = ()
) -> list[Heading]:
    """Every numbered heading and list item, and the unnumbered lines that look like headings.

    Row labels of tables ("一、一般公共预算财政拨款收入" in 收入支出决算总表) number rows, not
    sections: text inside the table blocks given (original offsets) is left out. `contents`: where the
    table of contents stands (original offsets, from segmentation): its entries number a scope of their own.
    """
    out: list[Heading] = []
    stretches = sorted(contents)
    scopes = _Scopes([a for a, _ in stretches], [b for _, b in stretches])
    paragraphs = flow.paragraphs
    # matched once: read twice below. A paragraph opening inside a line (a page put on one line) is no heading nor
    # item: where the page's lines broke, what was a heading, a contents entry or a table's row label is lost.
    markers = [None if p.inline else OUTLINE_MARKER.match(flow.text[p.start : p.end]) for p in paragraphs]
    for index, para in enumerate(paragraphs):
        text = flow.text[para.start : para.end]
        origin = flow.origin(para.start) if tables or stretches else 0
        if tables and any(a <= origin < b for a, b in tables):
            continue
        if stretches:
            scopes.at(origin)
        first = text[:1]  # (目录 and 附件 are looked for only in a paragraph opening with their first character)
        blank = first.isspace()
        if (blank or first == "目") and _TOC.match(text):
            continue
        label = _ATTACHMENT.match(text) if blank or first == "附" else None
        if label and not para.cell and not scopes.in_toc:
            # (an attachment the contents list, "附件1", is an entry of the contents, not the attachment); its scope
            # opens after the label: "附件:1.2023年…表 / 2.2023年…表" lists its first entry on the label's line
            scopes.enter_attachment(flow.span(para.start, para.start + label.end())[1])
        items = [] if para.inline else _items(text, markers[index])
        next_is_content = index + 1 < len(paragraphs) and markers[index + 1] is None
        for k, item in enumerate(items):
            stop = items[k + 1][2] if k + 1 < len(items) else len(text)
            out.append(_numbered(flow, para, index, text, item, stop, k + 1 == len(items) and next_is_content, scopes))
        if (
            not items
            and not para.cell
            and not para.inline
            and not scopes.in_toc
            and _unnumbered_heading(text)
            and index + 1 < len(paragraphs)
        ):
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
                    scope=scopes.scope,
                    scope_start=scopes.start,
                    heading_shaped=True,
                    has_body=True,
                )
            )
    return out


def _numbered(
    flow: Reflowed, para: Paragraph, index: int, text: str, item: _Item, stop: int, body_follows: bool, scopes: _Scopes
) -> Heading:
    """The heading a marker opens: its title runs to the end of its sentence, or to the next marker (stop)."""
    style, number, a, b, inline = item
    title = _title(text, b, stop)
    if inline:
        # a heading run into its text ("三、存在问题2024年是…"): its title ends where the text begins
        title = re.split(r"[，,：:]|(?<=[\u4e00-\u9fff]{2})(?=\d)", title, maxsplit=1)[0][:20]
    has_body = bool(text[b:stop].strip()[len(title) :].strip("。：: ")) or body_follows
    o_start, o_end = flow.span(para.start + a, para.start + b)
    lead = len(text[b:stop]) - len(text[b:stop].lstrip())
    t_start, t_end = flow.span(para.start + b + lead, para.start + b + lead + len(title))
    return Heading(
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
        scope=scopes.scope,
        scope_start=scopes.start,
        toc=scopes.in_toc,
        attachment=scopes.in_attachment,
        heading_shaped=not inline and _heading_shaped(text, b),
        has_body=has_body,
        cell=para.cell,
    )


# ------------------------------------------------------------------ numbering


@dataclass(slots=True)
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
    top: int  # the largest number used, or that a repeated heading should have taken
    paired: set[int] = field(default_factory=set)  # numbers written twice in a row: a two-column table's rows

    def use(self, n: int, i: int) -> None:
        self.used[n] = i
        self.top = max(self.top, n)

    def next_free(self) -> int:
        return self.top + 1


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
    # the lists of each key, and of each key and last number, as they came on top of the stack: the nearest
    # open one is the last entry still there (entries gone stale are dropped), found without a walk down the
    # stack — which grows with every list a list opens ("（一）" after "（一）" …)
    latest: dict[tuple[str, int | None], list[tuple[int, _List]]] = {}

    def on_top(lst: _List) -> None:
        for k in ((lst.key, None), (lst.key, lst.last)):
            latest.setdefault(k, []).append((len(stack) - 1, lst))

    def nearest(key: str, last: int | None) -> int | None:
        entries = latest.get((key, last), [])
        while entries:
            k, lst = entries[-1]
            if k < len(stack) and stack[k] is lst and (last is None or lst.last == last):
                return k
            entries.pop()
        return None

    scope = None
    previous_numbered: int | None = None
    for i, h in enumerate(outline):
        if not h.style:
            continue
        last_numbered, previous_numbered = previous_numbered, i
        if h.scope != scope:
            scope, stack = h.scope, []
            latest.clear()
        key = list_key(h)
        n = h.number
        cont = nearest(key, n - 1)
        if cont is not None:
            lst = stack[cont]
            del stack[cont + 1 :]
            if n in lst.used:  # follows on from a repeated number, and repeats too
                expected = lst.next_free()
                placed[i] = Placement(i, lst.parent, lst.head, "repeat", expected, lst.used[n])
                lst.top = expected
            else:
                placed[i] = Placement(i, lst.parent, lst.head, "next", n)
                lst.use(n, i)
            lst.last, lst.head = n, i
            on_top(lst)
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
            stack.append(_List(key, 1, {1: i}, i, parent, 1))
            on_top(stack[-1])
            placed[i] = Placement(i, parent, None, "first", 1)
            continue
        same = nearest(key, None)
        if same is None:
            # a list that opens late belongs under the nearest heading of a higher rank, by the usual
            # ranks of the styles (一、 over （一） over 1. …): the lists opened since then are over
            rank = _RANK.get(h.style, 9)
            k = len(stack) - 1
            while k >= 0 and _RANK.get(outline[stack[k].head].style, 9) >= rank:
                k -= 1
            del stack[k + 1 :]
            parent = stack[-1].head if stack else None
            stack.append(_List(key, n, {n: i}, i, parent, n))
            on_top(stack[-1])
            placed[i] = Placement(i, parent, None, "late", 1)
            continue
        lst = stack[same]
        if n <= lst.last or n in lst.used:
            expected = lst.next_free()
            placed[i] = Placement(i, lst.parent, lst.head, "repeat", expected, lst.used.get(n))
            # set aside: a list of its own, on top, that remembers what its siblings used
            stack.append(_List(key, n, dict(lst.used), i, lst.parent, expected))
            on_top(stack[-1])
            continue
        del stack[same + 1 :]
        placed[i] = Placement(i, lst.parent, lst.head, "skip", lst.last + 1)
        lst.use(n, i)
        lst.last, lst.head = n, i
        on_top(lst)
    return placed


class OutlineIndex:
    """The outline with its numbering worked out, to look up which sections a place in the text sits in."""

    def __init__(self, outline: list[Heading]):
        self.outline = outline
        self.placed = place_headings(outline)
        self._numbered = [i for i, h in enumerate(outline) if h.style]
        self._starts = [outline[i].start for i in self._numbered]
        self._ends: dict[int, int | None] | None = None

    def heading_before(self, offset: int) -> int | None:
        """The last numbered heading that starts at or before an offset."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._numbered[k] if k >= 0 else None

    def parent(self, index: int) -> int | None:
        """The heading outline[index] sits under, if any."""
        p = self.placed.get(index)
        return p.parent if p is not None else None

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
        if self._ends is None:
            self._ends = self._section_ends()
        if index in self._ends:
            end = self._ends[index]
        else:  # not a numbered heading: no heading is under it
            k = bisect.bisect_right(self._numbered, index)
            end = self._numbered[k] if k < len(self._numbered) else None
        return self.outline[end].start if end is not None else text_end

    def _section_ends(self) -> dict[int, int | None]:
        """For each numbered heading, the first later one not under it (None: none), in one pass.

        The headings no later heading has left yet are all ancestors of the latest one: a stack. A
        heading leaves those that are not its ancestors; its nearest ancestor still on the stack is
        found through links that skip the headings already left (path compression), so that a long chain
        of nested headings is not walked up again from every heading below it.
        """
        ends: dict[int, int | None] = {}
        stack: list[int] = []
        on_stack: set[int] = set()
        up: dict[int, int | None] = {}  # a heading already left -> an ancestor of it, nearer the stack

        def parent(k: int) -> int | None:
            p = self.placed.get(k)
            return p.parent if p is not None else None

        def nearest_open(k: int | None) -> int | None:
            path = []
            while k is not None and k not in on_stack:
                path.append(k)
                k = up[k] if k in up else parent(k)
            for left in path:  # (path compression: a heading once left is never on the stack again)
                up[left] = k
            return k

        for j in self._numbered:
            keep = nearest_open(parent(j))
            while stack and stack[-1] != keep:
                left = stack.pop()
                on_stack.discard(left)
                ends[left] = j
            stack.append(j)
            on_stack.add(j)
        for k in stack:
            ends[k] = None
        return ends
