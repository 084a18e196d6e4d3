"""Admin forms shared by the apps."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale


class LocaleUniqueAdminForm(WagtailAdminModelForm):
    """Checks uniqueness per locale before saving.

    The constraints include the locale, which is not a form field, so Django's
    own form validation skips them; without this check a clash would end in a
    database error instead of a German message on the field.
    """

    locale_unique_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        locale_id = self.instance.locale_id or Locale.get_default().pk
        for name in self.locale_unique_fields:
            value = cleaned.get(name)
            if value in (None, ""):
                continue
            clash = model.objects.filter(
                **{name: value, "locale_id": locale_id}
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(name, self._unique_message(name))
        return cleaned

    def _unique_message(self, name):
        for constraint in self._meta.model._meta.constraints:
            if name in getattr(constraint, "fields", ()):
                return constraint.violation_error_message
        return _("Dieser Wert ist schon vergeben.")
