"""The scheduler's clock: what ``run_scheduler`` does at each tick.

Every tick publishes what is scheduled (Wagtail's ``publish_scheduled``);
once a day, from ``digest_hour`` local time on, the owners' digest goes out.
"""

from __future__ import annotations

import datetime
import logging

from django.core.management import call_command

logger = logging.getLogger(__name__)


def scheduler_tick(
    *,
    now: datetime.datetime,
    digest_hour: int,
    last_digest: datetime.date | None,
) -> datetime.date | None:
    """Run one tick at ``now`` (local time); returns the day the digest was
    last sent. A failing job is logged and does not stop the loop."""
    try:
        call_command("publish_scheduled")
    except Exception:
        logger.exception("publish_scheduled failed")
    if now.hour >= digest_hour and last_digest != now.date():
        try:
            call_command("send_review_digest")
        except Exception:
            logger.exception("send_review_digest failed")
        else:
            return now.date()
    return last_digest
