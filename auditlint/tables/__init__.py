"""Tables: find them (read by a reader, or written into text), understand them, state their identities."""

from __future__ import annotations

from ..model import Claim, Disclosure, Document, Table, TableCount
from ..extract.identities import load_decompositions
from .cells import read_figure
from .claims import TableCell, TableClaim, Term, structural_claims, unique_claims
from .crosscheck import TextTableClaim, text_table_claims
from .grid import TableView, understand
from .identities import identity_claims
from .textborn import find_text_tables

__all__ = ["TableCell", "TableClaim", "TableView", "Term", "TextTableClaim", "attach_tables", "document_tables", "table_count"]


def document_tables(document: Document) -> list[Table]:
    """The reader's tables and the tables written into the document's text, in text order."""
    tables = [b.table for b in document.blocks if b.kind == "table" and b.table is not None]
    tables.extend(find_text_tables(document))
    tables.sort(key=lambda t: t.start)
    return tables


def attach_tables(disclosure: Disclosure, identity_dirs: tuple[str, ...] = ()) -> list[TableView]:
    """Put a disclosure's tables and the claims their structure makes into it; identity_dirs as for extract()."""
    tables = document_tables(disclosure.document)
    disclosure.tables = tables
    decompositions = load_decompositions(tuple(identity_dirs))
    views = [understand(t, i, decompositions) for i, t in enumerate(tables)]
    claims: list[Claim] = []
    for view in views:
        claims.extend(unique_claims(structural_claims(view) + identity_claims(view, decompositions)))
    claims.extend(text_table_claims(disclosure, views))
    disclosure.claims = sorted([*disclosure.claims, *claims], key=lambda c: (c.start, c.end))
    return views


def table_count(disclosure: Disclosure) -> TableCount:
    """Tables, their rows, and the cells that hold a figure (a merged cell counts once)."""
    figures = 0
    rows = 0
    for t in disclosure.tables:
        rows += len(t.rows)
        seen: set[int] = set()
        for row in t.rows:
            for cell in row:
                if cell is not None and id(cell) not in seen:
                    seen.add(id(cell))
                    figure = read_figure(cell)
                    figures += bool(figure is not None and figure.is_number)
    return TableCount(tables=len(disclosure.tables), rows=rows, figures=figures)
