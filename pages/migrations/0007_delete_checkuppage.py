"""The Check Up Integration page now lives in ``integration_checkup``
(its migration 0002 renames the table and relabels the content type); here it
only leaves the ``pages`` state."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0006_site_settings_office'),
        ('integration_checkup', '0002_checkuppage'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='CheckUpPage')],
            database_operations=[],
        ),
    ]
