"""A brief run of the fuzzer (tests/fuzzing.py): the catalogue of targeted mutations and a few hundred
random ones, in every format, each ending as findings or a clear record. bench/fuzz.py runs it longer."""

from __future__ import annotations

import pytest

from auditlint.model import Document, FileResult, InternalError

from . import fuzzing


def _report(failures: list[fuzzing.Failure]) -> str:
    return "\n".join(f"{f.name} ({len(f.data)} bytes): {f.what}" for f in failures[:20])


def test_every_targeted_mutation_ends_as_findings_or_a_clear_record():
    failures = fuzzing.run(seed=0, count=0)
    assert not failures, _report(failures)


@pytest.mark.parametrize("seed", [1, 2])
def test_random_mutations_in_every_format_end_as_findings_or_a_clear_record(seed):
    failures = fuzzing.run(seed=seed, count=120, targeted=False)
    assert not failures, _report(failures)


def test_the_fuzzer_covers_every_format_and_is_repeatable():
    names = {name for name, _ in fuzzing.inputs(1, 120)}
    assert {"report.txt", "report.html", "report.docx", "report.xlsx"} <= names
    assert [d for _, d in fuzzing.inputs(7, 20)] == [d for _, d in fuzzing.inputs(7, 20)]


def test_the_invariants_catch_what_they_look_for(monkeypatch):
    def answer(result):
        monkeypatch.setattr(fuzzing, "check_bytes", lambda name, data, config=None, keep_document=False: result)
        return [f.what for f in fuzzing.problems("a.txt", b"x", formats=())]

    assert answer(FileResult(path="a.txt", error="内部错误", error_code="internal-error")) == ["internal-error: 内部错误"]
    assert answer(FileResult(path="a.txt", internal_errors=[InternalError(rule="SUM001", message="规则出错")])) == ["rule failed: 规则出错"]
    expanded = Document(path="a.txt", format="text", text=fuzzing.EXPANDED, content=fuzzing.EXPANDED)
    assert answer(FileResult(path="a.txt", document=expanded)) == ["an entity of a DTD was expanded"]

    def raising(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(fuzzing, "check_bytes", raising)
    assert fuzzing.problems("a.txt", b"x")[0].what == "check_bytes raised ValueError: boom"
