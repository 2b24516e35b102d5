"""Third-party rule packs plug in without touching auditlint: an entry point group, or --rules-dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint import api
from auditlint.api import check_bytes
from auditlint.cli import main
from auditlint.config import Config
from auditlint.engine import load_rules

PLACEHOLDER_RULE = '''
"""A pack's rule module: placeholders left in a published report."""

import re

from auditlint.rulekit import Issue, rule


@rule("{rule_id}", "placeholder-left", severity="warning")
def placeholder_left(doc):
    """模板占位符“XXX”未替换。

    Bad:  收入合计XXX万元。
    Good: 收入合计120.00万元。
    """
    for m in re.finditer("XXX", doc.text):
        yield Issue(start=m.start(), end=m.end(), message="模板占位符“XXX”未替换为数字")
'''

TRAINING_IDENTITY = """
[[identity]]
name = "培训费 = 讲师费 + 场地费"
total = ["培训费"]
parts = [["讲师费"], ["场地费"]]
"""

# complete by the pack's identity only: the parts fall short of the total by 1.00 万元
TRAINING = "培训费合计10.00万元，其中：讲师费6.00万元，场地费3.00万元。\n"


# the API caches the rule set per rules dirs: a pack a test installs must not outlive it
pytestmark = pytest.mark.usefixtures("fresh_rule_cache")


def make_rules_dir(folder: Path, rule_id: str = "ZZD001") -> Path:
    folder.mkdir()
    (folder / "placeholders.py").write_text(PLACEHOLDER_RULE.format(rule_id=rule_id), encoding="utf-8")
    (folder / "training.toml").write_text(TRAINING_IDENTITY, encoding="utf-8")
    return folder


def test_an_entry_point_pack_is_discovered_and_runs(tmp_path, monkeypatch):
    site = tmp_path / "site"
    package = site / "zzpack"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""A third-party auditlint rule pack."""\n', encoding="utf-8")
    (package / "placeholders.py").write_text(PLACEHOLDER_RULE.format(rule_id="ZZP001"), encoding="utf-8")
    dist = site / "zzpack-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: zzpack\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[auditlint.rules]\nzzpack = zzpack\n", encoding="utf-8")

    assert "ZZP001" not in load_rules()
    monkeypatch.syspath_prepend(str(site))
    rules = load_rules()
    assert rules["ZZP001"].origin == "entry point zzpack"
    # the built-in DOC004 reports the placeholder as well; what is tested here is the pack's rule
    result = check_bytes("r.txt", "收入合计XXX万元。\n".encode(), Config(ignore=("DOC004",)))
    assert [f.rule for f in result.findings] == ["ZZP001"]
    listed = CliRunner().invoke(main, ["rules", "--format", "json", "--isolated"])
    assert any(r["id"] == "ZZP001" and r["origin"] == "entry point zzpack" for r in json.loads(listed.stdout))

    monkeypatch.undo()  # uninstalled: gone again
    api._rules.cache_clear()
    assert "ZZP001" not in load_rules()


def test_a_rules_dir_adds_rule_modules_and_toml_identities(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pack = make_rules_dir(tmp_path / "pack")
    report = tmp_path / "draft.txt"
    report.write_text("收入合计XXX万元。\n" + TRAINING, encoding="utf-8")

    plain = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "--ignore", "DOC004", str(report)])
    assert [f["rule"] for f in json.loads(plain.stdout)["files"][0]["findings"]] == []

    packed = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "json", "--ignore", "DOC004", "--rules-dir", "pack", str(report)]
    )
    findings = json.loads(packed.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["ZZD001", "SUM001"]
    assert "6.00万元 + 3.00万元 = 9.00 万元" in findings[1]["message"]

    # a folder loaded once does not leak into a run that did not ask for it
    assert "ZZD001" not in load_rules()
    assert "ZZD001" in load_rules([pack])
    assert check_bytes("t.txt", TRAINING.encode(), Config()).findings == []
    assert [f.rule for f in check_bytes("t.txt", TRAINING.encode(), Config(rules_dirs=(str(pack),))).findings] == ["SUM001"]


def test_rules_and_explain_show_a_packs_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_rules_dir(tmp_path / "pack", "ZZE001")
    listed = CliRunner().invoke(main, ["rules", "--rules-dir", "pack"])
    assert "ZZE001" in listed.stdout and "placeholder-left" in listed.stdout and "第三方规则" in listed.stdout
    explained = CliRunner().invoke(main, ["explain", "zze001", "--rules-dir", "pack"])
    assert explained.exit_code == 0
    # documented in English only: its Checks/Why shown as written, said to be English, its examples labelled in Chinese
    assert "本规则没有中文说明" in explained.stdout and "错误示例：收入合计XXX万元。" in explained.stdout
    assert "来源：rules dir" in explained.stdout


def test_rules_dirs_in_a_configuration_file_are_relative_to_it(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    make_rules_dir(project / "lint-rules", "ZZC001")
    (project / "auditlint.toml").write_text('rules-dirs = ["lint-rules"]\nignore = ["DOC004"]\n', encoding="utf-8")
    (project / "draft.txt").write_text("收入合计XXX万元。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # run from elsewhere: the folder is found beside the configuration
    result = CliRunner().invoke(main, ["check", "--format", "json", "project/draft.txt"])
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["ZZC001"]


def test_a_broken_pack_is_a_clear_usage_error(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad.py").write_text("from auditlint.rulekit import rule\n\ndef broken(:\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("收入合计120.00万元。\n", encoding="utf-8")
    for _ in range(2):  # and stays broken: a failed import is not remembered as loaded
        result = CliRunner().invoke(main, ["check", "--isolated", "--rules-dir", str(broken), str(report)])
        assert result.exit_code == 2
        assert "无法加载规则：SyntaxError" in result.output and "Traceback" not in result.output


def test_a_pack_may_not_redefine_a_builtin_rule(tmp_path):
    pack = tmp_path / "clash"
    pack.mkdir()
    (pack / "clash.py").write_text(PLACEHOLDER_RULE.format(rule_id="CHG001"), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--isolated", "--rules-dir", str(pack)])
    assert result.exit_code == 2 and "CHG001 is defined twice" in result.output


def test_a_rule_that_declares_settings_must_accept_them():
    from auditlint.engine import Setting, rule

    with pytest.raises(ValueError, match="must take \\(doc, settings\\)"):

        @rule("ZZS001", "no-settings-param", settings={"limit": Setting(1, "上限")})
        def check(doc):  # pragma: no cover - never registered
            yield from ()


def test_rule_catalogue_as_json_lists_every_rule_with_its_settings():
    data = json.loads(CliRunner().invoke(main, ["rules", "--format", "json", "--isolated"]).stdout)
    by_id = {r["id"]: r for r in data}
    assert set(by_id) >= {"CHG001", "SUM001", "UNIT001"}
    for r in data:
        assert set(r) == {"id", "name", "name_zh", "severity", "fixable", "fix", "summary", "origin", "settings"}
    assert by_id["CHG001"]["settings"][0]["name"] == "tolerance" and by_id["CHG001"]["settings"][0]["default"] == "0"
    assert by_id["UNIT001"]["settings"][0]["name"] == "default-unit"
    assert by_id["CHG001"]["name_zh"] == "变动率不符"
    explained = CliRunner().invoke(main, ["explain", "CHG001"]).stdout
    assert "错误示例：" in explained and "正确示例：" in explained and "tolerance" in explained
