"""Accounting identities (勾稽关系) written as data in rules/*.toml, read with tomllib."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .plugins import builtin_rules_dir

# a scope of government narrower than a whole region's: "市本级", "县级", "区本级", "乡镇"
_SCOPE = re.compile(r"本级|[省市县区]级|乡镇|街道")


def _narrower_scope(part: str, total: str) -> bool:
    """A part named with a level of government its total is not named with (市本级 under 全市)."""
    return any(m.group() not in total for m in _SCOPE.finditer(part))


@dataclass(frozen=True)
class Decomposition:
    """A total and the complete set of parts it is made of, each part named by its aliases.

    `minus` names parts that are subtracted (年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出);
    `optional` names parts that count as 0 where a table has no such line; `unless` names words that make a line
    named with a total's alias a wider total ("税收返还和转移支付" is no 转移支付).
    """

    name: str
    total: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]
    source: str = ""
    minus: tuple[tuple[str, ...], ...] = ()
    optional: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    def names_total(self, key: str) -> bool:
        """Whether a line item's key names this identity's total."""
        return any(alias in key for alias in self.total) and not any(word in key for word in self.unless)

    def matches(self, total_key: str, part_keys: list[str]) -> bool:
        """The parts listed under a total are exactly this identity's parts, each once."""
        if self.minus or len(self.parts) < 2:
            return False  # a list of parts under a total never subtracts, and has two parts or more
        if not self.names_total(total_key):
            return False
        if len(part_keys) != len(self.parts):
            return False
        if any(_narrower_scope(key, total_key) for key in part_keys):
            return False  # "全市债务余额 X，其中市本级一般债务 A、专项债务 B": the parts of a narrower scope
        unused = list(self.parts)
        for key in part_keys:
            for part in unused:
                if any(alias in key for alias in part):
                    unused.remove(part)
                    break
            else:
                return False
        return not unused


def read_identities(path: Path) -> list[Decomposition]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for item in data.get("identity", []):
        parts = tuple(tuple(p) if isinstance(p, list) else (p,) for p in item["parts"])
        minus = tuple(tuple(p) if isinstance(p, list) else (p,) for p in item.get("minus", []))
        total = item["total"]
        out.append(
            Decomposition(
                name=item["name"],
                total=tuple(total) if isinstance(total, list) else (total,),
                parts=parts,
                source=str(path),
                minus=minus,
                optional=tuple(item.get("optional", [])),
                unless=tuple(item.get("unless", [])),
            )
        )
    return out


@lru_cache(maxsize=8)
def load_decompositions(extra_dirs: tuple[str, ...] = ()) -> tuple[Decomposition, ...]:
    found: list[Decomposition] = []
    for folder in (builtin_rules_dir(), *map(Path, extra_dirs)):
        for path in sorted(folder.glob("*.toml")):
            found.extend(read_identities(path))
    return tuple(found)
