"""bench/accuracy.py: the scorer's printout read, findings joined with their adjudications, the README table."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS

BENCH = Path(__file__).resolve().parent.parent / "bench"
_spec = importlib.util.spec_from_file_location("accuracy", BENCH / "accuracy.py")
accuracy = sys.modules["accuracy"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)

PRINTOUT = "\n".join([
    "kind        found/gold",
    "  change     1/2",
    "",
    "missed:",
    "  x-02       b.txt:9 [change] '下降 4.35%' — …",
    "",
    "findings that match no gold item (false positive, or a defect the gold missed):",
    "  a.txt:12 SUM001 与其组成部分之和不符",
    "  b.txt:30 DOC001 编号跳跃",
    "  b.txt:31 TAB008 ",  # a finding without a message
    "recall=0.50 (1/2) unmatched=3 files=2 errors=0",
])


def entry(**kw) -> str:
    return json.dumps({"doc": "a.txt", "line": 12, "rule": "SUM001", "verdict": False, "reason": "the share read as an amount", **kw})


def test_the_scorers_printout_is_read():
    score = accuracy.parse_score(PRINTOUT)
    assert (score.found, score.known) == (1, 2)
    assert score.unmatched == [("a.txt", 12, "SUM001", "与其组成部分之和不符"), ("b.txt", 30, "DOC001", "编号跳跃"), ("b.txt", 31, "TAB008", "")]


def test_a_printout_that_lists_fewer_findings_than_it_counts_is_refused():
    with pytest.raises(ValueError, match="unmatched"):
        accuracy.parse_score(PRINTOUT.replace("unmatched=3", "unmatched=4"))
    with pytest.raises(ValueError, match="summary"):
        accuracy.parse_score("kind found/gold\n")


def test_findings_are_joined_with_their_adjudications_and_counted(tmp_path):
    path = tmp_path / "adjudication.jsonl"
    path.write_text(entry() + "\n" + entry(doc="b.txt", line=31, rule="TAB008", verdict=True, reason="gold x-05 (info)") + "\n", encoding="utf-8")
    row = accuracy.join("real/", 2, 10, accuracy.parse_score(PRINTOUT), accuracy.load_adjudications(path))
    assert row.matched == 7 and [a.rule for a in row.confirmed] == ["TAB008"] and [a.rule for a in row.false] == ["SUM001"]
    assert row.unadjudicated == [("b.txt", 30, "DOC001", "编号跳跃")]
    assert row.real_share == "0.80"  # 7 matched and 1 confirmed of 10
    assert accuracy.table([row]).splitlines()[-1] == "| real/ (2 reports) | 1 / 2 | 10 | 7 | 1 | 1 | 1 | 0.80 |"


@pytest.mark.parametrize(
    "line, error",
    [
        (entry(reason=""), "reason"),
        (entry(verdict="yes"), "true or false"),
        (entry(verdict=True, pending=True), "pending"),
        ('{"doc": "a.txt"}', "not an adjudication"),
        (entry() + "\n" + entry(), "twice"),
    ],
)
def test_a_wrong_adjudication_names_its_line(tmp_path, line, error):
    path = tmp_path / "adjudication.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        accuracy.load_adjudications(path)


def test_the_checked_in_adjudications_are_well_formed():
    entries = accuracy.load_adjudications(accuracy.ADJUDICATION)
    assert entries and all(len(a.reason) < 400 for a in entries.values())


SCORER = CORPUS.parent / "tools" / "score.py"


@pytest.mark.skipif(not SCORER.is_file(), reason=f"the team's scorer is not at {SCORER}")
def test_an_unadjudicated_finding_makes_it_exit_1(tmp_path):
    corpus = tmp_path / "corpus"
    for folder in ("seeds", "real"):
        (corpus / folder).mkdir(parents=True)
    (corpus / "gold").mkdir()
    (corpus / "seeds" / "s.txt").write_text("机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n", encoding="utf-8")
    gold = {"id": "s-1", "doc": "s.txt", "line": 1, "quote": "下降93.4%", "kind": "change", "severity": "error"}
    (corpus / "gold" / "seeds.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    (corpus / "real" / "r.txt").write_text("一、收入\n本年收入合计10.00万元。\n三、支出\n", encoding="utf-8")
    (corpus / "gold" / "real.jsonl").write_text("", encoding="utf-8")
    adjudication = tmp_path / "adjudication.jsonl"
    adjudication.write_text("", encoding="utf-8")
    command = [sys.executable, str(BENCH / "accuracy.py"), "--score", str(SCORER), "--corpus", str(corpus), "--adjudication", str(adjudication)]
    first = subprocess.run(command, capture_output=True, text=True)
    assert first.returncode == 1, first.stderr
    assert "| seeds (1 reports) | 1 / 1 | 1 | 1 | 0 | 0 | 0 | 1.00 |" in first.stdout
    assert "r.txt:3 DOC001" in first.stdout
    adjudication.write_text(entry(doc="r.txt", line=3, rule="DOC001", verdict=True, reason="二、 is missing") + "\n", encoding="utf-8")
    second = subprocess.run(command, capture_output=True, text=True)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "| real/ (1 reports) | 0 / 0 | 1 | 0 | 1 | 0 | 0 | 1.00 |" in second.stdout
