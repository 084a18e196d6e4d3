"""Load the demo site. Safe to run again: it only adds what is missing."""

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from core.bootstrap import content_locales
from demo import content as demo_content
from demo.checkup import checkup_demo_load
from demo.contacts import contacts_demo_load
from demo.editorial import editorial_demo_load
from demo.figures import figures_demo_load
from demo.moderation import moderation_demo_load
from demo.responsibility import responsibility_demo_link
from demo.translations import demo_translations_load
from demo.tree import DemoContentError, page_tree_load


class Command(BaseCommand):
    help = (
        "Build the demo content tree (home, office, Check Up Integration, refugee "
        "information, state links, help, legal pages). Existing pages are never changed."
    )

    def handle(self, *args, **options):
        content_locales()
        directory = contacts_demo_load()
        self.stdout.write(
            f"Directory: {len(directory.created)} items created "
            "(languages, categories, organisations, people, needs)."
        )
        checkup = checkup_demo_load()
        self.stdout.write(
            f"Check Up Integration: {len(checkup.created)} items created "
            "(fields of action, status analyses, measure sheets, timeline)."
        )
        figures = figures_demo_load()
        self.stdout.write(
            f"Lage in Zahlen: {len(figures.created)} example indicators created "
            "(Beispieldaten, 2015–2017)."
        )
        try:
            report = page_tree_load(
                tree=demo_content.HOME, settings_values=demo_content.SITE_SETTINGS
            )
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        for url_path in report.created:
            self.stdout.write(f"  created {url_path}")
        if responsibility_demo_link(report.created):
            self.stdout.write("Wer ist zuständig?: results linked to the info pages.")
        owned = editorial_demo_load()
        self.stdout.write(
            "Editorial: groups Redaktion and Koordinierungsstelle, approval workflow; "
            f"{owned} pages and measure sheets got an owner and review date."
        )
        waiting = moderation_demo_load()
        self.stdout.write(
            f"Moderation: {waiting} example submissions waiting (feedback, barrier report)."
        )
        home = Site.objects.get(is_default_site=True).root_page
        translated = demo_translations_load(home=home)
        self.stdout.write(f"Example translations: {len(translated)} pages translated.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(report.created)} pages created, "
                f"{len(report.kept)} existing pages left unchanged"
                + ("; site settings filled." if report.settings_filled else ".")
            )
        )
