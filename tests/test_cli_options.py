"""The options users of ruff and eslint expect: stdin (-), --exit-zero, --show-settings, exclude and
extend-exclude in the configuration, a severity per rule, --color."""

from __future__ import annotations

import json

from click.testing import CliRunner

from auditlint.api import check_bytes
from auditlint.cli import main
from auditlint.config import Config, ConfigError, build_config

WRONG = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"  # CHG001, an error


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, ["check", *args], input=input)


# ------------------------------------------------------------------ stdin


def test_a_report_read_from_standard_input():
    result = run("--isolated", "--format", "json", "-", input=WRONG)
    assert result.exit_code == 1
    (file,) = json.loads(result.stdout)["files"]
    assert file["path"] == "-" and [f["rule"] for f in file["findings"]] == ["CHG001"]


def test_stdin_filename_names_it_and_picks_the_reader():
    result = run("--isolated", "--format", "concise", "--stdin-filename", "drafts/说明.txt", "-", input=WRONG)
    assert result.stdout.startswith("drafts/说明.txt:1:29: 错误 CHG001")
    html = "<html><body><p>" + WRONG + "</p></body></html>"
    result = run("--isolated", "--format", "json", "--stdin-filename", "说明.html", "-", input=html)
    assert json.loads(result.stdout)["files"][0]["findings"][0]["line"] == 1


def test_stdin_cannot_be_fixed_or_mixed_with_paths(tmp_path):
    assert run("--isolated", "--fix", "-", input=WRONG).exit_code == 2
    assert run("--isolated", "-", str(tmp_path), input=WRONG).exit_code == 2
    assert run("--isolated", "--stdin-filename", "a.txt", str(tmp_path)).exit_code == 2


# ------------------------------------------------------------------ exit codes


def test_exit_zero_reports_findings_and_exits_0(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(WRONG, encoding="utf-8")
    result = run("--isolated", "--exit-zero", str(report))
    assert result.exit_code == 0 and "CHG001" in result.stdout
    unreadable = tmp_path / "old.doc"
    unreadable.write_bytes(b"\xd0\xcf\x11\xe0")
    assert run("--isolated", "--exit-zero", str(report), str(unreadable)).exit_code == 2  # not checked: still 2


# ------------------------------------------------------------------ settings


def _project(tmp_path, toml: str):
    (tmp_path / "auditlint.toml").write_text(toml, encoding="utf-8")
    reports = tmp_path / "reports"
    for rel in ("2023/r.txt", "drafts/d.txt", "2019/old/o.txt"):
        path = reports / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(WRONG, encoding="utf-8")
    return reports


def _paths(result) -> list[str]:
    return sorted(f["path"].split("reports/", 1)[1] for f in json.loads(result.stdout)["files"])


def test_show_settings_names_the_file_the_rules_and_the_settings_and_checks_nothing(tmp_path):
    reports = _project(tmp_path, 'ignore = ["UNIT"]\nexclude = ["drafts"]\n[severity]\nCHG005 = "error"\n[settings.CHG]\ntolerance = 0.1\n')
    result = run("--show-settings", str(reports))
    assert result.exit_code == 0
    out = result.stdout
    assert str(tmp_path / "auditlint.toml") in out
    assert "未选用：UNIT001、UNIT002" in out and "排除" in out and "drafts" in out
    assert "CHG005 → error" in out and "tolerance = 0.1" in out
    assert "  CHG005 reason-contradicts-change error" in out and "  UNIT001" not in out
    assert "设置 CHG：tolerance = 0.1" in out.replace("　", "")
    assert "发现" not in out  # nothing was checked
    assert "无（默认设置）" in run("--isolated", "--show-settings", str(reports)).stdout


def test_exclude_and_extend_exclude_in_the_configuration(tmp_path):
    reports = _project(tmp_path, 'exclude = ["drafts"]\nextend-exclude = ["reports/2019/*"]\n')
    assert _paths(run("--format", "json", str(reports))) == ["2023/r.txt"]
    # a file named on the command line is left out too (as pre-commit names them)
    result = run("--format", "json", str(reports / "drafts" / "d.txt"), str(reports / "2023" / "r.txt"))
    assert _paths(result) == ["2023/r.txt"]
    assert _paths(run("--isolated", "--format", "json", str(reports))) == ["2019/old/o.txt", "2023/r.txt", "drafts/d.txt"]


def test_everything_excluded_is_nothing_to_check(tmp_path):
    reports = _project(tmp_path, 'exclude = ["*.txt"]\n')
    result = run(str(reports))
    assert result.exit_code == 2 and "配置中的 exclude" in result.stderr


def test_a_severity_per_rule_or_family_in_the_configuration():
    config = build_config({"severity": {"CHG": "info", "CHG001": "warning"}})
    (finding,) = check_bytes("r.txt", WRONG.encode(), config).findings
    assert finding.severity.value == "warning"  # the rule id wins over its family
    (lowered,) = check_bytes("r.txt", WRONG.encode(), build_config({"severity": {"CHG": "info"}})).findings
    assert lowered.severity.value == "info"
    assert check_bytes("r.txt", WRONG.encode()).findings[0].severity.value == "error"  # the rule's own, by default


def test_a_lowered_severity_changes_the_exit_code(tmp_path):
    (tmp_path / "auditlint.toml").write_text('fail-on = "warning"\n[severity]\nCHG001 = "info"\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(WRONG, encoding="utf-8")
    result = run("--format", "concise", str(report))
    assert result.exit_code == 0 and ": 提示 CHG001 " in result.stdout


def test_a_bad_severity_or_an_unknown_rule_in_it_is_an_error(tmp_path):
    try:
        build_config({"severity": {"CHG001": "fatal"}})
    except ConfigError as exc:
        assert "severity.CHG001" in str(exc)
    else:
        raise AssertionError("a severity that is not error, warning or info must be refused")
    report = tmp_path / "r.txt"
    report.write_text(WRONG, encoding="utf-8")
    (tmp_path / "auditlint.toml").write_text('[severity]\nNOPE001 = "info"\n', encoding="utf-8")
    result = run(str(report))
    assert result.exit_code == 2 and "severity 中有未知的规则号或前缀 “NOPE001”" in result.output
    assert Config(severity={"CHG001": "info"}).severity_of("CHG001").value == "info"


# ------------------------------------------------------------------ colour


def test_color_always_never_and_auto(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(WRONG, encoding="utf-8")
    assert "\x1b[" in run("--isolated", "--color", "always", str(report)).stdout
    assert "\x1b[" in CliRunner(env={"NO_COLOR": "1"}).invoke(main, ["check", "--isolated", "--color", "always", str(report)]).stdout
    assert "\x1b[" not in run("--isolated", "--color", "never", str(report)).stdout
    assert "\x1b[" not in run("--isolated", str(report)).stdout  # auto: not a terminal
