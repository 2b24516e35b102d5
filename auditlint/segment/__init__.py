"""Segmentation: one reading of the page, decided once, before anything is extracted.

Every line of a document is given one kind — heading, paragraph, table, table
of contents, page furniture — and every table (a reader's, one written with tabs
or pipes, or one flattened into space-separated rows by PDF text extraction) is
built once as a `Table`. Outline, statements and table checks all read this
one segmentation, so a table row is never taken for a heading or a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..model import Document, Table
from ..numbering import LINE_MARKER
from .delimited import text_tables_in
from .furniture import furniture_lines
from .lines import Line, split_lines, unit_wrapped
from .paired import paired_label_regions
from .regions import form_regions, table_regions
from .toc import toc_lines

__all__ = ["Layout", "LineKind", "Segment", "segment"]

LineKind = Literal["blank", "heading", "paragraph", "table", "toc", "furniture"]



@dataclass(slots=True)
class Segment:
    """A run of lines of one kind: [start, end) in the document's text; a table segment holds its table."""

    kind: LineKind
    start: int
    end: int
    table: Table | None = None  # None for a form, whose cells are read as text
    # reader: a docx/xlsx/pdf table; delimited: tabs or pipes; flattened: space-separated rows; form: a
    # 申报表-style form read as text; unread: a table whose rows the text no longer shows (cells one per line)
    source: Literal["reader", "delimited", "flattened", "form", "unread", "text"] = "text"


@dataclass
class Layout:
    """The document as segmented: its segments in order, and the kind of each text line."""

    segments: list[Segment] = field(default_factory=list)
    lines: list[tuple[int, int, LineKind]] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [s.table for s in self.segments if s.kind == "table" and s.table is not None]

    def spans(self, *kinds: LineKind) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.segments if s.kind in kinds]

    def table_spans(self, *sources: str) -> list[tuple[int, int]]:
        """Where the tables of the given origins (reader, delimited, flattened, form) stand."""
        return [(s.start, s.end) for s in self.segments if s.kind == "table" and s.source in sources]

    def furniture(self) -> list[tuple[int, int]]:
        return [(a, b) for a, b, k in self.lines if k == "furniture"]


def segment(document: Document) -> Layout:
    """The layout of a document: reader tables as they are, text blocks segmented line by line."""
    layout = Layout()
    texts = [split_lines(document.content, b.start, b.end) for b in document.blocks if not _is_table(b)]
    furniture = [furniture_lines(lines) for lines in texts]
    contents = _contents(texts, furniture)
    k = 0
    for block in document.blocks:
        if _is_table(block):
            layout.segments.append(Segment("table", block.start, block.end, block.table, "reader"))
            continue
        _segment_text(document.content, texts[k], furniture[k], contents, layout)
        k += 1
    return layout


def _is_table(block) -> bool:
    return block.kind == "table" and block.table is not None


def _contents(texts: list[list[Line]], furniture: list[set[int]]) -> set[int]:
    """Where the lines of the table of contents start: read over all text blocks at once, since a contents
    list runs over pages (a PDF's blocks) and ends where the body, a page or more on, repeats its first entry."""
    lines = [ln for block in texts for ln in block]
    kinds: list[LineKind | None] = [("blank" if not ln.stripped else None) for ln in lines]
    at = 0
    for block, found in zip(texts, furniture, strict=True):
        for i in found:
            kinds[at + i] = "furniture"
        at += len(block)
    return {lines[i].start for i in toc_lines(lines, kinds)}


def _segment_text(content: str, lines: list[Line], furniture: set[int], contents: set[int], layout: Layout) -> None:
    start, end = (lines[0].start, lines[-1].end) if lines else (0, 0)
    kinds: list[LineKind | None] = [("blank" if not ln.stripped else None) for ln in lines]
    for i in furniture:
        kinds[i] = "furniture"
    for i, ln in enumerate(lines):
        if ln.start in contents and kinds[i] is None:
            kinds[i] = "toc"
    tables: list[tuple[int, int, Table | None]] = []
    layout_forms: list[tuple[int, int]] = []
    delimited: set[int] = set()
    for table in text_tables_in(content, start, end, frozenset(lines[i].start for i in furniture)):
        # written with tabs or pipes, or one cell per line: its lines are the table
        inside = [i for i, ln in enumerate(lines) if ln.end > table.start and ln.start < table.end]
        if inside:
            for i in inside:
                # (a page number where the table goes on over the page stays one; a figure in a cell of its own
                # is the table's)
                if kinds[i] != "furniture" or "\t" in lines[i].text or "|" in lines[i].text:
                    kinds[i] = "table"
            tables.append((inside[0], inside[-1], table))
            delimited.add(inside[0])
    for first, last in form_regions(lines, kinds):
        for i in range(first, last + 1):
            if kinds[i] is None:
                kinds[i] = "table"
        layout_forms.append((first, last))
    for first, last, table in table_regions(content, lines, kinds):
        for i in range(first, last + 1):
            if kinds[i] in (None, "blank"):
                kinds[i] = "table"
        tables.append((first, last, table))
    for first, last in paired_label_regions(lines, kinds):
        for i in range(first, last + 1):
            kinds[i] = "table"
        tables.append((first, last, None))
    tables.sort(key=lambda t: t[0])
    for i, ln in enumerate(lines):
        if kinds[i] is None:
            kinds[i] = "heading" if _looks_like_heading(ln, lines[i + 1] if i + 1 < len(lines) else None) else "paragraph"
    _emit(lines, kinds, tables, layout_forms, delimited, layout)


def _looks_like_heading(line: Line, after: Line | None) -> bool:
    text = line.stripped
    if not LINE_MARKER.match(text) or len(text) > 40 or re.search(r"[，。；;]|,(?!\d{3})", text[2:]):
        return False
    # "2.“公共安全支出”350.56 万" + "元，占 1.84%；": a numbered item whose figure lost its unit to the wrap
    return after is None or not unit_wrapped(text, after.stripped)


def _emit(
    lines: list[Line],
    kinds: list[LineKind | None],
    tables: list[tuple[int, int, Table | None]],
    forms: list[tuple[int, int]],
    delimited: set[int],
    layout: Layout,
) -> None:
    by_first: dict[int, tuple[int, Table | None]] = {first: (last, table) for first, last, table in tables}
    form_starts = {first for first, _ in forms}
    by_first.update({first: (last, None) for first, last in forms})
    previous: LineKind = "blank"
    i = 0
    while i < len(lines):
        kind = kinds[i] or "paragraph"
        layout.lines.append((lines[i].start, lines[i].end, kind))
        if i in by_first:
            last, table = by_first[i]
            for j in range(i + 1, last + 1):
                layout.lines.append((lines[j].start, lines[j].end, kinds[j] or "table"))
            source = "form" if i in form_starts else "unread" if table is None else "delimited" if i in delimited else "flattened"
            layout.segments.append(Segment("table", lines[i].start, lines[last].end, table, source))
            previous = "table"
            i = last + 1
            continue
        if kind != "blank":
            if previous == kind and kind in ("paragraph", "toc", "furniture"):
                layout.segments[-1].end = lines[i].end
            else:
                layout.segments.append(Segment(kind, lines[i].start, lines[i].end))
        previous = kind
        i += 1
