"""The admin's import of values: upload, a preview of every row with its
errors, then "Importieren" (only for a file without errors). The file is
not kept on the server between the two steps: the preview form carries it,
signed, and the import checks it once more before writing anything."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from .forms import ImportConfirmForm, ImportUploadForm
from .importer import NEW, check_file, import_values
from .models import Import

PERMISSIONS = ("figures.add_value", "figures.change_value")
SIGNING_SALT = "figures.import"
# How long a preview may wait for its "Importieren".
PREVIEW_MAX_AGE = 2 * 60 * 60
# The preview lists at most this many rows (all rows with errors first).
PREVIEW_ROWS = 300


def can_import(user) -> bool:
    return user.has_perms(PERMISSIONS)


def _sign(user, filename: str, data: bytes) -> str:
    return signing.dumps(
        {"user": user.pk, "name": filename, "data": base64.b64encode(data).decode()},
        salt=SIGNING_SALT,
        compress=True,
    )


def _unsign(user, payload: str) -> tuple[str, bytes] | None:
    try:
        content = signing.loads(payload, salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        return None
    if content.get("user") != user.pk:
        return None
    return content["name"], base64.b64decode(content["data"])


def _preview_rows(checked) -> list:
    rows = checked.error_rows or checked.rows
    return rows[:PREVIEW_ROWS]


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    context = {
        "recent_imports": Import.objects.select_related("indicator", "source", "user")[
            :20
        ]
    }
    status = 200
    if request.method == "POST" and "payload" in request.POST:
        form = ImportConfirmForm(request.POST)
        content = _unsign(request.user, request.POST.get("payload", ""))
        if not form.is_valid() or content is None:
            messages.error(
                request,
                _(
                    "Die Vorschau ist abgelaufen. Bitte die Datei noch einmal hochladen."
                ),
            )
            return redirect("figures_import:index")
        filename, data = content
        indicator, source = form.cleaned_data["indicator"], form.cleaned_data["source"]
        checked, record = import_values(indicator, source, data, filename, request.user)
        if record is not None:
            messages.success(
                request,
                _(
                    "„%(file)s“ importiert: %(new)s neue, %(changed)s geänderte, %(same)s unveränderte Werte."
                )
                % {
                    "file": filename,
                    "new": record.created_count,
                    "changed": record.updated_count,
                    "same": record.unchanged_count,
                },
            )
            return redirect("figures_import:index")
        # Changed since the preview (e.g. the indicator's breakdown): show why.
        upload_form = ImportUploadForm(
            initial={"indicator": indicator, "source": source}
        )
        context.update(
            form=upload_form, checked=checked, preview_rows=_preview_rows(checked)
        )
        status = 400
    elif request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            indicator, source = (
                form.cleaned_data["indicator"],
                form.cleaned_data["source"],
            )
            checked = check_file(indicator, data, upload.name, source=source)
            context.update(
                checked=checked,
                preview_rows=_preview_rows(checked),
                indicator=indicator,
            )
            if checked.is_valid:
                context["confirm_form"] = ImportConfirmForm(
                    initial={
                        "indicator": indicator.pk,
                        "source": source.pk,
                        "payload": _sign(request.user, upload.name, data),
                    }
                )
                context["counts"] = {
                    "new": checked.count(NEW),
                    "changed": checked.count("changed"),
                    "unchanged": checked.count("unchanged"),
                }
            else:
                status = 400
        else:
            status = 400
    else:
        context["form"] = ImportUploadForm()
    return TemplateResponse(
        request, "figures/admin/import.html", context, status=status
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


class ImportViewSet(ViewSet):
    """The import as an entry of the "Kennzahlen" menu."""

    name = "figures_import"
    icon = "upload"
    menu_label = gettext_lazy("Werte importieren")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [path("", import_view, name="index")]
