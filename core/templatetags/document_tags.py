"""Template filters for document download links: type and size, German style."""

from django import template

from core.formatting import format_file_size, localize_digits

register = template.Library()


@register.filter
def file_type_label(document) -> str:
    """ "PDF", "DOCX", … from the file name."""
    return document.file_extension.upper()


@register.filter
def file_size_label(document) -> str:
    """ "240 KB", "1,2 MB"; empty if the file is missing.

    Uses the size Wagtail caches on the document, so a page of links costs no
    storage call (only a document without a cached size is measured once).
    """
    size = document.get_file_size()
    return "" if size is None else localize_digits(format_file_size(size))
