"""Delete unconfirmed addresses after 7 days and alert history after 90
(the worker's sweep does the same; this is for cron or by hand)."""

from django.core.management.base import BaseCommand

from alerts import dispatch


class Command(BaseCommand):
    help = "Delete unconfirmed alert subscribers (7 days) and old changes (90 days)."

    def handle(self, *args, **options):
        subscribers, changes = dispatch.cleanup()
        self.stdout.write(
            f"{subscribers} unconfirmed subscriber row(s), {changes} old change(s) deleted."
        )
