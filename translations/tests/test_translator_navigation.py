"""Navigation never leads a translator to a refusal: every link of the translation editor opens for them.

The translation editor (wagtail-localize) links to the other language versions in its header and in its React app,
and offers Delete, Lock and Unpublish; for a translator confined to Arabic those led to "you do not have permission".
"""

import html
import json
import re

import pytest
from django.contrib.messages import constants, get_messages
from django.test import Client
from django.urls import reverse

from translations.review import review_url

pytestmark = pytest.mark.django_db


def editor_links(content):
    """Every admin address the page offers: its anchors, and the React app's props (editUrl, exploreUrl...)."""
    links = set(re.findall(r'href="(/admin/[^"#]*)"', content))
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', content).group(1)))
    for item in props["translations"]:
        links.add(item["editUrl"])
    for item in props["breadcrumb"]:
        links.add(item["exploreUrl"])
    permitted = {
        "canDelete": "deleteUrl",
        "canLock": "lockUrl",
        "canUnlock": "unlockUrl",
        "canUnpublish": "unpublishUrl",
    }
    for perm, link in permitted.items():
        if props["perms"].get(perm) and props["links"].get(link):
            links.add(props["links"][link])
    return props, {link for link in links if "logout" not in link}


def test_every_link_of_the_translation_editor_opens_for_the_translator(users, arabic):
    translator = Client()
    translator.force_login(users["translator_ar"])
    content = translator.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).content.decode()
    props, links = editor_links(content)
    assert len(links) >= 5

    refused = []
    for link in sorted(links):
        client = Client()  # each link on its own: no message carried over from another
        client.force_login(users["translator_ar"])
        response = client.get(link)
        errors = [m for m in get_messages(response.wsgi_request) if m.level >= constants.ERROR]
        if response.status_code >= 400 or errors:
            refused.append((link, response.status_code))
    assert refused == []

    assert not any(props["perms"].get(perm) for perm in ("canDelete", "canLock", "canUnlock", "canUnpublish"))
    other_languages = {item["locale"]["code"]: item["editUrl"] for item in props["translations"]}
    assert other_languages["fr"] == review_url(arabic) and other_languages["en"] == review_url(arabic)


def test_editors_keep_every_link(users, arabic):
    editor = Client()
    editor.force_login(users["editor"])
    content = editor.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).content.decode()
    props, _links = editor_links(content)
    french = arabic.get_translation(arabic.get_translations().get(locale__language_code="fr").locale)
    assert {item["editUrl"] for item in props["translations"]} >= {reverse("wagtailadmin_pages:edit", args=[french.pk])}
