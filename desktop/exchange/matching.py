"""Matching a revised plan tree to the stored one: content first, numbering second."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

# Below this content similarity two nodes are different clauses, whatever their numbering says.
MATCH_THRESHOLD = 0.6
# A clause that kept its number and place may be reworded further before it counts as new.
SAME_PLACE_THRESHOLD = 0.45


@dataclass
class TreeNode:
    """One node of either tree, reduced to what matching needs."""

    key: str  # old: the node uid; new: "n<index>" in document order
    parent: str | None  # key of the parent node (None for top level)
    kind: str
    label: str
    title: str
    text: str
    units: list[tuple[str, str]] = field(default_factory=list)  # (unit name, role) in printed order

    @property
    def content(self) -> str:
        return normalize(self.title + "\n" + self.text)


@dataclass
class TreeMatch:
    pairs: dict[str, str]  # new key -> old key
    added: list[str]  # new keys without an old node
    removed: list[str]  # old keys without a new node


def normalize(text: str) -> str:
    """Width, punctuation and whitespace differences are not changes of wording."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"[\s，。、；：,.;:（）()“”\"'《》<>〈〉!！?？\-—]+", "", text)


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < 0.3 or m.quick_ratio() < 0.3:
        return 0.0
    return m.ratio()


def _score(old: TreeNode, new: TreeNode) -> float:
    title = similarity(normalize(old.title), normalize(new.title))
    body = similarity(old.content, new.content)
    return max(body, 0.5 * title + 0.5 * body)


class _Pairing:
    def __init__(self, old: list[TreeNode]) -> None:
        self.pairs: dict[str, str] = {}
        self.used: set[str] = set()
        self.by_kind: dict[str, list[TreeNode]] = {}
        for o in old:
            self.by_kind.setdefault(o.kind, []).append(o)

    def free(self, kind: str) -> list[TreeNode]:
        return [o for o in self.by_kind.get(kind, []) if o.key not in self.used]

    def take(self, n: TreeNode, o: TreeNode) -> None:
        self.pairs[n.key] = o.key
        self.used.add(o.key)

    def identical(self, new: list[TreeNode]) -> None:
        for n in new:
            same = [o for o in self.free(n.kind) if o.content == n.content]
            if same:
                self.take(n, next((o for o in same if o.label == n.label), same[0]))

    def similar(self, new: list[TreeNode]) -> None:
        scored: list[tuple[float, int, TreeNode, TreeNode]] = []
        for n in new:
            if n.key in self.pairs:
                continue
            for o in self.free(n.kind):
                score = _score(o, n)
                if score >= MATCH_THRESHOLD:
                    bonus = 0.02 * (o.label == n.label) + 0.02 * (self.pairs.get(n.parent or "") == o.parent)
                    scored.append((score + bonus, -len(scored), n, o))
        for _score_value, _order, n, o in sorted(scored, key=lambda t: (t[0], t[1]), reverse=True):
            if n.key not in self.pairs and o.key not in self.used:
                self.take(n, o)

    def same_place(self, new: list[TreeNode]) -> None:
        for n in new:
            if n.key in self.pairs or not n.label:
                continue
            parent_old = self.pairs.get(n.parent) if n.parent else None
            for o in self.free(n.kind):
                same_parent = (n.parent is None and o.parent is None) or (
                    parent_old is not None and o.parent == parent_old
                )
                if o.label == n.label and same_parent and _score(o, n) >= SAME_PLACE_THRESHOLD:
                    self.take(n, o)
                    break


def match_trees(old: list[TreeNode], new: list[TreeNode]) -> TreeMatch:
    """Pair new nodes with old ones of the same kind.

    Identical wording is matched first, then the most similar pairs (so renumbered sections keep their
    records), and only then nodes that kept their label under a matched parent despite heavy rewording.
    """
    p = _Pairing(old)
    p.identical(new)
    p.similar(new)
    p.same_place(new)
    added = [n.key for n in new if n.key not in p.pairs]
    removed = [o.key for o in old if o.key not in p.used]
    return TreeMatch(p.pairs, added, removed)
