"""PDF (optional extra `pdf`: auditlint-cn[pdf], or .[pdf] from a checkout): text lines and tables per page, read with PDFium.

PDFium (`pdfium.py`) gives every character with its box and every path the page
draws; auditlint builds the rest itself (`pdfgeom.py`): lines in reading order,
ruled tables from their rulings (merged cells, a table continued on the next page
without a repeated header becomes one logical table), unruled tables from column
gutters. Text lines that repeat at the top or bottom of most pages (running
headers, footers, page numbers) are left out so a sentence broken by a page turn
reads as one. Every line and cell keeps its place on the page, so a finding can be
drawn where it is.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field

from .. import DISTRIBUTION
from ..model import Document, PageBoxes, Table
from . import pdfgeom
from .errors import ReadError
from .layout import LayoutBuilder, RawCell, RawTable
from .pdfium import available as _pdfium_available

EXTRA_HINT = (
    f"读取 PDF 需要可选组件 pypdfium2：请运行 pip install '{DISTRIBUTION}[pdf]'"
    "（从源码目录安装的，在该目录运行 pip install '.[pdf]'）后再检查"
)
NO_TEXT = "扫描件，无文字层，无法检查"

_MARGIN = 0.08  # top and bottom share of a page where running headers and footers sit
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*)?\d{1,4}(?:\s*[-—–－])?$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d{1,4}\s*/\s*\d{1,4}$")


def available() -> bool:
    """Whether the PDF extra is installed (checked without importing it)."""
    return _pdfium_available()


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    x0: float = 0.0
    x1: float = 0.0
    edges: array | None = None  # x0, x1 of each character of text (NaN for a space put in)


@dataclass
class _Fragment:
    """A table's part on one page."""

    raw: RawTable
    top: float
    bottom: float
    n_cols: int
    boxes: dict[tuple[int, int], tuple[float, float, float, float]] = field(default_factory=dict)


@dataclass
class _Page:
    number: int
    height: float
    items: list[tuple[float, _Line | _Fragment]] = field(default_factory=list)
    to_pdf: object = None


def _fragment(grid: pdfgeom.Grid, page_number: int) -> _Fragment | None:
    cells: list[RawCell] = []
    boxes: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for c in grid.cells:
        cells.append(RawCell(text=c.text(), row=c.row, col=c.col, rowspan=c.rowspan, colspan=c.colspan, page=page_number))
        boxes[(c.row, c.col)] = (c.x0, c.top, c.x1, c.bottom)
    # rows and columns that hold no text in any cell (an unruled table's phantom gutter) are kept: the grid is the drawing
    raw = RawTable(cells=cells, page=page_number)
    return _Fragment(raw=raw, top=grid.top, bottom=grid.bottom, n_cols=raw.shape[1], boxes=boxes)


def _read_page(content) -> tuple[_Page, int]:
    """A page's items in reading order, and how many characters of text it has."""
    out = _Page(number=content.number, height=content.frame.height, to_pdf=content.frame.box_to_pdf)
    glyphs = content.glyphs
    for grid in pdfgeom.grids(content.rules):
        inside = len(glyphs)
        glyphs = pdfgeom.fill(grid, glyphs)
        if len(glyphs) == inside:
            continue  # a frame with nothing in it (a box drawn around a chart): not a table
        frag = _fragment(grid, content.number)
        if frag is not None:
            out.items.append((frag.top, frag))
    lines = pdfgeom.lines(glyphs)
    taken: set[int] = set()
    for first, end, grid in pdfgeom.unruled(lines):
        frag = _fragment(grid, content.number)
        if frag is not None:
            out.items.append((frag.top, frag))
            taken.update(range(first, end))
    for i, line in enumerate(lines):
        if i not in taken and line.text.strip():
            out.items.append((line.top, _text_line(line)))
    out.items.sort(key=lambda item: item[0])
    return out, len(content.glyphs)


def _text_line(line: pdfgeom.Line) -> _Line:
    """A line as laid out (stripped), with its characters' edges, so its glyphs need not be kept."""
    text = line.text.strip()
    skip = len(line.text) - len(line.text.lstrip())
    edges = array("f")
    glyphs = line.glyphs
    for k in line.index[skip : skip + len(text)]:
        if k >= 0:
            g = glyphs[k]
            edges.append(g.x0)
            edges.append(g.x1)
        else:
            edges.append(_NAN)
            edges.append(_NAN)
    return _Line(text=text, top=line.top, bottom=line.bottom, x0=line.x0, x1=line.x1, edges=edges)


_NAN = float("nan")


def _running_lines(pages: list[_Page]) -> set[str]:
    """Lines repeated in the top or bottom margin of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for p in pages:
        keys = set()
        for _, item in p.items:
            if isinstance(item, _Line) and (item.bottom < p.height * _MARGIN or item.top > p.height * (1 - _MARGIN)):
                keys.add(re.sub(r"\d+", "#", item.text))
        seen.update(keys)
    return {k for k, n in seen.items() if n >= max(3, len(pages) // 2)}


def _margin_noise(line: _Line, page: _Page, running: set[str]) -> bool:
    in_margin = line.bottom < page.height * _MARGIN or line.top > page.height * (1 - _MARGIN)
    if not in_margin:
        return False
    return bool(_PAGE_NUMBER.match(line.text.replace(" ", ""))) or re.sub(r"\d+", "#", line.text) in running


def read_pdf(path: str, data: bytes) -> Document:
    if not available():
        raise ReadError("unsupported-format", EXTRA_HINT)
    if b"%PDF-" not in data[:1024]:
        raise ReadError("corrupt", "文件扩展名是 .pdf，但内容不是 PDF（缺少 %PDF- 文件头）")
    from pypdfium2 import PdfiumError

    from . import pdfium

    document = pdfium.open_pdf(data)
    try:
        pages: list[_Page] = []
        chars = 0
        for content in pdfium.pages(document):
            page, n = _read_page(content)
            pages.append(page)
            chars += n
    except ReadError:
        raise
    except PdfiumError:  # a page that cannot be loaded
        raise ReadError("corrupt", "PDF 文件已损坏或被截断，无法解析（页面无法读取）") from None
    finally:
        document.close()
    if not pages:
        raise ReadError("corrupt", "PDF 文件中没有页面")
    if chars == 0:
        raise ReadError("no-text", NO_TEXT)
    return _layout(path, pages)


def _layout(path: str, pages: list[_Page]) -> Document:
    running = _running_lines(pages)
    out = LayoutBuilder()
    boxes = PageBoxes()
    last_table: Table | None = None
    last_cols = 0
    open_table = False  # the last thing laid out was a table, nothing after it yet
    for page in pages:
        out.new_page(page.number)
        boxes.frames[page.number] = page.to_pdf
        recent: list[str] = []
        first = True
        for _, item in page.items:
            if isinstance(item, _Line):
                if _margin_noise(item, page, running):
                    continue
                start = out.length
                out.paragraph(item.text)
                if out.length > start:
                    boxes.add(start, start + len(item.text), page.number, (item.x0, item.top, item.x1, item.bottom), item.edges)
                recent = (recent + [item.text])[-3:]
                open_table = False
                first = False
                continue
            continues = first and open_table and last_table is not None and item.n_cols == last_cols
            if continues:
                _drop_repeated_header(item, last_table)
                base = len(last_table.rows)
                out.table(item.raw, extend=last_table)
                table = last_table
            else:
                item.raw.caption = "\n".join(recent)
                base = 0
                last_table = table = out.table(item.raw)
            if table is not None:
                _cell_boxes(boxes, table, base, item, page.number)
            last_cols = item.n_cols
            open_table = True
            recent = []
            first = False
    document = out.build(path, "pdf")
    if not document.text.strip():
        raise ReadError("no-text", NO_TEXT)
    document.boxes = boxes
    return document


def _cell_boxes(boxes: PageBoxes, table: Table, base: int, item: _Fragment, page: int) -> None:
    for rc in item.raw.cells:
        r = base + rc.row
        if r >= len(table.rows) or rc.col >= len(table.rows[r]):
            continue
        cell = table.rows[r][rc.col]
        box = item.boxes.get((rc.row, rc.col))
        if cell is not None and box is not None and cell.end > cell.start:
            boxes.add(cell.start, cell.end, page, box)


def _drop_repeated_header(item: _Fragment, table: Table) -> None:
    """A continuation that repeats the table's header rows: keep only its new rows."""
    raw = item.raw
    first_texts = [[c.text if c else "" for c in row] for row in table.rows[:4]]
    by_row: dict[int, dict[int, str]] = {}
    for c in raw.cells:
        by_row.setdefault(c.row, {})[c.col] = "".join(c.text.split())
    drop = 0
    for r, texts in enumerate(first_texts):
        row = by_row.get(r, {})
        cleaned = ["".join(t.split()) for t in texts]
        if row and all(cleaned[c] == t for c, t in row.items() if c < len(cleaned)) and any(row.values()):
            drop = r + 1
        else:
            break
    if drop:
        raw.cells = [
            RawCell(text=c.text, row=c.row - drop, col=c.col, rowspan=c.rowspan, colspan=c.colspan, page=c.page)
            for c in raw.cells
            if c.row >= drop
        ]
        item.boxes = {(r - drop, c): box for (r, c), box in item.boxes.items() if r >= drop}
