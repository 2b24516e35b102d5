"""Rebuild a table from its flattened lines: rows, sides, codes, labels and value columns.

A flattened row has lost its empty cells: ``208 05 行政事业单位养老支出 6,103,096
6,103,096`` is three value columns (合计, 基本支出, 项目支出) with one left blank,
and nothing says which. A figure is placed in a column only when that is certain:
every column of a full row; the first column of a side whose first column is the
total of the others (it holds a figure whenever any of them does). Where the
other figures of a short row go is unknown, and those cells say so: checks that
need them are not assessable, never run on a guess.

Labels wrapped over several lines come back together: a PDF centres a row's
figures beside its label, so the label's first part stands on the line above
and its rest on the line below (``城乡社区管理`` / ``21201 12,091.64 …`` / ``事务``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Cell, Table
from ..numbering import TABLE_LABEL_MARKER
from .lines import Line, Token
from .placement import RowPlacements, bounds, candidates, column_sums, prune, settled
from .templates import SideTemplate, TableTemplate, match_template

_TOTAL_WORD = re.compile(r"(?:合计|总计|小计)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_EXPENSE_SIDE = re.compile(r"支出|结余分配|年末")
_GENERIC_TOTAL_FIRST = re.compile(r"^(?:本年)?(?:收入|支出)?(?:合计|总计)")


@dataclass
class Piece:
    """Some text of a label, with its place."""

    text: str
    start: int
    end: int


@dataclass
class Group:
    """One line item of a row: its code, its label (perhaps in pieces over several lines), its figures."""

    code: str = ""
    code_start: int = 0
    code_end: int = 0
    label: list[Piece] = field(default_factory=list)
    inline: bool = False  # part of its label stands on its own line
    figures: list[Token] = field(default_factory=list)
    side: int = 0

    @property
    def label_text(self) -> str:
        return "".join(p.text.replace(" ", "") if _cjk_only(p.text) else p.text for p in self.label).strip()

    @property
    def anchor(self) -> int:
        if self.code:
            return self.code_start
        if self.label:
            return self.label[0].start
        return self.figures[0].start if self.figures else 0


@dataclass
class Row:
    line: int
    groups: list[Group]
    heads: int = 0  # label fragments it took from the lines above
    wrapped: Group | None = None  # the item whose label those fragments began
    numbered: bool = False  # a row with no figures, numbered or a total: 二、事业收入

    @property
    def has_figures(self) -> bool:
        return any(g.figures for g in self.groups)


def _cjk_only(text: str) -> bool:
    return not re.search(r"[A-Za-z0-9]", text)


def _groups(line: Line) -> list[Group]:
    """A row's tokens as line items: a code or a numbered label after figures opens the next one."""
    groups: list[Group] = []
    current: Group | None = None
    for t in line.tokens:
        if t.kind == "code":
            current = Group(code=t.text, code_start=t.start, code_end=t.end, inline=True)
            groups.append(current)
        elif t.kind == "part" and current is not None:
            current.code += t.text
            current.code_end = t.end
        elif t.kind == "word":
            if current is None or current.figures or (current.label and TABLE_LABEL_MARKER.match(t.text)):
                current = Group(inline=True)
                groups.append(current)
            current.label.append(Piece(t.text, t.start, t.end))
        else:
            if current is None:
                current = Group(inline=True)
                groups.append(current)
            current.figures.append(t)
    return groups


def _words_row(line: Line) -> Row:
    group = Group(label=[Piece(line.stripped, line.start + (len(line.text) - len(line.text.lstrip())), line.end)], inline=True)
    return Row(line=-1, groups=[group])


def _empty_row(line: Line) -> bool:
    """A row with no figures that is a row all the same: numbered (二、事业收入), a total (合计), or two labels."""
    text = re.sub(r"\s+", "", line.stripped)
    if TABLE_LABEL_MARKER.match(text) or bool(_TOTAL_WORD.search(text)) and len(text) <= 12:
        return True
    parts = line.stripped.split()
    return len(parts) == 2 and all(len(_CJK.findall(p)) >= 4 for p in parts)  # "年初结转和结余 年末结转和结余"


@dataclass
class _Read:
    caption: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def _read_region(lines: list[Line], kinds: list, first: int, last: int) -> _Read:
    from .regions import is_caption_line, is_header, is_note, is_title

    read = _Read()
    pending: list[Piece] = []
    seen_row = False
    # a table none of whose lines opens with a code has no codes: a number in a code's shape after a figure
    # ("非税收入 300 350", "企业所得税 2131800 2269841") is a figure, not the code of a second item
    coded = any(lines[i].shape == "row" and lines[i].opens_with_code for i in range(first, last + 1))
    for i in range(first, last + 1):
        ln = lines[i]
        if kinds[i] in ("blank", "furniture") or not ln.stripped:
            continue
        if is_title(ln) or is_caption_line(ln):
            if not seen_row:
                read.caption.append(ln.stripped)
            continue
        if is_note(ln):
            continue
        if not coded and _codes_after_a_label(ln):
            # "企业所得税 Corporate Income Tax 2131800 2269841": the item's figures, read as codes for their shape
            ln = replace(ln, tokens=[Token("figure", t.text, t.start, t.end) if t.kind == "code" else t for t in ln.tokens], shape="row")
        if ln.shape == "row":
            row = Row(line=i, groups=_groups(ln) if coded else _figures_for_codes(_groups(ln)))
            prev = read.rows[-1] if read.rows else None
            if prev is not None and _ends_with_bare_code(prev) and prev.line == _previous_filled(lines, i) and not row.groups[0].code and not pending:
                # "30109 职业年金缴费 225.12 30207" / "邮电费 8.05": the code stands a line above the rest of its item
                target = prev.groups[-1]
                target.label, target.figures = row.groups[0].label, row.groups[0].figures
                prev.groups.extend(row.groups[1:])
                prev.line = i
                continue
            if prev is not None and _leads_with_figures(row) and _coded_without_figures(prev) and len(pending) <= 4:
                # "2080505 机关事业单位基本养老保险缴费" / "支出" / "6.18 6.18" (or "6.18 30206 电费 0.00"): a page
                # dump gives a wrapped label's lines before the figures that stand beside it
                target = prev.groups[-1]
                target.label.extend([*pending, *row.groups[0].label])
                target.figures = row.groups[0].figures
                prev.groups.extend(row.groups[1:])
                prev.line, pending = i, []
                continue
            if not seen_row:
                # above the first row stand column titles; only the line right above may begin its label
                keep = pending[-1:] if _needs_label(row) and _adjacent(lines, kinds, i, pending) else []
                read.header.extend(p.text for p in pending[: len(pending) - len(keep)])
                pending = keep
            _attach(read.rows, row, pending)
            pending = []
            read.rows.append(row)
            seen_row = True
            continue
        if not seen_row and is_header(ln):
            read.header.extend(p.text for p in pending)
            pending = []
            read.header.append(ln.stripped)
            continue
        if seen_row and _after_break(lines, kinds, i) and re.sub(r"\s+", "", ln.stripped) in {re.sub(r"\s+", "", h) for h in read.header}:
            continue  # the header repeated on the next page
        if seen_row and _empty_row(ln):
            _attach(read.rows, None, pending)
            pending = []
            row = _words_row(ln)
            row.line, row.numbered = i, True
            read.rows.append(row)
            continue
        pending.append(Piece(ln.stripped, ln.start + (len(ln.text) - len(ln.text.lstrip())), ln.end))
    if seen_row:
        _attach(read.rows, None, pending)
    else:
        read.header.extend(p.text for p in pending)
    return read


def _leads_with_figures(row: Row) -> bool:
    """A row that opens with figures and no code: those figures belong to the item above (a page dump).

    Its first item may carry the end of that item's name ("事务支出 45.00 0.00 45.00"), never a name of
    its own: a total or a numbered line is a row of its own.
    """
    first = row.groups[0]
    if first.code or not first.figures:
        return False
    name = first.label_text
    return not name or len(name) <= 12 and not _TOTAL_WORD.search(name) and not TABLE_LABEL_MARKER.match(name)


def _coded_without_figures(row: Row) -> bool:
    last = row.groups[-1]
    return bool(last.code) and not last.figures


def _codes_after_a_label(line: Line) -> bool:
    """A line that is a label and then nothing but numbers in a code's shape (in a table without codes: figures)."""
    tokens = line.tokens
    return (
        line.shape == "words"
        and len(tokens) >= 2
        and tokens[0].kind == "word"
        and all(t.kind == "code" for t in tokens[1:])
    )


def _figures_for_codes(groups: list[Group]) -> list[Group]:
    """The groups of a line of a table without codes: an unnamed "code" after an item is one more of its figures."""
    out: list[Group] = []
    for g in groups:
        if out and g.code and not g.label:
            out[-1].figures.extend([Token("figure", g.code, g.code_start, g.code_end), *g.figures])
            continue
        out.append(g)
    return out


def _ends_with_bare_code(row: Row) -> bool:
    last = row.groups[-1]
    return bool(last.code) and not last.label and not last.figures


def _previous_filled(lines: list[Line], i: int) -> int:
    j = i - 1
    while j >= 0 and not lines[j].stripped:
        j -= 1
    return j


def _adjacent(lines: list[Line], kinds: list, i: int, pending: list[Piece]) -> bool:
    j = i - 1
    while j >= 0 and not lines[j].stripped:
        j -= 1
    return bool(pending) and j >= 0 and lines[j].end == pending[-1].end


def _after_break(lines: list[Line], kinds: list, i: int) -> bool:
    for j in range(i, max(-1, i - 8), -1):
        if lines[j].page_break:
            return True
        if kinds[j] is None and lines[j].shape == "row":
            return False
    return False


def _tails(prev: Row, row: Row | None, pending: list[Piece]) -> int:
    """How many of the fragments after a row end its label.

    A PDF centres a row's figures beside its label: as many lines of the label stand below
    the figures as above them. A row with no figures starts its label on its own line, so a
    fragment after it is its tail unless the next row needs it more.
    """
    if not pending:
        return 0
    if prev.heads:
        return min(prev.heads, len(pending))
    if not prev.has_figures and (prev.numbered or any(g.code for g in prev.groups)):
        return 1 if len(pending) >= 2 or row is None or not _needs_label(row) else 0
    return 0


def _attach(rows: list[Row], row: Row | None, pending: list[Piece]) -> None:
    """Give the fragments between the previous row and this one (None: the end) to the labels they belong to."""
    prev = rows[-1] if rows else None
    tails = _tails(prev, row, pending) if prev is not None else 0
    if tails:
        (prev.wrapped or _target(prev)).label.extend(pending[:tails])
        pending = pending[tails:]
    if row is None:
        return
    label_above = prev is not None and prev.numbered and not prev.has_figures and prev.line == row.line - 1
    if not pending and label_above and _needs_label(row) and not row.groups[0].code:
        # "二十二、灾害防治及应急管理支" / "98.23 98.23" / "出": the numbered line is the row's label
        rows.pop()
        target = _target(row)
        target.label[:0] = prev.groups[0].label
        row.heads, row.wrapped = 1, target
        return
    if pending:
        target = _target(row)
        target.label[:0] = pending
        row.heads, row.wrapped = len(pending), target


def _needs_label(row: Row) -> bool:
    return any(not g.label for g in row.groups)


def _target(row: Row) -> Group:
    for g in row.groups:
        if not g.label:
            return g
    return row.groups[0]


# ----------------------------------------------------------------- sides


def _side_count(read: _Read, template: TableTemplate | None) -> int:
    if template is not None:
        return len(template.sides)
    pairs = sum(1 for r in read.rows if len(r.groups) == 2)
    figure_rows = sum(1 for r in read.rows if r.has_figures)
    return 2 if figure_rows and pairs * 3 >= figure_rows else 1


def _split_pairs(read: _Read) -> None:
    """In a two-sided table a row of two bare labels is two lines: "使用非财政拨款结余 结余分配"."""
    for row in read.rows:
        if len(row.groups) == 1 and not row.groups[0].figures and len(row.groups[0].label) == 1:
            piece = row.groups[0].label[0]
            parts = piece.text.split(" ")
            if len(parts) == 2 and all(len(_CJK.findall(p)) >= 2 for p in parts):
                cut = piece.start + len(parts[0]) + 1
                row.groups = [
                    Group(label=[Piece(parts[0], piece.start, piece.start + len(parts[0]))], inline=True),
                    Group(label=[Piece(parts[1], cut, piece.end)], inline=True),
                ]


def _assign_sides(read: _Read, sides: int, coded: str) -> None:
    last_side_of: dict[str, int] = {}
    previous_single = 0
    for row in read.rows:
        if len(row.groups) >= sides:
            for k, g in enumerate(row.groups):
                g.side = min(k, sides - 1)
                if g.code:
                    last_side_of[g.code] = g.side
            continue
        for g in row.groups:
            if coded and g.code:
                parent = next((last_side_of[c] for c in (g.code[:5], g.code[:3]) if c != g.code and c in last_side_of), None)
                g.side = parent if parent is not None else previous_single
                last_side_of[g.code] = g.side
            else:
                g.side = 1 if _EXPENSE_SIDE.search(g.label_text) else 0
            previous_single = g.side


# --------------------------------------------------------------- columns


@dataclass
class _SidePlan:
    label: str
    values: list[tuple[str, ...]]
    total_first: bool
    certain_width: bool
    heading: str = ""
    active: int = 0  # the leading columns this table fills; the rest are blank (0: all)
    sums: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        return self.active or len(self.values)


def _plan(read: _Read, sides: int, template: TableTemplate | None) -> list[_SidePlan]:
    if template is not None:
        plans = [_from_template(s) for s in template.sides]
        for plan in plans:
            plan.values = _as_headed(plan.values, 0, [line.split() for line in read.header])
        for k, (plan, side) in enumerate(zip(plans, template.sides, strict=True)):
            most = max((len(g.figures) for r in read.rows for g in r.groups if g.side == k), default=0)
            if side.common and most <= side.common:
                plan.active = side.common
        return plans
    header = " ".join(read.header)
    plans = []
    for s in range(sides):
        counts = [len(g.figures) for r in read.rows for g in r.groups if g.side == s and g.figures]
        width = max(counts, default=0)
        # without a template the width is only known where rows fill it often
        full = sum(1 for c in counts if c == width)
        certain = width == 1 or (len(counts) >= 3 and full * 2 >= len(counts))
        total_first = bool(_GENERIC_TOTAL_FIRST.search(_first_value_word(header)))
        plans.append(_SidePlan("项目", [(f"第{k + 1}栏",) for k in range(width)], total_first, certain))
    return plans


def _header_word(text: str) -> str:
    return re.sub(r"[“”\"\s]", "", text).replace("（", "(").replace("）", ")")


def _column_at(tokens: list[str], name: str) -> int:
    """Where a header line's words name a column: the word itself, else a longer one ending with it ("公务用车购置费"
    for 购置费) or one the line cut short ("机关运行经费预算" for 机关运行经费预算数); -1 where none does."""
    words = [_header_word(t) for t in tokens]
    key = _header_word(name)
    if key in words:
        return words.index(key)
    return next((i for i, w in enumerate(words) if w.endswith(key) or len(w) >= 4 and key.startswith(w)), -1)


def _as_headed(paths: list[tuple[str, ...]], depth: int, header: list[list[str]]) -> list[tuple[str, ...]]:
    """The template's columns in the order the table's own header gives them, where one header line names every
    column of a group ("合计 因公出国（境）费 公务用车购置及运行费 公务接待费": the 决算 table's order in a 预算 table);
    a group whose names no single line holds (a PDF puts a tall header cell on a line of its own) keeps the
    template's order."""
    groups: list[tuple[str, list[tuple[str, ...]]]] = []
    for path in paths:
        name = path[depth] if len(path) > depth else ""
        if groups and name and groups[-1][0] == name:
            groups[-1][1].append(path)
        else:
            groups.append((name, [path]))
    groups = [(name, _as_headed(ps, depth + 1, header) if name and len(ps) > 1 else ps) for name, ps in groups]
    if len(groups) >= 2 and all(name for name, _ in groups):
        for tokens in header:
            at = [_column_at(tokens, name) for name, _ in groups]
            if min(at) >= 0 and len(set(at)) == len(at):
                groups = [g for _, g in sorted(zip(at, groups, strict=True), key=lambda pair: pair[0])]
                break
    return [path for _, ps in groups for path in ps]


def _first_value_word(header: str) -> str:
    words = [w for w in re.split(r"\s+", header) if w and not re.search(r"项目|科目|编码|名称|^类$|^款$|^项$|功能分类|经济分类", w)]
    return words[0] if words else ""


def _from_template(side: SideTemplate) -> _SidePlan:
    return _SidePlan(side.label, list(side.values), side.total, True, side.heading, sums=side.sums)


# ----------------------------------------------------------------- cells


def _cell(text: str, row: int, col: int, start: int, end: int, unknown: bool = False) -> Cell:
    return Cell.model_construct(text=text, row=row, col=col, start=start, end=end, rowspan=1, colspan=1, page=None, unknown=unknown)


def _header_rows(plans: list[_SidePlan], coded: str, at: int) -> list[list[Cell]]:
    depth = max([len(p) + bool(plan.heading) for plan in plans for p in plan.values] or [1])
    rows: list[list[Cell]] = [[] for _ in range(depth)]
    for plan in plans:
        heads: list[str] = []
        if coded:
            heads.append("经济分类科目编码" if coded == "economic" else "科目编码")
        if plan.label or coded:
            heads.append(plan.label or "科目名称")
        for title in heads:
            for r in range(depth):
                rows[r].append(_cell(title, r, len(rows[r]), at, at))
        for path in plan.values:
            full = [*([plan.heading] if plan.heading else []), *path]
            padded = full + [full[-1]] * (depth - len(full)) if len(full) < depth else full[:depth]
            for r in range(depth):
                rows[r].append(_cell(padded[r], r, len(rows[r]), at, at))
    return rows


def _placements(read: _Read, plans: list[_SidePlan]) -> dict[tuple[int, int], RowPlacements]:
    """For each row and side with figures: the placements its own sums allow."""
    out: dict[tuple[int, int], RowPlacements] = {}
    for r, row in enumerate(read.rows):
        for g in row.groups:
            if not g.figures or g.side >= len(plans) or (r, g.side) in out:
                continue  # (one group a side is laid in the grid, the first: its placements are the ones kept)
            if next(h for h in row.groups if h.side == g.side) is not g:
                continue
            plan = plans[g.side]
            texts = [f.text for f in g.figures]
            sums = column_sums(plan.values[: plan.width], plan.total_first, plan.sums)
            options = candidates(texts, plan.width, sums, plan.total_first) if plan.certain_width else None
            values = [bounds(t) for t in texts]
            out[(r, g.side)] = RowPlacements([v for v in values if v is not None] if None not in values else [], options)
    return out


def _families(read: _Read, side: int) -> list[tuple[int, list[int]]]:
    """Parent rows and their children: a 类 over its 款, a 款 over its 项, the 合计 row over the 类."""
    coded = [(r, g.code) for r, row in enumerate(read.rows) for g in row.groups if g.side == side and g.code]
    out = []
    for r, code in coded:
        if len(code) in (3, 5):
            children = [c for c, other in coded if len(other) == len(code) + 2 and other.startswith(code)]
            if children:
                out.append((r, children))
    tops = [r for r, code in coded if len(code) == 3]
    for r, row in enumerate(read.rows):
        for g in row.groups:
            if g.side == side and not g.code and g.label_text in ("合计", "总计") and tops:
                out.append((r, tops))
    return out


def _prune_hierarchy(read: _Read, plans: list[_SidePlan], placements: dict[tuple[int, int], RowPlacements]) -> None:
    for side, plan in enumerate(plans):
        families = _families(read, side)
        if not families or not plan.certain_width:
            continue
        keys = sorted({k for k in placements if k[1] == side})
        index = {k: i for i, k in enumerate(keys)}
        rows = [placements[k] for k in keys]
        usable = [(index[(p, side)], [index[(c, side)] for c in cs]) for p, cs in families if (p, side) in index and all((c, side) in index for c in cs)]
        prune(rows, usable, plan.width)


def _value_cells(group: Group | None, plan: _SidePlan, r: int, c0: int, at: int, known: RowPlacements | None) -> list[Cell]:
    width = len(plan.values)
    figures = group.figures if group is not None else []
    if not figures:
        return [_cell("", r, c0 + k, at, at) for k in range(width)]
    held = settled(known, plan.width) if known is not None else ["unknown"] * plan.width
    held += ["blank"] * (width - plan.width)
    if plan.total_first and len(figures) <= width and held[0] == "unknown":
        held[0] = 0  # a total column holds a figure whenever any column does: the first one
    # figures whose column is not known stay in the row as loose figures, in the columns left unknown
    placed = {w for w in held if isinstance(w, int)}
    loose = [f for i, f in enumerate(figures) if i not in placed]
    slots = [k for k, w in enumerate(held) if w == "unknown"]
    keep_loose = len(loose) <= len(slots)
    end = figures[-1].end
    out: list[Cell] = []
    for k, what in enumerate(held):
        if isinstance(what, int):
            f = figures[what]
            out.append(_cell(f.text, r, c0 + k, f.start, f.end))
        elif what == "unknown" and keep_loose and loose and k in slots[: len(loose)]:
            f = loose[slots.index(k)]
            out.append(_cell(f.text, r, c0 + k, f.start, f.end, unknown=True))
        else:
            out.append(_cell("", r, c0 + k, end, end, unknown=what == "unknown"))
    return out


def _grid(read: _Read, plans: list[_SidePlan], coded: str, start: int, placements: dict[tuple[int, int], RowPlacements]) -> list[list[Cell | None]]:
    grid: list[list[Cell | None]] = [list(r) for r in _header_rows(plans, coded, start)]
    for n, row in enumerate(read.rows):
        r = len(grid)
        cells: list[Cell | None] = []
        for s, plan in enumerate(plans):
            group = next((g for g in row.groups if g.side == s), None)
            at = group.anchor if group is not None else (row.groups[0].anchor if row.groups else start)
            if coded:
                if group is not None and group.code:
                    cells.append(_cell(group.code, r, len(cells), group.code_start, group.code_end))
                else:
                    cells.append(_cell("", r, len(cells), at, at))
            if plan.label or coded:
                if group is not None and group.label:
                    first = group.label[0]
                    cells.append(_cell(group.label_text, r, len(cells), first.start, max(p.end for p in group.label if p.start == first.start)))
                else:
                    cells.append(_cell("", r, len(cells), at, at))
            cells.extend(_value_cells(group, plan, r, len(cells), at, placements.get((n, s))))
        grid.append(cells)
    return grid


def _cells_one_per_line(lines: list[Line], kinds: list, first: int, last: int) -> bool:
    """Cells dumped one per line (text extraction without layout): figures stand alone, away from their labels."""
    alone = bare_codes = rows = 0
    for i in range(first, last + 1):
        ln = lines[i]
        if kinds[i] not in (None, "table") or ln.shape != "row":
            continue
        rows += 1
        kinds_of = {t.kind for t in ln.tokens}
        if kinds_of == {"figure"} and len(ln.tokens) <= 2:
            alone += 1
        elif kinds_of <= {"code", "part"}:
            bare_codes += 1
    return alone >= 2 and (alone + bare_codes) * 2 >= rows and _labels_alone(lines, kinds, first, last) * 4 >= alone


def _labels_alone(lines: list[Line], kinds: list, first: int, last: int) -> int:
    return sum(1 for i in range(first, last + 1) if kinds[i] in (None, "table") and lines[i].shape == "words")


#: No fiscal table has more rows; longer runs of rows are read as text, which costs less.
MAX_ROWS = 3000


def build_table(content: str, lines: list[Line], kinds: list, first: int, last: int, templates) -> Table | None:
    """The table flattened into lines first..last, or None when they do not make one."""
    if last - first > MAX_ROWS:
        return None
    if _cells_one_per_line(lines, kinds, first, last):
        return None
    read = _read_region(lines, kinds, first, last)
    title = next((c for c in read.caption if re.search(r"表\s*(?:[（(]\s*续\s*[)）])?$", c.replace(" ", ""))), "")
    template = match_template(title, templates) if title else None
    codes = [g.code for r in read.rows for g in r.groups if g.code]
    coded = ""
    if sum(1 for r in read.rows if any(g.code for g in r.groups)) * 2 >= max(1, sum(1 for r in read.rows if r.has_figures)):
        coded = "economic" if sum(1 for c in codes if c[0] in "35") * 2 > len(codes) else "functional"
    if template is not None and template.codes:
        coded = template.codes
    if template is not None and not template.codes and coded:
        template = None  # the title says one table, the rows another: read it generically
    sides = _side_count(read, template)
    if sides == 2:
        _split_pairs(read)
    _assign_sides(read, sides, coded)
    plans = _plan(read, sides, template)
    if template is not None and any(len(g.figures) > len(plans[g.side].values) for r in read.rows for g in r.groups):
        template = None  # more figures than the template has columns: not this template's layout
        plans = _plan(read, sides, None)
    if not any(plan.values for plan in plans):
        plans = [_SidePlan(p.label, [("第1栏",)], False, True) for p in plans] if read.rows else plans
    placements = _placements(read, plans)
    if coded:
        _prune_hierarchy(read, plans, placements)
    grid = _grid(read, plans, coded, lines[first].start, placements)
    caption = "\n".join(read.caption)
    return Table(rows=grid, caption=caption, name=template.name if template else title, start=lines[first].start, end=lines[last].end)
