"""Emails to translators: a French text changed, or a new translation awaits them.

Each translator gets one message in their own admin language, linking to the translation editor of the page in
their language. Sending failures are logged, never raised: a mail outage must not undo a publication.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from translations.roles import translators_of

logger = logging.getLogger(__name__)


def notify_translators(instance, languages, reason):
    """Email the translators of each of ``languages`` about ``instance`` (a French page or snippet).

    ``reason`` is "out_of_date" (a new French revision was published) or "new" (a translation was started).
    Returns the number of messages sent.
    """
    sent = 0
    for code in languages:
        locale = Locale.objects.filter(language_code=code).first()
        target = instance.get_translation_or_none(locale) if locale else None
        if target is None:
            continue
        for user in translators_of(code):
            if not user.email:
                continue
            sent += send_to(user, instance, target, reason)
    return sent


def send_to(user, source, target, reason):
    language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
    edit_url = AdminURLFinder(user).get_edit_url(target) or reverse("wagtailadmin_home")
    context = {
        "user": user,
        "source": source,
        "target": target,
        "reason": reason,
        "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + edit_url,
        "todo_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
    }
    with translation.override(language):
        subject = render_to_string("translations/emails/translation_needed_subject.txt", context).strip()
        body = render_to_string("translations/emails/translation_needed.txt", context)
    try:
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except OSError:
        logger.exception("Could not email translator %s about %s", user.pk, target)
        return 0
