"""The rule engine: the rule registry, rule discovery, and running rules over a Disclosure."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.metadata import entry_points
from pathlib import Path
from typing import Literal

from .model import Claim, ClaimCount, Disclosure, Finding, Related, Severity
from .plugins import builtin_rules_package

RULE_ID = re.compile(r"^[A-Z]{2,6}\d{3}$")
ENTRY_POINT_GROUP = "auditlint.rules"


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule reports: a span of the original text and what is wrong with it."""

    start: int
    end: int
    message: str
    expected: str | None = None
    actual: str | None = None
    fix: str | None = None
    severity: Severity | None = None  # overrides the rule's default
    related: tuple[tuple[int, int, str], ...] = ()
    # the claims it is about, when they are not (only) the one the rule assessed right before it
    claims: tuple[Claim, ...] = field(default=(), compare=False)
    #: the figures the verdict (and the fix) was worked out from, as spans: a fix is held back when another
    #: finding disputes one of them (rulekit.figures_of(claim) gives a claim's)
    basis: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Assessed:
    """A rule recomputed this claim (whether or not it found a problem)."""

    claim: Claim


@dataclass(frozen=True, slots=True)
class NotAssessable:
    """A rule looked at this claim but lacked a term it needs; it was not verified."""

    claim: Claim
    reason: str = ""


Outcome = Issue | Assessed | NotAssessable
CheckFn = Callable[..., Iterable[Outcome]]
SettingValue = Decimal | str | int | bool


@dataclass(frozen=True)
class Setting:
    """A value a rule lets users configure ([tool.auditlint.settings.RULE]); its type is its default's."""

    default: SettingValue
    help: str
    choices: tuple[SettingValue, ...] = ()
    minimum: Decimal | int | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str
    doc: str
    fixable: bool
    check: CheckFn = field(compare=False)
    #: its fixes only restore a form (full-width digits, a missing 元 or %, a doubled sign), never change a
    #: figure or a word's meaning: --fix applies them; other fixes are suggestions for --unsafe-fixes
    safe_fix: bool = False
    origin: str = "auditlint"
    settings: Mapping[str, Setting] = field(default_factory=dict, compare=False)
    #: a rule between reports (XDOC): called by the archive's cross step with two reports' figures, never per file
    cross: bool = False
    #: "suppressions": a rule about the file's auditlint: ignore comments, called as check(doc, use) once the
    #: other rules' findings have been matched against them (suppress.SuppressionUse)
    reads: Literal["disclosure", "suppressions"] = "disclosure"
    #: its name as a finance user reads it (`auditlint rules`, the HTML report); "" when the rule has none
    name_zh: str = ""

    def defaults(self) -> dict[str, SettingValue]:
        return {name: s.default for name, s in self.settings.items()}

    @property
    def family(self) -> str:
        return self.id.rstrip("0123456789")

    def sections(self) -> list[tuple[str, str]]:
        """The docstring after its summary line, cut at its section heads (Checks:, Why:, 检查：, 原因：,
        Bad:, Good:) as (head, text) in their order; text before the first head comes as ("", text)."""
        out: list[tuple[str, list[str]]] = [("", [])]
        for line in self.doc.splitlines()[1:]:
            m = _SECTION.match(line)
            if m:
                out.append((m.group(1), [line[m.end():]]))
            else:
                out[-1][1].append(line)
        return [(head, "\n".join(lines).strip()) for head, lines in out if head or "".join(lines).strip()]

    def explanation(self, lang: str = "zh") -> dict[str, str]:
        """What the rule checks and why, in Chinese (检查, 原因) or English (Checks, Why): {"checks", "why"};
        empty where its docstring has no such section."""
        heads = {"checks": "检查", "why": "原因"} if lang == "zh" else {"checks": "Checks", "why": "Why"}
        found = dict(self.sections())
        return {key: found.get(head, "") for key, head in heads.items()}

    def examples(self) -> dict[str, list[str]]:
        """The Bad:/Good: examples of the docstring (they are also tests); a written \\n is a line break."""
        out: dict[str, list[str]] = {"bad": [], "good": []}
        for line in self.doc.splitlines():
            m = re.match(r"^\s*(Bad|Good):\s*(.+)$", line)
            if m:
                out["bad" if m.group(1) == "Bad" else "good"].append(m.group(2).strip().replace("\\n", "\n"))
        return out


#: The heads of a rule docstring's sections: what it checks and why, in English and in Chinese; its examples.
_SECTION = re.compile(r"^\s*(Checks|Why|检查|原因|Bad|Good)[:：]\s*")

_CJK_PUNCTUATION = frozenset("，。、；：？！（）“”‘’《》「」『』【】…—")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def as_paragraph(text: str) -> str:
    """A docstring section's lines as one paragraph: a line break between two Chinese characters, or beside
    Chinese punctuation, is no space (a docstring wraps Chinese anywhere); between other characters it is one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        a, b = out[-1], line[0]
        closed = a in _CJK_PUNCTUATION or b in _CJK_PUNCTUATION or (_is_cjk(a) and _is_cjk(b))
        out += ("" if closed else " ") + line
    return out


_REGISTRY: dict[str, Rule] = {}
_LOADING_ORIGIN = "auditlint"


def rule(
    rule_id: str,
    name: str,
    severity: str = "error",
    fixable: bool | Literal["safe"] = False,
    settings: Mapping[str, Setting] | None = None,
    cross: bool = False,
    reads: Literal["disclosure", "suppressions"] = "disclosure",
    name_zh: str = "",
) -> Callable[[CheckFn], CheckFn]:
    """Register a rule. Its docstring's first line is the summary; the rest is its documentation:
    what it checks and why in Chinese (检查：, 原因：) and in English (Checks:, Why:), then its
    Bad:/Good: examples. name_zh is its name in Chinese, beside the kebab-case name.

    fixable=True: its findings may carry a fix that changes a figure or a word (a suggestion, applied
    only with --unsafe-fixes, and checked before it is kept); fixable="safe": its fixes only restore
    how a figure is written, and --fix applies them.

    A rule that declares settings is called as check(doc, settings), with the
    configured value (or the default) of each one. A cross rule (cross=True) is called
    as check(pair) with a figure of one report and those of another report it restates
    (auditlint.crossdoc.Pair), once every file of a run is read; its Bad:/Good:
    examples are reports separated by " || ".
    """

    def register(fn: CheckFn) -> CheckFn:
        if not RULE_ID.match(rule_id):
            raise ValueError(f"rule id {rule_id!r} must be a family prefix and three digits, e.g. SUM001")
        if settings and len(inspect.signature(fn).parameters) < 2:
            raise ValueError(f"rule {rule_id} declares settings, so it must take (doc, settings)")
        doc = inspect.getdoc(fn) or ""
        summary = doc.splitlines()[0] if doc else name
        existing = _REGISTRY.get(rule_id)
        if existing is not None and existing.check is not fn and existing.origin != _LOADING_ORIGIN:
            raise ValueError(f"rule id {rule_id} is defined twice ({existing.origin} and {_LOADING_ORIGIN})")
        _REGISTRY[rule_id] = Rule(
            id=rule_id,
            name=name,
            severity=Severity(severity),
            summary=summary,
            doc=doc,
            fixable=bool(fixable),
            safe_fix=fixable == "safe",
            reads=reads,
            check=fn,
            origin=_LOADING_ORIGIN,
            settings=dict(settings or {}),
            name_zh=name_zh,
            cross=cross,
        )
        return fn

    return register


def _import_package_modules(package) -> None:
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")


def _import_folder(folder: Path) -> None:
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        # a stable name per folder, so a module is imported once however often the folder is asked for
        name = f"auditlint_rulesdir_{hashlib.sha1(str(folder).encode()).hexdigest()[:12]}_{path.stem}"
        if name in sys.modules:
            continue
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]  # a broken module must fail again next time, not pass as loaded
            raise


def load_rules(rules_dirs: Iterable[str | Path] = (), plugins: bool = True) -> dict[str, Rule]:
    """All rules: built-in, then entry-point packs, then folders given on the command line.

    The registry outlives a call (modules are imported once), so the answer keeps
    only the rules of the sources asked for: a folder loaded for one run does not
    leak into the next.
    """
    global _LOADING_ORIGIN
    origins = {"auditlint"}
    try:
        _LOADING_ORIGIN = "auditlint"
        _import_package_modules(builtin_rules_package())
        if plugins:
            for ep in entry_points(group=ENTRY_POINT_GROUP):
                _LOADING_ORIGIN = f"entry point {ep.name}"
                origins.add(_LOADING_ORIGIN)
                module = ep.load()
                if hasattr(module, "__path__"):
                    _import_package_modules(module)
        for raw in rules_dirs:
            folder = Path(raw).resolve()
            if not folder.is_dir():
                raise FileNotFoundError(f"规则目录不存在：{raw}")
            _LOADING_ORIGIN = f"rules dir {folder}"
            origins.add(_LOADING_ORIGIN)
            _import_folder(folder)
    finally:
        _LOADING_ORIGIN = "auditlint"
    return {rule_id: r for rule_id, r in sorted(_REGISTRY.items()) if r.origin in origins}


# ---------------------------------------------------------------------- running


@dataclass
class RuleError:
    rule: str
    message: str
    detail: str = ""


ClaimStatus = Literal["holds", "fails", "not-assessable"]


@dataclass
class ClaimOutcome:
    """What one rule made of one claim: it holds, it fails (and the findings saying so), or a term is missing."""

    claim: Claim
    rule: str
    status: ClaimStatus
    reason: str = ""  # why it is not assessable, in the rule's words
    findings: list[Finding] = field(default_factory=list)


class _Trace:
    """The outcomes of one rule's run, claim by claim (run_rules(trace=True)).

    A finding is about the claims its Issue names, or else about the claim the
    rule assessed just before yielding it (a rule yields Assessed(claim), then
    the Issue that claim fails with); a finding after no assessment (a rule that
    reads the text, not claims) is about no claim.
    """

    def __init__(self, rule_id: str) -> None:
        self.rule = rule_id
        self.outcomes: dict[int, ClaimOutcome] = {}
        self.last: ClaimOutcome | None = None

    def _of(self, claim: Claim, status: ClaimStatus) -> ClaimOutcome:
        o = self.outcomes.get(id(claim))
        if o is None:
            o = self.outcomes[id(claim)] = ClaimOutcome(claim, self.rule, status)
        return o

    def assessed(self, claim: Claim) -> None:
        o = self._of(claim, "holds")
        if o.status == "not-assessable":
            o.status, o.reason = "holds", ""
        self.last = o

    def not_assessable(self, claim: Claim, reason: str) -> None:
        o = self._of(claim, "not-assessable")
        if o.status == "not-assessable" and not o.reason:
            o.reason = reason
        self.last = None

    def issue(self, issue: Issue, finding: Finding) -> None:
        about = [self._of(c, "fails") for c in issue.claims] or ([self.last] if self.last is not None else [])
        for o in about:
            o.status, o.reason = "fails", ""
            o.findings.append(finding)


@dataclass
class RunResult:
    findings: list[Finding]
    claims: dict[str, ClaimCount]
    errors: list[RuleError]
    outcomes: list[ClaimOutcome] = field(default_factory=list)  # per claim and rule, with run_rules(trace=True)


def _to_finding(rule: Rule, issue: Issue, d: Disclosure) -> Finding:
    doc = d.document
    line, col = doc.position(issue.start)
    end_line, end_col = doc.position(max(issue.start, issue.end))
    related = []
    for start, end, message in issue.related:
        r_line, r_col = doc.position(start)
        r_end_line, r_end_col = doc.position(max(start, end))
        related.append(
            Related(
                line=r_line,
                column=r_col,
                end_line=r_end_line,
                end_column=r_end_col,
                page=doc.page_of(start),
                box=doc.box_of(start, end),
                evidence=doc.text[start:end],
                message=message,
            )
        )
    excerpt, excerpt_column, excerpt_more = doc.excerpt(issue.start, issue.end)
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=issue.severity or rule.severity,
        message=issue.message,
        path=doc.path,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        page=doc.page_of(issue.start),
        box=doc.box_of(issue.start, issue.end),
        evidence=doc.text[issue.start : issue.end],
        expected=issue.expected,
        actual=issue.actual,
        fix=issue.fix,
        related=related,
        start=issue.start,
        end=issue.end,
        excerpt=excerpt,
        excerpt_column=excerpt_column,
        excerpt_more=excerpt_more,
        page_line=doc.page_line(issue.start),
        fix_safe=rule.safe_fix,
        related_spans=[(start, end) for start, end, _ in issue.related],
        basis=list(issue.basis),
    )


def _call(r: Rule, d: Disclosure, settings, suppressions) -> Iterable:
    """What a rule yields, called as it declares: check(doc), check(doc, settings) or check(doc, use)."""
    if suppressions is not None:
        return r.check(d, suppressions)
    if r.settings:
        return r.check(d, {**r.defaults(), **(settings or {}).get(r.id, {})})
    return r.check(d)


def run_rules(
    d: Disclosure,
    rules: Iterable[Rule],
    debug: bool = False,
    settings: Mapping[str, Mapping[str, SettingValue]] | None = None,
    trace: bool = False,
    suppressions: object | None = None,
) -> RunResult:
    """Run rules over a disclosure; settings maps a rule id to its configured values (defaults otherwise).

    With trace, the result also says, per claim and rule, whether the claim holds,
    fails (with its findings) or is not assessable (with the reason).

    Without `suppressions` the rules that read the disclosure run; with it (a SuppressionUse), the rules
    about the file's suppression comments.
    """
    findings: list[Finding] = []
    errors: list[RuleError] = []
    outcomes: list[ClaimOutcome] = []
    assessed: set[int] = set()
    skipped: set[int] = set()
    for r in rules:
        if r.cross:
            continue  # between reports: the cross step runs it once every file is read
        if (r.reads == "suppressions") != (suppressions is not None):
            continue
        produced: list[Finding] = []
        traced = _Trace(r.id) if trace else None
        try:
            for outcome in _call(r, d, settings, suppressions):
                if isinstance(outcome, Issue):
                    produced.append(_to_finding(r, outcome, d))
                    if traced is not None:
                        traced.issue(outcome, produced[-1])
                elif isinstance(outcome, Assessed):
                    assessed.add(id(outcome.claim))
                    if traced is not None:
                        traced.assessed(outcome.claim)
                elif isinstance(outcome, NotAssessable):
                    skipped.add(id(outcome.claim))
                    if traced is not None:
                        traced.not_assessable(outcome.claim, outcome.reason)
        except Exception as exc:  # a broken rule must not take the file's other findings with it
            errors.append(
                RuleError(
                    rule=r.id,
                    message=f"规则 {r.id} 在检查本文件时出错（{type(exc).__name__}: {exc}），其结果未计入",
                    detail=traceback.format_exc() if debug else "",
                )
            )
            continue
        findings.extend(produced)
        if traced is not None:
            outcomes.extend(traced.outcomes.values())
    counts: dict[str, ClaimCount] = {}
    for claim in d.claims:
        c = counts.get(claim.kind)
        if c is None:  # (not setdefault: it would build a ClaimCount for every claim)
            c = counts[claim.kind] = ClaimCount()
        c.found += 1
        if id(claim) in assessed:
            c.checked += 1
        elif id(claim) in skipped:
            c.not_assessable += 1
    findings.sort(key=lambda f: (f.start, f.rule))
    kept = _dedupe(findings)
    if outcomes:
        _point_at_kept(outcomes, kept)
    return RunResult(findings=kept, claims=counts, errors=errors, outcomes=outcomes)


def _key(f: Finding) -> tuple[str, int, int, str]:
    return (f.rule, f.start, f.end, f.message)


def _point_at_kept(outcomes: list[ClaimOutcome], kept: list[Finding]) -> None:
    """Outcomes refer to the findings the run keeps: a repeated finding dropped by _dedupe is its first copy."""
    first = {_key(f): f for f in kept}
    for o in outcomes:
        if o.findings:
            o.findings = list({id(f): f for f in (first[_key(f)] for f in o.findings)}.values())


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for f in findings:
        key = _key(f)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
