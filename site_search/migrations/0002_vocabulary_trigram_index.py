"""PostgreSQL: the pg_trgm extension and a trigram index on the vocabulary,
for "Meinten Sie …?" (``site_search.vocabulary``). Nothing on SQLite, which
computes the same similarity in Python."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "site_search_vocabularyword_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON site_search_vocabularyword "
            "USING gin (word gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index),
    ]
