"""An editor's save that meets the third approval: no deadlock, no 500, no lost text, no lost publication.

Two real requests run in two threads, each with its own PostgreSQL connection (a transactional test: nothing is
rolled back around them). The interleaving is forced: one request is held inside its transaction at a known point
(a signal that waits on an event, in that thread only) until the other one is seen waiting for a lock in
``pg_stat_activity``; then it is let go. Without ``approvals.locking`` both interleavings end in a PostgreSQL
deadlock (one request answers 500 and its work is lost); with it, the second request waits for the first and then
sees what the first did.
"""

import logging
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.db.models.signals import post_save, pre_save
from django.test import Client
from wagtail.models import Page, Revision

from approvals.models import PartnerDecision
from approvals.tests.helpers import current_task_state, decide, edit_url, form_data, state, submit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True)

EDITOR_TEXT = "Texte de l'éditeur, écrit pendant la troisième approbation."
TIMEOUT = 20


@pytest.fixture
def two_approvals(portal, users):
    """A French article submitted by the editor and approved by DGCT and ARM, committed (transactional test)."""
    page = ArticlePage(title="Budget participatif", slug="budget-participatif", summary="Un outil.", body="Texte.")
    portal["fr"].add_child(instance=page)
    page.save_revision(user=users["editor"])
    clients = {}
    for name in ("editor", "dgct", "arm", "embassy"):
        clients[name] = Client()
        clients[name].force_login(users[name])
    submit(clients["editor"], page)
    decide(clients["dgct"], page)
    decide(clients["arm"], page)
    page = Page.objects.get(pk=page.pk).specific
    return page, clients


class Request(threading.Thread):
    """One admin request in its own thread (hence its own database connection); keeps the response or the error."""

    def __init__(self, call):
        super().__init__(daemon=True)
        self.call = call
        self.response = None
        self.error = None

    def run(self):
        try:
            self.response = self.call()
        except Exception as error:  # noqa: BLE001 - the test asserts there is none
            self.error = error
        finally:
            connections.close_all()


class HoldAt:
    """Holds the thread that sends ``signal`` for ``sender`` (inside its request's transaction) until released."""

    def __init__(self, signal, sender):
        self.signal, self.sender = signal, sender
        self.reached, self.release, self.thread = threading.Event(), threading.Event(), None

    def __call__(self, **kwargs):
        if threading.current_thread() is self.thread and not self.reached.is_set():
            self.reached.set()
            assert self.release.wait(TIMEOUT), "never released"

    def __enter__(self):
        self.signal.connect(self, sender=self.sender, weak=False)
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.signal.disconnect(self, sender=self.sender)


def wait_until_a_request_waits_for_a_lock():
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError("the second request never waited for a lock")


def run_interleaved(first, second, hold):
    """Start ``first`` and hold it at ``hold``; start ``second``; once ``second`` waits for a lock, release
    ``first``; wait for both."""
    with hold:
        hold.thread = first
        first.start()
        assert hold.reached.wait(TIMEOUT), "the first request never reached its holding point"
        second.start()
        wait_until_a_request_waits_for_a_lock()
        hold.release.set()
        first.join(TIMEOUT)
        second.join(TIMEOUT)
    assert not first.is_alive() and not second.is_alive(), "a request is stuck"
    for request in (first, second):
        assert request.error is None, repr(request.error)
        assert request.response.status_code < 500


def editor_saves(page, client):
    return lambda: client.post(edit_url(page), form_data(page, body=EDITOR_TEXT))


def embassy_approves(page, client, task_state):
    return lambda: decide(client, page, task_state=task_state)


def latest_body(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().body


def test_the_third_approval_then_the_editors_save_publishes_and_keeps_the_text_as_a_draft(two_approvals):
    """The approval holds its locks first (it is held just after recording the decision); the editor saves
    meanwhile. The approved revision goes live with its three decisions; the editor's text becomes a new draft."""
    page, clients = two_approvals
    task_state = current_task_state(page)
    approved_revision_id = task_state.revision_id

    approval = Request(embassy_approves(page, clients["embassy"], task_state))
    save = Request(editor_saves(page, clients["editor"]))
    run_interleaved(approval, save, HoldAt(post_save, PartnerDecision))

    assert approval.response.status_code == 302
    assert save.response.status_code == 302
    assert state(page) == {"live": True, "live_revision_id": approved_revision_id}
    assert ArticlePage.objects.get(pk=page.pk).body == "Texte."
    assert set(
        PartnerDecision.objects.for_revision(approved_revision_id)
        .filter(decision=PartnerDecision.APPROVED)
        .values_list("partner", flat=True)
    ) == {"dgct", "arm", "embassy"}
    fresh = Page.objects.get(pk=page.pk)
    assert fresh.latest_revision_id != approved_revision_id
    assert latest_body(page) == EDITOR_TEXT
    assert fresh.has_unpublished_changes is True
    assert fresh.current_workflow_state is None


def test_the_editors_save_then_the_third_approval_keeps_the_text_and_restarts_the_review(two_approvals):
    """The editor's save holds its locks first (held as its new revision is saved); the embassy approves meanwhile.
    The new revision restarts the review; the embassy's approval of the superseded revision is refused, not a 500."""
    page, clients = two_approvals
    task_state = current_task_state(page)
    reviewed_revision_id = task_state.revision_id

    save = Request(editor_saves(page, clients["editor"]))
    approval = Request(embassy_approves(page, clients["embassy"], task_state))
    run_interleaved(save, approval, HoldAt(pre_save, Revision))

    assert save.response.status_code == 302
    assert approval.response.status_code in (302, 403)
    assert state(page) == {"live": False, "live_revision_id": None}
    fresh = Page.objects.get(pk=page.pk)
    assert fresh.latest_revision_id != reviewed_revision_id
    assert latest_body(page) == EDITOR_TEXT
    assert current_task_state(page).revision_id == fresh.latest_revision_id
    assert not PartnerDecision.objects.for_revision(fresh.latest_revision_id).exists()
    assert set(PartnerDecision.objects.for_revision(reviewed_revision_id).values_list("partner", flat=True)) == {
        "dgct",
        "arm",
    }


class LockHolder(threading.Thread):
    """Another writer, outside the serialised views: locks the task state, then (once told) the page row, so the
    editor's save, which holds the page and waits for the task state, meets a real deadlock. Its own deadlock check
    is delayed, so PostgreSQL aborts the editor's transaction, not this one; then it rolls back."""

    def __init__(self, task_state_id, page_id):
        super().__init__(daemon=True)
        self.task_state_id, self.page_id = task_state_id, page_id
        self.locked, self.go, self.done = threading.Event(), threading.Event(), threading.Event()

    def run(self):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL deadlock_timeout = '30s'")
                cursor.execute("SELECT id FROM wagtailcore_taskstate WHERE id = %s FOR UPDATE", [self.task_state_id])
                self.locked.set()
                assert self.go.wait(TIMEOUT)
                cursor.execute("SELECT id FROM wagtailcore_page WHERE id = %s FOR UPDATE", [self.page_id])
                transaction.set_rollback(True)
        finally:
            connections.close_all()
            self.done.set()


class RetryAfter(logging.Handler):
    """Holds the retry (announced by the middleware's warning) until ``event``: the other writer is gone by then,
    so the retry cannot race it for the page row."""

    def __init__(self, event):
        super().__init__(level=logging.WARNING)
        self.event, self.messages = event, []

    def emit(self, record):
        self.messages.append(record.getMessage())
        self.event.wait(TIMEOUT)


def test_a_deadlock_that_still_happens_is_retried_once_and_the_text_is_saved(two_approvals):
    page, clients = two_approvals
    holder = LockHolder(current_task_state(page).pk, page.pk)
    retry = RetryAfter(holder.done)
    logging.getLogger("approvals.locking").addHandler(retry)
    holder.start()
    assert holder.locked.wait(TIMEOUT)
    save = Request(editor_saves(page, clients["editor"]))
    save.start()
    wait_until_a_request_waits_for_a_lock()
    holder.go.set()
    save.join(TIMEOUT)
    holder.join(TIMEOUT)
    logging.getLogger("approvals.locking").removeHandler(retry)

    assert save.error is None, repr(save.error)
    assert save.response.status_code == 302
    assert [message.split(": ", 1)[1] for message in retry.messages] == ["40P01, running it once more"]
    fresh = Page.objects.get(pk=page.pk)
    assert latest_body(page) == EDITOR_TEXT
    assert current_task_state(page).revision_id == fresh.latest_revision_id
    assert state(page) == {"live": False, "live_revision_id": None}
