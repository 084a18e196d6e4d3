from django.utils.functional import SimpleLazyObject

from pages.models import SiteSettings


def site_settings(request):
    """``site_settings`` in every template: in the visitor's language, loaded
    on first use; ``site_contact``: the office and the responsible person from
    the directory, the same in every language."""
    return {
        "site_settings": SimpleLazyObject(SiteSettings.for_locale),
        "site_contact": SimpleLazyObject(SiteSettings.contact),
    }
