"""Cell figures: what a table cell holds — a number as written, nothing, or a placeholder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from ..model import Cell, Quantity

_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "％": "%", "，": ",", "－": "-", "−": "-"})
_NUMBER = re.compile(
    r"^(?P<neg>-)?\s*(?P<open>\()?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<close>\))?"
    r"\s*(?P<unit>%|万元|亿元|千元|元)?$"
)
# What a blank cell may be written as: nothing, a dash, a slash.
_BLANK = re.compile(r"^[\s\-—–/／\\]*$")
# Template placeholders and elisions: XXX, ×××, ……, 。。。 — a value is meant but not given.
_PLACEHOLDER = re.compile(r"^(?:[xX×Ｘ*＊]+(?:\.[xX×Ｘ*＊]+)?%?|[.…。·]{2,}|…+)$")
ELISION = re.compile(r"^[.…。·\s]*(?:…|。。|\.\.\.)[.…。·\s]*$")

State = Literal["number", "blank", "unknown", "text"]


@dataclass(slots=True)
class Figure:
    """A cell read as a figure: a number (with its written precision), blank, a placeholder, or words."""

    cell: Cell
    state: State
    quantity: Quantity | None = None

    @property
    def is_number(self) -> bool:
        return self.state == "number"

    @property
    def percent(self) -> bool:
        return self.quantity is not None and self.quantity.unit == "%"


@lru_cache(maxsize=8192)
def _parse(raw: str) -> tuple[State, Decimal, int, str, bool]:
    """(state, value, places, written unit, grouped) of a cell's text; tables repeat their texts a lot."""
    text = raw.translate(_FULLWIDTH).strip()
    zero = Decimal(0)
    if _BLANK.match(text):
        return "blank", zero, 0, "", False
    if _PLACEHOLDER.match(text.replace(" ", "")):
        return "unknown", zero, 0, "", False
    m = _NUMBER.match(text)
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return "text", zero, 0, "", False
    number = m.group("num").replace(",", "")
    try:
        value = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return "text", zero, 0, "", False
    if m.group("neg") or m.group("open"):
        value = -value
    places = len(number.split(".", 1)[1]) if "." in number else 0
    return "number", value, places, m.group("unit") or "", "," in m.group("num")


def read_figure(cell: Cell | None, unit: str = "", loose: bool = False) -> Figure | None:
    """The figure in a cell; `unit` is the column's or table's unit for a bare number.

    A cell whose column is not known (a flattened row's figure, `Cell.unknown`) reads as
    unknown, unless `loose`: then as the figure it holds, or blank — for a sum over every
    column it could be in, where its place does not matter.
    """
    if cell is None:
        return None
    if cell.unknown and not loose:
        return Figure(cell, "unknown")
    raw = cell.text
    state, value, places, written_unit, grouped = _parse(raw)
    if state != "number":
        return Figure(cell, state)
    quantity = Quantity(
        start=cell.start,
        end=cell.end,
        value=value,
        unit=written_unit or unit,
        places=places,
        text=raw,
        unit_inferred=not written_unit and bool(unit),
        grouped=grouped,
    )
    return Figure(cell, "number", quantity)
