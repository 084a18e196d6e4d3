"""Fill in the text of documents uploaded before text extraction existed.

New uploads get their text when they are stored; this (re)reads it for
existing ones, e.g. after an update of the extraction libraries:

    python manage.py extract_document_text            # every document
    python manage.py extract_document_text --missing  # only those without text
    python manage.py extract_document_text --id 12 --id 15
"""

from django.core.management.base import BaseCommand

from wagtail.documents import get_document_model

from core.document_text import document_text_refresh


class Command(BaseCommand):
    help = "Extract the text of stored documents (PDF, DOCX, ODT) for the site search."

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only documents whose text is still empty.",
        )
        parser.add_argument(
            "--id",
            action="append",
            type=int,
            dest="ids",
            help="Only the document with this id (may be repeated).",
        )

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if options["missing"]:
            documents = documents.filter(extracted_text="")
        if options["ids"]:
            documents = documents.filter(pk__in=options["ids"])
        read = with_text = failed = 0
        for document in documents.iterator():
            try:
                text = document_text_refresh(document=document)
            except OSError as error:
                failed += 1
                self.stderr.write(
                    f"Document {document.pk} ({document.file.name}): file not readable: {error}"
                )
                continue
            read += 1
            with_text += bool(text)
            if options["verbosity"] > 1:
                self.stdout.write(
                    f"Document {document.pk} ({document.file.name}): {len(text)} characters"
                )
        self.stdout.write(
            f"{read} documents read, {with_text} with text, {failed} not readable."
        )
