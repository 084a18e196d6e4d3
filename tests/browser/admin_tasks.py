"""Steps that several editor tasks share, in the admin of editor_server."""

import re

from django.conf import settings


def open_editor(page, title) -> str:
    """Admin search → the German page's title → its edit view; its URL.
    (The search asks for the title up to a German opening quote, which the
    search index splits differently.)"""
    admin = f"{page.server.url}/{settings.ADMIN_URL_PATH}"
    page.goto(f"{admin}pages/search/?q={title.split('„')[0]}")
    page.get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_url(re.compile(r".*/pages/\d+/edit/$"))
    return page.url
