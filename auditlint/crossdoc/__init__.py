"""Reports held against each other: the archive's cross step, once every file is read.

Each file's check returns, beside its findings, its identity (whose report, which year,
what kind) and its facts (the figures other reports can be held to): both small, so a
run over an archive keeps no document in memory. `CrossCheck` gathers them as results
stream by, and `finish()` matches them:

1. reports are grouped by body: the same body (its normalised name) and level (部门 or
   单位, never mixed), and places that agree (普陀区 fits 上海市普陀区; 上海市普陀区 and
   浙江省舟山市普陀区 are two bodies; a name with no place joins a body only when there is
   exactly one it can be);
2. two reports of one body with the same kind and year (a draft and the published
   version, a budget re-published after revision) are not compared at all: which one
   the others should agree with cannot be told;
3. every figure one report gives of a line item for a year and measure it is not the
   author of (last year's total implied by a change, the 年初预算 a 决算 quotes, last
   year's budget a budget implies, a 绩效自评's spending) is held against the figures the
   report that is its author states (that year's 决算, that year's 预算, the 决算 the
   evaluation is of). Rounding is honest: the two agree when their written ranges share
   a value. Where they do not, the selected cross rules (XDOC) say so, at the restating
   report's figure, with the other report's figure as the related place.

The Python API runs the same step: `cross_check(results)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config import Config
from ..model import FileResult, Finding, Related, ReportIdentity, Severity
from .facts import Fact, Place

__all__ = ["CrossCheck", "CrossIssue", "CrossOutcome", "Pair", "Report", "cross_check"]


@dataclass(frozen=True)
class Report:
    """A report as the cross step knows it: its path, its identity and the facts it gives."""

    index: int  # its place in the run
    path: str
    identity: ReportIdentity
    facts: tuple[Fact, ...]

    @property
    def title(self) -> str:
        """"2024 年度部门决算": the report as a reviewer names it."""
        i = self.identity
        kind = {"绩效自评": "绩效自评报告", "年度报告": "年度报告"}.get(i.kind, i.level + i.kind)
        return f"{i.year} 年度{kind}"


@dataclass(frozen=True)
class Pair:
    """A figure one report gives for another report's line item, and that report's own figures of it."""

    restated: Fact
    restating: Report
    stated: tuple[Fact, ...]
    stating: Report


@dataclass(frozen=True)
class CrossIssue:
    """What a cross rule reports about a pair: at the restated figure, the stated one as the related place."""

    message: str
    expected: str | None = None
    actual: str | None = None
    related: str = ""  # what the related place is ("2024 年度部门决算所载")
    severity: Severity | None = None


@dataclass
class CrossOutcome:
    """The findings between reports, and what the step could and could not compare."""

    findings: list[Finding] = field(default_factory=list)
    reports: int = 0  # reports whose identity was read
    unidentified: int = 0  # reports whose identity was not
    bodies: int = 0  # bodies with two or more reports
    compared: int = 0  # figures held against another report's
    duplicates: list[list[str]] = field(default_factory=list)  # paths of reports claiming one identity
    ambiguous: list[str] = field(default_factory=list)  # paths of reports whose body could be more than one

    def as_dict(self) -> dict:
        return {
            "reports": self.reports,
            "unidentified": self.unidentified,
            "bodies": self.bodies,
            "compared": self.compared,
            "duplicates": self.duplicates,
            "ambiguous": self.ambiguous,
        }


#: How near a report is to being the author of a figure: its own figure, a 决算 quoting its year's budget,
#: a figure implied by a change. A figure is held against the figures of a nearer author.
_AUTHORITY = {"own": 2, "年初预算": 1, "change": 0}


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Places that can name one body: one is the tail of the other (普陀区 of 上海市普陀区)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[len(long) - len(short) :] == short


class CrossCheck:
    """Gathers each file's identity and facts as results stream by; finish() matches them."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.reports: list[Report] = []
        self.unidentified = 0
        self._seen = 0

    def add(self, result: FileResult) -> None:
        index = self._seen
        self._seen += 1
        identity = result.identity
        if identity is None or result.error:
            return
        if not identity.readable:
            self.unidentified += 1
            return
        self.reports.append(Report(index, result.path, identity, tuple(result.facts or ())))

    def finish(self) -> CrossOutcome:
        from ..api import cross_rules_for

        outcome = CrossOutcome(reports=len(self.reports), unidentified=self.unidentified)
        groups = self._bodies(outcome)
        found: list[tuple[int, int, str, Finding]] = []
        for group in groups:
            members = self._distinct(group, outcome)
            if len(members) < 2:
                continue
            outcome.bodies += 1
            for pair in self._pairs(members):
                outcome.compared += 1
                if any(s.interval.overlaps(pair.restated.interval) for s in pair.stated):
                    continue
                for rule in cross_rules_for(self.config, pair.restating.path):
                    issue = next(iter(rule.check(pair)), None)
                    if issue is not None:
                        finding = _finding(rule, issue, pair)
                        found.append((pair.restating.index, pair.restated.place.start, rule.id, finding))
                        break
        found.sort(key=lambda t: t[:3])
        outcome.findings = [f for *_, f in found]
        outcome.duplicates.sort()
        outcome.ambiguous.sort()
        return outcome

    # -- who is whom
    def _bodies(self, outcome: CrossOutcome) -> list[list[Report]]:
        """Reports grouped by body: the same name, places that fit together, the same level (部门 or 单位).

        A report that leaves out its places or its level joins the one body it can be; where it could
        be several (普陀区 in an archive of 上海市普陀区 and 舟山市普陀区), it joins none."""
        by_name: dict[str, list[Report]] = defaultdict(list)
        for r in self.reports:
            by_name[r.identity.body].append(r)
        groups: list[list[Report]] = []
        for _, reports in sorted(by_name.items()):
            clusters: list[tuple[tuple[str, ...], str, list[Report]]] = []  # (places, level, reports)
            for r in sorted(reports, key=lambda r: (r.identity.level == "", -len(r.identity.region), r.index)):
                region, level = r.identity.region, r.identity.level
                fits = [c for c in clusters if (c[1] == level or not level) and all(_compatible(m.identity.region, region) for m in c[2])]
                if len(fits) == 1:
                    fits[0][2].append(r)
                elif not fits:
                    clusters.append((region, level, [r]))
                else:
                    outcome.ambiguous.append(r.path)
            groups.extend(members for _, _, members in clusters)
        return groups

    def _distinct(self, group: list[Report], outcome: CrossOutcome) -> list[Report]:
        """The reports of a body, less those that share their kind and year with another (which is meant?)."""
        by_identity: dict[tuple, list[Report]] = defaultdict(list)
        for r in group:
            by_identity[(r.identity.kind, r.identity.year, r.identity.subject)].append(r)
        out = []
        for same in by_identity.values():
            if len(same) == 1:
                out.append(same[0])
            else:
                outcome.duplicates.append(sorted(r.path for r in same))
        return sorted(out, key=lambda r: r.index)

    def _pairs(self, members: list[Report]) -> Iterable[Pair]:
        """Each figure a report gives for a line item, with the figures of each report that is nearer its author."""
        by_key: dict[tuple[str, int, str], list[tuple[Report, Fact]]] = defaultdict(list)
        for r in members:
            for f in r.facts:
                by_key[(f.item, f.year, f.measure)].append((r, f))
        for key in sorted(by_key):
            entries = by_key[key]
            reports = {r.index: r for r, _ in entries}
            if len(reports) < 2:
                continue
            for r, f in entries:
                nearer = [(s, g) for s, g in entries if s is not r and _nearer(r, f, s, g)]
                if not nearer:
                    continue
                # only the nearest author: a budget's figure is held against the budget report when the
                # archive has it, not also against a 决算's quotation of it (which XDOC002 holds to the same)
                best = max(_AUTHORITY[g.origin] for _, g in nearer)
                for other in reports.values():
                    stated = tuple(g for s, g in nearer if s is other and _AUTHORITY[g.origin] == best)
                    if stated:
                        yield Pair(f, r, stated, other)


def _nearer(restating: Report, a: Fact, stating: Report, b: Fact) -> bool:
    """Whether b (of another report) is nearer the author of the figure than a: its own figure against a
    restated one, or the 决算's own figure against a 绩效自评's (the evaluation restates the accounts)."""
    if _AUTHORITY[b.origin] != _AUTHORITY[a.origin]:
        return _AUTHORITY[b.origin] > _AUTHORITY[a.origin]
    return a.origin == "own" and restating.identity.kind == "绩效自评" and stating.identity.kind != "绩效自评"


def _related(place: Place, path: str, message: str) -> Related:
    return Related(
        path=path,
        line=place.line,
        column=place.column,
        end_line=place.end_line,
        end_column=place.end_column,
        page=place.page,
        evidence=place.evidence,
        message=message,
        source_line=place.source_line,
    )


def _finding(rule, issue: CrossIssue, pair: Pair) -> Finding:
    place = pair.restated.place
    other = pair.stated[0].place
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=issue.severity or rule.severity,
        message=issue.message,
        path=pair.restating.path,
        line=place.line,
        column=place.column,
        end_line=place.end_line,
        end_column=place.end_column,
        page=place.page,
        evidence=place.evidence,
        expected=issue.expected,
        actual=issue.actual,
        related=[_related(other, pair.stating.path, issue.related or f"{pair.stating.title}所载")],
        start=place.start,
        end=place.end,
        source_line=place.source_line,
    )


def cross_check(results: Iterable[FileResult], config: Config | None = None) -> CrossOutcome:
    """The findings between the reports of a run: results of check_path/check_bytes, in run order."""
    step = CrossCheck(config)
    for result in results:
        step.add(result)
    return step.finish()
