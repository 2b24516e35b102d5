"""Delimited tables: tables written into plain text as tab- or pipe-separated rows, or as one cell per line.

Two shapes occur in real reports saved as text:
- delimited rows: cells separated by tabs or pipes, one row per line
  (``项目 | 决算数``; a Markdown separator row ``|---|---|`` is skipped);
- flattened rows: a table pasted from Word where every cell became its own
  tab-led line and a blank line ends each row (``\\t基本支出`` ``\\t900.49`` …).
Cells keep their offsets in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, Cell, Document, Table
from .furniture import furniture_lines
from .lines import split_lines

_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MIN_ROWS = 2
_MIN_FLAT_ROWS = 3
_CAPTION_LINES = 2
# A table in a report has at most dozens of columns and thousands of cells; text that splits
# into more is separators used otherwise, and reading it as a table would cost time for nothing.
MAX_CELLS_PER_ROW = 64
MAX_CELLS = 50_000


@dataclass
class _Line:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _lines(content: str, start: int, end: int) -> list[_Line]:
    out = []
    pos = start
    for raw in content[start:end].split("\n"):
        out.append(_Line(pos, raw.rstrip("\r")))
        pos += len(raw) + 1
    return out


def _cells(line: _Line) -> list[tuple[int, int]]:
    """[start, end) of each cell of a delimited line, stripped; empty cells keep their place."""
    text = line.text
    sep = "\t" if "\t" in text else "|"
    pieces: list[tuple[int, int]] = []
    pos = 0
    for part in text.split(sep):
        a = pos + (len(part) - len(part.lstrip()))
        b = pos + len(part.rstrip())
        pieces.append((line.start + a, line.start + max(a, b)))
        pos += len(part) + 1
    return pieces


def _outer_pipes(lines: list[_Line]) -> bool:
    """"| a | b |" on every row: Markdown's outer pipes open and close rows, they are not empty cells."""
    return all(ln.text.strip().startswith("|") and ln.text.strip().endswith("|") for ln in lines)


def _delimited(line: _Line) -> bool:
    text = line.text
    if "\t" not in text and "|" not in text:
        return False
    if _SEPARATOR_ROW.match(text):
        return True
    if text.count("\t" if "\t" in text else "|") >= MAX_CELLS_PER_ROW:
        return False
    filled = [1 for a, b in _cells(line) if b > a]
    return len(filled) >= 2


def _blank_row(line: _Line, run: list[_Line]) -> bool:
    """A row of the table being read whose figures are all blank ("1.因公出国(境)费用 | |" between "合 计 | 46 |"
    and "2.公务接待费 | 8 |"): its label and as many cells as the row before it, the others empty. Only a table
    already under way (two rows or more) is continued: one row and a label do not make a table."""
    if len(run) < _MIN_ROWS or _SEPARATOR_ROW.match(run[-1].text):
        return False
    before = run[-1].text
    sep = "\t" if "\t" in before else "|"
    if sep not in line.text or line.text.count(sep) != before.count(sep):
        return False
    cells = _cells(line)
    filled = [k for k, (a, b) in enumerate(cells) if b > a]
    return bool(filled) and filled[0] <= 1 and len(filled) == 1


def _spans_apart(lines: list[_Line], i: int, j: int) -> bool:
    """Tabs that stand between the text pieces of a page rather than between a table's columns, in the run of
    rows lines[i:j]. A PDF extraction that writes a tab wherever a gap parts two spans never writes an empty cell
    (no tab opens or closes a row, no two tabs meet); it drops the empty cells, so its rows hold different numbers
    of cells ("四、上级补助收入\t四、公共安全支出\t556.78" beside "九、卫生健康支出\t265.57"), and a label wrapped
    in its cell comes as a line of its own between the rows ("其他城乡社区", "2210399\t241.02\t241.02",
    "住宅支出"). A table copied from a spreadsheet, a web page or a document keeps every column in every row, its
    empty cells as empty strings between tabs. Rows of such an extraction are left to the reading of flattened
    rows, which places cells by their figures and labels, not by their count."""
    run = [ln for ln in lines[i:j] if not _SEPARATOR_ROW.match(ln.text)]
    if not run or "\t" not in run[0].text:
        return False
    for ln in run:
        text = ln.text.strip(" \r\u3000")
        if text.startswith("\t") or text.endswith("\t") or re.search(r"\t[ \u3000]*\t", text):
            return False  # an empty cell kept: the columns are the writer's
    counts = [ln.text.strip().count("\t") for ln in run]
    usual = max(set(counts), key=counts.count)
    if len(run) >= 3 and counts.count(usual) < 0.8 * len(counts):
        return True
    return _wrapped_label(lines, j, 1) or _wrapped_label(lines, i - 1, -1)


def _wrapped_label(lines: list[_Line], k: int, step: int) -> bool:
    """Lines of the table without a tab from lines[k] on, in the direction of step, then another tab row: short
    labels (a dozen lines at most) that are rows whose figures are all empty ("十二、农林水支出") or the rest of a
    label wrapped in its cell ("住宅支出"), and blank lines where a page dump parts its pages; not a caption, a
    note or a paragraph."""
    seen = blanks = 0
    while 0 <= k < len(lines) and seen < 12 and blanks < 4:
        text = lines[k].text.strip()
        if "\t" in text:
            return seen > 0 or blanks > 0
        if not text:
            blanks += 1
        elif len(text) > 24 or re.search(r"[。；，,;：:]", text) or text.startswith("注"):
            return False
        else:
            seen += 1
        k += step
    return False


def _flat_cell(line: _Line) -> bool:
    """A tab-led line holding one cell: "\\t  900.49 "."""
    return line.text.startswith("\t") and "\t" not in line.text.strip("\t ") and "|" not in line.text


def _make_table(rows: list[list[tuple[int, int]]], text: str, caption: str) -> Table | None:
    width = max(len(r) for r in rows)
    if width == 0:
        return None  # rows of nothing but their outer pipes ("|\t|"): no cell to hold
    if width * len(rows) > MAX_CELLS:
        return None
    grid: list[list[Cell | None]] = []
    for i, row in enumerate(rows):
        cells: list[Cell | None] = []
        for j in range(width):
            if j < len(row):
                a, b = row[j]
                cells.append(Cell.model_construct(text=text[a:b].strip(), row=i, col=j, start=a, end=b))
            else:
                cells.append(None)
        grid.append(cells)
    starts = [c.start for r in grid for c in r if c is not None]
    ends = [c.end for r in grid for c in r if c is not None]
    return Table(rows=grid, caption=caption, start=min(starts), end=max(ends))


def _caption(lines: list[_Line], i: int) -> str:
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < _CAPTION_LINES:
        t = lines[j].text.strip()
        if t:
            if "\t" in lines[j].text or "|" in t or len(t) > 60:
                break
            out.insert(0, t)
        elif out:
            break
        j -= 1
    return "\n".join(out)


def _strip_text(t: str) -> str:
    return t.strip(" \t\u3000\xa0\r")


def find_text_tables(document: Document) -> list[Table]:
    """Tables written into the text blocks of a document, in order."""
    tables: list[Table] = []
    for block in document.blocks or [Block(kind="text", start=0, end=len(document.content))]:
        if block.kind == "text":
            lines = split_lines(document.content, block.start, block.end)
            furniture = frozenset(lines[i].start for i in furniture_lines(lines))
            tables.extend(text_tables_in(document.content, block.start, block.end, furniture))
    return tables


def text_tables_in(content: str, start: int, end: int, furniture: frozenset[int] = frozenset()) -> list[Table]:
    """Tables written with tabs or pipes, or as one cell per line, in content[start:end]; the lines starting at the
    offsets in `furniture` (page numbers, running heads) are passed over, so a table goes on over a page."""
    if content.find("\t", start, end) < 0 and content.find("|", start, end) < 0:
        return []  # every such table has a tab or a bar (most reports: none), so there is nothing to read line by line
    tables: list[Table] = []
    lines = _lines(content, start, end)
    if furniture:
        lines = [ln for ln in lines if ln.start not in furniture]
    i = 0
    while i < len(lines):
        line = lines[i]
        if _flat_cell(line):
            table, i = _flattened(lines, i, content)
            if table is not None:
                tables.append(table)
            continue
        if _delimited(line):
            j = i
            run: list[_Line] = []
            while j < len(lines) and (_delimited(lines[j]) or _blank_row(lines[j], run)) and not _flat_cell(lines[j]):
                if not _SEPARATOR_ROW.match(lines[j].text):
                    run.append(lines[j])
                j += 1
            if _spans_apart(lines, i, j):
                i = max(j, i + 1)  # left to the reading of flattened rows, as if the tabs were spaces
                continue
            rows = [_cells(ln) for ln in run]
            if _outer_pipes(run):
                rows = [r[1:-1] for r in rows]
            table = _make_table(rows, content, _caption(lines, i)) if len(rows) >= _MIN_ROWS else None
            if table is not None:
                tables.append(table)
            i = max(j, i + 1)
            continue
        i += 1
    return tables


def _flattened(lines: list[_Line], i: int, content: str) -> tuple[Table | None, int]:
    """Rows of tab-led one-cell lines, each row ended by one blank line."""
    start = i
    rows: list[list[tuple[int, int]]] = []
    while i < len(lines) and _flat_cell(lines[i]):
        row = []
        while i < len(lines) and _flat_cell(lines[i]):
            ln = lines[i]
            body = ln.text
            a = len(body) - len(body.lstrip(" \t\u3000\xa0"))
            inner = _strip_text(body)
            b = a + len(inner)
            row.append((ln.start + a, ln.start + b))
            i += 1
        rows.append(row)
        # one blank line between rows; two blank lines, or text, end the table
        if i < len(lines) and not lines[i].text.strip() and i + 1 < len(lines) and _flat_cell(lines[i + 1]):
            i += 1
            continue
        break
    widths = [len(r) for r in rows]
    if len(rows) < _MIN_FLAT_ROWS or max(widths) < 2 or widths.count(max(widths)) < len(rows) * 0.8:
        return None, max(i, start + 1)
    return _make_table(rows, content, _caption(lines, start)), i
