"""How often one address may post the proposal form: ``PROPOSALS_RATE_LIMIT`` posts in ``PROPOSALS_RATE_WINDOW``
seconds, counted in the shared cache (every worker sees the same count).

Every post counts, valid or not: a robot that learns nothing from its refusals still spends its allowance. The
address is the one the portal trusts (``security.network.client_ip``: ``X-Forwarded-For`` only from a trusted
proxy), kept hashed in the cache key. A cache outage counts nothing and refuses no one: the honeypot still stands.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from security.network import client_ip


def _key(request):
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"proposals:posts:{digest}"


def over_limit(request):
    """Count this post; True when the address has posted more than the limit within the window."""
    key = _key(request)
    try:
        cache.add(key, 0, timeout=settings.PROPOSALS_RATE_WINDOW)
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr: this post is the first of a new window
        cache.set(key, 1, timeout=settings.PROPOSALS_RATE_WINDOW)
        count = 1
    return count is not None and count > settings.PROPOSALS_RATE_LIMIT
