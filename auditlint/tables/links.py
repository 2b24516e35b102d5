"""Links between tables: the identities the template sets between one table of a report and another.

`rules/templates.toml` states them as data ([[link]]): the 公务接待费 of the basic
expenditure table cannot exceed the 公务接待费 of the “三公” table (the latter also
covers project spending); the 基本支出 of the 一般公共预算 table is the 人员经费 and
公用经费 of the basic expenditure table; each 类 of the 一般公共预算 table is that
类's 一般公共预算 column in the 财政拨款收支总表. A link whose tables or cells a
report does not have is not stated for that report.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..model import Claim
from ..plugins import builtin_rules_dir
from ..segment.templates import load_templates, match_template
from .cells import Figure
from .claims import TableCell, _usable, cell_ref
from .grid import Column, Line, TableView

Relation = Literal["=", "<="]


class LinkClaim(Claim):
    """The cells of one table against those of another: left = right, or left ≤ right."""

    kind: str = "table-link"
    name: str
    relation: Relation = "="
    left: list[TableCell]
    right: list[TableCell]
    left_title: str
    right_title: str
    why: str = ""


@dataclass(frozen=True)
class Ref:
    table: str
    line: str = ""  # a code, a label, or "" for a table of one line; "{code}" / "{name}" in an `each` link
    column: tuple[str, ...] = ()  # the end of a column's header path; () for the line's first value column
    bound: tuple[str, ...] = ()  # in a "<=" link: a column that holds at least as much, used where `column` is unknown


@dataclass(frozen=True)
class Link:
    name: str
    left: tuple[Ref, ...]
    right: tuple[Ref, ...]
    relation: Relation = "="
    each: str = ""  # "" | "code" (every 科目 of the left table) | "类"
    why: str = ""


def _path(text: str) -> tuple[str, ...]:
    return tuple(p for p in text.split("/") if p)


def _ref(raw: dict) -> Ref:
    return Ref(table=str(raw["table"]), line=str(raw.get("line", "")), column=_path(str(raw.get("column", ""))), bound=_path(str(raw.get("bound", ""))))


def _load(path: Path) -> list[Link]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Link(
            name=str(raw["name"]),
            left=tuple(_ref(r) for r in raw["left"]),
            right=tuple(_ref(r) for r in raw["right"]),
            relation="<=" if raw.get("relation") == "<=" else "=",
            each=str(raw.get("each", "")),
            why=str(raw.get("why", "")),
        )
        for raw in data.get("link", [])
    ]


@lru_cache(maxsize=16)
def load_links(dirs: tuple[str, ...] = ()) -> tuple[Link, ...]:
    out = _load(builtin_rules_dir() / "templates.toml")
    for folder in dirs:
        path = Path(folder) / "templates.toml"
        if path.is_file():
            out.extend(_load(path))
    return tuple(out)


def _key(text: str) -> str:
    return re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[.．、])|[\s“”\"（）()]", "", text)


def _lines(view: TableView, wanted: str) -> list[Line]:
    if not wanted:
        data = [ln for ln in view.lines() if any(f.is_number or f.state == "blank" for f in ln.values.values())]
        return data if len(data) == 1 else []
    if wanted.isdigit():
        return [ln for ln in view.lines() if ln.code == wanted]
    key = _key(wanted)
    return [ln for ln in view.lines() if not ln.code and _key(ln.label) == key]


def _column(view: TableView, line: Line, path: tuple[str, ...]) -> Column | None:
    side = view.sides[line.side]
    usable = [c for c in side.values if _usable(c)]
    if not path:
        return usable[0] if usable else None
    want = tuple(_key(p) for p in path)
    found = [c for c in usable if tuple(_key(p) for p in c.path[-len(want) :]) == want]
    return found[0] if len(found) == 1 else None


def _cell(view: TableView, ref: Ref, line_name: str) -> TableCell | None:
    lines = _lines(view, line_name)
    if len(lines) != 1:
        return None
    line = lines[0]
    col = _column(view, line, ref.column)
    if col is None:
        return None
    fig: Figure | None = line.values.get(col.index)
    if fig is None:
        return None
    if fig.state == "unknown" and ref.bound:
        wider = _column(view, line, ref.bound)
        if wider is not None and (bound := line.values.get(wider.index)) is not None:
            return cell_ref(view, bound, line, wider)
    return cell_ref(view, fig, line, col)


def _by_template(views: list[TableView], dirs: tuple[str, ...]) -> dict[str, TableView]:
    templates = load_templates(dirs)
    out: dict[str, TableView] = {}
    seen: set[str] = set()
    for view in views:
        t = match_template(view.title, templates)
        if t is None:
            continue
        if t.name in seen:
            out.pop(t.name, None)  # two tables claim the same template: neither is used
            continue
        seen.add(t.name)
        out[t.name] = view
    return out


def _instances(link: Link, views: dict[str, TableView]) -> list[tuple[str, str]]:
    """(left line, right line) names of each instance of a link."""
    if not link.each:
        return [("", "")]
    first = views[link.left[0].table]
    if link.each == "code":
        return [(ln.code, ln.code) for ln in first.lines() if ln.code and ln.code[0] == "2"]
    if link.each == "类":
        return [(ln.code, ln.label) for ln in first.lines() if len(ln.code) == 3 and ln.code[0] == "2"]
    return []


def _resolve(ref: Ref, instance: str) -> str:
    return instance if ref.line in ("{code}", "{name}") else ref.line


def link_claims(views: list[TableView], dirs: tuple[str, ...] = ()) -> list[LinkClaim]:
    by_name = _by_template(views, dirs)
    out: list[LinkClaim] = []
    for link in load_links(dirs):
        if any(r.table not in by_name for r in (*link.left, *link.right)):
            continue
        for left_line, right_line in _instances(link, by_name):
            left = [_cell(by_name[r.table], r, _resolve(r, left_line)) for r in link.left]
            right = [_cell(by_name[r.table], r, _resolve(r, right_line)) for r in link.right]
            if any(c is None for c in (*left, *right)):
                continue
            anchor = left[0]
            out.append(
                LinkClaim(
                    start=anchor.start,
                    end=anchor.end,
                    subject=link.name,
                    name=link.name,
                    relation=link.relation,
                    left=left,  # type: ignore[arg-type]
                    right=right,  # type: ignore[arg-type]
                    left_title=by_name[link.left[0].table].title,
                    right_title=by_name[link.right[0].table].title,
                    why=link.why,
                )
            )
    return out

