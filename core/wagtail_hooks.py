"""Core's answers to Wagtail's hooks."""

from wagtail import hooks

from core.document_publication import refuse_to_public

# Documents that only unpublished content uses are for editors only.
hooks.register("before_serve_document", refuse_to_public)
