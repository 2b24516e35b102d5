"""The table of contents: entries with leader dots, or the list under 目录 up to where the body repeats it."""

from __future__ import annotations

import re

from .lines import Line

_TOC_TITLE = re.compile(r"^目\s*录$")
_PAGE_REF = re.compile(r"[\s.…·。．_-]*\d{0,3}$")
# A contents list without leader dots ends where the body starts repeating its first entry.
_MAX_PLAIN_TOC = 80


def _key(text: str) -> str:
    return _PAGE_REF.sub("", re.sub(r"\s+", "", text))


def toc_lines(lines: list[Line], kinds: list) -> set[int]:
    out = {i for i, ln in enumerate(lines) if ln.shape == "leader"}
    for i, ln in enumerate(lines):
        if "目" not in ln.stripped or not _TOC_TITLE.match(re.sub(r"\s+", "", ln.stripped)):
            continue
        out.add(i)
        entries = [j for j in range(i + 1, min(len(lines), i + 1 + _MAX_PLAIN_TOC)) if lines[j].stripped and kinds[j] is None]
        if not entries:
            continue
        first = _key(lines[entries[0]].stripped)
        repeat = next((j for j in entries[1:] if _key(lines[j].stripped) == first), None)
        if repeat is not None:
            out.update(j for j in entries if j < repeat)
        else:
            # leader dots only: the contents run to their last dotted entry
            dotted = [j for j in entries if lines[j].shape == "leader"]
            if dotted:
                out.update(j for j in entries if j <= dotted[-1])
    return out
