"""Layout: lay out paragraphs and tables read from docx/xlsx/pdf as one text that locations point into.

Readers of structured formats have no text of their own to point into, so they
build one: a paragraph is a line, a table row is a line of tab-separated cells,
pages follow each other. Every cell keeps the offsets of its text in that
layout, so a finding about a cell has a line and column like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Cell, Document, Table
from .errors import ReadError

#: Slots of one table's grid; a real report's largest tables have a few thousand.
MAX_TABLE_SLOTS = 2_000_000

# Tabs and line breaks separate cells and rows in the layout, so they cannot stay inside a cell.
_CELL_BREAKS = re.compile(r"[\t\r\n\v\f]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]")


def clean_cell_text(text: str) -> str:
    """A cell's text on one line: a wrapped CJK word is rejoined, other breaks become a space."""
    parts = [p.strip() for p in _CELL_BREAKS.split(text)]
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(part[0]) or out[-1] in "（(" or part[0] in "）)%"):
            out += " "
        out += part
    return out


@dataclass
class RawCell:
    """A cell as a reader found it: its text and the grid slots it covers."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None


@dataclass
class RawTable:
    """A table as a reader found it: anchor cells on a grid (merged cells cover several slots)."""

    cells: list[RawCell]
    caption: str = ""
    name: str = ""
    page: int | None = None

    @property
    def shape(self) -> tuple[int, int]:
        rows = max((c.row + c.rowspan for c in self.cells), default=0)
        cols = max((c.col + c.colspan for c in self.cells), default=0)
        return rows, cols


@dataclass
class LayoutBuilder:
    """Accumulates lines, tables and page starts, then yields the Document."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)
    page: int | None = None

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def new_page(self, number: int) -> None:
        """Everything laid out from here on is on page `number` (pages start at 1, in order)."""
        while len(self.page_starts) < number:
            self.page_starts.append(self.length)
        self.page = number

    def paragraph(self, text: str) -> None:
        """A paragraph of running text: its own line (soft line breaks inside stay line breaks)."""
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if not text.strip():
            return
        start = self.length
        self._emit(text + "\n")
        if self.blocks and self.blocks[-1].kind == "text" and self.blocks[-1].end + 1 == start and self.blocks[-1].page == self.page:
            self.blocks[-1].end = self.length - 1
        else:
            self.blocks.append(Block(kind="text", start=start, end=self.length - 1, page=self.page))

    def table(self, raw: RawTable, extend: Table | None = None) -> Table | None:
        """Lay out a table row by row; `extend` continues a table begun on an earlier page."""
        n_rows, n_cols = raw.shape
        if n_rows == 0 or n_cols == 0:
            return None
        if n_rows * n_cols > MAX_TABLE_SLOTS:
            raise ReadError("too-large", f"文件中的表格过大（{n_rows} 行 × {n_cols} 列），不像一份报告，未检查")
        grid: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
        anchors: dict[tuple[int, int], RawCell] = {}
        for rc in raw.cells:
            if 0 <= rc.row < n_rows and 0 <= rc.col < n_cols and (rc.row, rc.col) not in anchors:
                anchors[(rc.row, rc.col)] = rc
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        # Merged cells that do not overlap cover each slot once: at most n_rows × n_cols steps in all.
        # Overlapping ones (a damaged file; Office never writes them) could cover the grid once
        # per cell, nested merges cubic in the input: past that budget a merge is left unmerged.
        budget = n_rows * n_cols
        unmerged: set[tuple[int, int]] = set()
        for (r, c), rc in anchors.items():
            area = rc.rowspan * rc.colspan
            if area > 1:
                if area > budget:
                    unmerged.add((r, c))
                    continue
                budget -= area
            for dr in range(rc.rowspan):
                for dc in range(rc.colspan):
                    if (dr or dc) and (r + dr, c + dc) not in anchors:
                        covered.setdefault((r + dr, c + dc), (r, c))
        base_row = len(extend.rows) if extend is not None else 0
        start = self.length
        for r in range(n_rows):
            for c in range(n_cols):
                if c:
                    self._emit("\t")
                rc = anchors.get((r, c))
                if rc is None:
                    if (r, c) in covered:
                        continue  # filled in below, from its anchor
                    grid[r][c] = Cell.model_construct(text="", row=base_row + r, col=c, start=self.length, end=self.length, page=self.page)
                    continue
                text = clean_cell_text(rc.text)
                merged = (r, c) not in unmerged
                cell = Cell.model_construct(
                    text=text,
                    row=base_row + r,
                    col=c,
                    start=self.length,
                    end=self.length + len(text),
                    rowspan=rc.rowspan if merged else 1,
                    colspan=rc.colspan if merged else 1,
                    page=rc.page if rc.page is not None else self.page,
                )
                self._emit(text)
                grid[r][c] = cell
            self._emit("\n")
        for (r, c), (ar, ac) in covered.items():
            grid[r][c] = grid[ar][ac]
        end = self.length - 1
        if extend is not None:
            extend.rows.extend(grid)
            extend.end = end
            block = next(b for b in reversed(self.blocks) if b.table is extend)
            block.end = end
            return extend
        table = Table(rows=grid, caption=raw.caption, page=self.page, name=raw.name, start=start, end=end)
        self.blocks.append(Block(kind="table", start=start, end=end, page=self.page, table=table))
        return table

    def build(self, path: str, fmt: str) -> Document:
        text = "".join(self.parts)
        return Document(
            path=path,
            format=fmt,
            text=text,
            content=text,
            encoding="utf-8",
            blocks=self.blocks,
            page_starts=self.page_starts,
        )
