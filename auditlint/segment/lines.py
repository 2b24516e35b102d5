"""Lines of text and what each looks like: a sentence, a table row, a header, a caption, a fragment.

This is the first look at flattened text: every line is split into tokens —
figures (bare numbers, as tables write them), classification codes (208,
20805, 2080505, or 208 05 05 in three parts), labels (words, possibly opened
by a row number such as 一、 or 1.) — and given the shape that the segmenter
then reads in context. Nothing here decides what a line *is*; it only says what
it looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..numbering import TABLE_LABEL_MARKER

_FULLWIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "％": "%", "，": ",", "－": "-", "\u3000": " ", "\xa0": " "}
)

# A figure as a table writes it: grouped or not, decimals or not, perhaps negative, perhaps a percentage.
_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
# A unit or a date word after a figure makes it a figure of a sentence, not a table's cell.
_UNIT_AFTER = re.compile(
    r"^(?:万|亿|千|元|年|月|日|号|个|人|项|次|家|名|辆|台|套|分|倍|篇|条|期|所|支|天|小时|平方米|处|件|册|户|批|部|门"
    r"|块|栋|座|届|课时|学时|周|岁|%|‰|[-—~～至/])"
)
# The same, as the next word after a space ("2946.25 万 元" in a letter-spaced line; "2024 年度").
_UNIT_WORD = re.compile(
    r"^(?:(?:万|亿|千|万元|亿元|千元|元|%|年|年度|月|日)(?:$|[，。；、,;）)])"
    r"|(?:个|人|项|次|家|名|辆|台|套|分|倍|篇|条|期|所|天|小时|平方米|处|件|册|户|批|块|栋|座|届|课时|学时|周|岁|人次|万人)(?:$|[，。；、,;）)]|[\u4e00-\u9fff]{0,2}$))"
)
# A word that continues a sentence after a figure: "年度目标 1 的产出指标", "增长 5 倍".
_PARTICLE = re.compile(r"^[的为是了等中以至到及和与或在个名项次家所]")
# A list marker written like a figure: "1.1 年度目标…", "2.3 项目…".
_DOTTED_MARKER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# "2.“公共安全支出”350.56 万" + "元，占 1.84%；": a figure ending a line, its unit beginning the next
_FIGURE_END = re.compile(r"\d\s*[万亿]?$")
_UNIT_START = re.compile(r"^(?:[万亿]\s*元|元(?!旦)|%|％)")


def unit_wrapped(line: str, next_line: str) -> bool:
    """Whether a figure at the end of `line` lost its unit to the start of `next_line` (both stripped)."""
    last = line[-1:]  # (asked of every pair of lines: what _FIGURE_END can end with is looked at first)
    if not last or not (last.isdecimal() or last in "万亿" or last.isspace()):
        return False
    return bool(_UNIT_START.match(next_line)) and bool(_FIGURE_END.search(line))
_LABEL_START = re.compile(r"^[\u4e00-\u9fff（(“\"]")
_RUN = re.compile(r"\S+")
FUNCTIONAL_CODE = re.compile(r"^2\d{2}(?:\d{2}){0,2}$")
ECONOMIC_CODE = re.compile(r"^[35]\d{2}(?:\d{2}){0,2}$")
_CODE = re.compile(r"^[235]\d{2}(?:\d{2}){0,2}$")
_CODE_PART = re.compile(r"^\d{2}$")
_SENTENCE = re.compile(r"[，。；;！？!?]|[,:：](?!$)")
# Leader dots: a run of four or more at the end of the line (before a page number), or anywhere "……"
# or "......". The end is read on the reversed line, so that a long run of dots in the middle of a
# line is not tried again from each of its dots (quadratic). An ellipsis that opens or closes a quotation, or runs
# on into words or punctuation, is prose leaving words out, not leader dots: a law quoted in part
# ("按照《预算法》第三十五条“……省、自治区、直" — a line a page wrapped before its first comma).
_LEADER_AT_END = re.compile(r"\s*+\d*+\s*+[.…·。．_-]{4}")
_LEADER_ANYWHERE = re.compile(r"(?<![“‘\"])…{2,}(?![…”’\"\u4e00-\u9fff，。；;,、：:])|\.{6,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PROSE = re.compile(r"[，。；！？;!?]")
_LEAD_DETAIL = re.compile(r"^(?:其中|含)[：:]\s*")

Shape = Literal["blank", "row", "words", "sentence", "leader"]


@dataclass(slots=True)
class Token:
    """One token of a line: a figure, a code or a word, with its offsets in the document."""

    kind: Literal["figure", "code", "part", "word"]
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Line:
    """One line of a text block: where it is, its text, its tokens and its shape."""

    start: int
    end: int
    text: str
    page_break: bool = False  # a form feed opens it: a new page starts here
    tokens: list[Token] = field(default_factory=list)
    shape: Shape = "blank"
    stripped: str = ""  # the text without the blanks around it (asked often: kept, not recomputed)

    @property
    def figures(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "figure"]

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word"]

    @property
    def opens_with_code(self) -> bool:
        return bool(self.tokens) and self.tokens[0].kind == "code"

    @property
    def row_numbered(self) -> bool:
        return bool(TABLE_LABEL_MARKER.match(self.stripped))


def _tokens(text: str, offset: int) -> list[Token]:
    norm = text.translate(_FULLWIDTH)
    runs = [(m.start(), m.group()) for m in _RUN.finditer(norm)]
    out: list[Token] = []
    for k, (at, run) in enumerate(runs):
        m = _FIGURE.match(run)
        rest = run[m.end():] if m else run
        after = runs[k + 1][1] if k + 1 < len(runs) else ""
        year = not rest and _YEAR.match(run) and after.startswith("年")
        year = year or (not rest and bool(_PARTICLE.match(after))) or (k == 0 and not rest and _DOTTED_MARKER.match(run) and _LABEL_START.match(after))
        if m is None or year or (rest and _UNIT_AFTER.match(rest)) or (not rest and _UNIT_WORD.match(after)) or (rest and not _LABEL_START.match(rest)):
            out.append(Token("word", run, offset + at, offset + at + len(run)))
            continue
        a = offset + at
        out.append(_figure_or_code(m.group(), a, a + m.end(), out, rest))
        if rest:
            out.append(Token("word", rest, a + m.end(), a + len(run)))
    return _merge_words(_codes_before_figures(out))


def _figure_or_code(piece: str, a: int, b: int, before: list[Token], glued: str) -> Token:
    """A number is a classification code where a code stands: first on the line, or opening the next side."""
    if glued and _CODE.match(piece) and not before and len(piece) in (3, 5, 7):
        return Token("code", piece, a, b)  # "310资本性支出": a code glued to its name
    if not glued and _CODE.match(piece):
        prev = before[-1] if before else None
        if prev is None or prev.kind == "part":
            return Token("code", piece, a, b)
        if prev.kind in ("figure", "word", "code") and len(piece) in (5, 7):
            return Token("code", piece, a, b)  # the second side of a row: "30113 住房公积金 431.39 30212 13.24"
        if prev.kind == "figure" and len(piece) == 3 and ECONOMIC_CODE.match(piece):
            return Token("code", piece, a, b)  # "301 工资福利支出 11,860.23 302 商品和服务支出 1,844.57"
    if _CODE_PART.match(piece) and before and before[-1].kind in ("code", "part") and len(before[-1].text) <= 3:
        return Token("part", piece, a, b)  # "208 05 01": 类 款 项 in three columns
    return Token("figure", piece, a, b)


def _codes_before_figures(tokens: list[Token]) -> list[Token]:
    """A three-digit code directly followed by figures is a code only where those figures read as amounts.

    "215 403.71 403.71" is a 类 whose name wrapped onto other lines; "250 300" is two figures.
    """
    if len(tokens) >= 2 and tokens[0].kind == "code" and len(tokens[0].text) == 3 and tokens[1].kind == "figure":
        if not any("." in t.text or "," in t.text for t in tokens[1:] if t.kind == "figure"):
            tokens[0] = Token("figure", tokens[0].text, tokens[0].start, tokens[0].end)
    return tokens


def _merge_words(tokens: list[Token]) -> list[Token]:
    """Adjacent words are one label ("其他 城乡社区支出" stays apart only where a figure or code separates them)."""
    out: list[Token] = []
    for t in tokens:
        if t.kind == "word" and out and out[-1].kind == "word" and not TABLE_LABEL_MARKER.match(t.text):
            prev = out[-1]
            out[-1] = Token("word", prev.text + " " + t.text, prev.start, t.end)
        else:
            out.append(t)
    return out


# Word's page-reference field left in a contents entry copied out of a .doc ("一、主要职责 PAGEREF _Toc32310 \h 3",
# the backslash often lost on the way): the field stands where the leader dots were.
_PAGE_FIELD = re.compile(r"PAGEREF\s*_Toc\d+\s*\\?h\s*\d{0,4}\s*$")


def has_leader_dots(text: str) -> bool:
    """Whether a line holds leader dots: four or more at its end (before a page number), or "……" or "......";
    or, in their place, Word's page-reference field."""
    return bool(_LEADER_AT_END.match(text[::-1]) or _LEADER_ANYWHERE.search(text) or _PAGE_FIELD.search(text))


def _shape(line: Line) -> Shape:
    text = line.stripped
    if not text:
        return "blank"
    if has_leader_dots(text):
        return "leader"
    label_text = _LEAD_DETAIL.sub("", " ".join(t.text for t in line.tokens if t.kind == "word"))
    if line.opens_with_code or _tabular_figures(line):
        if _SENTENCE.search(_without_brackets(label_text)):
            return "sentence"
        return "row"
    # "其中:政府性基金预算财政拨款": a table's detail row opened by 其中, its colon no sentence's
    if _SENTENCE.search(_without_brackets(_LEAD_DETAIL.sub("", text))) or text.endswith(("。", "：", ":")):
        return "sentence"
    return "words"


def _tabular_figures(line: Line) -> bool:
    """Figures as a table holds them: an amount (decimals, grouping, 0), or several, or beside a label.

    A lone small number on a line ("1", "12") is a page or list number, not a row.
    """
    figures = line.figures
    if not figures:
        return False
    if len(figures) >= 2 or len(line.tokens) > len(figures):
        return True
    text = figures[0].text
    return "." in text or "," in text or text == "0" or len(text.lstrip("-")) >= 4


_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")


def _without_brackets(text: str) -> str:
    # "其他对个人和家庭的补助（其中：抚恤金）" keeps its colon inside the brackets
    if "（" not in text and "(" not in text:
        return text  # (most lines: no bracket to take out)
    return _BRACKETED.sub("", text)


def split_lines(content: str, start: int, end: int) -> list[Line]:
    """The lines of content[start:end], tokenised and shaped; offsets are into the document."""
    out: list[Line] = []
    pos = start
    for raw in content[start:end].split("\n"):
        body = raw.rstrip("\r")
        page_break = "\f" in body
        if page_break:
            body = body.replace("\f", " ")
        line = Line(pos, pos + len(body), body, page_break, stripped=body.strip())
        if _PROSE.search(body) and ("（" not in body and "(" not in body or _PROSE.search(_without_brackets(body))):
            line.shape = "sentence"  # most lines of a report: no table row holds a full stop or a comma
        else:
            line.tokens = _tokens(body, pos)
            line.shape = _shape(line)
        out.append(line)
        pos += len(raw) + 1
    return out


def is_code(text: str) -> bool:
    return bool(_CODE.match(text))


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
