"""``manage.py warm_cache``: fill the page cache after a whole-site purge
(each language's home page, then the sitemap; see caching.cache_warming)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from caching.cache_warming import Target, ordered_paths, warm


class Command(BaseCommand):
    help = (
        "Request each language's home page and every sitemap address, most "
        "important first, so that the page cache holds them (after a deploy, "
        "a restore or a whole-site purge)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help="Public address of the site (default: WAGTAILADMIN_BASE_URL); "
            "the page cache's keys hold its scheme and host.",
        )
        parser.add_argument(
            "--connect",
            default=None,
            metavar="HOST:PORT",
            help="Send the requests to this app server (plain HTTP) with the "
            "public host and scheme in Host and X-Forwarded-Proto.",
        )
        parser.add_argument("--concurrency", type=int, default=2)
        parser.add_argument(
            "--time-limit",
            type=float,
            default=300.0,
            help="Seconds after which no new request starts (default 300).",
        )
        parser.add_argument("--timeout", type=float, default=30.0)

    def handle(self, *args, **options):
        if options["concurrency"] < 1:
            raise CommandError("--concurrency must be at least 1")
        base_url = options["base_url"] or settings.WAGTAILADMIN_BASE_URL
        try:
            target = Target(base_url, options["connect"], timeout=options["timeout"])
            paths = ordered_paths(target)
        except (ValueError, RuntimeError, OSError) as error:
            raise CommandError(f"Cannot read the site's addresses: {error}") from error
        result = warm(
            target,
            paths,
            concurrency=options["concurrency"],
            time_limit=options["time_limit"],
        )
        for path, reason in result.failures:
            self.stderr.write(f"failed: {path} ({reason})")
        self.stdout.write(
            f"{result.pages} of {len(paths)} pages warmed in {result.seconds:.1f} s "
            f"({result.warmed} rendered, {result.already_cached} already cached), "
            f"{len(result.failures)} failures, {result.not_attempted} not attempted "
            "(time limit)"
        )
        if result.failures and not result.pages:
            raise CommandError("No page could be warmed.")
