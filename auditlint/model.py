"""The data that flows through the pipeline: documents, figures, claims and findings."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_serializer

from .numbers import MONEY_SCALE, Interval

if TYPE_CHECKING:  # extraction's own structures; Disclosure is completed with them in auditlint/extract
    from .extract.mentions import Mention
    from .extract.reflow import Reflowed
    from .extract.structure import OutlineIndex
    from .tables.evaluate import TableVerdicts
    from .tables.grid import TableView


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


# --------------------------------------------------------------------------- read

#: Characters of a finding's line kept either side of its span, for the code frame of text reports.
EXCERPT_CONTEXT = 36


class Cell(BaseModel):
    """One table cell, with where its text sits in Document.text."""

    text: str
    row: int
    col: int
    start: int
    end: int
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None
    unknown: bool = False  # the reader cannot tell what this cell holds (a flattened row lost its place)


class Table(BaseModel):
    """A table as a grid of cells (merged cells repeat their text in every slot they cover)."""

    rows: list[list[Cell | None]]
    caption: str = ""
    page: int | None = None
    name: str = ""
    start: int = 0
    end: int = 0


class Block(BaseModel):
    """A stretch of Document.text: running text, or a table laid out there row by row."""

    kind: Literal["text", "table"]
    start: int
    end: int
    page: int | None = None
    table: Table | None = None


class PageBoxes:
    """Where the laid-out text of a PDF sits on its pages, for drawing a finding's box.

    Runs of Document.text (a line of running text, a table cell) each have a page
    and a box; a line also has the left and right edge of each of its characters
    (`edges`: x0, x1 pairs, NaN for a space the reader put in). Boxes are kept as
    the page is displayed (x right, y down from its top, points); `frames` maps each
    page's boxes back to PDF coordinates: points in the page's user space, y
    upwards, (x0, y0, x1, y1).
    """

    __slots__ = ("starts", "ends", "pages", "boxes", "edges", "frames")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pages: list[int] = []
        self.boxes: list[tuple[float, float, float, float]] = []
        self.edges: list[Any] = []  # array('f') or None per run
        self.frames: dict[int, Any] = {}  # page -> callable(x0, top, x1, bottom) -> PDF box

    def add(self, start: int, end: int, page: int, box: tuple[float, float, float, float], edges=None) -> None:
        """A run laid out at [start, end), in order of start."""
        self.starts.append(start)
        self.ends.append(end)
        self.pages.append(page)
        self.boxes.append(box)
        self.edges.append(edges)

    def box(self, start: int, end: int) -> tuple[int, tuple[float, float, float, float]] | None:
        """The page and PDF box of the text at [start, end): its characters' boxes, on the page it starts on."""
        end = max(end, start + 1)
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        page = None
        x0 = top = float("inf")
        x1 = bottom = float("-inf")
        while i < len(self.starts) and self.starts[i] < end:
            if self.ends[i] <= start or (page is not None and self.pages[i] != page):
                i += 1
                continue
            run_x0, run_top, run_x1, run_bottom = self.boxes[i]
            edges = self.edges[i]
            if edges is not None:
                lo, hi = max(start, self.starts[i]) - self.starts[i], min(end, self.ends[i]) - self.starts[i]
                xs = [v for v in edges[2 * lo : 2 * hi] if v == v]  # NaN (an inserted space) is not equal to itself
                if not xs:
                    i += 1
                    continue
                run_x0, run_x1 = min(xs), max(xs)
            x0, top, x1, bottom = min(x0, run_x0), min(top, run_top), max(x1, run_x1), max(bottom, run_bottom)
            if page is None:
                page = self.pages[i]
            i += 1
        if page is None:
            return None
        return page, tuple(round(v, 2) for v in self.frames[page](x0, top, x1, bottom))


class Document(BaseModel):
    """A file as read: its text (what locations point into) and its blocks.

    For text and html files `text` is the file's own decoded text, and `content`
    is the same text with markup blanked out, character for character, so that
    offsets into one are offsets into the other. For docx/xlsx/pdf, `text` is the
    text the reader laid out (paragraphs as lines, table rows as tab-separated
    lines) and locations point into it, with a page where there is one.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str
    format: str
    text: str
    content: str
    encoding: str = "utf-8"
    blocks: list[Block] = Field(default_factory=list)
    page_starts: list[int] = Field(default_factory=list)
    boxes: PageBoxes | None = Field(default=None, exclude=True)  # PDF only: where the text is on the pages

    def box_of(self, start: int, end: int) -> list[float] | None:
        """The PDF box [x0, y0, x1, y1] of the text at [start, end) on its page, where the reader knows it."""
        if self.boxes is None:
            return None
        found = self.boxes.box(start, end)
        return list(found[1]) if found and found[0] == self.page_of(start) else None

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; a column counts characters."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        col = offset - starts[line]
        # a CR before LF is not a column of its own line
        return line + 1, col + 1

    def page_of(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def page_line(self, offset: int) -> int | None:
        """1-based line of an offset counted from the first line of its page (running headers and page
        numbers left out, as the reader lays the page out); None for a document without pages."""
        page = self.page_of(offset)
        if not page:
            return None
        return self.position(offset)[0] - self.position(self.page_starts[page - 1])[0] + 1

    def excerpt(self, start: int, end: int, context: int = EXCERPT_CONTEXT) -> tuple[str, int, bool]:
        """What a code frame shows of the span [start, end): its first line, cut to the span and `context`
        characters either side — the text, the column of its first character, and whether the line goes
        on after it. Its length is bounded by the span's (a finding keeps it: a long line is never copied)."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, start) - 1
        begin = starts[i]
        eol = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
        line_end = eol
        while line_end > begin and self.text[line_end - 1] == "\r":  # (line_text's rstrip)
            line_end -= 1
        length = line_end - begin
        span_start = start - begin
        # the span on this line: to its end, or to the end of the line when it goes on below
        span_end = max(start, end) - begin if max(start, end) <= eol else length
        span_end = max(span_end, span_start + 1)
        left, right = max(0, span_start - context), min(length, span_end + context)
        return self.text[begin + left : begin + right], left + 1, right < length

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[begin:end].rstrip("\r")


# ------------------------------------------------------------------------ extract

Kind = Literal["money", "percent", "count", "number", "points"]
_KIND_OF_UNIT: dict[str, Kind] = {
    **dict.fromkeys(MONEY_SCALE, "money"),
    "%": "percent",
    "％": "percent",
    "": "number",
    "个百分点": "points",  # a difference of two rates ("下降1.5个百分点"): neither a rate nor a count
    "百分点": "points",
}


class Span(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: int
    end: int


# The figures, words, facts, statements and headings extraction makes by the thousand are plain slotted
# dataclasses, not models: validating each as it is made (and each change to a statement as it grows)
# cost more than reading it. The claims that hold them are models; the reports' JSON is the same.


@dataclass(frozen=True, slots=True)
class Word:
    """A word that carries meaning for a check (增加, 下降, 大于 ...)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Comparison:
    """决算数大于(小于)预算数 as written, and the subject named before it, if any."""

    word: Word
    subject: str = ""


class _KindSlot:
    """Where a figure keeps its kind (a plain slot, set once it is made, read as fast as a field) and its exact
    ranges once asked (rules ask for them again and again).

    Not fields: they follow from the others, so they are never compared, copied or written out."""

    __slots__ = ("kind", "_interval", "_yuan")
    kind: Kind


@dataclass(frozen=True, slots=True)
class Quantity(_KindSlot):
    """A number as written: value, unit and precision, with its place in the text.

    kind (money, percent, count, number, points) follows from the unit: read for nearly every figure by
    nearly every step, it is looked up once, when the figure is made, not at each reading."""

    start: int
    end: int
    value: Decimal
    unit: str = ""
    places: int = 0
    text: str = ""
    unit_inferred: bool = False
    grouped: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _KIND_OF_UNIT.get(self.unit, "count"))

    def __setstate__(self, state: list) -> None:  # (unpickled, as from a worker process: the kind again too)
        for f, value in zip(fields(self), state, strict=True):
            object.__setattr__(self, f.name, value)
        self.__post_init__()

    @property
    def interval(self) -> Interval:
        """The exact values this figure may stand for, in its own unit (worked out once)."""
        try:
            return self._interval
        except AttributeError:
            pass
        kind = self.kind
        if (kind == "count" or self.value == 0) and self.places == 0:
            interval = Interval(self.value, self.value)  # counts are exact, and a written 0 means none
        else:
            interval = Interval.written(self.value, self.places)
            if kind == "percent" and self.value >= 0:
                # Rates are often cut rather than rounded (95.457% written 95.45%): both are rounding.
                interval = Interval(interval.lo, interval.hi + (interval.hi - interval.lo) / 2)
        object.__setattr__(self, "_interval", interval)
        return interval

    @property
    def yuan(self) -> Interval:
        """The exact values in 元 (money only; worked out once)."""
        try:
            return self._yuan
        except AttributeError:
            pass
        yuan = self.interval.scale(MONEY_SCALE[self.unit])
        object.__setattr__(self, "_yuan", yuan)
        return yuan

    @property
    def yuan_value(self) -> Decimal:
        return self.value * MONEY_SCALE[self.unit]

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Quantity:
        """A copy with some fields changed, as when a figure was a pydantic model (rule packs call it)."""
        return replace(self, **(update or {}))


Role = Literal["value", "budget", "prior", "delta", "rate", "share", "execution", "count", "base"]
#: What a figure is measured against: last year, or a budget (which one, when the text says: 年初, 调整后,
#: 全年), or a plan (计划); "" when the words do not say.
Basis = Literal["", "prior_year", "budget", "initial_budget", "adjusted_budget", "full_year_budget", "plan"]
#: Which amount a statement states: the final (决算) or the arrived (到位) one; "" when the words do not say.
Measure = Literal["", "决算", "到位"]
#: What a word says of a change: up (1), down (-1), or neither (0: "增加（减少）", a word that is not one).
Direction = Literal[-1, 0, 1]


@dataclass(slots=True)
class Fact:
    """A figure in a statement and what it is: the amount, a budget, a change, a share ..."""

    role: Role
    quantity: Quantity
    label: str = ""
    word: Word | None = None
    direction: Direction = 0
    basis: Basis = ""
    base_label: str = ""
    double_sign: bool = False


@dataclass(slots=True, kw_only=True)
class Statement:
    """What one clause group says about one subject: its amount and the figures around it."""

    index: int
    subject: str
    key: str
    measure: Measure = ""
    named_only: bool = False  # a total named to head a list, with no figure of its own ("“三公”经费支出中，…")
    start: int
    end: int
    facts: list[Fact] = field(default_factory=list)
    parent: int | None = None
    list_kind: str = ""
    paragraph: int = 0
    sentence: int = 0
    section: int = 0
    numbered: str = ""  # numbering style of the item it opens ("num.", "cn" …), if any
    number: int | None = None  # and the item's number
    inherited_subject: bool = False
    comparisons: list[Comparison] = field(default_factory=list)

    def first(self, role: Role) -> Fact | None:
        for fact in self.facts:
            if fact.role == role:
                return fact
        return None

    def all(self, role: Role) -> list[Fact]:
        return [f for f in self.facts if f.role == role]

    @property
    def value(self) -> Quantity | None:
        fact = self.first("value")
        return fact.quantity if fact else None


class Claim(BaseModel):
    """Something the text asserts about figures, which a rule can recompute."""

    kind: str = "claim"
    start: int
    end: int
    subject: str = ""


class ChangeClaim(Claim):
    """X 比上年/年初预算 增加(减少) D，增长(下降) R% — against last year or the budget."""

    kind: str = "change"
    basis: Literal["prior_year", "budget"] = "prior_year"
    current: Quantity | None = None
    prior: Quantity | None = None
    delta: Quantity | None = None
    delta_word: Word | None = None
    delta_direction: Direction = 0  # what delta_word says
    rate: Quantity | None = None
    rate_word: Word | None = None
    rate_direction: Direction = 0  # what rate_word says
    double_sign: bool = False


class ShareClaim(Claim):
    """A part 占 P% of a total."""

    kind: str = "share"
    part: Quantity
    share: Quantity
    total: Quantity | None = None
    total_label: str = ""
    group: int | None = None


class RateClaim(Claim):
    """An execution, completion or 到位 rate: actual / plan."""

    kind: str = "execution"
    rate_kind: str = "执行率"
    rate: Quantity
    actual: Quantity | None = None
    plans: list[Quantity] = Field(default_factory=list)
    plan_source: str = ""  # the table the plan was taken from, when the text does not state it


class CompositionClaim(Claim):
    """A total and the parts the text lists under it (其中 / 包括 / 主要用于 / numbered items)."""

    kind: str = "sum"
    measure: Literal["value", "budget", "delta"] = "value"  # which figures of the list are summed
    total: Quantity
    parts: list[Quantity]
    part_labels: list[str]
    list_kind: str = "其中"
    complete: bool = False
    completeness: str = ""
    group: str = ""  # the same list under the same total: one claim per measure summed


class ComparisonClaim(Claim):
    """决算数大于(小于)预算数 — wording that states how two figures compare."""

    kind: str = "comparison"
    word: Word
    left: Quantity | None = None
    right: Quantity | None = None


class Reason(BaseModel):
    """A stated reason for a change: "X减少的主要原因是…" or "主要原因：…导致此款经费减少"."""

    word: Word
    direction: int
    subject: str = ""
    key: str = ""
    follows: int | None = None  # the statement it explains, when it comes right after one
    paragraph: int = 0
    section: int = 0
    statement_count: int = 0  # statements made before it


class ReasonClaim(Claim):
    """A reason whose direction must agree with the change it explains."""

    kind: str = "reason"
    word: Word
    direction: int
    change: ChangeClaim | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading or list item (or an unnumbered line that reads as a heading: style "").

    [start, end) is the marker ("十一、", "（二）"); the title is the words after it.
    Scopes number afresh: the body, a table of contents, each attachment.
    """

    start: int
    end: int
    style: str  # part, cn, pcn, dotted, num, pnum, circled, pideo; "" when unnumbered
    number: int = 0
    marker: str = ""
    title: str = ""
    title_start: int = 0
    title_end: int = 0
    paragraph: int = 0
    inline: bool = False
    scope: int = 0
    scope_start: int = 0  # where its scope (the body, the contents, an attachment) begins
    toc: bool = False  # in the table of contents
    attachment: bool = False  # in an attachment (附件/附表)
    heading_shaped: bool = False  # a short title on its own line, not a sentence of a list
    has_body: bool = False  # text follows it before the next marker
    cell: bool = False


class Score(Span):
    """A score the text states ("满分 28 分，得分 24 分"): what it scores and where it sits in the breakdown.

    [start, end) is the phrase that states it ("得分 24 分"). `level` says what it is: the overall score,
    the execution part, the indicators part, a first-level indicator (产出/效益/满意度),
    a target's indicator ("年度目标 1 的产出指标"), or a sub-indicator (数量/质量/…).
    """

    value: Quantity
    maximum: Quantity | None = None
    level: Literal["total", "execution", "indicators", "indicator", "target", "sub"]
    label: str = ""
    indicator: str = ""  # 产出 / 效益 / 满意度, when known
    target: int | None = None  # 年度目标 N
    scope: str = ""  # 整体 / 项目 / a project's name: whose evaluation it is
    report: int = 0  # which evaluation report (section) it belongs to
    paragraph: int = 0


ClaimT = TypeVar("ClaimT", bound=Claim)


class Disclosure(BaseModel):
    """Everything extracted from one document, ready for the rules: made whole by extract(), never filled in later."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    document: Document
    year: int | None = None
    unit: str | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    outline: list[Heading] = Field(default_factory=list)
    scores: list[Score] = Field(default_factory=list)
    flow: Reflowed = Field(exclude=True)  # the reflowed text (sentences whole again) and its map to the original
    outline_index: OutlineIndex = Field(exclude=True)  # the outline with its numbering worked out: sections, parents
    mentions: list[Mention] = Field(exclude=True)  # each figure stated for a known line item, with its basis
    table_verdicts: TableVerdicts = Field(exclude=True)  # the table claims recomputed, failing cells located
    table_views: list[TableView] = Field(default_factory=list, exclude=True)  # each of tables as understood
    table_count: TableCount  # tables, rows and figures read

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def text(self) -> str:
        return self.document.text

    def claims_of(self, kind: type[ClaimT]) -> list[ClaimT]:
        return [c for c in self.claims if isinstance(c, kind)]

    def source(self, span: Span) -> str:
        return self.document.text[span.start : span.end]


# ------------------------------------------------------------------------- report


class Related(BaseModel):
    """Another place a finding refers to (the other side of a comparison), in the same file or, for a
    finding between reports, in another one (`path`)."""

    path: str | None = None  # the other file, when the place is not in the finding's own
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None
    box: list[float] | None = None  # PDF coordinates on `page`: [x0, y0, x1, y1], points, y up
    evidence: str = ""
    message: str = ""
    page_line: int | None = Field(default=None, exclude=True)  # the line within `page`, as Finding's
    # what a code frame shows of its first line, as Finding's (a place in another file is quoted from here)
    excerpt: str = Field(default="", exclude=True)
    excerpt_column: int = Field(default=1, exclude=True)
    excerpt_more: bool = Field(default=False, exclude=True)

    @model_serializer(mode="wrap")
    def _serialize(self, handler):
        data = _without_empty_box(handler(self))
        if isinstance(data, dict) and data.get("path", "") is None:
            del data["path"]  # a place in the finding's own file: reports read as before
        return data


class Finding(BaseModel):
    """One problem, located in the original text: the output contract of auditlint."""

    rule: str
    name: str = ""
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None
    box: list[float] | None = None  # PDF coordinates on `page`: [x0, y0, x1, y1], points, y up
    evidence: str = ""
    expected: str | None = None
    actual: str | None = None
    fix: str | None = None
    related: list[Related] = Field(default_factory=list)
    start: int = Field(default=0, exclude=True)
    end: int = Field(default=0, exclude=True)
    # what a code frame shows of the span's first line (Document.excerpt): never the whole line, which
    # may be a whole report long, for every finding on it
    excerpt: str = Field(default="", exclude=True)
    excerpt_column: int = Field(default=1, exclude=True)  # the line's column of the excerpt's first character
    excerpt_more: bool = Field(default=False, exclude=True)  # the line goes on after the excerpt
    page_line: int | None = Field(default=None, exclude=True)  # the line within `page`, for people with the PDF open
    fix_safe: bool = Field(default=False, exclude=True)  # `fix` only restores a form (--fix); else a suggestion (--unsafe-fixes)
    # offsets, for holding back a fix another finding disputes: the places `related` refers to (which the
    # finding calls into question too), and the figures the finding was worked out from (Issue.basis)
    related_spans: list[tuple[int, int]] = Field(default_factory=list, exclude=True)
    basis: list[tuple[int, int]] = Field(default_factory=list, exclude=True)

    @model_serializer(mode="wrap")
    def _serialize(self, handler):
        return _without_empty_box(handler(self))


def _without_empty_box(data):
    """Reports carry `box` only where there is one (PDF findings), so other reports read as before."""
    if isinstance(data, dict) and "box" in data and data["box"] is None:
        del data["box"]
    return data


class ClaimCount(BaseModel):
    """Claims of one kind: found in the text, recomputed by a rule, or lacking a term to recompute."""

    found: int = 0
    checked: int = 0
    not_assessable: int = 0


class InternalError(BaseModel):
    """A rule that failed on this file: its findings are missing, the others are kept."""

    rule: str
    message: str
    detail: str = Field(default="", exclude=True)


class TableCount(BaseModel):
    """Tables read in one file: how many, their rows, and the figures their value columns hold."""

    tables: int = 0
    rows: int = 0
    figures: int = 0


class ReportIdentity(BaseModel):
    """Whose report it is, for which year, and what kind: read from its title, cover and headings.

    `entity` is the body's name as the report writes it; `region` and `body` are that name
    normalised (上海市普陀区 / 文化和旅游局; 中共…委员会 written 中共…委; 人民政府…街道办事处 as
    …街道办事处), so two reports of one body can be matched however each spells it.
    `level` is 部门 (a department with its units) or 单位 (one unit, 本级), "" when the report
    does not say. `problem` says, in Chinese, what could not be read; a report with a problem
    is never held against another.
    """

    model_config = ConfigDict(frozen=True)

    entity: str = ""
    region: tuple[str, ...] = ()
    body: str = ""
    level: Literal["部门", "单位", ""] = ""
    kind: Literal["决算", "预算", "绩效自评", "年度报告", ""] = ""
    year: int | None = None
    subject: str = ""  # a 绩效自评: 整体, or the project it evaluates
    problem: str = ""

    @property
    def readable(self) -> bool:
        return not self.problem


class FileResult(BaseModel):
    """The outcome for one input: findings, or an error record saying why it could not be read."""

    path: str
    error: str | None = None
    error_code: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    claims: dict[str, ClaimCount] = Field(default_factory=dict)
    internal_errors: list[InternalError] = Field(default_factory=list)
    tables: TableCount = Field(default_factory=TableCount)
    seconds: float = 0.0
    timed_out: bool = False  # stopped at its time limit (seconds says when)
    suppressed: int = 0  # findings silenced by auditlint: ignore comments in the file
    baselined: int = 0  # findings left out because the baseline already records them
    document: Document | None = Field(default=None, exclude=True)  # kept only for reports that show the text
    identity: ReportIdentity | None = None  # whose report, which year, what kind (None: the file was not read)
    facts: Any = Field(default=None, exclude=True)  # what other reports can be held to (auditlint.crossdoc.facts)
