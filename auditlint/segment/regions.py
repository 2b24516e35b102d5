"""Table regions in flattened text: where a table written as space-separated rows starts and ends.

PDF text extraction and copy-paste flatten a table into lines of tokens: a
caption (…表, 单位：万元), header words wrapped over several lines, then rows
(``212 城乡社区支出 13,583.48 1,066.51 2,921.97``), with label fragments wrapped
above and below their row, empty numbered rows (``二、事业收入``), and a note
(``注：本表反映…``). A region is a run of rows, held together by what may stand
between rows of one table, and extended to its caption, header and note.
"""

from __future__ import annotations

import re

from ..model import Table
from .build import build_table
from .lines import Line
from .templates import load_templates

_TITLE = re.compile(r"表\s*(?:[（(]\s*续\s*[)）])?$")
_CAPTION_LINE = re.compile(r"^(?:编制(?:部门|单位)|单位)\s*[：:]|单位\s*[：:]\s*(?:亿元|万元|千元|元)")
_NOTE = re.compile(r"^(?:注|说明|备注)\s*\d?\s*[：:]")
_HEADER_WORD = re.compile(
    r"项目|合计|总计|小计|预算数|决算数|科目|编码|名称|^类|款|^项$|金额|栏次|行次|序号|本年|年初|年末|基本支出|项目支出"
    r"|人员经费|公用经费|收入|支出|备注|单位"
)
# How many lines (header words, label fragments, empty rows) may stand between two rows of one table,
# and how far above its first row a table's caption may be.
_MAX_GAP = 12
_MAX_LEAD = 12
_MAX_EMPTY_ROWS = 40


def is_title(line: Line) -> bool:
    text = re.sub(r"\s+", "", line.stripped)
    return line.shape == "words" and 3 <= len(text) <= 60 and bool(_TITLE.search(text))


def is_caption_line(line: Line) -> bool:
    return bool(_CAPTION_LINE.search(line.stripped)) and len(line.stripped) <= 80


def is_header(line: Line) -> bool:
    """Column titles: 项目 预算数, 类 款 项, 科目编码 … (never a numbered line)."""
    text = line.stripped
    return not line.figures and not line.row_numbered and len(text) <= 60 and bool(_HEADER_WORD.search(text))


def is_note(line: Line) -> bool:
    return bool(_NOTE.match(line.stripped))


def _free(kinds: list, i: int) -> bool:
    return kinds[i] is None


def _is_row(lines: list[Line], kinds: list, i: int) -> bool:
    if not _free(kinds, i) or lines[i].shape != "row":
        return False
    return not _continues_sentence(lines, kinds, i)


def _next_filled(lines: list[Line], i: int, step: int) -> int | None:
    """The nearest line with text after (step 1) or before (step -1) line i, within a page's reach."""
    j = i + step
    while 0 <= j < len(lines) and abs(j - i) <= 50:
        if lines[j].stripped:
            return j
        j += step
    return None


def _continues_sentence(lines: list[Line], kinds: list, i: int) -> bool:
    """A wrapped sentence's piece that happens to hold a bare figure: its unit on the next line, or mid-sentence."""
    n = _next_filled(lines, i, 1)
    if n is not None and re.match(r"^\s*(?:万元|亿元|元|%|万|亿)", lines[n].text) and lines[i].figures:
        return lines[i].tokens[-1].kind == "figure"
    prev = _next_filled(lines, i, -1)
    if prev is None or kinds[prev] is not None:
        return False
    before = lines[prev]
    return before.shape == "sentence" and not re.search(r"[。！？：:；;]$", before.stripped) and len(lines[i].figures) <= 1


def _bridgeable(lines: list[Line], kinds: list, a: int, b: int) -> bool:
    """Whether lines a..b-1 may stand between two rows of one table."""
    count = numbered = 0
    for j in range(a, b):
        ln = lines[j]
        if kinds[j] in ("blank", "furniture"):
            continue
        if kinds[j] is not None or ln.shape not in ("words",) or is_title(ln) or is_caption_line(ln) or is_note(ln):
            return False
        if ln.row_numbered and len(ln.stripped) <= 30:
            numbered += 1  # an empty row of a long table (十二、农林水支出 …), not a gap
            continue
        count += 1
    return count <= _MAX_GAP and numbered <= _MAX_EMPTY_ROWS


_CONTINUED = re.compile(r"\s|[（(]\s*续\s*[)）]$|^续表")
_TOTAL_ROW = re.compile(r"^\s*(?:合\s*计|总\s*计|收入总计|支出总计)")


def _continued(lines: list[Line], kinds: list, first_row: int, a: int, b: int) -> bool:
    """Whether lines a..b-1 are a page break with the table's title printed again over the rest of its rows ("收入预算
    总表" or "…（续）", as print titles repeat it on every page), its caption and header words with it: the table
    runs on. The title must be the one above the table's first row; another title starts another table."""
    start = _lead(lines, kinds, first_row)
    if not is_title(lines[start]) or _TOTAL_ROW.match(lines[a - 1].stripped):
        return False  # (a table that closed with its 合计 line is whole: the next one is another unit's, say)
    title = _CONTINUED.sub("", lines[start].stripped)
    captions = {_CONTINUED.sub("", lines[j].stripped) for j in range(start, first_row) if is_caption_line(lines[j])}
    broken = again = False
    for j in range(a, b):
        ln = lines[j]
        broken = broken or ln.page_break
        if is_title(ln) and not again and _CONTINUED.sub("", ln.stripped) == title and kinds[j] in (None, "furniture"):
            # (taken for a running head when the report opens with this very table: the title is its first line)
            broken, again = broken or kinds[j] == "furniture", True
            continue
        if kinds[j] in ("blank", "furniture") or not ln.stripped:
            broken = broken or kinds[j] == "furniture"
            continue
        if kinds[j] is not None:
            return False
        if is_caption_line(ln):
            if not again or _CONTINUED.sub("", ln.stripped) not in captions:
                return False  # "编制单位：" another unit: its own table under the same title
        elif not again or not (ln.shape == "words" and is_header(ln)):
            return False
    return broken and again


def _lead(lines: list[Line], kinds: list, first: int) -> int:
    """Where a table starts above its first row: at its title, or at the header words right above it."""
    start = first
    j = first - 1
    seen = 0
    while j >= 0 and seen < _MAX_LEAD:
        ln = lines[j]
        if kinds[j] in ("blank", "furniture"):
            j -= 1
            continue
        if kinds[j] is not None:
            break
        if is_title(ln):
            return j
        if ln.shape == "words" or is_caption_line(ln):
            if is_caption_line(ln) or is_header(ln) or j == first - 1:
                start = j
            seen += 1
            j -= 1
            continue
        break
    return start


def _tail(lines: list[Line], kinds: list, last: int, end: int) -> int:
    """Where a table ends below its last row: after its note, or after a label fragment wrapped below that row."""
    j = last + 1
    stop = last
    while j < end:
        ln = lines[j]
        if kinds[j] in ("blank", "furniture"):
            j += 1
            continue
        if kinds[j] is not None:
            break
        if is_note(ln):
            stop = j
            j += 1
            continue
        if stop == last and ln.shape == "words" and len(ln.stripped) <= 12 and not is_title(ln) and _wrapped_below(lines, last):
            stop = j
            j += 1
            continue
        break
    return stop


_ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _empty_cells_below(lines: list[Line], kinds: list, first: int, first_row: int, last: int) -> int:
    """A table laid out one cell a line, its header counting 行次 (a web page's 收入支出决算总表 saved as text): the
    rows below its last figure are empty ones, each a row name and its 行次 alone on the next line ("六、其他收入" /
    "7"), or a 行次 alone where a two-sided row's one side has no name. They are the table's, not headings."""
    if not any("行次" in lines[j].stripped for j in range(first, first_row)):
        return last
    j = last + 1
    stop = last
    while j < len(lines):
        ln = lines[j]
        if kinds[j] in ("blank", "furniture") or not ln.stripped:
            j += 1
            continue
        if kinds[j] is not None:
            break
        text = ln.stripped
        if _ROW_NUMBER.match(text):
            stop = j
        else:
            n = _next_cell(lines, kinds, j)
            if ln.shape != "words" or len(text) > 30 or is_title(ln) or n is None or not _ROW_NUMBER.match(lines[n].stripped):
                break
            stop = j = n
        j += 1
    return stop


def _next_cell(lines: list[Line], kinds: list, i: int) -> int | None:
    """The next line with text after line i, past a page's number and running head (a 行次 taken for a page
    number is a cell still)."""
    for j in range(i + 1, min(len(lines), i + 50)):
        text = lines[j].stripped
        if text and (kinds[j] != "furniture" or _ROW_NUMBER.match(text)):
            return j
    return None


def _wrapped_below(lines: list[Line], row: int) -> bool:
    """A row whose label began on the line above continues on the line below (the figures sit in the middle)."""
    k = _next_filled(lines, row, -1)
    above = lines[k] if k is not None else None
    if above is None or above.shape != "words" or len(above.stripped) > 20 or is_title(above) or is_header(above):
        return False
    tokens = lines[row].tokens
    # the row's own label is missing, or only its middle part is there
    return bool(tokens) and (tokens[0].kind == "figure" or tokens[0].kind == "code" and (len(tokens) < 2 or tokens[1].kind != "word"))


def _caption_only(lines: list[Line], kinds: list, i: int) -> int | None:
    """A table with no figures at all: a title, its 单位 line, column titles and a note (本表无数据)."""
    if not (_free(kinds, i) and is_title(lines[i])):
        return None
    j, caption, headers, last_note, seen = i + 1, False, 0, None, 0
    while j < len(lines) and seen <= _MAX_GAP:
        ln = lines[j]
        if kinds[j] in ("blank", "furniture"):
            j += 1
            continue
        seen += 1
        if kinds[j] is not None:
            break
        if is_note(ln):
            last_note = j  # the note, and the 说明 that often follows it
        elif last_note is not None:
            break
        elif is_caption_line(ln):
            caption = True
        elif is_header(ln) or _empty_total(ln):
            headers += 1
        elif ln.shape != "words" or is_title(ln) or len(ln.stripped) > 30:
            return None
        j += 1
    return last_note if caption and headers and last_note is not None else None


def _empty_total(line: Line) -> bool:
    return re.sub(r"\s+", "", line.stripped) in ("合计", "总计", "小计")


def _no_rows_follow(lines: list[Line], kinds: list, j: int) -> bool:
    nxt = next((k for k in range(j, min(len(lines), j + 50)) if kinds[k] not in ("blank", "furniture")), None)
    return nxt is None or not _is_row(lines, kinds, nxt)


_FORM_TITLE = re.compile(r"(?:申报|自评|评价|目标)表$")
_FORM_END = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+部分|附件|附表)")


def form_regions(lines: list[Line], kinds: list) -> list[tuple[int, int]]:
    """Forms (绩效目标申报表, 绩效自评表): their cells hold sentences and lists; they run to the next section."""
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        # (a form's title ends in 表: the pattern is tried on no other line)
        if not (_free(kinds, i) and ln.shape == "words" and ln.stripped.endswith("表") and _FORM_TITLE.search(re.sub(r"\s+", "", ln.stripped))):
            i += 1
            continue
        nxt = [j for j in range(i + 1, min(len(lines), i + 5)) if lines[j].stripped]
        if not any(lines[j].shape == "row" or "项目名称" in lines[j].text for j in nxt):
            i += 1
            continue
        j = i + 1
        last = i
        while j < len(lines) and kinds[j] in (None, "blank", "furniture"):
            text = lines[j].stripped
            if text and (_FORM_END.match(text) and len(text) <= 30 or is_title(lines[j]) and j > i + 1):
                break
            if text:
                last = j
            j += 1
        out.append((i, last))
        i = j
    return out


def table_regions(content: str, lines: list[Line], kinds: list, identity_dirs: tuple[str, ...] = ()) -> list[tuple[int, int, Table | None]]:
    """(first line, last line, table) of every table flattened into these lines; None where its rows cannot be rebuilt."""
    templates = load_templates(identity_dirs)
    rows = [i for i in range(len(lines)) if _is_row(lines, kinds, i)]
    clusters: list[list[int]] = []
    for r in rows:
        if clusters and (
            _bridgeable(lines, kinds, clusters[-1][-1] + 1, r) or _continued(lines, kinds, clusters[-1][0], clusters[-1][-1] + 1, r)
        ):
            clusters[-1].append(r)
        else:
            clusters.append([r])
    out: list[tuple[int, int, Table]] = []
    taken_until = -1
    for cluster in clusters:
        if cluster[-1] <= taken_until:
            continue  # rows among the pipe-closed cells already taken into the table before
        first = max(_lead(lines, kinds, cluster[0]), taken_until + 1)
        last = _tail(lines, kinds, cluster[-1], len(lines))
        last = _empty_cells_below(lines, kinds, first, cluster[0], last)
        has_caption = any(is_title(lines[j]) or is_caption_line(lines[j]) for j in range(first, cluster[0]))
        if len(cluster) < 2 and not has_caption:
            continue
        pipe_ended = _pipe_ended_cells(lines, first, last)
        if pipe_ended:
            last = _pipe_cells_end(lines, kinds, last)
        table = None if pipe_ended else build_table(content, lines, kinds, first, last, templates)
        out.append((first, last, table))
        taken_until = last
    out.extend(_empty_tables(content, lines, kinds, out, templates))
    out.sort(key=lambda r: r[0])
    return out


def _pipe_ended_cells(lines: list[Line], first: int, last: int) -> bool:
    """A web page's table saved one cell a line, each cell closed by a pipe ("1 |", "一、一般公共预算拨款收入 |", "|"
    for an empty one): which cells make a row is no longer written, and a row number would be read as a figure. The
    region is kept a table (no heading, no list), but not read."""
    filled = [lines[j].stripped for j in range(first, last + 1) if lines[j].stripped]
    closed = [t for t in filled if _pipe_closed(t)]
    return len(filled) >= 6 and 2 * len(closed) >= len(filled)


# a cell of a table saved one cell a line: a row's label or a figure, never longer than this
_MAX_CELL = 40


def _pipe_closed(text: str) -> bool:
    return text.endswith("|") and text.count("|") <= 2 and "\t" not in text


def _pipe_cells_end(lines: list[Line], kinds: list, last: int) -> int:
    """The last of the pipe-closed cells that follow a table saved one cell a line: its rows without figures
    ("二、外交支出 |", "|") are cells of the same table, however many there are, not headings after it. A sentence
    closed by a pipe (a paragraph the page kept in a cell of its layout) is no cell of the table: it ends it."""
    j = last + 1
    while j < len(lines) and kinds[j] in (None, "blank", "furniture"):
        if lines[j].stripped:
            if not _pipe_closed(lines[j].stripped) or lines[j].shape == "sentence" or len(lines[j].stripped) > _MAX_CELL:
                break
            last = j
        j += 1
    return last


def _empty_tables(content, lines, kinds, found, templates) -> list[tuple[int, int, Table | None]]:
    inside = {j for first, last, _ in found for j in range(first, last + 1)}
    out = []
    for i in range(len(lines)):
        if i in inside or lines[i].shape != "words":
            continue
        last = _caption_only(lines, kinds, i)
        if last is None or any(j in inside for j in range(i, last + 1)):
            continue
        table = build_table(content, lines, kinds, i, last, templates)
        if table is not None:
            out.append((i, last, table))
            inside.update(range(i, last + 1))
    return out
