"""No pathological slowdowns: hostile text takes a bounded multiple of the time a report of its size takes.

Each input is an eighth of a megabyte — enough that anything quadratic (or worse) in
extraction would take minutes — and is checked in a worker with a time limit, so a
regression fails this test instead of hanging it. The benchmark (bench/) measures the
same ratios at a megabyte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint import runner
from auditlint.config import Config

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SIZE = 128 * 1024
BOUND = 20  # times a normal report of the same size (plus half a second): generous, as machines are noisy;
# anything quadratic is hundreds of times slower at this size

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
def timings(tmp_path_factory) -> dict[str, float]:
    folder = tmp_path_factory.mktemp("hostile-text")
    normal = "".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    paths = [folder / "normal.txt"]
    paths[0].write_bytes(_fill(normal))
    for name, unit in HOSTILE.items():
        (folder / f"{name}.txt").write_bytes(_fill(unit))
        paths.append(folder / f"{name}.txt")
    results = list(runner.check_files([str(p) for p in paths], Config(), jobs=2, limit=lambda path: 60.0))
    stuck = [(r.path, r.error) for r in results if r.error_code == "internal-error"]
    assert not stuck, stuck
    return {Path(r.path).stem: r.seconds for r in results}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_checked_in_linear_time(timings, name):
    normal = timings["normal"]
    assert timings[name] <= BOUND * normal + 0.5, f"{name}: {timings[name]:.2f} s, a normal report of the size: {normal:.2f} s"
