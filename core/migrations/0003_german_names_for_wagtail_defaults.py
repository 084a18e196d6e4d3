"""German names for what Wagtail's own migrations create in English.

Editors meet them in the admin: the root of the page tree ("Root", in the
explorer's breadcrumbs and the page chooser), the root collection ("Root",
when uploading documents and images) and the default workflow and its task
("Moderators approval"). Renamed only while they still carry Wagtail's name.

In core, not in pages: wagtail-localize compares a translation's source with
the last migration of its model's app, and a migration in pages would tell
every existing page translation that its data model changed.
"""

from django.db import migrations

RENAMES = {
    "page": ("Root", "Seitenbaum"),
    "collection": ("Root", "Allgemein"),
    # The names editorial.setup gives them (setup_editorial finds them so).
    "workflow": ("Moderators approval", "Freigabe durch die Koordinierungsstelle"),
    "task": ("Moderators approval", "Prüfung durch die Koordinierungsstelle"),
}


def rename(apps, forward: bool):
    def names(kind):
        english, german = RENAMES[kind]
        return (english, german) if forward else (german, english)

    old, new = names("page")
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new
    )
    old, new = names("collection")
    apps.get_model("wagtailcore", "Collection").objects.filter(
        depth=1, name=old
    ).update(name=new)
    old, new = names("workflow")
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    old, new = names("task")
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, forward=True)


def backwards(apps, schema_editor):
    rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_sitedocument_extracted_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
