"""One full-text query over Wagtail's search index for all kinds of results.

Wagtail's database backend searches one model at a time: a query of its own,
with joins and rank expressions the ORM compiles anew, for pages, measure
sheets, organisations and documents each, even when nothing matches. The site
search asks the index table itself, once, for every model it shows:
``matching_entries`` returns each matching object's content type, primary key
and rank. Which of them a visitor may see, and in which language, the search
decides in Python (``site_search.search``).

The query asks the autocomplete field, where SQLite and PostgreSQL hold the
very same normalised keys (``core.search_text``): every term must match
(AND), any variant of a term may (OR), or both parts of a compound (AND); a key of ``is_prefix`` length also
matches keys that begin with it, a short key or a number only a whole key.
Both databases rank by how often the keys occur (the title is indexed
several times, so a title match ranks first).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from .normalise import ParsedQuery, is_prefix


class Entry(NamedTuple):
    content_type_id: int
    object_id: str
    rank: float


def tsquery(query: ParsedQuery) -> str:
    """PostgreSQL: ``('wohnung':* | 'wohn':*) & ('kur')``; a compound's
    parts as ``('deutschkur':* | ('deutsch':* & 'kur'))``."""

    def lexeme(key: str) -> str:
        quoted = "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"
        return f"{quoted}:*" if is_prefix(key) else quoted

    def alternatives(term) -> list[str]:
        return [lexeme(key) for key in term.variants] + [
            f"({lexeme(head)} & {lexeme(tail)})" for head, tail in term.parts
        ]

    return " & ".join(
        "(" + " | ".join(alternatives(term)) + ")" for term in query.terms
    )


def fts5_query(query: ParsedQuery) -> str:
    """SQLite FTS5: ``autocomplete : (("wohnung"* OR "wohn"*) AND ("kur"))``."""

    def phrase(key: str) -> str:
        quoted = '"' + key.replace('"', '""') + '"'
        return f"{quoted}*" if is_prefix(key) else quoted

    def alternatives(term) -> list[str]:
        return [phrase(key) for key in term.variants] + [
            f"({phrase(head)} AND {phrase(tail)})" for head, tail in term.parts
        ]

    terms = " AND ".join(
        "(" + " OR ".join(alternatives(term)) + ")" for term in query.terms
    )
    return f"autocomplete : ({terms})"


def _postgresql(query: ParsedQuery, content_type_ids: list[int]):
    config = getattr(get_search_backend(), "autocomplete_config", "simple")
    table = IndexEntry._meta.db_table
    sql = (
        "SELECT content_type_id, object_id, ts_rank(autocomplete, query) "  # noqa: S608 - the table name is ours, values are parameters
        f"FROM {table}, to_tsquery(%s::regconfig, %s) AS query "
        "WHERE content_type_id = ANY(%s) AND autocomplete @@ query"
    )
    return sql, [config, tsquery(query), content_type_ids]


def _sqlite(query: ParsedQuery, content_type_ids: list[int]):
    table = IndexEntry._meta.db_table
    fts = f"{table}_fts"
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    sql = (
        f"SELECT entry.content_type_id, entry.object_id, -bm25({fts}) "  # noqa: S608 - table names are ours, values are parameters
        f"FROM {fts} JOIN {table} AS entry ON entry.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND entry.content_type_id IN ({placeholders})"
    )
    return sql, [fts5_query(query), *content_type_ids]


QUERIES = {"postgresql": _postgresql, "sqlite": _sqlite}


def _order(entry: Entry):
    # Best first; among equals, the newest object first (as Wagtail orders).
    object_id = int(entry.object_id) if entry.object_id.isdigit() else 0
    return (-entry.rank, -object_id)


def matching_entries(
    query: ParsedQuery, content_type_ids: Iterable[int]
) -> list[Entry]:
    """Every indexed object of these content types that matches, best first."""
    content_type_ids = sorted(set(content_type_ids))
    if not query.terms or not content_type_ids:
        return []
    if connection.vendor not in QUERIES:
        raise ImproperlyConfigured(
            f"The site search needs SQLite or PostgreSQL, not {connection.vendor}."
        )
    sql, params = QUERIES[connection.vendor](query, content_type_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        entries = [Entry(*row) for row in cursor.fetchall()]
    return sorted(entries, key=_order)
