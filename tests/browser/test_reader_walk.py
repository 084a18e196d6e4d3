"""A reader's walk on a phone, in every locale: the office's phone number on
the first screen, the language switcher to another language, three steps
through the menu without losing the language."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.demo_pages import LOCALES, locale_prefix, localized

pytestmark = pytest.mark.browser

PHONE_WIDTH, FIRST_SCREEN = 360, 800
# Every locale switches to another one, and every locale is switched to once.
SWITCH_TO = dict(zip(LOCALES, LOCALES[3:] + LOCALES[:3], strict=True))
OTHER_PREFIXES = re.compile(
    "^/(" + "|".join(re.escape(code) for code in LOCALES if code != "de") + ")/"
)


def locale_of(path: str) -> str:
    """The locale a path belongs to by its prefix."""
    found = OTHER_PREFIXES.match(path)
    return found.group(1) if found else "de"


def test_every_locale_switches_to_another_one():
    assert sorted(SWITCH_TO.values()) == sorted(LOCALES)
    assert all(source != target for source, target in SWITCH_TO.items())
    assert locale_of("/ar/koordinierungsstelle/") == "ar"
    assert locale_of("/de-x-ls/") == "de-x-ls"
    assert locale_of("/koordinierungsstelle/") == "de"
    assert locale_of("/arbeit/") == "de"


def assert_in_locale(page, locale, step):
    path = urlsplit(page.url).path
    assert locale_of(path) == locale, f"{step}: {path} is not in {locale}"
    lang = page.locator("html").get_attribute("lang")
    assert lang == locale, f'{step}: {path} has <html lang="{lang}">, not {locale}'


@pytest.mark.parametrize("locale", LOCALES)
def test_a_reader_finds_the_phone_switches_language_and_keeps_it(
    open_page, demo_server, locale
):
    page, _ = open_page(localized(locale, "/"), PHONE_WIDTH, height=FIRST_SCREEN)

    # The office's phone number on the first screen.
    phones = page.locator('a[href^="tel:"]')
    on_first_screen = [
        box
        for phone in phones.all()
        if phone.is_visible()
        and (box := phone.bounding_box())
        and box["y"] < FIRST_SCREEN
        and box["y"] + box["height"] > 0
    ]
    assert on_first_screen, (
        f"{locale}: no phone link within the first {FIRST_SCREEN}px "
        f"({phones.count()} phone links on the page)"
    )

    # Switch language and land on the same page in the new language.
    target = SWITCH_TO[locale]
    page.locator(".language-switcher__toggle").click()
    page.locator(f'.language-switcher__link[hreflang="{target}"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == demo_server.url + locale_prefix(target) + "/"
    assert_in_locale(page, target, f"switch from {locale} to {target}")

    # Three steps through the menu stay in the language.
    for step in range(1, 4):
        toggle = page.locator(".site-nav__toggle")
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        # The entries after "Start", one after the other.
        link = page.locator("#site-nav-list a").nth(step)
        href = link.get_attribute("href")
        link.click()
        page.wait_for_load_state("networkidle")
        assert urlsplit(page.url).path == urlsplit(href).path
        assert_in_locale(page, target, f"menu step {step} ({href})")
