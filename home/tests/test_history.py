"""A page's public history (home/history.py, templates/includes/page_history.html): its publication dates and the
change notes of the revisions that went live, never those of drafts or of revisions awaiting approval."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from approvals.guard import sanctioned_publication
from toolkit.tests import factories


def publish_with_note(page, note):
    """A new revision carrying ``note``, published as partner approval does (logged as "wagtail.publish")."""
    page = Page.objects.get(pk=page.pk).specific
    page.change_note = note
    revision = page.save_revision()
    with sanctioned_publication("tests"):
        revision.publish()
    return Page.objects.get(pk=page.pk).specific


def history_notes(html):
    match = re.search(r'<ol class="page-history__list">(.*?)</ol>', html, re.S)
    return re.findall(r"</time> — (.*?)</li>", match.group(1)) if match else []


def history_block(html):
    return re.search(r'<div class="page-history muted">(.*?)</div>', html, re.S).group(1)


@pytest.fixture
def tool(portal):
    tree = factories.toolkit_tree(portal["fr"])
    return factories.ToolPageFactory(parent=tree["tools"])


def test_published_notes_newest_first_and_drafts_hidden(client, tool):
    tool = publish_with_note(tool, "Ajout du guide de mise en œuvre.")
    tool = publish_with_note(tool, "Correction des contacts.")
    tool.change_note = "Brouillon non approuvé."
    tool.save_revision()  # a draft, as an editor leaves it before partner approval

    html = client.get(tool.url).content.decode()

    assert history_notes(html) == ["Correction des contacts.", "Ajout du guide de mise en œuvre."]
    assert "Brouillon non approuvé." not in html
    assert "Historique des modifications" in html
    assert "Publié le" in html
    assert f'datetime="{localtime(tool.first_published_at):%Y-%m-%d}"' in html


def test_unchanged_note_is_shown_once(client, tool):
    tool = publish_with_note(tool, "Nouvelle fiche.")
    tool = publish_with_note(tool, "Nouvelle fiche.")  # the editor republished without describing a change

    assert history_notes(client.get(tool.url).content.decode()) == ["Nouvelle fiche."]


def test_no_notes_no_details(client, tool):
    tool = publish_with_note(tool, "")
    html = client.get(tool.url).content.decode()

    assert "page-history__dates" in html
    assert "<details" not in history_block(html)


def test_arabic_history_uses_arabic_months(client, tool):
    translated = factories.translate(tool, "ar")
    translated = publish_with_note(translated, "تحديث جهات الاتصال.")

    html = client.get(translated.url).content.decode()

    assert history_notes(html) == ["تحديث جهات الاتصال."]
    assert "سجل التعديلات" in html
    months = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
    assert any(month in history_block(html) for month in months)


def test_history_is_one_query_whatever_the_number_of_publications(client, tool):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for n in range(5):
        tool = publish_with_note(tool, f"Version {n}")
    with_5 = count(tool.url)
    for n in range(5, 50):
        tool = publish_with_note(tool, f"Version {n}")
    with_50 = count(tool.url)

    assert with_5 == with_50
    assert len(history_notes(client.get(tool.url).content.decode())) == 50


def test_the_change_note_is_offered_to_translators(tool):
    tool = publish_with_note(tool, "Ajout du guide de mise en œuvre.")
    source, _created = TranslationSource.get_or_create_from_instance(tool)

    segments = StringSegment.objects.filter(source=source, context__path="change_note")
    assert [segment.string.data for segment in segments] == ["Ajout du guide de mise en œuvre."]


def test_the_editor_writes_the_change_note_in_the_page_editor(clients, tool):
    page = clients["editor"].get(f"/admin/pages/{tool.pk}/edit/").content.decode()

    assert 'name="change_note"' in page
    assert "shown in the page&#x27;s history" in page or "l’historique de la page" in page
