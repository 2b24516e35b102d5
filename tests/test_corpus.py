"""The real documents of the shared corpus are regression tests (skipped when it is absent)."""

import pytest

from auditlint.api import check_path


def found(corpus, name_prefix):
    [path] = sorted((corpus / "seeds").glob(f"{name_prefix}_*.txt"))
    result = check_path(path)
    assert result.error is None
    return {(f.rule, f.line) for f in result.findings}, result


@pytest.mark.parametrize(
    "seed, rule, line",
    [
        ("003", "CHG001", 267),  # 下降 93.4% for a 15.8% fall
        ("003", "SUM001", 116),  # 类 budgets add to 413.26, not 400.46
        ("003", "EXE002", 152),  # 大小于
        ("003", "EXE002", 165),
        ("003", "PCT001", 304),  # 264.02 cannot be 100% of 232.15
        ("003", "CHG005", 247),  # reason for a decrease of a zero change
        ("003", "UNIT002", 1022),  # 10 万 without 元
        ("003", "FMT001", 1059),  # ６万
        ("004", "CHG003", 65),  # 减少-97,121.12元
        ("004", "CHG003", 67),
        ("004", "FMT001", 65),  # 478，297.24
        ("004", "SUM001", 69),  # 款 increases add to 1,128,215.39
        ("004", "SUM001", 92),  # economic classes add to 9,017,122.40
        ("004", "CHG002", 94),  # 减少 for an increase
        ("004", "SUM001", 110),  # 三公 budget 4,732.14 vs 3,644.14
        ("004", "SUM001", 122),
        ("004", "SUM001", 220),  # 178 vs 187 awards
        ("004", "PCT001", 245),  # 10.60% for 10.56%
        ("004", "EXE001", 246),  # 执行率 114%
        ("004", "UNIT001", 362),  # 11,492,964.29万元
        ("004", "UNIT002", 43),
        ("004", "CHG005", 73),
    ],
)
def test_known_defects_are_found(corpus, seed, rule, line):
    hits, _ = found(corpus, seed)
    assert (rule, line) in hits


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_reports_without_arithmetic_defects_stay_quiet(corpus, seed):
    _, result = found(corpus, seed)
    arithmetic = [f for f in result.findings if f.rule[:3] in ("SUM", "PCT", "CHG", "EXE") or f.rule.startswith("UNIT")]
    assert arithmetic == []


def test_claims_are_counted(corpus):
    _, result = found(corpus, "003")
    total = sum(c.found for c in result.claims.values())
    checked = sum(c.checked for c in result.claims.values())
    assert total > 50 and checked > 40
