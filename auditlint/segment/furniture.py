"""Page furniture: page numbers, and running headers and footers repeated from page to page."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from ..numbering import LINE_MARKER
from .lines import Line

PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*)?\d{1,3}(?:\s*[-—–－])?$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d{1,3}\s*/\s*\d{1,3}$"
)
_SENTENCE_PUNCT = re.compile(r"[，。；,;]")
# a line holding a figure and nothing else ("1,149.30", "99%"): a column of a table, not text around a page number
_FIGURE_LINE = re.compile(r"^[-+]?[\d,，.]+%?$")
# How far from a page break a page number or running head stands, in lines.
_EDGE = 2


class _Pages:
    """Where pages break, and how many lines with text come before each line: page edges in O(log n)."""

    def __init__(self, lines: list[Line]):
        self.breaks = [i for i, ln in enumerate(lines) if ln.page_break]
        # each page's first line with text: where a running head stands
        self.first_lines = set()
        for b in self.breaks:
            k = b
            while k < len(lines) and not lines[k].stripped:
                k += 1
            self.first_lines.add(k)
        self.filled = [0]
        for ln in lines:
            self.filled.append(self.filled[-1] + (1 if ln.stripped else 0))

    def content(self, a: int, b: int) -> int:
        return self.filled[b] - self.filled[a]

    def near_break(self, i: int) -> bool:
        """Within the first or last lines of a page (blank lines not counted)."""
        k = bisect.bisect_right(self.breaks, i)
        if k and self.content(self.breaks[k - 1], i) < _EDGE:
            return True
        end = self.breaks[k] if k < len(self.breaks) else len(self.filled) - 1
        return self.content(i + 1, end) < _EDGE


def furniture_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines that are page furniture, not content."""
    pages = _Pages(lines)
    found = _page_numbers(lines, pages) | _running_heads(lines, pages) | _title_as_running_head(lines)
    if pages.breaks:
        return found | _repeated_at_breaks(lines, pages.breaks, found)
    return found | _repeated_blocks(lines, found)


def _title_as_running_head(lines: list[Line]) -> set[int]:
    """The report's title (its first line) again on a line of its own in the middle of a paragraph — the line before
    it runs on into the line after — as a page's running head: a short report has too few pages for its running
    head to recur at page-sized intervals."""
    filled = [i for i, ln in enumerate(lines[:50]) if ln.stripped][:2]
    if not filled:
        return set()
    first = filled[0]
    # the title, on its first line or wrapped onto a second
    titles = {_compact(" ".join(lines[i].stripped for i in filled[:n])) for n in (1, 2)}
    titles = {t for t in titles if 6 <= len(t) <= 40 and not _SENTENCE_PUNCT.search(t) and not LINE_MARKER.match(t)}
    if not titles:
        return set()
    out: set[int] = set()
    openings = {t[0] for t in titles}
    for i in range(filled[-1] + 1, len(lines) - 1):
        text = lines[i].stripped
        if text and text[0] in openings and _compact(text) in titles:  # (the first letter asked first: cheap)
            before = next((lines[j].stripped for j in range(i - 1, first, -1) if lines[j].stripped), "")
            after = lines[i + 1].stripped
            if before and after and not before.endswith(_SENTENCE_ENDS) and not LINE_MARKER.match(after):
                out.add(i)
    return out


_SENTENCE_ENDS = ("。", "：", ":", "；", ";", "！", "？")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_number_between(text: str, before: str, after: str) -> bool:
    """Whether a line alone, between the lines with text `before` and `after`, is a page number where no page break
    is marked: "第 7 页", "- 7 -" wherever they stand; a bare number only between lines that are not figures (a
    table's column would be)."""
    if not PAGE_NUMBER.match(text):
        return False
    return not text.isdigit() or not _FIGURE_LINE.match(before) and not _FIGURE_LINE.match(after)


def _page_numbers(lines: list[Line], pages: _Pages) -> set[int]:
    out: set[int] = set()
    previous = ""  # the last line with text before this one
    for i, ln in enumerate(lines):
        text = ln.stripped
        if not text:
            continue
        if PAGE_NUMBER.match(text) and "\t" not in ln.text and "|" not in ln.text:  # (not a cell of a table)
            if pages.breaks:
                if pages.near_break(i):
                    out.add(i)
            else:
                nxt = next((lines[j].stripped for j in range(i + 1, min(len(lines), i + 50)) if lines[j].stripped), "")
                if page_number_between(text, previous, nxt):
                    out.add(i)
        previous = text
    return out


def _running_heads(lines: list[Line], pages: _Pages) -> set[int]:
    """The same short line recurring at page-sized intervals (at page edges where pages are marked)."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        text = ln.stripped
        if ln.shape != "words" or not 6 <= len(text) <= 40 or _SENTENCE_PUNCT.search(text):
            continue
        if LINE_MARKER.match(text):
            continue  # "（一）总体情况" recurs section after section: a numbered heading is content, not a page's head
        if pages.breaks and not pages.near_break(i):
            continue
        where[re.sub(r"\d+", "#", re.sub(r"\s+", "", text))].append(i)
    out: set[int] = set()
    for positions in where.values():
        if len(positions) < 3:
            continue
        if min(b - a for a, b in zip(positions, positions[1:])) >= 15 or _on_pages(positions, pages) >= max(3, len(pages.breaks) // 3):
            out.update(positions)
    return out


def _on_pages(positions: list[int], pages: _Pages) -> int:
    """On how many pages the line stands at the page's top (its first line): a running head printed on a third of the
    pages or more, however short some of them are (a page of a table with a few rows). Without marked pages, none."""
    tops = {bisect.bisect_right(pages.breaks, i) for i in positions if i in pages.first_lines}
    return len(tops)


def _repeated_at_breaks(lines: list[Line], breaks: list[int], furniture: set[int]) -> set[int]:
    """Lines a page repeats from the end of the page before (text dumps of overlapping page content)."""
    out: set[int] = set()
    for b in breaks:
        before = [i for i in range(max(0, b - 60), b) if lines[i].stripped and i not in furniture]
        after = [i for i in range(b, min(len(lines), b + 60)) if lines[i].stripped and i not in furniture]
        best = 0
        for m in range(min(len(before), len(after)), 1, -1):
            if [lines[i].stripped for i in before[-m:]] == [lines[i].stripped for i in after[:m]]:
                best = m
                break
        out.update(after[:best])
    return out


# A block of lines a page repeats, where pages are not marked: at least this many lines, opening with a line this long.
_MIN_REPEAT = 3
_MIN_REPEAT_OPENING = 10
_REPEAT_WINDOW = 30  # (a page repeats a few lines of the page before, not a section)


def _repeated_blocks(lines: list[Line], furniture: set[int]) -> set[int]:
    """A block of lines written twice in a row ("2.构建监控网络…" … "款、重大应急…" and the same again) in a text whose
    pages are not marked: a page dump of overlapping page content, joined without form feeds, repeats the end of a
    page at the start of the next. The second copy is page furniture, as _repeated_at_breaks makes it where pages
    are marked. A block is three lines or more and opens with a line of some length: a short line ("合计", "0.00")
    recurs in any table."""
    filled = [i for i, ln in enumerate(lines) if ln.stripped and i not in furniture]
    texts = [lines[i].stripped for i in filled]
    last: dict[str, int] = {}
    out: set[int] = set()
    p = 0
    while p < len(texts):
        text = texts[p]
        q = last.get(text)
        last[text] = p
        d = p - q if q is not None else 0
        if _MIN_REPEAT <= d <= _REPEAT_WINDOW and len(text) >= _MIN_REPEAT_OPENING and texts[q:p] == texts[p : p + d]:
            out.update(filled[p : p + d])
            for k in range(p, p + d):
                last[texts[k]] = k
            p += d
            continue
        p += 1
    return out
