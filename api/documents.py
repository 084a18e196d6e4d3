"""Documents (working papers, forms, leaflets) outside private collections.

Downloads go through the site's serve view (/dokumente/<id>/<file name>),
which checks privacy and answers range requests; the API only links to it.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from ninja import Field, Query, Router, Schema

from core.document_publication import public_only

from .common import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    ListEnvelope,
    ListParams,
    ObjectId,
    absolute,
    api_url,
    not_found,
    paginate,
)

router = Router(tags=["documents"])


def restricted_collection_paths() -> list[str]:
    """Tree paths of collections with a view restriction (one query)."""
    return list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )


def in_private_collection(document, restricted_paths: list[str]) -> bool:
    """Whether the document lies in or below a restricted collection (needs
    ``collection`` loaded with the document)."""
    return any(document.collection.path.startswith(path) for path in restricted_paths)


def public_documents() -> QuerySet:
    """Documents everyone may download: none in or below a restricted
    collection, none that only unpublished content uses."""
    private = Q(pk__in=[])
    for path in restricted_collection_paths():
        private |= Q(collection__path__startswith=path)
    return public_only(get_document_model().objects.exclude(private))


class DocumentOut(Schema):
    id: int
    title: str
    file_type: str = Field(description="File extension in lower case, e.g. `pdf`.")
    content_type: str = Field(description="Media type of the file.")
    size: int | None = Field(description="File size in bytes, if known.")
    accessible: bool = Field(
        description="Marked by the editors as accessible (e.g. tagged PDF/UA)."
    )
    download_url: str
    created_at: datetime.datetime


class DocumentDetail(DocumentOut):
    detail_url: str


class DocumentList(ListEnvelope):
    items: list[DocumentDetail]


def document_data(request, document) -> dict:
    return {
        "id": document.pk,
        "title": document.title,
        "file_type": document.file_extension.lower(),
        "content_type": document.content_type,
        # The size Wagtail stored at upload; measuring here would cost a
        # storage call and a database write per document.
        "size": document.file_size,
        "accessible": getattr(document, "accessible", False),
        "download_url": absolute(request, document.url),
        "created_at": document.created_at,
    }


def document_detail_data(request, document) -> dict:
    return {
        **document_data(request, document),
        "detail_url": api_url(request, "document_detail", document_id=document.pk),
    }


@router.get(
    "",
    response={200: DocumentList, **LIST_ERRORS},
    summary="List documents",
    description="Documents that everyone may download, newest first.",
)
def document_list(request, params: Query[ListParams]):
    documents = public_documents().order_by("-created_at", "-pk")
    items, envelope = paginate(request, documents, params)
    envelope["items"] = [document_detail_data(request, doc) for doc in items]
    return envelope


@router.get(
    "/{document_id}",
    response={200: DocumentDetail, **DETAIL_ERRORS},
    summary="One document",
)
def document_detail(request, document_id: ObjectId):
    document = public_documents().filter(pk=document_id).first()
    if document is None:
        raise not_found("There is no public document with this id.")
    return document_detail_data(request, document)
