"""Documents: only those everyone may download, linked to the site's serve view."""

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.integration_checkup.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def internal_collection():
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim-genug",
    )
    return internal


def test_list_and_detail(api_get, home):
    document = DocumentFactory(title="Statusanalyse Wohnen", accessible=True)

    _response, data = api_get("documents")
    response, detail = api_get(f"documents/{document.pk}")

    assert response.status_code == 200
    assert data["items"] == [detail]
    assert detail == {
        "id": document.pk,
        "title": "Statusanalyse Wohnen",
        "file_type": "pdf",
        "content_type": "application/pdf",
        "size": document.file_size,
        "accessible": True,
        "download_url": f"http://testserver{document.url}",
        "created_at": detail["created_at"],
        "detail_url": f"http://testserver/api/v1/documents/{document.pk}",
    }
    assert document.url.startswith("/dokumente/")


def test_download_url_serves_the_file(api_get, client, home):
    document = DocumentFactory(title="Merkblatt")

    _response, detail = api_get(f"documents/{document.pk}")
    download = client.get(detail["download_url"])

    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_documents_in_private_collections_never_appear(
    api_get, home, internal_collection
):
    public = DocumentFactory(title="Öffentlich")
    private = DocumentFactory(title="Intern", collection=internal_collection)
    below = internal_collection.add_child(name="Unterordner")
    deeper = DocumentFactory(title="Tiefer", collection=below)

    _response, data = api_get("documents")

    assert [item["id"] for item in data["items"]] == [public.pk]
    for document in (private, deeper):
        response, body = api_get(f"documents/{document.pk}")
        assert response.status_code == 404
        assert body == {"detail": "There is no public document with this id."}


def test_newest_first(api_get, home):
    first = DocumentFactory(title="Alt")
    second = DocumentFactory(title="Neu")

    _response, data = api_get("documents")

    assert [item["id"] for item in data["items"]] == [second.pk, first.pk]
