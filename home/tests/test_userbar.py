"""Wagtail's user bar on public pages: the people who work on the portal get "Edit this page" and the way back to the
admin from the page they read; readers get nothing, and no query is added to their pages."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from toolkit.tests import factories

USERBAR = '<template id="wagtail-userbar-template">'


def tool_page(portal):
    index = factories.ToolIndexPageFactory(parent=portal["fr"])
    return factories.ToolPageFactory(parent=index, title="Budget participatif")


def test_a_signed_in_editor_gets_the_user_bar_with_an_edit_link(portal, clients):
    tool = tool_page(portal)
    html = clients["editor"].get(tool.url).content.decode()
    assert html.count(USERBAR) == 1
    assert f'/admin/pages/{tool.pk}/edit/"' in html


def test_on_arabic_pages_it_is_there_too(portal, clients):
    """Wagtail places it at the inline end (inset-inline-end): on the left of a right-to-left page, as a browser walk
    showed; naming "bottom-left" would put it on the right."""
    html = clients["editor"].get("/ar/").content.decode()
    assert 'dir="rtl"' in html
    assert html.count(USERBAR) == 1 and "w-userbar--bottom-right" in html


def test_readers_get_no_user_bar_and_no_query_for_it(client, portal):
    tool = tool_page(portal)
    client.get(tool.url)
    with CaptureQueriesContext(connection) as anonymous:
        html = client.get(tool.url).content.decode()
    assert USERBAR not in html and "w-userbar" not in html
    assert not any(re.search(r"auth_permission|auth_user|django_session", q["sql"]) for q in anonymous.captured_queries)
