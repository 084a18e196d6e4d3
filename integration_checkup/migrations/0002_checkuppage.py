"""The Check Up Integration page moves from ``pages`` into this app.

Its table is renamed (pages_checkuppage -> integration_checkup_checkuppage)
and its content type relabelled in place (``core.model_moves``), so that
pages, revisions, drafts, translations (wagtail-localize), permissions, the
reference and search indexes keep pointing at it. ``pages.0007`` removes the model from the ``pages`` state.
"""

import datetime
import django.db.models.deletion
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from core.model_moves import move_models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_sitedocument_extracted_text'),
        ('integration_checkup', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('pages', '0006_site_settings_office'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='CheckUpPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze unter dem Titel. Erscheint auch in Teasern, Suchergebnissen und als Beschreibung für Suchmaschinen.', max_length=600, verbose_name='Einleitung')),
                ('menu_title', models.CharField(blank=True, help_text='Kurze Fassung des Titels für die Hauptnavigation, z. B. „Helfen“. Leer lassen, um den Titel zu verwenden.', max_length=40, verbose_name='Kurztitel im Menü')),
                ('last_reviewed', models.DateField(default=datetime.date.today, help_text='Datum der letzten inhaltlichen Prüfung. Wird auf der Seite als „Stand: …“ angezeigt.', verbose_name='Stand')),
                ('contains_examples', models.BooleanField(default=False, help_text='Anhaken, solange Teile der Seite Beispiele sind, die noch durch geprüfte Angaben ersetzt werden. Die Seite zeigt dann unter dem Inhalt einen kurzen Hinweis.', verbose_name='Enthält Beispielinhalte')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 8), ('link_list', 17), ('call_to_action', 21), ('accordion', 26), ('contact', 30), ('notice', 34), ('checkup_timeline', 35), ('checkup_progress', 36)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Zwischenüberschrift (H2)'), ('h3', 'Unterüberschrift (H3)')], 'help_text': 'H2 für Abschnitte, H3 für Unterabschnitte. Keine Ebene überspringen.', 'label': 'Ebene'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('pages.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Bild'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Beschreibt, was das Bild zeigt, für Menschen, die es nicht sehen.', 'label': 'Alternativtext', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Nur ankreuzen, wenn das Bild keine Information trägt.', 'label': 'Rein dekorativ', 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Bildunterschrift', 'max_length': 250, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('decorative', 6), ('caption', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Seite dieser Website', 'required': False}), 11: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Dokument', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leer lassen, um den Titel der Seite oder des Dokuments zu verwenden.', 'label': 'Linktext', 'max_length': 120, 'required': False}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Beschreibung', 'max_length': 400, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('page', 10), ('document', 11), ('url', 12), ('label', 13), ('description', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'Links', 'min_num': 1}), 17: ('wagtail.blocks.StructBlock', [[('title', 9), ('links', 16)]], {}), 18: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 500, 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('page', 10), ('document', 11), ('url', 12), ('label', 13)]], {'label': 'Ziel'}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Beschriftung der Schaltfläche', 'max_length': 60}), 21: ('wagtail.blocks.StructBlock', [[('title', 0), ('text', 18), ('link', 19), ('button_label', 20)]], {}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'Frage / Titel', 'max_length': 250}), 23: ('pages.blocks.ParagraphBlock', (), {'label': 'Antwort / Inhalt'}), 24: ('wagtail.blocks.StructBlock', [[('heading', 22), ('content', 23)]], {}), 25: ('wagtail.blocks.ListBlock', (24,), {'label': 'Einträge', 'min_num': 1}), 26: ('wagtail.blocks.StructBlock', [[('title', 9), ('items', 25)]], {}), 27: ('wagtail.snippets.blocks.SnippetChooserBlock', ('contacts.Person',), {'label': 'Person', 'required': False}), 28: ('wagtail.snippets.blocks.SnippetChooserBlock', ('contacts.Organisation',), {'label': 'Organisation', 'required': False}), 29: ('wagtail.blocks.CharBlock', (), {'help_text': 'z. B. „Ihre Ansprechpartnerin“; leer lassen für keine.', 'label': 'Überschrift', 'max_length': 120, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('person', 27), ('organisation', 28), ('heading', 29)]], {}), 31: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('warning', 'Wichtiger Hinweis'), ('success', 'Erledigt / positiv'), ('danger', 'Warnung')], 'label': 'Art'}), 32: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 200}), 33: ('pages.blocks.ParagraphBlock', (), {'label': 'Text', 'required': False}), 34: ('wagtail.blocks.StructBlock', [[('kind', 31), ('title', 32), ('text', 33)]], {}), 35: ('integration_checkup.blocks.CheckUpTimelineBlock', (), {}), 36: ('integration_checkup.blocks.CheckUpProgressBlock', (), {})}, verbose_name='Inhalt')),
                ('social_image', models.ForeignKey(blank=True, help_text='Erscheint, wenn die Seite in Messengern oder sozialen Netzwerken geteilt wird. Leer lassen für das Standardbild aus den Website-Einstellungen.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='Vorschaubild für soziale Medien')),
            ],
            options={
                'verbose_name': 'Check Up Integration',
                'verbose_name_plural': 'Check Up Integration',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
        ], database_operations=[]),
        move_models('pages', 'integration_checkup', 'CheckUpPage'),
    ]
