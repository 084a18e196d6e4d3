"""Date and time fields of the admin: German formats, and no silent "today".

Wagtail's date pickers (its ``AdminDateInput`` and friends) show and read the
formats of ``WAGTAIL_DATE_FORMAT``, ``WAGTAIL_DATETIME_FORMAT`` and
``WAGTAIL_TIME_FORMAT`` (settings: "31.12.2026", "15.12.2026 18:00"). Their
picker replaces, when the field loses focus, whatever it cannot read with the
current date and time, so a typing error ("32.12.2026") would be stored as
today without a word. These widgets switch that off (the picker's
``validateOnBlur`` option, passed through Wagtail's widget config): what the
editor typed reaches the form, which accepts Django's German input formats
and answers anything else with its German error ("Bitte ein gültiges Datum
eingeben."), keeping the input.

``register_admin_date_widgets`` puts them in Wagtail's form field overrides,
so every model form of the admin (pages, snippets, inline panels) uses them;
the schedule dialog ("Veröffentlichung planen") names its widgets itself and
gets them from ``GermanPublishingPanel``.
"""

from django.db import models

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.panels import PublishingPanel
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput


class KeepInputMixin:
    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class GermanDateInput(KeepInputMixin, AdminDateInput):
    pass


class GermanDateTimeInput(KeepInputMixin, AdminDateTimeInput):
    pass


class GermanTimeInput(KeepInputMixin, AdminTimeInput):
    pass


def register_admin_date_widgets() -> None:
    register_form_field_override(models.DateField, override={"widget": GermanDateInput})
    register_form_field_override(models.TimeField, override={"widget": GermanTimeInput})
    register_form_field_override(
        models.DateTimeField, override={"widget": GermanDateTimeInput}
    )


class GermanPublishingPanel(PublishingPanel):
    """Wagtail's schedule dialog (go-live and expiry), with pickers that keep
    what the editor typed: a typo must not publish the page at once."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            widget = child.widget
            if isinstance(widget, AdminDateTimeInput) and not isinstance(
                widget, KeepInputMixin
            ):
                child.widget = GermanDateTimeInput(
                    attrs=widget.attrs,
                    js_overlay_parent_selector=widget.js_overlay_parent_selector,
                )
