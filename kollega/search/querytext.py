"""What a person typed, turned into a query no database can choke on.

Anything may arrive in the box: quotes, operators, unbalanced parentheses, NUL bytes, a
megabyte of text. We never hand it to a parser as it is. It is read into a small structure
(words and "phrases", -exclusions, OR between alternatives) whose words are runs of letters
and digits only, and each backend writes that structure in its own syntax with every word
quoted. So the engine only ever sees quoted words, its own operators and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_INPUT = 500  # characters read from the box; the rest is ignored
MAX_TERMS = 12  # words and phrases in one query
MAX_WORD = 64
# A word: letters and digits (no underscore: both engines split on it).
WORD = re.compile(r"[^\W_]+", re.UNICODE)
PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    exclude: bool = False


@dataclass
class ParsedQuery:
    # Alternatives joined by OR; each is a list of terms that must all match.
    groups: list[list[Term]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(any(not t.exclude for t in g) for g in self.groups)

    def words(self) -> list[str]:
        """Every word to find (not the excluded ones), lower-cased, for highlighting."""
        return [w for g in self.groups for t in g if not t.exclude for w in t.words]


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower()[:MAX_WORD] for w in WORD.findall(text))


def parse(text: str | None) -> ParsedQuery:
    text = (text or "")[:MAX_INPUT].replace("\x00", " ")
    groups: list[list[Term]] = [[]]
    count = 0
    for match in PIECE.finditer(text):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare == "OR":
            if groups[-1]:
                groups.append([])
            continue
        exclude = bool(negate) or (bare is not None and bare.startswith("-") and len(bare) > 1)
        words = _words(phrase if phrase is not None else bare)
        if not words:
            continue
        if bare is not None and len(words) > 1 and not exclude:
            # "e-mail", "c++/java": punctuation inside a word splits it into separate terms.
            terms = [Term((w,)) for w in words]
        else:
            terms = [Term(words, exclude)]
        for term in terms:
            if count >= MAX_TERMS:
                break
            groups[-1].append(term)
            count += 1
    # An alternative with nothing to find (only exclusions) cannot stand alone.
    groups = [g for g in groups if any(not t.exclude for t in g)]
    return ParsedQuery(groups)


def _quoted(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words) + '"'


def to_fts5(query: ParsedQuery, prefix_last: bool = False) -> str:
    """FTS5 MATCH syntax: "a" "b" NOT "c" OR "d" — every word inside double quotes."""
    alternatives = []
    for group in query.groups:
        positive = [_quoted(t.words) for t in group if not t.exclude]
        if prefix_last and positive:
            positive[-1] += "*"
        text = "(" + " AND ".join(positive) + ")"
        for term in group:
            if term.exclude:
                text = f"({text} NOT {_quoted(term.words)})"
        alternatives.append(text)
    return " OR ".join(alternatives)


def to_websearch(query: ParsedQuery) -> str:
    """PostgreSQL websearch_to_tsquery syntax: "a" "b" -"c" or "d"."""
    alternatives = []
    for group in query.groups:
        parts = [("-" if t.exclude else "") + _quoted(t.words) for t in group]
        alternatives.append(" ".join(parts))
    return " or ".join(alternatives)


def to_prefix_tsquery(query: ParsedQuery) -> str:
    """A to_tsquery for typing ahead: every word must match, the last one as a prefix."""
    words = query.words()
    if not words:
        return ""
    parts = [f"'{w}'" for w in words[:-1]] + [f"'{words[-1]}':*"]
    return " & ".join(parts)
