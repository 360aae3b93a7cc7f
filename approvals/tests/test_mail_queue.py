"""Mail never blocks or breaks a decision: notifications are queued in the request and sent by a worker.

A local server that accepts connections and never answers stands for a hung mail server; aiosmtpd (a real SMTP
server in a thread) for the server coming back.
"""

import io
import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from mailer.models import RESULT_SUCCESS, Message, MessageLog
from wagtail.models import Page

from approvals.tests.helpers import decide, submit

pytestmark = pytest.mark.django_db(transaction=False)


class HungServer:
    """Accepts TCP connections and never says a word; counts them."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.accepted:
            connection.close()


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd names its hooks so
        self.messages.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def hung_server():
    server = HungServer()
    yield server
    server.close()


@pytest.fixture
def queued_mail(settings, hung_server):
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = hung_server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 1
    return settings


def test_submitting_and_approving_never_talk_to_the_mail_server(clients, article, queued_mail, hung_server):
    assert submit(clients["editor"], article).status_code == 302
    for reviewer in ("dgct", "arm", "embassy"):
        assert decide(clients[reviewer], article).status_code == 302
    assert Page.objects.get(pk=article.pk).live
    assert hung_server.accepted == []  # no request waited on the server
    assert Message.objects.count() >= 4  # three reviewers told of the submission, the author of each decision...


def test_a_hung_server_defers_the_mail_and_it_goes_out_when_the_server_returns(
    clients, article, users, queued_mail, hung_server
):
    submit(clients["editor"], article)
    queued = Message.objects.count()
    assert queued >= 3

    call_command("send_mail", stdout=io.StringIO(), stderr=io.StringIO())  # the worker meets the hung server
    assert len(hung_server.accepted) >= 1
    assert Message.objects.count() == queued  # nothing lost: deferred, still queued
    assert Message.objects.deferred().count() >= 1

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        queued_mail.EMAIL_PORT = controller.port
        call_command("retry_deferred", stdout=io.StringIO(), stderr=io.StringIO())
        call_command("send_mail", stdout=io.StringIO(), stderr=io.StringIO())
    finally:
        controller.stop()
    assert Message.objects.count() == 0
    recipients = {address for envelope in inbox.messages for address in envelope.rcpt_tos}
    assert {users["dgct"].email, users["arm"].email, users["embassy"].email} <= recipients
    assert MessageLog.objects.filter(result=RESULT_SUCCESS).count() == len(inbox.messages)


def test_a_title_with_a_line_break_does_not_break_a_decision(clients, article, queued_mail):
    article.title = "Budget\r\nparticipatif\nBcc: attacker@example.com"
    article.save_revision(user=None)
    assert submit(clients["editor"], article, title=article.title).status_code == 302
    assert decide(clients["dgct"], article).status_code == 302
    subjects = [message.email.subject for message in Message.objects.all()]
    assert subjects
    assert all("\n" not in subject and "\r" not in subject for subject in subjects)
    assert any("Budget participatif Bcc: attacker@example.com" in subject for subject in subjects)
