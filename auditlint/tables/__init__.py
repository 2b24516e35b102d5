"""Tables: find them (read by a reader, or written into text), understand them, state their identities."""

from __future__ import annotations

import threading

from ..extract.identities import load_decompositions
from ..model import Claim, Disclosure, Document, Table, TableCount
from .claims import TableCell, TableClaim, Term, structural_claims, unique_claims
from .crosscheck import TextTableClaim, text_table_claims
from .grid import TableView, understand
from .identities import identity_claims
from ..segment.delimited import find_text_tables
from .links import LinkClaim, link_claims
from .listed import ListedItemClaim, listed_item_claims
from .names import NameClaim, name_claims
from .shift import ShiftClaim, shift_claims, shifted_cells

__all__ = ["LinkClaim", "ListedItemClaim", "NameClaim", "ShiftClaim", "TableCell", "TableClaim", "TableView", "Term", "TextTableClaim", "attach_tables", "document_tables", "table_count"]


def document_tables(document: Document) -> list[Table]:
    """The reader's tables and the tables written into the document's text, in text order."""
    tables = [b.table for b in document.blocks if b.kind == "table" and b.table is not None]
    tables.extend(find_text_tables(document))
    tables.sort(key=lambda t: t.start)
    return tables


_last = threading.local()  # the views of the last disclosure, for its table count


def attach_tables(disclosure: Disclosure, identity_dirs: tuple[str, ...] = (), tables: list[Table] | None = None) -> list[TableView]:
    """Put a disclosure's tables and the claims their structure makes into it; identity_dirs as for extract()."""
    tables = document_tables(disclosure.document) if tables is None else tables
    disclosure.tables = tables
    decompositions = load_decompositions(tuple(identity_dirs))
    views = [understand(t, i, decompositions) for i, t in enumerate(tables)]
    claims: list[Claim] = []
    for view in views:
        claims.extend(unique_claims(structural_claims(view) + identity_claims(view, decompositions)))
    claims.extend(text_table_claims(disclosure, views))
    claims.extend(link_claims(views, tuple(identity_dirs)))
    claims.extend(name_claims(disclosure, views))
    claims.extend(listed_item_claims(disclosure, views))
    shifts = shift_claims(views)
    if shifts:
        claims = [*_outside_shifts(claims, shifted_cells(shifts)), *shifts]
    disclosure.claims = sorted([*disclosure.claims, *claims], key=lambda c: (c.start, c.end))
    _last.entry = (disclosure, views)
    return views


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


def table_count(disclosure: Disclosure) -> TableCount:
    """Tables, their rows, and the figures in their value columns (a merged cell counts once)."""
    entry = getattr(_last, "entry", None)
    views = entry[1] if entry is not None and entry[0] is disclosure else [understand(t, i) for i, t in enumerate(disclosure.tables)]
    figures = 0
    for view in views:
        seen: set[int] = set()
        for line in view.lines():
            for figure in line.values.values():
                if figure.is_number and id(figure.cell) not in seen:
                    seen.add(id(figure.cell))
                    figures += 1
    rows = sum(len(t.rows) for t in disclosure.tables)
    return TableCount(tables=len(disclosure.tables), rows=rows, figures=figures)
