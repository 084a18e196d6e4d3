"""Moving a model from one app to another without touching its rows.

A migration of the receiving app creates the model in its state only
(``SeparateDatabaseAndState``) and runs ``move_models``: the table is renamed
(``<old app>_<model>`` -> ``<new app>_<model>``) and the content type is
relabelled in place. Pages, revisions, drafts, translations
(wagtail-localize), permissions, the reference and search indexes keep
pointing at the model: they all refer to the content type's row, whose id
does not change. A migration of the giving app then deletes the model from
its state only. Reversible: migrating back renames and relabels back.
"""

from django.db import migrations


def move_models(source_app: str, target_app: str, *model_names: str):
    """A ``RunPython`` operation for the receiving app's migration."""

    def move(apps, schema_editor, source, target):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(
            schema_editor.connection.alias
        )
        for name in model_names:
            model = apps.get_model(target_app, name)
            schema_editor.alter_db_table(
                model, f"{source}_{name.lower()}", f"{target}_{name.lower()}"
            )
            old = content_types.filter(app_label=source, model=name.lower())
            if old.exists():
                # A row for the target label can only be new and unused (no
                # row can have it yet); the old row, with the pages, wins.
                content_types.filter(app_label=target, model=name.lower()).delete()
                old.update(app_label=target)

    return migrations.RunPython(
        lambda apps, editor: move(apps, editor, source_app, target_app),
        lambda apps, editor: move(apps, editor, target_app, source_app),
    )
