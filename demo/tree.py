"""Writes to the page tree: building the demo site without touching editors' work."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from wagtail.models import Page, Site

from core.bootstrap import ensure_default_locale
from pages.models import HomePage, SiteSettings

logger = logging.getLogger(__name__)

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


@dataclass
class PageSpec:
    """A page the demo content wants, identified by its slug under its parent."""

    model: type[Page]
    slug: str
    title: str
    # Values may be callables, evaluated when the page is created.
    fields: dict[str, Any] = field(default_factory=dict)
    children: list[PageSpec] = field(default_factory=list)
    show_in_menus: bool = False
    # Fields that name other pages by slug path ("office", "info/rights"):
    # stream fields with link blocks, or page choosers given as a plain path.
    # Resolved once the whole tree exists.
    linked_fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    settings_filled: bool = False


class DemoContentError(Exception):
    """The database holds a site the demo content must not take over."""


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Delete the placeholder page Wagtail's first migration creates, if untouched."""
    for welcome in root.get_children().filter(title=WAGTAIL_WELCOME_TITLE):
        if welcome.specific_class is Page and welcome.numchild == 0:
            welcome.delete()


def _evaluate(fields: dict[str, Any]) -> dict[str, Any]:
    """Field values may be callables, for content that needs the database
    (e.g. a contact from the directory); they run when the page is created."""
    return {
        name: value() if callable(value) else value for name, value in fields.items()
    }


def _tree_root() -> Page:
    """The invisible root of the page tree, created if the database is empty."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(
                title="Seitenbaum", slug="root", locale=ensure_default_locale()
            )
        )
    return root


def _home_for_default_site(spec: PageSpec, report: LoadReport) -> tuple[HomePage, bool]:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        report.kept.append(site.root_page.url_path)
        return site.root_page.specific, False
    if site is not None and site.root_page.title != WAGTAIL_WELCOME_TITLE:
        raise DemoContentError(
            f"Die Standard-Website zeigt auf „{site.root_page.title}“, keine Startseite dieses "
            "Projekts. Demo-Inhalte werden nicht geladen, um nichts zu überschreiben."
        )
    root = _tree_root()
    if site is not None:
        # Point the site at the tree root while the welcome page goes.
        site.root_page = root
        site.save()
    _remove_wagtail_welcome_page(root)
    home = spec.model(title=spec.title, slug=spec.slug, **_evaluate(spec.fields))
    root.add_child(instance=home)
    home.save_revision().publish()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = spec.title
    site.save()
    report.created.append(home.url_path)
    return home, True


def _ensure_children(
    parent: Page, specs: list[PageSpec], report: LoadReport
) -> list[Page]:
    created = []
    for spec in specs:
        existing = parent.get_children().filter(slug=spec.slug).first()
        if existing is not None:
            report.kept.append(existing.url_path)
            page = existing.specific
        else:
            page = spec.model(
                title=spec.title,
                slug=spec.slug,
                show_in_menus=spec.show_in_menus,
                **_evaluate(spec.fields),
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
            report.created.append(page.url_path)
            created.append(page)
        created.extend(_ensure_children(page, spec.children, report))
    return created


def _resolve_links(
    home: Page, raw_blocks: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Replace ``{"page": "office/sub"}`` slug paths by page ids."""
    resolved = []
    for block in raw_blocks:
        value = dict(block["value"])
        if isinstance(value.get("page"), str):
            target = home
            for slug in value["page"].split("/"):
                target = target.get_children().get(slug=slug)
            value["page"] = target.pk
        resolved.append({"type": block["type"], "value": value})
    return resolved


def _apply_linked_fields(home: Page, spec: PageSpec, page: Page) -> None:
    for field_name, value in spec.linked_fields.items():
        if isinstance(value, str):  # a page chooser: the slug path of its page
            setattr(page, field_name, _page_at(home, tuple(value.split("/"))))
        else:
            setattr(page, field_name, _resolve_links(home, value))
    page.save_revision().publish()


def _walk(spec: PageSpec, path: tuple[str, ...] = ()):
    yield path, spec
    for child in spec.children:
        yield from _walk(child, (*path, child.slug))


def _page_at(home: Page, path: tuple[str, ...]) -> Page:
    page = home
    for slug in path:
        page = page.get_children().get(slug=slug)
    return page.specific


def site_settings_fill(*, values: dict[str, Any], home: Page) -> bool:
    """Fill the site settings, but only while no editor has entered anything."""
    site_settings = (
        SiteSettings.objects.filter(locale=ensure_default_locale()).first()
        or SiteSettings()
    )
    pristine = not (
        site_settings.office_id
        or site_settings.contact_person_id
        or site_settings.footer_links
    )
    if not pristine:
        return False
    for name, value in values.items():
        if name == "footer_links":
            value = _resolve_links(home, value)
        elif name.endswith("_page"):
            value = _page_at(home, tuple(value.split("/")))
        elif callable(value):
            # Looked up now: e.g. the office's entry in the directory.
            value = value()
        setattr(site_settings, name, value)
    site_settings.save()
    return True


@transaction.atomic
def page_tree_load(*, tree: PageSpec, settings_values: dict[str, Any]) -> LoadReport:
    """Create the pages of ``tree`` that are missing; never change an existing page.

    Pages are identified by their slug under their parent. Links between
    pages (quick links, teasers, footer) are filled in only on pages this
    run created, so that an editor's later changes survive every re-run.
    """
    report = LoadReport()
    home, home_created = _home_for_default_site(tree, report)
    created = _ensure_children(home, tree.children, report)
    created_ids = {page.pk for page in created}
    if home_created:
        created_ids.add(home.pk)
    for path, spec in _walk(tree):
        if not spec.linked_fields:
            continue
        page = _page_at(home, path)
        if page.pk in created_ids:
            _apply_linked_fields(home, spec, page)
    report.settings_filled = site_settings_fill(values=settings_values, home=home)
    return report
