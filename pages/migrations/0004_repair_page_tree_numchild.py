"""Repair the page tree's child counts.

Before ``BasePage.with_content_json`` read ``numchild`` from the database,
translations published by wagtail-localize at commit time could store a
translated parent page (e.g. the Arabic start page) as having no children,
so Wagtail's router served the German fallback instead of the translated
children. This recounts every page's children from the tree paths, as
treebeard's ``fix_tree`` does for ``numchild``.
"""

from django.db import migrations


def numchild_recount(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    # A child's parent is its path without the last step (treebeard's
    # steplen is 4 for Wagtail's pages).
    steplen = 4
    counts = {}
    for path in Page.objects.filter(depth__gt=1).values_list("path", flat=True):
        parent = path[:-steplen]
        counts[parent] = counts.get(parent, 0) + 1
    for page in Page.objects.only("pk", "path", "numchild").iterator():
        expected = counts.get(page.path, 0)
        if page.numchild != expected:
            Page.objects.filter(pk=page.pk).update(numchild=expected)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_events_and_news"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(numchild_recount, migrations.RunPython.noop),
    ]
