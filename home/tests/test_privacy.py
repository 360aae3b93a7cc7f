"""A page's privacy holds in every language (home/privacy.py).

A superuser sets privacy on one page through the admin's privacy dialog; anonymous readers then meet the password
form or the login page in every language, and no public page (search, suggestions, listings, the home page's cards,
the adoption overview, the navigation, the language switcher and hreflang) leads to any translation of it.
"""

import importlib
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from approvals.operator import publish_as_operator
from toolkit.tests import factories

LANGUAGES = ("fr", "ar", "en")
TITLES = {"fr": "Charte de Zanzibar", "ar": "ميثاق زنجبار", "en": "Zanzibar charter"}
QUERIES = {"fr": "zanzibar", "ar": "زنجبار", "en": "zanzibar"}
PREFIXES = {"fr": "zanz", "ar": "زنج", "en": "zanz"}
PASSWORD = "partners-only"


def publish(page):
    publish_as_operator(page, "tests")
    return Page.objects.get(pk=page.pk).specific


def retitle(page, title):
    page.title = title
    page.save_revision()
    return publish(page)


@pytest.fixture
def tree(portal):
    """The French toolkit's index pages and their live Arabic and English translations, by kind and language."""
    french = factories.toolkit_tree(portal["fr"])
    return {
        kind: {"fr": index, **{code: factories.translate(index, code) for code in ("ar", "en")}}
        for kind, index in french.items()
    }


@pytest.fixture
def charter(tree):
    """A featured tool, live and indexed in the three languages, each under its own title."""
    french = publish(factories.ToolPageFactory(parent=tree["tools"]["fr"], title=TITLES["fr"], featured=True))
    pages = {"fr": french}
    for code in ("ar", "en"):
        pages[code] = retitle(factories.translate(french, code), TITLES[code])
    return pages


def set_privacy(client, page, restriction_type, **fields):
    """The admin's privacy dialog, as its form posts (``/admin/pages/<id>/privacy/``)."""
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    return client.post(url, {"restriction_type": restriction_type, **fields})


def own_restrictions(page):
    return list(PageViewRestriction.objects.filter(page_id=page.pk).values_list("restriction_type", "password"))


def search_titles(client, language):
    response = client.get(f"/{language}/search/", {"q": QUERIES[language]})
    assert response.status_code == 200
    return response.content.decode()


def suggested_titles(client, language):
    response = client.get(f"/{language}/search/suggest/", {"q": PREFIXES[language]})
    assert response.status_code == 200
    return [suggestion["title"] for suggestion in response.json()["suggestions"]]


def public_places(client, tree, language):
    """What the public pages of ``language`` say about the charter: where its title appears."""
    title = TITLES[language]
    return {
        "search": title in search_titles(client, language),
        "suggestions": title in suggested_titles(client, language),
        "listing": title in client.get(tree["tools"][language].url).content.decode(),
        "home cards": title in client.get(f"/{language}/").content.decode(),
        "adoption overview": title in client.get(tree["overview"][language].url).content.decode(),
    }


EVERYWHERE = dict.fromkeys(["search", "suggestions", "listing", "home cards", "adoption overview"], True)
NOWHERE = dict.fromkeys(EVERYWHERE, False)


def test_a_password_set_on_the_french_page_covers_its_translations_everywhere(client, clients, tree, charter):
    for code in LANGUAGES:
        assert public_places(client, tree, code) == EVERYWHERE
        assert TITLES[code] in client.get(charter[code].url).content.decode()

    response = set_privacy(clients["admin"], charter["fr"], "password", password=PASSWORD)

    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "set_privacy_done"
    for code in LANGUAGES:
        assert own_restrictions(charter[code]) == [("password", PASSWORD)]
        page = client.get(charter[code].url)
        assert page.status_code == 200
        assert 'name="password"' in page.content.decode()
        assert TITLES[code] not in page.content.decode()
        assert charter[code].audience not in page.content.decode()
        assert public_places(client, tree, code) == NOWHERE


def test_the_password_opens_the_translation_it_was_given_for(client, clients, charter):
    set_privacy(clients["admin"], charter["fr"], "password", password=PASSWORD)
    restriction = PageViewRestriction.objects.get(page=charter["ar"])
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, charter["ar"].pk])

    wrong = client.post(url, {"password": "guess", "return_url": charter["ar"].url})
    assert TITLES["ar"] not in wrong.content.decode()
    right = client.post(url, {"password": PASSWORD, "return_url": charter["ar"].url}, follow=True)
    assert TITLES["ar"] in right.content.decode()


def test_removing_the_privacy_in_any_language_makes_every_translation_public_again(client, clients, tree, charter):
    set_privacy(clients["admin"], charter["fr"], "password", password=PASSWORD)

    response = set_privacy(clients["admin"], charter["ar"], "none")

    assert response.status_code == 200
    for code in LANGUAGES:
        assert own_restrictions(charter[code]) == []
        assert TITLES[code] in client.get(charter[code].url).content.decode()
        assert public_places(client, tree, code) == EVERYWHERE


def test_a_login_restriction_sends_anonymous_readers_of_every_language_to_the_login_form(client, clients, charter):
    set_privacy(clients["admin"], charter["fr"], "login")

    for code in LANGUAGES:
        response = client.get(charter[code].url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")
        assert TITLES[code] in clients["editor"].get(charter[code].url).content.decode()


def test_changing_the_privacy_changes_it_in_every_language(clients, charter):
    reviewers = Group.objects.get(name="DGCT reviewers")
    set_privacy(clients["admin"], charter["fr"], "password", password=PASSWORD)

    set_privacy(clients["admin"], charter["en"], "groups", groups=[reviewers.pk])

    for code in LANGUAGES:
        restriction = PageViewRestriction.objects.get(page=charter[code])
        assert restriction.restriction_type == "groups"
        assert list(restriction.groups.all()) == [reviewers]


def test_a_private_section_leaves_the_navigation_of_every_language(client, clients, tree):
    for code in LANGUAGES:
        assert f'href="{tree["tools"][code].url}"' in client.get(f"/{code}/").content.decode()

    set_privacy(clients["admin"], tree["tools"]["fr"], "login")

    for code in LANGUAGES:
        assert f'href="{tree["tools"][code].url}"' not in client.get(f"/{code}/").content.decode()


def test_an_editor_cannot_set_privacy(clients, charter):
    response = set_privacy(clients["editor"], charter["fr"], "password", password=PASSWORD)

    assert response.status_code in (302, 403)
    assert not PageViewRestriction.objects.filter(page__translation_key=charter["fr"].translation_key).exists()


def test_the_privacy_dialog_says_the_setting_applies_in_every_language(clients, charter):
    response = clients["admin"].get(reverse("wagtailadmin_pages:set_privacy", args=[charter["fr"].pk]))

    html = json.loads(response.content)["html"]
    assert "data-portal-privacy-note" in html
    assert "Ce réglage s’applique à la page dans toutes les langues" in html  # the admin speaks French by default


# Translations made after the restriction ---------------------------------------------------------------------------
def translate_all(client, page):
    """An editor's "Translate into all languages" (wagtail-localize's TranslationCreator): the new drafts."""
    response = client.post(reverse("portal_translations:translate_all", args=[page.pk]))
    assert response.status_code == 302
    return {
        code: Page.objects.get(translation_key=page.translation_key, locale__language_code=code).specific
        for code in ("ar", "en")
    }


def test_a_translation_created_after_the_restriction_is_private_too(client, clients, tree):
    french = publish(factories.ToolPageFactory(parent=tree["tools"]["fr"], title=TITLES["fr"]))
    set_privacy(clients["admin"], french, "password", password=PASSWORD)

    translations = translate_all(clients["editor"], french)

    for code, page in translations.items():
        assert own_restrictions(page) == [("password", PASSWORD)]
        live = retitle(page, TITLES[code])
        response = client.get(live.url)
        assert 'name="password"' in response.content.decode()
        assert TITLES[code] not in response.content.decode()
        assert TITLES[code] not in search_titles(client, code)


def test_a_new_translation_under_a_private_parent_gets_its_sources_groups(clients, tree):
    """Under a private parent, Wagtail's page copy leaves the page's own restriction behind and wagtail-localize's
    own synchronisation copies it without its groups (readers of those groups would be refused): the translation
    must carry the same groups as its source."""
    reviewers = Group.objects.get(name="DGCT reviewers")
    french = publish(factories.ToolPageFactory(parent=tree["tools"]["fr"], title=TITLES["fr"]))
    set_privacy(clients["admin"], tree["tools"]["fr"], "login")
    set_privacy(clients["admin"], french, "groups", groups=[reviewers.pk])

    translations = translate_all(clients["editor"], french)

    for page in translations.values():
        assert own_restrictions(page) == [("groups", "")]
        assert list(PageViewRestriction.objects.get(page=page).groups.all()) == [reviewers]
        assert own_restrictions(page.get_parent()) == [("login", "")]


def test_deleting_the_french_page_leaves_its_translations_private(clients, charter):
    set_privacy(clients["admin"], charter["fr"], "password", password=PASSWORD)

    response = clients["admin"].post(reverse("wagtailadmin_pages:delete", args=[charter["fr"].pk]))

    assert response.status_code == 302
    assert not Page.objects.filter(pk=charter["fr"].pk).exists()
    for code in ("ar", "en"):
        assert own_restrictions(charter[code]) == [("password", PASSWORD)]


# Links between languages -------------------------------------------------------------------------------------------
def switcher_links(response):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S)
    return set(re.findall(r'hreflang="(\w+)"', nav.group(0))) if nav else set()


def hreflang_links(response):
    return set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', response.content.decode()))


def test_a_public_page_never_links_to_a_private_translation(client, charter):
    """A restriction that reached one language only (made before restrictions were mirrored, or written in bulk,
    which sends no signal) still keeps hreflang and the switcher off that translation."""
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=charter["ar"], restriction_type="login")])

    french, english = client.get(charter["fr"].url), client.get(charter["en"].url)

    assert switcher_links(french) == {"en"}  # the current language is not a link
    assert switcher_links(english) == {"fr"}
    assert hreflang_links(french) == hreflang_links(english) == {"fr", "en", "x-default"}


def test_privacy_costs_public_pages_no_query(client, clients, tree, charter):
    """A restriction elsewhere does not change what a public page costs: its listing, hreflang and navigation read
    privacy inside their own queries (the toolkit's query budgets hold the totals)."""
    other = factories.translate(publish(factories.ToolPageFactory(parent=tree["tools"]["fr"], title="Réservé")), "en")
    url = tree["tools"]["ar"].url

    def queries():
        client.get(url)  # warm the frame's cache and the site's root paths
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    set_privacy(clients["admin"], other, "password", password=PASSWORD)

    assert queries() == before
    assert TITLES["ar"] in client.get(url).content.decode()
    assert own_restrictions(other.get_translation(charter["fr"].locale)) == [("password", PASSWORD)]


def test_the_migration_extends_a_restriction_set_earlier_to_every_translation(client, charter):
    """Before this rule, a restriction on the French page left its translations public (and indexed)."""
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=charter["fr"], restriction_type="login")])
    assert TITLES["ar"] in search_titles(client, "ar")
    migration = importlib.import_module("home.migrations.0003_mirror_existing_view_restrictions")
    state = MigrationExecutor(connection).loader.project_state(("home", "0003_mirror_existing_view_restrictions"))

    migration.mirror_existing_restrictions(state.apps, None)

    for code in LANGUAGES:
        assert own_restrictions(charter[code]) == [("login", "")]
    for code in ("ar", "en"):
        assert client.get(charter[code].url).status_code == 302
        assert TITLES[code] not in search_titles(client, code)
