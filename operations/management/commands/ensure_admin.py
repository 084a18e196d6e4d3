"""Create the first admin account with a generated password, once.

Run by the README's set-up command. The password is generated fresh and shown
exactly once; it is never fixed in code. If the account exists already,
nothing changes and the command says how to set a new password.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create an admin (superuser) account with a generated password if none exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site is served; the admin is at ADMIN_URL_PATH below it.",
        )

    def handle(self, *args, **options):
        admin_url = f"{options['site_url'].rstrip('/')}/{settings.ADMIN_URL_PATH}"
        user_model = get_user_model()
        username = options["username"]
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin account '{username}' exists already. Log in at {admin_url} "
                f"(forgotten password: python manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(16)
        user_model.objects.create_superuser(
            username=username,
            email=options["email"],
            password=password,
            first_name="Admin",
        )
        line = "=" * 64
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{line}\n"
                f"  Wagtail admin: {admin_url}\n"
                f"  Username:      {username}\n"
                f"  Password:      {password}\n"
                f"  (generated now, shown only this once)\n"
                f"{line}\n"
            )
        )
