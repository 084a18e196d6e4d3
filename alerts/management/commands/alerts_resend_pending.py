"""Hand pending alert mails whose task was lost (a crashed worker) to new
tasks. Run it before the worker starts (docker-compose does); with
``--every`` it also keeps a sweep task running in the worker."""

from django.core.management.base import BaseCommand

from alerts import tasks


class Command(BaseCommand):
    help = "Re-enqueue pending alert mails whose task was lost."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            help="Then sweep again in the worker every this many seconds.",
        )

    def handle(self, *args, every: int, **options):
        count = tasks.resend_pending()
        if every:
            tasks.schedule_sweep(every)
        self.stdout.write(f"{count} task(s) enqueued.")
