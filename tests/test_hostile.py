"""Hostile and broken inputs: every one ends as its own record, the real reports beside them are still checked.

The tests build the hostile folder themselves (nothing hostile is checked in) and run
the installed command on it in a child process, the way an auditor would run it on an
archive: in parallel, with a file-size limit, to the end, in bounded time.
"""

from __future__ import annotations

import codecs
import importlib.util
import io
import json
import os
import random
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from auditlint import runner, sources
from auditlint.api import check_bytes, check_path
from auditlint.config import Config

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WRONG = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。"
BODY = "一、收入支出决算总体情况说明\n2023年度收入总计474.49万元。\n" + WRONG + "\n"
MAX_SIZE = 8 * 1024 * 1024

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<html><body><p>&lol9;&xxe;</p><p>""" + WRONG + """</p></body></html>
"""

# name -> what the record must be: an error code, or "findings" (read and checked, CHG001 found)
EXPECTED = {
    "empty.txt": "not-a-disclosure",
    "blank.txt": "not-a-disclosure",
    "scan.txt": "unreadable",  # a PNG saved as .txt
    "renamed-zip.txt": "unreadable",
    "latin1.txt": "encoding",
    "gb18030.txt": "findings",
    "utf16-no-bom.txt": "findings",
    "utf16-bom.txt": "findings",
    "mixed-endings.txt": "findings",
    "truncated-download.txt": "findings",  # cut inside its last character
    "one-5mb-line.txt": "findings",
    "too-large.txt": "too-large",
    "self-loop.txt": "unreadable",  # a symbolic link to itself
    "dangling.txt": "unreadable",  # a symbolic link to nothing
    "pipe.txt": "unreadable",  # a named pipe: reading it would wait forever
    "entities.html": "findings",  # entity expansion and an external entity: neither followed
    "deep/" + "/".join("d" * 40) + "/deep.txt": "findings",
    "名称 带空格.txt": "findings",
    "real/draft-with-errors.txt": "findings",
    "not-a-zip.docx": "corrupt",
    "truncated.xlsx": "corrupt",
    "not-a-pdf.pdf": "corrupt" if importlib.util.find_spec("pypdfium2") else "unsupported-format",
}


def _truncated_zip() -> bytes:
    """An office package cut off half way, as a failed download leaves it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>" * 200)
        package.writestr("xl/workbook.xml", "<workbook/>" * 200)
    data = buffer.getvalue()
    return data[: len(data) // 2]


def _build(root: Path) -> None:
    def put(name: str, data: bytes) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    put("empty.txt", b"")
    put("blank.txt", b" \r\n\t\n\xe3\x80\x80\n")
    put("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)
    put("renamed-zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + random.Random(6).randbytes(4096) + b"PK\x05\x06" + b"\x00" * 18)
    put("latin1.txt", "Ærøskøbing kommune årsrapport, façade naïve - résumé ".encode("latin-1") * 40)
    put("gb18030.txt", BODY.encode("gb18030"))
    put("utf16-no-bom.txt", BODY.encode("utf-16-le"))
    put("utf16-bom.txt", codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"))
    put("mixed-endings.txt", "第一行\r\n第二行\r第三行\n".encode() + WRONG.encode() + "\r\n末行\r".encode())
    put("truncated-download.txt", (BODY + "其他说明文字").encode()[:-2])
    prose = "本单位严格执行预算管理制度，规范资金使用程序，加强内部控制建设，确保各项资金使用合规、高效。"
    line = prose * 40 + WRONG  # PDF text that lost every line break
    put("one-5mb-line.txt", (line * (5 * 1024 * 1024 // len(line.encode()) + 1)).encode()[: 5 * 1024 * 1024].rsplit("。".encode(), 1)[0])
    with open(root / "too-large.txt", "wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_SIZE + 1)
    os.symlink("self-loop.txt", root / "self-loop.txt")
    os.symlink("nowhere/at-all.txt", root / "dangling.txt")
    os.mkfifo(root / "pipe.txt")
    put("entities.html", BILLION_LAUGHS.encode())
    put("deep/" + "/".join("d" * 40) + "/deep.txt", BODY.encode())
    put("名称 带空格.txt", BODY.encode())
    put("not-a-zip.docx", "这是一个改了扩展名的文本文件".encode())
    put("truncated.xlsx", _truncated_zip())
    put("not-a-pdf.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 16)
    (root / "real").mkdir()
    shutil.copy(EXAMPLES / "draft-with-errors.txt", root / "real" / "draft-with-errors.txt")
    os.symlink("..", root / "real" / "loop")  # a folder loop: walked once, never again


@pytest.fixture
def hostile(tmp_path, corpus_seed) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "archive"
    root.mkdir()
    _build(root)
    expected = dict(EXPECTED)
    if corpus_seed is not None:  # a real published report beside the hostile files
        shutil.copy(corpus_seed, root / "real" / "published.txt")
        expected["real/published.txt"] = "findings"
    return root, expected


@pytest.fixture
def corpus_seed() -> Path | None:
    from .conftest import CORPUS

    seed = CORPUS / "seeds" / "003_1c711c4a17857b2b.txt"
    return seed if seed.is_file() else None


def _run(root: Path, jobs: int) -> tuple[int, dict, float]:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "auditlint", "check", "--format", "json", "--isolated",
         "--jobs", str(jobs), "--max-file-size", str(MAX_SIZE), str(root)],
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout), time.monotonic() - started


def test_every_hostile_file_gets_its_record_and_the_real_reports_their_findings(hostile):
    root, expected = hostile
    code, report, seconds = _run(root, jobs=2)
    assert code == 2
    got = {Path(f["path"]).relative_to(root).as_posix(): f for f in report["files"]}
    assert sorted(got) == sorted(expected)  # each input once: no file lost, none doubled by the link loop
    for name, want in expected.items():
        entry = got[name]
        if want == "findings":
            assert entry["error"] is None, (name, entry["error"])
            assert "CHG001" in {f["rule"] for f in entry["findings"]}, name
        else:
            assert entry["error_code"] == want, (name, entry["error_code"], entry["error"])
            assert entry["error"] and not entry["findings"]
    assert report["summary"]["unreadable"] == sum(1 for w in expected.values() if w != "findings")
    assert seconds < 120


def test_the_hostile_run_is_the_same_in_one_process(hostile):
    root, _ = hostile
    code1, serial, _ = _run(root, jobs=1)
    code2, parallel, _ = _run(root, jobs=2)
    assert code1 == code2 == 2
    assert serial == parallel


def test_mixed_line_endings_keep_lines_and_columns(tmp_path):
    path = tmp_path / "m.txt"
    path.write_bytes("第一行\r\n第二行\r第三行\n".encode() + WRONG.encode() + "\r\n末行\r".encode())
    [finding] = [f for f in check_path(str(path), Config()).findings if f.rule == "CHG001"]
    assert (finding.line, finding.column) == (4, WRONG.index("下降") + 1)
    assert finding.evidence == "下降93.4%"


def test_entities_are_never_expanded_or_fetched():
    data = BILLION_LAUGHS.encode()
    document = sources.read_bytes("e.html", data)
    assert document.text == data.decode()  # the text is the file's own, character for character
    assert "lollol" not in document.content and "root:" not in document.content
    assert len(document.content) == len(document.text)


def test_a_file_that_vanishes_before_its_turn(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    paths = runner.discover([str(tmp_path)]).files
    (tmp_path / "b.txt").unlink()
    results = list(runner.check_files(paths, Config()))
    assert [r.error_code for r in results] == [None, "unreadable", None]
    assert "删除" in results[1].error


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: refuse the open the way the kernel would

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(sources, "open", refuse, raising=False)
    else:
        path.chmod(0)
    result = check_path(str(path), Config())
    assert result.error_code == "unreadable" and "权限" in result.error


def test_any_reader_exception_becomes_an_error_record(monkeypatch):
    from auditlint import api

    def corrupt_reader(name, data):
        raise KeyError("word/document.xml")  # what a zip reader says of a truncated .docx

    monkeypatch.setattr(api, "read_bytes", corrupt_reader)
    result = check_bytes("report.docx", b"PK\x03\x04", Config())
    assert result.error_code == "internal-error" and "KeyError" in result.error


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(BODY * 100, encoding="utf-8")
    result = check_path(str(path), Config(max_file_size=1000))
    assert result.error_code == "too-large"
    assert "超过上限 1000 字节" in result.error and "--max-file-size" in result.error
    assert check_bytes("big.txt", (BODY * 100).encode(), Config(max_file_size=1000)).error_code == "too-large"
