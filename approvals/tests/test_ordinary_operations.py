"""The guard refuses publication, not ordinary work: moves, approved schedules, the translator's submit button,
the superuser's emergency entry, and a report whose cost does not grow with its rows."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from approvals.operator import publish_as_operator
from approvals.tests.helpers import decide, edit_url, state, submit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_a_superuser_moves_a_live_page_and_it_stays_live_at_its_new_address(clients, portal):
    page = ArticlePage(title="À déplacer", slug="a-deplacer", body="Approuvé.")
    portal["fr"].add_child(instance=page)
    publish_as_operator(page, "test")
    section = ArticlePage(title="Rubrique", slug="rubrique")
    portal["fr"].add_child(instance=section)
    before = state(page)

    response = clients["admin"].post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section.pk]))
    assert response.status_code == 302
    moved = Page.objects.get(pk=page.pk)
    assert moved.get_parent().pk == section.pk
    assert moved.url_path.endswith("/rubrique/a-deplacer/")
    assert state(page) == before


def test_an_approved_scheduled_revision_goes_live_with_publish_scheduled(clients, article):
    submit(clients["editor"], article, go_live_at="2099-01-01 10:00")
    for reviewer in ("dgct", "arm", "embassy"):
        decide(clients[reviewer], article)
    revision = Page.objects.get(pk=article.pk).get_latest_revision()
    assert revision.approved_go_live_at is not None and state(article)["live"] is False

    # Time passes: the go-live date is now in the past (written behind the models' back, as time would).
    past = timezone.now() - timezone.timedelta(minutes=1)
    content = {**revision.content, "go_live_at": past.isoformat()}
    type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=content)
    call_command("publish_scheduled", stdout=io.StringIO(), stderr=io.StringIO())
    assert state(article) == {"live": True, "live_revision_id": revision.pk}


def test_the_translation_editor_offers_its_submit_button_to_the_languages_translator_only(clients, article):
    ar = Locale.objects.get(language_code="ar")
    clients["editor"].post(reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [ar.pk]})
    target = article.get_translation(ar)
    html = clients["translator_ar"].get(edit_url(target)).content.decode()
    assert "&quot;canPublish&quot;: true" in html or '"canPublish": true' in html
    assert clients["translator_en"].get(edit_url(target)).status_code in (302, 403)


def test_only_superusers_are_offered_the_emergency_publication(clients, article):
    url = reverse("approvals:emergency_publish", args=[article.pk])
    assert url in clients["admin"].get(edit_url(article)).content.decode()
    assert url not in clients["editor"].get(edit_url(article)).content.decode()


def test_the_reports_queries_do_not_grow_with_its_rows(clients, portal, users, article):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert clients["dgct"].get(reverse("approvals:report")).status_code == 200
        return len(queries)

    submit(clients["editor"], article)
    decide(clients["arm"], article)
    one = count_queries()
    for index in range(3):
        page = ArticlePage(title=f"Page {index}", slug=f"page-{index}")
        portal["fr"].add_child(instance=page)
        page.save_revision(user=users["editor"])
        submit(clients["editor"], page)
        decide(clients["arm"], page)
    print(f"approvals report: {one} queries for 1 decision, {count_queries()} for 4")
    assert count_queries() == one
