"""Who wants to hear about what: only what sending needs (address, language,
frequency, topics, confirmation times)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_key() -> str:
    return secrets.token_urlsafe(24)


class Topic(models.TextChoices):
    """What a subscription follows. ``target`` says which one for the kinds
    that have several (a sheet's number, a field's slug, an event topic's
    key); it is empty for the others."""

    MEASURE_SHEET = "sheet", _("Maßnahmenblatt")
    FIELD_OF_ACTION = "field", _("Handlungsfeld")
    ALL_PAPERS = "papers", _("Alle Arbeitspapiere")
    NEWS = "news", _("Aktuelles")
    EVENT_TOPIC = "events", _("Veranstaltungen")


class Subscriber(models.Model):
    """One e-mail address. ``key`` is the secret in the address's links
    (manage, unsubscribe); a new key makes every earlier link invalid."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("sofort, eine E-Mail je Änderung")
        DAILY = "daily", _("einmal täglich als Zusammenfassung")

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    language = models.CharField(
        _("Sprache"), max_length=10, choices=settings.LANGUAGES, default="de"
    )
    frequency = models.CharField(
        _("Häufigkeit"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    key = models.CharField(max_length=64, default=new_key, editable=False)
    created_at = models.DateTimeField(_("Angemeldet am"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Abonnent/in")
        verbose_name_plural = _("Abonnent/innen")

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    """One topic of one subscriber; it counts only once confirmed (each new
    topic is confirmed by a link in a mail, also for a known address)."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.CharField(_("Thema"), max_length=10, choices=Topic.choices)
    target = models.CharField(_("Auswahl"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "topic", "target"],
                name="alerts_one_subscription_per_topic",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} {self.target}".strip()
