"""The subscription pages: subscribe, "mail sent", confirm, manage,
unsubscribe. None is cached (``never_cache``; no fragment cache either: the
token pages' HTML depends on the database, not on the path). Only the
subscription form sets the CSRF cookie: the token pages' buttons carry their
secret in the URL and are ``csrf_exempt`` (the RFC 8058 one-click POST has no
token anyway)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie
from django.views.decorators.http import require_http_methods, require_safe

from core.ratelimit import count_subject, rate_limited

from . import links, services
from .forms import SubscribeForm
from .models import Subscriber
from .topics import labels, preselected, topic_groups

RATE_LIMITED = gettext_lazy(
    "In kurzer Zeit kamen sehr viele Anmeldungen. Bitte versuchen Sie es in "
    "einer Stunde noch einmal. Ihre Angaben sind unten noch vorhanden."
)


def _render(request, template, context, *, title, status=200, noindex=False):
    start = (_("Startseite"), reverse("wagtail_serve", args=[""]))
    base = {
        "fragment_cache_off": True,
        "title": title,
        "noindex": noindex,
        "breadcrumb_links": [start],
        "breadcrumb_items": [{"title": start[0], "url": start[1], "lang": ""}],
        "subscribe_url": reverse("alerts:subscribe"),
        "language_name": dict(settings.LANGUAGES).get(get_language(), ""),
    }
    base.update(context)
    response = TemplateResponse(request, template, base, status=status)
    if noindex:
        response["X-Robots-Tag"] = "noindex"
    return response


def _email_limited(request, email: str) -> bool:
    digest = hashlib.sha256(email.encode()).hexdigest()[:24]
    rate = settings.ALERTS_EMAIL_RATE
    return not count_subject(digest, scope="alerts-email", rate=rate).allowed


@never_cache
@ensure_csrf_cookie
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    groups = topic_groups()
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST, groups=groups)
        if rate_limited(
            request, scope="alerts-subscribe", rate_setting="ALERTS_SUBSCRIBE_RATE"
        ):
            form.is_valid()  # errors of the fields show too
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            if _email_limited(request, form.cleaned_data["email"]):
                form.add_error(None, RATE_LIMITED)
                status = 429
            else:
                services.subscription_request(
                    email=form.cleaned_data["email"],
                    topics=form.topic_pairs(),
                    frequency=form.cleaned_data["frequency"],
                    language=get_language(),
                )
                return HttpResponseRedirect(reverse("alerts:sent"), status=303)
        else:
            status = 400
    else:
        topics = preselected(
            groups, request.GET.get("thema", ""), request.GET.get("auswahl", "")
        )
        form = SubscribeForm(groups=groups, initial={"topics": topics})
    response = _render(
        request,
        "alerts/subscribe.html",
        {"form": form},
        title=_("Per E-Mail benachrichtigen"),
        status=status,
    )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


@never_cache
@require_safe
def sent(request):
    return _render(
        request, "alerts/sent.html", {}, title=_("Bitte bestätigen Sie Ihre Anmeldung")
    )


def _invalid(request, *, expired=False):
    if expired:
        title = _("Dieser Link ist abgelaufen")
    else:
        title = _("Dieser Link ist ungültig")
    return _render(
        request,
        "alerts/invalid_link.html",
        {"expired": expired},
        title=title,
        status=410 if expired else 400,
        noindex=True,
    )


def _subscriber(token: str, purpose: str):
    """(subscriber or None, error response kind or ""): "" when genuine."""
    try:
        pk, digest = links.read_token(token, purpose)
    except links.ExpiredToken:
        return None, "expired"
    except links.BadToken:
        return None, "invalid"
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        return None, "gone"
    if not links.matches(subscriber, digest, purpose):
        return None, "invalid"
    return subscriber, ""


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    subscriber, error = _subscriber(token, links.CONFIRM)
    if error:
        return _invalid(request, expired=error == "expired")
    if request.method == "POST":
        services.subscriber_confirm(subscriber)
        return HttpResponseRedirect(request.path, status=303)
    subscriptions = list(subscriber.subscriptions.order_by("topic", "target"))
    pending = [s for s in subscriptions if s.confirmed_at is None]
    done = subscriber.confirmed_at is not None and not pending
    names = labels((s.topic, s.target) for s in (pending or subscriptions))
    return _render(
        request,
        "alerts/confirm.html",
        {
            "done": done,
            "topics": [names[s.topic, s.target] for s in (pending or subscriptions)],
            "manage_url": links.site_path(subscriber, links.MANAGE),
        },
        title=_("Bestätigt") if done else _("Anmeldung bestätigen"),
        noindex=True,
    )


MANAGE_DONE = {
    "entfernt": gettext_lazy("Das Thema ist entfernt."),
    "haeufigkeit": gettext_lazy("Die Häufigkeit ist geändert."),
}


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token: str):
    subscriber, error = _subscriber(token, links.MANAGE)
    if error == "gone":
        return _unsubscribed(request, status=404)
    if error:
        return _invalid(request)
    status = 200
    if request.method == "POST":
        action = request.POST.get("aktion", "")
        if action == "alle-loeschen":
            services.subscriber_delete(subscriber.pk)
            return _unsubscribed(request)
        if action == "entfernen" and request.POST.get("abo", "").isdigit():
            services.subscription_remove(subscriber, int(request.POST["abo"]))
            return HttpResponseRedirect(f"{request.path}?erledigt=entfernt", status=303)
        if action == "haeufigkeit" and request.POST.get("haeufigkeit") in (
            Subscriber.Frequency.values
        ):
            services.frequency_change(subscriber, request.POST["haeufigkeit"])
            return HttpResponseRedirect(
                f"{request.path}?erledigt=haeufigkeit", status=303
            )
        status = 400
    subscriptions = list(subscriber.subscriptions.order_by("topic", "target"))
    names = labels((s.topic, s.target) for s in subscriptions)
    return _render(
        request,
        "alerts/manage.html",
        {
            "subscriber": subscriber,
            "rows": [(s, names[s.topic, s.target]) for s in subscriptions],
            "frequencies": Subscriber.Frequency.choices,
            "done": MANAGE_DONE.get(request.GET.get("erledigt", "")),
            "bad_request": status == 400,
        },
        title=_("Ihre Benachrichtigungen"),
        status=status,
        noindex=True,
    )


def _unsubscribed(request, status=200):
    return _render(
        request,
        "alerts/unsubscribed.html",
        {},
        title=_("Sie sind abgemeldet"),
        status=status,
        noindex=True,
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """GET: one button. POST (the button, or the mail program's RFC 8058
    one-click request ``List-Unsubscribe=One-Click``): delete everything.
    Again and again: the same answer."""
    subscriber, error = _subscriber(token, links.UNSUBSCRIBE)
    if error == "gone":
        return _unsubscribed(request)
    if error:
        return _invalid(request)
    if request.method == "POST":
        services.subscriber_delete(subscriber.pk)
        return _unsubscribed(request)
    return _render(
        request,
        "alerts/unsubscribe.html",
        {"email": subscriber.email},
        title=_("Benachrichtigungen abbestellen"),
        noindex=True,
    )
