"""Reflow: turn a document's lines into normalised paragraphs, keeping a map back to the original.

PDF-born text breaks lines every half sentence and leaves page numbers between
them; Word-born text keeps a paragraph a line; forms put fields in tab- or
pipe-separated cells. Reflow undoes all of that so a sentence is one string,
while every character still knows its offset in the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..numbering import LINE_MARKER
from ..segment.furniture import page_number_between
from ..segment.lines import unit_wrapped

# Full-width digits, letters and punctuation that only change how a number is written.
_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "％": "%",
        "－": "-",
        "−": "-",
        "\u3000": " ",
        "\xa0": " ",
        "\t": " ",
        "\r": " ",
    }
)

_NEEDS_FULLWIDTH = re.compile("[" + "".join(map(chr, _FULLWIDTH)) + "]")  # translate is slow: only when needed

_TERMINAL = re.compile(r"[。！？!?][”’」』）)]*$")
_CLOSERS = "”’」』）)"


def _ends_sentence(text: str) -> bool:
    """_TERMINAL.search(text) for a stripped line, read from its end: searching tries every 。 of the line."""
    end = text.rstrip(_CLOSERS)
    return end[-1:] in ("。", "！", "？", "!", "?")
_JOIN_AFTER = re.compile(r"[，、；：,;:（(“‘《\-—～~的]$")  # (a line never ends a heading or a sentence with 的)
_JOIN_BEFORE = re.compile(
    r"^(?:[，、。；：,;:）)%”’》的]|万元|亿元|元(?!旦)|[\d,.]+\s*(?:%|万元|亿元|元)\s*[，。；、,;）)])"
)
_TABS = re.compile(r"\t+")
_BREAK_START = re.compile(r"[\s|]")
_SPACES = re.compile(r"\s*")
_SENTENCE_PUNCT = re.compile(r"[，。；,;]")
_FIGURES = re.compile(r"\d+")
_FIRST_ITEM = re.compile(r"[（(]?[1一１][、.．)）]")
# a line ending on a change, a total or the base of a comparison ("较上年") that wants its amount, and a line opening
# with an amount to the cent
_CHANGE_AT_END = re.compile(r"(?:减少|增加|增长|下降|减收|增收|合计|共计|总计|累计|上年|上年度|年初预算)$")
_AMOUNT_AT_START = re.compile(r"\d[\d,]*\.\d{2}(?![\d.．])")


_NARROW = re.compile(r"[\x00-\u2e7f]")


def display_width(text: str) -> int:
    """Columns on the page: CJK characters (from U+2E80) take two. Counted through the few narrow ones."""
    return 2 * len(text) - len(_NARROW.findall(text))


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str
    hard: bool  # a table cell or form field: never joined to its neighbours
    width: int = 0
    heading: bool = False  # starts with a heading marker (LINE_MARKER): matched once, asked up to four times
    pieces: tuple[tuple[str, int], ...] = ()  # a letter-spaced line without its spacing: (text, original offset)
    after_blank: bool = False  # a blank line stands between it and the line with text before it
    inline: bool = False  # a piece of a page put on one line: the line break before it was a space


@dataclass(slots=True)
class Paragraph:
    """One reflowed paragraph: [start, end) in Reflowed.text."""

    start: int
    end: int
    cell: bool = False
    inline: bool = field(default=False, repr=False)  # opens inside a line (a page put on one line): where the text's own line breaks were lost


@dataclass
class Reflowed:
    """Normalised text, paragraphs separated by newlines, and its map to the original."""

    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    _seg_norm: list[int] = field(default_factory=list)
    _seg_orig: list[int] = field(default_factory=list)

    def origin(self, i: int) -> int:
        """Original offset of normalised character i."""
        k = bisect.bisect_right(self._seg_norm, i) - 1
        if k < 0:
            return 0
        return self._seg_orig[k] + (i - self._seg_norm[k])

    def locate(self, offset: int) -> int:
        """Normalised position of an original offset (the inverse of origin, for text that was kept)."""
        k = bisect.bisect_right(self._seg_orig, offset) - 1
        if k < 0:
            return 0
        return self._seg_norm[k] + min(offset - self._seg_orig[k], self._seg_len(k))

    def _seg_len(self, k: int) -> int:
        end = self._seg_norm[k + 1] if k + 1 < len(self._seg_norm) else len(self.text)
        return max(0, end - self._seg_norm[k] - 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalised [start, end)."""
        if end <= start:
            o = self.origin(start)
            return o, o
        norm = self._seg_norm
        k = bisect.bisect_right(norm, start) - 1
        if k >= 0 and (k + 1 == len(norm) or end - 1 < norm[k + 1]):
            # both ends in one segment, as for nearly every figure and word: one look-up, not two
            shift = self._seg_orig[k] - norm[k]
            return start + shift, end + shift
        return self.origin(start), self.origin(end - 1) + 1


def _cell_breaks(raw: str) -> list[tuple[int, int]]:
    """Where a row written as text breaks into cells: a run of tabs, or a bar with the spaces around it —
    the matches of the pattern ``\\t+|\\s*\\|\\s*``, found in one pass: the pattern itself would scan a long run of
    spaces again from each of them (quadratic)."""
    breaks: list[tuple[int, int]] = []
    pos, n = 0, len(raw)
    while (m := _BREAK_START.search(raw, pos)) is not None:
        pos = m.start()
        if raw[pos] == "\t":
            end = _TABS.match(raw, pos).end()
        else:
            run_end = _SPACES.match(raw, pos).end()
            if run_end == n or raw[run_end] != "|":
                # no bar after these spaces: they break only at their tabs
                breaks.extend((t.start(), t.end()) for t in _TABS.finditer(raw, pos, run_end))
                pos = run_end
                continue
            end = _SPACES.match(raw, run_end + 1).end()
        breaks.append((pos, end))
        pos = end
    return breaks


def _units(content: str, hard: list[tuple[int, int]] = (), skip: set[int] = frozenset()) -> list[_Unit]:
    units: list[_Unit] = []
    pos = 0
    k = 0
    blank = False
    after_blank: list[int] = []  # the units a blank line stands before
    for raw in content.split("\n"):
        line_start = pos
        pos += len(raw) + 1
        if line_start in skip:
            continue
        if not raw.strip():
            blank = True
            continue
        if blank:
            after_blank.append(len(units))
            blank = False
        while k < len(hard) and hard[k][1] <= line_start:
            k += 1
        if k < len(hard) and hard[k][0] <= line_start < hard[k][1]:
            # a row of a table flattened into text: a unit of its own, never joined to prose
            stripped = raw.strip()
            s = line_start + len(raw) - len(raw.lstrip())
            units.append(_Unit(s, s + len(stripped), stripped, hard=True))
            continue
        if "\t" in raw or "|" in raw:
            cells = _cell_breaks(raw)
            if cells:
                bounds, prev = [], 0
                for a, b in cells:
                    bounds.append((prev, a))
                    prev = b
                bounds.append((prev, len(raw)))
                for a, b in bounds:
                    piece = raw[a:b]
                    stripped = piece.strip()
                    if stripped:
                        lead = len(piece) - len(piece.lstrip())
                        s = line_start + a + lead
                        units.append(_Unit(s, s + len(stripped), stripped, hard=True))
                continue
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        s = line_start + lead
        units.append(_Unit(s, s + len(stripped), stripped, hard=False))
    for i in after_blank:
        if i < len(units):  # (a last line of bars alone gives no unit)
            units[i].after_blank = True
    return units


# A space that only spreads a justified line (WPS exports "本 年 收 入 合 计 2946.25 万 元"): between two
# CJK characters or punctuation (full-width, or the ASCII , ; : ( ) that many exports use instead), or
# between a figure and the CJK word or unit beside it. A space after an ASCII comma before a figure stays:
# "81000 , 2946" must not close up into one grouped number.
_SPREAD = re.compile(
    r"(?<=[\u4e00-\u9fff，。；：、（）“”%\d,;:()])[ \u3000](?=[\u4e00-\u9fff，。；：、（）“”%,;:()])"
    r"|(?<=[\u4e00-\u9fff，。；：、（）“”(])[ \u3000](?=\d)"
)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def close_up(text: str) -> str:
    """Text with the spaces that only spread its letters taken out (offsets are not kept: for reading words)."""
    return _SPREAD.sub("", text) if _letter_spaced(text) else text


def _letter_spaced(text: str) -> bool:
    """A line whose characters are spread by spaces: most CJK characters stand a space apart."""
    if text.count(" ") + text.count("\u3000") < 5:
        return False  # (nearly every line: asked before anything is counted)
    cjk = len(_CJK_CHAR.findall(text))
    return cjk >= 6 and len(_SPREAD.findall(text)) * 10 >= (cjk - 1) * 6


def _close_up(unit: _Unit) -> None:
    """A letter-spaced unit as the words it spells, each piece keeping its place in the original."""
    pieces: list[tuple[str, int]] = []
    pos = 0
    for m in _SPREAD.finditer(unit.text):
        if m.start() > pos:
            pieces.append((unit.text[pos : m.start()], unit.start + pos))
        pos = m.end()
    if pos < len(unit.text):
        pieces.append((unit.text[pos:], unit.start + pos))
    unit.pieces = tuple(pieces)
    unit.text = "".join(p for p, _ in pieces)


# Where a page put on one line (document sites, some extractions: "…支出决算为 20.04 万元，完成年 初预算的 25.83%。")
# had its line breaks: a space between two CJK characters, or after CJK punctuation before one. Prose puts no space
# there; a figure's spaces ("为 20.04 万元") are the extraction's and stay.
_PAGE_WRAP = re.compile(r"(?<=[\u4e00-\u9fff，。；：、）”])[ \u3000]+(?=[\u4e00-\u9fff（“])")
_PAGE_WIDTH = 300  # columns: a line this long holding such spaces is a page (or more), not a paragraph
_PAGE_WRAP_EVERY = 120  # columns: a page's lines are shorter (a third of its breaks, next to figures, leave no mark)


def _split_page(unit: _Unit) -> list[_Unit]:
    """A page put on one line, as the lines it was: pieces at its wrap spaces, each after the first `inline`. Any
    other unit (a table cell, a letter-spaced line already closed up, a line shorter than a page) as it is."""
    if unit.hard or unit.pieces or unit.width < _PAGE_WIDTH:
        return [unit]
    breaks = list(_PAGE_WRAP.finditer(unit.text))
    if len(breaks) < 3 or len(breaks) * _PAGE_WRAP_EVERY < unit.width:
        return [unit]  # (a paragraph with a slogan or two spaced out, "学党史 悟初心 …", is no page)
    pieces: list[_Unit] = []
    pos = 0
    for m in [*breaks, None]:
        end = m.start() if m else len(unit.text)
        text = unit.text[pos:end]
        piece = _Unit(unit.start + pos, unit.start + end, text, hard=False, inline=bool(pieces))
        piece.width = display_width(text)
        piece.heading = LINE_MARKER.match(text) is not None
        pieces.append(piece)
        pos = m.end() if m else end
    pieces[0].after_blank = unit.after_blank
    return pieces


def _inline_joins(a: _Unit, b: _Unit) -> bool:
    """Whether a piece of a page on one line goes on the paragraph before it: always, unless it opens a heading
    or an item after a sentence, a colon or a title, or follows a heading that stands alone."""
    if b.heading:
        return not (_ends_sentence(a.text) or a.text.endswith(("：", ":")) or not _SENTENCE_PUNCT.search(a.text))
    return not (a.heading and not _SENTENCE_PUNCT.search(a.text, 2))


def _drop_page_numbers(units: list[_Unit]) -> list[_Unit]:
    keep: list[_Unit] = []
    for i, u in enumerate(units):
        if not u.hard:
            before = units[i - 1].text if i else ""
            after = units[i + 1].text if i + 1 < len(units) else ""
            if page_number_between(u.text, before, after):
                continue
        keep.append(u)
    return keep


def _drop_running_heads(units: list[_Unit]) -> list[_Unit]:
    """Page headers and footers: the same short line recurring at page-sized intervals."""
    where: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if not u.hard and 6 <= len(u.text) <= 40 and not _SENTENCE_PUNCT.search(u.text) and not u.heading:
            where.setdefault(re.sub(r"\d+", "#", u.text), []).append(i)
    drop: set[int] = set()
    for positions in where.values():
        if len(positions) >= 3 and min(b - a for a, b in zip(positions, positions[1:], strict=False)) >= 15:
            drop.update(positions)
    return [u for i, u in enumerate(units) if i not in drop] if drop else units


def _wrap_width(units: list[_Unit]) -> int | None:
    """The width at which the text was hard-wrapped, if it was.

    A wrapped text has a cluster of lines at (nearly) the same width — lines mixing
    CJK and ASCII stop a few columns short — and those lines mostly stop mid-sentence,
    where a paragraph-per-line text stops at a 。.
    """
    # (a numbered item that is a sentence is prose too: "1.根据部门职责分工,本部门内设机构包括…" wraps like the rest)
    body = [u for u in units if not u.hard and u.width >= 16 and (not u.heading or _SENTENCE_PUNCT.search(u.text[2:]))]
    if len(body) < 4:
        return None
    widths = sorted(u.width for u in body)
    total = [0]
    for w in widths:
        total.append(total[-1] + w)
    windows = []
    lo = 0
    for hi, w in enumerate(widths):  # each window [w-10, w] and how many lines it holds
        while widths[lo] < w - 10:
            lo += 1
        windows.append((hi - lo + 1, w))
    windows.sort(reverse=True)  # the densest first (of two as dense, the wider)
    for count, best in windows:
        if best > 140 or count < max(4, len(widths) * 0.2):
            return None
        near_volume = total[bisect.bisect_right(widths, best + 2)] - total[bisect.bisect_left(widths, best - 10)]
        far = bisect.bisect_right(widths, best + 10)
        if len(widths) - far < 2 or total[-1] - total[far] < near_volume:
            break
        # a page wraps every line of its prose: where lines running far past this width (more than one: a page dump
        # may keep a table's row or a whole page on one line) hold more of the text than those stopping at it, these
        # are a few short lines (a web page's furniture, a figure's unit or sign wrapped away, a title repeated on
        # every page) among longer ones, and the page's width, if any, is another
    else:
        return None
    near = [u for u in body if best - 10 <= u.width <= best + 2]
    open_ended = sum(1 for u in near if not _ends_sentence(u.text))
    return best if open_ended * 2 > len(near) else None


def _blank_lines_break(units: list[_Unit]) -> bool:
    """Whether a blank line ends a paragraph here: the text's lines mostly follow one another without one (a text
    that puts a blank line after every line, as some extractions do, says nothing by it)."""
    prose = [u for u in units if not u.hard]
    return len(prose) >= 4 and sum(u.after_blank for u in prose) * 2 < len(prose)


def _is_heading(unit: _Unit, wrap: int | None) -> bool:
    if not unit.heading or _SENTENCE_PUNCT.search(unit.text[2:]):
        return False
    limit = wrap * 0.8 if wrap else 80
    return unit.width < limit


def _filled_across_blank(a: _Unit, b: _Unit, wrap: int | None) -> bool:
    """A blank line where a page broke, not where a paragraph ended: a page dump that parts its pages with blank lines
    instead of form feeds puts one in the middle of a sentence, after a line filled (nearly) to the page that ends
    none ("…比年初预算减" / "" / "少 929.49 万元，下降 4.35%。"), before a line that opens no item and goes on as
    prose does (a clause or a figure in it, or filled to the page itself)."""
    if not wrap or a.width < wrap * 0.8 or _ends_sentence(a.text) or b.heading or _is_heading(a, wrap):
        return False
    # (or a figure in it: "事业单位离退休（项）210.68 万" whose 元 a wrap sent on to the next line)
    return _SENTENCE_PUNCT.search(b.text) is not None or b.width >= wrap * 0.8 or _FIGURES.search(b.text) is not None


def _joins(a: _Unit, b: _Unit, wrap: int | None, blank_breaks: bool = False) -> bool:
    if a.hard or b.hard:
        return False
    if b.inline:
        return _inline_joins(a, b)
    if unit_wrapped(a.text, b.text):
        return True  # "1.一般公共服务支出600.00万" / "元，占60.00%。": a unit wrapped away from its figure
    if blank_breaks and b.after_blank and not _filled_across_blank(a, b, wrap):
        return False
    if b.heading:
        if _CHANGE_AT_END.search(a.text) and _AMOUNT_AT_START.match(b.text):
            # "…与上年相比，收入减少" / "84.55、支出总计减少…", "…较上年" / "2.08减少0.03万元": the amount the words
            # want, not an outline's item 84.55 or 2.08
            return True
        # "…行政在职人数" / "19、参照公务员管理的事业在职人数0、全部补助…": a figure and 、 opening a line of a wrapped
        # paragraph, after a line of prose (no item of its own) filled to the page that ends no sentence, and filled to
        # the page itself and stating things as prose does (a heading is short, and no contents entry has a clause or
        # two figures)
        # (a list's first item after a label is no wrap: "…情况" / "1. 2021年12月，…")
        prose = _SENTENCE_PUNCT.search(b.text, 2) is not None or len(_FIGURES.findall(b.text, 3)) >= 2
        if not wrap or not prose or _FIRST_ITEM.match(b.text) or a.heading or _ends_sentence(a.text):
            return False
        return a.width >= wrap - 4 and b.width >= wrap * 0.85
    if _ends_sentence(a.text):
        # a hard-wrapped paragraph's line may end a sentence mid-paragraph: a line filled to the wrap goes on
        return bool(wrap) and a.width >= wrap - 2 and not _is_heading(a, wrap)
    if _is_heading(a, wrap):
        return False
    if _JOIN_BEFORE.match(b.text) or _JOIN_AFTER.search(a.text):
        return True
    if wrap:
        if a.width < wrap * 0.8 and not _SENTENCE_PUNCT.search(a.text):
            return False  # a short line with no clause in it ("全省一般公共预算教育经费增长情况") is a title, not a wrapped line
        return a.width >= wrap * 0.6
    return False


def reflow(content: str, hard: list[tuple[int, int]] = (), skip: list[tuple[int, int]] = ()) -> Reflowed:
    """content reflowed; lines inside the `hard` spans (tables flattened into text) stay units of their own,
    and lines given in `skip` (page furniture, by their [start, end)) are left out."""
    units = _units(content, sorted(hard), {a for a, _ in skip})
    spread = False  # the unit before was letter-spaced: a short line after it is spread the same way
    for u in units:
        if not u.hard and (_letter_spaced(u.text) or spread and _SPREAD.search(u.text)):
            _close_up(u)
            spread = True
        else:
            spread = False
        u.width = display_width(u.text)
        u.heading = LINE_MARKER.match(u.text) is not None
    units = _drop_running_heads(_drop_page_numbers(units))
    wrap = _wrap_width(units)
    blank_breaks = _blank_lines_break(units)
    if any(u.width >= _PAGE_WIDTH for u in units):
        units = [p for u in units for p in _split_page(u)]

    out = Reflowed()
    pieces: list[str] = []
    length = 0

    def emit(text: str, orig: int) -> None:
        nonlocal length
        out._seg_norm.append(length)
        out._seg_orig.append(orig)
        pieces.append(text)
        length += len(text)

    para_start = 0
    para_inline = False
    for i, u in enumerate(units):
        if i:
            prev = units[i - 1]
            if _joins(prev, u, wrap, blank_breaks):
                if prev.text[-1:].isascii() and prev.text[-1:].isalnum() and u.text[:1].isascii() and u.text[:1].isalnum():
                    emit(" ", prev.end)
            else:
                out.paragraphs.append(Paragraph(para_start, length, cell=prev.hard, inline=para_inline))
                emit("\n", prev.end)
                para_start = length
                para_inline = u.inline
        for text, orig in u.pieces or ((u.text, u.start),):
            emit(text.translate(_FULLWIDTH) if _NEEDS_FULLWIDTH.search(text) else text, orig)
    if units:
        out.paragraphs.append(Paragraph(para_start, length, cell=units[-1].hard, inline=para_inline))
    out.text = "".join(pieces)
    return out
