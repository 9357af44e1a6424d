"""The page tree of one wiki, built in memory from a single query's rows.

A wiki's outline (ids, parents, slugs, titles) is small next to its text, so reading it whole
gives breadcrumbs, children and the navigation tree in one query however deep the page sits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Deep enough for any sensible wiki, shallow enough that the nested tree stays readable.
MAX_DEPTH = 10


@dataclass
class Node:
    pk: int
    parent_id: int | None
    slug: str
    title: str
    position: int = 0
    children: list[Node] = field(default_factory=list)


@dataclass
class Outline:
    roots: list[Node]
    by_id: dict[int, Node]

    def ancestors(self, pk: int) -> list[Node]:
        """The pages above ``pk``, the top one first (a page hidden from the viewer ends it)."""
        chain: list[Node] = []
        seen = {pk}
        node = self.by_id.get(pk)
        while node is not None and node.parent_id is not None and node.parent_id not in seen:
            seen.add(node.parent_id)
            node = self.by_id.get(node.parent_id)
            if node is not None:
                chain.append(node)
        chain.reverse()
        return chain

    def children(self, pk: int) -> list[Node]:
        node = self.by_id.get(pk)
        return node.children if node else []

    def front(self) -> Node | None:
        """The front page: the first page at the top of the tree."""
        return self.roots[0] if self.roots else None


def build(rows) -> Outline:
    """``rows`` are (pk, parent_id, slug, title, position), already in sibling order.

    A page whose parent the viewer cannot see (removed by moderation) shows at the top, so
    nothing readable becomes unreachable.
    """
    by_id = {row[0]: Node(*row) for row in rows}
    roots: list[Node] = []
    for node in by_id.values():
        parent = by_id.get(node.parent_id) if node.parent_id is not None else None
        (parent.children if parent is not None else roots).append(node)
    return Outline(roots, by_id)


def depth_of(parents: dict[int, int | None], pk: int | None) -> int:
    """How many pages deep ``pk`` sits (a top page is 1; None, the wiki itself, is 0)."""
    depth, seen = 0, set()
    while pk is not None and pk not in seen:
        seen.add(pk)
        depth += 1
        pk = parents.get(pk)
    return depth


def height_of(parents: dict[int, int | None], pk: int) -> int:
    """How many levels the subtree under ``pk`` spans, ``pk`` itself included."""
    below: dict[int, list[int]] = {}
    for child, parent in parents.items():
        if parent is not None:
            below.setdefault(parent, []).append(child)
    height, level, seen = 0, [pk], {pk}
    while level:
        height += 1
        level = [c for p in level for c in below.get(p, ()) if c not in seen]
        seen.update(level)
    return height


def is_within(parents: dict[int, int | None], pk: int | None, ancestor: int) -> bool:
    """Is ``pk`` the page ``ancestor`` or somewhere below it?"""
    seen = set()
    while pk is not None and pk not in seen:
        if pk == ancestor:
            return True
        seen.add(pk)
        pk = parents.get(pk)
    return False
