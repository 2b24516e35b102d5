"""run_rules(trace=True): per claim and rule, whether it holds, fails (with its findings) or is not assessable."""

from __future__ import annotations

from pathlib import Path

from auditlint.engine import Assessed, Issue, NotAssessable, Rule, load_rules, run_rules
from auditlint.extract import extract
from auditlint.model import Severity
from auditlint.sources import read_bytes


def _run(text: str, trace: bool):
    doc = read_bytes("report.txt", text.encode())
    return run_rules(extract(doc), load_rules().values(), trace=trace)


def test_tracing_does_not_change_the_findings_or_the_counts():
    text = (Path(__file__).resolve().parent.parent / "examples" / "draft-with-errors.txt").read_text(encoding="utf-8")
    plain, traced = _run(text, False), _run(text, True)
    assert [f.model_dump() for f in plain.findings] == [f.model_dump() for f in traced.findings]
    assert plain.claims == traced.claims
    assert plain.outcomes == [] and traced.outcomes


def test_a_list_that_does_not_add_up_fails_on_the_claims_that_broke_it():
    # the budget and the final amounts of one list: only the budgets miss their total, and the rule
    # assesses both before it reports
    text = "基本支出预算100.00万元，决算90.00万元，其中：人员经费预算60.00万元，决算50.00万元；公用经费预算45.00万元，决算40.00万元。"
    outcomes = {o.claim.measure: o for o in _run(text, True).outcomes if o.rule == "SUM001"}
    assert outcomes["budget"].status == "fails" and outcomes["budget"].findings
    assert outcomes["value"].status == "holds" and not outcomes["value"].findings


def test_one_wrong_cell_fails_every_sum_it_breaks_with_its_one_finding():
    text = "单位：万元\n项目 | 基本支出 | 项目支出 | 合计\nA | 11.00 | 5.00 | 15.00\nB | 20.00 | 5.00 | 25.00\n合计 | 30.00 | 10.00 | 40.00\n"
    run = _run(text, True)
    [finding] = run.findings
    failing = [o for o in run.outcomes if o.status == "fails"]
    assert {o.claim.what for o in failing} == {"“合计”列应等于“基本支出”、“项目支出”之和", "“合计”行应等于其上各项之和"}
    assert all(o.findings == [finding] for o in failing)


def test_a_unit_slip_fails_the_claim_it_was_found_in():
    text = "本年支出合计9,964,644.70元，其中：基本支出7,000,000.00元，项目支出2,964,644.70万元。"
    [slip] = [o for o in _run(text, True).outcomes if o.rule == "UNIT001"]
    assert slip.status == "fails" and slip.claim.kind == "sum"


def _rule(check) -> Rule:
    return Rule(id="ZZZ001", name="made-up", severity=Severity.ERROR, summary="", doc="", fixable=False, check=check)


def test_a_finding_is_about_the_claim_assessed_just_before_it_or_the_claims_it_names():
    d = extract(read_bytes("report.txt", "A增加1.00万元，增长10.0%。B增加2.00万元，增长20.0%。C增加3.00万元，增长30.0%。".encode()))
    first, second, third = d.claims[:3]

    def check(doc):
        yield Assessed(first)
        yield Assessed(second)
        yield Issue(start=second.start, end=second.end, message="second")
        yield NotAssessable(third, "缺少上年数")
        yield Issue(start=0, end=1, message="about the document")
        yield Issue(start=first.start, end=first.end, message="named", claims=(first, third))

    run = run_rules(d, [_rule(check)], trace=True)
    by_claim = {id(o.claim): o for o in run.outcomes}
    assert [f.message for f in by_claim[id(second)].findings] == ["second"]
    assert by_claim[id(first)].status == "fails" and [f.message for f in by_claim[id(first)].findings] == ["named"]
    assert by_claim[id(third)].status == "fails" and by_claim[id(third)].reason == ""
    assert len(run.findings) == 3  # the one about the document is kept, and belongs to no claim
    assert all(f.message != "about the document" for o in run.outcomes for f in o.findings)


def test_a_rule_that_breaks_leaves_no_outcomes():
    d = extract(read_bytes("report.txt", "A增加1.00万元，增长10.0%。".encode()))

    def check(doc):
        yield Assessed(doc.claims[0])
        raise RuntimeError("boom")

    run = run_rules(d, [_rule(check)], trace=True)
    assert run.outcomes == [] and [e.rule for e in run.errors] == ["ZZZ001"]
