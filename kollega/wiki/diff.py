"""Line diffs between two revisions, with Python's difflib.

The result is plain data (lines with an operation); templates escape the text as they render
it and the API returns it as JSON, so user text is never marked safe here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

CONTEXT = 3


@dataclass
class Line:
    op: str  # "same", "add" or "del"
    old: int | None  # line number in the older text
    new: int | None  # line number in the newer text
    text: str


@dataclass
class Hunk:
    old_start: int
    old_count: int
    new_start: int
    new_count: int
    lines: list[Line] = field(default_factory=list)


@dataclass
class LineDiff:
    hunks: list[Hunk]
    added: int
    removed: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def line_diff(old: str, new: str, context: int = CONTEXT) -> LineDiff:
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b)
    hunks: list[Hunk] = []
    added = removed = 0
    for group in matcher.get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        hunk = Hunk(first[1] + 1, last[2] - first[1], first[3] + 1, last[4] - first[3])
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for k in range(i2 - i1):
                    hunk.lines.append(Line("same", i1 + k + 1, j1 + k + 1, a[i1 + k]))
                continue
            for k in range(i1, i2):
                hunk.lines.append(Line("del", k + 1, None, a[k]))
            for k in range(j1, j2):
                hunk.lines.append(Line("add", None, k + 1, b[k]))
            removed += i2 - i1
            added += j2 - j1
        hunks.append(hunk)
    return LineDiff(hunks, added, removed)
