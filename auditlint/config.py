"""Configuration: [tool.auditlint] in pyproject.toml or auditlint.toml, then command-line overrides."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .model import Severity
from .sources import DEFAULT_MAX_BYTES


class ConfigError(Exception):
    """A configuration that cannot be used: unknown keys, unknown rules, bad values."""


class Config(BaseModel):
    """Which rules run, on what, and what makes the run fail."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="per-file-ignores")
    fail_on: Severity = Field(default=Severity.WARNING, alias="fail-on")
    max_file_size: int = Field(default=DEFAULT_MAX_BYTES, alias="max-file-size")
    rules_dirs: tuple[str, ...] = Field(default=(), alias="rules-dirs")
    source: str | None = None

    def selects(self, rule_id: str, path: str | None = None) -> bool:
        """Whether a rule runs (on a given file): select/extend-select minus ignore and per-file ignores."""

        def hit(codes: tuple[str, ...]) -> bool:
            return any(code == "ALL" or rule_id.startswith(code) for code in codes)

        chosen = (not self.select or hit(self.select)) or hit(self.extend_select)
        if not chosen or hit(self.ignore):
            return False
        if path is not None:
            for pattern, codes in self.per_file_ignores.items():
                if _matches(path, pattern) and hit(codes):
                    return False
        return True


def _matches(path: str, pattern: str) -> bool:
    p = Path(path)
    return fnmatch.fnmatch(p.as_posix(), pattern) or fnmatch.fnmatch(p.name, pattern) or fnmatch.fnmatch(
        p.as_posix(), f"*/{pattern}"
    )


def read_config_file(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 不是有效的 TOML：{exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("auditlint", {})
    return data.get("tool", {}).get("auditlint", data)


def find_config(start: Path) -> Path | None:
    """The nearest auditlint.toml, or pyproject.toml with [tool.auditlint], upwards from start."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
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


def build_config(values: dict, source: str | None = None) -> Config:
    try:
        return Config.model_validate({**values, "source": source})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                problems.append(f"未知的配置项 “{where}”")
            else:
                problems.append(f"配置项 “{where}” 无效：{err['msg']}")
        origin = f"（{source}）" if source else ""
        raise ConfigError("配置有误" + origin + "：" + "；".join(problems)) from None


def load_config(start: Path | None = None, config_file: Path | None = None, isolated: bool = False) -> Config:
    if isolated:
        return Config()
    path = config_file or (find_config(start) if start is not None else None)
    if path is None:
        return Config()
    return build_config(read_config_file(path), str(path))
