"""HTTP behaviour shared by every endpoint: JSON errors, headers, methods, docs."""

import re

import pytest

pytestmark = pytest.mark.django_db

LIST_ENDPOINTS = [
    "pages",
    "measures",
    "organisations",
    "events",
    "documents",
    "indicators",
]


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
def test_lists_answer_json_with_cors_and_short_public_caching(api_get, home, endpoint):
    response, data = api_get(endpoint)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=60"
    assert set(data) == {"count", "limit", "offset", "next", "previous", "items"}
    # No cookie for API clients, and the strict CSP of the site is harmless here.
    assert response.cookies == {}
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_index_names_the_endpoints_and_the_description(api_get, home):
    response, data = api_get("")

    assert response.status_code == 200
    assert data["openapi"] == "http://testserver/api/v1/openapi.json"
    assert data["endpoints"]["measures"] == "http://testserver/api/v1/measures"


@pytest.mark.parametrize(
    "path",
    [
        "gibt-es-nicht",
        "pages/1/mehr",
        "pages/",
    ],
)
def test_unknown_urls_are_json_404(api_get, home, path):
    response, data = api_get(path)

    assert response.status_code == 404
    assert data["detail"].startswith("Not found")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "no-store"


def test_urls_outside_v1_are_json_404_too(client, home):
    response = client.get("/api/v2/pages")

    assert response.status_code == 404
    assert response.json()["detail"].startswith("Not found")


@pytest.mark.parametrize("object_id", ["abc", "-1", "1.5"])
def test_malformed_ids_are_400_json(api_get, home, object_id):
    response, data = api_get(f"pages/{object_id}")

    assert response.status_code == 400
    assert data["errors"][0]["location"] == ["path", "page_id"]


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
@pytest.mark.parametrize("object_id", ["0", "99999999", str(2**63 - 1), str(2**70)])
def test_ids_that_do_not_exist_are_4xx_json(api_get, home, endpoint, object_id):
    response, data = api_get(f"{endpoint}/{object_id}")

    assert response.status_code in {400, 404}
    assert data["detail"]


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
@pytest.mark.parametrize(
    "query",
    [
        "limit=-1",
        "limit=0",
        "limit=abc",
        "limit=101",
        "offset=-5",
        "offset=abc",
        "offset=99999999999999999999999",
        "limit=1e3",
    ],
)
def test_bad_query_parameters_are_400_json(api_get, home, endpoint, query):
    response, data = api_get(f"{endpoint}?{query}")

    assert response.status_code == 400
    assert data["detail"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("endpoint", ["pages", "measures", "organisations", "events"])
def test_unknown_language_is_400_json(api_get, home, endpoint):
    response, data = api_get(f"{endpoint}?sprache=klingonisch")

    assert response.status_code == 400
    assert data["detail"].startswith("Unknown language 'klingonisch'")


@pytest.mark.parametrize(
    "query",
    [
        "pages?type=%00",
        "pages?sprache=%00",
        "measures?field_of_action=%00",
        "measures?field_of_action=a%27b",
        "organisations?category=%00",
        "organisations?advice_language=%0A",
        "events?locale=de%00",
    ],
)
def test_control_characters_and_odd_values_are_400(api_get, home, query):
    response, data = api_get(query)

    assert response.status_code == 400
    assert data["detail"] == "Invalid request parameters."


def test_validation_errors_name_the_parameter(api_get, home):
    response, data = api_get("pages?limit=abc")

    assert data["detail"] == "Invalid request parameters."
    assert data["errors"][0]["location"] == ["query", "limit"]
    assert data["errors"][0]["message"]


def test_large_offset_within_range_is_an_empty_page(api_get, home):
    response, data = api_get("pages?offset=100000")

    assert response.status_code == 200
    assert data["items"] == []
    assert data["count"] == 1
    assert data["previous"] == "http://testserver/api/v1/pages"


def test_pagination_links_keep_the_filters(api_get, home):
    from tests.factories import ContentPageFactory

    for number in range(5):
        ContentPageFactory(parent=home, slug=f"seite-{number}")

    _response, first = api_get("pages?type=pages.ContentPage&limit=2")
    _response, second = api_get("pages?type=pages.ContentPage&limit=2&offset=2")

    assert first["count"] == 5
    assert first["previous"] is None
    assert first["next"] == (
        "http://testserver/api/v1/pages?type=pages.ContentPage&limit=2&offset=2"
    )
    assert second["previous"] == (
        "http://testserver/api/v1/pages?type=pages.ContentPage&limit=2"
    )
    ids = [item["id"] for item in first["items"] + second["items"]]
    assert len(set(ids)) == 4


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_405_json_without_csrf_page(client, home, method):
    response = getattr(client, method)(
        "/api/v1/pages", data={}, content_type="application/json"
    )

    assert response.status_code == 405
    assert response.json()["detail"].startswith("Method not allowed")
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.cookies == {}


def test_etag_gives_304_for_an_unchanged_answer(client, home):
    first = client.get("/api/v1/pages")
    again = client.get("/api/v1/pages", headers={"If-None-Match": first["ETag"]})

    assert first["ETag"]
    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["Cache-Control"] == "public, max-age=60"


def test_head_has_headers_but_no_body(client, home):
    response = client.head("/api/v1/pages")

    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight(client, home):
    response = client.options(
        "/api/v1/pages",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept-language",
        },
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "accept-language"


def test_openapi_description(api_get, home):
    response, schema = api_get("openapi.json")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert schema["info"]["version"] == "1"
    assert set(schema["paths"]) == {
        "/api/v1/pages",
        "/api/v1/pages/{page_id}",
        "/api/v1/measures",
        "/api/v1/measures/{measure_id}",
        "/api/v1/organisations",
        "/api/v1/organisations/{organisation_id}",
        "/api/v1/events",
        "/api/v1/events/{event_id}",
        "/api/v1/documents",
        "/api/v1/documents/{document_id}",
        "/api/v1/indicators",
        "/api/v1/indicators/{slug}",
    }
    assert all(list(operations) == ["get"] for operations in schema["paths"].values())


def test_docs_load_nothing_from_other_hosts_and_no_inline_script(client, home):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    # Own host only: ninja's static files, the site's docs stylesheet, links.
    assert not [source for source in sources if re.match(r"(https?:)?//", source)]
    assert any(source.startswith("/static/ninja/") for source in sources)
    # Only a JSON data block, which the CSP does not execute.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert all(
        'type="application/json"' in attributes or not body.strip()
        for attributes, body in scripts
    )
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response.cookies == {}
    assert all(
        client.get(source).status_code == 200
        for source in sources
        if source.startswith("/static/")
    )
