"""Tables: find them (read by a reader, or written into text), understand them, state their identities."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..identities import load_decompositions
from ..model import Claim, Document, Statement, Table, TableCount
from ..segment.delimited import find_text_tables
from .claims import TableCell, TableClaim, Term, structural_claims, unique_claims
from .crosscheck import TextLines, TextTableClaim, planned_from_tables, text_table_claims
from .evaluate import TableVerdicts, evaluate_claims
from .grid import TableView, understand
from .identities import identity_claims
from .links import LinkClaim, link_claims
from .listed import ListedItemClaim, listed_item_claims
from .names import NameClaim, name_claims
from .shift import ShiftClaim, shift_claims, shifted_cells

__all__ = [
    "LinkClaim",
    "ListedItemClaim",
    "NameClaim",
    "ShiftClaim",
    "TableCell",
    "TableClaim",
    "TableVerdicts",
    "TableView",
    "Tables",
    "Term",
    "TextLines",
    "TextTableClaim",
    "document_tables",
    "evaluate_claims",
    "planned_from_tables",
    "read_tables",
]


def document_tables(document: Document) -> list[Table]:
    """The reader's tables and the tables written into the document's text, in text order."""
    tables = [b.table for b in document.blocks if b.kind == "table" and b.table is not None]
    tables.extend(find_text_tables(document))
    tables.sort(key=lambda t: t.start)
    return tables


@dataclass
class Tables:
    """A document's tables, the claims their structure (and the text about them) makes, and how much was read."""

    tables: list[Table]
    claims: list[Claim]
    count: TableCount
    lines: TextLines  # the tables' lines by name, scope and measure, and the statements placed against them
    views: list[TableView] = field(default_factory=list)  # each table as understood, in the order of tables


def read_tables(
    document: Document,
    tables: list[Table] | None,
    statements: list[Statement],
    year: int | None,
    identity_dirs: tuple[str, ...] = (),
    furniture: list[tuple[int, int]] = (),
) -> Tables:
    """A document's tables (those segmentation found, or all the document holds) understood, and their
    claims; identity_dirs as for extract(); furniture: where page numbers and running heads stand (a name or a
    list the text wraps over a page break is read without them)."""
    tables = document_tables(document) if tables is None else tables
    decompositions = load_decompositions(tuple(identity_dirs))
    views = [understand(t, i, decompositions) for i, t in enumerate(tables)]
    claims: list[Claim] = []
    for view in views:
        claims.extend(unique_claims(structural_claims(view) + identity_claims(view, decompositions)))
    lines = TextLines(document.content, year, tables, statements, views)
    claims.extend(text_table_claims(lines))
    claims.extend(link_claims(views, tuple(identity_dirs)))
    text = _without(document.text, furniture)
    claims.extend(name_claims(text, statements, views))
    claims.extend(listed_item_claims(text, views))
    shifts = shift_claims(views)
    if shifts:
        claims = [*_outside_shifts(claims, shifted_cells(shifts)), *shifts]
    return Tables(tables, claims, _count(tables, views), lines, views)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """text with the given spans blanked (same length, so every offset stays the document's)."""
    if not spans:
        return text
    pieces, at = [], 0
    for a, b in sorted(spans):
        pieces.append(text[at:a])
        pieces.append(re.sub(r"[^\n]", " ", text[a:b]))
        at = b
    pieces.append(text[at:])
    return "".join(pieces)


def _outside_shifts(claims: list[Claim], shifted: dict[int, int]) -> list[Claim]:
    """Claims that do not rest on the shifted rows of a shifted table (its 合计 line is still held to its sum)."""

    def moved(cell: TableCell) -> bool:
        return cell.table in shifted and cell.row >= shifted[cell.table]

    out: list[Claim] = []
    for claim in claims:
        if isinstance(claim, TableClaim):
            if claim.total.line not in ("合计", "总计") and (moved(claim.total) or any(moved(t.cell) for t in claim.terms)):
                continue
        elif isinstance(claim, LinkClaim):
            if any(moved(c) for c in (*claim.left, *claim.right)):
                continue
        elif isinstance(claim, TextTableClaim):
            kept = [c for c in claim.cells if not moved(c)]
            if not kept:
                continue
            if len(kept) < len(claim.cells):
                claim = claim.model_copy(update={"cells": kept})
        out.append(claim)
    return out


def _count(tables: list[Table], views: list[TableView]) -> TableCount:
    """Tables, their rows, and the figures in their value columns (a merged cell counts once)."""
    figures = 0
    for view in views:
        seen: set[int] = set()
        for line in view.lines():
            for figure in line.values.values():
                if figure.is_number and id(figure.cell) not in seen:
                    seen.add(id(figure.cell))
                    figures += 1
    rows = sum(len(t.rows) for t in tables)
    return TableCount(tables=len(tables), rows=rows, figures=figures)
