"""Shifted tables: a table whose amounts slipped against its 科目 rows (错行), found against the other tables.

A report's tables list the same functional 科目 (208, 20805, 2080501 …) again and
again. When one table's amounts slid down or up its rows, row after row holds the
amount another table gives a different 科目 — and not the one it gives this row's
own. One such row may be chance; a run of them, from some row on, is a shifted
table. Every sum over its rows then fails for the same reason, so the shift is
said once, and the checks its shifted rows would fail are left unsaid.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from ..model import Claim
from .cells import Figure
from .grid import Line, TableView

# How many rows must carry another 科目's amount before a table is called shifted, and what share
# of the rows from the first of them on.
MIN_SHIFTED = 3
MIN_SHARE = Decimal("0.5")
# Small amounts recur by chance (0.00, 1.00 …).
MIN_AMOUNT = Decimal(1)


class ShiftedRow(BaseModel):
    row: int
    code: str
    start: int
    end: int
    written: str
    own: str = ""  # what the other table gives this row's 科目
    belongs_to: str = ""  # the 科目 whose amount it is there


class ShiftClaim(Claim):
    """A table whose amounts do not stand beside their own 科目 from some row on."""

    kind: str = "table-shift"
    table: int
    table_title: str
    reference: str  # the table the amounts were found in
    rows: list[ShiftedRow] = Field(default_factory=list)
    first_row: int = 0


def _first_value(line: Line) -> Figure | None:
    for fig in line.values.values():
        return fig if fig.is_number else None
    return None


def _coded(view: TableView) -> list[tuple[Line, Figure]]:
    out = []
    for line in view.lines():
        if line.code and line.code.startswith("2"):  # functional 科目 (economic ones open with 3 or 5)
            fig = _first_value(line)
            if fig is not None and fig.quantity is not None:
                out.append((line, fig))
    return out


def _related(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _against(view: TableView, ref: TableView) -> ShiftClaim | None:
    ref_rows = _coded(ref)
    if not ref_rows:
        return None
    own = {line.code: fig.quantity.value for line, fig in ref_rows}
    by_value: dict[Decimal, list[str]] = {}
    for line, fig in ref_rows:
        by_value.setdefault(fig.quantity.value, []).append(line.code)
    rows = _coded(view)
    shifted: list[tuple[int, ShiftedRow]] = []
    for k, (line, fig) in enumerate(rows):
        value = fig.quantity.value
        if line.code not in own or own[line.code] == value or abs(value) < MIN_AMOUNT:
            continue
        others = [c for c in by_value.get(value, []) if not _related(c, line.code)]
        if others:
            cell = fig.cell
            row = ShiftedRow(
                row=line.row, code=line.code, start=cell.start, end=cell.end,
                written=cell.text.strip(), own=_text(own[line.code]), belongs_to=others[0],
            )
            shifted.append((k, row))
    if len(shifted) < MIN_SHIFTED:
        return None
    first = shifted[0][0]
    if Decimal(len(shifted)) < MIN_SHARE * (len(rows) - first):
        return None
    top = shifted[0][1]
    return ShiftClaim(
        start=top.start,
        end=rows[-1][1].cell.end,
        subject=view.title,
        table=view.index,
        table_title=view.title,
        reference=ref.title,
        rows=[r for _, r in shifted],
        first_row=top.row,
    )


def _text(value: Decimal) -> str:
    return f"{value:,.2f}"


def shift_claims(views: list[TableView]) -> list[ShiftClaim]:
    """Coded tables whose amounts are shifted against every other coded table of the report.

    Two tables that disagree so could each be the shifted one; the one whose own 类/款/项
    sums fail is. A table no other table agrees with is not judged at all.
    """
    coded = [v for v in views if len(_coded(v)) >= MIN_SHIFTED]
    codes = {id(v): {line.code for line, _ in _coded(v)} for v in coded}

    def comparable(a: TableView, b: TableView) -> bool:
        shared = codes[id(a)] & codes[id(b)]
        return a is not b and a.unit == b.unit and len(shared) * 2 >= min(len(codes[id(a)]), len(codes[id(b)]))

    partners: dict[int, list[TableView]] = {}
    first: dict[int, ShiftClaim] = {}
    for view in coded:
        for ref in coded:
            if comparable(view, ref) and (claim := _against(view, ref)) is not None:
                partners.setdefault(id(view), []).append(ref)
                first.setdefault(id(view), claim)
    out = []
    for view in coded:
        mine = partners.get(id(view), [])
        if not mine:
            continue
        # the shifted table is the one at odds with more tables; at a tie, the one whose own sums fail
        if all(_outweighs(view, r, partners) for r in mine):
            out.append(first[id(view)])
    return out


def _outweighs(view: TableView, other: TableView, partners: dict[int, list[TableView]]) -> bool:
    mine, theirs = len(partners.get(id(view), [])), len(partners.get(id(other), []))
    if mine != theirs:
        return mine > theirs
    return _broken_sums(view) > _broken_sums(other)


def _broken_sums(view: TableView) -> int:
    """How many 类/款 of a table differ from the sum of their 款/项 in its first value column."""
    broken = 0
    for line in view.lines():
        fig = _first_value(line)
        if not line.children or fig is None or fig.quantity is None:
            continue
        parts = [_first_value(c) for c in line.children]
        if any(p is None or p.quantity is None for p in parts):
            continue
        if abs(sum(p.quantity.value for p in parts) - fig.quantity.value) > Decimal("0.011") * len(parts):  # type: ignore[union-attr]
            broken += 1
    return broken


def shifted_cells(claims: list[ShiftClaim]) -> dict[int, int]:
    """For each shifted table, the row from which its cells are not to be summed."""
    return {c.table: c.first_row for c in claims}
