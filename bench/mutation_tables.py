"""Table mutations for bench/mutations.py: a figure of a table written into text changed, two swapped, a restating amount changed.

Sites come from the segmentation auditlint itself uses (`segment(document).tables`,
`understand`, and the identities the table's structure and the templates state). A
figure is mutated only where an identity it takes part in holds before, written
precision taken as intervals (Decimal), and at least one such identity fails after:

- table-total: the figure of a 合计 / 总计 / 小计 line in a column where that line equals
  the lines it totals;
- table-code: a figure of a 类 / 款 / 项 line (or a heading over numbered lines) in a
  column where the parent equals the sum of its children;
- table-full / table-short: a figure of a line whose 合计 column equals its other
  columns, the line's figures all in known columns (full) or some of them placed only
  loosely, a flattened row that lost its blank cells (short);
- table-swap: two figures of one column in two lines exchanged;
- table-text: an amount of the explanation that restates a table line (its label ends
  the words before it, its value equals one of the line's figures) changed, so it no
  longer equals any figure of that line.

A changed figure has one digit of its whole part changed (a typing slip), so it moves
by at least one unit of the table.
"""

from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from mutation_layouts import AMOUNT, NUM, line_starts

from auditlint.identities import load_decompositions
from auditlint.segment import segment
from auditlint.sources import read_bytes
from auditlint.tables.cells import read_figure
from auditlint.tables.claims import TableCell, TableClaim, structural_claims, unique_claims
from auditlint.tables.grid import TableView, understand
from auditlint.tables.identities import identity_claims
from auditlint.tables.shift import shift_claims, shifted_cells

SCALE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_CLAUSE_END = re.compile(r"[，。；：:,;、]")
_MARKS = re.compile(r"[（(][类款项][)）]|[“”\"‘’'（）()]")
_TRAILING = "为是达共计约"
_AMOUNT_CELL = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d.,])")
_MEASURE = re.compile(r"(?:决算数?|预算数?)$")


@dataclass
class Site:
    """A mutation site in a table: what to edit in the text, where a finding counts, and what it is."""

    kind: str
    edits: list[tuple[int, int, str]]
    windows: list[tuple[int, int]]
    note: str
    near: list[tuple[int, int]] = field(default_factory=list)  # the total lines of the identities it breaks


@dataclass
class Analysis:
    """A text as auditlint's segmentation reads it: its tables understood and the identities that hold."""

    views: list[TableView]
    held: list[TableClaim]
    starts: list[int]
    paragraphs: list[tuple[int, int]]
    rows: list[tuple[int, int]]  # lines read as table rows or table of contents entries
    figures: int  # amounts (with decimals or grouped) on the lines of the tables the segmentation found
    by_cell: dict[tuple[int, int, int], list[TableClaim]]

    def line_of(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else offset + 1
        return self.starts[i], end


def _half(places: int) -> Decimal:
    return Decimal(5) / Decimal(10) ** (places + 1)


def _parse(text: str) -> tuple[Decimal, int] | None:
    m = re.fullmatch(rf"\s*(-?)({NUM})\s*", text.replace("，", ","))
    if not m:
        return None
    number = m.group(2).replace(",", "")
    return Decimal(m.group(1) + number), len(number.split(".")[1]) if "." in number else 0


def _value(cell: TableCell, override: dict) -> tuple[Decimal, Decimal] | None:
    """(value, half the rounding width) of a cell, in 元 when its unit is known; None when it holds no figure."""
    scale = SCALE.get(cell.quantity.unit if cell.quantity is not None else "", Decimal(1))
    if cell.key in override:
        parsed = _parse(override[cell.key])
        return None if parsed is None else (parsed[0] * scale, _half(parsed[1]) * scale)
    if cell.state == "blank":
        return Decimal(0), Decimal(0)
    if cell.state != "number" or cell.quantity is None:
        return None
    return cell.quantity.value * scale, _half(cell.quantity.places) * scale


def holds(claim: TableClaim, override: dict | None = None) -> bool | None:
    """Whether total = Σ sign × term can hold with every figure anywhere within its rounding; None: not all figures."""
    override = override or {}
    total = _value(claim.total, override)
    terms = [(t.sign, _value(t.cell, override)) for t in claim.terms]
    if total is None or any(v is None for _, v in terms):
        return None
    gap = total[0] - sum(sign * v[0] for sign, v in terms)  # type: ignore[index]
    slack = total[1] + sum(v[1] for _, v in terms)  # type: ignore[index]
    return abs(gap) <= slack


@lru_cache(maxsize=4)
def analyse(text: str) -> Analysis:
    document = read_bytes("analysis.txt", text.encode("utf-8"))
    layout = segment(document)
    decompositions = load_decompositions()
    views = [understand(t, i, decompositions) for i, t in enumerate(layout.tables)]
    # a table whose amounts slid against its rows is reported once as shifted, its sums from there on not checked
    shifted = shifted_cells(shift_claims(views))
    held = []
    for view in views:
        for claim in unique_claims(structural_claims(view) + identity_claims(view, decompositions)):
            moved = any(c.table in shifted and c.row >= shifted[c.table] for c in _cells(claim))
            if not claim.denominator and not moved and holds(claim):
                held.append(claim)
    starts = line_starts(text)
    paragraphs = [(a, b) for a, b, kind in layout.lines if kind == "paragraph"]
    rows = [(a, b) for a, b, kind in layout.lines if kind in ("table", "toc")]
    figures = sum(len(_AMOUNT_CELL.findall(text, seg.start, seg.end)) for seg in layout.segments if seg.kind == "table")
    by_cell: dict[tuple[int, int, int], list[TableClaim]] = {}
    for claim in held:
        for cell in _cells(claim):
            by_cell.setdefault(cell.key, []).append(claim)
    return Analysis(views, held, starts, paragraphs, rows, figures, by_cell)


def coverage(text: str) -> tuple[int, int]:
    """(amounts on the lines of the text's tables, those in an identity that holds): what table mutations can reach."""
    analysis = analyse(text)
    texts = {cell.key: cell.text.strip() for claim in analysis.held for cell in _cells(claim)}
    return analysis.figures, sum(1 for t in texts.values() if _AMOUNT_CELL.fullmatch(t))


def table_lines(text: str):
    """A test: is an offset of `text` on a line its segmentation reads as a table row or a table of contents entry?"""
    rows = analyse(text).rows
    firsts = [a for a, _ in rows]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(firsts, offset) - 1
        return i >= 0 and offset <= rows[i][1]

    return inside


def changed_digit(rng: random.Random, number: str) -> str:
    """number with one digit of its whole part changed: never within the rounding of its last place."""
    whole = number.split(".")[0]
    positions = [i for i, ch in enumerate(whole) if ch.isdigit()]
    i = rng.choice(positions)
    lead = i == positions[0] and len(positions) > 1
    choices = [d for d in ("123456789" if lead else "0123456789") if d != number[i]]
    return number[:i] + rng.choice(choices) + number[i + 1 :]


def _cells(claim: TableClaim) -> list[TableCell]:
    return [claim.total, *(t.cell for t in claim.terms)]


def _loose(view: TableView, cell: TableCell) -> bool:
    row = view.table.rows[cell.row]
    return any(c is not None and c.unknown and c.text.strip() for c in row)


def _broken(analysis: Analysis, override: dict) -> list[TableClaim]:
    """The identities that held and fail with these cells' texts."""
    return [c for key in override for c in analysis.by_cell.get(key, []) if holds(c, override) is False]


def _near(analysis: Analysis, broken: list[TableClaim]) -> list[tuple[int, int]]:
    return sorted({analysis.line_of(c.total.start) for c in broken})


def _where(analysis: Analysis, cell: TableCell) -> str:
    return f"{analysis.views[cell.table].title} {cell.line or cell.row}/{cell.column or cell.col}"


def figure_sites(text: str, rng: random.Random) -> list[Site]:
    """One figure of a table line changed, for every line figure in an identity that holds."""
    analysis = analyse(text)
    seen: set[tuple] = set()
    out = []
    for claim in analysis.held:
        view = analysis.views[claim.table]
        if claim.axis == "row":
            picks = [("table-total", claim.total)]
        elif claim.axis == "code":
            picks = [("table-code", c) for c in _cells(claim)]
        elif claim.axis == "column":
            kind = "table-short" if _loose(view, claim.total) else "table-full"
            picks = [(kind, c) for c in _cells(claim)]
        else:
            continue
        for kind, cell in picks:
            if (kind, cell.key) in seen or cell.state != "number" or text[cell.start : cell.end] != cell.text:
                continue
            seen.add((kind, cell.key))
            if _parse(cell.text) is None:
                continue
            new = changed_digit(rng, cell.text.strip())
            broken = _broken(analysis, {cell.key: new})
            if not broken:
                continue
            at = cell.start + cell.text.index(cell.text.strip())
            note = f"{_where(analysis, cell)}: {cell.text.strip()} -> {new}"
            out.append(Site(kind, [(at, at + len(cell.text.strip()), new)], [analysis.line_of(cell.start)], note, _near(analysis, broken)))
    return out


def _level(cell: TableCell) -> int:
    """The code length of a cell's line (3 类, 5 款, 7 项), 0 for a line without a code."""
    m = re.match(r"\d{3,7}(?=\s)", cell.line)
    return len(m.group()) if m else 0


def swap_sites(text: str, rng: random.Random) -> list[Site]:
    """Two figures of one column exchanged between a line and the next line of its level (not a total line)."""
    analysis = analyse(text)
    totals = {c.total.key for c in analysis.held if c.axis == "row"}
    by_column: dict[tuple[int, int], dict[int, TableCell]] = {}
    for claim in analysis.held:
        if claim.axis not in ("row", "code"):
            continue
        for cell in _cells(claim):
            if cell.key not in totals and cell.state == "number" and text[cell.start : cell.end] == cell.text and _parse(cell.text):
                by_column.setdefault((cell.table, cell.col), {})[cell.row] = cell
    out = []
    for cells in by_column.values():
        rows = sorted(cells)
        for r in rows:
            a = cells[r]
            b = next((cells[q] for q in rows if q > r and _level(cells[q]) == _level(a)), None)
            if b is None or _parse(b.text)[0] == _parse(a.text)[0]:  # type: ignore[index]
                continue
            override = {a.key: b.text.strip(), b.key: a.text.strip()}
            broken = _broken(analysis, override)
            if not broken:
                continue
            edits = sorted([(a.start, a.end, b.text), (b.start, b.end, a.text)])
            windows = [analysis.line_of(a.start), analysis.line_of(b.start)]
            note = f"{_where(analysis, a)} {a.text.strip()} <-> {b.line or b.row} {b.text.strip()}"
            out.append(Site("table-swap", edits, windows, note, _near(analysis, broken)))
    return out


def _label_key(label: str) -> str:
    key = _MARKS.sub("", re.sub(r"\s+", "", label))
    return key.removesuffix("支出")


def text_sites(text: str, rng: random.Random, window) -> list[Site]:
    """An amount of the prose that restates a table line, changed to a figure the line does not hold; window(text, start, end) is where a finding counts."""
    analysis = analyse(text)
    lines: dict[str, list[list[tuple[Decimal, Decimal]]]] = {}
    for view in analysis.views:
        for line in view.lines():
            key = _label_key(line.label)
            if len(key) < 4:
                continue
            figures = []
            for col in view.columns:
                fig = line.values.get(col.index)
                unit = col.unit or view.unit
                fig = read_figure(fig.cell, unit or "", loose=True) if fig is not None else None
                if fig is None or not fig.is_number or fig.percent or unit not in SCALE:
                    continue
                q = fig.quantity
                figures.append((q.value * SCALE[unit], _half(q.places) * SCALE[unit]))
            if figures:
                lines.setdefault(key, []).append(figures)
    out = []
    for start, end in analysis.paragraphs:
        for m in AMOUNT.finditer(text, start, end):
            before = re.sub(r"\s+", "", text[max(0, m.start() - 40) : m.start()])
            cut = [x.end() for x in _CLAUSE_END.finditer(before)]
            words = _label_key(_MEASURE.sub("", before[cut[-1] if cut else 0 :].rstrip(_TRAILING)))
            value, places = _parse(m.group(1))  # type: ignore[misc]
            amount = (value * SCALE[m.group(2)], _half(places) * SCALE[m.group(2)])
            restated = [
                figures
                for n in range(4, min(len(words), 24) + 1)
                for figures in lines.get(words[-n:], [])
                if any(abs(v - amount[0]) <= h + amount[1] for v, h in figures)
            ]
            if not restated:
                continue
            new = changed_digit(rng, m.group(1))
            moved = _parse(new)[0] * SCALE[m.group(2)]  # type: ignore[index]
            if any(abs(v - moved) <= h + amount[1] for figures in restated for v, h in figures):
                continue
            out.append(Site("table-text", [(m.start(1), m.end(1), new)], [window(text, m.start(), m.end())], f"{words[-12:]} {m.group(1)} -> {new}"))
    return out
