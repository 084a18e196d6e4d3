"""Create the German editorial groups and the approval workflow (idempotent)."""

from django.core.management.base import BaseCommand

from editorial.setup import APPROVERS, EDITORS, WORKFLOW_NAME, editorial_setup


class Command(BaseCommand):
    help = (
        f"Set up the groups „{EDITORS}“ and „{APPROVERS}“ with their rights and the "
        f"workflow „{WORKFLOW_NAME}“ for all pages and measure sheets. Safe to run "
        "again."
    )

    def handle(self, *args, **options):
        report = editorial_setup()
        for line in report.created:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Editorial set-up: groups „{EDITORS}“, „{APPROVERS}“; "
                f"workflow „{WORKFLOW_NAME}“."
            )
        )
