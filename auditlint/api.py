"""The Python API: check one file's bytes or path, with no global state (safe to map over documents)."""

from __future__ import annotations

import decimal
import os
import re
import time
from functools import lru_cache

from .config import Config, check_codes, resolve_settings
from .engine import Rule, load_rules, run_rules
from .extract import extract
from .model import FileResult, Finding, InternalError
from .sources import ReadError, read_bytes, read_path
from .suppress import apply_suppressions


@lru_cache(maxsize=16)
def _rules(rules_dirs: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(load_rules(rules_dirs).values())


def rules_for(config: Config, path: str | None = None) -> list[Rule]:
    return [r for r in _rules(config.rules_dirs) if config.selects(r.id, path)]


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
_LONG_RUN = re.compile(rf"[0-9０-９][\d,，.．]{{{_ORDINARY_DIGITS},}}")
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


def _check(path: str, read, config: Config, debug: bool, keep_document: bool = False) -> FileResult:
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
    try:
        with decimal.localcontext(arithmetic_for(document.text)):
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
    return FileResult(
        path=path,
        findings=findings,
        suppressed=suppressed,
        document=document if keep_document else None,
        claims=outcome.claims,
        internal_errors=[InternalError(rule=e.rule, message=e.message, detail=e.detail) for e in outcome.errors],
        tables=disclosure.table_count,
        seconds=time.perf_counter() - started,
    )


def _suppressed(disclosure, rules: list[Rule], outcome, config: Config, debug: bool) -> tuple[list[Finding], int]:
    """The findings no comment silences (and the SUP rules' findings about the comments), how many were silenced."""
    failed = {e.rule for e in outcome.errors}
    ran = {r.id for r in rules if r.id not in failed}  # (the SUP rules run after: their findings are never silenced)
    known = {r.id for r in _rules(config.rules_dirs)}
    findings, suppressed, use = apply_suppressions(disclosure.document, outcome.findings, ran, known)
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
    path: str | os.PathLike[str], config: Config | None = None, debug: bool = False, keep_document: bool = False
) -> FileResult:
    """Check one file on disk; keep_document keeps the Document read (for reports that show the text)."""
    config = config or Config()
    name = os.fspath(path)
    return _check(name, lambda: read_path(name, config.max_file_size), config, debug, keep_document)


def check_bytes(
    name: str, data: bytes, config: Config | None = None, debug: bool = False, keep_document: bool = False
) -> FileResult:
    """Check a file's content given as bytes; name decides the format (by its extension) and is the reported path."""
    config = config or Config()
    if len(data) > config.max_file_size:
        return FileResult(path=name, error="文件过大，未检查", error_code="too-large")
    return _check(name, lambda: read_bytes(name, data), config, debug, keep_document)
