"""Text against tables: an amount the explanation states for a table line must equal that line.

Both sides are named the way a reviewer matches them: the line item
(社会保障和就业支出, 基本支出, 本年支出合计, “三公”经费 …), its scope (all funds, 财政拨款,
一般公共预算财政拨款 … — the same 基本支出 differs between 支出决算表 and
一般公共预算财政拨款支出决算表) and its measure (决算 or 预算). A text amount is held
against every table line of the same name, scope and measure; when those lines
disagree among themselves (two tables, two scopes) nothing is concluded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pydantic import Field

from ..model import Claim, Quantity, RateClaim, Statement, Table
from ..numbering import marker_style
from .claims import TableCell, _usable, cell_ref
from .grid import Column, Line, TableView, total_word
from .identities import _column_name

SCOPES = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "财政拨款")
_LEVEL_MARK = re.compile(r"[（(]\s*(类|款|项)\s*[)）]")  # "( 项 )" as well
_DROP = re.compile(r"[\s“”\"‘’'「」『』《》、，,：:·\-—（）()]")
_OTHER_PERIOD = re.compile(r"上年|去年|上一年|同期|以前年度")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


class TextTableClaim(Claim):
    """A text amount for a named table line, and the table cells that line holds."""

    kind: str = "text-table"
    stated: Quantity
    measure: str = "决算"
    scope: str = ""
    cells: list[TableCell]
    titles: list[str]
    other_scope: list[TableCell] = Field(default_factory=list)  # the same line in another scope
    other_titles: list[str] = Field(default_factory=list)


def split_scope(name: str) -> tuple[str, str]:
    """(scope, line name): 一般公共预算财政拨款基本支出 -> (一般公共预算财政拨款, 基本支出); 财政拨款收入 stays whole."""
    for scope in SCOPES:
        i = name.find(scope)
        if i < 0:
            continue
        rest = name[:i] + name[i + len(scope) :]
        if not rest or (rest.startswith("收入") and not rest.startswith(("收入支出", "收支"))):
            return "", name  # 财政拨款收入 is a line of its own, not 收入 within a scope
        return scope, rest
    return "", name


def line_key(name: str) -> str:
    """A line item's name in the form text and tables share: 本年支出合计 -> 支出, 公务接待费支出 -> 公务接待费."""
    key = _DROP.sub("", _LEVEL_MARK.sub("", name))
    key = re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[、.．])", "", key)
    key = re.sub(r"^(?:本年度|本年|年度)", "", key)
    key = re.sub(r"(?:决算数|决算|预算数)$", "", key)
    if key.endswith("合计") and key[:-2] not in ("", "收入", "支出"):
        key = key[:-2]  # 人员经费合计 is 人员经费; 本年支出合计 stays 支出合计, not a bare 支出
    key = re.sub(r"费支出$", "费", key)
    return key


def class_key(name: str) -> str:
    """A 科目's name as text and tables share it: 一般公共服务支出 and 一般公共服务（类） are one."""
    key = line_key(name)
    return key[:-2] if key.endswith("支出") and len(key) >= 6 else key


def _path_of(subject: str) -> list[str]:
    """社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项） -> its three names."""
    parts = _LEVEL_MARK.split(subject)
    names = [class_key(parts[i]) for i in range(0, len(parts) - 1, 2) if parts[i].strip()]
    return names if len(names) >= 2 else []


@dataclass
class Item:
    key: str
    scope: str
    measure: str
    cell: TableCell
    title: str
    ancestors: tuple[str, ...] = ()


# Budget tables name their scope without 财政拨款: "2026年部门一般公共预算支出功能分类预算表".
_TITLE_SCOPES = (("一般公共预算", "一般公共预算财政拨款"), ("政府性基金预算", "政府性基金预算财政拨款"), ("国有资本经营预算", "国有资本经营预算财政拨款"))
_TITLE_LEAD = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:部门|单位)?")


def _table_scope(title: str) -> str:
    """The funds a table covers, as its title opens: 一般公共预算财政拨款支出决算表 (决算), 2026年部门一般公共
    预算支出功能分类预算表 (预算). A title that opens otherwise (收入支出决算总表, 财政拨款收支总表) has none."""
    rest = _TITLE_LEAD.sub("", title)
    for scope in SCOPES:
        if rest.startswith(scope):
            return scope
    for opening, scope in _TITLE_SCOPES:
        if rest.startswith(opening):
            return scope
    return ""


def _title_subject(title: str) -> str:
    return re.sub(r"(?:决算|预算)?表$", "", title)


def _measure(col: Column) -> str:
    m = col.measure()
    return m or "决算"


def _ancestors(line: Line) -> tuple[str, ...]:
    out = []
    p = line.parent
    while p is not None:
        out.insert(0, class_key(p.label) if p.code else line_key(p.label))
        p = p.parent
    return tuple(out)


def _measure_columns(usable: list[Column]) -> list[Column]:
    """The column holding each measure of a line: 年初预算数 for 预算 (not 调整预算数), the first 决算 column."""
    out: list[Column] = []
    for measure in ("决算", "预算"):
        cols = [c for c in usable if _measure(c) == measure and "调整" not in "".join(c.path)]
        if measure == "预算":
            cols = [c for c in cols if "年初" in "".join(c.path)] or cols
        elif not any(c.measure() for c in cols):
            # no measure in the header: a 科目's amount is what it spent (本年支出), not a carry-over or an income
            cols = [c for c in cols if "支出" in "".join(c.path)] or [c for c in cols if not re.search(r"结转|结余", "".join(c.path))] or cols
        if cols:
            out.append(cols[0])
    return out or usable[:1]


def table_items(view: TableView) -> list[Item]:
    table_scope = _table_scope(view.title)
    items: list[Item] = []

    def add(name: str, col: Column, line: Line | None, fig) -> None:
        if fig is None or not fig.is_number:
            return
        scope, rest = split_scope(name)
        col_scope = next((s for s in SCOPES if "".join(col.path).endswith(s)), "")
        scope = scope or col_scope or table_scope
        key = line_key(rest)
        if not key or (key in ("收入", "支出") and not scope):
            return
        keys = {key}
        if line is not None and line.code:
            keys.add(class_key(rest))  # a 科目 named with or without its 支出
        cell = cell_ref(view, fig, line, col)
        ancestors = _ancestors(line) if line is not None else ()
        for k in sorted(keys):
            items.append(Item(key=k, scope=scope, measure=_measure(col), cell=cell, title=view.title, ancestors=ancestors))

    for side in view.sides:
        usable = [c for c in side.values if _usable(c)]
        if not usable:
            continue
        main = [c for c in usable if c.path and total_word(c.path[0]) and len(c.path) == 1] or _measure_columns(usable)
        has_labels = any(ln.label for ln in side.lines)
        for line in side.lines:
            if line.elision:
                continue
            bare = line.label in ("合计", "总计", "小计")
            if not line.label and not has_labels:
                for col in usable:  # a table of one line: its columns are the items (三公经费)
                    name, _ = _column_name(col)
                    add(name, col, None, line.values.get(col.index))
                continue
            if not line.label:
                continue
            for col in usable:
                fig = line.values.get(col.index)
                scoped_column = any("".join(col.path).endswith(s) for s in SCOPES)
                if col in main:
                    if not bare:
                        name = line.label
                        if "收入" in side.heading and not line.code and not name.endswith(("收入", "合计", "结余")):
                            add(name + "收入", col, line, fig)  # the 收入 side's 政府性基金预算财政拨款 is an income
                    elif side.heading and line.label == "总计":
                        name = side.heading + line.label
                    elif col.path and total_word(col.path[0]) and col.path[0] not in ("合计", "总计", "小计"):
                        name = col.path[0]  # the 合计 line of the 本年支出合计 column
                    else:
                        name = _title_subject(view.title)
                    add(name, col, line, fig)
                elif bare and len(usable) > 1:
                    name, _ = _column_name(col)
                    if scoped_column:
                        name = (_title_subject(view.title) if not side.heading else "") or name
                    add(name, col, line, fig)
                elif scoped_column and not bare:
                    add(line.label, col, line, fig)
    return items


# ------------------------------------------------------------------ text side


def _scope_of(st: Statement, statements: list[Statement]) -> str:
    seen = 0
    while st is not None and seen < 3:
        scope, _ = split_scope(st.key)
        if scope:
            return scope
        st = statements[st.parent] if st.parent is not None else None  # type: ignore[assignment]
        seen += 1
    return ""


def heading_scopes(text: str) -> tuple[list[int], list[str]]:
    """Where each section starts, and the scope its heading names: “五、一般公共预算财政拨款支出决算情况说明”.

    A 一、 heading sets the scope of its section (none, when it names none); a （一） heading
    inside it may narrow it for its own part.
    """
    offsets: list[int] = []
    scopes: list[str] = []
    section = part = ""
    pos = 0
    for line in text.split("\n"):
        style = marker_style(line) if len(line) < 80 else None
        if style is not None and style[1] <= 2:
            scope, _ = split_scope(re.sub(r"[“”\"]", "", line))
            if style[1] <= 1:
                section, part = scope, ""
            else:
                part = scope
            offsets.append(pos)
            scopes.append(part or section)
        pos += len(line) + 1
    return offsets, scopes


def _same_period(content: str, year: int | None, q: Quantity) -> bool:
    """Whether the clause an amount closes speaks of the report's own year ("上年…", "2023年度…" do not)."""
    before = content[max(0, q.start - 60) : q.start]
    clause = re.split(r"[。；;，,\n]", before)[-1]
    sentence = re.split(r"[。；;\n]", before)[-1]
    if _OTHER_PERIOD.search(clause):
        return False
    years = {int(y) for y in _YEAR.findall(sentence)}
    return not years or year is None or years == {year}


class TextLines:
    """The lines of a document's tables by name, scope and measure, and the statements of its text placed
    against them: which table cells an amount of a statement is stated for."""

    def __init__(self, content: str, year: int | None, tables: list[Table], statements: list[Statement], views: list[TableView]):
        self.content, self.year, self.statements = content, year, statements
        self.by_key: dict[str, list[Item]] = {}
        for view in views:
            if view.unit is None:
                continue  # a table with no stated unit cannot be held against amounts in 元 or 万元
            for it in table_items(view):
                self.by_key.setdefault(it.key, []).append(it)
        self.heading_at, self.heading_scope = heading_scopes(content) if self.by_key else ([], [])
        self.spans = sorted((t.start, t.end) for t in tables)
        self.starts = [a for a, _ in self.spans]

    def line_of(self, st: Statement) -> tuple[list[str], list[str], str] | None:
        """(the keys of its table line, the 类/款 path above it, its scope) for a statement of the explanation."""
        if not self.by_key or st.named_only or st.measure == "到位":
            return None
        k = bisect_right(self.starts, st.start) - 1
        if k >= 0 and st.start <= self.spans[k][1]:
            return None  # a cell of a table, not a statement of the explanation
        path = _path_of(st.subject)
        scope, name = split_scope(st.key)
        key = path[-1] if path else line_key(name)
        scope = scope or _scope_of(st, self.statements)
        if not scope:
            k = bisect_right(self.heading_at, st.start) - 1
            scope = self.heading_scope[k] if k >= 0 else ""
        if key in ("收入", "支出", "") and not scope:
            return None  # "本项目共支出 13.07 万元": too general to name a table line
        keys = ["收入总计", "支出总计"] if key in ("收支总计", "收入支出总计") else [key]
        return keys, path[:-1], scope

    def items(self, line: tuple[list[str], list[str], str], measure: str) -> tuple[list[Item], list[Item]]:
        """The table cells of a line for a measure (决算 or 预算): in the statement's scope, and in others."""
        keys, above, scope = line
        same = [it for k in keys for it in self.by_key.get(k, []) if it.measure == measure]
        if above:
            same = [it for it in same if _ancestors_match(it.ancestors, above)]
        return [it for it in same if it.scope == scope], [it for it in same if it.scope != scope]

    def same_period(self, q: Quantity) -> bool:
        return _same_period(self.content, self.year, q)


def text_table_claims(lines: TextLines) -> list[TextTableClaim]:
    """An amount the text states for a line of the tables, with the cells of that line (same scope and measure)."""
    out: list[TextTableClaim] = []
    for st in lines.statements:
        line = lines.line_of(st)
        if line is None:
            continue
        for fact in st.facts:
            if fact.role not in ("value", "budget") or fact.quantity.kind != "money":
                continue
            if not lines.same_period(fact.quantity):
                continue
            measure = "预算" if fact.role == "budget" else "决算"
            if measure == "预算" and "调整" in fact.label:
                continue  # the tables' 预算数 is the 年初 budget
            cells, others = lines.items(line, measure)
            if not cells:
                continue
            out.append(
                TextTableClaim(
                    start=fact.quantity.start,
                    end=fact.quantity.end,
                    subject=st.subject,
                    stated=fact.quantity,
                    measure=measure,
                    scope=line[2],
                    cells=[it.cell for it in cells],
                    titles=[it.title for it in cells],
                    other_scope=[it.cell for it in others],
                    other_titles=[it.title for it in others],
                )
            )
    return out


def table_plan(lines: TextLines, st: Statement) -> tuple[list[Quantity], str] | None:
    """The budget the tables give the line a statement states the final amount of ("公务用车购置及运行维护费
    决算为 19.56 万元，完成预算的 63.76%": the 三公 table's 预算数 of that line), and the table's title.

    Only where one table holds the line's 决算 and 预算 both, in the statement's scope, and every such
    table gives the line one budget.
    """
    line = lines.line_of(st)
    actual = st.value
    if line is None or actual is None or actual.kind != "money" or not lines.same_period(actual):
        return None
    finals, _ = lines.items(line, "决算")
    budgets, _ = lines.items(line, "预算")
    titles = {it.title for it in finals} & {it.title for it in budgets}
    plans = [it for it in budgets if it.title in titles and it.cell.quantity is not None]
    if not plans or len({it.cell.quantity.yuan for it in plans}) != 1:  # type: ignore[union-attr]
        return None
    return [plans[0].cell.quantity], plans[0].title  # type: ignore[list-item]


def _ancestors_match(ancestors: tuple[str, ...], wanted: list[str]) -> bool:
    if not wanted:
        return True
    return tuple(ancestors[-len(wanted) :]) == tuple(wanted)


def planned_from_tables(claims: list[Claim], lines: TextLines) -> list[Claim]:
    """Execution rates whose plan the text does not state, given the budget the tables hold for the same line."""
    if not lines.by_key:
        return claims
    rated = {f.quantity.start: st for st in lines.statements for f in st.facts if f.role == "execution"}
    out: list[Claim] = []
    for claim in claims:
        st = rated.get(claim.start) if isinstance(claim, RateClaim) and not claim.plans else None
        if st is not None and "到位" not in claim.rate_kind and claim.actual is not None and claim.actual == st.value:  # type: ignore[union-attr]
            found = table_plan(lines, st)
            if found is not None:
                claim = claim.model_copy(update={"plans": found[0], "plan_source": found[1]})
        out.append(claim)
    return out
