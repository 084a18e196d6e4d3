"""Subresource Integrity on the site's own scripts and stylesheets
(core/templatetags/sri_tags.py): each digest matches the file the site serves."""

import base64
import hashlib
import json
import os
from html.parser import HTMLParser

from django.conf import settings
from django.template.loader import render_to_string

import pytest

from core.templatetags.sri_tags import static_sri

pytestmark = pytest.mark.django_db


class SubresourceParser(HTMLParser):
    """The attributes of scripts with a src, stylesheets and preloads."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").split()
        if (tag == "script" and attributes.get("src")) or (
            tag == "link" and {"stylesheet", "preload"} & set(rel)
        ):
            self.found.append(attributes)


def subresources(html: str) -> list[dict]:
    parser = SubresourceParser()
    parser.feed(html)
    parser.close()
    return parser.found


def sha384(content: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode()


def served(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content)


def assert_own_files_carry_their_integrity(client, html: str) -> int:
    checked = 0
    for attributes in subresources(html):
        url = attributes.get("src") or attributes["href"]
        assert url.startswith(settings.STATIC_URL), f"{url} is not our own file"
        if attributes.get("as") == "font":
            continue
        assert attributes.get("integrity") == sha384(served(client, url)), url
        # Same origin: no crossorigin attribute needed (nor wanted).
        assert "crossorigin" not in attributes, url
        checked += 1
    return checked


def test_home_page_scripts_and_stylesheets_carry_their_integrity(client, home):
    html = client.get("/").content.decode()

    # KERN, the font stylesheet, site.css, print.css and site.js.
    assert assert_own_files_carry_their_integrity(client, html) == 5


def test_not_found_page_scripts_and_stylesheets_carry_their_integrity(client, home):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert assert_own_files_carry_their_integrity(client, response.content.decode())


def test_error_page_stylesheets_carry_their_integrity(client):
    html = render_to_string("500.html")

    # KERN, the font stylesheet and site.css; no request, no database.
    assert assert_own_files_carry_their_integrity(client, html) == 3


def test_api_docs_scripts_and_stylesheets_carry_their_integrity(client, home):
    html = client.get("/api/v1/docs").content.decode()

    # Swagger's stylesheet and ours, Swagger's two scripts and ours.
    assert assert_own_files_carry_their_integrity(client, html) == 5


def test_font_preloads_stay_without_integrity_and_with_crossorigin(client, home):
    preloads = [
        attributes
        for attributes in subresources(client.get("/").content.decode())
        if attributes.get("as") == "font"
    ]

    assert preloads
    for attributes in preloads:
        assert "integrity" not in attributes
        assert "crossorigin" in attributes


def test_production_digest_is_of_the_hashed_copy_collectstatic_wrote(
    settings, tmp_path
):
    """With the manifest storage the URL names the hashed copy, whose content
    (url() references rewritten) differs from the source file."""
    (tmp_path / "css").mkdir()
    served_copy = b"body{background:url(a.0123456789ab.png)}"
    (tmp_path / "css" / "site.c0ffee000000.css").write_bytes(served_copy)
    (tmp_path / "staticfiles.json").write_text(
        json.dumps(
            {"paths": {"css/site.css": "css/site.c0ffee000000.css"}, "version": "1.1"}
        )
    )
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_USE_FINDERS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }

    assert static_sri("css/site.css") == (
        f'integrity="{sha384(served_copy)}" href="/static/css/site.c0ffee000000.css"'
    )


def test_an_edited_file_gets_a_fresh_digest(settings, tmp_path):
    """Development: runserver keeps running while a stylesheet is edited."""
    settings.STATICFILES_DIRS = [tmp_path]
    sheet = tmp_path / "probe.css"
    sheet.write_bytes(b"a{color:red}")
    before = static_sri("probe.css")
    sheet.write_bytes(b"a{color:blue}")
    os.utime(sheet, ns=(1, 1))

    after = static_sri("probe.css")

    assert before == f'integrity="{sha384(b"a{color:red}")}" href="/static/probe.css"'
    assert after == f'integrity="{sha384(b"a{color:blue}")}" href="/static/probe.css"'
