"""Rate limits of the subscription form, per client address and per e-mail address, in the shared cache.

Per client address: a bot posting many addresses is stopped. Per e-mail address: nobody can make the portal mail
one person over and over (a confirmation is the only message an unconfirmed address ever gets). Both counters live
in the cache every worker shares (CACHES), for a fixed window from the first attempt; an outage of the cache only
lifts the limits. The view answers a refusal with a 429 page that says when to try again.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from security.network import client_ip


def per_client():
    """(attempts, seconds) per client address; ``SUBSCRIPTIONS_RATE_PER_CLIENT`` raises it for an event that brings
    many people behind one office's address."""
    return getattr(settings, "SUBSCRIPTIONS_RATE_PER_CLIENT", (10, 3600))


def per_address():
    return getattr(settings, "SUBSCRIPTIONS_RATE_PER_ADDRESS", (3, 24 * 3600))


def _spend(key, limit):
    attempts, seconds = limit
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.set(key, 1, seconds)
        count = 1
    return count <= attempts


def allow_client(request):
    """Spend one attempt of the client's address; False once its window is used up."""
    return _spend(f"subscriptions:client:{client_ip(request) or 'unknown'}", per_client())


def allow_address(email):
    """Spend one confirmation for ``email`` (normalised); False once its window is used up."""
    digest = hashlib.sha256(email.encode()).hexdigest()  # the cache holds no address
    return _spend(f"subscriptions:address:{digest}", per_address())
