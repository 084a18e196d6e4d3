"""Machine translation in the translation editor, off unless configured.

wagtail-localize's own translators do the work; ``flensburg_site.settings``
picks one from the environment (``machine_translator_from_env``). This
module adds to its DeepL translator only what its options lack.
"""

from wagtail_localize.machine_translators.deepl import (
    DeepLTranslator as LocalizeDeepLTranslator,
)


class DeepLTranslator(LocalizeDeepLTranslator):
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
