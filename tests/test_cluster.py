"""The cluster path: an archive checked on a Dask cluster gives the files, order, results and summary of --jobs 1.

The cluster is a LocalCluster of 2 workers in this process (processes=False: worker processes
would take seconds to start; the tasks still go through the scheduler, are pickled with their
bytes and come back out of order). Skipped when the dask extra is not installed.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint import cluster
from auditlint.cli import main
from auditlint.config import Config, ConfigError
from auditlint.report import ReportOptions, render
from auditlint.report.json import file_record

ROOT = Path(__file__).resolve().parent.parent
WRONG = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"
RIGHT = "机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。\n"


def _have(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


needs_dask = pytest.mark.skipif(not _have("distributed"), reason="the dask extra is not installed (pip install '.[dask]')")
needs_pdf = pytest.mark.skipif(not (_have("pypdfium2") and _have("reportlab")), reason="PDF reading and writing need pypdfium2 and reportlab")


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as lc:
        with distributed.Client(lc) as c:
            yield c


def _archive(root: Path) -> Path:
    """Reports of every kind the runner meets: findings, none, HTML, a subfolder, unreadable ones, a PDF."""
    for name in ("draft-with-errors.txt", "clean-final-accounts.txt", "performance-report.html"):
        shutil.copy(ROOT / "examples" / name, root / name)
    (root / "2023").mkdir()
    for name in ("budget-2024.txt", "self-evaluation-2023.txt"):
        shutil.copy(ROOT / "tests" / "data" / name, root / "2023" / name)
    (root / "2023" / "wrong.txt").write_text(WRONG, encoding="utf-8")
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (root / "empty.md").write_text("", encoding="utf-8")
    (root / ".hidden.txt").write_text(WRONG, encoding="utf-8")
    if _have("pypdfium2") and _have("reportlab"):
        from . import pdfgen

        (root / "2023" / "finding.pdf").write_bytes(pdfgen.finding_pdf())
    return root


def _json(args: list[str]) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--isolated", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


def _records(results) -> list[dict]:
    return [file_record(r) for r in results]


# ----------------------------------------------------------------------------- the command line


@needs_dask
def test_scheduler_gives_the_report_of_jobs_1(client, tmp_path):
    archive = str(_archive(tmp_path))
    code_1, jobs_1 = _json([archive, "--jobs", "1"])
    code_d, on_dask = _json([archive, "--scheduler", client.scheduler.address])
    assert on_dask == jobs_1
    assert code_d == code_1 == 2  # findings, and a file that could not be checked (empty; the .doc is not walked)
    paths = [f["path"] for f in on_dask["files"]]
    assert paths[0].endswith("2023/budget-2024.txt") and len(paths) >= 8
    assert on_dask["summary"]["findings"] > 0 and on_dask["summary"]["unreadable"] == 1


@needs_dask
def test_scheduler_text_report_and_exit_code_match(client, tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIGHT, encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(main, ["check", "--isolated", "--color", "never", "--jobs", "1", str(tmp_path)])
    remote = runner.invoke(main, ["check", "--isolated", "--color", "never", "--scheduler", client.scheduler.address, str(tmp_path)])
    assert remote.exit_code == local.exit_code == 1
    assert remote.stdout == local.stdout
    assert "CHG001" in remote.stdout


def test_scheduler_refuses_what_it_cannot_do(tmp_path):
    (tmp_path / "a.txt").write_text(RIGHT, encoding="utf-8")
    runner = CliRunner()
    both = runner.invoke(main, ["check", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2", str(tmp_path)])
    assert both.exit_code == 2 and "--jobs" in both.output
    url = runner.invoke(main, ["check", "s3://bucket/2023/"])
    assert url.exit_code == 2 and "--scheduler" in url.output
    stdin = runner.invoke(main, ["check", "--scheduler", "tcp://127.0.0.1:8786", "-"], input=RIGHT)
    assert stdin.exit_code == 2 and "标准输入" in stdin.output
    fix = runner.invoke(main, ["check", "--scheduler", "tcp://127.0.0.1:8786", "--fix", "memory:///a.txt"])
    assert fix.exit_code == 2 and "--fix" in fix.output


def test_scheduler_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails, as without the extra
    (tmp_path / "a.txt").write_text(RIGHT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--scheduler", "tcp://127.0.0.1:8786", str(tmp_path)])
    assert result.exit_code == 2
    assert "auditlint-cn[dask]" in result.output and "Traceback" not in result.output


@needs_dask
def test_scheduler_that_is_not_there_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(RIGHT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--scheduler", "inproc://nobody-is-here/1/1", str(tmp_path)])
    assert result.exit_code == 2
    assert "无法连接 Dask 调度器" in result.output and "Traceback" not in result.output


# ----------------------------------------------------------------------------- the API


@needs_dask
def test_check_archive_gives_results_and_summary_of_check_files(client, tmp_path):
    from auditlint.report import Summary
    from auditlint.runner import check_files, discover

    archive = str(_archive(tmp_path))
    config = Config(select=("CHG", "SUM", "PCT", "TAB"))
    done = cluster.check_archive(client, [archive], config)
    local = list(check_files(discover([archive]).files, config, jobs=1))
    assert _records(done.results) == _records(local)
    assert done.summary.as_dict() == Summary(local).as_dict()


@needs_dask
def test_urls_are_listed_and_read_by_the_workers(client):
    import fsspec

    fs = fsspec.filesystem("memory")  # one store for this process, and so for its in-process workers
    base = "/auditlint-test/2023"
    files = {"a.txt": WRONG, "sub/b.md": RIGHT, ".hidden.txt": WRONG, "sub/.draft/c.txt": WRONG, "notes.csv": WRONG, "drafts/d.txt": WRONG}
    for rel, text in files.items():
        fs.pipe(f"{base}/{rel}", text.encode("utf-8"))
    try:
        done = cluster.check_archive(client, [f"memory://{base}"], Config(), exclude=["drafts"])
        assert [r.path for r in done.results] == [f"memory://{base}/a.txt", f"memory://{base}/sub/b.md"]
        assert [f.rule for f in done.results[0].findings] == ["CHG001"] and done.results[1].findings == []
        globbed = cluster.check_archive(client, [f"memory://{base}/*.txt", f"memory://{base}/missing.txt"], Config())
        assert [r.path for r in globbed.results] == [f"memory://{base}/a.txt", f"memory://{base}/missing.txt"]
        assert globbed.results[1].error_code == "unreadable" and "不存在" in globbed.results[1].error
        unknown = cluster.check_archive(client, ["nosuchprotocol://x/y/"], Config())
        assert unknown.results[0].error_code == "unreadable" and unknown.summary.unreadable == 1
    finally:
        fs.rm("/auditlint-test", recursive=True)


@needs_dask
@needs_pdf
def test_a_pdf_at_a_url_is_read_by_its_worker(client, tmp_path):
    import fsspec

    from auditlint import check_path

    from . import pdfgen

    local = tmp_path / "finding.pdf"
    local.write_bytes(pdfgen.finding_pdf())
    fs = fsspec.filesystem("memory")
    fs.pipe("/auditlint-pdf/finding.pdf", local.read_bytes())
    try:
        done = cluster.check_archive(client, ["memory:///auditlint-pdf/"], Config(), keep_document=True)
        (result,) = done.results
        expected = check_path(str(local), Config())
        assert result.error is None and result.findings and all(f.page for f in result.findings)
        assert [(f.rule, f.page, f.page_line, f.message) for f in result.findings] == [
            (f.rule, f.page, f.page_line, f.message) for f in expected.findings
        ]
        # the HTML report: the text view from the document the worker sent back; no picture of a page
        # this machine cannot open (the PDF is at a URL)
        page = render("html", done.results, ReportOptions())
        assert '<div class="source">' in page and result.findings[0].message.split("：")[0] in page
    finally:
        fs.rm("/auditlint-pdf", recursive=True)


@needs_dask
def test_order_holds_across_many_small_tasks(client, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "BATCH_FILES", 2)
    for i in range(30):
        (tmp_path / f"r{i:02}.txt").write_text(WRONG if i % 3 == 0 else RIGHT, encoding="utf-8")
    done = cluster.check_archive(client, [str(tmp_path)], Config())
    assert [Path(r.path).name for r in done.results] == [f"r{i:02}.txt" for i in range(30)]
    assert [bool(r.findings) for r in done.results] == [i % 3 == 0 for i in range(30)]


@needs_dask
def test_a_failed_task_costs_only_the_file_that_fails(client, tmp_path, monkeypatch):
    real = cluster._check_batch

    def dies_on_bad(items, *args):
        if any(name.endswith("bad.txt") for name, _ in items):
            raise RuntimeError("worker lost")
        return real(items, *args)

    monkeypatch.setattr(cluster, "_check_batch", dies_on_bad)
    for name in ("a.txt", "bad.txt", "c.txt"):
        (tmp_path / name).write_text(WRONG, encoding="utf-8")
    done = cluster.check_archive(client, [str(tmp_path)], Config())
    assert [Path(r.path).name for r in done.results] == ["a.txt", "bad.txt", "c.txt"]
    assert [r.error_code for r in done.results] == [None, "internal-error", None]
    assert "worker lost" in done.results[1].error and done.results[0].findings and done.results[2].findings


@needs_dask
def test_large_files_and_a_bad_configuration(client, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "SCATTER_BYTES", 10)  # every file sent on its own, as a large PDF is
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "big.txt").write_text(WRONG * 50, encoding="utf-8")
    done = cluster.check_archive(client, [str(tmp_path)], Config(max_file_size=1000))
    assert [r.error_code for r in done.results] == [None, "too-large"]
    with pytest.raises(ConfigError):
        cluster.check_archive(client, [str(tmp_path)], Config(select=("NOPE",)))


@needs_dask
def test_a_lost_scheduler_stops_the_run_with_its_reason(client, tmp_path, monkeypatch):
    def lost(self, tasks):
        raise cluster.ClusterError("与 Dask 调度器的连接已断开：CommClosedError: in <closed TCP>")

    monkeypatch.setattr(cluster._Run, "settle", lost)
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(WRONG, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--scheduler", client.scheduler.address, str(tmp_path)])
    assert result.exit_code == 2
    assert "与 Dask 调度器的连接已断开" in result.stderr and "检查未完成" in result.stderr and "Traceback" not in result.output


XDOC_2023 = "上海市示例区文化馆2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度收入支出总计1,236.50万元。\n"
XDOC_2024 = ("上海市示例区文化馆2024年度部门决算\n一、收入支出决算总体情况说明\n"
             "2024年度收入支出总计1,358.20万元。与2023年度相比，收入支出总计增加131.70万元，增长10.7%。\n")


@needs_dask
def test_the_reports_are_held_against_each_other_after_the_cluster_as_after_the_runner(client, tmp_path):
    (tmp_path / "2023-决算.txt").write_text(XDOC_2023, encoding="utf-8")
    (tmp_path / "2024-决算.txt").write_text(XDOC_2024, encoding="utf-8")
    code_1, jobs_1 = _json([str(tmp_path), "--jobs", "1"])
    code_d, on_dask = _json([str(tmp_path), "--scheduler", client.scheduler.address])
    assert on_dask == jobs_1 and code_d == code_1 == 1
    assert [f["rule"] for f in on_dask["cross"]["findings"]] == ["XDOC001"]
    done = cluster.check_archive(client, [str(tmp_path)], Config())
    assert [f.rule for f in done.cross.findings] == ["XDOC001"]
    assert done.summary.as_dict() == on_dask["summary"]
    alone = cluster.check_archive(client, [str(tmp_path / "2024-决算.txt")], Config())
    assert alone.cross is None and alone.results[0].facts is None  # one file: nothing to compare, no facts read
