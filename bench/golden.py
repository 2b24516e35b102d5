"""Golden output: checks a fixed, varied set of inputs and compares the JSON report with one recorded earlier.

    python bench/golden.py record     # build the inputs, check them, keep the normalised report
    python bench/golden.py compare    # check them again: exit 1 and show the first differences if anything changed

    # to record what an older commit said (its rules/ copied into its auditlint/ so that it imports from there):
    git archive COMMIT | tar -x -C /tmp/old && cp -r /tmp/old/rules /tmp/old/auditlint/rules
    PYTHONPATH=/tmp/old python bench/golden.py record

For work that must not change what auditlint says (speed-ups, refactoring): record
before, compare after every step. The inputs are the shared corpus (seeds and
PDFs, when present), examples/, tests/data/, 200 synthetic reports from a fixed
seed (some with many slips, some hard-wrapped), the injected defects and office
files the tests build, every rule's Bad:/Good: examples, hostile text and the
hostile folder of the tests. The report is normalised (paths relative to the
input folder, files in path order) and its SHA-256 printed; beside it, a digest
per file of everything extraction produced, so that a change no finding shows
still shows. It contains text of
the corpus, so it is kept outside the repository (--dir), never committed.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
# The auditlint checked is this repository's, ahead of any installed copy (which may be stale);
# with PYTHONPATH set (an exported older tree, to record its output) it is that one. The
# repository also gives the tests' builders of office files, defects and hostile folders.
if os.environ.get("PYTHONPATH"):
    sys.path.append(str(REPO))
else:
    sys.path.insert(1, str(REPO))

from synthetic import report  # noqa: E402

MAX_SIZE = 8 * 1024 * 1024
HOSTILE_UNITS = {
    "digits-and-commas": "1234567,890,12,3456,7,",
    "percent-signs": "%",
    "fullwidth-commas": "1，2，3，",
    "qizhong-repeated": "其中：",
    "nested-brackets": "（（（（[[[[((((",
    "changes-without-end": "增加1元，",
    "unclosed-comments": "<!--",
    "place-names": "市" * 60 + "1元",
}


def _corpus() -> Path:
    if "AUDITLINT_CORPUS" in os.environ:
        return Path(os.environ["AUDITLINT_CORPUS"])
    # ../shared beside a checkout, or beside the folder of a git worktree
    return next((p for p in (REPO.parent / "shared" / "corpus", REPO.parent.parent / "shared" / "corpus") if p.is_dir()),
                REPO.parent / "shared" / "corpus")


def build_inputs(root: Path) -> None:
    """Write every input under root (a fresh folder)."""

    def put(name: str, data: bytes | str) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    corpus = _corpus()
    for pattern in ("seeds/*.txt", "pdf/*.pdf"):
        for path in sorted(corpus.glob(pattern)):
            put(f"corpus/{path.parent.name}/{path.name}", path.read_bytes())
    for folder in ("examples", "tests/data"):
        for path in sorted((REPO / folder).iterdir()):
            if path.is_file():
                put(f"{folder}/{path.name}", path.read_bytes())

    # synthetic reports: the benchmark's spread of sizes, some with many slips so that every family speaks
    for i in range(200):
        size = 8_000 + (i * 7919) % 48_000
        slip_rate = (0.006, 0.05, 0.2)[i % 3]
        put(f"synthetic/s{i:03d}.txt", report(70_000 + i, size, slip_rate))

    from tests.test_injected_defects import DEFECTS, REPORT

    for i, (old, new, rule) in enumerate(DEFECTS):
        text = REPORT
        for a, b in zip(*((old, new) if isinstance(old, tuple) else ((old,), (new,)))):
            text = text.replace(a, b, 1)
        put(f"injected/{i:02d}-{rule}.txt", text)

    from tests.test_tables_office import (
        MUTATIONS,
        TABLES,
        docx_report,
        with_cell,
        xlsx_report,
    )

    put("office/report.docx", docx_report())
    put("office/report.xlsx", xlsx_report())
    for i, (_, table, row, col, text, rule, _) in enumerate(MUTATIONS):
        mutated = with_cell(TABLES, table, row, col, text)
        put(f"office/m{i}-{rule}.docx", docx_report(mutated))
        put(f"office/m{i}-{rule}.xlsx", xlsx_report(mutated))

    from auditlint.engine import load_rules

    for rule in load_rules(plugins=False).values():
        for kind, examples in rule.examples().items():
            for i, example in enumerate(examples):
                put(f"rule-examples/{rule.id}-{kind}-{i}.txt", example + "\n")

    for name, unit in HOSTILE_UNITS.items():
        put(f"hostile-text/{name}.txt", unit * (50_000 // len(unit.encode()) + 1))

    from tests.test_hostile import _build

    (root / "hostile").mkdir()
    _build(root / "hostile")


def check(root: Path, jobs: int) -> str:
    """The normalised JSON report of auditlint over root."""
    proc = subprocess.run(
        [sys.executable, "-m", "auditlint", "check", "--format", "json", "--isolated",
         "--jobs", str(jobs), "--max-file-size", str(MAX_SIZE), str(root)],
        capture_output=True, text=True, cwd=root.parent,
        env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH") or str(REPO)},  # the auditlint this script checks
    )
    if "Traceback" in proc.stderr or not proc.stdout:
        sys.exit(f"auditlint failed (exit {proc.returncode}):\n{proc.stderr}")
    data = json.loads(proc.stdout)
    prefix = str(root) + os.sep
    for entry in data["files"]:
        entry["path"] = entry["path"].removeprefix(prefix)
        for finding in entry["findings"]:
            finding["path"] = finding["path"].removeprefix(prefix)
    data["files"].sort(key=lambda entry: entry["path"])
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace(prefix, "")  # paths quoted inside error messages


def extraction(path: str) -> tuple[str, str]:
    """(path, SHA-256 of everything extracted from it): statements, claims, outline, scores, tables, mentions.

    Stricter than the report: a change inside extraction that no rule happens to show
    on these inputs still shows here (repr keeps types: Decimal('1.0') is not Decimal('1.00')).
    """
    from auditlint.extract import extract
    from auditlint.sources import ReadError, read_path

    try:
        document = read_path(path, MAX_SIZE)
    except ReadError as exc:
        return path, exc.code
    d = extract(document)
    if hasattr(d, "mentions"):
        mentions = d.mentions
    else:  # a tree from before the Disclosure was made whole at extraction (recorded with PYTHONPATH)
        from auditlint.extract.mentions import find_mentions

        mentions = find_mentions(d)
    parts = [d.year, d.unit, d.quantities, d.statements, d.reasons, d.claims, d.tables, d.outline, d.scores,
             d.flow.text, d.flow.paragraphs, d.flow._seg_norm, d.flow._seg_orig, mentions]
    # which fields were given when each model was made (repr does not show it; model_dump(exclude_unset) would);
    # figures, facts, statements and headings are plain dataclasses, made with every field
    made = [*d.reasons, *d.claims, *d.scores]
    parts.append([sorted(m.model_fields_set) for m in made])
    return path, hashlib.sha256(repr(parts).encode()).hexdigest()


def extractions(root: Path, jobs: int) -> dict[str, str]:
    paths = sorted(str(p) for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    prefix = str(root) + os.sep
    with multiprocessing.Pool(jobs) as pool:
        return {path.removeprefix(prefix): digest for path, digest in pool.imap(extraction, paths, chunksize=4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "auditlint-golden",
                        help="where the recorded report is kept")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        root = Path(tmp) / "inputs"
        root.mkdir()
        build_inputs(root)
        got = check(root, args.jobs)
        deep = json.dumps(extractions(root, args.jobs), indent=1, sort_keys=True)
    digest = hashlib.sha256(got.encode()).hexdigest()
    files = json.loads(got)["files"]
    summary = (f"{len(files)} files, {sum(len(f['findings']) for f in files)} findings, "
               f"{sum(c['found'] for f in files for c in (f.get('claims') or {}).values())} claims, sha256 {digest[:16]}")
    recorded = args.dir / "golden.json"
    if args.action == "record":
        args.dir.mkdir(parents=True, exist_ok=True)
        recorded.write_text(got, encoding="utf-8")
        (args.dir / "extraction.json").write_text(deep, encoding="utf-8")
        import auditlint

        print(f"recorded {recorded}: {summary} (auditlint from {Path(auditlint.__file__).parent})")
        return
    if not recorded.is_file():
        sys.exit(f"nothing recorded at {recorded}: run `python bench/golden.py record` first")
    want = recorded.read_text(encoding="utf-8")
    want_deep = json.loads((args.dir / "extraction.json").read_text(encoding="utf-8"))
    changed = sorted(name for name, digest in json.loads(deep).items() if want_deep.get(name) != digest)
    if want == got and not changed:
        import auditlint

        print(f"identical: {summary}; extraction identical in {len(want_deep)} files"
              f" (auditlint from {Path(auditlint.__file__).parent})")
        return
    if changed:
        print(f"extraction differs in {len(changed)} files: {', '.join(changed[:20])}")
    (args.dir / "latest.json").write_text(got, encoding="utf-8")
    diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "recorded", "now", lineterm="", n=2)
    for i, line in enumerate(diff):
        if i >= 80:
            print("… (see the whole of it: diff", recorded, args.dir / "latest.json", ")")
            break
        print(line)
    print(f"DIFFERENT: {summary}")
    sys.exit(1)


if __name__ == "__main__":
    main()
