"""Every output format renders the same findings, and each format is what its readers expect."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict

from auditlint.api import check_bytes
from auditlint.config import Config
from auditlint.engine import load_rules
from auditlint.fingerprint import fingerprint
from auditlint.model import FileResult
from auditlint.report import FORMATS, ReportOptions, render

SAMPLE = """2023年度部门决算说明

2023年度收、支总计8,642,315.60元，比上年减少512,804.20元，下降5.6%。

2023年度机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%。

2023年本部门基本支出6,125,400.00元，其中：人员经费5,480,200.00元，公用经费654,200.00元。

附：2023年度收、支总计8,642,315.60万元，请各科室核对。

另获市科协专项资金扶持共计 5 万。
"""
CLEAN = "2023年度机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。\n"


def _results() -> list[FileResult]:
    return [
        check_bytes("reports/draft.txt", SAMPLE.encode(), Config(), keep_document=True),
        check_bytes("reports/clean.txt", CLEAN.encode(), Config(), keep_document=True),
        check_bytes("reports/empty.txt", b"", Config(), keep_document=True),
    ]


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return _results()


@pytest.fixture(scope="module")
def options() -> ReportOptions:
    return ReportOptions(rules=load_rules())


def test_the_sample_has_the_findings_the_formats_are_tested_on(results):
    draft = results[0]
    assert [f.rule for f in draft.findings] == ["CHG001", "SUM001", "UNIT001", "UNIT002"]
    assert any(f.related for f in draft.findings) and any(f.fix for f in draft.findings)
    assert {f.severity.value for f in draft.findings} == {"error", "warning"}
    assert results[2].error and not results[1].findings


# ------------------------------------------------------------------------- json


class _Related(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    path: str | None = None  # only for a place in another file (a finding between reports)
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None
    evidence: str
    message: str


class _Finding(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    rule: str
    name: str
    severity: Literal["error", "warning", "info"]
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None
    evidence: str
    expected: str | None
    actual: str | None
    fix: str | None
    related: list[_Related]


class _Count(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    found: int
    checked: int
    not_assessable: int


class _InternalError(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    rule: str
    message: str


class _Tables(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    tables: int
    rows: int
    figures: int


class _Identity(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    entity: str | None
    region: list[str]
    body: str | None
    level: Literal["部门", "单位"] | None
    kind: Literal["决算", "预算", "绩效自评", "年度报告"] | None
    year: int | None
    subject: str | None
    problem: str | None


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    path: str
    error: str | None
    error_code: str | None
    findings: list[_Finding]
    claims: dict[str, _Count]
    internal_errors: list[_InternalError]
    tables: _Tables
    identity: _Identity | None


class _CrossCounts(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    reports: int
    unidentified: int
    bodies: int
    compared: int
    duplicates: list[list[str]]
    ambiguous: list[str]


class _CrossSummary(_CrossCounts):
    findings: int


class _Cross(_CrossCounts):
    findings: list[_Finding]


class _Summary(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    files: int
    files_with_findings: int
    unreadable: int
    internal_errors: int
    findings: int
    by_severity: dict[Literal["error", "warning", "info"], int]
    by_rule: dict[str, int]
    claims: _Count
    tables: _Tables
    suppressed: int
    baselined: int
    cross: _CrossSummary | None = None  # a run that held its reports against each other


class _Report(BaseModel):
    """The JSON output contract of DESIGN.md, as a schema: nothing missing, nothing extra."""

    model_config = ConfigDict(extra="forbid", strict=True)
    version: Literal[1]
    files: list[_File]
    cross: _Cross | None = None
    summary: _Summary


def test_json_follows_the_contract(results, options):
    report = _Report.model_validate(json.loads(render("json", results, options)))
    assert [f.path for f in report.files] == ["reports/draft.txt", "reports/clean.txt", "reports/empty.txt"]
    draft = report.files[0]
    assert [f.rule for f in draft.findings] == [f.rule for f in results[0].findings]
    assert report.files[2].error and report.files[2].error_code == "not-a-disclosure"
    assert report.summary.findings == 4 and report.summary.unreadable == 1
    assert report.summary.by_severity == {"error": 3, "warning": 1, "info": 0}
    for f in draft.findings:  # locations point at the evidence in the original text
        line = SAMPLE.splitlines()[f.line - 1]
        assert line[f.column - 1 : f.end_column - 1] == f.evidence


def test_jsonl_streams_one_record_per_finding_and_per_unreadable_file(results, options):
    lines = render("jsonl", results, options).splitlines()
    records = [json.loads(line) for line in lines]
    findings = [r for r in records if r["type"] == "finding"]
    assert len(findings) == 4
    for r in findings:
        _Finding.model_validate({k: v for k, v in r.items() if k != "type"})
    assert [r["path"] for r in records if r["type"] == "error"] == ["reports/empty.txt"]
    assert records[-1]["type"] == "summary" and records[-1]["findings"] == 4


# ------------------------------------------------------------------------ sarif


def test_sarif_has_what_github_code_scanning_requires(results, options):
    log = json.loads(render("sarif", results, options))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "auditlint" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and "CHG001" in ids
    for descriptor in driver["rules"]:
        assert descriptor["shortDescription"]["text"] and descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")
    # what a rule checks, in Chinese, as one paragraph (the docstring's line breaks inside Chinese closed up)
    chg001 = driver["rules"][ids.index("CHG001")]["fullDescription"]["text"]
    assert chg001.startswith("检查：“X 比上年") and "\n" not in chg001 and "不算错误，R 末位" in chg001
    assert len(run["results"]) == 4
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "reports/draft.txt"
        region = loc["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert re.fullmatch(r"[0-9a-f]{20}", res["partialFingerprints"]["auditlintFingerprint/v1"])
    # the one unreadable file is a notification, not a result
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and "reports/empty.txt" in json.dumps(notes)


def test_sarif_results_are_sorted_by_severity_and_carry_related_locations_and_fixes(results, options):
    run = json.loads(render("sarif", results, options))["runs"][0]
    levels = [r["level"] for r in run["results"]]
    assert levels == sorted(levels, key=["error", "warning", "note"].index)
    by_rule = {r["ruleId"]: r for r in run["results"]}
    unit = by_rule["UNIT001"]
    (related,) = unit["relatedLocations"]
    assert related["id"] == 1 and related["physicalLocation"]["region"]["startLine"] == 3
    assert related["message"]["text"]
    (fix,) = unit["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "8,642,315.60元"
    assert replacement["deletedRegion"] == {"startLine": 9, "startColumn": 14, "endLine": 9, "endColumn": 28}
    assert SAMPLE.splitlines()[8][13:27] == "8,642,315.60万元"
    assert "fixes" not in by_rule["SUM001"]  # no certain fix, none offered


def test_sarif_fingerprints_do_not_depend_on_line_numbers():
    moved = "前言一段。\n\n另一段说明。\n\n" + SAMPLE
    before = check_bytes("r.txt", SAMPLE.encode()).findings
    after = check_bytes("r.txt", moved.encode()).findings
    assert [f.line + 4 for f in before] == [f.line for f in after]
    assert [fingerprint(f) for f in before] == [fingerprint(f) for f in after]
    assert len({fingerprint(f) for f in before}) == len(before)


# ----------------------------------------------------------------------- github

_COMMAND = re.compile(r"^::(error|warning|notice)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_commands(output: str) -> list[dict]:
    parsed = []
    for line in output.split("\n"):  # the runner reads its output line by line on \n
        m = _COMMAND.match(line)
        if not m:
            continue
        props = dict(p.split("=", 1) for p in m.group("props").split(",")) if m.group("props") else {}
        parsed.append({"kind": m.group(1), **{k: _unescape(v) for k, v in props.items()}, "message": _unescape(m.group("data"))})
    return parsed


def test_github_commands_parse_back_to_the_findings(results, options, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    commands = parse_commands(render("github", results, options))
    assert commands[0] == {"kind": "error", "file": "reports/empty.txt", "title": "auditlint", "message": commands[0]["message"]}
    findings = sorted(results[0].findings, key=lambda f: -f.severity.rank)
    annotations = commands[1:]
    assert len(annotations) == len(findings)
    for cmd, f in zip(annotations, findings):
        assert cmd["kind"] == {"error": "error", "warning": "warning"}[f.severity.value]
        assert (cmd["file"], int(cmd["line"]), int(cmd["col"])) == (f.path, f.line, f.column)
        assert (int(cmd["endLine"]), int(cmd["endColumn"])) == (f.end_line, f.end_column)
        assert cmd["message"] == f.message and f.rule in cmd["title"]


def test_github_shows_ten_of_a_kind_and_puts_everything_in_the_step_summary(options, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    text = "".join(f"第{i}项支出{100 + i}.00万元，比上年减少10.00万元，下降50.0%。\n" for i in range(14))
    text += "另获专项资金扶持共计 5 万。\n"
    result = check_bytes("many.txt", text.encode())
    assert [f.rule for f in result.findings].count("CHG001") == 14
    output = render("github", [result], options)
    commands = parse_commands(output)
    assert [c["kind"] for c in commands].count("error") == 10
    assert [c["kind"] for c in commands].count("warning") == 1  # the warning still shows: its own quota
    notice = [c for c in commands if c["kind"] == "notice"]
    assert len(notice) == 1 and "另有 4 个问题" in notice[0]["message"]
    assert output.count("many.txt:") == 4  # the rest as plain log lines
    table = summary.read_text(encoding="utf-8")
    assert table.count("| `many.txt` |") == 15 and "CHG001" in table
    assert "| 规则 | 中文名称 | 名称 | 数量 |" in table and "| CHG001 | 变动率不符 | change-rate-mismatch | 14 |" in table


# ------------------------------------------------------------------------- text


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_text_formats_name_every_finding_and_use_no_colour_off_a_terminal(fmt, results, options):
    output = render(fmt, results, options)
    words = {"error": "错误", "warning": "警告", "info": "提示"}
    for f in results[0].findings:
        # the severity in words: a saved or mailed report keeps it without colour
        assert f"{f.path}:{f.line}:{f.column}: {words[f.severity.value]} {f.rule} " in output
    assert "reports/empty.txt: 无法检查" in output
    assert "\x1b[" not in output
    assert output.rstrip().splitlines()[-1].startswith("发现 4 个问题")
    frames = output.count(" | ")
    assert (frames > 0) == (fmt == "text")


def test_quiet_and_no_show_source(results):
    quiet = render("text", results, ReportOptions(quiet=True))
    assert "发现" not in quiet and " | " not in quiet and "CHG001" in quiet
    bare = render("text", results, ReportOptions(show_source=False))
    assert " | " not in bare and "发现 4 个问题" in bare


def test_statistics_count_findings_per_rule_and_claims_per_file(results, options):
    output = render("text", results, ReportOptions(statistics=True, rules=options.rules))
    assert "各规则问题数" in output and "各文件核验情况" in output
    assert re.search(r"CHG001[\s│]+变动率不符[\s│]+change-rate-mismatch[\s│]+1\b", output)  # the Chinese name first


# ------------------------------------------------------------------------- html


class _Page(HTMLParser):
    """Collects ids, links, marks, and external references; checks that block tags are balanced."""

    VOID = {"meta", "br", "input", "link", "img"}

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []
        self.stack: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (id, text)
        self._mark: list[list] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key):
                (self.links if a[key].startswith("#") else self.external).append(a[key])
        if tag == "link":
            self.external.append(str(a))
        if tag == "mark":
            self._mark.append([a.get("id", ""), ""])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "mark":
            ident, text = self._mark.pop()
            self.marks.append((ident, text))
            if self._mark:
                self._mark[-1][1] += text

    def handle_data(self, data):
        if self._mark:
            self._mark[-1][1] += data


def test_html_is_self_contained_and_every_finding_is_highlighted_and_linked(results, options):
    page_html = render("html", results, options)
    page = _Page()
    page.feed(page_html)
    page.close()
    assert page.stack == []
    assert page.external == [], "the report must not load anything"
    assert "<style>" in page_html and "<script>" in page_html
    draft = results[0]
    marks = dict(m for m in page.marks if m[0])
    for i, f in enumerate(draft.findings, start=1):
        assert marks[f"f1-{i}"] == f.evidence.strip() or marks[f"f1-{i}"] == f.evidence
        assert f"#f1-{i}" in page.links and f"i{f'f1-{i}'}" in page.ids
    assert all(link[1:] in page.ids for link in page.links)
    # related places are marked too
    assert sum(1 for ident, _ in page.marks if not ident) >= 3


def test_html_index_lists_every_file_sorted_by_findings(results, options):
    page_html = render("html", list(reversed(results)), options)
    index = page_html[page_html.index('id="files"') : page_html.index("</section>", page_html.index('id="files"'))]
    order = [index.index(name) for name in ("reports/empty.txt", "reports/draft.txt", "reports/clean.txt")]
    assert order == sorted(order)  # unreadable first, then most findings, clean last
    assert "无法检查" in index


def test_html_shows_an_html_source_without_its_markup(options):
    source = "<html><body>\n<p>本项目年初预算为85.00万元，调整后预算为92.00万元，全年实际支出88.32万元，预算执行率为98.0%。</p>\n</body></html>\n"
    result = check_bytes("perf.html", source.encode(), keep_document=True)
    assert [f.rule for f in result.findings] == ["EXE001"]
    page_html = render("html", [result], options)
    body = page_html[page_html.index('class="source"') :]
    assert "&lt;p&gt;" not in body and "98.0%</mark>" in body
    assert 'id="files"' not in page_html  # one file: no index


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_a_run_with_nothing_to_report(fmt, options):
    clean = check_bytes("clean.txt", CLEAN.encode(), keep_document=True)
    output = render(fmt, [clean], options)
    assert output.strip() or fmt == "github"


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from auditlint.report.github import command  # noqa: E402


@given(message=st.text(), path=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_github_commands_round_trip_any_message_and_path(message, path):
    (parsed,) = parse_commands(command("warning", message, file=path, line=3))
    assert parsed["message"] == message and parsed["file"] == path and parsed["line"] == "3"


def test_every_error_code_a_reader_gives_has_its_reason_in_the_archive_summary():
    from pathlib import Path

    from auditlint import sources
    from auditlint.report.text import REASONS

    folder = Path(sources.__file__).parent
    codes = {c for f in folder.glob("*.py") for c in re.findall(r'ReadError\(\s*"([a-z-]+)"', f.read_text(encoding="utf-8"))}
    assert "no-text" in codes and codes <= set(REASONS), codes - set(REASONS)
