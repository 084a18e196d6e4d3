"""A small scheduler loop for docker compose (the ``scheduler`` service).

Every ``--interval`` seconds (default 60) it publishes and unpublishes what
editors scheduled (``publish_scheduled``); once a day from ``--digest-hour``
(default 7, Europe/Berlin) it sends the owners' review digest. With cron
instead, run ``publish_scheduled`` every few minutes and
``send_review_digest`` daily and leave this out.
"""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from editorial.scheduler import scheduler_tick


class Command(BaseCommand):
    help = (
        "Loop: publish scheduled pages and snippets every interval, send the review "
        "digest once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--digest-hour", type=int, default=7)
        parser.add_argument(
            "--once", action="store_true", help="Run one tick and stop."
        )

    def handle(self, *args, interval, digest_hour, once, **options):
        last_digest = None
        self.stdout.write(
            f"Scheduler: every {interval} s publish_scheduled; "
            f"send_review_digest daily from {digest_hour}:00."
        )
        while True:
            last_digest = scheduler_tick(
                now=timezone.localtime(),
                digest_hour=digest_hour,
                last_digest=last_digest,
            )
            if once:
                return
            time.sleep(interval)
