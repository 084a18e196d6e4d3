"""Lockout after repeated failed admin logins (django-axes).

``LoginLockoutHandler`` counts the failures of a request twice, as
``settings.AXES_LOCKOUT_PARAMETERS`` lists them: for the pair of user name and
client address, and for the client address alone. The pair is locked after
``AXES_FAILURE_LIMIT`` failures, the address after ``AXES_IP_FAILURE_LIMIT``
(see the settings for why). axes itself compares one count with one limit;
the handler reports a count at the limit when either lock applies.
"""

import ipaddress
import math

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit

from core.ratelimit import client_address

PAIR_AND_ADDRESS = [["username", "ip_address"], "ip_address"]


class LoginLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        if settings.AXES_LOCKOUT_PARAMETERS != PAIR_AND_ADDRESS:
            raise ValueError(
                f"LoginLockoutHandler needs AXES_LOCKOUT_PARAMETERS = {PAIR_AND_ADDRESS}"
            )
        pair, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if address >= settings.AXES_IP_FAILURE_LIMIT:
            return max(pair, get_failure_limit(request, credentials))
        return pair


def login_client_address(request) -> str | None:
    """The client address of ``core.ratelimit``, if it is an IP address.

    axes stores it in an IP address column; a forged X-Forwarded-For that is
    no address (only possible when TRUST_X_FORWARDED_FOR is set without a
    proxy in front) falls back to the connecting address.
    """
    for candidate in (client_address(request), request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def lockout_response(request, original_response=None, credentials=None):
    """A German page (status 429) instead of axes' bare text."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(
        request,
        "admin_security/login_locked.html",
        {"cool_off_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    add_never_cache_headers(response)
    return response
