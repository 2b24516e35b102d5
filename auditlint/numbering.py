"""Section numbering: the markers that number headings and list items, and Chinese numerals.

Reports number their parts 第一部分 › 一、 › （一） › 1. › （1） › ①, and 1.1 / 1.2 for
items of item 1. Four readers look for these markers, and each wants a slightly
different grammar, built here from the same pieces:

- reflow asks whether a line opens with a marker at all (a heading is never joined
  to the line before it): LINE_MARKER, loose on purpose;
- the statement parser asks which style and level a paragraph's marker has, to nest
  lists of figures (marker_style, item_number): the same grammar, split by style;
- the outline reads every marker with its number, at the start of a paragraph
  (OUTLINE_MARKER) or inline after a sentence (INLINE_MARKER), strictly: 一、二等奖
  is not item 一, 1.5万元 is not item 1.5;
- table labels ("一、财政拨款收入", "（二）…") are numbered rows (TABLE_LABEL_MARKER).

Where the readers differ, the difference is a keyword of line_markers() or a
separate piece below, named for what it decides.
"""

from __future__ import annotations

import re
from typing import Literal, Protocol

#: How a marker is written: 第一部分, 一、, （一）, 1.1, 1. / 1、, （1）, ①, ㈠.
Style = Literal["part", "cn", "pcn", "dotted", "num", "pnum", "circled", "pideo"]

# ------------------------------------------------------------------ Chinese numerals

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"千": 1000, "百": 100, "十": 10}
_NUMERAL = re.compile(
    r"(?:(?P<k>[一二两三四五六七八九])千)?"
    r"(?:(?P<z1>[零〇])?(?P<h>[一二两三四五六七八九])百)?"
    r"(?:(?P<z2>[零〇])?(?P<t>[一二三四五六七八九])?十)?"
    r"(?:(?P<z3>[零〇])?(?P<o>[一二三四五六七八九]))?"
)


def cn_number(text: str) -> int | None:
    """A number written in Chinese numerals (or digits), 0 to 9999: 十一 -> 11, 一百零一 -> 101,
    两千 -> 2000, 九千九百九十九 -> 9999; None for anything else ("十十", "二二")."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text in ("零", "〇"):
        return 0
    if text == "两":
        return 2  # 两个, 两场: 两 is how 2 counts things
    m = _NUMERAL.fullmatch(text)
    if m is None or not m.group(0):
        return None
    k, h, t, o = (m.group(g) for g in ("k", "h", "t", "o"))
    tens = "十" in text
    if m.group("z1") and not k or m.group("z2") and not (k or h) or m.group("z3") and not (k or h or tens):
        return None  # 零 only stands between two places: 一百零一, 一千零十
    if m.group("z3") and tens:
        return None  # 一百一十零一: nothing after the ones
    if tens and t is None and (k or h):
        t = "一"  # 一百十 is 一百一十
    value = sum(_DIGIT[d] * unit for d, unit in ((k, 1000), (h, 100), (t, 10)) if d)
    if tens and t is None:
        value += 10  # 十一: the leading 一 of the tens is not written
    if o:
        value += _DIGIT[o]
    return value


def cn_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 23 -> 二十三, 101 -> 一百零一, 9999 -> 九千九百九十九."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            out += ("零" if zero and out else "") + digits[d] + name
            zero = False
        elif out:
            zero = True
    return out


# ------------------------------------------------------------------ the grammar

_CN = "[一二三四五六七八九十]{1,3}"  # 一 … 九十九, as headings write their numbers
_NUM = r"\d{1,2}"
_DOTTED = r"\d{1,2}(?:[.．]\d{1,2})+"  # 1.1, 2.3.1
_OPEN, _CLOSE, _PUNCT = "[（(]", "[）)]", "[、.．]"
# "1.5万元", "2.3%": a figure, not item 1.5; nor "32.63公里。", a length wrapped to the head of a line
_NOT_A_QUANTITY = r"(?![万萬亿億千]?元|%|万|萬|亿|億|个|人|分|次|项|场|家|名|辆|公里|千米|平方|立方|公顷|公斤|千克|米|亩|吨)"
# "一、二等奖", "一等": ranks, not item 一
_NOT_A_RANK = r"(?![一二三四五六七八九十]\s*[、等]|等)"
_TITLE_START = r"[\u4e00-\u9fff“（(]"  # what a title opens with ("1.1项目概况", "1.1“三公”经费")


# "1、2015年因公出国（境）费 …", "4.2024年单位财政拨款收支预算总表": an item may open with a year, its number written
# right against it; "1、2、3" is no item 1, nor "1.5" (a year is four digits and 年)
_NOT_A_YEAR = r"(?!(?:19|20)\d\d\s*年)"


def line_markers(*, part_words: str = "部分章节条篇") -> dict[str, str]:
    """The markers a line may open with, by style, in the loose grammar that tells a heading line from the rest.

    part_words: the characters that may close 第X (the statement parser does not take 第X条 for a part).
    """
    return {
        "part": rf"第[一二三四五六七八九十百零\d]+[{part_words}]",
        "cn": rf"{_CN}\s*{_PUNCT}",
        "pcn": rf"{_OPEN}\s*{_CN}\s*{_CLOSE}",
        "dotted": rf"{_DOTTED}(?:{_PUNCT}|\s*(?={_TITLE_START}){_NOT_A_QUANTITY})",
        "num、": rf"{_NUM}\s*、(?![.．]|{_NOT_A_YEAR}\d)",
        "num.": rf"{_NUM}\s*[.．](?![.．]|{_NOT_A_YEAR}\d)",
        "pnum": rf"{_OPEN}\s*{_NUM}\s*{_CLOSE}",
        "circled": "[①-⑳㈠-㈩]",
    }


_LINE = line_markers()
#: A line that opens with a marker (reflow: such a line starts a paragraph of its own).
LINE_MARKER = re.compile(r"^\s*(?:" + "|".join(_LINE.values()) + ")")

_ITEM_LINE = re.compile(r"\n(?=\s*(?:" + "|".join(_LINE.values()) + "))")


def item_line_breaks(text: str) -> list[int]:
    """The offsets of the line breaks that open a numbered line ("…与上年持平\n2. 公务接待费…"): a new item is a
    new clause even where the line before it ends without punctuation."""
    return [m.start() for m in _ITEM_LINE.finditer(text)]


# The statement parser's styles and levels: 1、 and 1. are two styles (a list of 1、 items is not
# continued by 1. items), circled and ideographic markers one.
_LEVELS = line_markers(part_words="部分章节篇")
MARKER_LEVELS: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (style, re.compile(r"^\s*" + _LEVELS[style]), level)
    for style, level in (("part", 0), ("cn", 1), ("pcn", 2), ("dotted", 4), ("num、", 3), ("num.", 3), ("pnum", 4), ("circled", 5))
)


def marker_style(text: str) -> tuple[str, int] | None:
    """The numbering style of a paragraph's first marker and its level (0 = 第X部分), for nesting lists."""
    if not LINE_MARKER.match(text):
        return None
    for style, pattern, level in MARKER_LEVELS:
        if pattern.match(text):
            return style, level
    return None


def strip_marker(text: str) -> str:
    """A line without the marker it opens with."""
    m = LINE_MARKER.match(text)
    return text[m.end() :] if m else text


_ITEM = re.compile(rf"^\s*{_OPEN}?\s*(\d{{1,2}}(?:[.．]\d{{1,2}}(?!\d))*|{_CN})\s*[)）、.．]?")
_CIRCLED_ITEM = re.compile(r"^\s*([①-⑳])")


def item_number(text: str) -> int | None:
    """The number of a numbered item: 3、 (3) （三） 三、 ③ → 3; 1.2 → 2."""
    m = _ITEM.match(text)
    if m:
        token = m.group(1)
        if token[0].isdigit():
            return int(re.split(r"[.．]", token)[-1])
        return cn_number(token)
    m = _CIRCLED_ITEM.match(text)
    return ord(m.group(1)) - ord("①") + 1 if m else None


#: A marker at the start of a paragraph, read strictly, with its number (group STYLE_n).
OUTLINE_MARKER = re.compile(
    r"^\s*(?:"
    r"(?P<part>第\s*(?P<part_n>[一二三四五六七八九十百零〇\d]{1,3})\s*(?:部分|章))"
    rf"|(?P<cn>(?P<cn_n>{_CN})\s*{_PUNCT}{_NOT_A_RANK})"
    rf"|(?P<pcn>{_OPEN}\s*(?P<pcn_n>{_CN})\s*{_CLOSE}(?:\s*{_PUNCT})?)"  # （一）、: the 、 is the marker's
    rf"|(?P<dotted>(?P<dotted_n>{_DOTTED})(?:\s*{_PUNCT}|\s+|(?={_TITLE_START})){_NOT_A_QUANTITY})"
    rf"|(?P<num>(?P<num_n>{_NUM})\s*[、.．](?![.．]|{_NOT_A_YEAR}\d))"
    rf"|(?P<pnum>{_OPEN}\s*(?P<pnum_n>{_NUM})\s*{_CLOSE}(?:\s*{_PUNCT})?)"
    r"|(?P<circled>[①-⑳])"
    r"|(?P<pideo>[㈠-㈩])"
    r")"
)

#: A marker inside running text: （二） anywhere but in a citation ("第（一）项"); 二、 only right after
#: a sentence or a colon ("如下：一、…"), never in "一、二等奖".
# ("会议文件(四)", "附件(二)", "支出决算表(一)": the number of the document, attachment or table it follows)
INLINE_MARKER = re.compile(
    rf"(?P<pcn>(?<![第件表图]){_OPEN}(?P<pcn_n>{_CN}){_CLOSE}(?![项款目条类号级等]))"
    rf"|(?<=[。；;：:！？!?])\s*(?P<cn>(?P<cn_n>{_CN})、{_NOT_A_RANK})"
)
#: Where an inline marker may begin: its bracket, or the space or numeral after a sentence.
INLINE_MARKER_STARTS = r"[（(\s一二三四五六七八九十]"

#: A table label's numbering ("一、财政拨款收入", "（二）…", "1."), with the blanks after it. A row numbered
#: "1." may go on with anything but a digit ("1.."), where a line's marker may not.
TABLE_LABEL_MARKER = re.compile(
    rf"^\s*(?:(?P<cn>{_CN})\s*{_PUNCT}|{_OPEN}\s*(?P<pcn>{_CN})\s*{_CLOSE}"
    rf"|(?P<num>{_NUM})\s*{_PUNCT}(?!\d)|{_OPEN}\s*(?P<pnum>{_NUM})\s*{_CLOSE})\s*"
)

STYLES: tuple[Style, ...] = ("part", "cn", "pcn", "dotted", "num", "pnum", "circled", "pideo")


def outline_style(m: re.Match[str]) -> Style:
    """Which style an OUTLINE_MARKER match is."""
    return next(name for name in STYLES if m.group(name))


def outline_number(style: Style, m: re.Match[str]) -> int | None:
    """The number an OUTLINE_MARKER (or INLINE_MARKER) match gives its item: 1.2 → 2, ③ → 3."""
    if style == "circled":
        return ord(m.group("circled")) - ord("①") + 1
    if style == "pideo":
        return ord(m.group("pideo")) - ord("㈠") + 1
    raw = m.group(f"{style}_n")
    if style == "dotted":
        raw = re.split(r"[.．]", raw)[-1]
    return cn_number(raw.strip())


class Marked(Protocol):
    """Something numbered: its style and its marker as written (a Heading)."""

    style: str
    marker: str


def marker_for(like: Marked, n: int) -> str:
    """The marker for item n written the way `like` writes its own ("（三）" → "（九）", "1、" → "4、")."""
    style, m = like.style, like.marker
    if style == "part":
        return f"第{cn_numeral(n)}部分"
    if style == "cn":
        return f"{cn_numeral(n)}{m[-1] if m else '、'}"
    if style == "pcn":
        return f"{m[:1] or '（'}{cn_numeral(n)}{'）' if '）' in m else ')'}"
    if style == "pnum":
        return f"{m[:1] or '（'}{n}{'）' if '）' in m else ')'}"
    if style == "num":
        return f"{n}{m[-1] if m else '.'}"
    if style == "dotted":
        prefix = re.split(r"[.．]", m)[0]
        return f"{prefix}.{n}"
    if style == "circled":
        return chr(ord("①") + n - 1)
    if style == "pideo":
        return chr(ord("㈠") + n - 1)
    return str(n)


def marker_written(like: Marked, n: int) -> str:
    """A pattern for item n of `like`'s list written anywhere (inline, say): "3、", "（三）", "第三部分" …"""
    style = like.style
    if style == "num":
        return rf"(?<![\d.．]){n}\s*[、.．](?!{_NOT_A_YEAR}\d)"
    if style == "pnum":
        return rf"[（(]\s*{n}\s*[）)]"
    # a letter-spaced line ("第 二 部 分", "十 一 、") still writes the marker: a blank may part its letters
    numeral = r"\s*".join(cn_numeral(n))
    if style == "pcn":
        return rf"[（(]\s*{numeral}\s*[）)]"
    if style == "cn":
        return rf"(?<![一二三四五六七八九十])(?<![一二三四五六七八九十]\s){numeral}\s*[、.．]"
    if style == "part":
        return rf"第\s*{numeral}\s*部\s*分"
    return re.escape(marker_for(like, n))
