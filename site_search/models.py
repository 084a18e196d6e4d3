from django.db import models
from django.utils.translation import gettext_lazy as _


class VocabularyWord(models.Model):
    """A word of the indexed texts in one language, as the vocabulary spells it
    (``core.search_text.word_form``): what "Meinten Sie …?" suggests from.

    Filled by the search backend whenever it indexes an object
    (``site_search.backend``), so it holds what the index holds; words of
    objects changed or deleted since stay, and a suggestion is only offered
    when it finds something (``site_search.suggest``). On PostgreSQL a
    trigram index (``pg_trgm``) finds similar words; elsewhere the same
    similarity is computed in Python (``site_search.vocabulary``).
    """

    language = models.CharField(_("Sprache"), max_length=12)
    word = models.CharField(_("Wort"), max_length=40)

    class Meta:
        verbose_name = _("Wort des Suchindex")
        verbose_name_plural = _("Wörter des Suchindex")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="unique_vocabulary_word"
            )
        ]

    def __str__(self) -> str:
        return self.word
