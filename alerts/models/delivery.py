"""What changed, and which subscriber gets which change. A change is recorded
once (``key`` is unique: the same change is never recorded twice); each
subscriber gets one ``Delivery`` per change (unique too), so a restarted
worker sends what is pending and nothing twice."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .subscriptions import Subscriber, Topic


class Change(models.Model):
    """A status change of a measure sheet, a new paper version, a published
    news item or event. ``topics`` lists the (topic, target) pairs it
    concerns, e.g. ``[["sheet", "7"], ["field", "arbeit"], ["papers", ""]]``;
    ``content`` holds what the mail needs to name it (object ids, kind)."""

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30)
    topics = models.JSONField(default=list)
    content = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Änderung")
        verbose_name_plural = _("Änderungen")

    def __str__(self) -> str:
        return self.key


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("wartet")
        SENT = "sent", _("gesendet")
        FAILED = "failed", _("fehlgeschlagen")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    change = models.ForeignKey(
        Change, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # A worker sets claimed_at right before sending (atomically, only if
    # nobody holds a fresh claim); a claim older than the lease
    # (ALERTS_CLAIM_LEASE_SECONDS) belongs to a crashed worker and is taken
    # over. After a failed attempt the claim is released and next_attempt_at
    # says when the retry is due.
    claimed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "change"], name="alerts_one_delivery_per_change"
            )
        ]

    def __str__(self) -> str:
        return f"{self.change} → {self.subscriber}"


__all__ = ["Change", "Delivery", "Subscriber", "Topic"]
