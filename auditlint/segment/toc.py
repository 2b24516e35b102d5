"""The table of contents: entries with leader dots, or the list under 目录 up to where the body repeats it."""

from __future__ import annotations

import re

from ..numbering import OUTLINE_MARKER, outline_number, outline_style
from .lines import Line

_TOC_TITLE = re.compile(r"^目\s*录$")
_NOT_WORD = re.compile(r"[\W_]+")
# A page reference at the end of an entry (leader dots, then up to three digits), read on the reversed
# entry: a trailing pattern searched forwards would try every dot of a long run again (quadratic).
_PAGE_REF_REVERSED = re.compile(r"\d{0,3}[\s.…·。．_-]*")
# A contents list without leader dots ends where the body starts repeating its first entry.
_MAX_PLAIN_TOC = 80
# An entry of a contents list: a short title, no sentence in it.
_TITLE_LINE = re.compile(r"^[^，,。；;！？!?：:]{2,60}$")
# A date line under the contents' title ("公开时间:2024年10月14日", "发布日期：2023-09-18"), before the first entry.
_DATE_LINE = re.compile(r"^(?:公开|发布|编制|报送|填报)?(?:时间|日期)\s*[:：]?\s*\d{4}\s*(?:年|[-./])")
# The last word or two of an entry wrapped onto a line of its own ("七、…“三公”经费支出决算" then "表"): a few
# letters, no figure, no punctuation.
_WRAPPED_END = re.compile(r"^[^\W\d_]{1,3}$")


def _key(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return text[: len(text) - _PAGE_REF_REVERSED.match(text[::-1]).end()]


def _title_lines(lines: list[Line], i: int) -> list[int]:
    """The line(s) of a contents title at i: "目录", "目 录", or "目" and "录" on lines of their own
    (plain text extraction of a letter-spaced title)."""
    if not lines[i].stripped.startswith("目"):
        return []
    text = _NOT_WORD.sub("", lines[i].stripped)  # "目 录", and "目 ⠂ 录" with a page's stray symbol between
    if _TOC_TITLE.match(text):
        return [i]
    if text != "目":
        return []
    j = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].stripped), None)
    return [i, j] if j is not None and lines[j].stripped == "录" else []


def _repeats(key: str, first: str) -> bool:
    """Whether a line is the contents' first entry again: the same words, or its opening words on a line of
    their own ("第一部分", the title wrapped onto the next line). Brackets and punctuation are not compared: an
    entry and its title in the body often differ in them alone ("…图书馆)）概况" over "…图书馆）概况")."""
    if key == first:
        return True
    key, first = _NOT_WORD.sub("", key), _NOT_WORD.sub("", first)
    return key == first or (len(key) >= 4 and first.startswith(key))


def _opens_numbering(text: str) -> bool:
    """Whether a line is the first of its level: "第一部分 单位概况", "一、主要职能", "（一）…", "1.…"."""
    m = OUTLINE_MARKER.match(text)
    if m is None:
        return False
    return outline_number(outline_style(m), m) == 1


def _before_body(lines: list[Line], titles: list[int]) -> list[int]:
    """The contents of a list that runs straight into prose: a contents entry is never followed by a paragraph,
    so a first-of-its-level title right above the prose opens the body, and so do the first-of-their-level
    titles stacked over it ("…十二、其他需说明的事项 / 第一部分 单位概况 / 一、主要职能 / 贯彻执行…", contents
    whose entries were lost)."""
    end = len(titles)
    while end > 1 and not OUTLINE_MARKER.match(lines[titles[end - 1]].stripped) and _page_wide(lines[titles[end - 1]]):
        end -= 1  # the prose's own first lines, wrapped by the page before any comma ("贯彻执行国家、自治区…方针、政策和法")
    if end and _opens_numbering(lines[titles[end - 1]].stripped):
        end -= 1
        while end and _opens_numbering(lines[titles[end - 1]].stripped):
            end -= 1
    return titles[:end]


# A clause mark: a line holding one is a sentence, not a contents entry.
_CLAUSE = re.compile(r"[，,。；;！？!?]")


def _introduces_entries(lines: list[Line], entries: list[int], n: int) -> bool:
    """Whether entry n is a numbered title ending in a colon over entries of its own ("二、部门收支总体情况(11张):"
    then "《收入支出决算总表》" …): it opens a list of the contents, not the body's prose — the line after it holds
    no clause either ("主要职责如下：" over "1.贯彻执行…，…" is the body)."""
    text = lines[entries[n]].stripped
    if not text.endswith((":", "：")) or not OUTLINE_MARKER.match(text) or not _TITLE_LINE.match(text[:-1]):
        return False
    return n + 1 < len(entries) and _CLAUSE.search(lines[entries[n + 1]].stripped) is None


def _page_wide(line: Line) -> bool:
    """Whether an unnumbered line is as long as a page's line of prose: no contents entry of that length is
    followed straight by a paragraph."""
    return len(line.stripped) >= 20


# A line of dots alone, no title and no page number: a form's "……" row (one more item of the kind above it), not
# a contents entry.
_ELLIPSIS_ONLY = re.compile(r"^[\s.…·。．]+$")


def _marker(text: str) -> tuple[str, int | None] | None:
    m = OUTLINE_MARKER.match(text)
    if m is None:
        return None
    style = outline_style(m)
    return style, outline_number(style, m)


def _undotted_next_entry(lines: list[Line], kinds: list, out: set[int], i: int) -> int | None:
    """The line after dotted entry i when it is the next entry of the same list without its dots and page number
    ("(五)…………( 1)" then "(六)一般公共预算财政拨款基", an entry cut short): the body starts its lists again at 1."""
    j = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].stripped), None)
    if j is None or j in out or kinds[j] is not None:
        return None
    here, there = _marker(lines[i].stripped), _marker(lines[j].stripped)
    if here is None or there is None or here[0] != there[0] or here[1] is None or there[1] != here[1] + 1:
        return None
    return j


def toc_lines(lines: list[Line], kinds: list) -> set[int]:
    out = {i for i, ln in enumerate(lines) if ln.shape == "leader" and not _ELLIPSIS_ONLY.match(ln.stripped)}
    for i in sorted(out):
        j = _undotted_next_entry(lines, kinds, out, i)
        if j is not None:
            out.add(j)
    for i in range(len(lines)):
        title = _title_lines(lines, i)
        if not title:
            continue
        out.update(title)
        last = title[-1]
        entries = [j for j in range(last + 1, min(len(lines), last + 1 + _MAX_PLAIN_TOC)) if lines[j].stripped and kinds[j] is None]
        while entries and _DATE_LINE.match(lines[entries[0]].stripped):
            out.add(entries.pop(0))  # "目录 / 公开时间:2024年10月14日 / 第一部分 …": the date the contents page carries
        if not entries:
            continue
        first = _key(lines[entries[0]].stripped)
        repeat = next((j for j in entries[1:] if _repeats(_key(lines[j].stripped), first)), None)
        if repeat is not None:
            out.update(j for j in entries if j < repeat)
        else:
            # leader dots only: the contents run to their last dotted entry
            dotted = [j for j in entries if lines[j].shape == "leader"]
            if dotted:
                out.update(j for j in entries if j <= dotted[-1])
            else:
                # neither repeated nor dotted (a contents page at the end of the file): the title lines right
                # after 目录, up to the first line that is not one
                titles = []
                prose = False
                for n, j in enumerate(entries):
                    if titles and _WRAPPED_END.match(lines[j].stripped) and not OUTLINE_MARKER.match(lines[j].stripped):
                        titles.append(j)
                        continue
                    if not _TITLE_LINE.match(lines[j].stripped) and not _introduces_entries(lines, entries, n):
                        prose = True
                        break
                    titles.append(j)
                if prose:
                    titles = _before_body(lines, titles)
                if len(titles) >= 2:
                    out.update(titles)
    out.update(_untitled(lines, kinds, out))
    out.update(_paged(lines, kinds, out))
    return out


# An entry whose page number lost its leader dots ("第三部分 名词解释11", "(一)预算编制情况。15"): the number written
# straight after the title's last word.
_PAGED_ENTRY = re.compile(r"^(?P<title>.*[^\W\d_])[。.]?(?P<page>\d{1,3})$")
# at least this many such entries in a row, their page numbers never going back
_MIN_PAGED = 4


def _paged(lines: list[Line], kinds: list, out: set[int]) -> list[int]:
    """A contents list with neither 目录 over it nor leader dots, each entry ending in its page number: a run of
    title lines whose trailing numbers never decrease ("第一部分部门概况3 / 一、收入支出预算执行情况分析4 / …")."""
    found: list[int] = []
    run: list[int] = []
    last = -1

    def close() -> None:
        if len(run) >= _MIN_PAGED:
            found.extend(run)

    for i, line in enumerate(lines):
        text = line.stripped
        if not text:
            continue
        # (an entry ends in its page number: a line ending otherwise, nearly every line, is not matched)
        m = _PAGED_ENTRY.match(text) if text[-1].isdecimal() and i not in out and kinds[i] is None else None
        if m is None or not _TITLE_LINE.match(m.group("title")) or int(m.group("page")) < last:
            close()
            run, last = [], -1
            if m is None or not _TITLE_LINE.match(m.group("title")):
                continue
        run.append(i)
        last = int(m.group("page"))
    close()
    return found


def _untitled(lines: list[Line], kinds: list, out: set[int]) -> list[int]:
    """A contents list with no 目录 over it: "第一部分 / 一、主要职责 / … / 第二部分 … / 第四部分 …表 / …" right after
    the report's title, then the body opening with "第一部分" again (in the same words or others). Only title lines
    between the two, and a second part among them: a body whose first part is short (a title, a line or two) has
    prose in it."""
    found: list[int] = []
    for i, line in enumerate(lines):
        # (a part's marker opens with 第: no other line is matched)
        if i in out or kinds[i] is not None or line.stripped[:1] != "第" or _marker(line.stripped) != ("part", 1):
            continue
        first = _key(line.stripped)
        seen_second = False
        for j in range(i + 1, min(len(lines), i + 1 + _MAX_PLAIN_TOC)):
            text = lines[j].stripped
            if not text or kinds[j] == "furniture":
                continue  # (a page number where the contents page breaks)
            if kinds[j] is not None or not _TITLE_LINE.match(text):
                break
            if _repeats(_key(text), first) or (seen_second and _marker(text) == ("part", 1)):
                # the body opens with 第一部分 again, its title often worded apart from the entry ("第一部分 单位概况"
                # in the contents over "第一部分 部门概况", "部门概括" over "部门概况"): a run of nothing but titles
                # from one 第一部分 through a 第二部分 to the next is contents, whatever the words
                if seen_second:
                    found.extend(k for k in range(i, j) if lines[k].stripped and kinds[k] != "furniture")
                break
            seen_second = seen_second or _marker(text) == ("part", 2)
    return found
