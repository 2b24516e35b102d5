"""The Python API a distributed engine maps over documents: pure, picklable, the same answer anywhere."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import auditlint
from auditlint.config import Config
from auditlint.model import FileResult

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _inputs() -> list[tuple[str, bytes]]:
    docs = [(p.name, p.read_bytes()) for p in sorted(EXAMPLES.iterdir())]
    return docs + [("empty.txt", b""), ("scan.txt", bytes(range(256)) * 8)]


def _dump(result: FileResult) -> str:
    return result.model_dump_json(exclude={"seconds"})


def test_check_bytes_is_exported_lazily_and_returns_a_file_result():
    name, data = _inputs()[1]
    result = auditlint.check_bytes(name, data, Config())
    assert isinstance(result, FileResult) and result.path == name and result.findings


def test_inputs_and_results_survive_pickling():
    config = Config(select=("CHG", "SUM"), ignore=("SUM001",), max_file_size=10_000_000)
    assert pickle.loads(pickle.dumps(config)) == config
    for name, data in _inputs():
        result = auditlint.check_bytes(name, data, config)
        again = pickle.loads(pickle.dumps(result))
        assert again == result
        assert _dump(again) == _dump(result)


def test_the_same_input_gives_the_same_result_and_changes_nothing():
    config = Config()
    before = config.model_dump()
    for name, data in _inputs():
        copy = bytes(data)
        first = auditlint.check_bytes(name, data, config)
        second = auditlint.check_bytes(name, data, config)
        assert _dump(first) == _dump(second)
        assert data == copy
    assert config.model_dump() == before


def test_results_do_not_depend_on_what_was_checked_before():
    inputs = _inputs()
    forward = {name: _dump(auditlint.check_bytes(name, data)) for name, data in inputs}
    backward = {name: _dump(auditlint.check_bytes(name, data)) for name, data in reversed(inputs)}
    assert forward == backward


def test_threads_get_the_answers_one_thread_gets():
    inputs = _inputs() * 4
    alone = [_dump(auditlint.check_bytes(n, d)) for n, d in inputs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda item: _dump(auditlint.check_bytes(*item)), inputs))
    assert together == alone


def _remote(item: tuple[str, bytes, Config]) -> bytes:
    name, data, config = item
    return pickle.dumps(auditlint.check_bytes(name, data, config))


def test_a_fresh_interpreter_gets_the_same_answers():
    """What a Dask or Ray worker does: import auditlint afresh, unpickle the task, pickle the result."""
    config = Config(fail_on="error")
    inputs = _inputs()
    local = [_dump(auditlint.check_bytes(n, d, config)) for n, d in inputs]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        remote = [_dump(pickle.loads(blob)) for blob in pool.map(_remote, [(n, d, config) for n, d in inputs])]
    assert remote == local


def test_check_path_reads_what_check_bytes_is_given(tmp_path):
    for name, data in _inputs():
        path = tmp_path / name
        path.write_bytes(data)
        by_path = auditlint.check_path(path).model_dump(exclude={"seconds", "path"}, mode="json")
        by_bytes = auditlint.check_bytes(str(path), data).model_dump(exclude={"seconds", "path"}, mode="json")
        assert by_path == by_bytes


def test_a_figure_keeps_its_kind_through_copies_and_pickling_and_never_writes_it_out():
    """Quantity.kind is a slot set when the figure is made (not a field): it must follow the unit through
    model_copy, replace and pickling, and stay out of equality and of every figure written out."""
    import dataclasses
    from decimal import Decimal

    from auditlint.model import ChangeClaim, Quantity

    q = Quantity(start=3, end=9, value=Decimal("12.50"), unit="万元", places=2, text="12.50万元")
    assert q.kind == "money"
    assert q.model_copy(update={"unit": "%"}).kind == "percent"
    assert dataclasses.replace(q, unit="").kind == "number"
    assert dataclasses.replace(q, unit="人").kind == "count"
    again = pickle.loads(pickle.dumps(q))
    assert again == q and again.kind == "money" and hash(again) == hash(q)
    assert "kind" not in [f.name for f in dataclasses.fields(q)]
    # its ranges are worked out once and kept the same way: a copy with another unit or precision has its own
    assert q.yuan == (Decimal("124950.00"), Decimal("125050.00")) and q.yuan is q.yuan
    assert dataclasses.replace(q, unit="元").yuan == (Decimal("12.495"), Decimal("12.505"))
    assert q.model_copy(update={"places": 1}).interval == (Decimal("12.45"), Decimal("12.55"))
    assert pickle.loads(pickle.dumps(q)).yuan == q.yuan
    claim = ChangeClaim(start=3, end=9, current=q)
    assert '"kind":"money"' not in claim.model_dump_json()
    assert "kind" not in claim.model_dump()["current"]
