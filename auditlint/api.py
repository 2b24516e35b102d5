"""The Python API: check one file's bytes or path, with no global state (safe to map over documents);
then, for an archive, hold the reports against each other (cross_check)."""

from __future__ import annotations

import decimal
import os
import re
import time
from collections.abc import Container
from functools import lru_cache

from .config import Config, check_codes, resolve_settings
from .crossdoc import identity_key
from .crossdoc.facts import report_facts
from .crossdoc.identity import identify
from .engine import Rule, load_rules, run_rules
from .extract import extract
from .model import FileResult, Finding, InternalError
from .sources import ReadError, read_bytes, read_path
from .suppress import apply_suppressions


@lru_cache(maxsize=16)
def _rules(rules_dirs: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(load_rules(rules_dirs).values())


def rules_for(config: Config, path: str | None = None) -> list[Rule]:
    """The rules that check one file (the rules between reports run after every file is read)."""
    if not config.per_file_ignores:  # the same for every file: chosen once per selection, not per file
        return list(_selected(config, cross=False))
    return [r for r in _rules(config.rules_dirs) if not r.cross and config.selects(r.id, path)]


def cross_rules_for(config: Config, path: str | None = None) -> list[Rule]:
    """The rules between reports selected for a file (XDOC)."""
    if not config.per_file_ignores:
        return list(_selected(config, cross=True))
    return [r for r in _rules(config.rules_dirs) if r.cross and config.selects(r.id, path)]


#: selection and kind -> (the loaded rules it was chosen from, the rules chosen)
_SELECTED: dict[tuple, tuple[tuple[Rule, ...], tuple[Rule, ...]]] = {}


def _selected(config: Config, cross: bool) -> tuple[Rule, ...]:
    """The rules (between reports, or not) a selection without per-file ignores runs on every file: Config.selects,
    asked once per selection and per set of loaded rules (rules loaded again, as after _rules.cache_clear(), are
    chosen from again)."""
    every = _rules(config.rules_dirs)
    key = (config.rules_dirs, config.select, config.extend_select, config.ignore, cross)
    kept = _SELECTED.get(key)
    if kept is not None and kept[0] is every:
        return kept[1]
    chosen = tuple(r for r in every if r.cross == cross and config.selects(r.id))
    if len(_SELECTED) >= 64:
        _SELECTED.clear()
    _SELECTED[key] = (every, chosen)
    return chosen


def internal_error(path: str, doing: str, exc: BaseException, started: float) -> FileResult:
    """The record of a file whose check failed in a way nobody foresaw (doing: 读取, 解析, 检查)."""
    return FileResult(
        path=path,
        error=f"内部错误：{doing}本文件时出错（{type(exc).__name__}: {exc}）；请将该文件报告给 auditlint 维护者",
        error_code="internal-error",
        seconds=time.perf_counter() - started,
    )


def validate(config: Config) -> dict[str, dict]:
    """The configured settings of each rule, once the configuration is known to name only rules that exist.

    A rule id or setting that names nothing is the caller's mistake, not a file's: ConfigError, with the
    message the command line gives (Config(select=("NOPE",)) would otherwise check nothing, silently)."""
    known = {r.id: r for r in _rules(config.rules_dirs)}
    check_codes(config, known)
    return resolve_settings(config, known) if config.settings else {}


#: Figures of up to this many digits (before and after the point) are exact in Python's default
#: decimal context (28 digits), with room for a unit's scale, a sum, a product and a rate's places.
_ORDINARY_DIGITS = 15
#: Where a longer figure may be written: a digit, then digits, group commas and points.
#: (Tried only where a run starts: from a digit after a digit the run is shorter than from the one before it.)
_LONG_RUN = re.compile(rf"[0-9０-９](?<![0-9０-９]{{2}})[\d,，.．]{{{_ORDINARY_DIGITS},}}")
#: A figure as extraction reads one: grouped by threes, or a plain run of digits.
_FIGURE = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:[.．]\d+)?|\d+(?:[.．]\d+)?")
#: Precision is not raised past this: a rate is computed to this many digits, for every rate of the file.
_MOST_DIGITS = 2000


def arithmetic_for(text: str) -> decimal.Context:
    """The decimal context a document's figures need.

    Python's default for figures as reports write them. A figure of more digits (29 or more
    made sums and roundings fail, costing a file every finding of the rules that read it)
    gets enough digits for its sums and products to stay exact, up to figures of about
    a thousand digits."""
    longest = 0
    for run in _LONG_RUN.finditer(text):  # (rare: most files have none, and pay one quick scan)
        for figure in _FIGURE.finditer(run.group()):
            longest = max(longest, sum(ch.isdigit() for ch in figure.group()))
    context = decimal.getcontext().copy()
    if longest > _ORDINARY_DIGITS:
        context.prec = max(context.prec, min(2 * longest + 30, _MOST_DIGITS))
    return context


def _check(path: str, read, config: Config, debug: bool, keep_document: bool = False, skip_facts: Container = ()) -> FileResult:
    settings = validate(config)  # before reading: a bad configuration fails every file alike
    started = time.perf_counter()
    try:
        document = read()
    except ReadError as exc:
        return FileResult(path=path, error=exc.message, error_code=exc.code, seconds=time.perf_counter() - started)
    except Exception as exc:  # a reader that failed in a way it did not foresee: this file's record, not a crash
        if debug:
            raise
        return internal_error(path, "读取", exc, started)
    context = arithmetic_for(document.text)
    try:
        with decimal.localcontext(context):
            disclosure = extract(document, config.rules_dirs)
            rules = rules_for(config, path)
            outcome = run_rules(disclosure, rules, debug=debug, settings=settings)
            findings, suppressed = _suppressed(disclosure, rules, outcome, config, debug)
        if config.severity:
            findings = [_reseverity(f, config) for f in findings]
    except Exception as exc:  # extraction bugs must not cost the other files
        if debug:
            raise
        return internal_error(path, "解析", exc, started)
    errors = [InternalError(rule=e.rule, message=e.message, detail=e.detail) for e in outcome.errors]
    with decimal.localcontext(context):  # (a report's facts are worked out with its figures' digits too)
        identity, facts = _identity_and_facts(disclosure, config, path, debug, errors, skip_facts)
    return FileResult(
        path=path,
        findings=findings,
        suppressed=suppressed,
        document=document if keep_document else None,
        claims=outcome.claims,
        internal_errors=errors,
        tables=disclosure.table_count,
        seconds=time.perf_counter() - started,
        identity=identity,
        facts=facts,
    )


def _identity_and_facts(disclosure, config: Config, path: str, debug: bool, errors: list[InternalError], skip_facts: Container = ()):
    """Whose report it is, and (when the run compares reports) the figures other reports can be held to:
    none for a report whose identity is in skip_facts (another report of the run has it: the two are never
    compared).

    A failure here costs the file its place in the comparison between reports, never its findings."""
    try:
        identity = identify(disclosure.document.content, disclosure.year)
        wanted = config.cross and cross_rules_for(config, path) and not (skip_facts and identity_key(identity) in skip_facts)
        facts = report_facts(disclosure, identity) if wanted else None
    except Exception as exc:
        if debug:
            raise
        errors.append(InternalError(rule="XDOC", message=f"读取报告身份与跨报告核对数据时出错（{type(exc).__name__}: {exc}），本文件未参与跨报告核对"))
        return None, None
    return identity, facts


def _suppressed(disclosure, rules: list[Rule], outcome, config: Config, debug: bool) -> tuple[list[Finding], int]:
    """The findings no comment silences (and the SUP rules' findings about the comments), how many were silenced."""
    failed = {e.rule for e in outcome.errors}
    ran = {r.id for r in rules if r.id not in failed}  # (the SUP rules run after: their findings are never silenced)
    known = {r.id for r in _rules(config.rules_dirs)}
    between = {r.id for r in _rules(config.rules_dirs) if r.cross}
    findings, suppressed, use = apply_suppressions(disclosure.document, outcome.findings, ran, known, between)
    if use.suppressions:
        about = run_rules(disclosure, rules, debug=debug, suppressions=use)
        outcome.errors.extend(about.errors)
        findings = sorted(findings + about.findings, key=lambda f: (f.start, f.rule))
    return findings, suppressed


def _reseverity(f: Finding, config: Config) -> Finding:
    """A finding with the severity the configuration gives its rule ([tool.auditlint.severity])."""
    severity = config.severity_of(f.rule)
    return f if severity is None or severity == f.severity else f.model_copy(update={"severity": severity})


def check_path(
    path: str | os.PathLike[str],
    config: Config | None = None,
    debug: bool = False,
    keep_document: bool = False,
    skip_facts: Container = (),
) -> FileResult:
    """Check one file on disk; keep_document keeps the Document read (for reports that show the text).

    skip_facts: identities (crossdoc.identity_key) that other reports of the run already have; a report of
    one of them is a duplicate that cross_check never compares, and is read without its facts."""
    config = config or Config()
    name = os.fspath(path)
    return _check(name, lambda: read_path(name, config.max_file_size), config, debug, keep_document, skip_facts)


def check_bytes(
    name: str, data: bytes, config: Config | None = None, debug: bool = False, keep_document: bool = False
) -> FileResult:
    """Check a file's content given as bytes; name decides the format (by its extension) and is the reported path."""
    config = config or Config()
    if len(data) > config.max_file_size:
        return FileResult(path=name, error="文件过大，未检查", error_code="too-large")
    return _check(name, lambda: read_bytes(name, data), config, debug, keep_document)


def cross_check(results, config: Config | None = None):
    """Hold the reports of a run against each other (XDOC): results of check_path/check_bytes in run order
    (the facts they carry are enough; no document is kept). Returns a CrossOutcome: .findings, and what
    could and could not be compared."""
    from .crossdoc import cross_check as run

    return run(results, config)
