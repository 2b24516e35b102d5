"""Table claims: the identities a table's own structure declares, one claim per instance.

- a 合计 / 小计 / 总计 line equals the lines it totals, in every value column;
- a 合计 / 小计 column equals its sibling columns under the same header, in every line;
- a 类 equals the sum of its 款, a 款 of its 项 (economic codes likewise), and a
  heading line the sum of the numbered lines under it;
- a 栏次 formula (``5=4/3``, ``7=1+2+3``) holds in every line.
A claim names its cells; whether it holds is for the rules to recompute.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from ..model import Claim, Quantity
from ..numbers import Interval
from .cells import Figure, read_figure
from .grid import _TOTAL_RANK, Column, Line, Side, TableView, total_word


class TableCell(BaseModel):
    """A cell a claim refers to, with the names a reviewer would use for it."""

    table: int
    row: int
    col: int
    start: int
    end: int
    text: str
    state: str  # number | blank | unknown | text
    quantity: Quantity | None = None
    line: str = ""
    column: str = ""
    page: int | None = None

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.table, self.row, self.col)

    @property
    def where(self) -> str:
        """第 N 行“208 社会保障和就业支出”的“基本支出”."""
        parts = []
        if self.line:
            parts.append(f"“{self.line}”行")
        if self.column:
            parts.append(f"“{self.column}”列")
        return "".join(parts) or f"第{self.row + 1}行第{self.col + 1}列"


class Term(BaseModel):
    sign: int = 1
    cell: TableCell


Axis = Literal["row", "column", "code", "formula", "identity"]


class TableClaim(Claim):
    """A total and the terms it must equal, all cells of one table."""

    kind: str = "table-total"
    axis: Axis = "row"
    table: int
    table_title: str
    total: TableCell
    terms: list[Term]
    denominator: list[Term] = Field(default_factory=list)  # for a ratio formula: total = terms / denominator
    what: str = ""  # how the identity is named in a message
    family: str = ""  # claims that state the same identity for other lines or columns


def cell_ref(view: TableView, fig: Figure, line: Line | None, col: Column | None) -> TableCell:
    cell = fig.cell
    return TableCell.model_construct(
        table=view.index,
        row=cell.row,
        col=cell.col,
        start=cell.start,
        end=cell.end,
        text=cell.text,
        state=fig.state,
        quantity=fig.quantity,
        line=line.name if line is not None else "",
        column=col.heading if col is not None else "",
        page=cell.page,
    )


def _usable(col: Column) -> bool:
    return col.role == "value" and not col.percent


def _line_terms(line: Line, col: Column) -> list[Figure] | None:
    """A line's figure in a column; a blank heading line stands for the numbered lines under it."""
    fig = line.values.get(col.index)
    if fig is None:
        return None
    if fig.state == "blank" and line.children:
        out: list[Figure] = []
        for child in line.children:
            sub = _line_terms(child, col)
            if sub is None:
                return None
            out.extend(sub)
        if any(f.is_number for f in out):
            return out
    return [fig]


def _claim(view: TableView, axis: Axis, kind: str, total: TableCell, terms: list[Term], what: str, family: str) -> TableClaim:
    return TableClaim(
        kind=kind,
        axis=axis,
        start=total.start,
        end=total.end,
        subject=total.line,
        table=view.index,
        table_title=view.title,
        total=total,
        terms=terms,
        what=what,
        family=family,
    )


def _sum_claims(
    view: TableView,
    side: Side,
    axis: Axis,
    kind: str,
    total_line: Line,
    parts: list[tuple[int, Line]],
    what: str,
    family: str,
    pair: Callable[[Column, Line], Column | None] | None = None,
) -> list[TableClaim]:
    """total_line = Σ sign × part, in each value column of its side; `pair` finds a part's column on another side."""
    out = []
    for col in side.values:
        if not _usable(col):
            continue
        fig = total_line.values.get(col.index)
        if fig is None or not fig.is_number:
            continue
        terms: list[Term] = []
        for sign, part in parts:
            part_col = col if pair is None else pair(col, part)
            figs = _line_terms(part, part_col) if part_col is not None else None
            if figs is None:
                break
            owner = {id(f): p for p in [part, *part.children] for f in p.values.values()}
            terms.extend(Term(sign=sign, cell=cell_ref(view, f, owner.get(id(f), part), part_col)) for f in figs)
        else:
            # a placeholder among the terms makes the claim not assessable, which is worth counting
            if terms and any(t.cell.state in ("number", "unknown") for t in terms):
                total = cell_ref(view, fig, total_line, col)
                out.append(_claim(view, axis, kind, total, terms, what, family))
    return out


# -------------------------------------------------------------- total lines


def _total_line_parts(lines: list[Line], i: int, first_plain: int) -> list[Line] | None:
    """The lines a total line at position i adds up: those it closes, or (at the top) those it opens.

    first_plain is the position of the side's first line that is not a total.
    """
    total = lines[i]
    rank = _TOTAL_RANK[total.total]
    previous = None
    if first_plain > i:
        if re.sub(r"\s+", "", total.label) not in ("合计", "总计", "小计"):  # ("合 计": a spaced cell is the same word)
            return None  # "本年收入合计" first: it totals lines this table does not show
        j = i + 1
        while j < len(lines) and not lines[j].total:
            j += 1
        segment = lines[i + 1 : j]
    else:
        j = i - 1
        while j >= 0 and not lines[j].total:
            j -= 1
        segment = lines[j + 1 : i]
        if j >= 0 and _TOTAL_RANK[lines[j].total] < rank:
            previous = lines[j]
    if any(ln.elision for ln in segment):
        return None
    parts = [ln for ln in segment if ln.parent is None and not ln.detail]
    if previous is not None:
        parts.insert(0, previous)
    return parts or None


def _without_spelled_out_parts(side: Side, parts: list[Line]) -> list[Line]:
    """The parts without lines that spell out the part above them (the same list when there are none).

    A text table loses its indentation: "上级补助收入 37811 46850" then "税收返回及转移支付补助 37811 46850" and "上级追加补助"
    (blank) are a line and its two parts, read as three siblings of the 收入总计 below, which counted the 37811 twice.
    Lines right under a part that add up to it in every column are its parts; the caller takes this reading only when
    in some column the total then adds up and did not before, so that two siblings equal by chance are left as they are."""
    columns = [c.index for c in side.values]
    dropped: set[int] = set()
    for k, part in enumerate(parts[:-1]):
        if id(part) in dropped:
            continue
        own = [c for c in columns if (f := part.values.get(c)) is not None and f.is_number and f.quantity is not None]
        if not own or all(part.values[c].quantity.value == 0 for c in own):  # type: ignore[union-attr]
            continue
        for j in range(k + 1, min(len(parts), k + 5)):  # (a part spelled out in at most four lines: linear time)
            run = parts[k + 1 : j + 1]
            if any(p.row != q.row + 1 for q, p in zip(parts[k:j], run)) or not _adds_up(part, run, own):
                continue
            following = parts[j + 1 :]
            blanks = []
            for rest in following:  # (blank lines right after the run belong to it: "上级追加补助" with no figure)
                if rest.row != (blanks[-1] if blanks else run[-1]).row + 1:
                    break
                if any((f := rest.values.get(c)) is not None and f.state != "blank" for c in columns):
                    break
                blanks.append(rest)
            dropped.update(id(p) for p in (*run, *blanks))
            break
    if not dropped:
        return parts
    return [p for p in parts if id(p) not in dropped]


def _adds_up(total: Line, parts: list[Line], columns: list[int]) -> bool:
    """Whether the parts' figures (a blank as 0) can make the total's in every one of the columns."""
    for c in columns:
        fig = total.values.get(c)
        if fig is None or not fig.is_number or fig.quantity is None:
            return False
        acc = Interval.exact(Decimal(0))
        for part in parts:
            f = part.values.get(c)
            if f is None or f.state == "blank":
                continue
            if not f.is_number or f.quantity is None:
                return False
            acc = acc + f.quantity.interval
        if not acc.overlaps(fig.quantity.interval):
            return False
    return True


def total_line_claims(view: TableView) -> list[TableClaim]:
    out: list[TableClaim] = []
    for side in view.sides:
        first_plain = next((k for k, ln in enumerate(side.lines) if not ln.total), len(side.lines))
        for i, line in enumerate(side.lines):
            if not line.total:
                continue
            parts = _total_line_parts(side.lines, i, first_plain)
            if parts is None:
                continue
            what = f"“{line.label}”行应等于其上各项之和" if parts[0].row < line.row else f"“{line.label}”行应等于其下各项之和"
            family = f"row:{line.row}:{side.index}"
            claims = _sum_claims(view, side, "row", "table-total", line, [(1, p) for p in parts], what, family)
            kept = _without_spelled_out_parts(side, parts)
            if kept is not parts and any(
                _adds_up(line, kept, [c.index]) and not _adds_up(line, parts, [c.index]) for c in side.values
            ):
                # the lines' hierarchy is one for every column: where one column adds up only without the spelled-out
                # lines, they are parts of the line above them in all columns
                claims = _sum_claims(view, side, "row", "table-total", line, [(1, p) for p in kept], what, family)
            out.extend(claims)
    return out


# ------------------------------------------------------------ total columns


def _total_index(col: Column) -> int | None:
    for k, part in enumerate(col.path):
        if total_word(part):
            return k
    return None


def total_column_groups(side: Side) -> list[tuple[Column, list[Column]]]:
    """Each 合计/小计 column with the columns it adds up (one per sibling group under its header)."""
    out = []
    usable = [c for c in side.values if _usable(c) and not c.detail]
    for col in usable:
        k = _total_index(col)
        if k is None:
            continue
        prefix, suffix = col.path[:k], col.path[k + 1 :]

        def under(other: Column) -> bool:
            p = other.path
            return (
                len(p) > k
                and p[:k] == prefix
                and (not suffix or p[len(p) - len(suffix) :] == suffix)
                and (suffix or len(p) == k + 1 or _total_index(other) is not None)
            )

        rivals = [o for o in usable if o is not col and under(o) and total_word(o.path[k])]
        if rivals:
            continue  # two totals over the same siblings: which adds what is not clear
        groups: dict[str, list[Column]] = {}
        for other in usable:
            if other is col or not under(other):
                continue
            groups.setdefault(other.path[k], []).append(other)
        parts: list[Column] = []
        for members in groups.values():
            if len(members) == 1:
                parts.append(members[0])
                continue
            subtotals = [m for m in members if (t := _total_index(m)) is not None and t > k]
            if len(subtotals) != 1:
                parts = []
                break
            parts.append(subtotals[0])
        if len(parts) >= 2:
            out.append((col, parts))
    return out


def _column_what(col: Column, parts: list[Column]) -> str:
    """“合计”列（预算数）应等于“因公出国（境）费”、“公务用车购置及运行维护费”、“公务接待费”之和."""
    k = _total_index(col)
    assert k is not None
    suffix = col.path[k + 1 :]
    name = "".join(col.path[k : k + 1])
    measure = f"（{' / '.join(suffix)}）" if suffix else ""
    return f"“{name}”列{measure}应等于" + "、".join(f"“{p.path[k]}”" for p in parts) + "之和"


def _loose_parts(line: Line, side: Side, col: Column, parts: list[Column]) -> list[Figure | None] | None:
    """The parts' figures of a line some of whose figures have no known column (a flattened row).

    The sum is the same wherever those figures stand, as long as every column they may be in
    is one of the parts: then they are read where they were put. Otherwise None.
    """
    unknown = {c.index for c in side.values if (f := line.values.get(c.index)) is not None and f.state == "unknown"}
    if col.index in unknown or not unknown <= {p.index for p in parts}:
        return None
    return [read_figure(f.cell, p.unit or "", loose=True) if (f := line.values.get(p.index)) is not None else None for p in parts]


def _placed_or_loose(ref: TableCell, fig: Figure) -> TableCell:
    """A figure whose column is not known is named as such, not after the column it was put in."""
    if fig.cell.unknown:
        ref.column = "同行其他栏" if fig.is_number else ""
    return ref


def total_column_claims(view: TableView) -> list[TableClaim]:
    out: list[TableClaim] = []
    for side in view.sides:
        for col, parts in total_column_groups(side):
            for line in side.lines:
                fig = line.values.get(col.index)
                if fig is None or not fig.is_number or line.elision:
                    continue
                figs = [line.values.get(p.index) for p in parts]
                if any(f is not None and f.state == "unknown" for f in figs):
                    figs = _loose_parts(line, side, col, parts) or figs
                if any(f is None for f in figs) or not any(f.is_number for f in figs if f is not None):
                    continue
                total = cell_ref(view, fig, line, col)
                terms = [Term(cell=_placed_or_loose(cell_ref(view, f, line, p), f)) for f, p in zip(figs, parts) if f is not None]
                what = _column_what(col, parts)
                out.append(_claim(view, "column", "table-total", total, terms, what, f"col:{col.index}"))
    return out


# -------------------------------------------------------------- hierarchy


_LEVEL_NAMES = {3: "类", 5: "款", 7: "项"}


def hierarchy_claims(view: TableView) -> list[TableClaim]:
    out: list[TableClaim] = []
    for side in view.sides:
        position = {id(ln): k for k, ln in enumerate(side.lines)}
        for i, line in enumerate(side.lines):
            if not line.children:
                continue
            end = position.get(id(line.children[-1]), i)
            if any(ln.elision for ln in side.lines[i + 1 : end + 1]):
                continue
            if line.code:
                level = _LEVEL_NAMES.get(len(line.code), "") if line.code_scheme == "functional" else ""
                child_level = _LEVEL_NAMES.get(len(line.children[0].code), "") if line.code_scheme == "functional" else ""
                who = f"{line.code} {line.label}" + (f"（{level}）" if level else "")
                what = f"{who}应等于其所属{child_level or '下级科目'}之和"
            else:
                what = f"“{line.label}”应等于其下各项之和"
            children = [(1, c) for c in line.children]
            out.extend(_sum_claims(view, side, "code", "table-code", line, children, what, f"code:{line.row}:{side.index}"))
    return out


# --------------------------------------------------------------- formulas

_TOKEN = re.compile(r"\d+|[A-Z]|[-+*/×÷()（）]")


def parse_formula(expr: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """'1+2-3' -> ([(1,'1'),(1,'2'),(-1,'3')], []); '4/3' -> ([(1,'4')], [(1,'3')]); else None."""
    expr = expr.replace("（", "(").replace("）", ")").replace("×", "*").replace("÷", "/").replace(" ", "")
    if "*" in expr:
        return None

    def linear(text: str) -> list[tuple[int, str]] | None:
        text = text.strip("()") if text.startswith("(") and text.endswith(")") else text
        if "(" in text or ")" in text or not text:
            return None
        out, sign = [], 1
        for tok in _TOKEN.findall(text):
            if tok == "+":
                sign = 1
            elif tok == "-":
                sign = -1
            elif tok.isdigit() or tok.isalpha():
                out.append((sign, tok))
                sign = 1
            else:
                return None
        return out or None

    if "/" in expr:
        num, _, den = expr.partition("/")
        if "/" in den:
            return None
        n, d = linear(num), linear(den)
        return (n, d) if n and d else None
    n = linear(expr)
    return (n, []) if n else None


def formula_claims(view: TableView) -> list[TableClaim]:
    if view.index_row is None and not any(c.formula for c in view.columns):
        return []  # (a formula without a 栏次 row: given in the headers' letters, "预算执行率(B/A)")
    by_number = {c.number: c for c in view.columns if c.number}
    out: list[TableClaim] = []
    for result in view.columns:
        if not result.formula:
            continue
        parsed = parse_formula(result.formula)
        if parsed is None:
            continue
        num, den = parsed
        if any(n not in by_number for _, n in num + den):
            continue
        what = f"栏次公式“{result.number}={result.formula}”" if result.number else f"表头所列公式“{result.leaf}”"
        for line in view.lines():
            fig = line.values.get(result.index)
            if fig is None or not fig.is_number or line.elision:
                continue
            row = view.table.rows[line.row]

            def term(sign: int, number: str) -> Term | None:
                col = by_number[number]
                cell = row[col.index] if col.index < len(row) else None
                if cell is None:
                    return None
                f = read_figure(cell, col.unit or "")
                return Term(sign=sign, cell=cell_ref(view, f, line, col)) if f is not None else None

            terms = [term(s, n) for s, n in num]
            denominator = [term(s, n) for s, n in den]
            if any(t is None for t in terms + denominator):
                continue
            claim = _claim(view, "formula", "table-formula", cell_ref(view, fig, line, result), terms, what, f"formula:{result.index}")  # type: ignore[arg-type]
            claim.denominator = denominator  # type: ignore[assignment]
            out.append(claim)
    return out


# ------------------------------------------------------------------ all


def structural_claims(view: TableView) -> list[TableClaim]:
    """Every identity the table's structure declares (a formula first: it states an identity best)."""
    return formula_claims(view) + hierarchy_claims(view) + total_line_claims(view) + total_column_claims(view)


def unique_claims(claims: list[TableClaim]) -> list[TableClaim]:
    """Each identity instance once: the same total over the same cells is one claim, the first stated."""
    seen: set[tuple] = set()
    out = []
    for claim in claims:
        key = (
            claim.total.key,
            frozenset((t.sign, t.cell.key) for t in claim.terms if t.cell.state != "blank"),
            frozenset(t.cell.key for t in claim.denominator),
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(claim)
    return out
