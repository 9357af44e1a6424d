"""Line diffs between two revisions, with Python's difflib.

The result is plain data (lines with an operation); templates escape the text as they render
it and the API returns it as JSON, so user text is never marked safe here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

CONTEXT = 3
# difflib's matcher is quadratic at worst: past this many line pairs in the changed middle
# (say 2,000 × 2,000 lines), the middle is shown as replaced whole rather than matched.
MAX_PAIRS = 4_000_000


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


class _Matcher(difflib.SequenceMatcher):
    """A SequenceMatcher that matches only the part between the common first and last lines,
    so a small edit in a long page costs little, and a huge rewrite has a bounded cost."""

    def get_opcodes(self):
        a, b = self.a, self.b
        head = 0
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        tail = 0
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
        mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
        if len(mid_a) * len(mid_b) <= MAX_PAIRS:
            inner = difflib.SequenceMatcher(None, mid_a, mid_b).get_opcodes()
        else:
            inner = [("replace", 0, len(mid_a), 0, len(mid_b))]
        codes = [("equal", 0, head, 0, head)]
        codes += [(t, i1 + head, i2 + head, j1 + head, j2 + head) for t, i1, i2, j1, j2 in inner]
        codes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
        merged: list[tuple] = []
        for code in codes:
            if code[1] == code[2] and code[3] == code[4]:
                continue
            if merged and merged[-1][0] == code[0] == "equal":
                last = merged.pop()
                code = ("equal", last[1], code[2], last[3], code[4])
            merged.append(code)
        return merged


def line_diff(old: str, new: str, context: int = CONTEXT) -> LineDiff:
    a, b = old.splitlines(), new.splitlines()
    matcher = _Matcher(None, a, b, autojunk=False)
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
