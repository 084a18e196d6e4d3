"""Two app servers behind the project's nginx share everything that matters.

The cluster (tests/scaleout/conftest.py, scripts/local_cluster.py): two
gunicorn servers A and B with the production settings, on one PostgreSQL
database, one Redis database and one S3 bucket (moto), behind the deployment's
nginx (round robin). Proven through each server directly and the balancer:

- an editor publishes on A and B's very first answer afterwards is fresh, for
  the page itself and for the menu on another page, both whole-page cached on
  A and B before (the generation purge in Redis reaches both), and for the
  menu as a fragment (a request with a session cookie renders the page, the
  menu from the fragment cache);
- a document uploaded through A's admin downloads through B and the
  balancer, with Range, from the bucket; an image uploaded through A shows
  in B's admin from the bucket; nothing is written to MEDIA_ROOT or media/;
- an admin session with two-factor login started on A is valid on B;
- django-axes counts failed logins across both servers, and the barrier
  report's rate limit counts submissions across both (5 per hour, not 10).

The propagation time (A's publish answer to B's first fresh answer) and the
cluster's start-up time are printed (``-s``); NOTES-scale-h1.md records them,
and how each test was shown to fail (conftest: ``SCALEOUT_SERVER_B_ENV``).
"""

from __future__ import annotations

import io
import json
import re
import time
import uuid

import pytest

from tests.scaleout.conftest import ROOT_MEDIA, Visitor, csrf_token

# One worker starts the cluster for all of them under `--dist loadgroup`.
pytestmark = [pytest.mark.database, pytest.mark.xdist_group("scaleout")]

PASSWORD = "ein-sicheres-Passwort-für-die-Skalierung"
MENU_SLUG = "wie-kann-geholfen-werden"
BARRIER_FORM = "/barrierefreiheit/barriere-melden/"
A, B = 0, 1

SETUP = """
import json
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page
users = get_user_model().objects
editor = users.create_superuser("skalierung", "skalierung@example.org", PASSWORD)
users.create_superuser("sperre", "sperre@example.org", PASSWORD)
device = TOTPDevice.objects.create(user=editor, name="Diensthandy", confirmed=True)
page = Page.objects.get(slug=MENU_SLUG, locale__language_code="de").specific
print("RESULT", json.dumps({
    "key": device.key, "device": device.persistent_id, "page": page.pk,
    "path": page.get_url(), "title": page.title, "menu": page.nav_title,
}))
"""

DRAFT = """
from django.contrib.auth import get_user_model
from wagtail.models import Page
page = Page.objects.get(pk=PAGE).specific
page.title = TITLE
page.menu_title = MENU
page.save_revision(user=get_user_model().objects.get(username="skalierung"))
"""


def shell(cluster, code: str, **values) -> dict:
    for name, value in values.items():
        code = code.replace(name, repr(value))
    output = cluster.manage("shell", "-c", code).stdout
    found = re.search(r"^RESULT (.*)$", output, re.MULTILINE)
    return json.loads(found.group(1)) if found else {}


def report(figure: str) -> None:
    """A measured figure, shown with ``pytest -s`` (NOTES quote them)."""
    print(f"\n[scale-out] {figure}")  # noqa: T201 - the figures are the point


def totp_code(key: str) -> str:
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(key)):06d}"


def media_files(cluster) -> list[str]:
    found = [*cluster.media_root.rglob("*")]
    if ROOT_MEDIA.exists():
        found += ROOT_MEDIA.rglob("*")
    return sorted(str(path) for path in found if path.is_file())


@pytest.fixture(scope="module")
def site(cluster):
    """Users (an editor with a TOTP device), the menu page, a draft of it
    with a new title (saving a draft purges: done before the caches warm)."""
    started = time.monotonic()
    facts = shell(cluster, SETUP, PASSWORD=PASSWORD, MENU_SLUG=MENU_SLUG)
    marker = uuid.uuid4().hex[:8]
    facts["new_title"] = f"Helfen in Flensburg {marker}"
    facts["new_menu"] = f"Mithelfen {marker}"
    shell(
        cluster,
        DRAFT,
        PAGE=facts["page"],
        TITLE=facts["new_title"],
        MENU=facts["new_menu"],
    )
    facts["media_before"] = media_files(cluster)
    report(f"cluster start-up, seconds per step: {cluster.timings}")
    report(f"users and draft: {time.monotonic() - started:.1f} s")
    return facts


@pytest.fixture(scope="module")
def editor(cluster, site):
    """An editor logged in on A with password and TOTP code."""
    visitor = Visitor(cluster, address="198.51.100.1")
    login = visitor.get(A, "/admin/login/")
    assert login.status_code == 200
    answer = visitor.post(
        A,
        "/admin/login/",
        {"username": "skalierung", "password": PASSWORD, "next": "/admin/"},
    )
    assert answer.status_code == 302, answer.text[:2000]
    # Password alone: neither server lets the session into the admin yet.
    for target in (A, B):
        waiting = visitor.get(target, "/admin/")
        assert waiting.status_code == 302
        assert "/admin/2fa/auth" in waiting.headers["Location"]
    verify = visitor.get(A, "/admin/2fa/auth?next=/admin/")
    assert verify.status_code == 200
    verified = visitor.post(
        A,
        "/admin/2fa/auth?next=/admin/",
        {
            "otp_device": site["device"],
            "otp_token": totp_code(site["key"]),
            "next": "/admin/",
        },
    )
    assert verified.status_code == 302, verified.text[:2000]
    assert verified.headers["Location"] == "/admin/"
    return visitor


def test_a_two_factor_session_started_on_a_is_valid_on_b(cluster, editor):
    for target in (A, B, "lb"):
        dashboard = editor.get(target, "/admin/")
        assert dashboard.status_code == 200, target
        assert "skalierung" in dashboard.text


def in_menu(html: str, path: str, title: str) -> bool:
    """The header menu links ``path`` with ``title``."""
    link = rf'class="site-nav__link[^"]*" href="{re.escape(path)}"[^>]*>'
    return re.search(link + re.escape(title) + "</a>", html) is not None


def fragments_of_current_generation(cluster, name: str) -> list[bytes]:
    import redis

    client = redis.Redis.from_url(cluster.redis_url)
    try:
        generation = int(client.get(":1:page-cache:generation"))
        return client.keys(f":1:page-cache:fragment:{name}:{generation}:*")
    finally:
        client.close()


def test_a_publication_on_a_is_served_by_b_at_once(cluster, site, editor):
    path = site["path"]
    reader = Visitor(cluster)
    # A session cookie: the page is rendered, not served whole from the cache,
    # and takes its menu from the fragment cache.
    with_session = {"Cookie": "sessionid=keine-sitzung"}
    for target in (A, B):
        for page in (path, "/"):
            reader.get(target, page)
            cached = reader.get(target, page)
            assert cached.headers["X-Cache"] == "HIT", (target, page)
            assert in_menu(cached.text, path, site["menu"])
        assert f"<title>{site['title']}" in reader.get(target, path).text
        rendered = reader.get(target, "/", headers=with_session)
        assert "X-Cache" not in rendered.headers
        assert in_menu(rendered.text, path, site["menu"])
    assert fragments_of_current_generation(cluster, "main-navigation")

    publish = f"/admin/bulk/wagtailcore/page/publish/?id={site['page']}"
    confirm = editor.get(A, publish)
    assert confirm.status_code == 200
    published = editor.post(
        A, publish, {"csrfmiddlewaretoken": csrf_token(confirm.text)}
    )
    after_publish = time.monotonic()
    assert published.status_code == 302, published.text[:2000]

    page_on_b = reader.get(B, path)
    propagation = time.monotonic() - after_publish
    home_on_b = reader.get(B, "/")
    fragment_on_b = reader.get(B, "/", headers=with_session)
    report(f"publish on A -> fresh page on B: {propagation * 1000:.0f} ms")

    assert page_on_b.headers["X-Cache"] == "MISS"
    assert f"<title>{site['new_title']}" in page_on_b.text
    assert in_menu(page_on_b.text, path, site["new_menu"])
    assert home_on_b.headers["X-Cache"] == "MISS"
    assert in_menu(home_on_b.text, path, site["new_menu"])
    assert in_menu(fragment_on_b.text, path, site["new_menu"])
    for target in (A, "lb"):
        assert site["new_title"] in reader.get(target, path).text
        assert in_menu(reader.get(target, "/").text, path, site["new_menu"])


def test_a_document_uploaded_on_a_downloads_from_the_bucket_on_b(cluster, site, editor):
    content = b"%PDF-1.4\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"
    form = editor.get(A, "/admin/documents/add/")
    assert form.status_code == 200
    title = f"Skalierung {uuid.uuid4().hex[:8]}"
    uploaded = editor.post(
        A,
        "/admin/documents/add/",
        {
            "csrfmiddlewaretoken": csrf_token(form.text),
            "title": title,
        },
        files={"file": ("skalierung.pdf", content, "application/pdf")},
    )
    assert uploaded.status_code == 302, uploaded.text[:3000]
    facts = shell(
        cluster,
        "import json\nfrom wagtail.documents import get_document_model\n"
        "d = get_document_model().objects.get(title=TITLE)\n"
        'print("RESULT", json.dumps({"url": d.url, "name": d.file.name}))',
        TITLE=title,
    )

    stored = cluster.s3.get_object(Bucket=cluster.bucket, Key=facts["name"])
    assert stored["Body"].read() == content
    for target in (B, "lb"):
        part = Visitor(cluster).get(
            target, facts["url"], headers={"Range": "bytes=9-40"}
        )
        assert part.status_code == 206, target
        assert part.content == content[9:41]
        assert part.headers["Content-Range"] == f"bytes 9-40/{len(content)}"
    assert media_files(cluster) == site["media_before"]


def test_an_image_uploaded_on_a_renders_from_the_bucket_on_b(cluster, site, editor):
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (640, 480), (0, 92, 169)).save(picture, "PNG")
    form = editor.get(A, "/admin/images/add/")
    assert form.status_code == 200
    title = f"Hafen {uuid.uuid4().hex[:8]}"
    uploaded = editor.post(
        A,
        "/admin/images/add/",
        {
            "csrfmiddlewaretoken": csrf_token(form.text),
            "title": title,
        },
        files={"file": ("hafen.png", picture.getvalue(), "image/png")},
    )
    assert uploaded.status_code == 302, uploaded.text[:3000]
    image_id = shell(
        cluster,
        "import json\nfrom wagtail.images import get_image_model\n"
        'print("RESULT", json.dumps({"id": get_image_model().objects.get(title=TITLE).pk}))',
        TITLE=title,
    )["id"]

    edit = editor.get(B, f"/admin/images/{image_id}/")
    assert edit.status_code == 200
    sources = re.findall(r'<img[^>]+src="([^"]+)"', edit.text)
    renditions = [src for src in sources if src.startswith(cluster.s3_endpoint)]
    assert renditions, sources
    import requests

    fetched = requests.get(renditions[0], timeout=30)
    assert fetched.status_code == 200
    assert Image.open(io.BytesIO(fetched.content)).size[0] > 0
    assert media_files(cluster) == site["media_before"]


def test_failed_logins_count_across_both_servers(cluster, site):
    visitor = Visitor(cluster, address="198.51.100.20")
    assert visitor.get(A, "/admin/login/").status_code == 200
    statuses = [
        visitor.post(
            (A, B)[attempt % 2],
            "/admin/login/",
            {"username": "sperre", "password": f"falsch-{attempt}"},
        ).status_code
        for attempt in range(5)
    ]
    # AXES_FAILURE_LIMIT = 5: the fifth failure locks, on either server.
    assert statuses == [200, 200, 200, 200, 429]
    for target in (A, B):
        right = visitor.post(
            target, "/admin/login/", {"username": "sperre", "password": PASSWORD}
        )
        assert right.status_code == 429, target


def test_the_form_rate_limit_counts_across_both_servers(cluster):
    visitor = Visitor(cluster, address="198.51.100.30")
    assert visitor.get(A, BARRIER_FORM).status_code == 200
    # BARRIER_REPORT_RATE = 5/h: an empty report is counted, then refused
    # (400); the sixth submission is over the limit (429) on either server.
    statuses = [
        visitor.post((A, B)[attempt % 2], BARRIER_FORM, {}).status_code
        for attempt in range(7)
    ]
    assert statuses == [400] * 5 + [429, 429]
