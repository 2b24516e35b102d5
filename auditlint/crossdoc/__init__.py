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

import hashlib
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config import Config
from ..model import FileResult, Finding, Related, ReportIdentity, Severity
from .facts import ORIGINS, Fact, FactPack, Place

__all__ = ["CrossCheck", "CrossIssue", "CrossOutcome", "Pair", "Report", "cross_check", "identity_key"]


def identity_key(identity: ReportIdentity) -> bytes:
    """What makes two reports one report to the cross step (the same body, level, places, kind, year and
    subject): two readable reports with one key are never compared, with each other or with any other.
    A 16-byte digest, the same in every process: the parent keeps one a report and each worker one an
    identity of the run, with no Python object inside for the collector to walk."""
    written = repr((identity.body, identity.level, tuple(identity.region), identity.kind, identity.year, identity.subject))
    return hashlib.blake2b(written.encode("utf-8"), digest_size=16).digest()


class Report:
    """A report as the cross step keeps it: its path, who wrote it, for which year, and its packed facts."""

    __slots__ = ("body", "index", "keys", "kind", "level", "pack", "path", "region", "subject", "year")

    def __init__(self, index: int, path: str, identity: ReportIdentity, pack: FactPack | None, keys: array) -> None:
        self.index, self.path = index, path
        # the identity's few values, strings shared between reports (an archive holds many of each)
        self.body, self.level, self.kind = sys.intern(identity.body), sys.intern(identity.level), sys.intern(identity.kind)
        self.region = tuple(sys.intern(p) for p in identity.region)
        self.year, self.subject = identity.year, identity.subject
        self.pack, self.keys = pack, keys

    @property
    def title(self) -> str:
        """"2024 年度部门决算": the report as a reviewer names it."""
        kind = {"绩效自评": "绩效自评报告", "年度报告": "年度报告"}.get(self.kind, self.level + self.kind)
        return f"{self.year} 年度{kind}"


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
    suppressed: int = 0  # findings an `auditlint: ignore` comment in the restating report silenced

    def as_dict(self) -> dict:
        return {
            "reports": self.reports,
            "unidentified": self.unidentified,
            "bodies": self.bodies,
            "compared": self.compared,
            "duplicates": self.duplicates,
            "ambiguous": self.ambiguous,
        }


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
        self._key_ids: dict[tuple[str, int, str], int] = {}  # a line item, year and measure -> its number
        self._keys: list[tuple[str, int, str]] = []  # and back
        # each identity read so far -> its first report, None once a second report claims it too
        self._first: dict[bytes, Report | None] = {}
        #: the identities read so far, in the order read: a report of one of them is a duplicate, whose facts
        #: nothing will compare (the runner tells its workers, which then leave them out: check_path's skip_facts)
        self.identities: list[bytes] = []

    def add(self, result: FileResult) -> None:
        index = self._seen
        self._seen += 1
        identity = result.identity
        if identity is None or result.error:
            return
        if not identity.readable:
            self.unidentified += 1
            return
        key = identity_key(identity)
        first = self._first.get(key, _NONE)
        pack = result.facts if isinstance(result.facts, FactPack) and len(result.facts) and first is _NONE else None
        keys = array("l")
        if pack is not None:
            ids, known = self._key_ids, self._keys
            for k in pack.keys:
                i = ids.get(k)
                if i is None:
                    i = ids[k] = len(known)
                    known.append(k)
                keys.append(i)
            pack = _packed_without_keys(pack)
        report = Report(index, result.path, identity, pack, keys)
        self.reports.append(report)
        if first is _NONE:
            self._first[key] = report
            self.identities.append(key)
        elif first is not None:  # a second report of one identity: neither is compared (_distinct), neither's facts are kept
            first.pack, first.keys = None, array("l")
            self._first[key] = None

    def finish(self) -> CrossOutcome:
        from ..api import cross_rules_for

        outcome = CrossOutcome(reports=len(self.reports), unidentified=self.unidentified)
        found: list[tuple[int, int, str, Finding]] = []
        for group in self._bodies(outcome):
            members = self._distinct(group, outcome)
            if len(members) < 2:
                continue
            outcome.bodies += 1
            decoded: dict[int, tuple[Fact, ...]] = {}  # the facts of this body's reports that a finding needs

            def facts_of(r: Report) -> tuple[Fact, ...]:
                if r.index not in decoded:
                    decoded[r.index] = r.pack.facts(tuple(self._keys[k] for k in r.keys)) if r.pack is not None else ()
                return decoded[r.index]

            for (r, i), stating in self._pairs(members):
                outcome.compared += 1
                lo, hi = r.pack.bounds[2 * i], r.pack.bounds[2 * i + 1]  # type: ignore[union-attr]
                if any(s.pack.bounds[2 * j] <= hi and lo <= s.pack.bounds[2 * j + 1] for s, j in stating):  # type: ignore[union-attr]
                    continue  # the two can be one value at their written precision
                other = stating[0][0]
                pair = Pair(facts_of(r)[i], r, tuple(facts_of(s)[j] for s, j in stating), other)
                for rule in cross_rules_for(self.config, r.path):
                    issue = next(iter(rule.check(pair)), None)
                    if issue is None:
                        continue
                    finding = _finding(rule, issue, pair)
                    if any(s.matching(finding) for s in r.pack.suppressions):  # type: ignore[union-attr]
                        outcome.suppressed += 1  # an `auditlint: ignore` comment where the finding would be
                    else:
                        found.append((r.index, pair.restated.place.start, rule.id, finding))
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
            by_name[r.body].append(r)
        groups: list[list[Report]] = []
        for _, reports in sorted(by_name.items()):
            # a body's reports, fullest first: each cluster is keyed by its first (longest) places, and a
            # report fits a cluster whose places end with its own (so it fits every report in it)
            clusters: list[tuple[tuple[str, ...], str, list[Report]]] = []
            by_last: dict[str, list[tuple[tuple[str, ...], str, list[Report]]]] = defaultdict(list)
            for r in sorted(reports, key=lambda r: (r.level == "", -len(r.region), r.index)):
                candidates = by_last.get(r.region[-1], []) if r.region else clusters
                fits = [c for c in candidates if (c[1] == r.level or not r.level) and _compatible(c[0], r.region)]
                if len(fits) == 1:
                    fits[0][2].append(r)
                elif not fits:
                    cluster = (r.region, r.level, [r])
                    clusters.append(cluster)
                    by_last[r.region[-1] if r.region else ""].append(cluster)
                else:
                    outcome.ambiguous.append(r.path)
            groups.extend(members for _, _, members in clusters)
        return groups

    def _distinct(self, group: list[Report], outcome: CrossOutcome) -> list[Report]:
        """The reports of a body, less those that share their kind and year with another (which is meant?)."""
        by_identity: dict[tuple, list[Report]] = defaultdict(list)
        for r in group:
            by_identity[(r.kind, r.year, r.subject)].append(r)
        out = []
        for same in by_identity.values():
            if len(same) == 1:
                out.append(same[0])
            else:
                outcome.duplicates.append(sorted(r.path for r in same))
        return sorted(out, key=lambda r: r.index)

    def _pairs(self, members: list[Report]) -> Iterable[tuple[tuple[Report, int], list[tuple[Report, int]]]]:
        """Each figure a report gives for a line item, with the figures of the report nearest its author
        (by report; the nearest: a budget's figure is held to the budget report when the archive has it,
        not also to a 决算's quotation of it, which XDOC002 holds to the same)."""
        by_key: dict[int, list[tuple[Report, int]]] = defaultdict(list)
        for r in members:
            for i, key in enumerate(r.keys):
                by_key[key].append((r, i))
        own = ORIGINS.index("own")
        for key in sorted(by_key):
            entries = by_key[key]
            if len(entries) < 2:
                continue  # (the figure of one report only: most line items of a body)
            origins = [r.pack.origins[i] for r, i in entries]  # type: ignore[union-attr]
            top = max(origins)
            if min(origins) == top and (top != own or all(r.kind != "绩效自评" for r, _ in entries)):
                continue  # every figure as near its author as the others: none restates another
            authors = [e for e, o in zip(entries, origins) if o == top]
            for (r, i), a in zip(entries, origins):
                if a < top:
                    stating = [(s, j) for s, j in authors if s is not r]
                elif top == own and r.kind == "绩效自评":  # the evaluation restates the accounts
                    stating = [(s, j) for s, j in authors if s is not r and s.kind != "绩效自评"]
                else:
                    continue
                if not stating:  # the nearest author is this report itself: the next nearest, if any
                    stating = [(s, j) for (s, j), b in zip(entries, origins) if s is not r and _nearer(r, a, s, b)]
                    best = max((s.pack.origins[j] for s, j in stating), default=0)  # type: ignore[union-attr]
                    stating = [(s, j) for s, j in stating if s.pack.origins[j] == best]  # type: ignore[union-attr]
                if len(stating) == 1:
                    yield (r, i), stating
                    continue
                by_report: dict[int, list[tuple[Report, int]]] = {}
                for s, j in stating:
                    by_report.setdefault(s.index, []).append((s, j))
                for index in sorted(by_report):
                    yield (r, i), by_report[index]


_NONE = object()


def _nearer(restating: Report, a: int, stating: Report, b: int) -> bool:
    """Whether figure b (of another report) is nearer its author than figure a: a report's own figure
    against a restated one (origins: ORIGINS' order), or the 决算's own figure against a 绩效自评's (the
    evaluation restates the accounts)."""
    if a != b:
        return b > a
    return ORIGINS[a] == "own" and restating.kind == "绩效自评" and stating.kind != "绩效自评"


def _packed_without_keys(pack: FactPack) -> FactPack:
    """The pack as kept: its line items are numbers of the run's own (Report.keys); the result's own pack
    is left whole (the API's results can be cross-checked again)."""
    kept = FactPack.__new__(FactPack)
    kept.blob, kept.bounds, kept.origins, kept.keys, kept.suppressions = pack.blob, pack.bounds, pack.origins, (), pack.suppressions
    return kept


def _at(place: Place) -> dict:
    """The fields of a finding or a related place that say where it is."""
    return {
        "line": place.line,
        "column": place.column,
        "end_line": place.end_line,
        "end_column": place.end_column,
        "page": place.page,
        "page_line": place.page_line,
        "evidence": place.evidence,
        "excerpt": place.excerpt,
        "excerpt_column": place.excerpt_column,
        "excerpt_more": place.excerpt_more,
    }


def _finding(rule, issue: CrossIssue, pair: Pair) -> Finding:
    place = pair.restated.place
    related = Related(path=pair.stating.path, message=issue.related or f"{pair.stating.title}所载", **_at(pair.stated[0].place))
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=issue.severity or rule.severity,
        message=issue.message,
        path=pair.restating.path,
        expected=issue.expected,
        actual=issue.actual,
        related=[related],
        start=place.start,
        end=place.end,
        **_at(place),
    )


def cross_check(results: Iterable[FileResult], config: Config | None = None) -> CrossOutcome:
    """The findings between the reports of a run: results of check_path/check_bytes, in run order."""
    step = CrossCheck(config)
    for result in results:
        step.add(result)
    return step.finish()
