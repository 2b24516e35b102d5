"""Every Scan in the code base finds exactly what its pattern's finditer finds: what it says of the pattern holds."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import auditlint
from auditlint.plugins import builtin_rules_package
from auditlint.scan import Scan

from .conftest import CORPUS


def _all_scans() -> dict[str, Scan]:
    found: dict[str, Scan] = {}
    for package in (auditlint, builtin_rules_package()):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue  # runs the command
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, Scan):
                    found[f"{info.name}.{name}"] = value
    return found


SCANS = _all_scans()
GENERIC = list("\n \u3000，,。；;：:、（）()“”0123456789.%-aXＸ中文年元")


def _pieces(scan: Scan) -> list[str]:
    """What texts are made of: the pattern's own words and characters, and some that end or break a match."""
    source = scan.pattern.pattern + scan.starts + scan.outside + scan.anchor
    words = re.findall(r"[\u4e00-\u9fff]{2,}", source)
    return sorted(set(words) | set(source) | set(GENERIC))


def _same(scan: Scan, text: str, pos: int = 0) -> None:
    want = [(m.span(), m.groups()) for m in scan.pattern.finditer(text, pos)]
    got = [(m.span(), m.groups()) for m in scan.finditer(text, pos)]
    assert got == want
    first, found = scan.pattern.search(text, pos), scan.search(text, pos)
    assert (first and (first.span(), first.groups())) == (found and (found.span(), found.groups()))


def test_the_code_base_has_scans():
    assert len(SCANS) >= 5, sorted(SCANS)


@pytest.mark.parametrize("name", sorted(SCANS))
def test_a_scan_finds_what_finditer_finds(name):
    scan = SCANS[name]

    # texts of the pattern's own words and characters, with matches of it written in among them
    piece = st.one_of(st.sampled_from(_pieces(scan)), st.from_regex(scan.pattern, fullmatch=True))

    @given(st.lists(piece, max_size=40).map("".join), st.integers(0, 8))
    def check(text: str, pos: int) -> None:
        _same(scan, text)
        _same(scan, text, min(pos, len(text)))  # from a position on, as a paragraph's text after its marker

    check()


@pytest.mark.parametrize("name", sorted(SCANS))
def test_a_scan_finds_what_finditer_finds_in_the_rule_examples_and_the_corpus(name):
    from auditlint.engine import load_rules

    texts = [e for r in load_rules(plugins=False).values() for examples in r.examples().values() for e in examples]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("seeds/*.txt"))]
    for text in texts:
        _same(SCANS[name], text)


def test_a_sparse_scan_tries_the_pattern_at_each_character_of_its_class_and_finds_what_finditer_finds():
    # a lookbehind before the first character, overlapping candidates, a match running over the next candidate
    pattern = re.compile(r"(?<!不)(?:其中|其他|包括[^，]*)|主要")
    scan = Scan(pattern, starts="[其包主]", sparse=True)
    for text in ("不其中其中，包括甲其他乙，不包括丙主要", "其其中包括其中主要", "", "中文" * 40 + "其中", "不主要主要不其他"):
        _same(scan, text)
        for pos in range(len(text) + 1):
            _same(scan, text, pos)


def test_a_scan_takes_one_way_of_looking():
    with pytest.raises(ValueError):
        Scan(re.compile("a"), outside="[b]", anchor="a", sparse=True)
    with pytest.raises(ValueError):
        Scan(re.compile("a"), starts="[a]", outside="[b]", anchor="a")
    with pytest.raises(ValueError):
        Scan(re.compile("a"), outside="[b]")
