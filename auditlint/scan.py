"""Whole-text scans that look only where a pattern can match: the same matches as finditer, found faster.

Python's re engine skips quickly through a text only when a pattern starts with a
literal or a plain character class. A pattern that opens with an optional word, an
alternation of groups, a lookbehind or a run of CJK characters ("[\\u4e00-\\u9fff]{2,20}?局")
is instead tried in full at every position of the text, and the rules that read a whole
report with such patterns spent most of their time there. A Scan says where a
pattern's matches can be, so that only those places are tried:

- starts: a one-character class that every match begins with. The pattern is
  tried only where the next character is of that class: it is compiled again
  behind a lookahead for it, which the engine tests cheaply at each position.
  With it, requires: a pattern (with a literal or a class first) that every
  match holds: a text that holds none is not scanned at all; and sparse: the
  class's characters are rare in reports (a few in a hundred at most), so that
  the engine skips to each of them (the class alone is searched for, which it
  does without trying a pattern at every position) and the pattern is matched
  there — testing the lookahead at every position costs more than that;
- outside + anchor: a one-character class that no match holds, and a pattern
  that every match holds; only the runs of text between outside characters
  that hold an anchor are scanned.

Either way the matches are pattern.finditer(text)'s, in its order, with its groups,
provided what the Scan says of the pattern is true (tests/test_scan.py holds every
Scan of the code base to it). A pattern scanned by runs must not look past the end
of its match (no lookahead, $ or \\b at its end), since a run is scanned on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Scan:
    """A pattern, and where in a text its matches can be (see the module's docstring); no match may be empty."""

    def __init__(
        self,
        pattern: re.Pattern[str],
        *,
        starts: str = "",
        requires: str = "",
        sparse: bool = False,
        outside: str = "",
        anchor: str = "",
    ):
        if bool(outside) != bool(anchor) or bool(starts) == bool(outside) or ((requires or sparse) and not starts):
            raise ValueError("a Scan takes either starts (and requires, sparse), or outside and anchor")
        self.pattern = pattern
        self.starts, self.requires, self.sparse, self.outside, self.anchor = starts, requires, sparse, outside, anchor
        self._requires = re.compile(requires) if requires else None
        if starts:
            # the same pattern, no group added, same flags, tried only before a character of the class
            # (in verbose mode a newline ends a comment the pattern may end with)
            end = "\n" if pattern.flags & re.X else ""
            self._guarded = re.compile(f"(?={starts})(?:{pattern.pattern}{end})", pattern.flags)
            self._first = re.compile(starts, pattern.flags) if sparse else None
        else:
            self._outside = re.compile(outside)
            self._anchor = re.compile(anchor)

    def __repr__(self) -> str:
        where = f"starts={self.starts!r}, requires={self.requires!r}" if self.starts else f"outside={self.outside!r}, anchor={self.anchor!r}"
        return f"Scan({self.pattern.pattern[:40]!r}…, {where})"

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches of pattern.finditer(text, pos)."""
        if not self.starts:
            return self._in_runs(text, pos)
        if self._requires is not None and self._requires.search(text, pos) is None:
            return iter(())
        if self.sparse:
            return self._at_starts(text, pos)
        return self._guarded.finditer(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """pattern.search(text, pos)."""
        if not self.starts:
            return next(self._in_runs(text, pos), None)
        if self._requires is not None and self._requires.search(text, pos) is None:
            return None
        if self.sparse:
            return next(self._at_starts(text, pos), None)
        return self._guarded.search(text, pos)  # (the first of finditer's matches, without a generator)

    def _at_starts(self, text: str, pos: int) -> Iterator[re.Match[str]]:
        """finditer's matches, the pattern tried at each character of the class in turn (the engine finds them), the
        next one looked for after the end of a match (no match is empty), as finditer does."""
        first, match = self._first.search, self.pattern.match
        while (at := first(text, pos)) is not None:
            m = match(text, at.start())
            if m is None:
                pos = at.start() + 1
            else:
                yield m
                pos = m.end()

    def _in_runs(self, text: str, pos: int) -> Iterator[re.Match[str]]:
        pattern, outside = self.pattern, self._outside
        scanned = pos  # the text before this is done with
        for hit in self._anchor.finditer(text, pos):
            at = hit.start()
            if at < scanned:
                continue  # in the run just scanned
            # the run holding the anchor: back to the last outside character (searched for in the
            # reversed gap since the last run, so that every character is looked at once) …
            last = outside.search(text[scanned:at][::-1])
            start = at - last.start() if last is not None else scanned
            # … and on to the next one
            after = outside.search(text, hit.end())
            end = after.start() if after is not None else len(text)
            yield from pattern.finditer(text, start, end)
            scanned = end
