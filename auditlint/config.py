"""Configuration: [tool.auditlint] in pyproject.toml or auditlint.toml, then command-line overrides.

The cascade, weakest first: built-in defaults; the configuration file (named with
--config, or the nearest auditlint.toml / pyproject.toml with [tool.auditlint]
found upwards from the first path checked); command-line options. --isolated
skips the file. Paths in a file (rules-dirs, per-file-ignores patterns) are
relative to the folder the file is in.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .model import Severity
from .sources import DEFAULT_MAX_BYTES

#: Keys a configuration file may set (as written in TOML).
FILE_KEYS = frozenset(
    {
        "select",
        "ignore",
        "extend-select",
        "per-file-ignores",
        "fail-on",
        "max-file-size",
        "rules-dirs",
        "settings",
        "exclude",
        "extend-exclude",
        "severity",
    }
)


class ConfigError(Exception):
    """A configuration that cannot be used: unknown keys, unknown rules, bad values."""


def _codes(values: Any) -> Any:
    """Rule codes as users write them ("chg, SUM001" or a list) to upper-case ids; other types left to fail."""
    if isinstance(values, str):
        values = values.split(",")
    if isinstance(values, (list, tuple)) and all(isinstance(v, str) for v in values):
        return tuple(v.strip().upper() for v in values if v.strip())
    return values


class Config(BaseModel):
    """Which rules run, on what, with which settings, and what makes the run fail."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="per-file-ignores")
    fail_on: Severity = Field(default=Severity.WARNING, alias="fail-on")
    max_file_size: int = Field(default=DEFAULT_MAX_BYTES, alias="max-file-size", gt=0)
    rules_dirs: tuple[str, ...] = Field(default=(), alias="rules-dirs")
    #: hold the reports of a run against each other (XDOC); --no-cross turns it off
    cross: bool = True
    #: per rule id or family prefix: the values of the settings its rules declare
    settings: dict[str, dict[str, Any]] = Field(default_factory=dict)
    #: files and folders not to check (globs, relative to the configuration's folder, or a name anywhere)
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = Field(default=(), alias="extend-exclude")
    #: per rule id or family prefix: the severity its findings are reported with (an id wins over its prefix)
    severity: dict[str, Severity] = Field(default_factory=dict)
    #: the configuration file this came from, and the folder its relative paths start from
    source: str | None = None
    root: str | None = None

    @field_validator("select", "ignore", "extend_select", mode="before")
    @classmethod
    def _upper(cls, v: Any) -> Any:
        return _codes(v)

    @field_validator("per_file_ignores", mode="before")
    @classmethod
    def _upper_each(cls, v: Any) -> Any:
        return {k: _codes(codes) for k, codes in v.items()} if isinstance(v, dict) else v

    @field_validator("settings", "severity", mode="before")
    @classmethod
    def _settings_keys(cls, v: Any) -> Any:
        return {k.strip().upper(): vals for k, vals in v.items()} if isinstance(v, dict) else v

    @field_validator("exclude", "extend_exclude", mode="before")
    @classmethod
    def _patterns(cls, v: Any) -> Any:
        return (v,) if isinstance(v, str) else tuple(v) if isinstance(v, list) else v

    def excludes(self, path: str) -> bool:
        """Whether exclude / extend-exclude leave a file or folder out: a glob matches its path relative to the
        configuration's folder (or as given), a leading part of it, or the name of any folder on the way."""
        patterns = self.exclude + self.extend_exclude
        if not patterns:
            return False
        p = Path(path)
        if self.root is not None:
            try:
                p = Path(os.path.abspath(path)).relative_to(self.root)
            except ValueError:
                pass
        parts = [part for part in p.as_posix().split("/") if part not in ("", ".")]
        for i in range(1, len(parts) + 1):
            head = "/".join(parts[:i])
            if any(fnmatch.fnmatchcase(head, pat) or fnmatch.fnmatchcase(parts[i - 1], pat) for pat in patterns):
                return True
        return False

    def severity_of(self, rule_id: str) -> Severity | None:
        """The severity the configuration gives a rule's findings (the longest matching id or prefix), if any."""
        keys = [k for k in self.severity if rule_id.startswith(k)]
        return self.severity[max(keys, key=len)] if keys else None

    def selects(self, rule_id: str, path: str | None = None) -> bool:
        """Whether a rule runs (on a given file): select/extend-select minus ignore and per-file ignores."""

        def hit(codes: tuple[str, ...]) -> bool:
            return any(code == "ALL" or rule_id.startswith(code) for code in codes)

        chosen = (not self.select or hit(self.select)) or hit(self.extend_select)
        if not chosen or hit(self.ignore):
            return False
        if path is not None:
            for pattern, codes in self.per_file_ignores.items():
                if hit(codes) and _matches(path, pattern, self.root):
                    return False
        return True


def _matches(path: str, pattern: str, root: str | None) -> bool:
    """A per-file-ignores pattern against a path: relative to the config's folder, or by file name."""
    p = Path(path)
    candidates = {p.as_posix(), p.name}
    if root is not None:
        try:
            candidates.add(Path(os.path.abspath(path)).relative_to(root).as_posix())
        except ValueError:
            pass
    return any(fnmatch.fnmatchcase(c, pattern) or fnmatch.fnmatchcase(c, f"*/{pattern}") for c in candidates)


def read_config_file(path: Path) -> dict:
    """The [tool.auditlint] table of a file (an auditlint.toml may also hold the keys at its top level)."""
    try:
        # figures in a configuration are decimals too: 0.1 must mean exactly 0.1
        data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except FileNotFoundError:
        raise ConfigError(f"配置文件不存在：{path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 不是有效的 TOML：{exc}") from None
    tool = data.get("tool", {})
    if path.name == "pyproject.toml" or "auditlint" in tool:
        section = tool.get("auditlint", {})
        if not isinstance(section, dict):
            raise ConfigError(f"配置文件 {path} 中的 [tool.auditlint] 应为一个表")
        return section
    return data


def find_config(start: Path) -> Path | None:
    """The nearest auditlint.toml, or pyproject.toml with [tool.auditlint], upwards from start."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in [folder, *folder.parents]:
        own = candidate / "auditlint.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "auditlint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
    return None


_MESSAGES = {
    "enum": "应为 " + "、".join(s.value for s in Severity) + " 之一",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "greater_than": "应为正数",
    "tuple_type": "应为规则号列表，如 [\"CHG\", \"SUM001\"]",
    "string_type": "应为字符串",
    "dict_type": "应为一个表",
}
_PATTERNS = "应为通配符列表，如 [\"drafts\", \"archive/2019/*\"]"


def build_config(values: Mapping[str, Any], source: str | None = None, root: str | None = None) -> Config:
    """A Config from a file's table (keys as written in TOML), with a clear error for anything unknown."""
    origin = f"（{source}）" if source else ""
    unknown = sorted(k for k in values if k not in FILE_KEYS)
    if unknown:
        known = "、".join(sorted(FILE_KEYS))
        raise ConfigError(f"配置有误{origin}：未知的配置项 " + "、".join(f"“{k}”" for k in unknown) + f"；可用的配置项：{known}")
    data = dict(values)
    if root is not None and isinstance(data.get("rules-dirs"), list):
        data["rules-dirs"] = [str((Path(root) / d).resolve()) if isinstance(d, str) else d for d in data["rules-dirs"]]
    try:
        return Config.model_validate({**data, "source": source, "root": root})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            patterns = err["loc"][0] in ("exclude", "extend-exclude") and err["type"] in ("tuple_type", "string_type")
            problems.append(f"配置项 “{where}” 无效：{_PATTERNS if patterns else _MESSAGES.get(err['type'], err['msg'])}")
        raise ConfigError(f"配置有误{origin}：" + "；".join(problems)) from None


def load_config(start: Path | None = None, config_file: Path | None = None, isolated: bool = False) -> Config:
    """The configuration for a run: --config FILE, or the nearest file upwards from start; none with --isolated."""
    if isolated and config_file is not None:
        raise ConfigError("--config 与 --isolated 不能同时使用")
    if isolated:
        return Config()
    path = config_file or (find_config(start) if start is not None else None)
    if path is None:
        return Config()
    root = str(path.resolve().parent)
    return build_config(read_config_file(path), str(path), root)


# ------------------------------------------------------------------ validation


def check_codes(config: Config, known: Mapping[str, Any]) -> None:
    """Every rule id or prefix the configuration names must name at least one known rule."""
    named = [("select", config.select), ("ignore", config.ignore), ("extend-select", config.extend_select)]
    named += [(f"per-file-ignores.{pattern}", codes) for pattern, codes in config.per_file_ignores.items()]
    named += [("severity", tuple(config.severity))]
    for where, codes in named:
        for code in codes:
            if code != "ALL" and not any(rule_id.startswith(code) for rule_id in known):
                raise ConfigError(f"{where} 中有未知的规则号或前缀 “{code}”；运行 auditlint rules 查看全部规则")


def resolve_settings(config: Config, rules: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The configured settings of each rule, checked against what the rule declares and converted to its type.

    A key may be a rule id or a family prefix (CHG); a rule id wins over its prefix.
    """
    resolved: dict[str, dict[str, Any]] = {}
    for key in sorted(config.settings, key=len):
        values = config.settings[key]
        matched = [r for rule_id, r in rules.items() if rule_id.startswith(key)]
        if not matched:
            raise ConfigError(f"settings.{key}：没有这条规则或规则族；运行 auditlint rules 查看全部规则")
        if not isinstance(values, dict):
            raise ConfigError(f"settings.{key} 应为一个表，如 [tool.auditlint.settings.{key}]")
        for name, raw in values.items():
            owners = [r for r in matched if name in r.settings]
            if not owners:
                declared = sorted({n for r in matched for n in r.settings})
                hint = f"可用的设置：{'、'.join(declared)}" if declared else "这些规则没有可配置的设置"
                raise ConfigError(f"settings.{key} 中有未知的设置 “{name}”；{hint}")
            for r in owners:
                resolved.setdefault(r.id, {})[name] = _convert(r.settings[name], raw, f"settings.{key}.{name}")
    return resolved


def _convert(setting: Any, raw: Any, where: str) -> Any:
    default = setting.default
    value: Any
    if isinstance(default, bool):
        if not isinstance(raw, bool):
            raise ConfigError(f"{where} 应为 true 或 false")
        value = raw
    elif isinstance(default, Decimal):
        if isinstance(raw, bool) or not isinstance(raw, (Decimal, int, str)):
            raise ConfigError(f"{where} 应为数字，如 0.1")
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            raise ConfigError(f"{where} 应为数字，如 0.1（写作 “{raw}”）") from None
        if not value.is_finite():
            raise ConfigError(f"{where} 应为有限的数字")
    elif isinstance(default, int):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ConfigError(f"{where} 应为整数")
        value = raw
    else:
        if not isinstance(raw, str):
            raise ConfigError(f"{where} 应为字符串")
        value = raw
    if setting.choices and value not in setting.choices:
        shown = "、".join(f"“{c}”" for c in setting.choices)
        raise ConfigError(f"{where} 应为 {shown} 之一（写作 “{raw}”）")
    if setting.minimum is not None and value < setting.minimum:
        raise ConfigError(f"{where} 不能小于 {setting.minimum}")
    return value
