"""When the search engine is unreachable: the search page says so (503), everything else keeps working."""

import socket
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from search.elastic import TIMEOUT_SECONDS
from search.models import IndexQueueEntry, SearchDocument

CLOSED_PORT_URL = "http://127.0.0.1:9"


@pytest.fixture
def silent_server():
    """A TCP server on loopback that accepts connections and never answers: a hung search engine."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join(timeout=2)
    for conn in accepted:
        conn.close()
    server.close()


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL)
def test_search_page_is_503_with_a_message_when_the_engine_refuses(client, portal):
    response = client.get("/fr/search/", {"q": "outil"})
    assert response.status_code == 503
    assert "momentanément indisponible" in response.content.decode()
    assert client.get("/fr/search/suggest/", {"q": "outil"}).status_code == 503


def test_search_page_is_503_when_the_engine_hangs(client, portal, silent_server):
    with override_settings(ELASTICSEARCH_URL=silent_server):
        started = time.monotonic()
        response = client.get("/en/search/", {"q": "council"})
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "temporarily unavailable" in response.content.decode()
    # The bound, not a speed: the page waited for the client's timeout (so the engine was really asked) and gave up
    # after one attempt: a retry would add TIMEOUT_SECONDS, the client's default timeout is 10 s.
    assert TIMEOUT_SECONDS * 0.9 <= elapsed < TIMEOUT_SECONDS * 2, elapsed


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL)
def test_other_pages_and_health_check_work_when_the_engine_is_down(client, portal):
    assert client.get("/fr/").status_code == 200
    assert client.get("/ar/").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["checks"]["search"] == "down"


def test_publishing_works_when_the_engine_is_down_and_is_caught_up_later(make_page, django_capture_on_commit_callbacks):
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL), django_capture_on_commit_callbacks(execute=True):
        page = make_page("fr", "Charte de la concertation", "Texte.")
    assert page.live
    assert SearchDocument.objects.filter(page_id=page.pk).exists()
    queued = IndexQueueEntry.objects.get(page_id=page.pk)
    assert queued.action == "index"
    assert queued.last_error

    with (
        override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL),
        pytest.raises(CommandError, match="could not be applied"),
    ):
        call_command("search_index", "catch-up")
    queued.refresh_from_db()
    assert queued.attempts == 2

    # Back on the database engine (no Elasticsearch), the queue has nothing left to deliver.
    call_command("search_index", "catch-up")
    assert not IndexQueueEntry.objects.exists()
