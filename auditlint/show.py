"""auditlint show: what auditlint read in one file — its lines, its tables, its claims and what became of each.

A user sees why a figure was or was not checked; a developer sees why a report was
misread. `inspect_file()` builds one plain structure (the `--format json` output, its keys
documented in README under "What auditlint read: auditlint show"); the text format
renders the same structure for a terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .engine import ClaimOutcome, Rule, run_rules
from .extract import extract
from .identities import load_decompositions
from .model import Disclosure, Document, Finding
from .segment import Layout, Segment, segment
from .segment.templates import load_templates, match_template
from .sources import ReadError, read_path
from .suppress import apply_suppressions
from .tables import TableView
from .tables.grid import understand

if TYPE_CHECKING:
    from .config import Config

VERSION = 1

#: What a claim came to, in the order a reader cares: a failure first.
VERDICTS = ("fails", "not-assessable", "holds", "not-checked")

_KIND_OF_REPORT = (
    (re.compile(r"绩效自评|绩效评价"), "预算绩效自评报告"),
    (re.compile(r"年度报告"), "事业单位法人年度报告书"),
)
_BUDGET_OR_FINAL = re.compile(r"(部门|单位)?(决算|预算)")
_SPACE = re.compile(r"\s+")


class ShowError(Exception):
    """The file could not be read or understood: the message check would print, and its code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class _Read:
    document: Document
    disclosure: Disclosure
    layout: Layout
    findings: list[Finding]  # as check reports them: after the file's own ignore comments
    every_finding: list[Finding]  # the same, and those the comments silence
    outcomes: list[ClaimOutcome]
    errors: list[str]


def _read(path: str, config: Config, rules: Iterable[Rule], settings: dict) -> _Read:
    try:
        document = read_path(path, config.max_file_size)
    except ReadError as exc:
        raise ShowError(exc.code, exc.message) from None
    except Exception as exc:  # a reader bug: the same record check makes of it, not a traceback
        raise ShowError("internal-error", _internal("读取", exc)) from None
    try:
        disclosure = extract(document, config.rules_dirs)
        run = run_rules(disclosure, [r for r in rules if config.selects(r.id, path)], settings=settings, trace=True)
        findings, _, _ = apply_suppressions(document, run.findings)
    except Exception as exc:
        raise ShowError("internal-error", _internal("解析", exc)) from None
    return _Read(
        document=document,
        disclosure=disclosure,
        layout=segment(document),  # extraction's own reading of the page, made again: it is deterministic
        findings=findings,
        every_finding=run.findings,
        outcomes=run.outcomes,
        errors=[e.message for e in run.errors],
    )


def _internal(doing: str, exc: BaseException) -> str:
    return f"内部错误：{doing}本文件时出错（{type(exc).__name__}: {exc}）；请将该文件报告给 auditlint 维护者"


def inspect_file(path: str, config: Config, rules: Iterable[Rule], settings: dict | None = None, every_line: bool = False) -> dict:
    """What auditlint read in the file at path, as plain data (raises ShowError when it cannot be read)."""
    read = _read(path, config, rules, settings or {})
    doc, d = read.document, read.disclosure
    decompositions = load_decompositions(tuple(config.rules_dirs))
    views = [understand(t, i, decompositions) for i, t in enumerate(d.tables)]
    templates = load_templates(tuple(config.rules_dirs))
    matched = [match_template(v.title, templates) for v in views]
    placed = _place_tables(read.layout, d)
    findings = {id(f): i for i, f in enumerate(read.every_finding)}
    kept = {id(f) for f in read.findings}
    claims = [_claim(doc, c, outs, findings) for c, outs in _outcomes_by_claim(d, read.outcomes)]
    about_claims = {i for c in claims for o in c["outcomes"] for i in o["findings"]}
    out: dict[str, Any] = {
        "version": VERSION,
        "path": path,
        "format": doc.format,
        "year": d.year,
        "unit": d.unit,
        "kind": _report_kind(doc, read.layout, [t.report for t in matched if t is not None]),
        **_identity_and_facts(d),
        "segments": _segments(doc, read.layout, placed),
        "tables": [_table(doc, v, t, placed) for v, t in zip(views, matched, strict=True)],
        "claims": claims,
        "findings": [
            _finding(f, id(f) in kept, i in about_claims) for i, f in enumerate(read.every_finding)
        ],
        "internal_errors": read.errors,
    }
    if every_line:
        out["lines"] = _lines(doc, read.layout)
    verdicts = Counter(c["verdict"] for c in claims)
    out["summary"] = {
        "lines": len(doc.line_starts),
        "tables": len(views),
        "claims": {v: verdicts.get(v, 0) for v in VERDICTS},
        "findings": len(read.findings),
        "suppressed": len(read.every_finding) - len(read.findings),
    }
    return out


# ------------------------------------------------------------------ the page


def _place_tables(layout: Layout, d: Disclosure) -> dict[int, tuple[Segment, int | None]]:
    """Each table segment (by id) with the index of the table extraction read from it (None: form, unread).

    Extraction reads the segmentation's tables in order, so the n-th segment holding
    a table holds the n-th table of the disclosure.
    """
    out: dict[int, tuple[Segment, int | None]] = {}
    n = 0
    for seg in layout.segments:
        if seg.kind != "table":
            continue
        if seg.table is None:
            out[id(seg)] = (seg, None)
            continue
        same = n < len(d.tables) and d.tables[n].rows == seg.table.rows
        out[id(seg)] = (seg, n if same else None)
        n += 1
    return out


def _line_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    first = doc.position(start)[0]
    last = doc.position(max(start, end - 1))[0]
    return first, max(first, last)


def _line_kinds(doc: Document, layout: Layout) -> list[tuple[str, int | None]]:
    """Each line's kind, and for a table line the id of its segment (so two tables side by side stay two)."""
    kinds: list[tuple[str, int | None]] = [("blank", None)] * len(doc.line_starts)
    for start, _end, kind in layout.lines:
        kinds[doc.position(start)[0] - 1] = (kind, None)
    for seg in layout.segments:
        if seg.kind == "table":
            first, last = _line_span(doc, seg.start, seg.end)
            for n in range(first, last + 1):
                if kinds[n - 1][0] in ("table", "blank"):
                    kinds[n - 1] = ("table", id(seg))
    return kinds


def _segments(doc: Document, layout: Layout, placed: dict[int, tuple[Segment, int | None]]) -> list[dict]:
    """Runs of lines of one kind (blank lines between lines of one kind do not break a run; headings stand alone)."""
    runs: list[dict] = []
    previous: tuple[str, int | None] | None = None
    for n, key in enumerate(_line_kinds(doc, layout), 1):
        kind, seg_id = key
        if kind == "blank":
            continue
        if key == previous and kind != "heading" and runs:
            runs[-1]["last_line"] = n
            continue
        run: dict[str, Any] = {"kind": kind, "first_line": n, "last_line": n, "text": _short(doc.line_text(n), 40)}
        if seg_id is not None:
            seg, index = placed[seg_id]
            run["source"] = seg.source
            run["table"] = index
        runs.append(run)
        previous = key
    return runs


def _lines(doc: Document, layout: Layout) -> list[dict]:
    return [{"line": n, "kind": kind, "text": doc.line_text(n)} for n, (kind, _) in enumerate(_line_kinds(doc, layout), 1)]


def _report_kind(doc: Document, layout: Layout, template_reports: list[str]) -> str | None:
    """决算, 预算, 绩效自评 or 年度报告: from the title (the first lines before the contents), else the tables."""
    title = []
    for start, _end, kind in layout.lines[:12]:
        if kind == "toc":
            break
        if kind in ("heading", "paragraph"):
            title.append(doc.line_text(doc.position(start)[0]))
    head = _SPACE.sub("", "".join(title[:5]))
    for pattern, kind in _KIND_OF_REPORT:
        if pattern.search(head):
            return kind
    m = _BUDGET_OR_FINAL.search(head)
    if m:
        return (m.group(1) or "部门") + m.group(2)
    if template_reports:
        return "部门" + Counter(template_reports).most_common(1)[0][0]
    return None


def _short(text: str, limit: int) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ tables


def _table(doc: Document, view: TableView, template, placed: dict[int, tuple[Segment, int | None]]) -> dict:
    seg = next((seg for seg, i in placed.values() if i == view.index), None)
    source = seg.source if seg is not None else "reader"
    first, last = _line_span(doc, seg.start, seg.end) if seg is not None else _line_span(doc, view.table.start, view.table.end)
    return {
        "index": view.index,
        "title": view.title,
        "template": template.name if template is not None else None,
        "template_report": (template.report or None) if template is not None else None,
        "unit": view.unit,
        "source": source,
        "first_line": first,
        "last_line": last,
        "page": doc.page_of(seg.start if seg is not None else view.table.start),
        "header_rows": view.header_rows,
        "columns": [
            {
                "index": c.index,
                "side": c.side,
                "path": list(c.path),
                "role": c.role,
                "percent": c.percent,
                "unit": c.unit,
                "number": c.number or None,
                "formula": c.formula or None,
            }
            for c in view.columns
        ],
        "rows": [_row(doc, view, line) for line in view.lines()],
    }


def _row(doc: Document, view: TableView, line) -> dict:
    cells = [c for c in view.table.rows[line.row] if c is not None]
    depth, parent = 0, line.parent
    while parent is not None and depth < 8:
        depth, parent = depth + 1, parent.parent
    values = []
    for col, fig in sorted(line.values.items()):
        state = fig.state
        if fig.cell.unknown:
            state = "unplaced"  # a flattened row's figure whose column is not known
        elif state == "unknown":
            state = "placeholder"  # XXX, ……: a figure is meant, none is given
        values.append({"column": col, "text": fig.cell.text.strip(), "state": state})
    return {
        "line": doc.position(cells[0].start)[0] if cells else None,
        "row": line.row,
        "side": line.side,
        "code": line.code or None,
        "label": line.label,
        "total": line.total or None,
        "detail": line.detail,
        "parent": line.parent.name if line.parent is not None else None,
        "depth": depth,
        "values": values,
    }


# ------------------------------------------------------------------ claims


def _outcomes_by_claim(d: Disclosure, outcomes: list[ClaimOutcome]) -> list[tuple[Any, list[ClaimOutcome]]]:
    by_claim: dict[int, list[ClaimOutcome]] = {}
    for o in outcomes:
        by_claim.setdefault(id(o.claim), []).append(o)
    return [(c, by_claim.get(id(c), [])) for c in d.claims]


def _verdict(outcomes: list[ClaimOutcome]) -> str:
    statuses = {o.status for o in outcomes}
    for status in ("fails", "holds", "not-assessable"):
        if status in statuses:
            return status
    return "not-checked"


def _claim(doc: Document, claim, outcomes: list[ClaimOutcome], findings: dict[int, int]) -> dict:
    line, column = doc.position(claim.start)
    what = getattr(claim, "what", "") or (getattr(claim, "name", "") if claim.kind == "table-link" else "")
    return {
        "kind": claim.kind,
        "line": line,
        "column": column,
        "page": doc.page_of(claim.start),
        "subject": claim.subject,
        "what": what or None,
        "table": getattr(claim, "table_title", None),
        "text": _short(doc.text[claim.start : claim.end], 60),
        "verdict": _verdict(outcomes),
        "outcomes": [
            {
                "rule": o.rule,
                "status": o.status,
                "reason": o.reason or None,
                "findings": [findings[id(f)] for f in o.findings],
            }
            for o in sorted(outcomes, key=lambda o: o.rule)
        ],
    }


def _finding(f: Finding, kept: bool, about_claim: bool) -> dict:
    """A finding as `check --format json` gives it, and whether a comment silences it and a claim owns it."""
    return {**f.model_dump(mode="json"), "suppressed": not kept, "about_claim": about_claim}


# ------------------------------------------------------------------ text

_VERDICT_NAMES = {"holds": "成立", "fails": "不成立", "not-assessable": "无法核验", "not-checked": "未核验"}
_VERDICT_STYLES = {"holds": "green", "fails": "bold red", "not-assessable": "yellow", "not-checked": "dim"}
_LINE_KINDS = {
    "heading": "标题",
    "paragraph": "正文",
    "table": "表格",
    "toc": "目录",
    "furniture": "页眉页脚",
    "blank": "空行",
}
_SOURCES = {
    "reader": "文件中的表格",
    "delimited": "制表符或竖线分隔",
    "flattened": "由平铺文本重建",
    "form": "表单，按正文读",
    "unread": "未能读出行列",
}
_ROLES = {"label": "名称", "code": "编码", "code-part": "编码（分列）", "seq": "序号", "value": "数值"}
_CLAIM_KINDS = {
    "change": "变动",
    "share": "占比",
    "execution": "执行率",
    "sum": "合计与分项",
    "comparison": "大于/小于",
    "reason": "变动原因",
    "table-total": "表内合计",
    "table-code": "科目层级",
    "table-formula": "栏次公式",
    "table-identity": "勾稽关系",
    "text-table": "正文与表格",
    "table-link": "表间关系",
    "table-name": "科目名称",
    "listed-item": "列举的支出",
    "table-shift": "错行",
}


def _identity_and_facts(d: Disclosure) -> dict[str, Any]:
    """Whose report it is (as the step between reports reads it), and the figures other reports can be held to."""
    from .crossdoc.facts import item_label, report_facts, value_text
    from .crossdoc.identity import identify

    identity = identify(d.document.content, d.year)
    facts = report_facts(d, identity).facts() if identity.readable else ()  # as the step keeps them
    return {
        "identity": identity.model_dump(mode="json"),
        "cross_facts": [
            {"line": f.place.line, "item": item_label(f.item), "year": f.year, "measure": f.measure,
             "origin": f.origin, "value": value_text(f), "text": f.place.evidence}
            for f in facts
        ],
    }


#: how a figure other reports are held to came to be in this one
_ORIGIN_NAMES = {"own": "本报告所载", "change": "由变动额推得", "年初预算": "所引年初预算"}


def _identity_line(data: dict) -> str:
    i = data["identity"]
    if i["problem"]:
        return f"报告主体：未能识别（{i['problem']}），不参与跨报告核对"
    what = f"{i['level']}{i['kind']}" + (f"（{i['subject']}）" if i["subject"] else "")
    return f"报告主体：{i['entity']}　{i['year']} 年度{what}　可与其他报告核对的数字 {len(data['cross_facts'])} 个"


def _render_cross_facts(data: dict, console) -> None:
    from rich.markup import escape

    if not data["cross_facts"]:
        return
    _title(console, "可与其他报告核对的数字（跨报告核对，XDOC）")
    for f in data["cross_facts"]:
        console.print(
            f"第 {f['line']} 行　{f['year']} 年度{f['measure']}　{escape(f['item'])}　{escape(f['value'])}"
            f"　{_ORIGIN_NAMES.get(f['origin'], f['origin'])}　“{escape(f['text'])}”"
        )


def render_text(data: dict, console) -> None:
    """The structure inspect_file() built, for a terminal: Chinese labels, one section per part."""
    from rich.markup import escape

    s = data["summary"]
    counts = "，".join(f"{_VERDICT_NAMES[v]} {s['claims'][v]}" for v in VERDICTS)
    console.print(f"[bold]{escape(data['path'])}[/]")
    console.print(
        f"年度：{data['year'] or '未识别'}　金额单位：{data['unit'] or '未识别'}　报告类型：{data['kind'] or '未识别'}"
        f"　共 {s['lines']} 行，{s['tables']} 个表格，{sum(s['claims'].values())} 项数字表述（{counts}），"
        f"问题 {s['findings']} 个" + (f"（另有 {s['suppressed']} 个被注释忽略）" if s["suppressed"] else "")
    )
    console.print(escape(_identity_line(data)))
    _render_layout(data, console)
    _render_tables(data, console)
    _render_claims(data, console)
    _render_cross_facts(data, console)
    for message in data["internal_errors"]:
        console.print(f"[bold red]{escape(message)}[/]")


def _title(console, text: str) -> None:
    console.print(f"\n[bold]■ {text}[/]")


def _lines_of(item: dict) -> str:
    first, last = item["first_line"], item["last_line"]
    return f"{first}" if first == last else f"{first}–{last}"


def _render_layout(data: dict, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    every = "lines" in data
    _title(console, "分段：每行读作什么" + ("" if every else "（同类的连续行合并显示；--lines 逐行列出）"))
    grid = Table(show_edge=False, box=None, padding=(0, 2))
    grid.add_column("行", justify="right", no_wrap=True)
    grid.add_column("类型", no_wrap=True)
    grid.add_column("内容", overflow="fold")
    if every:
        for ln in data["lines"]:
            grid.add_row(str(ln["line"]), _LINE_KINDS.get(ln["kind"], ln["kind"]), escape(ln["text"]))
    else:
        tables = {t["index"]: t for t in data["tables"]}
        for run in data["segments"]:
            kind = _LINE_KINDS.get(run["kind"], run["kind"])
            text = escape(run["text"])
            if run["kind"] == "table":
                source = _SOURCES.get(run.get("source", ""), "")
                table = tables.get(run.get("table"))
                named = f"表 {table['index'] + 1}：{escape(table['title'])}" if table else "未作为表格读取"
                text = f"[cyan]{named}[/]（{source}）"
            elif run["last_line"] > run["first_line"]:
                text += f" [dim]（{run['last_line'] - run['first_line'] + 1} 行）[/]"
            grid.add_row(_lines_of(run), kind, text)
    console.print(grid)


def _render_tables(data: dict, console) -> None:
    from rich.markup import escape

    _title(console, f"表格（{len(data['tables'])} 个）")
    for t in data["tables"]:
        template = f"{t['template']}（{t['template_report']}）" if t["template"] and t["template_report"] else t["template"]
        console.print()
        page = f"（第 {t['page']} 页）" if t["page"] else ""
        console.print(f"[bold cyan]表 {t['index'] + 1}：{escape(t['title'])}[/]　第 {_lines_of(t)} 行{page}")
        console.print(
            f"  模板：{escape(template or '通用（未匹配模板）')}　单位：{t['unit'] or '未注明'}"
            f"　来源：{_SOURCES.get(t['source'], t['source'])}　表头 {t['header_rows']} 行"
        )
        if not t["columns"]:
            console.print("  [yellow]列数过多，未按表格读取[/]")
            continue
        for side in sorted({c["side"] for c in t["columns"]}):
            _render_side(t, side, console)
    unread = [r for r in data["segments"] if r["kind"] == "table" and r.get("table") is None]
    if unread:
        where = "、".join(f"第 {_lines_of(r)} 行（{_SOURCES.get(r.get('source', ''), '')}）" for r in unread)
        console.print(f"\n另有 {len(unread)} 处表格未读出行列，不作为表格核验：{where}")


def _cell(value: dict) -> str:
    from rich.markup import escape

    if value["state"] == "unplaced":  # the figure of a flattened row whose column is not known
        return f"[yellow]?({escape(value['text']) or '空'})[/]"
    return escape(value["text"])


def _render_side(t: dict, side: int, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    columns = [c for c in t["columns"] if c["side"] == side]
    rows = [r for r in t["rows"] if r["side"] == side]
    filled = {v["column"] for r in rows for v in r["values"] if v["text"] or v["state"] == "unplaced"}
    values = [c for c in columns if c["role"] == "value" and c["index"] in filled]
    empty = sum(1 for c in columns if c["role"] == "value" and c["index"] not in filled)
    heads = "；".join(
        f"{c['index'] + 1} {escape('/'.join(c['path']) or '（无表头）')}：{'百分比' if c['percent'] else _ROLES.get(c['role'], c['role'])}"
        + (f" 栏次 {c['number']}" if c["number"] else "")
        + (f"={escape(c['formula'])}" if c["formula"] else "")
        for c in columns
    )
    console.print(f"  列{'（第 ' + str(side + 1) + ' 侧）' if len({c['side'] for c in t['columns']}) > 1 else ''}：{heads}")
    grid = Table(show_edge=False, box=None, padding=(0, 1), show_header=True, header_style="bold")
    grid.add_column("行", justify="right", no_wrap=True, style="dim")
    grid.add_column("编码", no_wrap=True)
    grid.add_column("名称", overflow="fold")
    for c in values:
        grid.add_column(escape(c["path"][-1] if c["path"] else f"第{c['index'] + 1}列"), justify="right", overflow="fold")
    for row in rows:
        by_col = {v["column"]: v for v in row["values"]}
        label = "　" * row["depth"] + ("其中：" if row["detail"] else "") + escape(row["label"])
        cells = [_cell(by_col[c["index"]]) if c["index"] in by_col else "" for c in values]
        grid.add_row(str(row["line"] or ""), row["code"] or "", label, *cells)
    console.print(grid)
    if empty:
        console.print(f"  [dim]（另有 {empty} 列各行均为空，未列出）[/]")


def _render_claims(data: dict, console) -> None:
    from rich.markup import escape

    findings = data["findings"]
    _title(console, f"数字表述及核验结果（{len(data['claims'])} 项）")
    for c in data["claims"]:
        verdict = c["verdict"]
        what = c["what"] or c["subject"]
        where = f"{c['table']}：" if c["table"] else ""
        checked = "、".join(o["rule"] for o in c["outcomes"] if o["status"] == "holds")
        head = (
            f"第 {c['line']} 行　{_CLAIM_KINDS.get(c['kind'], c['kind'])}　{escape(where + (what or ''))}"
            f"　“{escape(c['text'])}”　[{_VERDICT_STYLES[verdict]}]{_VERDICT_NAMES[verdict]}[/]"
        )
        console.print(head + (f"（{checked}）" if verdict == "holds" else ""))
        for o in c["outcomes"]:
            if o["status"] == "not-assessable" and verdict != "holds":
                console.print(f"    {o['rule']} 无法核验：{escape(o['reason'] or '缺少所需数据')}")
            for i in o["findings"]:
                f = findings[i]
                note = "（已被注释忽略）" if f["suppressed"] else ""
                console.print(f"    [red]{f['rule']}[/] 第 {f['line']} 行：{escape(f['message'])}{note}")
        if verdict == "not-checked":
            console.print("    [dim]没有规则核验它：相关规则未选用，或它不具备任何规则所需的数字[/]")
    others = [f for f in findings if not f["about_claim"]]
    _title(console, f"其他问题（不针对某一项数字表述，{len(others)} 个）")
    for f in others:
        note = "（已被注释忽略）" if f["suppressed"] else ""
        console.print(f"  第 {f['line']} 行　[red]{f['rule']}[/] {escape(f['message'])}{note}")


def run(path: str, config: Config, rules: Iterable[Rule], settings: dict, fmt: str, every_line: bool) -> int:
    """`auditlint show`: print what was read in fmt (text or json); 0, or 2 when the file could not be read."""
    import json

    from rich.console import Console

    # Chinese has no spaces to break lines at: lines of text are left to the terminal to wrap (soft_wrap),
    # tables are fitted to its width; a pipe or a file has no width to fit, and keeps each line whole
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console = Console(width=240, highlight=False, soft_wrap=True)
    try:
        data = inspect_file(path, config, rules, settings, every_line)
    except ShowError as exc:
        if fmt == "json":
            print(json.dumps({"version": VERSION, "path": path, "error": exc.message, "error_code": exc.code}, ensure_ascii=False, indent=2))
        else:
            print(f"{path}: 无法检查 {exc.message}")
        return 2
    if fmt == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        render_text(data, console)
    return 2 if data["internal_errors"] else 0
