"""Documents that wait for the publication of the content that uses them.

A file uploaded for content that is not published yet (the new version of a
measure sheet's working paper, held in the sheet's draft) must not reach
visitors before that content does. The app that knows such content asks for
it with ``withhold_unless_used_publicly`` (integration_checkup, when a draft
of a sheet is saved or a sheet is unpublished); the document then carries
``awaits_publication``, and core:

- serves it only to people who may use the admin (``refuse_to_public``, the
  ``before_serve_document`` hook in ``core.wagtail_hooks``): visitors get 404;
- leaves it out of every public list of documents (``public_only``: the site
  search, the API);
- releases it as soon as anything that references it is published
  (``release_documents_of``, on Wagtail's ``published`` and ``page_published``
  signals, through Wagtail's reference index).

A document that something published already uses stays public: a draft that
also uses it does not hide it. The hot paths only read the flag; the
reference index is consulted when content is saved or published.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404

from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex


def public_only(documents: QuerySet) -> QuerySet:
    """The documents of ``documents`` that no unpublished content holds back."""
    return documents.filter(awaits_publication=False)


def may_see_unpublished(request) -> bool:
    """Editors (anyone who may use the admin) open held-back documents too."""
    user = getattr(request, "user", None)
    return bool(
        user is not None
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
    )


def hidden_from(request, document) -> bool:
    """Whether the document does not exist for this request's user."""
    return getattr(document, "awaits_publication", False) and not (
        may_see_unpublished(request)
    )


def refuse_to_public(document, request):
    """``before_serve_document``: a held-back document does not exist for visitors."""
    if hidden_from(request, document):
        raise Http404("This document is not published yet.")


def is_used_publicly(document) -> bool:
    """Whether published content references the document.

    Content with draft and publish (pages, snippets with ``DraftStateMixin``)
    counts only while it is live; anything else counts always. Its stored
    row is its live state (a draft's changes live in revisions), so the
    reference index, which indexes the rows, tells what the public sees.
    """
    references = ReferenceIndex.get_references_to(document)
    sources: dict[int, set[str]] = {}
    for content_type_id, object_id in references.values_list(
        "content_type_id", "object_id"
    ).distinct():
        sources.setdefault(content_type_id, set()).add(object_id)
    for content_type_id, object_ids in sources.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a model that no longer exists
            continue
        objects = model._default_manager.filter(pk__in=object_ids)
        if "live" in {field.name for field in model._meta.get_fields()}:
            objects = objects.filter(live=True)
        if objects.exists():
            return True
    return False


def withhold_unless_used_publicly(document_ids: Iterable[int]) -> None:
    """Hold back each of the documents that nothing published uses (yet)."""
    documents = get_document_model().objects.filter(
        pk__in=set(document_ids), awaits_publication=False
    )
    for document in documents:
        if not is_used_publicly(document):
            _mark(document, awaits_publication=True)


def release(document_ids: Iterable[int]) -> None:
    """Make the documents public (the content that uses them is published)."""
    documents = get_document_model().objects.filter(
        pk__in=set(document_ids), awaits_publication=True
    )
    for document in documents:
        _mark(document, awaits_publication=False)


def release_documents_of(instance) -> None:
    """Release every document that the just published ``instance`` references."""
    document_type = ContentType.objects.get_for_model(get_document_model())
    object_ids = (
        ReferenceIndex.get_references_for_object(instance)
        .filter(to_content_type=document_type)
        .values_list("to_object_id", flat=True)
    )
    release(int(object_id) for object_id in object_ids if object_id.isdigit())


def _mark(document, *, awaits_publication: bool) -> None:
    # save(), not update(): the search index and the page-cache purge
    # (purge_on_change in core.apps) follow the document's save.
    document.awaits_publication = awaits_publication
    document.save(update_fields=["awaits_publication"])


def on_published(sender, instance, **kwargs) -> None:
    """Receiver of ``published`` and ``page_published``."""
    release_documents_of(instance)
