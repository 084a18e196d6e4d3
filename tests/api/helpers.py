"""Helpers for the API tests."""


def translate_page(page, locale, **fields):
    """A published translation of ``page`` (Wagtail's own copy, no wagtail-localize)."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
