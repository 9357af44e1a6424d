"""Markdown to safe HTML: markdown-it-py with raw HTML off, then nh3 as a second wall.

@mentions of known usernames become links to the person's profile; they are found on
markdown-it's tokens, so a mention inside code or inside a link stays plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import nh3
from django.urls import reverse
from markdown_it import MarkdownIt
from markdown_it.token import Token

MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9][\w.+-]{0,149})")

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title"},
    "th": {"style"},
    "td": {"style"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def mentioned_usernames(text: str) -> list[str]:
    """Usernames mentioned as @name in text (outside code and links), in order, once each."""
    names: list[str] = []
    for token in _md.parse(text or ""):
        for child, in_link in _walk_text(token.children or []):
            if in_link:
                continue
            for match in MENTION.finditer(child.content):
                name = _trim(match.group(1))
                if name not in names:
                    names.append(name)
    return names


def _trim(name: str) -> str:
    # "@bob." at the end of a sentence mentions bob.
    return name.rstrip(".-+")


def _walk_text(children: Iterable[Token]):
    depth = 0
    for child in children:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif child.type == "text":
            yield child, depth > 0


def _link_mentions(tokens: list[Token], known: dict[str, str]) -> None:
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        out: list[Token] = []
        depth = 0
        for child in token.children:
            if child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            if child.type != "text" or depth > 0 or "@" not in child.content:
                out.append(child)
                continue
            out.extend(_split_text(child.content, known))
        token.children = out


def _split_text(text: str, known: dict[str, str]) -> list[Token]:
    pieces: list[Token] = []
    last = 0
    for match in MENTION.finditer(text):
        name = _trim(match.group(1))
        username = known.get(name.lower())
        if username is None:
            continue
        start, end = match.start(), match.start() + 1 + len(name)
        if start > last:
            pieces.append(_text(text[last:start]))
        link = Token("link_open", "a", 1)
        link.attrs = {"href": reverse("profile", args=[username]), "class": "mention"}
        pieces.extend([link, _text("@" + name), Token("link_close", "a", -1)])
        last = end
    if last < len(text):
        pieces.append(_text(text[last:]))
    return pieces


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def render(text: str, mentions: Iterable[str] = ()) -> str:
    """Render user Markdown to HTML that is safe to put in a page as it is.

    ``mentions`` are the usernames (already checked to exist) whose @mentions become links;
    a mention matches whatever its letter case ("@Bob" links to bob).
    """
    if not text:
        return ""
    tokens = _md.parse(text)
    known = {name.lower(): name for name in mentions}
    if known:
        _link_mentions(tokens, known)
    html = _md.renderer.render(tokens, _md.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
