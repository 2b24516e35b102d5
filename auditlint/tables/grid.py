"""Table understanding: header rows, columns, sides, line items, codes and the hierarchy of lines.

A 部门决算 table is read the way a finance reviewer reads it:
- the header rows on top (several rows when cells are merged), and a 栏次 row
  (``1 2 3 4 5=4/3``) numbering the columns and declaring formulas;
- label columns (项目 / 科目名称, and 功能分类 or 经济分类 codes, possibly split
  into 类 | 款 | 项) and value columns, each with its header path
  (``财政拨款“三公”经费 / 公务用车购置及运行维护费 / 小计 / 预算数``);
- two-sided tables (收入 | 支出 side by side) split into sides, each with its own
  label and value columns;
- line items: a label, a code, numbering (一、 / （一）), whether the line is a
  合计 / 小计 / 总计, and its parent (a 类 over its 款, a heading over its
  numbered sub-lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..identities import Decomposition, load_decompositions
from ..model import Cell, Table
from ..numbering import TABLE_LABEL_MARKER, cn_number
from .cells import ELISION, Figure, read_figure

_UNIT_CAPTION = re.compile(r"单位\s*[：:]\s*(亿元|万元|千元|元)")
_UNIT_HEADER = re.compile(r"[（(]\s*(亿元|万元|千元|元)\s*[)）]")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_IN_LABEL = re.compile(r"^(\d{7}|\d{5}|\d{3})(?:\s+|(?=[\u4e00-\u9fff“（(]))(.+)$")
_CODE_PART = frozenset({"类", "款", "项"})
_INDEX_CELL = re.compile(r"^(?:\d{1,2}|\d{1,2}\s*[=＝]\s*[\d+\-*/×÷()（）\s.%]+|栏次|行次|[—-])$")
_TOTAL = re.compile(r"(总计|合计|小计)$")
_TOTAL_RANK = {"小计": 1, "合计": 2, "总计": 3}
_PERCENT_HEADER = re.compile(r"率|比重|占比|%|％|百分比|比例")
_LABEL_HEADER = re.compile(r"^(?:项目|类别|指标|内容|说明|备注|摘要|单位名称)$|名称$")
_CODE_HEADER = re.compile(r"编码|代码|科目编码")
_SIDE_HEADINGS = ("收入", "支出")
_DETAIL = re.compile(r"^\s*(?:其\s*中|含|包\s*括)\s*[：:]?")  # ("其 中：": a letter-spaced cell)


def table_title(table: Table) -> str:
    """The table's title: the caption line that names a 表, else the reader's name for it."""
    lines = [ln.strip() for ln in table.caption.splitlines() if ln.strip()]
    for ln in reversed(lines):
        if _UNIT_CAPTION.search(ln) and not re.search(r"表\s*$", _UNIT_CAPTION.sub("", ln).strip()):
            continue
        if ln.endswith("表") or re.search(r"表\s*(?:[（(][^）)]*[)）])?$", ln):
            return _UNIT_CAPTION.sub("", ln).strip()
    return table.name


def states_unit(text: str, start: int, end: int, unit: str) -> bool:
    """Whether text[start:end] gives `unit` as a table's unit, as a caption ("单位：万元") or a header ("(万元)") does."""
    return any(m.group(1) == unit for p in (_UNIT_CAPTION, _UNIT_HEADER) for m in p.finditer(text, start, end))


def _unit_of(text: str) -> str | None:
    m = _UNIT_CAPTION.search(text)
    return m.group(1) if m else None


def _number_of_label(label: str) -> tuple[str, int | None] | None:
    """The numbering of a row's label ("一、", "（二）", "3.") and its number (None: a numeral that is not one)."""
    m = TABLE_LABEL_MARKER.match(label)
    if not m:
        return None
    for style in ("cn", "pcn", "num", "pnum"):
        v = m.group(style)
        if v:
            return style, cn_number(v)
    return None


def strip_numbering(label: str) -> str:
    return TABLE_LABEL_MARKER.sub("", label, count=1).strip()


def total_word(label: str) -> str:
    """合计 / 小计 / 总计 when a label names a total line or column ("本年收入合计", "人员经费合计")."""
    m = _TOTAL.search(re.sub(r"\s+", "", label))
    return m.group(1) if m else ""


@dataclass(eq=False)
class Column:
    index: int
    path: tuple[str, ...]
    role: str = "value"  # label | code | code-part | seq | value
    side: int = 0
    number: str = ""  # 栏次
    formula: str = ""  # "4/3", "1+2+3"
    percent: bool = False
    unit: str | None = None
    detail: bool = False  # "其中：…" column: a part of the column before it

    @property
    def heading(self) -> str:
        return " / ".join(self.path) if self.path else f"第{self.index + 1}列"

    @property
    def leaf(self) -> str:
        return self.path[-1] if self.path else ""

    def measure(self) -> str:
        """预算 or 决算: which figure of a line the column holds ('' when the header does not say)."""
        # 一般公共预算 / 政府性基金预算 name a kind of funds, not the budget measure
        joined = re.sub(r"一般公共预算|政府性基金预算|国有资本经营预算", "", "".join(self.path))
        if "预算" in joined and "决算" not in joined:
            return "预算"
        if "决算" in joined or "执行" in joined or "实际" in joined:
            return "决算"
        return ""


@dataclass(eq=False)
class Line:
    """One line item of one side of a table: a row's label, code and values."""

    row: int
    side: int
    label: str
    label_cell: Cell | None
    code: str = ""
    code_scheme: str = ""  # functional | economic
    total: str = ""
    numbering: tuple[str, int | None] | None = None
    parent: Line | None = None
    children: list[Line] = field(default_factory=list)
    values: dict[int, Figure] = field(default_factory=dict)
    elision: bool = False
    detail: bool = False  # "其中：…": a part of the line above, listed without its siblings

    @property
    def name(self) -> str:
        return f"{self.code} {self.label}".strip() if self.code else self.label


@dataclass(eq=False)
class Side:
    index: int
    columns: list[Column]
    heading: str = ""
    lines: list[Line] = field(default_factory=list)

    @property
    def values(self) -> list[Column]:
        return [c for c in self.columns if c.role == "value"]


@dataclass(eq=False)
class TableView:
    """A table as understood: its title, unit, header, columns, sides and line items."""

    table: Table
    index: int
    title: str
    unit: str | None
    header_rows: int
    index_row: int | None
    columns: list[Column]
    sides: list[Side]

    def lines(self):
        for side in self.sides:
            yield from side.lines


# ------------------------------------------------------------------ header


def _is_index_row(row: list[Cell | None]) -> bool:
    texts = [c.text.strip() for c in row if c is not None and c.text.strip()]
    if len(texts) < 2:
        return False
    if not all(_INDEX_CELL.match(t.replace(" ", "")) for t in texts):
        return False
    numbers = [int(re.match(r"\d+", t).group()) for t in texts if re.match(r"\d", t)]
    return len(numbers) >= 2 and numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def _first_text(row: list[Cell | None]) -> str:
    for c in row:
        if c is not None and c.text.strip():
            return c.text.strip()
    return ""


# A header row's first cell ("项目 2022 2023": the years are the columns' titles, not figures)
_HEADER_LEAD = re.compile(r"^(?:项\s*目|科\s*目|指\s*标|年\s*份)(?:\s*(?:名称|Item|Items))?$")
_YEAR_TITLE = re.compile(r"^(?:19|20)\d{2}\s*年?$")


def _is_data_row(row: list[Cell | None]) -> bool:
    figures = [read_figure(c) for c in row if c is not None]
    first_text = _first_text(row)
    if _HEADER_LEAD.match(first_text.split("  ")[0].strip()) and all(
        _YEAR_TITLE.match(c.text.strip()) for c in row if c is not None and c.text.strip() and c.text.strip() != first_text
    ):
        return False  # "项目 | 2022 | 2023": a header naming its columns by year
    if any(f is not None and f.state in ("number", "unknown") for f in figures):
        return True  # a figure, or a template's XXX where a figure goes
    first = _first_text(row)
    if not first:
        return not any(c is not None and c.text.strip() for c in row)
    lead = first.split()[0]
    labelish = bool(_CODE.match(lead) or _CODE_IN_LABEL.match(first) or TABLE_LABEL_MARKER.match(first) or total_word(first) or ELISION.match(first))
    if not labelish:
        return False
    # a 合计 in a header row sits among other column titles; in a data row among figures or blanks
    seen_first = False
    for c in row:
        if c is None or not c.text.strip():
            continue
        if not seen_first:
            seen_first = True
            continue
        if c.text.strip() == first:
            continue  # the same merged cell again
        f = read_figure(c)
        if f is not None and f.state == "text" and not ELISION.match(c.text.strip()) and not _CODE_IN_LABEL.match(c.text.strip()):
            # a second label on a two-sided row ("一、…收入 | 一、…支出") is data too
            if not (TABLE_LABEL_MARKER.match(c.text) or total_word(c.text)):
                return False
    return True


def _header(table: Table) -> tuple[int, int | None]:
    """How many rows the header takes, and which of them (if any) is the 栏次 row."""
    index_row = None
    for r, row in enumerate(table.rows):
        if _is_index_row(row):
            index_row = r
            continue
        if _is_data_row(row):
            return r, index_row
    # no data row at all: call the first row the header when it reads like one
    return (1 if table.rows else 0), index_row


_TITLE_ROW = re.compile(r"表\s*$|单位\s*[：:]|编制单位|^\s*\d{4}\s*年")


def caption_rows(table: Table, header_rows: int) -> list[int]:
    """Header rows that are the table's title or 单位 line: one cell across the whole width."""
    out = []
    for r in range(header_rows):
        cells = {id(c): c for c in table.rows[r] if c is not None}
        texts = [c.text.strip() for c in cells.values() if c.text.strip()]
        if len(texts) == 1 and _TITLE_ROW.search(texts[0]) and len(table.rows[r]) > 1:
            out.append(r)
    return out


def _column_path(table: Table, header_rows: int, index_row: int | None, c: int, skip: list[int]) -> tuple[str, ...]:
    path: list[str] = []
    for r in range(header_rows):
        if r == index_row or r in skip:
            continue
        row = table.rows[r]
        cell = row[c] if c < len(row) else None
        if cell is None:
            continue
        text = re.sub(r"\s+", "", cell.text)
        if text and (not path or path[-1] != text):
            path.append(text)
    return tuple(path)


# ----------------------------------------------------------------- columns


def _classify_columns(table: Table, header_rows: int, index_row: int | None, unit: str | None) -> list[Column]:
    width = max((len(r) for r in table.rows), default=0)
    columns = []
    data = table.rows[header_rows:]
    skip = caption_rows(table, header_rows)
    for c in range(width):
        path = _column_path(table, header_rows, index_row, c, skip)
        col = Column(index=c, path=path)
        joined = "".join(path)
        numbers = texts = codes = percents = 0
        seen: set[int] = set()
        for row in data:
            cell = row[c] if c < len(row) else None
            if cell is None or id(cell) in seen:
                continue
            if cell.colspan > 1 and cell.col != c:
                continue  # a label merged across this column ("合计" over code and name)
            seen.add(id(cell))
            f = read_figure(cell)
            if f is None or f.state in ("blank", "unknown"):
                continue
            t = cell.text.strip()
            if f.is_number:
                if _CODE.match(t) and "." not in t:
                    codes += 1
                numbers += 1
                if f.percent:
                    percents += 1
            elif not ELISION.match(t):
                texts += 1
        leaf = path[-1] if path else ""
        if leaf in _CODE_PART:
            col.role = "code-part"
        elif _CODE_HEADER.search(joined) or (codes and codes == numbers and numbers >= 2 and not texts):
            col.role = "code"
        elif re.search(r"序号|行次", leaf) and not texts:
            col.role = "seq"
        elif texts > numbers or (texts and _LABEL_HEADER.search(leaf) and not numbers):
            col.role = "label"
        elif not numbers and not texts and _LABEL_HEADER.search(leaf):
            col.role = "label"
        else:
            col.role = "value"
        col.detail = bool(_DETAIL.match(leaf))
        col.percent = col.role == "value" and (bool(_PERCENT_HEADER.search(leaf)) or (numbers > 0 and percents * 2 >= numbers))
        m = _UNIT_HEADER.search(joined)
        col.unit = m.group(1) if m else unit
        columns.append(col)
    if index_row is not None:
        for c, cell in enumerate(table.rows[index_row]):
            if cell is None or c >= len(columns):
                continue
            text = re.sub(r"\s+", "", cell.text).replace("＝", "=")
            m = re.match(r"^(\d{1,2})(?:=(.+))?$", text)
            if m:
                columns[c].number = m.group(1)
                columns[c].formula = m.group(2) or ""
    else:
        _lettered_formulas(columns)
    return columns


# a column lettered in its header ("全年预算数(A)"), and a rate column whose header gives its formula in those
# letters ("预算执行率(B/A)", "预算执行率(B/A×100%)"): the 绩效自评表's way of saying what a 栏次 row says
_LETTER = re.compile(r"[（(]\s*([A-Z])\s*[）)]\s*$")
_LETTER_FORMULA = re.compile(r"[（(]\s*([A-Z](?:\s*[-+]\s*[A-Z])*\s*/\s*[A-Z])\s*(?:[×xX*]\s*100\s*[%％]?)?\s*[）)]\s*$")


def _lettered_formulas(columns: list[Column]) -> None:
    """Letters and a ratio formula given in the headers: each lettered value column takes its letter as its 栏次, the
    execution rate column its formula. Only where the letters name columns of amounts and the rate column holds
    percentages, so that a header row set off by a column from its figures (a cell lost at its start) declares
    nothing; and only a budget's execution rate, not a target's 完成率, which a report may cap at 100%."""
    letters = {}
    for col in columns:
        m = _LETTER.search(col.leaf)
        if m and col.role == "value" and not col.percent:
            letters[m.group(1)] = col
    if len(letters) < 2:
        return
    for col in columns:
        m = _LETTER_FORMULA.search(col.leaf)
        if not m or not col.percent or col.role != "value" or "执行" not in col.leaf:
            continue  # (a 完成率 of targets may be capped at 100% when a target is exceeded: only budget execution)
        formula = re.sub(r"\s+", "", m.group(1))
        if all(x in letters for x in re.findall(r"[A-Z]", formula)):
            for letter, lettered in letters.items():
                lettered.number = letter
            col.formula = formula


def _sides(columns: list[Column]) -> list[Side]:
    """Split at a label column that follows value columns: 收入 | 支出, or 人员经费 | 公用经费 side by side."""
    sides: list[Side] = []
    current: list[Column] = []
    seen_value = False
    for col in columns:
        if col.role in ("label", "code", "code-part", "seq") and seen_value and current:
            sides.append(Side(index=len(sides), columns=current))
            current, seen_value = [], False
        current.append(col)
        if col.role == "value":
            seen_value = True
    if current:
        sides.append(Side(index=len(sides), columns=current))
    for side in sides:
        for col in side.columns:
            col.side = side.index
        if len(sides) > 1:
            heads = {col.path[0] for col in side.columns if col.path}
            found = [h for h in heads if h in _SIDE_HEADINGS]
            side.heading = found[0] if len(found) == 1 else ""
    return sides


# ------------------------------------------------------------------- lines


def _code_scheme(side: Side) -> str:
    joined = "".join("".join(c.path) for c in side.columns if c.role in ("code", "code-part", "label"))
    return "economic" if "经济" in joined else "functional"


def _read_lines(view: TableView, decompositions: Sequence[Decomposition]) -> None:
    table = view.table
    for side in view.sides:
        scheme = _code_scheme(side)
        label_cols = [c for c in side.columns if c.role == "label"]
        code_cols = [c for c in side.columns if c.role == "code"]
        part_cols = [c for c in side.columns if c.role == "code-part"]
        carry: dict[int, str] = {}
        for r in range(view.header_rows, len(table.rows)):
            if r == view.index_row:
                continue
            row = table.rows[r]

            def at(col: Column) -> Cell | None:
                return row[col.index] if col.index < len(row) else None

            label_cell = None
            label = ""
            for col in reversed(label_cols):
                cell = at(col)
                if cell is not None and cell.text.strip():
                    label_cell, label = cell, cell.text.strip()
                    break
            code = ""
            for col in code_cols:
                cell = at(col)
                if cell is not None and _CODE.match(cell.text.strip()):
                    code = cell.text.strip()
            if part_cols:
                code = _split_code([at(c) for c in part_cols], carry) or code
            if not code and label:
                m = _CODE_IN_LABEL.match(label)
                if m:
                    code, label = m.group(1), m.group(2).strip()
            if label_cell is None and code_cols:
                # "合计" merged across the code and name columns sits in the code column
                for col in code_cols:
                    cell = at(col)
                    if cell is not None and cell.text.strip() and not _CODE.match(cell.text.strip()):
                        label_cell, label = cell, cell.text.strip()
            values: dict[int, Figure] = {}
            for col in side.values:
                cell = at(col)
                if cell is None or (label_cell is not None and cell is label_cell):
                    continue
                f = read_figure(cell, col.unit or "")
                if f is not None:
                    values[col.index] = f
            filled = any(f.state != "blank" for f in values.values())
            if not label and not code and not filled:
                continue
            detail = bool(_DETAIL.match(label))
            text = strip_numbering(_DETAIL.sub("", label, count=1)) if detail else strip_numbering(label)
            line = Line(
                row=r,
                side=side.index,
                label=text,
                label_cell=label_cell,
                code=code,
                code_scheme=scheme if code else "",
                total="" if code else total_word(text),
                numbering=_number_of_label(_DETAIL.sub("", label, count=1).strip() if detail else label),
                values=values,
                detail=detail,
                elision=any(
                    cell is not None and ELISION.match(cell.text.strip() or "x")
                    for cell in (at(c) for c in [*label_cols, *code_cols, *part_cols])
                ),
            )
            side.lines.append(line)
        _hierarchy(side, decompositions)


def _split_code(cells: list[Cell | None], carry: dict[int, str]) -> str:
    """类 | 款 | 项 written in three columns ("208 | 05 | 05"); blank leading parts carry down."""
    parts = [(c.text.strip() if c is not None else "") for c in cells]
    if not any(parts) or not all(p == "" or p.isdigit() for p in parts):
        return ""
    last = max(i for i, p in enumerate(parts) if p)
    out = []
    for i in range(last + 1):
        p = parts[i] or carry.get(i, "")
        if not p:
            return ""
        out.append(p)
    for i in range(last + 1):
        carry[i] = out[i]
    for i in range(last + 1, len(parts)):
        carry.pop(i, None)
    code = "".join(out)
    return code if _CODE.match(code) else ""


def _key(label: str) -> str:
    return re.sub(r"[\s“”\"‘’'（）()、：:]", "", label)


def _declared_children(side: Side, decompositions: Sequence[Decomposition]) -> None:
    """Lines right under a line that are its declared parts (基本支出 then 人员经费, 公用经费) are its children.

    A flattened table loses its indentation; the identities in rules/*.toml say
    which lines make up which, so the hierarchy can be recovered from them.
    """
    lines = side.lines
    keys = [_key(ln.label) for ln in lines]
    for i, line in enumerate(lines):
        if line.code or line.total or line.detail or line.parent is not None or line.children:
            continue
        for dec in decompositions:
            if not dec.names_total(keys[i]):
                continue
            n = len(dec.parts)
            run = lines[i + 1 : i + 1 + n]
            if len(run) != n or any(r.code or r.total or r.detail or r.parent is not None for r in run):
                continue
            if dec.matches(keys[i], keys[i + 1 : i + 1 + n]):
                for r in run:
                    r.parent = line
                    line.children.append(r)
                break


_STYLE_RANK = {"cn": 4, "pcn": 3, "num": 2, "pnum": 1}


def _outranks(numbering: tuple[str, int] | None, style: str) -> bool:
    """A line heads a run numbered in `style` when it is unnumbered, or numbered one level up (一、 over 1.)."""
    return numbering is None or _STYLE_RANK[numbering[0]] > _STYLE_RANK[style]


def _continues_detail(previous: Line | None, line: Line) -> bool:
    """A line numbered next after a numbered 其中 line ("其中：(1)购置费", "(2)运行费") is one more 其中 part."""
    if previous is None or not previous.detail or not previous.numbering or not line.numbering:
        return False
    if line.code or line.total or line.parent is not None:
        return False
    (style, n), (prev_style, prev_n) = line.numbering, previous.numbering
    owner = previous.parent
    if owner is not None and owner.numbering and owner.numbering[0] == style:
        return False  # "1.基本支出 / 其中:1.人员经费 / 2.项目支出": the number goes on with the line the 其中 details
    return style == prev_style and n is not None and prev_n is not None and n == prev_n + 1


def _hierarchy(side: Side, decompositions: Sequence[Decomposition]) -> None:
    """Parents: the code that prefixes a code; the heading over a numbered run that restarts at 一."""
    _declared_children(side, decompositions)
    by_code: list[Line] = []
    previous: Line | None = None
    heading: Line | None = None
    heading_style = ""
    last_detail: Line | None = None
    for line in side.lines:
        if not line.detail and _continues_detail(last_detail, line):
            # "其中：(1)…" then "(2)…": the 其中 covers the numbered run, not its first line only
            line.detail = True
        last_detail = line if line.detail else None
        if line.detail:
            # 其中 lines name some parts of the line above, never all: they are not summed anywhere
            line.parent = previous if previous is not None and not previous.detail else (previous.parent if previous else None)
            continue
        if line.code:
            while by_code and not line.code.startswith(by_code[-1].code):
                by_code.pop()
            if by_code and len(by_code[-1].code) < len(line.code) and by_code[-1].code_scheme == line.code_scheme:
                line.parent = by_code[-1]
                by_code[-1].children.append(line)
            by_code.append(line)
            previous = line
            heading = None
            continue
        by_code = []
        if line.total:
            heading, previous = None, line
            continue
        if line.parent is not None:
            previous = line
            continue
        if line.numbering:
            style, n = line.numbering
            if n == 1 and previous is not None and not previous.total and not previous.code and previous.label and _outranks(previous.numbering, style):
                heading, heading_style = previous, style
            if heading is not None and style == heading_style:
                line.parent = heading
                heading.children.append(line)
            elif heading is not None:
                heading = None
        else:
            heading = None
        previous = line


# ------------------------------------------------------------------- build


#: No fiscal table is wider; a wider grid (a form, or text full of separators) is counted, not read.
MAX_COLUMNS = 64


def understand(table: Table, index: int, decompositions: Sequence[Decomposition] | None = None) -> TableView:
    """A table as understood; decompositions (rules/*.toml) recover lines' parents a flattened table lost."""
    if max((len(r) for r in table.rows), default=0) > MAX_COLUMNS:
        return TableView(table, index, table_title(table) or f"第{index + 1}个表格", None, len(table.rows), None, [], [])
    header_rows, index_row = _header(table)
    titles = [next(c.text.strip() for c in table.rows[r] if c is not None and c.text.strip()) for r in caption_rows(table, header_rows)]
    if titles:
        table = table.model_copy(update={"caption": "\n".join([table.caption, *titles]).strip()})
    unit = _unit_of(table.caption)
    if unit is None:
        for r in range(header_rows):
            for cell in table.rows[r]:
                if cell is not None:
                    unit = unit or _unit_of(cell.text)
    columns = _classify_columns(table, header_rows, index_row, unit)
    view = TableView(
        table=table,
        index=index,
        title=table_title(table) or f"第{index + 1}个表格",
        unit=unit,
        header_rows=header_rows,
        index_row=index_row,
        columns=columns,
        sides=_sides(columns),
    )
    _read_lines(view, load_decompositions() if decompositions is None else decompositions)
    return view
