"""Moving a live section that holds drafts never puts a draft in the search index.

``post_page_move`` reindexes the moved subtree (search/signals.py); each page is indexed from its row, which holds
its live content, and only when it is live and public. The move is made through the admin's move view.
"""

from django.urls import reverse
from wagtail.models import Page

from approvals.operator import publish_as_operator
from search.models import SearchDocument
from tests.testapp.models import ArticlePage


def article(parent, title, summary, live=True):
    page = ArticlePage(title=title, slug=title.lower().replace(" ", "-"), summary=summary)
    parent.add_child(instance=page)
    page.save_revision()
    if live:
        publish_as_operator(page, "tests")
    return ArticlePage.objects.get(pk=page.pk)


def results(client, query):
    return client.get("/fr/search/", {"q": query}).content.decode()


def test_moving_a_live_section_with_drafts_indexes_only_its_live_pages(clients, portal):
    section = article(portal["fr"], "Rubrique des outils", "Une rubrique publiée.")
    live_child = article(section, "Outil publie", "Texte approuvé du guide.")
    draft_child = article(section, "Outil inedit", "Texte confidentiel du brouillon.", live=False)
    # A newer, unapproved draft of the live child: its words must not reach the index either.
    live_child.summary = "Mention embargonnée du brouillon."
    live_child.save_revision()
    destination = article(portal["fr"], "Nouvelle rubrique", "Destination.")
    assert not SearchDocument.objects.filter(page_id=draft_child.pk).exists()

    response = clients["admin"].post(reverse("wagtailadmin_pages:move_confirm", args=[section.pk, destination.pk]))
    assert response.status_code == 302
    assert Page.objects.get(pk=section.pk).get_parent().pk == destination.pk

    subtree = Page.objects.get(pk=section.pk).get_descendants(inclusive=True)
    indexed = set(SearchDocument.objects.filter(page__in=subtree).values_list("page_id", flat=True))
    assert indexed == {section.pk, live_child.pk}
    document = SearchDocument.objects.get(page_id=live_child.pk)
    assert "/nouvelle-rubrique/rubrique-des-outils/" in document.url  # reindexed at its new place
    assert "embargonn" not in document.text_norm and "embargonn" not in document.summary
    assert "Outil inedit" not in results(clients["admin"], "confidentiel")
    assert "Outil publie" not in results(clients["admin"], "embargonnée")
    assert "Outil publie" in results(clients["admin"], "approuvé")
