from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Grundlagen")

    def ready(self):
        from wagtail.signals import page_published, published

        from caching.cache_purge import never_purge, purge_on_change
        from core.admin_dates import register_admin_date_widgets
        from core.document_publication import on_published
        from core.ratelimit import check_rate_settings

        purge_on_change("core.SiteDocument", "core.SiteImage")
        never_purge("core.SiteRendition")  # written while pages render
        # A malformed rate stops the start instead of every form submission.
        check_rate_settings("FEEDBACK_RATE", "BARRIER_REPORT_RATE")
        # German dates in every admin form, never a silent "today".
        register_admin_date_widgets()
        # A document waiting for the content that uses it goes public with it.
        published.connect(on_published, dispatch_uid="core-release-documents")
        page_published.connect(
            on_published, dispatch_uid="core-release-documents-of-pages"
        )
