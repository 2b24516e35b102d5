"""Where the report goes and how it looks: --format, --output, colour only on a terminal, NO_COLOR."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from auditlint.cli import main
from auditlint.report import FORMATS

DRAFT = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"
# SGR parameters that set a colour (foreground, background, bright); bold alone is not colour
COLOUR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9]+)*m")


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path / "draft.txt"


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_writes_the_report_to_a_file_and_nothing_to_stdout(draft, fmt):
    target = draft.parent / f"report.{fmt}"
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", fmt, "--output", str(target), "draft.txt"])
    assert result.exit_code == 1 and result.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert "CHG001" in written
    if fmt in ("json", "sarif"):
        json.loads(written)
    assert "\x1b[" not in written


def test_colour_only_on_a_terminal_and_never_with_no_color(draft, monkeypatch):
    plain = CliRunner().invoke(main, ["check", "--isolated", "draft.txt"]).stdout
    assert "\x1b[" not in plain  # a pipe: no colour
    monkeypatch.setenv("FORCE_COLOR", "1")  # stands in for a terminal
    coloured = CliRunner().invoke(main, ["check", "--isolated", "draft.txt"]).stdout
    assert COLOUR.search(coloured)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not COLOUR.search(CliRunner().invoke(main, ["check", "--isolated", "draft.txt"]).stdout)


def test_an_output_file_that_cannot_be_written_is_a_usage_error(draft):
    result = CliRunner().invoke(main, ["check", "--isolated", "--output", "no/such/folder/r.json", "draft.txt"])
    assert result.exit_code == 2 and "无法写入输出文件" in result.output


def test_an_unknown_format_is_refused_with_the_choices(draft):
    result = CliRunner().invoke(main, ["check", "--format", "xml", "draft.txt"])
    assert result.exit_code == 2 and "sarif" in result.output and "html" in result.output
