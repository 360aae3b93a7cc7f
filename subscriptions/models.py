"""A confirmed subscriber, and what each was sent.

Only confirmed addresses are stored: a subscription request travels in the signed confirmation link itself
(``subscriptions.tokens``), so an address nobody confirmed leaves no row behind, and a request for an address already
subscribed changes nothing until its owner confirms. Cancelling deletes the row and, by cascade, what was sent to it
(the right of opposition of law 09-08).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key():
    return secrets.token_urlsafe(24)


def normalise_email(address):
    """One form per address: trimmed and lower-case, so an address is stored once whatever its spelling."""
    return (address or "").strip().lower()


class Subscriber(models.Model):
    """An address that confirmed its subscription: its language and filters (empty lists mean "all")."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    page_types = models.JSONField(_("page types"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    regions = models.JSONField(_("regions"), default=list, blank=True)
    # The secret in the links of every message (change, cancel, one-click unsubscribe); a new one voids old links.
    key = models.CharField(max_length=64, default=new_key, editable=False)
    confirmed_at = models.DateTimeField(_("consent given at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The end of the window the last digest covered; the next one starts a little before it (subscriptions.digest).
    sent_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        permissions = [("view_subscriber_counts", _("Can see the number of subscribers per filter"))]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class SentItem(models.Model):
    """One published revision of a page, sent to one subscriber: the same revision never reaches them twice."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="sent_items")
    page_id = models.PositiveIntegerField()
    revision_id = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "revision_id"], name="one_digest_item_per_revision"),
        ]

    def __str__(self):
        return f"{self.subscriber_id}: page {self.page_id} revision {self.revision_id}"
