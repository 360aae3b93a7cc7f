"""What a locked-out person sees: a plain page in their language saying why and what to do (HTTP 429)."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes' ``AXES_LOCKOUT_CALLABLE``: answered instead of the login form while the lockout lasts."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "security/locked_out.html", {"minutes": minutes}, status=429)
