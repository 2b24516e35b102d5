"""Configuration typos are errors in the API as on the command line, and suppression comments are checked:
a code that names no rule (SUP001) and a comment that silences nothing (SUP002) are findings."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from auditlint.api import check_bytes, check_path
from auditlint.cli import main
from auditlint.config import Config, ConfigError

WRONG = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"  # CHG001
RIGHT = "机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。\n"


@pytest.mark.parametrize(
    ("config", "option"),
    [
        (Config(select=("NOPE",)), ["--select", "NOPE"]),
        (Config(ignore=("CHG999",)), ["--ignore", "CHG999"]),
        (Config(extend_select=("XYZ",)), ["--extend-select", "XYZ"]),
    ],
)
def test_an_unknown_rule_in_the_api_is_the_error_the_command_line_gives(tmp_path, config, option):
    report = tmp_path / "r.txt"
    report.write_text(WRONG, encoding="utf-8")
    with pytest.raises(ConfigError) as api_error:
        check_bytes("r.txt", WRONG.encode(), config)
    with pytest.raises(ConfigError):
        check_path(report, config)
    cli = CliRunner().invoke(main, ["check", "--isolated", *option, str(report)])
    assert cli.exit_code == 2 and str(api_error.value) in cli.output
    assert "运行 auditlint rules 查看全部规则" in str(api_error.value)


def test_unknown_settings_and_per_file_ignores_fail_in_the_api_too():
    with pytest.raises(ConfigError, match="per-file-ignores"):
        check_bytes("r.txt", WRONG.encode(), Config(per_file_ignores={"*.txt": ("NOPE",)}))
    with pytest.raises(ConfigError, match="未知的设置"):
        check_bytes("r.txt", WRONG.encode(), Config(settings={"CHG001": {"tolerence": 1}}))
    assert [f.rule for f in check_bytes("r.txt", WRONG.encode(), Config(select=("CHG",))).findings] == ["CHG001"]


def rules(text: str, config: Config | None = None) -> list[str]:
    return [f.rule for f in check_bytes("r.txt", text.encode(), config or Config()).findings]


def test_an_unknown_code_in_a_comment_is_a_finding_at_the_code():
    text = "<!-- auditlint: ignore CHG01 已核实 -->\n" + WRONG
    findings = check_bytes("r.txt", text.encode()).findings
    assert [f.rule for f in findings] == ["SUP001", "CHG001"]  # the comment silenced nothing
    assert findings[0].evidence == "CHG01" and findings[0].severity.value == "warning"
    assert "“CHG01”不是任何规则的规则号或前缀" in findings[0].message
    assert rules("<!-- auditlint: ignore CHG 已核实 -->\n" + WRONG) == []  # a family prefix is a code


def test_a_comment_or_a_code_that_silences_nothing_is_a_finding():
    assert rules("<!-- auditlint: ignore CHG001 -->\n" + RIGHT) == ["SUP002"]
    assert rules("<!-- auditlint: ignore -->\n" + RIGHT) == ["SUP002"]
    assert rules(RIGHT + "<!-- auditlint: ignore-file UNIT002 -->\n") == ["SUP002"]
    # one code of two unused: that code is reported, at its place
    text = "<!-- auditlint: ignore CHG001, UNIT002 -->\n" + WRONG
    (finding,) = check_bytes("r.txt", text.encode()).findings
    assert finding.rule == "SUP002" and finding.evidence == "UNIT002" and finding.severity.value == "info"
    assert rules("<!-- auditlint: ignore CHG001 -->\n" + WRONG) == []  # used: nothing to say


def test_a_code_for_a_rule_that_did_not_run_is_not_called_unused():
    text = "<!-- auditlint: ignore CHG001 -->\n" + RIGHT
    assert rules(text, Config(select=("UNIT",))) == []
    assert rules("<!-- auditlint: ignore -->\n" + RIGHT, Config(select=("UNIT", "SUP"))) == []
    assert rules(text, Config(ignore=("SUP002",))) == []  # chosen like any rule


def test_the_rules_chosen_once_per_selection_are_those_config_selects_for_every_file():
    """rules_for / cross_rules_for choose once per selection when no per-file ignores apply: the same rules,
    in the same order, as asking Config.selects of each rule for that file; a per-file ignore still counts."""
    from auditlint.api import _rules, cross_rules_for, rules_for

    configs = [
        Config(),
        Config(select=("CHG", "SUM")),
        Config(select=("CHG",), ignore=("CHG001",)),
        Config(extend_select=("XDOC",), ignore=("DOC",)),
        Config(ignore=("ALL",)),
    ]
    for config in configs:
        every = _rules(config.rules_dirs)
        assert [r.id for r in rules_for(config, "a/b.txt")] == [r.id for r in every if not r.cross and config.selects(r.id, "a/b.txt")]
        assert [r.id for r in cross_rules_for(config)] == [r.id for r in every if r.cross and config.selects(r.id)]
        rules_for(config).clear()  # a caller's list is its own: the next call is unchanged
        assert rules_for(config) == rules_for(config, "c.txt")
    per_file = Config(per_file_ignores={"*/b.txt": ("CHG001",)})
    assert "CHG001" not in [r.id for r in rules_for(per_file, "a/b.txt")]
    assert "CHG001" in [r.id for r in rules_for(per_file, "a/c.txt")]
