"""Text folding and the overlapping-bigram form the search index stores (SQL function pd_grams)."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache
from typing import Any

# Stands for a position that no query can match (punctuation, spaces, the gap between fields). A private-use
# character: a token character for FTS5's unicode61 tokenizer, but never part of a searchable query.
FILL = "\ue000"
FTS_TABLE = "search_fts"
TRIGRAM_TABLE = "search_tri"
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    n = unicodedata.normalize("NFKC", c).lower()
    if len(n) != 1:
        return c
    return " " if n.isspace() else n


def _spaces(text: str) -> str:
    return text if text.isprintable() else _SPACE.sub(" ", text)  # printable: no whitespace but " "


def fold(text: str) -> str:
    """NFKC and lower case character by character, so offsets in the result are offsets in ``text``."""
    if text.isascii():
        return _spaces(text.lower())
    whole = unicodedata.normalize("NFKC", text).lower()
    if len(whole) == len(text):  # nothing widened or merged: offsets still line up
        return _spaces(whole)
    return "".join([_fold_char(c) for c in text])


def searchable(c: str) -> bool:
    return c.isalnum()


def grams(*texts: str | None) -> str:
    """Space-separated tokens, one per character position of the folded texts.

    Position i holds the bigram starting there, or the lone character when the next one is not searchable,
    or FILL. A phrase of consecutive bigrams then finds any substring of 2+ characters, and a prefix query
    on one character finds every position holding that character.
    """
    out: list[str] = []
    for text in texts:
        f = fold(text or "")
        n = len(f)
        for i, a in enumerate(f):
            if not searchable(a):
                out.append(FILL)
            elif i + 1 < n and searchable(f[i + 1]):
                out.append(a + f[i + 1])
            else:
                out.append(a)
        out.append(FILL)  # no phrase may run from one field into the next
    return " ".join(out)


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH string for a folded query, or None when the index cannot answer it."""
    if not query or not all(searchable(c) for c in query):
        return None
    if len(query) == 1:
        return f'"{query}"*'
    return '"' + " ".join(query[i : i + 2] for i in range(len(query) - 1)) + '"'


def folded_fields(*texts: str | None) -> str:
    """What the trigram table holds: the folded fields, one per line (no trigram spans two fields)."""
    return "\n".join(fold(t or "") for t in texts)


def trigram_expression(query: str) -> str | None:
    """The FTS5 MATCH string for a folded query of 3+ characters on the trigram table."""
    if len(query) < 3 or "\n" in query:
        return None
    return '"' + query.replace('"', '""') + '"'


def _sql_fold(*texts: Any) -> str:
    return folded_fields(*(t if isinstance(t, str) else "" for t in texts))


def _sql_grams(*texts: Any) -> str:
    return grams(*(t if isinstance(t, str) else "" for t in texts))


def register(dbapi_conn: Any) -> None:
    """Make pd_grams() and pd_fold() available to SQL (the search index triggers call them) on SQLite."""
    if isinstance(dbapi_conn, sqlite3.Connection):
        dbapi_conn.create_function("pd_grams", -1, _sql_grams, deterministic=True)
        dbapi_conn.create_function("pd_fold", -1, _sql_fold, deterministic=True)


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """For schema comparison: the search index's tables live outside the models."""
    return not (type_ == "table" and (name or "").startswith((FTS_TABLE, TRIGRAM_TABLE)))
