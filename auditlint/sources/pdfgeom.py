"""Page geometry → lines and tables: what a PDF page's characters and rulings say, without any PDF library.

The PDF reader (`pdfium.py`) turns a page into glyphs (one character and its box)
and rulings (horizontal and vertical line segments, from stroked lines and thin
or outlined rectangles). This module does the rest, so it can be tested on
geometry alone:

- **ruled tables**: rulings snapped and joined, grouped into connected grids;
  each grid's lines cut it into slots, and neighbouring slots with no ruling
  between them are one merged cell;
- **lines**: the glyphs outside tables clustered into lines by their vertical
  overlap and read left to right, whatever order the content stream drew them
  in; a space is put where a gap is wider than the line's own letter spacing
  (so a justified line whose every character is spaced out reads as one word);
- **unruled tables**: three or more consecutive lines cut by the same blank
  column gutters, with figures in their value columns.

Coordinates are the page as displayed: x to the right, `top` and `bottom` measured
down from the top edge, in points.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from statistics import median

SNAP = 3.0  # rulings this close are one line
JOIN = 3.0  # collinear rulings with a gap this small are one line
THIN = 2.0  # a filled rectangle this thin is a ruling
SPACE = 3.0  # a gap this much wider than the line's letter spacing is a space (pdfplumber's x_tolerance)
GUTTER_EM = 1.5  # a blank gutter of an unruled table is at least this many character heights wide
MAX_SLOTS = 100_000  # rows × columns of the largest grid taken for a table (a real report's have a few thousand)


@dataclass(slots=True)
class Glyph:
    """One character and its box on the page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Rule:
    """A ruling: horizontal at y=pos from lo to hi, or vertical at x=pos from lo (top) to hi."""

    horizontal: bool
    pos: float
    lo: float
    hi: float


@dataclass
class Line:
    """A line of text: its glyphs left to right and the text read from them (spaces where gaps are)."""

    glyphs: list[Glyph]
    text: str
    # for each character of text, the index of its glyph (-1 for an inserted space)
    index: list[int]
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    x0: float
    top: float
    x1: float
    bottom: float
    glyphs: list[Glyph] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(line.text for line in lines(self.glyphs))


@dataclass
class Grid:
    """A table found on a page: its cells on a grid of rows and columns, and its box."""

    cells: list[GridCell]
    n_rows: int
    n_cols: int
    x0: float
    top: float
    x1: float
    bottom: float
    ruled: bool = True
    xs: list[float] = field(default_factory=list)  # column boundaries


# ----------------------------------------------------------------------- lines


def lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs clustered into lines, top to bottom; each line read left to right.

    A glyph joins the line above it when its middle is inside the line's band and
    they overlap by half the smaller height; the band grows with each glyph.
    """
    if not glyphs:
        return []
    first = glyphs[0]
    half = 0.5 * (first.bottom - first.top)
    if all(min(g.bottom, first.bottom) - max(g.top, first.top) >= half for g in glyphs):
        return [_line(sorted(glyphs, key=_left) if len(glyphs) > 1 else glyphs)]  # one line (most table cells)
    order = sorted(glyphs, key=_middle)
    groups: list[list[Glyph]] = []
    group: list[Glyph] = []
    band_top = band_bottom = 0.0
    for g in order:
        top, bottom = g.top, g.bottom
        if group and (top + bottom) / 2 < band_bottom:
            overlap = (bottom if bottom < band_bottom else band_bottom) - (top if top > band_top else band_top)
            smaller = bottom - top if bottom - top < band_bottom - band_top else band_bottom - band_top
            if overlap >= 0.5 * smaller:
                group.append(g)
                if top < band_top:
                    band_top = top
                if bottom > band_bottom:
                    band_bottom = bottom
                continue
        group = [g]
        groups.append(group)
        band_top, band_bottom = top, bottom
    return [_line(sorted(group, key=_left) if len(group) > 1 else group) for group in groups]


def _middle(g: Glyph) -> float:
    return g.top + g.bottom


def _left(g: Glyph) -> float:
    return g.x0


def _line(glyphs: list[Glyph]) -> Line:
    if len(glyphs) >= 5:
        gaps = [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:]) if a.text != " " and b.text != " "]
        # letter spacing of the line: what a justified or spaced-out line puts between every two characters
        spacing = max(0.0, median(gaps)) if len(gaps) >= 4 else 0.0
    else:
        spacing = 0.0
    limit = spacing + SPACE
    parts: list[str] = []
    index: list[int] = []
    prev: Glyph | None = None
    top = glyphs[0].top
    bottom = glyphs[0].bottom
    x1 = glyphs[0].x1
    for i, g in enumerate(glyphs):
        if g.top < top:
            top = g.top
        if g.bottom > bottom:
            bottom = g.bottom
        if g.x1 > x1:
            x1 = g.x1
        ch = g.text
        if ch.isspace():
            if parts and parts[-1] != " ":
                parts.append(" ")
                index.append(-1)
            continue
        if prev is not None:
            if ch == prev.text and abs(g.x0 - prev.x0) < 1 and abs(g.top - prev.top) < 1:
                continue  # a character drawn twice on itself (fake bold)
            if g.x0 - prev.x1 > limit and parts[-1] != " ":
                parts.append(" ")
                index.append(-1)
        parts.append(ch)
        index.append(i)
        prev = g
    while parts and parts[-1] == " ":
        parts.pop()
        index.pop()
    if parts and parts[0] == " ":
        del parts[0], index[0]
    return Line(glyphs=glyphs, text="".join(parts), index=index, x0=glyphs[0].x0, top=top, x1=x1, bottom=bottom)


# ---------------------------------------------------------------------- rulings


def _cluster(values: list[float], tol: float) -> list[float]:
    """Sorted positions, each replaced by the mean of its run of positions within tol of each other."""
    out: list[float] = []
    run: list[float] = []
    for v in sorted(values):
        if run and v - run[-1] > tol:
            mean = sum(run) / len(run)
            out.extend([mean] * len(run))
            run = []
        run.append(v)
    if run:
        mean = sum(run) / len(run)
        out.extend([mean] * len(run))
    return out


def merge_rules(rules: list[Rule]) -> list[Rule]:
    """Rulings snapped to shared positions and joined end to end (a line drawn cell by cell is one line)."""
    out: list[Rule] = []
    for horizontal in (True, False):
        same = sorted((r for r in rules if r.horizontal == horizontal), key=lambda r: r.pos)
        if not same:
            continue
        snapped = _cluster([r.pos for r in same], SNAP)
        by_pos: dict[float, list[tuple[float, float]]] = {}
        for r, pos in zip(same, snapped):
            by_pos.setdefault(pos, []).append((r.lo, r.hi))
        for pos, spans in by_pos.items():
            spans.sort()
            lo, hi = spans[0]
            for a, b in spans[1:]:
                if a <= hi + JOIN:
                    hi = max(hi, b)
                else:
                    out.append(Rule(horizontal, pos, lo, hi))
                    lo, hi = a, b
            out.append(Rule(horizontal, pos, lo, hi))
    return out


def _components(hs: list[Rule], vs: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """Rulings grouped by touching: each group is one grid."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(vs)), key=lambda j: vs[j].pos)
    xs = [vs[j].pos for j in order]
    for i, h in enumerate(hs):
        for k in range(bisect_left(xs, h.lo - SNAP), bisect_right(xs, h.hi + SNAP)):
            j = order[k]
            v = vs[j]
            if v.lo - SNAP <= h.pos <= v.hi + SNAP:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return list(groups.values())


def _covers(rules: list[Rule], lo: float, hi: float) -> bool:
    """Whether the rulings at one position cover most of [lo, hi]."""
    need = (hi - lo) * 0.5
    got = 0.0
    for r in rules:
        a = r.lo if r.lo > lo else lo
        b = r.hi if r.hi < hi else hi
        if b > a:
            got += b - a
    return got >= need


def grids(rules: list[Rule]) -> list[Grid]:
    """The ruled tables the rulings draw: rows and columns, merged cells where a ruling is missing."""
    merged = merge_rules(rules)
    hs = [r for r in merged if r.horizontal]
    vs = [r for r in merged if not r.horizontal]
    out: list[Grid] = []
    for ghs, gvs in _components(hs, vs):
        grid = _grid(ghs, gvs)
        if grid is not None:
            out.append(grid)
    out.sort(key=lambda g: (g.top, g.x0))
    return out


def _grid(hs: list[Rule], vs: list[Rule]) -> Grid | None:
    if len(hs) < 2 or len(vs) < 2:
        return None
    ys = sorted({h.pos for h in hs})
    xs = sorted({v.pos for v in vs})
    at_y: dict[float, list[Rule]] = {}
    for h in hs:
        at_y.setdefault(h.pos, []).append(h)
    at_x: dict[float, list[Rule]] = {}
    for v in vs:
        at_x.setdefault(v.pos, []).append(v)
    # the frame: rows and columns span the outermost lines
    if len(ys) < 2 or len(xs) < 2 or (len(ys) - 1) * (len(xs) - 1) > MAX_SLOTS:
        return None
    # drop inner lines that separate nothing (a stub sticking out of the frame)
    xs = [x for i, x in enumerate(xs) if i in (0, len(xs) - 1) or any(_covers(at_x[x], a, b) for a, b in zip(ys, ys[1:]))]
    ys = [y for i, y in enumerate(ys) if i in (0, len(ys) - 1) or any(_covers(at_y[y], a, b) for a, b in zip(xs, xs[1:]))]
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows * n_cols < 2 or n_rows * n_cols > MAX_SLOTS:
        return None  # one box is a frame, not a table; a grid of this many slots is a drawing (graph paper)
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(1, n_cols):
            if not _covers(at_x[xs[c]], ys[r], ys[r + 1]):
                a, b = find(r * n_cols + c - 1), find(r * n_cols + c)
                if a != b:
                    parent[b] = a
    for r in range(1, n_rows):
        for c in range(n_cols):
            if not _covers(at_y[ys[r]], xs[c], xs[c + 1]):
                a, b = find((r - 1) * n_cols + c), find(r * n_cols + c)
                if a != b:
                    parent[b] = a
    spans: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            root = find(r * n_cols + c)
            box = spans.get(root)
            if box is None:
                spans[root] = [r, c, r, c]
            else:
                box[0] = min(box[0], r)
                box[1] = min(box[1], c)
                box[2] = max(box[2], r)
                box[3] = max(box[3], c)
    cells = [
        GridCell(row=r0, col=c0, rowspan=r1 - r0 + 1, colspan=c1 - c0 + 1, x0=xs[c0], top=ys[r0], x1=xs[c1 + 1], bottom=ys[r1 + 1])
        for r0, c0, r1, c1 in spans.values()
    ]
    if len(cells) < 2:
        return None
    cells.sort(key=lambda c: (c.row, c.col))
    return Grid(cells=cells, n_rows=n_rows, n_cols=n_cols, x0=xs[0], top=ys[0], x1=xs[-1], bottom=ys[-1], xs=xs)


def fill(grid: Grid, glyphs: list[Glyph]) -> list[Glyph]:
    """Put each glyph whose centre is inside the grid into its cell; return the glyphs outside it."""
    ys = sorted({c.top for c in grid.cells} | {grid.bottom})
    xs = sorted({c.x0 for c in grid.cells} | {grid.x1})
    slot: dict[tuple[int, int], GridCell] = {}
    row_of = {y: i for i, y in enumerate(ys)}
    col_of = {x: i for i, x in enumerate(xs)}
    for cell in grid.cells:
        r0, c0 = row_of[cell.top], col_of[cell.x0]
        r1, c1 = row_of[cell.bottom], col_of[cell.x1]
        for r in range(r0, r1):
            for c in range(c0, c1):
                slot[(r, c)] = cell
    outside: list[Glyph] = []
    left, right, top, bottom = grid.x0, grid.x1, grid.top, grid.bottom
    last_row, last_col = len(ys) - 2, len(xs) - 2
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        if not (left <= cx <= right and top <= cy <= bottom):
            outside.append(g)
            continue
        r = bisect_right(ys, cy) - 1
        c = bisect_right(xs, cx) - 1
        cell = slot.get((r if r < last_row else last_row, c if c < last_col else last_col))
        if cell is None:
            outside.append(g)
        else:
            cell.glyphs.append(g)
    return outside


# -------------------------------------------------------------- unruled tables

# an amount or a rate as tables write them: with decimals, thousands commas or a percent sign (a bare
# small integer is as likely a page number of a table of contents as a figure)
_FIGURE = re.compile(r"^[-−－(（]?\d[\d,，]*(?:\.\d+)?[%％)）]?$")
_AMOUNT = re.compile(r"[.,，%％]")


def _segments(line: Line) -> list[tuple[float, float]]:
    """A line cut where a gap is at least a gutter wide: the x range of each piece."""
    gutter = GUTTER_EM * (line.bottom - line.top)
    out: list[tuple[float, float]] = []
    for g in line.glyphs:
        if g.text == " ":
            continue
        if out and g.x0 - out[-1][1] < gutter:
            if g.x1 > out[-1][1]:
                out[-1] = (out[-1][0], g.x1)
        else:
            out.append((g.x0, g.x1))
    return out


def unruled(block: list[Line]) -> list[tuple[int, int, Grid]]:
    """Runs of lines that form a table without rulings: (first line, end line, grid) for each.

    A run is three or more consecutive lines, each cut by gutters into two or more
    pieces, where the gutters line up: there are x ranges that no glyph of any line
    of the run covers, and every line has text on both sides of each. At least half of
    the run's lines must hold a figure in a value column; text laid out in columns
    without figures (a signature block, a two-column list) stays text.
    """
    pieces = [_segments(line) for line in block]
    out: list[tuple[int, int, Grid]] = []
    i = 0
    while i < len(block):
        if len(pieces[i]) < 2:
            i += 1
            continue
        j = i + 1
        gutters = _gutters([pieces[i]])
        while j < len(block) and len(pieces[j]) >= 2 and _vertical_gap_ok(block[j - 1], block[j]):
            trial = _gutters([pieces[k] for k in range(i, j + 1)])
            if not trial:
                break
            gutters = trial
            j += 1
        if j - i >= 3 and gutters:
            grid = _unruled_grid(block[i:j], gutters)
            if grid is not None:
                out.append((i, j, grid))
                i = j
                continue
        i += 1
    return out


def _vertical_gap_ok(a: Line, b: Line) -> bool:
    return b.top - a.bottom < 2.5 * max(a.bottom - a.top, b.bottom - b.top)


def _gutters(rows: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The x ranges blank in every row and with text on both sides in every row."""
    lo = max(r[0][0] for r in rows)
    hi = min(r[-1][1] for r in rows)
    # blank ranges of each row between its first and last piece, intersected over all rows
    blank: list[tuple[float, float]] = [(lo, hi)]
    for r in rows:
        row_blank = [(a[1], b[0]) for a, b in zip(r, r[1:])]
        blank = [(max(x0, y0), min(x1, y1)) for x0, x1 in blank for y0, y1 in row_blank if min(x1, y1) - max(x0, y0) > 0]
    return [g for g in blank if g[1] - g[0] >= 2.0]


def _unruled_grid(rows: list[Line], gutters: list[tuple[float, float]]) -> Grid | None:
    bounds = [min(r.x0 for r in rows)] + [(a + b) / 2 for a, b in gutters] + [max(r.x1 for r in rows)]
    n_cols = len(bounds) - 1
    cells: list[GridCell] = []
    figures = 0
    for r, line in enumerate(rows):
        row_cells = [
            GridCell(row=r, col=c, rowspan=1, colspan=1, x0=bounds[c], top=line.top, x1=bounds[c + 1], bottom=line.bottom)
            for c in range(n_cols)
        ]
        for g in line.glyphs:
            if g.text.isspace():
                continue
            c = min(max(bisect_right(bounds, (g.x0 + g.x1) / 2) - 1, 0), n_cols - 1)
            row_cells[c].glyphs.append(g)
        texts = [cell.text().replace(" ", "") for cell in row_cells[1:]]
        if any(_FIGURE.match(t) and _AMOUNT.search(t) for t in texts):
            figures += 1
        cells.extend(row_cells)
    if figures * 2 < len(rows):
        return None
    return Grid(
        cells=cells,
        n_rows=len(rows),
        n_cols=n_cols,
        x0=bounds[0],
        top=rows[0].top,
        x1=bounds[-1],
        bottom=rows[-1].bottom,
        ruled=False,
        xs=bounds,
    )
