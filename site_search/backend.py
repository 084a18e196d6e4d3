"""Wagtail's database search backend, keeping the vocabulary of what it indexes.

Set as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]``: the backend the
database would get anyway (PostgreSQL full text, SQLite FTS5, ...), which
also adds the words of every object it indexes to the vocabulary
"Meinten Sie …?" suggests from (``site_search.vocabulary``): when an object
is saved, and for all of them on ``manage.py update_index``.
"""

from __future__ import annotations

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from .vocabulary import vocabulary_add


class VocabularyMixin:
    def add(self, obj):
        super().add(obj)
        vocabulary_add([obj])

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        super().add_bulk(model, obj_list)
        vocabulary_add(obj_list)


_CLASSES: dict[type, type] = {}


def SearchBackend(params):  # the name Wagtail looks for
    backend_class = type(DatabaseSearchBackend(params))
    if backend_class not in _CLASSES:
        _CLASSES[backend_class] = type(
            f"Vocabulary{backend_class.__name__}", (VocabularyMixin, backend_class), {}
        )
    return _CLASSES[backend_class](params)
