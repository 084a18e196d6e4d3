"""Barrier reports get a random public token: the thanks page after sending is
addressed by it instead of the report's number. Reports stored before get a
token of their own (the way Django's docs add a unique field to filled rows:
nullable, fill, then unique)."""

import secrets

from django.db import migrations, models

import pages.models.barrier_report


def fill_tokens(apps, schema_editor):
    BarrierReport = apps.get_model("pages", "BarrierReport")
    for report in BarrierReport.objects.filter(public_token__isnull=True).only("pk"):
        report.public_token = secrets.token_urlsafe(32)
        report.save(update_fields=["public_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_delete_checkuppage"),
    ]

    operations = [
        migrations.AddField(
            model_name="barrierreport",
            name="public_token",
            field=models.CharField(
                editable=False,
                max_length=64,
                null=True,
                verbose_name="Schlüssel der Bestätigungsseite",
            ),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="barrierreport",
            name="public_token",
            field=models.CharField(
                default=pages.models.barrier_report.new_public_token,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="Schlüssel der Bestätigungsseite",
            ),
        ),
    ]
