"""Accuracy on the shared corpus: the README table "Accuracy on real reports", from the scorer and the adjudications.

    python bench/accuracy.py                                  # seeds and real/, with this repository's auditlint
    python bench/accuracy.py --score ../shared/tools/score.py --corpus ../shared/corpus

For each corpus (seeds/, real/) it checks every report with this repository's
auditlint (`python -m auditlint check --format json`, run from the repository root),
scores the report with the team's scorer (`score.py --findings`), and joins every
finding that matches no gold item with bench/adjudication.jsonl: one line per such
finding, {"doc", "line", "rule", "verdict": true | false, "reason"} — true for a real
defect (including a gold item of severity info, which the scorer does not match),
false for a false alarm with its cause (and "pending": true while its fix is
pending: tests/test_adjudicated.py then expects the false alarm still to fire, and
fails once it is gone). The reason quotes at most a few characters of a report.

It prints the table (defects found / known error and warning gold items; findings;
findings matched to gold; confirmed real; false; unadjudicated; the share of
findings that are real), then each unadjudicated finding and each adjudication that
no longer matches a finding. Exit 1 when a finding is unadjudicated, so that nobody
forgets to read it; 2 when the corpus, the scorer or auditlint cannot be run.
Not part of the test suite (the corpus is not in the repository).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ADJUDICATION = HERE / "adjudication.jsonl"
CORPORA = (("seeds", "seeds"), ("real", "real/"))  # folder under the corpus, and its name in the table
_SUMMARY = re.compile(r"^recall=\S+ \((\d+)/(\d+)\) unmatched=(\d+)")
_UNMATCHED = re.compile(r"^  (\S+):(\d+|None) (\S+) (.*)$")


def _shared(*parts: str) -> Path:
    """A path under the team's shared/ folder: beside an ancestor of this repository, else /work/shared."""
    for parent in REPO.parents:
        candidate = parent.joinpath("shared", *parts)
        if candidate.exists():
            return candidate
    return Path("/work/shared").joinpath(*parts)


@dataclass(frozen=True)
class Adjudication:
    doc: str
    line: int
    rule: str
    verdict: bool
    reason: str
    pending: bool = False

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.doc, self.line, self.rule)


def load_adjudications(path: Path) -> dict[tuple[str, int, str], Adjudication]:
    """The adjudication file, checked line by line (ValueError names the line that is wrong)."""
    out: dict[tuple[str, int, str], Adjudication] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
            entry = Adjudication(
                doc=str(item["doc"]), line=int(item["line"]), rule=str(item["rule"]),
                verdict=item["verdict"], reason=str(item["reason"]).strip(), pending=bool(item.get("pending", False)),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path.name}:{n}: not an adjudication ({exc})") from None
        if not isinstance(entry.verdict, bool) or not entry.reason:
            raise ValueError(f"{path.name}:{n}: verdict must be true or false, and a reason is needed")
        if entry.pending and entry.verdict:
            raise ValueError(f"{path.name}:{n}: only a false alarm has a pending fix")
        if entry.key in out:
            raise ValueError(f"{path.name}:{n}: {entry.doc}:{entry.line} {entry.rule} is adjudicated twice")
        out[entry.key] = entry
    return out


@dataclass
class Score:
    """What the scorer said of one corpus: gold items found and known, and the findings it matched to none."""

    found: int
    known: int
    unmatched: list[tuple[str, int, str, str]]  # doc, line, rule, message


def parse_score(output: str) -> Score:
    """score.py's printout: its unmatched findings section and its closing summary line."""
    unmatched: list[tuple[str, int, str, str]] = []
    in_unmatched = False
    summary = None
    for line in output.splitlines():
        if line.startswith("findings that match no gold item"):
            in_unmatched = True
            continue
        m = _SUMMARY.match(line)
        if m:
            summary = m
            continue
        u = _UNMATCHED.match(line) if in_unmatched else None
        if u:
            unmatched.append((u.group(1), int(u.group(2)) if u.group(2) != "None" else 0, u.group(3), u.group(4)))
        elif in_unmatched and line.strip():
            in_unmatched = False
    if summary is None:
        raise ValueError("the scorer printed no summary line")
    if int(summary.group(3)) != len(unmatched):
        raise ValueError(f"the scorer reports {summary.group(3)} unmatched findings but lists {len(unmatched)}")
    return Score(found=int(summary.group(1)), known=int(summary.group(2)), unmatched=unmatched)


@dataclass
class Row:
    """One corpus's line of the table, and the findings behind it."""

    name: str
    reports: int
    findings: int
    score: Score
    confirmed: list[Adjudication] = field(default_factory=list)
    false: list[Adjudication] = field(default_factory=list)
    unadjudicated: list[tuple[str, int, str, str]] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return self.findings - len(self.score.unmatched)

    @property
    def real_share(self) -> str:
        return f"{(self.matched + len(self.confirmed)) / self.findings:.2f}" if self.findings else "—"


def join(name: str, reports: int, findings: int, score: Score, adjudications: dict) -> Row:
    row = Row(name, reports, findings, score)
    for doc, line, rule, message in score.unmatched:
        entry = adjudications.get((doc, line, rule))
        if entry is None:
            row.unadjudicated.append((doc, line, rule, message))
        else:
            (row.confirmed if entry.verdict else row.false).append(entry)
    return row


def table(rows: list[Row]) -> str:
    out = [
        "| corpus | defects found / known | findings | matched to gold | confirmed real | false | unadjudicated | real share |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r.name} ({r.reports} reports) | {r.score.found} / {r.score.known} | {r.findings} | {r.matched} | "
            f"{len(r.confirmed)} | {len(r.false)} | {len(r.unadjudicated)} | {r.real_share} |"
        )
    return "\n".join(out)


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"`{' '.join(cmd[:4])} …` exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


def measure(folder: Path, gold: Path, scorer: Path, name: str, adjudications: dict) -> Row:
    files = [str(p) for p in sorted(folder.glob("*.txt"))]
    if not files:
        raise RuntimeError(f"no reports in {folder}")
    report = _run([sys.executable, "-m", "auditlint", "check", "--format", "json", *files], cwd=REPO)
    findings = sum(len(f["findings"]) for f in json.loads(report.stdout)["files"])
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as saved:
        saved.write(report.stdout)
        saved.flush()
        scored = _run([sys.executable, str(scorer), "--gold", str(gold), "--findings", saved.name, *files])
    return join(name, len(files), findings, parse_score(scored.stdout), adjudications)


def stale(rows: list[Row], adjudications: dict) -> list[Adjudication]:
    """Adjudications no finding matches any more (a false alarm fixed, a line moved)."""
    used = {a.key for r in rows for a in (*r.confirmed, *r.false)}
    return [a for key, a in adjudications.items() if key not in used]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--score", type=Path, default=_shared("tools", "score.py"), help="the scorer (default: shared/tools/score.py)")
    ap.add_argument("--corpus", type=Path, default=_shared("corpus"), help="the shared corpus (default: shared/corpus)")
    ap.add_argument("--adjudication", type=Path, default=ADJUDICATION)
    args = ap.parse_args()
    if not args.score.is_file() or not args.corpus.is_dir():
        print(f"accuracy: the scorer ({args.score}) or the corpus ({args.corpus}) is missing", file=sys.stderr)
        return 2
    try:
        adjudications = load_adjudications(args.adjudication)
        rows = [
            measure(args.corpus / folder, args.corpus / "gold" / f"{folder}.jsonl", args.score, name, adjudications)
            for folder, name in CORPORA
        ]
    except (RuntimeError, ValueError) as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    print(table(rows))
    print("\npython bench/accuracy.py")
    missing = [u for r in rows for u in r.unadjudicated]
    if missing:
        print(f"\n{len(missing)} findings match no gold item and are not adjudicated in {args.adjudication.name}:")
        for doc, line, rule, message in missing:
            print(f"  {doc}:{line} {rule} {message}")
    for a in stale(rows, adjudications):
        print(f"no longer reported (fixed, or moved): {a.doc}:{a.line} {a.rule} ({'true' if a.verdict else 'false'})")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
