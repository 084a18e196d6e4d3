"""Mail each content owner one digest of their overdue and soon-due content.

Run daily from cron (``manage.py send_review_digest``) or let the
``scheduler`` service of docker compose (``run_scheduler``) run it.
"""

from django.core.management.base import BaseCommand

from editorial.digest import review_digest_send


class Command(BaseCommand):
    help = (
        "Send every owner of overdue or soon-due pages and measure sheets one "
        "e-mail digest (Django's mail backend: console by default, SMTP in "
        "production)."
    )

    def handle(self, *args, **options):
        report = review_digest_send()
        for username in report.without_address:
            self.stderr.write(
                f"{username} has due content but no e-mail address: no digest."
            )
        self.stdout.write(f"Review digest: {len(report.sent)} e-mails sent.")
