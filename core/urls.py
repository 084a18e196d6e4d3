"""Document URLs under /dokumente/, replacing ``wagtail.documents.urls``.

The URL names stay Wagtail's, so ``document.url`` and the admin keep working.
"""

from django.urls import path

from wagtail.documents.views.serve import authenticate_with_password

from core.views import serve_document

urlpatterns = [
    path(
        "<int:document_id>/<path:document_filename>",
        serve_document,
        name="wagtaildocs_serve",
    ),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
