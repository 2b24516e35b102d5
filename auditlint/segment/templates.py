"""The standard tables of 部门决算 / 部门预算 (rules/templates.toml), and matching a table's title to one."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..plugins import builtin_rules_dir


@dataclass(frozen=True)
class SideTemplate:
    heading: str
    label: str
    values: tuple[tuple[str, ...], ...]  # each value column's header path
    total: bool = False
    common: int = 0  # how many leading columns most reports fill; the rest are usually empty
    sums: tuple[str, ...] = ()  # identities between its columns beyond 合计/小计 ("A = B + C - D")

    @property
    def width(self) -> int:
        return len(self.values)


@dataclass(frozen=True)
class TableTemplate:
    name: str
    report: str
    titles: tuple[str, ...]
    exclude: tuple[str, ...]
    codes: str
    sides: tuple[SideTemplate, ...]


def title_key(title: str) -> str:
    """A title compared to templates: no spaces, quotes or year ("2026年部门“三公”经费…" -> "部门三公经费…")."""
    return re.sub(r"[\s“”\"‘’'「」]|(?:19|20)\d{2}\s*年度?", "", title)


def _side(raw: dict) -> SideTemplate:
    return SideTemplate(
        heading=str(raw.get("heading", "")),
        label=str(raw.get("label", "")),
        values=tuple(tuple(p for p in str(v).split("/") if p) for v in raw.get("values", [])),
        total=bool(raw.get("total", False)),
        common=int(raw.get("common", 0)),
        sums=tuple(str(x) for x in raw.get("sums", [])),
    )


def _load(path: Path) -> list[TableTemplate]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for raw in data.get("table", []):
        out.append(
            TableTemplate(
                name=str(raw["name"]),
                report=str(raw.get("report", "")),
                titles=tuple(title_key(t) for t in raw.get("titles", [raw["name"]])),
                exclude=tuple(raw.get("exclude", [])),
                codes=str(raw.get("codes", "")),
                sides=tuple(_side(s) for s in raw.get("side", [])),
            )
        )
    return out


@lru_cache(maxsize=16)
def load_templates(dirs: tuple[str, ...] = ()) -> tuple[TableTemplate, ...]:
    """The built-in templates, then those of rule packs (templates.toml in each folder given)."""
    out = _load(builtin_rules_dir() / "templates.toml")
    for folder in dirs:
        path = Path(folder) / "templates.toml"
        if path.is_file():
            out.extend(_load(path))
    return tuple(out)


def match_template(title: str, templates: tuple[TableTemplate, ...]) -> TableTemplate | None:
    """The template whose longest title the table's title contains (and none of whose exclusions)."""
    key = title_key(title)
    best: tuple[int, TableTemplate] | None = None
    for t in templates:
        for name in t.titles:
            if name in key and not any(x in key for x in t.exclude):
                if best is None or len(name) > best[0]:
                    best = (len(name), t)
    return best[1] if best else None
