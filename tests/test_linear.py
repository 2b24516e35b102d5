"""Hostile text is checked to the end: each input is an eighth of a megabyte — enough that anything
quadratic (or worse) in extraction would take minutes — and is checked in a worker with a per-file
time limit, so a regression fails this test (the file timed out) instead of hanging the suite.

How the time grows is measured by the benchmarks, not here: bench/growth.py (each adversarial
text at 10 KB, 100 KB and 1 MB, the ratio per 10×) and bench/bench.py (hostile text at a megabyte
against a normal report of the size).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint import runner
from auditlint.config import Config

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SIZE = 128 * 1024
LIMIT = 60.0  # seconds a file may take: a normal report of this size takes well under one

HOSTILE = {
    "digits-and-commas": "1234567,890,12,3456,7,",
    "grouped-digits": "1,234,567,890,123,456,",
    "percent-signs": "%",
    "percentages": "12.5%",
    "fullwidth-commas-between-digits": "1，2，3，",
    "qizhong": "其中：",
    "qizhong-with-amounts": "其中：经费1.00万元，",
    "nested-brackets": "（（（（[[[[((((",
    "balanced-brackets": "（（（（(((())))））））",
    "place-names": "市" * 60 + "1元",
    "unclosed-comments": "<!--",
    "unclosed-scripts": "<script ",
    "changes-without-end": "增加1元，",
    "changes-and-rates": "比上年增加1.00万元增长1.0%",
    "reasons-without-cause": "原因是",
    "shares-of-bases": "占1元的",
    "connectors-before-figures": "的" * 300 + "x1元",
    "one-line-list": "收入合计1,234.56万元，其中：财政拨款1,000.00万元，占81.0%；比上年增加10.00万元，增长1.0%。",
    "lines-of-figures": "1\n",
}


def _fill(unit: str) -> bytes:
    data = (unit * (SIZE // len(unit.encode()) + 1)).encode()[:SIZE]
    return data.decode("utf-8", errors="ignore").encode()


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("hostile-text")
    normal = "".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    paths = [folder / "normal.txt"]
    paths[0].write_bytes(_fill(normal))
    for name, unit in HOSTILE.items():
        (folder / f"{name}.txt").write_bytes(_fill(unit))
        paths.append(folder / f"{name}.txt")
    checked = runner.check_files([str(p) for p in paths], Config(), jobs=2, limit=lambda path: LIMIT)
    return {Path(r.path).stem: r for r in checked}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_checked_to_the_end(results, name):
    result = results[name]
    assert result.error is None, f"{name}: {result.error_code}: {result.error}"
    assert results["normal"].error is None
