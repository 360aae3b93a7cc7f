"""Outgoing mail leaves the request: every message is queued in the database and sent by a worker.

A notification is written while a person submits, approves or publishes, often inside the transaction that holds the
workflow's rows. Talking to the mail server there meant that a slow or hung server held those locks (75 s and more)
and that a refused message could undo the decision. Here sending is only an INSERT into django-mailer's queue, in
the same transaction (a decision rolled back sends nothing); ``manage.py runmailer`` (a service) or
``manage.py send_mail`` (cron) delivers the queue through ``MAILER_EMAIL_BACKEND``, with ``EMAIL_TIMEOUT``, deferring
what fails (``manage.py retry_deferred`` puts it back in the queue).

Subjects are made single-line here, for every sender at once: a page title with a line break would otherwise make
Django refuse the header (``BadHeaderError``) and turn a reviewer's decision into an error page.
"""

import re

from mailer.backend import DbBackend

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def single_line(text):
    """``text`` with line breaks and other control characters replaced by one space, trimmed."""
    return CONTROL_CHARACTERS.sub(" ", str(text)).strip()


class QueuedEmailBackend(DbBackend):
    """django-mailer's database backend, with subjects made safe for a mail header."""

    def send_messages(self, email_messages):
        for message in email_messages:
            message.subject = single_line(message.subject)
        return super().send_messages(email_messages)
