"""The real reports in every combination of the layouts PDF extraction gives them: prose, table cells, page marks.

    python bench/layout_matrix.py [--seed N]

Each of the shared corpus's real reports (corpus/real/*.txt) is rendered with its prose as it is, letter-spaced,
with units wrapped away or with figures spaced (bench/mutation_layouts.py), its table cells parted by spaces, tabs
or padding, and its pages marked by form feeds, a running head, "第 N 页 共 M 页", a blank line or nothing
(tests/test_page_layouts.py), and checked. Every combination should give the findings the report gives as it is
(rule and evidence, blanks ignored; TAB008 left out where pages are not marked, since a table cut by its header
repeated on every page then loses a name note). Prints each combination that differs and a count. Not part of the
test suite (6 reports x 60 combinations: a few minutes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from mutation_layouts import CORPUS, plan  # noqa: E402

from tests.test_page_layouts import VARIANTS  # noqa: E402
from tests.test_page_layouts import _findings as findings  # noqa: E402  (rule and evidence, blanks ignored)

PROSE = (None, "spaced", "split-units", "spaced-figures")
TABLES = (None, "tab-rows", "wide-rows")
PAGES = ("form feeds", *VARIANTS)
UNMARKED = ("blank lines", "no marks")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    reports = sorted((CORPUS / "real").glob("*.txt"))
    if not reports:
        raise SystemExit(f"{CORPUS / 'real'} 中没有真实报告")
    combos = differ = 0
    for path in reports:
        text = path.read_text(encoding="utf-8")
        base = findings(path.name, text)
        for prose in PROSE:
            with_prose = plan(prose, text, args.seed).render(text)[0] if prose else text
            for table in TABLES:
                with_table = plan(table, with_prose, args.seed).render(with_prose)[0] if table else with_prose
                for page in PAGES:
                    rendered = with_table if page == "form feeds" else VARIANTS[page](with_table)
                    got, want = findings(path.name, rendered), base
                    if page in UNMARKED:
                        got = [f for f in got if f[0] != "TAB008"]
                        want = [f for f in want if f[0] != "TAB008"]
                    combos += 1
                    if got != want:
                        differ += 1
                        lost, new = sorted(set(want) - set(got)), sorted(set(got) - set(want))
                        print(f"{path.name}: prose {prose or 'as is'}, cells {table or 'spaces'}, pages {page}: lost {lost[:3]} new {new[:3]}")
    print(f"{combos} combinations of {len(reports)} reports; {differ} give other findings than the report as it is")


if __name__ == "__main__":
    main()
