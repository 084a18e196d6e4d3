"""Find the links in the site's content, without asking the network.

What holds links is found through Django's app registry, so a new app's
fields are checked without a registration: every model of the project's own
apps (not Wagtail's, not third parties') with a rich text field, a
StreamField, a URL field or a foreign key to a page. Pages and snippets with
a draft state are read as published (``live``): what readers see.

Rich text is read in Wagtail's database format, where a link to a page is
``<a linktype="page" id="12">`` (its id is kept even after the page is
deleted); StreamFields are read from their raw JSON (``StreamValue.raw_data``)
for the same reason: a chooser's value turns into ``None`` once its page is
gone, its raw id does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Page

if TYPE_CHECKING:
    from collections.abc import Iterator

PAGE, DOCUMENT, EXTERNAL = "page", "document", "external"
# Apps whose content is not checked: this one and the demo loader.
SKIPPED_APPS = {"link_check", "demo"}


@dataclass(frozen=True)
class FoundTarget:
    """Where one link points: a page or document id, or an external URL."""

    kind: str
    target: str
    where: str = ""  # the block inside a StreamField, if any


@dataclass(frozen=True)
class LinkSource:
    """A field of a model that holds links."""

    model: type[models.Model]
    field: models.Field

    @property
    def label(self) -> str:
        return str(self.field.verbose_name)


class _RichTextLinks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[FoundTarget] = []

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        attributes = dict(attrs)
        linktype = attributes.get("linktype")
        if linktype in (PAGE, DOCUMENT) and (attributes.get("id") or "").isdigit():
            self.found.append(FoundTarget(linktype, attributes["id"]))
        elif not linktype and _is_external(attributes.get("href")):
            self.found.append(FoundTarget(EXTERNAL, attributes["href"].strip()))


def _is_external(url) -> bool:
    return isinstance(url, str) and url.strip().lower().startswith(
        ("http://", "https://")
    )


def rich_text_links(html: str) -> list[FoundTarget]:
    parser = _RichTextLinks()
    parser.feed(html or "")
    parser.close()
    return parser.found


def block_links(block, raw, where: str = "") -> Iterator[FoundTarget]:
    """The links of one block's raw (JSON) value, its children included."""
    if raw in (None, "", [], {}):
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from block_links(child, item.get("value"), where or child.label)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            is_wrapped = isinstance(item, dict) and item.get("type") == "item"
            value = item.get("value") if is_wrapped else item
            yield from block_links(block.child_block, value, where)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_links(child, raw.get(name), where)
    elif isinstance(block, blocks.PageChooserBlock):
        yield FoundTarget(PAGE, str(raw), where)
    elif isinstance(block, DocumentChooserBlock):
        yield FoundTarget(DOCUMENT, str(raw), where)
    elif isinstance(block, blocks.RichTextBlock):
        for found in rich_text_links(raw):
            yield FoundTarget(found.kind, found.target, where)
    elif isinstance(block, blocks.URLBlock) and _is_external(raw):
        yield FoundTarget(EXTERNAL, raw.strip(), where)


def field_links(instance, field) -> list[FoundTarget]:
    """The links one field of one object holds."""
    if isinstance(field, StreamField):
        value = getattr(instance, field.attname)
        return list(block_links(field.stream_block, list(value.raw_data)))
    if isinstance(field, RichTextField):
        return rich_text_links(getattr(instance, field.attname))
    if isinstance(field, models.URLField):
        url = getattr(instance, field.attname)
        return [FoundTarget(EXTERNAL, url.strip())] if _is_external(url) else []
    target_id = getattr(instance, field.attname)  # a foreign key to a page
    return [FoundTarget(PAGE, str(target_id))] if target_id else []


def _holds_links(field) -> bool:
    if isinstance(field, RichTextField | StreamField | models.URLField):
        return True
    return (
        isinstance(field, models.ForeignKey)
        and not isinstance(field, models.OneToOneField)  # a page's own row
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, Page)
    )


def _project_app_configs():
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if config.label in SKIPPED_APPS or not path.is_relative_to(base):
            continue
        if ".venv" in path.relative_to(base).parts:
            continue
        yield config


def link_sources() -> list[LinkSource]:
    """Every field of the project's models that holds links. A page type's
    fields count once, on the model that defines them."""
    sources = []
    for config in _project_app_configs():
        for model in config.get_models():
            if model._meta.proxy:
                continue
            sources.extend(
                LinkSource(model, field)
                for field in model._meta.local_concrete_fields
                if _holds_links(field)
            )
    return sources


def published(model) -> models.QuerySet:
    queryset = model._default_manager.all()
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    return queryset


@dataclass(frozen=True)
class ContentLink:
    """One link in one field of one object."""

    content_type: ContentType
    object_id: str
    object_label: str
    field_name: str
    field_label: str
    kind: str
    target: str


def content_links() -> Iterator[ContentLink]:
    """Every link in the published content."""
    by_model: dict[type[models.Model], list[LinkSource]] = {}
    for source in link_sources():
        by_model.setdefault(source.model, []).append(source)
    for model, sources in by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        for instance in published(model).iterator():
            for source in sources:
                for found in field_links(instance, source.field):
                    label = source.label
                    if found.where:
                        label = f"{label} › {found.where}"
                    yield ContentLink(
                        content_type=content_type,
                        object_id=str(instance.pk),
                        object_label=str(instance)[:255],
                        field_name=source.field.name,
                        field_label=label[:255],
                        kind=found.kind,
                        target=found.target[:2000],
                    )
