"""Machine translation in the translation editor, off unless configured.

wagtail-localize's own translators do the work; ``flensburg_site.settings``
picks one from the environment (``machine_translator_from_env``). This
module adds what their options lack: DeepL at another address, English as
British English, and a German message instead of a server error when the
service is down or refuses (wrong key, used-up quota, unknown language).
"""

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

from wagtail.admin.utils import get_valid_next_url_from_request

from wagtail_localize.machine_translators.deepl import (
    DeepLTranslator as LocalizeDeepLTranslator,
)
from wagtail_localize.machine_translators.libretranslate import (
    LibreTranslator as LocalizeLibreTranslator,
)

logger = logging.getLogger(__name__)


class MachineTranslationFailed(Exception):
    """The service gave no usable answer; nothing was translated."""

    def __init__(self, service: str):
        super().__init__(service)
        self.service = service


class ServiceFailureMixin:
    def translate(self, source_locale, target_locale, strings):
        try:
            return super().translate(source_locale, target_locale, strings)
        # requests' errors are OSErrors, a body that is no JSON a ValueError,
        # an error answer without the translations a KeyError or TypeError.
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise MachineTranslationFailed(self.display_name) from error


class DeepLTranslator(ServiceFailureMixin, LocalizeDeepLTranslator):
    """wagtail-localize's DeepL translator. The option ``API_URL`` names
    another endpoint than DeepL's own (free or pro, chosen from the key): a
    DeepL-compatible gateway of the city's IT, or a stand-in in the tests.
    English is translated as British English, not DeepL's deprecated "EN"."""

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        return parameters


class LibreTranslator(ServiceFailureMixin, LocalizeLibreTranslator):
    """wagtail-localize's LibreTranslate translator (the city's own server)."""


class MachineTranslationFailedMiddleware(MiddlewareMixin):
    """Back to the translation editor with a German message; the editor's
    translations so far are kept (wagtail-localize writes nothing then)."""

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationFailed):
            return None
        logger.warning("Machine translation failed", exc_info=exception)
        messages.error(
            request,
            _(
                "%(service)s hat nicht übersetzt: Der Dienst ist nicht erreichbar "
                "oder hat die Anfrage abgelehnt. Ihre Übersetzungen sind erhalten. "
                "Bitte versuchen Sie es später noch einmal oder übersetzen Sie von "
                "Hand."
            )
            % {"service": exception.service},
        )
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
