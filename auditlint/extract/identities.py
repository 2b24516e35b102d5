"""Accounting identities (勾稽关系) written as data in rules/*.toml, read with tomllib."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..plugins import builtin_rules_dir


@dataclass(frozen=True)
class Decomposition:
    """A total and the complete set of parts it is made of, each part named by its aliases."""

    name: str
    total: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]
    source: str = ""

    def matches(self, total_key: str, part_keys: list[str]) -> bool:
        """The parts listed under a total are exactly this identity's parts, each once."""
        if not any(alias in total_key for alias in self.total):
            return False
        if len(part_keys) != len(self.parts):
            return False
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
        total = item["total"]
        out.append(
            Decomposition(
                name=item["name"],
                total=tuple(total) if isinstance(total, list) else (total,),
                parts=parts,
                source=str(path),
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
