"""Media files the database points at: images, renditions, documents.

A backup compares them with the media it archived, so that an object missing
from the bucket (or a file missing from the folder) shows up in the nightly
backup's output instead of at the first download after a restore.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .database import database_connection


def referenced_media(database: dict) -> set[str]:
    """The file names in the image, rendition and document tables of
    ``database`` (tables it does not have are skipped)."""
    image_model = get_image_model()
    models = [image_model, image_model.get_rendition_model(), get_document_model()]
    names: set[str] = set()
    with database_connection(database) as connection, connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        quote = connection.ops.quote_name
        for model in models:
            table = model._meta.db_table
            if table not in tables:
                continue
            column = model._meta.get_field("file").column
            cursor.execute(f"SELECT {quote(column)} FROM {quote(table)}")  # noqa: S608 (quoted names)
            names.update(name for (name,) in cursor.fetchall() if name)
    return names
