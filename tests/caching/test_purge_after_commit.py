"""The second purge of the page cache, after the commit (caching.cache_purge).

A save purges at once, while its transaction is still open. Another worker
that renders the page in between still reads the old data (the save is not
committed yet) and stores that page under the new generation. The purge that
runs again after the commit drops it.

The test client shares the test's transaction, so the page rendered in between
shows the data of the save; what matters is that the copy stored between the
save and the commit is never served after the commit.
"""

import pytest

from tests.integration_checkup.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_a_page_cached_between_the_save_and_the_commit_is_dropped_after_it(
    client, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        office.title = "Koordinierungsstelle (neu)"
        office.save_revision().publish()
        # Another visitor, before the commit: rendered and stored.
        between = client.get(office.url)
        stored = client.get(office.url)

    after = client.get(office.url)

    assert (between.status_code, between["X-Cache"]) == (200, "MISS")
    assert stored["X-Cache"] == "HIT"
    assert after.status_code == 200
    assert after["X-Cache"] == "MISS"
    assert "Koordinierungsstelle (neu)" in after.content.decode()
    assert client.get(office.url)["X-Cache"] == "HIT"


def test_a_document_saved_in_a_transaction_purges_again_after_the_commit(
    client, office, django_capture_on_commit_callbacks
):
    """The same for a change that is not a page."""
    with django_capture_on_commit_callbacks(execute=True):
        DocumentFactory(title="Statusanalyse")
        client.get(office.url)
        assert client.get(office.url)["X-Cache"] == "HIT"

    assert client.get(office.url)["X-Cache"] == "MISS"
