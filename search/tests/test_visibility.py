"""Results never include draft, private or other-language pages."""

from wagtail.models import PageViewRestriction

from search.models import SearchDocument


def titles(client, language, query):
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


def test_draft_pages_are_not_found(client, make_page):
    make_page("fr", "Brouillon confidentiel", "Texte de travail.", live=False)
    assert "Brouillon confidentiel" not in titles(client, "fr", "confidentiel")


def test_unpublished_pages_leave_the_index(client, make_page):
    page = make_page("fr", "Charte retirée", "Une charte de participation.")
    assert "Charte retirée" in titles(client, "fr", "charte")
    page.unpublish()
    assert "Charte retirée" not in titles(client, "fr", "charte")
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


def test_private_pages_are_not_found(client, make_page):
    page = make_page("fr", "Note réservée", "Diffusion restreinte aux partenaires.")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert "Note réservée" not in titles(client, "fr", "restreinte")


def test_pages_of_another_language_are_not_found(client, make_page):
    make_page("fr", "Coopération décentralisée", "Jumelage entre régions.")
    make_page("en", "Twinning", "Decentralised cooperation between regions.")
    english = titles(client, "en", "cooperation")
    assert "Twinning" in english
    assert "Coopération décentralisée" not in english
