"""HTML report: one self-contained page for people who will not read a terminal.

It shows counts by severity and by rule, an index of every file sorted by its
findings (for a run over several files), and for each file with findings its
list of findings and its text with every finding highlighted in place and the
reviewer's note under the line. No network, no external assets: the styles and
the small script are inlined. Each document is rendered as soon as its result
arrives, so only the page itself is kept in memory.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import PurePath
from typing import TextIO

from .. import __version__
from ..model import Document, FileResult, Finding, Related, Severity, Table
from ..sources import TEXT_SUFFIXES
from . import SEVERITY_WORDS, Reporter, ReportOptions, nothing_found, page_label, shown_path

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_NAMES = {s: SEVERITY_WORDS[s.value] for s in Severity}
_GAP = 3  # this many empty lines in a row (markup-only lines of an html file) fold into one row


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def run_date() -> str:
    """When the report was made, to the minute, in local time; SOURCE_DATE_EPOCH (seconds, UTC) fixes it,
    as reproducible builds do, so that two runs can give the same bytes."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if fixed.isdigit():
        return datetime.fromtimestamp(int(fixed), tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    return datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %z")


@dataclass
class _Row:
    """A file in the index."""

    anchor: str | None
    path: str
    counts: dict[Severity, int]
    checked: int
    not_assessable: int
    error: str | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _page_break(page: int) -> str:
    return f'<div class="ln page-break"><span class="no"></span><span class="tx">第 {page} 页</span></div>'


def _remark(f: Finding, fid: str) -> str:
    """A finding's note under its line of the text."""
    return (
        f'<div class="remark {f.severity.value} sev-{f.severity.value}"><a class="back" href="#i{fid}">↑ 列表</a>'
        f'<span class="rule">{esc(f.rule)}</span>{esc(f.message)}</div>'
    )


class _Mark:
    """A highlighted span of a document: a finding, or the other place a finding refers to."""

    def __init__(self, start: int, end: int, severity: Severity, anchor: str, title: str, related: bool = False):
        self.start, self.end = start, max(end, start + 1)
        self.severity, self.anchor, self.title, self.related = severity, anchor, title, related


def _visible(text: str, content: str, start: int, end: int, line_has_text: bool) -> tuple[str, bool]:
    """The characters of [start, end) as a reader sees them: markup removed, entities decoded.

    `content` is `text` with markup blanked in place, so a character whose two
    versions differ is markup (or an entity): a run of it shows as nothing, or as
    one space where it broke a line (a block tag) between words.
    """
    out: list[str] = []
    i = start
    while i < end:
        if text[i] == content[i]:
            out.append(esc(text[i]))
            line_has_text = line_has_text or not text[i].isspace()
            i += 1
            continue
        j = i
        broke = False
        while j < end and text[j] != content[j]:
            if content[j] == "\n":
                broke = True
            elif not content[j].isspace():  # an entity's character
                break
            j += 1
        if j == i:  # an entity: its character stands in for it
            out.append(esc(content[i]))
            line_has_text = True
            i += 1
            continue
        if broke and line_has_text:
            out.append(" ")
        i = j
    return "".join(out), line_has_text


class HtmlReporter(Reporter):
    needs_document = True

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        super().__init__(out, options)
        self.rows: list[_Row] = []
        self.sections: list[str] = []
        self.anchors: dict[str, str] = {}  # path -> the anchor of its section, for links from findings between reports
        self.between: str = ""

    def file(self, result: FileResult) -> None:
        super().file(result)
        counts = {s: sum(1 for f in result.findings if f.severity == s) for s in _SEVERITIES}
        anchor = f"d{len(self.rows) + 1}" if result.findings else None
        self.rows.append(
            _Row(
                anchor=anchor,
                path=shown_path(result.path),
                counts=counts,
                checked=sum(c.checked for c in result.claims.values()),
                not_assessable=sum(c.not_assessable for c in result.claims.values()),
                error=result.error,
            )
        )
        if anchor is not None:
            self.anchors[result.path] = anchor
            self.sections.append(self._document(anchor, result))

    def cross(self, outcome) -> None:
        """The findings between reports, after the documents: both places quoted, each linked to its line
        in its document's section where the report has one."""
        super().cross(outcome)
        from .text import cross_line

        if not outcome.findings:
            return
        items = []
        for i, f in enumerate(outcome.findings, start=1):
            places = [self._quote(f.path, f, f.severity.value, "")]
            places += [self._quote(r.path or f.path, r, "related", f"对照：{r.message}") for r in f.related]
            expected = f'<br><span class="expected">应为 <code>{esc(f.expected)}</code></span>' if f.expected else ""
            items.append(
                f'<li class="{f.severity.value} sev-{f.severity.value}" id="x{i}">'
                f'<span class="where">跨报告</span><span class="rule" title="{esc(f.name)}">{esc(f.rule)}</span>'
                f'<span class="msg">{esc(f.message)}{expected}{"".join(places)}</span></li>'
            )
        self.between = (
            f'<section class="panel" id="cross"><h2>跨报告核对（{len(outcome.findings)} 处不一致）</h2>'
            f'<p class="note-line">{esc(cross_line(self.summary.cross or {}))}</p>'
            f'<ol class="findings">{"".join(items)}</ol></section>'
        )

    def _quote(self, path: str, where: Finding | Related, kind: str, label: str) -> str:
        """A place in a report: its path and line (a link where the report's text is in this page), the line quoted."""
        name = f"{esc(path)}:{where.line}:{where.column}"
        anchor = self.anchors.get(path)
        link = f'<a href="#{anchor}-L{where.line}">{name}</a>' if anchor else name
        line = where.excerpt.replace("\t", " ")  # the line from column excerpt_column on
        start = max(0, min(len(line), where.column - where.excerpt_column))
        end = max(start + 1, where.end_column - where.excerpt_column) if where.end_line == where.line else len(line)
        before = ("…" if where.excerpt_column > 1 else "") + line[:start]
        after = line[end:] + ("…" if where.excerpt_more else "")
        quoted = f'{esc(before)}<mark class="{kind} sev-{kind}">{esc(line[start:end])}</mark>{esc(after)}'
        head = f"{esc(label)} " if label else ""
        return f'<span class="quote">{head}{link}<code>{quoted}</code></span>'

    # ------------------------------------------------------------ the page
    def finish(self) -> None:
        s = self.summary
        parts = [
            "<!DOCTYPE html>",
            '<html lang="zh-CN"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="auditlint ' + esc(__version__) + '">',
            f"<title>auditlint 检查报告（{s.findings} 个问题）</title>",
            f"<style>{_asset('report.css')}</style></head>",
            "<body>",
            self._bar(),
            "<main>",
            self._overview(),
            self._rules(),
        ]
        if len(self.rows) > 1:
            parts.append(self._index())
        parts.extend(self.sections)
        if self.between:
            parts.append(self.between)
        if not self.sections and not self.between:
            parts.append(f'<section class="panel"><p class="empty">{esc(nothing_found(s))}。</p></section>')
        parts += [
            "</main>",
            f"<footer>由 auditlint {esc(__version__)} 生成 · 数字均按书写精度以区间核算，四舍五入不算错误</footer>",
            f"<script>{_asset('report.js')}</script>",
            "</body></html>",
        ]
        self.out.write("\n".join(parts) + "\n")

    def _bar(self) -> str:
        s = self.summary
        chips = "".join(
            f'<label class="chip"><input type="checkbox" data-sev="{sev.value}" checked>{_NAMES[sev]} '
            f"{s.by_severity.get(sev.value, 0)}</label>"
            for sev in _SEVERITIES
        )
        return (
            '<header class="bar"><h1>auditlint 检查报告</h1>'
            f'<span class="meta">auditlint {esc(__version__)} · {esc(run_date())} · {s.files} 个文件 · {s.findings} 个问题</span>'
            f'<div class="filters">{chips}</div>{self._settings()}</header>'
        )

    def _settings(self) -> str:
        """The run's settings (configuration file, rules, fail-on …), folded under the header."""
        if not self.options.settings:
            return ""
        rows = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in self.options.settings)
        return f'<details class="settings"><summary>检查设置</summary><dl>{rows}</dl></details>'

    def _overview(self) -> str:
        s = self.summary
        cards = [
            ("error", s.by_severity.get("error", 0), "错误"),
            ("warning", s.by_severity.get("warning", 0), "警告"),
            ("info", s.by_severity.get("info", 0), "提示"),
            ("", f"{s.files_with_findings}/{s.files}", "有问题的文件"),
            ("ok", s.claims.checked, "已核验的数字表述"),
            ("", s.claims.not_assessable, "缺少数据、无法核验"),
        ]
        if s.unreadable:
            cards.append(("error", s.unreadable, "无法读取的文件"))
        html_cards = "".join(
            f'<div class="card {cls}"><div class="n">{esc(str(n))}</div><div class="label">{label}</div></div>'
            for cls, n, label in cards
        )
        notes = []
        if s.suppressed:
            notes.append(f"{s.suppressed} 个问题被文中的 auditlint: ignore 注释忽略")
        if s.baselined:
            notes.append(f"{s.baselined} 个问题已记录在基线中，未列出")
        note = f'<p class="note-line">{"；".join(notes)}。</p>' if notes else ""
        return f'<section class="panel" id="overview"><h2>概况</h2><div class="cards">{html_cards}</div>{note}</section>'

    def _rules(self) -> str:
        by_rule = self.summary.by_rule
        if not by_rule:
            return ""
        top = max(by_rule.values())
        rows = []
        for rule_id, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = self.options.rules.get(rule_id)
            sev = rule.severity if rule else Severity.WARNING
            width = max(4, n * 160 // top)  # integer pixels: no floats anywhere
            rows.append(
                f'<tr><td class="code">{esc(rule_id)}</td><td><span class="badge {sev.value}">{_NAMES[sev]}</span></td>'
                f"<td>{_rule_names(rule)}</td><td>{esc(rule.summary) if rule else ''}</td>"
                f'<td class="num">{n}</td><td><span class="meter" style="width:{width}px"></span></td></tr>'
            )
        return (
            '<section class="panel" id="rules"><h2>各规则问题数</h2><table class="grid"><thead><tr>'
            '<th>规则</th><th>默认级别</th><th>名称</th><th>说明</th><th class="num">问题</th><th></th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )

    def _index(self) -> str:
        rows = sorted(
            self.rows,
            key=lambda r: (r.error is None, -r.counts[Severity.ERROR], -r.counts[Severity.WARNING], -r.total, r.path),
        )
        body = []
        for r in rows:
            name = f'<a href="#{r.anchor}">{esc(r.path)}</a>' if r.anchor else esc(r.path)
            if r.error:
                body.append(f'<tr><td class="code">{name}</td><td colspan="5" class="failed">无法检查：{esc(r.error)}</td></tr>')
                continue
            badges = "".join(
                f'<td class="num"><span class="badge {s.value if r.counts[s] else "zero"}">{r.counts[s]}</span></td>'
                for s in _SEVERITIES
            )
            body.append(
                f'<tr><td class="code">{name}</td>{badges}<td class="num">{r.checked}</td><td class="num">{r.not_assessable}</td></tr>'
            )
        return (
            '<section class="panel" id="files"><h2>文件索引（按问题多少排序）</h2><table class="grid"><thead><tr>'
            '<th>文件</th><th class="num">错误</th><th class="num">警告</th><th class="num">提示</th>'
            '<th class="num">已核验</th><th class="num">无法核验</th></tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></section>"
        )

    # ------------------------------------------------------------ one document
    def _document(self, anchor: str, result: FileResult) -> str:
        findings = result.findings
        ids = [f"f{anchor[1:]}-{i}" for i in range(1, len(findings) + 1)]
        counts = "".join(
            f'<span class="badge {s.value}">{_NAMES[s]} {n}</span>'
            for s in _SEVERITIES
            if (n := sum(1 for f in findings if f.severity == s))
        )
        checked = sum(c.checked for c in result.claims.values())
        skipped = sum(c.not_assessable for c in result.claims.values())
        items = "".join(self._item(f, fid) for f, fid in zip(findings, ids))
        text = self._text(anchor, result.document, findings, ids) if result.document is not None else ""
        pages = self._pages(result.path, findings, ids)
        return (
            f'<section class="panel doc" id="{anchor}"><div class="doc-head"><h2>{esc(shown_path(result.path))}</h2>'
            f'<span class="counts">{counts}</span>'
            f'<span class="stats">核验了 {checked} 项数字表述，{skipped} 项无法核验</span></div>'
            f'<ol class="findings">{items}</ol>{pages}{text}</section>'
        )

    def _pages(self, path: str, findings: list[Finding], ids: list[str]) -> str:
        """For a PDF: each page with a finding, rendered, every finding's box drawn on it and its note beside it."""
        on_page: dict[int, list[tuple[int, Finding, str, list[float], str | None]]] = {}
        for n, (f, fid) in enumerate(zip(findings, ids), start=1):
            if f.box is not None and f.page is not None:
                on_page.setdefault(f.page, []).append((n, f, fid, f.box, None))
            for r in f.related:
                if r.box is not None and r.page is not None:
                    on_page.setdefault(r.page, []).append((n, f, fid, r.box, r.message or "相关位置"))
        if not on_page:
            return ""
        from . import pdfpage

        numbers = sorted(on_page)
        images = pdfpage.render(path, numbers)
        if not images:
            return ""
        sheets = []
        for image in images:
            boxes, notes = [], []
            for n, f, fid, box, related in on_page[image.number]:
                left, top, width, height = image.place(box)
                kind = "related" if related else f.severity.value
                title = f"{f.rule}：{related}" if related else f"{f.rule} {f.message}"
                boxes.append(
                    f'<a class="box {kind} sev-{f.severity.value}" href="#i{fid}" title="{esc(title)}" '
                    f'style="left:{left:.2f}%;top:{top:.2f}%;width:{width:.2f}%;height:{height:.2f}%">'
                    f'<span class="tag">{n}</span></a>'
                )
                note = f"相关位置（{related}）" if related else f.message
                notes.append(
                    f'<li class="{kind} sev-{f.severity.value}"><a class="tag" href="#i{fid}">{n}</a>'
                    f'<span class="rule">{esc(f.rule)}</span>{esc(note)}</li>'
                )
            sheets.append(
                f'<div class="sheet"><figure class="page" style="aspect-ratio:{image.width}/{image.height}">'
                f'<img src="{image.data_uri()}" width="{image.width}" height="{image.height}" alt="第{image.number}页">'
                f'{"".join(boxes)}<figcaption>第 {image.number} 页</figcaption></figure>'
                f'<ol class="page-notes">{"".join(notes)}</ol></div>'
            )
        left_out = len(numbers) - len(images)
        more = f'<p class="note-line">另有 {left_out} 页有问题，未显示页面图像。</p>' if left_out > 0 else ""
        return f'<div class="pages">{"".join(sheets)}{more}</div>'

    def _name_zh(self, rule_id: str) -> str:
        """The rule's Chinese name under its id, for a finance user (nothing for a rule that has none)."""
        rule = self.options.rules.get(rule_id)
        return f'<span class="rule-name">{esc(rule.name_zh)}</span>' if rule is not None and rule.name_zh else ""

    def _item(self, f: Finding, fid: str) -> str:
        extra = ""
        rewritable = PurePath(f.path).suffix.lower() in TEXT_SUFFIXES  # --fix never rewrites docx, xlsx or pdf
        if f.fix is not None and rewritable:
            how = "可自动修复（--fix）为" if f.fix_safe else "修正建议（核实后可用 --unsafe-fixes 应用）："
            extra = f'<br><span class="fix">{how} <code>{esc(f.fix)}</code></span>'
        elif f.expected or f.fix is not None:
            extra = f'<br><span class="expected">应为 <code>{esc(f.expected or f.fix or "")}</code></span>'
        # a PDF's page on a line of its own under the location, clear of the rule id
        page = f'<span class="page">{esc(page_label(f))}</span>' if f.page is not None else ""
        return (
            f'<li class="{f.severity.value} sev-{f.severity.value}" id="i{fid}">'
            f'<span class="where"><a href="#{fid}">行 {f.line}:{f.column}</a>{page}</span>'
            f'<span class="rule" title="{esc(f.name)}">{esc(f.rule)}{self._name_zh(f.rule)}</span>'
            f'<span class="msg">{esc(f.message)}{extra}</span></li>'
        )

    def _text(self, anchor: str, doc: Document, findings: list[Finding], ids: list[str]) -> str:
        """The document's text, every finding highlighted and its note under its line; a paged document's page
        breaks marked, and the tables a reader found (docx, xlsx, pdf) shown as tables."""
        text, content = doc.text, doc.content
        marks: list[_Mark] = []
        notes: dict[int, list[tuple[Finding, str]]] = {}
        for f, fid in zip(findings, ids):
            marks.append(_Mark(f.start, f.end, f.severity, fid, f"{f.rule} {f.message}"))
            notes.setdefault(f.line, []).append((f, fid))
            for r in f.related:
                start = doc.line_starts[r.line - 1] + r.column - 1
                end = doc.line_starts[r.end_line - 1] + r.end_column - 1
                marks.append(_Mark(start, end, f.severity, fid, f"{f.rule}：{r.message}", related=True))
        starts = doc.line_starts
        pages = {doc.position(offset)[0]: page for page, offset in enumerate(doc.page_starts, start=1)}
        tables = {doc.position(b.start)[0]: b.table for b in doc.blocks if b.kind == "table" and b.table is not None}
        placed: set[str] = set()  # findings whose anchor is already in the page
        rows: list[str] = []
        blank_run: list[int] = []

        def flush_blanks() -> None:
            if len(blank_run) >= _GAP:
                rows.append(
                    f'<div class="ln gap"><span class="no">⋯</span><span class="tx">第 {blank_run[0]}–{blank_run[-1]} 行没有正文</span></div>'
                )
            else:
                rows.extend(f'<div class="ln"><span class="no">{n}</span><span class="tx"></span></div>' for n in blank_run)
            blank_run.clear()

        n = 1
        while n <= len(starts):
            if n in pages:
                flush_blanks()
                rows.append(_page_break(pages[n]))
            table = tables.get(n)
            if table is not None and table.rows:
                flush_blanks()
                last = doc.position(table.end)[0]
                rows.append(self._table(anchor, doc, table, n, marks, placed))
                rows.extend(_remark(f, fid) for line in range(n, last + 1) for f, fid in notes.get(line, []))
                n = last + 1
                continue
            begin = starts[n - 1]
            end = starts[n] - 1 if n < len(starts) else len(text)
            if end > begin and text[end - 1] == "\r":
                end -= 1
            line_html = self._line(text, content, begin, end, marks, placed)
            if not line_html.strip() and n not in notes:
                blank_run.append(n)
                n += 1
                continue
            flush_blanks()
            hit = " hit" if n in notes else ""
            rows.append(f'<div class="ln{hit}" id="{anchor}-L{n}"><span class="no">{n}</span><span class="tx">{line_html}</span></div>')
            rows.extend(_remark(f, fid) for f, fid in notes.get(n, []))
            n += 1
        flush_blanks()
        return f'<div class="source">{"".join(rows)}</div>'

    def _table(self, anchor: str, doc: Document, table: Table, first: int, marks: list[_Mark], placed: set[str]) -> str:
        """A table as the reader found it: merged cells merged, each row numbered with its line of the text,
        findings highlighted in their cells, a page break inside it marked."""
        width = max((len(row) for row in table.rows), default=0)
        out = ['<div class="table-wrap"><table class="doc-table">']
        page = None
        for r, row in enumerate(table.rows):
            cells = [c for c in row if c is not None]
            row_page = cells[0].page if cells else None
            if page is not None and row_page is not None and row_page != page:
                out.append(f'<tr class="page-break"><td colspan="{width + 1}">第 {row_page} 页</td></tr>')
            page = row_page if row_page is not None else page
            line = doc.position(cells[0].start)[0] if cells else first + r
            tds = []
            for c, cell in enumerate(row):
                if cell is None or (cell.row, cell.col) != (r, c):
                    continue  # an empty slot, or a slot a merged cell covers
                span = "".join(
                    f' {name}="{n}"' for name, n in (("rowspan", cell.rowspan), ("colspan", cell.colspan)) if n > 1
                )
                tds.append(f"<td{span}>{self._line(doc.text, doc.content, cell.start, cell.end, marks, placed)}</td>")
            out.append(f'<tr id="{anchor}-L{line}"><th class="no">{line}</th>{"".join(tds)}</tr>')
        out.append("</table></div>")
        return "".join(out)

    def _line(self, text: str, content: str, begin: int, end: int, marks: list[_Mark], placed: set[str]) -> str:
        """One line, cut at every mark boundary; each piece wrapped in the marks that cover it."""
        here = [m for m in marks if m.start < end and m.end > begin]
        cuts = sorted({begin, end, *(max(begin, m.start) for m in here), *(min(end, m.end) for m in here)})
        out = []
        seen_text = False
        for a, b in zip(cuts, cuts[1:]):
            piece, seen_text = _visible(text, content, a, b, seen_text)
            if not piece:
                continue
            covering = [m for m in here if m.start <= a and m.end >= b]
            for m in sorted(covering, key=lambda m: (m.related, -m.severity.rank)):
                ident = ""
                if not m.related and m.anchor not in placed:
                    placed.add(m.anchor)
                    ident = f' id="{m.anchor}"'
                kind = "related" if m.related else m.severity.value
                piece = f'<mark class="{kind} sev-{m.severity.value}"{ident} title="{esc(m.title)}">{piece}</mark>'
            out.append(piece)
        return "".join(out)


def _rule_names(rule) -> str:
    """A rule's names in the table of rules: the Chinese one first, the kebab-case id name beside it."""
    if rule is None:
        return ""
    if not rule.name_zh:
        return esc(rule.name)
    return f'{esc(rule.name_zh)} <span class="kebab">{esc(rule.name)}</span>'
