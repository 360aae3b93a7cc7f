"""The footer's links to the institutional pages follow their publication on every cached page, in every process.

The footer is part of the site frame, cached per language with its language's generation (home/context_processors.py)
and inside every cached page. Publishing, unpublishing or deleting an institutional page renews its language's
generation (pagecache/invalidation.py): the next anonymous GET, here or in another worker, shows the footer afresh.
"""

from django.urls import reverse

from approvals.operator import publish_as_operator
from approvals.tests.helpers import decide
from institutional.tests.forms import information_form
from pagecache.tests.content import approve_by_the_partners, draft_page
from pagecache.tests.test_invalidation_across_processes import read, warm
from toolkit.tests import factories


def privacy_link(page):
    return f'<a href="{page.url}" data-kind="privacy">'


def test_unpublishing_the_privacy_page_removes_its_link_on_the_next_anonymous_get(
    client, clients, portal, shared_cache
):
    tools = factories.ToolIndexPageFactory(parent=portal["fr"])
    privacy = factories.InformationPageFactory(parent=portal["fr"], kind="privacy", title="Données personnelles")
    arabic = factories.translate(privacy, "ar")
    for path in ("/fr/", tools.url, "/ar/", "/en/"):
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit", path
    assert privacy_link(privacy) in client.get(tools.url).content.decode()

    response = clients["dgct"].post(reverse("wagtailadmin_pages:unpublish", args=[privacy.pk]))
    assert response.status_code == 302

    for path in ("/fr/", tools.url):
        answer = client.get(path)
        assert answer["X-Page-Cache"] == "miss", path
        assert 'data-kind="privacy"' not in answer.content.decode(), path
    assert privacy_link(arabic) in client.get("/ar/").content.decode()  # the Arabic translation stays live
    assert client.get("/en/")["X-Page-Cache"] == "hit"  # no English translation: English pages stay cached


def test_publishing_and_deleting_an_institutional_page_reach_the_footer_of_every_worker(across):
    site, other = across.site, across.other
    home = site["homes"]["fr"]
    french = [home.url, site["tree"]["tools"]["fr"].url, site["regions"]["fr"].url]
    legal = draft_page(factories.InformationPageFactory, across.users, parent=home, kind="legal_notice",
                       title="Mentions légales")  # fmt: skip
    warm(other, *french, "/ar/")
    assert 'data-kind="legal_notice"' not in other.get(home.url).text

    approve_by_the_partners(across.staff, across.users, legal)

    legal.refresh_from_db()
    for path in french:
        assert f'<a href="{legal.url}" data-kind="legal_notice">Mentions légales</a>' in read(other, path).text, path
    assert other.get("/ar/").cache_state == "hit"  # no Arabic translation: Arabic pages stay cached

    warm(other, *french)
    response = across.staff["admin"].post(reverse("wagtailadmin_pages:delete", args=[legal.pk]))
    assert response.status_code == 302
    for path in french:
        assert 'data-kind="legal_notice"' not in read(other, path).text, path
    assert other.get("/ar/").cache_state == "hit"


def test_a_renamed_institutional_page_is_linked_at_its_new_address_in_every_worker(across):
    site, other = across.site, across.other
    home = site["homes"]["fr"]
    contact = factories.InformationPageFactory(parent=home, kind="contact", title="Contact", slug="contact")
    contact.save_revision()
    contact = publish_as_operator(contact, "tests").specific
    warm(other, home.url, site["tree"]["tools"]["fr"].url)
    assert '<a href="/fr/contact/" data-kind="contact">' in other.get(home.url).text

    response = across.staff["editor"].post(
        reverse("wagtailadmin_pages:edit", args=[contact.pk]),
        information_form(contact, action="action-submit", slug="nous-contacter"),
    )
    assert response.status_code == 302
    for role in ("dgct", "arm", "embassy"):
        decide(across.staff[role], contact)

    for path in (home.url, site["tree"]["tools"]["fr"].url):
        text = read(other, path).text
        assert '<a href="/fr/nous-contacter/" data-kind="contact">' in text, path
        assert 'href="/fr/contact/"' not in text, path
